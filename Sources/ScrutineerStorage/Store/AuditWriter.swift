import ScrutineerCore

/// Writes audit rows: who did what, when, from which files, with what result.
enum AuditWriter {
    /// Inserts one audit row and its files; returns the row's id.
    static func insert(
        into session: StoreSession, action: String, user: String, at timestamp: String, files: [String], summary: ImportSummary?
    ) async throws -> Int {
        typealias U = Schema.Audit
        typealias F = Schema.AuditFiles
        let cells: [SQLCell] = [
            .text(action), .text(user), .text(timestamp), SQLCell(summary?.rowsRead), SQLCell(summary?.added),
            SQLCell(summary?.changed), SQLCell(summary?.unchanged), SQLCell(summary?.rejected),
        ]
        let returned = try await session.insertReturning(into: U.table, columns: U.columns, cells: cells, returning: U.id)
        guard let first = returned.first else {
            throw StoreError.changeRolledBack(reason: "the database returned no id for the new audit row")
        }
        var row = CellReader(first, table: U.table, columns: [U.id])
        let auditId = try row.integer()
        let fileCells = files.enumerated().flatMap { index, file in [SQLCell.integer(auditId), .integer(index + 1), .text(file)] }
        if !fileCells.isEmpty {
            try await session.insertRows(into: F.table, columns: F.columns, cells: fileCells)
        }
        return auditId
    }
}
