import ScrutineerCore

/// The risks each committee owns (PRODUCT.md R11; migration 12), written by `scrutineer import
/// risks` through `importBatch`.
extension SQLStore {
    /// Every review of every risk a committee owns, by risk and then day.
    public func risks(committeeCode: String) async throws -> [RiskReview] {
        try await committeeRecords(RiskReviewRecord.self, committeeCode: committeeCode)
    }

    /// Removes one review of a committee's risk (a review recorded on the wrong day, or for the
    /// wrong risk), audited with what it was; a published report keeps the register as it stood.
    /// Returns the review removed.
    @discardableResult
    public func removeRiskReview(committeeCode: String, reference: String, reviewedOn day: CalendarDate, by user: String) async throws -> RiskReview {
        typealias R = Schema.RiskReviews
        let register = try await risks(committeeCode: committeeCode)
        let held = register.filter { $0.reference == reference }
        guard let review = held.first(where: { $0.reviewedOn == day }) else {
            var references: [String] = []
            for review in register where !references.contains(review.reference) { references.append(review.reference) }
            throw StoreError.unknownRiskReview(committee: committeeCode, reference: reference, day: day.iso, held: held.map(\.reviewedOn.iso), references: references)
        }
        return try await change { session in
            try await session.sql.raw("""
                DELETE FROM \(unsafeRaw: R.table) WHERE \(unsafeRaw: R.committeeCode) = \(bind: committeeCode)
                AND \(unsafeRaw: R.reference) = \(bind: reference) AND \(unsafeRaw: R.reviewedOn) = \(bind: day.iso)
                """).run()
            _ = try await AuditWriter.insert(
                into: session, action: "remove risk review \(committeeCode) \(reference) of \(day.iso) (score \(review.score.value), \(review.status.rawValue))",
                user: user, at: StoreTimestamp.now(), files: [], summary: nil
            )
            return review
        }
    }
}
