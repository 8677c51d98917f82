/// Where a committee's report for one period is in sign-off (PRODUCT.md R15): draft → checked →
/// published. A report with no record is a draft.
public struct ReportPublication: Sendable, Hashable, Codable {
    /// The stages of sign-off.
    public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
        case draft, checked, published

        /// The stages a report at this stage may move to: a report is published only once it has
        /// been checked, and a published one only moves back (publishing it again is refused; it
        /// stays as the committee read it). A stage may be saved again, except published.
        public var moves: [Stage] {
            switch self {
            case .draft: [.draft, .checked]
            case .checked: [.draft, .checked, .published]
            case .published: [.draft, .checked]
            }
        }
    }

    public var committeeCode: String
    /// The reporting period ("2026/27 Q1").
    public var periodLabel: String
    public var stage: Stage
    /// Who moved it to this stage, and when (ISO 8601, UTC).
    public var changedBy: String
    public var changedAt: String

    /// A report's stage.
    public init(committeeCode: String, periodLabel: String, stage: Stage, changedBy: String, changedAt: String = "") {
        self.committeeCode = committeeCode
        self.periodLabel = periodLabel
        self.stage = stage
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}
