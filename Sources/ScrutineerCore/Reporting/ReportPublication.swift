/// Where a committee's report for one period is in sign-off (PRODUCT.md R15): draft → checked →
/// published. A report with no record is a draft.
public struct ReportPublication: Sendable, Hashable, Codable {
    /// The stages of sign-off.
    public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
        case draft, checked, published
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
