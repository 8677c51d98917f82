import ScrutineerCore

/// How a `RiskReview` is written to and read from committee_risk_reviews.
enum RiskReviewRecord: CommitteeRecordMapping {
    typealias Columns = Schema.RiskReviews

    static let recordName = "risk review"
    static let table = Columns.table
    static let columns = Columns.columns
    static let keyColumns = [Columns.committeeCode, Columns.reference, Columns.reviewedOn]
    /// An import reads the stored reviews of the risks it names.
    static let narrowingColumn = Columns.reference
    static func committeeCode(of review: RiskReview) -> String { review.committeeCode }
    static func narrowingValue(of review: RiskReview) -> String { review.reference }

    /// The review's row in `Schema.RiskReviews.columns` order.
    static func cells(_ review: RiskReview) -> [SQLCell] {
        [
            .text(review.committeeCode), .text(review.reference), .text(review.reviewedOn.iso), .text(review.title), .text(review.description),
            .text(review.owner), .integer(review.score.likelihood), .integer(review.score.impact),
            SQLCell(review.target?.likelihood), SQLCell(review.target?.impact), .text(review.mitigation), .text(review.status.rawValue),
        ]
    }

    /// What identifies a review: its committee, risk and day.
    static func key(_ review: RiskReview) -> String {
        "\(review.committeeCode) risk \(review.reference) on \(review.reviewedOn.iso)"
    }

    static func decode(_ row: StoredRow) throws -> RiskReview {
        let targetLikelihood = try row.optionalInteger(Columns.targetLikelihood), targetImpact = try row.optionalInteger(Columns.targetImpact)
        return RiskReview(
            committeeCode: try row.text(Columns.committeeCode), reference: try row.text(Columns.reference), title: try row.text(Columns.title),
            description: try row.text(Columns.description), owner: try row.text(Columns.owner), reviewedOn: try row.date(Columns.reviewedOn),
            score: RiskScore(likelihood: try row.integer(Columns.likelihood), impact: try row.integer(Columns.impact)),
            target: targetLikelihood.flatMap { likelihood in targetImpact.map { RiskScore(likelihood: likelihood, impact: $0) } },
            mitigation: try row.text(Columns.mitigation), status: try row.parsed(Columns.status) { RiskReview.Status(rawValue: $0) }
        )
    }
}
