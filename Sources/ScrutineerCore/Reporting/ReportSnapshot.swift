/// A committee's report for one period as it stood when it was published (PRODUCT.md R15: "a
/// published report is an immutable snapshot: what the committee saw on the day can always be
/// reproduced"). It holds the assessment for every audience, judged as on the day of publication,
/// with the commentary and target history the report showed, so later data, target changes,
/// commentary or the passing of time never change what a published report says.
public struct ReportSnapshot: Sendable, Hashable, Codable {
    /// The layout of the stored snapshot. A snapshot written in another layout is not read as this
    /// one: raise it when a change to the assessment's types would read old snapshots wrongly.
    public static let format = 1

    public var committeeCode: String
    /// The reporting period ("2026/27 Q1").
    public var periodLabel: String
    /// 1 for the report's first publication, then 2, 3… when it is published again.
    public var version: Int
    /// Who published it, and when (ISO 8601, UTC; set by the store).
    public var takenBy: String
    public var takenAt: String
    /// The revision of the data it was taken at: the audit entry that recorded its publication (set
    /// by the store). Every change with a higher id came after it, so a figure revised since is
    /// told from one revised before even in the same second. Nil before it is stored.
    public var revision: Int?
    /// The report as each audience reads it: one assessment per `Audience`.
    public var assessments: [CommitteeAssessment]
    /// The newest commentary on each measure when it was published.
    public var commentary: [Commentary]
    /// Every version of the council's targets for the committee's measures when it was published.
    public var targets: [Target]
    /// The committee's requests and their answers when it was published (PRODUCT.md R12); nil in a
    /// snapshot taken before requests were kept, which lists none.
    public var requests: [CommitteeRequest]?
    /// Every review of the risks the committee owns when it was published (PRODUCT.md R11); nil in
    /// a snapshot taken before risks were kept, which lists none.
    public var risks: [RiskReview]?
    /// Every quarter's finance return for the committee when it was published (PRODUCT.md R10);
    /// nil in a snapshot taken before finance returns were kept, which shows none.
    public var finance: [FinanceLine]?
    /// Each measure's comparison with its neighbours, region and comparator groups when it was
    /// published (PRODUCT.md R5); nil in a snapshot taken before comparisons were kept, whose
    /// comparison pages read the figures stored now.
    public var comparisons: [MeasureComparison]?
    /// Each text of the snapshot's commentary, requests, risks and finance that the public read
    /// differently when it was published, with how they read it (`PublicTextRule.keeping`); nil in
    /// a snapshot taken before this was kept, whose text the rule as it stands is applied to.
    public var publicText: [String: String]?

    /// A snapshot to publish.
    public init(
        committeeCode: String, periodLabel: String, takenBy: String, assessments: [CommitteeAssessment], commentary: [Commentary],
        targets: [Target], requests: [CommitteeRequest] = [], risks: [RiskReview] = [], finance: [FinanceLine] = [],
        comparisons: [MeasureComparison] = [], version: Int = 0, takenAt: String = ""
    ) {
        self.committeeCode = committeeCode
        self.periodLabel = periodLabel
        self.version = version
        self.takenBy = takenBy
        self.takenAt = takenAt
        self.assessments = assessments
        self.commentary = commentary
        self.targets = targets
        self.requests = requests
        self.risks = risks
        self.finance = finance
        self.comparisons = comparisons
        let requestTexts = requests.flatMap { [$0.request, $0.closedReason ?? ""] + $0.deliveries.map(\.note) }
        let riskTexts = risks.flatMap { [$0.title, $0.description, $0.mitigation] }
        publicText = PublicTextRule.keeping(commentary.map(\.text) + requestTexts + riskTexts + finance.map(\.explanation) + targets.flatMap { [$0.reason] + [$0.decision].compactMap { $0 } })
    }

    /// How the public reads the snapshot's text: as kept when it was published.
    public var publicTextRule: PublicTextRule { PublicTextRule(kept: publicText) }

    /// Which publication this is, by whom and when, as `committee snapshots` lists it.
    public var publication: ReportSnapshotVersion { ReportSnapshotVersion(version: version, takenBy: takenBy, takenAt: takenAt) }

    /// The report as `audience` reads it; nil when the snapshot holds no assessment for it.
    public func assessment(for audience: Audience) -> CommitteeAssessment? {
        assessments.first { $0.audience == audience }
    }

    /// The newest commentary on a measure when the report was published.
    public func commentary(on measureCode: String) -> Commentary? {
        commentary.first { $0.measureCode == measureCode }
    }

    /// The requests the published report listed, as they stood on the day it was judged as on.
    public func reportedRequests(for audience: Audience) -> [ReportedRequest] {
        guard let assessment = assessment(for: audience) else { return [] }
        return ReportedRequest.inReport(requests ?? [], period: assessment.reportingPeriod, on: assessment.today)
    }

    /// The risks the published report listed, as they stood on the day it was judged as on.
    public func reportedRisks(for audience: Audience) -> [ReportedRisk] {
        guard let assessment = assessment(for: audience) else { return [] }
        return ReportedRisk.inReport(risks ?? [], period: assessment.reportingPeriod, on: assessment.today)
    }

    /// A measure's comparison when the report was published; nil when the snapshot keeps none.
    public func comparison(of measureCode: String) -> MeasureComparison? {
        comparisons?.first { $0.measureCode == measureCode }
    }

    /// A measure's target versions when the report was published, in the order the store lists them.
    public func targets(of measureCode: String) -> [Target] {
        targets.filter { $0.measureCode == measureCode }
    }
}

/// One publication of a report, without what it said: its version, who published it and when.
public struct ReportSnapshotVersion: Sendable, Hashable {
    public let version: Int
    public let takenBy: String
    /// ISO 8601, UTC.
    public let takenAt: String

    public init(version: Int, takenBy: String, takenAt: String) {
        self.version = version
        self.takenBy = takenBy
        self.takenAt = takenAt
    }
}

extension CommitteeAssessment {
    /// The committee's report for one period, judged as on `today`, for every audience.
    public static func forEveryAudience(
        _ index: AssessmentIndex, committee: Committee, reportingPeriod: Period, today: CalendarDate
    ) throws -> [CommitteeAssessment] {
        try Audience.allCases.map { try index.assess(committee: committee, reportingPeriod: reportingPeriod, today: today, audience: $0) }
    }
}
