import ScrutineerCore
import SQLKit

/// Each committee's quarterly finance returns (PRODUCT.md R10; migration 13), written by
/// `scrutineer import finance` through `importBatch`.
extension SQLStore {
    /// Every line of every finance return of a committee, by quarter, kind, service and line.
    public func finance(committeeCode: String) async throws -> [FinanceLine] {
        typealias F = Schema.FinanceLines
        return try await read { session in
            try await session.sql.rows("""
                SELECT \(unsafeRaw: F.columns.joined(separator: ", ")) FROM \(unsafeRaw: F.table)
                WHERE \(unsafeRaw: F.committeeCode) = \(bind: committeeCode)
                ORDER BY \(unsafeRaw: F.period), \(unsafeRaw: F.kind), \(unsafeRaw: F.service), \(unsafeRaw: F.line)
                """, table: F.table).map(FinanceLineRecord.decode)
        }
    }
}
