import SQLKit

/// One value to write. Present values are bound as their own Swift type (a Double as a double,
/// never through text); NULL is written into the SQL, which keeps statements under the bind limit.
enum SQLCell: Sendable, Hashable {
    case text(String)
    case double(Double)
    case integer(Int)
    case null

    init(_ text: String?) { self = text.map(SQLCell.text) ?? .null }
    init(_ double: Double?) { self = double.map(SQLCell.double) ?? .null }
    init(_ integer: Int?) { self = integer.map(SQLCell.integer) ?? .null }

    /// Writes the cell as a bind placeholder (or NULL).
    func serialize(to serializer: inout SQLSerializer) {
        switch self {
        case let .text(text): serializer.write(bind: text)
        case let .double(double): serializer.write(bind: double)
        case let .integer(integer): serializer.write(bind: integer)
        case .null: serializer.write("NULL")
        }
    }
}

/// `INSERT INTO table (columns) VALUES (…), (…), …` for many rows in one statement, with an
/// optional tail such as an `ON CONFLICT` clause.
struct MultiRowInsert: SQLExpression {
    let table: String
    let columns: [String]
    /// Row after row, `columns.count` cells each.
    let cells: ArraySlice<SQLCell>
    var tail: String = ""

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ")
        var index = cells.startIndex
        var first = true
        while index < cells.endIndex {
            serializer.write(first ? "(" : ", (")
            first = false
            for column in 0..<columns.count {
                if column > 0 { serializer.write(", ") }
                cells[index + column].serialize(to: &serializer)
            }
            serializer.write(")")
            index += columns.count
        }
        if !tail.isEmpty { serializer.write(" " + tail) }
    }
}

extension SQLDatabase {
    /// Inserts rows (`columns.count` cells each) in as few statements as the engine's bind limit allows.
    func insertRows(into table: String, columns: [String], cells: [SQLCell], engine: DatabaseEngine, tail: String = "") async throws {
        precondition(cells.count % columns.count == 0, "cells must fill whole rows")
        let rowsPerStatement = max(1, engine.maximumBindsPerStatement / columns.count)
        let cellsPerStatement = rowsPerStatement * columns.count
        var start = 0
        while start < cells.count {
            let end = min(cells.count, start + cellsPerStatement)
            try await execute(sql: MultiRowInsert(table: table, columns: columns, cells: cells[start..<end], tail: tail)) { _ in }
            start = end
        }
    }

    /// Runs `run` once per chunk of `values`, each chunk small enough to bind in one statement.
    func forEachChunk<Value: Sendable>(
        of values: [Value], engine: DatabaseEngine, _ run: ([Value]) async throws -> Void
    ) async throws {
        let size = max(1, engine.maximumBindsPerStatement - 16)
        var start = 0
        while start < values.count {
            let end = min(values.count, start + size)
            try await run(Array(values[start..<end]))
            start = end
        }
    }
}
