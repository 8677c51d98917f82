import ScrutineerCore

/// Each committee's quarterly finance returns (PRODUCT.md R10; migration 13), written by
/// `scrutineer import finance` through `importBatch`.
extension SQLStore {
    /// Every line of every finance return of a committee, by quarter, kind, service and line.
    public func finance(committeeCode: String) async throws -> [FinanceLine] {
        try await committeeRecords(FinanceLineRecord.self, committeeCode: committeeCode)
    }
}
