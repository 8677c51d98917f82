import ScrutineerCore
import SQLKit

/// The risks each committee owns (PRODUCT.md R11; migration 12), written by `scrutineer import
/// risks` through `importBatch`.
extension SQLStore {
    /// Every review of every risk a committee owns, by risk and then day.
    public func risks(committeeCode: String) async throws -> [RiskReview] {
        typealias R = Schema.RiskReviews
        return try await read { session in
            try await session.sql.rows("""
                SELECT \(unsafeRaw: R.columns.joined(separator: ", ")) FROM \(unsafeRaw: R.table)
                WHERE \(unsafeRaw: R.committeeCode) = \(bind: committeeCode) ORDER BY \(unsafeRaw: R.reference), \(unsafeRaw: R.reviewedOn)
                """, table: R.table).map(RiskReviewRecord.decode)
        }
    }
}
