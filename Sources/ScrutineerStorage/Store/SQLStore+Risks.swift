import ScrutineerCore

/// The risks each committee owns (PRODUCT.md R11; migration 12), written by `scrutineer import
/// risks` through `importBatch`.
extension SQLStore {
    /// Every review of every risk a committee owns, by risk and then day.
    public func risks(committeeCode: String) async throws -> [RiskReview] {
        try await committeeRecords(RiskReviewRecord.self, committeeCode: committeeCode)
    }
}
