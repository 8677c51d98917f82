import ScrutineerCore
import SQLKit

extension SQLStore {
    /// The audit trail, oldest first, each entry with its files (two queries).
    public func auditTrail() async throws -> [AuditEntry] {
        typealias U = Schema.Audit
        typealias F = Schema.AuditFiles
        return try await read { session in
            let database = session.sql
            var files: [Int: [String]] = [:]
            for row in try await database.rows("""
                SELECT \(unsafeRaw: F.auditId), \(unsafeRaw: F.fileName) FROM \(unsafeRaw: F.table)
                ORDER BY \(unsafeRaw: F.auditId), \(unsafeRaw: F.ordinal)
                """, table: F.table) {
                files[try row.integer(F.auditId), default: []].append(try row.text(F.fileName))
            }
            return try await database.rows("""
                SELECT \(unsafeRaw: U.id), \(unsafeRaw: U.columns.joined(separator: ", ")) FROM \(unsafeRaw: U.table) ORDER BY \(unsafeRaw: U.id)
                """, table: U.table).map { row in
                let id = try row.integer(U.id)
                var summary: ImportSummary?
                if let rowsRead = try row.optionalInteger(U.rowsRead) {
                    summary = ImportSummary(
                        rowsRead: rowsRead, added: try row.integer(U.added), changed: try row.integer(U.changed),
                        unchanged: try row.integer(U.unchanged), rejected: try row.integer(U.rejected)
                    )
                }
                return AuditEntry(
                    id: id, action: try row.text(U.action), user: try row.text(U.userName), at: try row.text(U.recordedAt),
                    files: files[id] ?? [], summary: summary
                )
            }
        }
    }
}
