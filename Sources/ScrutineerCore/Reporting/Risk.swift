import Foundation

/// How likely a risk is and how much harm it would do, each scored 1 to 5 on the five-by-five
/// matrix councils' risk registers use; the score is their product, 1 to 25.
public struct RiskScore: Sendable, Hashable, Codable {
    /// 1 (rare) to 5 (almost certain).
    public var likelihood: Int
    /// 1 (negligible) to 5 (severe).
    public var impact: Int

    /// The lowest and highest likelihood or impact.
    public static let scale = 1...5

    public init(likelihood: Int, impact: Int) {
        self.likelihood = likelihood
        self.impact = impact
    }

    /// Likelihood × impact, 1 to 25.
    public var value: Int { likelihood * impact }

    public var rating: RiskRating { RiskRating(score: value) }

    /// "16 (high)".
    public var text: String { "\(value) (\(rating.word))" }

    /// "Likelihood 4 × impact 4".
    public var factorsText: String { "Likelihood \(likelihood) × impact \(impact)" }
}

/// The band a risk score falls in: low 1–4, medium 5–12, high 15–25 (`keyText` says so in words).
public enum RiskRating: String, Sendable, Hashable, Codable, CaseIterable {
    case low, medium, high

    /// The band of a score from 1 to 25.
    public init(score: Int) {
        self = score >= 15 ? .high : score >= 5 ? .medium : .low
    }

    public var word: String { rawValue }

    /// The bands in words, for the key beside every list of risks.
    public static let keyText =
        "Scores are likelihood × impact, each from 1 (least) to 5 (most): 1–4 is low, 5–12 medium and 15–25 high."
}

/// One risk the committee owns as it was reviewed on one day (PRODUCT.md R11: "the risks the
/// committee owns, with score, trend and mitigation"), one row of the council's risk register.
/// Each review is kept, so a report shows how the score moved since the review before.
public struct RiskReview: Sendable, Hashable, Codable {
    /// Open, or closed at this review (no longer a risk the committee owns).
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, closed
    }

    /// The committee that owns the risk.
    public var committeeCode: String
    /// The register's reference for the risk ("CYP01"); the same in every review of it.
    public var reference: String
    /// The risk in a line ("Not enough placements for children in care").
    public var title: String
    /// Its causes and consequences; empty when the register gives none.
    public var description: String
    /// Who owns it, by job title ("Director of Children and Families").
    public var owner: String
    /// The day it was reviewed.
    public var reviewedOn: CalendarDate
    /// The score as reviewed, with the mitigation in place.
    public var score: RiskScore
    /// The score the mitigation aims for, if the register sets one.
    public var target: RiskScore?
    /// What is being done about it.
    public var mitigation: String
    public var status: Status

    public init(
        committeeCode: String, reference: String, title: String, description: String = "", owner: String, reviewedOn: CalendarDate,
        score: RiskScore, target: RiskScore? = nil, mitigation: String, status: Status = .open
    ) {
        self.committeeCode = committeeCode
        self.reference = reference
        self.title = title
        self.description = description
        self.owner = owner
        self.reviewedOn = reviewedOn
        self.score = score
        self.target = target
        self.mitigation = mitigation
        self.status = status
    }

    /// The longest reference kept.
    public static let longestReference = 40
    /// The longest title or owner kept.
    public static let longestName = 200
    /// The longest description or mitigation kept: a paragraph of a register, not a report.
    public static let longestText = 2_000
}

/// How a risk's score moved since the review before the one a report shows.
public enum RiskTrend: Sendable, Hashable {
    /// No earlier review: the risk is new to the register.
    case new
    /// The score rose (the risk is worse), fell (better) or stayed the same since `previous`.
    case worse(previous: RiskReview)
    case better(previous: RiskReview)
    case unchanged(previous: RiskReview)
    /// Open again after `previous` closed it: its score is not compared across the closure.
    case reopened(previous: RiskReview)

    /// One word for data files and the API: new, worse, better, unchanged or reopened.
    public var code: String {
        switch self {
        case .new: "new"
        case .worse: "worse"
        case .better: "better"
        case .unchanged: "unchanged"
        case .reopened: "reopened"
        }
    }

    /// Every `code`, in the order of the cases.
    public static let codes = ["new", "worse", "better", "unchanged", "reopened"]

    /// The review the trend compares with; nil for a new risk.
    public var previous: RiskReview? {
        switch self {
        case .new: nil
        case let .worse(previous), let .better(previous), let .unchanged(previous), let .reopened(previous): previous
        }
    }
}

/// A risk as one report lists it: its newest review known on the report's day, and how the score
/// moved since the review before.
public struct ReportedRisk: Sendable, Hashable {
    public let review: RiskReview
    public let trend: RiskTrend
    /// Whether the newest review falls in the report's period or after it began (false: the risk
    /// was last reviewed before the period, and the report says so).
    public let reviewedThisPeriod: Bool

    public init(review: RiskReview, trend: RiskTrend, reviewedThisPeriod: Bool) {
        self.review = review
        self.trend = trend
        self.reviewedThisPeriod = reviewedThisPeriod
    }

    /// The risks the report for `period`, judged as on `day`, lists: every risk whose newest review
    /// by `day` leaves it open, and those closed since the period began, so each closure is reported
    /// once. Reviews after `day` are not yet known to it. Highest score first, closed risks last,
    /// then by reference.
    public static func inReport(_ reviews: [RiskReview], period: Period, on day: CalendarDate) -> [ReportedRisk] {
        let known = Dictionary(grouping: reviews.filter { $0.reviewedOn <= day }, by: \.reference)
        let listed: [ReportedRisk] = known.values.compactMap { history in
            let ordered = history.sorted { $0.reviewedOn < $1.reviewedOn }
            guard let newest = ordered.last else { return nil }
            if newest.status == .closed, newest.reviewedOn < period.start { return nil }
            let trend: RiskTrend = if ordered.count < 2 {
                .new
            } else {
                Self.trend(from: ordered[ordered.count - 2], to: newest)
            }
            return ReportedRisk(review: newest, trend: trend, reviewedThisPeriod: newest.reviewedOn >= period.start)
        }
        return listed.sorted { a, b in
            if (a.review.status == .closed) != (b.review.status == .closed) { return b.review.status == .closed }
            if a.review.score.value != b.review.score.value { return a.review.score.value > b.review.score.value }
            return a.review.reference.localizedStandardCompare(b.review.reference) == .orderedAscending
        }
    }

    private static func trend(from previous: RiskReview, to newest: RiskReview) -> RiskTrend {
        if previous.status == .closed, newest.status == .open { return .reopened(previous: previous) }
        if newest.score.value > previous.score.value { return .worse(previous: previous) }
        if newest.score.value < previous.score.value { return .better(previous: previous) }
        return .unchanged(previous: previous)
    }

    /// The move since the review before, in words: "Worse: up from 12 (medium) on 10 Mar 2026",
    /// "New to the register".
    public var trendText: String {
        switch trend {
        case .new: "New to the register"
        case let .worse(previous): "Worse: up from \(previous.score.text) on \(previous.reviewedOn.displayText)"
        case let .better(previous): "Better: down from \(previous.score.text) on \(previous.reviewedOn.displayText)"
        case let .unchanged(previous): "Unchanged since \(previous.reviewedOn.displayText)"
        case let .reopened(previous): "Reopened: it was closed on \(previous.reviewedOn.displayText)"
        }
    }

    /// When it was reviewed, and a warning when that was before the period: "Reviewed on 8 Sep
    /// 2026", "Last reviewed on 10 Mar 2026, before this period", "Closed on 8 Sep 2026".
    public var reviewText: String {
        let day = review.reviewedOn.displayText
        if review.status == .closed { return "Closed on \(day)" }
        return reviewedThisPeriod ? "Reviewed on \(day)" : "Last reviewed on \(day), before this period"
    }
}
