import ScrutineerCore
import SQLKit

/// Writes audit rows: who did what, when, from which files, with what result.
enum AuditWriter {
    /// Inserts one audit row and its files; returns the row's id.
    static func insert(
        into database: any SQLDatabase, engine: DatabaseEngine, action: String, user: String, at timestamp: String,
        files: [String], summary: ImportSummary?
    ) async throws -> Int {
        typealias U = Schema.Audit
        typealias F = Schema.AuditFiles
        let cells: [SQLCell] = [
            .text(action), .text(user), .text(timestamp), SQLCell(summary?.rowsRead), SQLCell(summary?.added),
            SQLCell(summary?.changed), SQLCell(summary?.unchanged), SQLCell(summary?.rejected),
        ]
        let insert = MultiRowInsert(table: U.table, columns: U.columns, cells: cells[...], tail: "RETURNING \(U.id)")
        guard let row = try await database.rows("\(insert)", table: U.table).first else {
            throw StoreError.changeRolledBack(reason: "the database returned no id for the new audit row")
        }
        let auditId = try row.integer(U.id)
        let fileCells = files.enumerated().flatMap { index, file in [SQLCell.integer(auditId), .integer(index + 1), .text(file)] }
        if !fileCells.isEmpty {
            try await database.insertRows(into: F.table, columns: F.columns, cells: fileCells, engine: engine)
        }
        return auditId
    }
}
