import SQLKit

/// One leased connection, seen two ways: through SQLKit for every query, and through the
/// driver (`DriverConnection`) for the bulk paths.
struct StoreSession: Sendable {
    let sql: any SQLDatabase
    let driver: any DriverConnection
    let engine: DatabaseEngine
    /// The same connection through SQLKit, for a statement that may rightly take long (waiting its
    /// turn behind other work, such as the write lock an import holds, or a migration rewriting a
    /// table): on PostgreSQL it may go unanswered as long as work waits for a connection to come
    /// free, where `sql` and `driver` give the connection up after the database's answer time
    /// (see `AnswerWait`).
    let sqlForLongWork: any SQLDatabase

    /// Runs a query written with SQLKit through the driver, returning each row's cells in
    /// column order.
    func cells(_ query: SQLQueryString) async throws -> [[SQLCell]] {
        let (text, binds) = sql.serialize(query)
        return try await driver.rows(text, binds: binds.map(SQLCell.init(bound:)))
    }

    /// One statement of an insert, with its values: what `insertStatements` plans and `run` executes.
    struct BoundStatement: Sendable {
        let text: String
        let binds: [SQLCell]
    }

    /// Inserts rows of `columns.count` cells each in as few statements as the engine's bind limit
    /// allows (see `insertStatements`).
    func insertRows(into table: String, columns: [String], cells: [SQLCell], tail: String = "") async throws {
        for statement in insertStatements(into: table, columns: columns, cells: cells, tail: tail) {
            try await run(statement)
        }
    }

    /// Deletes the row whose `columns` hold `key` (one cell each, none NULL), for each key.
    func deleteRows(from table: String, columns: [String], keys: [[SQLCell]]) async throws {
        guard !keys.isEmpty else { return }
        var serializer = SQLSerializer(database: sql)
        var placeholders = Placeholders(sql)
        serializer.write("DELETE FROM \(table) WHERE ")
        for (index, column) in columns.enumerated() {
            serializer.write((index == 0 ? "" : " AND ") + column + " = ")
            placeholders.write(to: &serializer)
        }
        for key in keys {
            precondition(key.count == columns.count && !key.contains(.null), "a key is one cell for each column, none NULL")
            try await run(BoundStatement(text: serializer.sql, binds: key))
        }
    }

    /// Runs one planned statement.
    func run(_ statement: BoundStatement) async throws {
        try await driver.execute(statement.text, binds: statement.binds[...])
    }

    /// Plans the statements that insert rows of `columns.count` cells each, in as few statements
    /// as the engine's bind limit allows, without touching the database (so a caller can plan the
    /// next rows while the database writes these). A column whose cell is the same in every row (an
    /// import's audit id and source, the blanks a source never fills) is bound once per statement
    /// instead of once per row, which halves what the database has to parse; every full statement
    /// has the same text.
    func insertStatements(into table: String, columns: [String], cells: [SQLCell], tail: String = "") -> [BoundStatement] {
        var texts = InsertTexts()
        return insertStatements(into: table, columns: columns, cells: cells, tail: tail, texts: &texts)
    }

    /// Statement texts already written, by table, shape of the columns and number of rows, so the
    /// chunks of one import write each text once.
    struct InsertTexts {
        fileprivate var texts: [String: String] = [:]
    }

    /// `insertStatements`, reusing (and adding to) `texts`.
    func insertStatements(
        into table: String, columns: [String], cells: [SQLCell], tail: String = "", texts: inout InsertTexts
    ) -> [BoundStatement] {
        precondition(cells.count % columns.count == 0, "cells must fill whole rows")
        guard !cells.isEmpty else { return [] }
        let width = columns.count
        let rowCount = cells.count / width
        let shared = (0..<width).map { column in
            (1..<rowCount).allSatisfy { cells[$0 * width + column] == cells[column] } ? cells[column] : nil
        }
        let varying = (0..<width).filter { shared[$0] == nil }
        guard !varying.isEmpty, rowCount > 1, tail.isEmpty else {
            return eachRowStatements(into: table, columns: columns, cells: cells, tail: tail)
        }
        let rowsPerStatement = max(1, (engine.maximumBindsPerStatement - width) / varying.count)
        let sharedBinds: [SQLCell] = shared.compactMap { $0 }.filter { $0 != .null }
        // The text depends on which columns are shared (and NULL) and on the varying columns' types.
        let shape = String((0..<width).map { column -> Character in
            switch shared[column] {
            case .null?: return "n"
            case .some: return "b"
            case nil: return sqlType(ofColumn: column, width: width, cells: cells).first ?? "?"
            }
        })
        var statements: [BoundStatement] = []
        var text: (rows: Int, sql: String)?
        var firstRow = 0
        while firstRow < rowCount {
            let rows = min(rowsPerStatement, rowCount - firstRow)
            if text?.rows != rows {
                let key = "\(table) \(shape) \(rows)"
                if let known = texts.texts[key] {
                    text = (rows, known)
                } else {
                    let written = selectInsertStatement(into: table, columns: columns, cells: cells, shared: shared, varying: varying, rows: rows)
                    texts.texts[key] = written
                    text = (rows, written)
                }
            }
            var binds = sharedBinds
            binds.reserveCapacity(binds.count + rows * varying.count)
            for row in firstRow..<(firstRow + rows) {
                let base = row * width
                for column in varying { binds.append(cells[base + column]) }
            }
            statements.append(BoundStatement(text: text!.sql, binds: binds))
            firstRow += rows
        }
        return statements
    }

    /// `INSERT INTO table (columns) SELECT shared binds and v.columnN… FROM (VALUES (…), (…)) AS v`:
    /// on PostgreSQL each varying column cast to its type, so it reads a column of NULLs as that type too.
    private func selectInsertStatement(
        into table: String, columns: [String], cells: [SQLCell], shared: [SQLCell?], varying: [Int], rows: Int
    ) -> String {
        var serializer = SQLSerializer(database: sql)
        var placeholders = Placeholders(sql)
        func placeholder() { placeholders.write(to: &serializer) }
        serializer.write("INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT ")
        var valuesColumn = 0
        for column in columns.indices {
            if column > 0 { serializer.write(", ") }
            switch shared[column] {
            case .null?: serializer.write("NULL")
            case .some: placeholder()
            case nil:
                valuesColumn += 1
                // SQLite stores each bound value as its type already (and gives VALUES columns no
                // type to correct), so only PostgreSQL needs the cast.
                if engine == .sqlite {
                    serializer.write("v.column\(valuesColumn)")
                } else {
                    serializer.write("CAST(v.column\(valuesColumn) AS \(sqlType(ofColumn: column, width: columns.count, cells: cells)))")
                }
            }
        }
        serializer.write(" FROM (VALUES ")
        for row in 0..<rows {
            serializer.write(row == 0 ? "(" : ", (")
            for index in varying.indices {
                if index > 0 { serializer.write(", ") }
                placeholder()
            }
            serializer.write(")")
        }
        serializer.write(") AS v")
        return serializer.sql
    }

    /// The SQL type of a column's cells (its first non-NULL one decides).
    private func sqlType(ofColumn column: Int, width: Int, cells: [SQLCell]) -> String {
        var index = column
        while index < cells.count {
            switch cells[index] {
            case .text: return "TEXT"
            case .double: return engine.double
            case .integer: return engine.generatedKeyReference
            case .null: index += width
            }
        }
        return engine.text
    }

    /// Statements that insert rows with every cell bound (a single row, or rows that share nothing).
    private func eachRowStatements(into table: String, columns: [String], cells: [SQLCell], tail: String) -> [BoundStatement] {
        let rowsPerStatement = max(1, engine.maximumBindsPerStatement / columns.count)
        var statements: [BoundStatement] = []
        var text: (rows: Int, sql: String)?
        var start = 0
        while start < cells.count {
            let end = min(cells.count, start + rowsPerStatement * columns.count)
            let rows = (end - start) / columns.count
            if text?.rows != rows {
                text = (rows, insertStatement(into: table, columns: columns, rows: rows, tail: tail))
            }
            statements.append(BoundStatement(text: text!.sql, binds: Array(cells[start..<end])))
            start = end
        }
        return statements
    }

    /// Inserts rows and returns the rows the `RETURNING` tail gives back.
    func insertReturning(into table: String, columns: [String], cells: [SQLCell], returning: String) async throws -> [[SQLCell]] {
        let rows = cells.count / columns.count
        return try await driver.rows(insertStatement(into: table, columns: columns, rows: rows, tail: "RETURNING \(returning)"), binds: cells)
    }

    /// `INSERT INTO table (columns) VALUES (…), (…) tail` with this engine's bind placeholders.
    private func insertStatement(into table: String, columns: [String], rows: Int, tail: String) -> String {
        var serializer = SQLSerializer(database: sql)
        var placeholders = Placeholders(sql)
        serializer.write("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ")
        for row in 0..<rows {
            serializer.write(row == 0 ? "(" : ", (")
            for column in 0..<columns.count {
                if column > 0 { serializer.write(", ") }
                placeholders.write(to: &serializer)
            }
            serializer.write(")")
        }
        if !tail.isEmpty { serializer.write(" " + tail) }
        return serializer.sql
    }

    /// The dialect's bind placeholders, numbered from 1. When a placeholder is a prefix and the
    /// position (`?1`, `$1`), the prefix is asked for once and the rest written directly, as boxing
    /// a placeholder expression per value costs more than SQLite's parse of the statement.
    private struct Placeholders {
        let database: any SQLDatabase
        let prefix: String?
        var position = 0

        init(_ database: any SQLDatabase) {
            self.database = database
            var first = SQLSerializer(database: database)
            database.dialect.bindPlaceholder(at: 1).serialize(to: &first)
            prefix = first.sql.hasSuffix("1") ? String(first.sql.dropLast()) : nil
        }

        /// Writes the next placeholder.
        mutating func write(to serializer: inout SQLSerializer) {
            position += 1
            if let prefix {
                serializer.write(prefix)
                serializer.write(String(position))
            } else {
                database.dialect.bindPlaceholder(at: position).serialize(to: &serializer)
            }
        }
    }

    /// Runs `run` once per chunk of `values`, each chunk of `size` values (by default as many as
    /// one statement can bind, less a few for the statement's own).
    func forEachChunk<Value>(of values: [Value], size: Int? = nil, _ run: ([Value]) async throws -> Void) async throws {
        let size = max(1, size ?? engine.maximumBindsPerStatement - 16)
        var start = 0
        while start < values.count {
            let end = min(values.count, start + size)
            try await run(Array(values[start..<end]))
            start = end
        }
    }
}
