import ScrutineerCore

/// Reads a row returned by the driver column by column, in the order the query named them;
/// anything unreadable becomes a `StoreError` naming the table, column and value.
struct CellReader {
    private let cells: [SQLCell]
    private let table: String
    private let columns: [String]
    private var index = 0

    init(_ cells: [SQLCell], table: String, columns: [String]) {
        self.cells = cells
        self.table = table
        self.columns = columns
    }

    private mutating func next() throws -> SQLCell {
        guard index < cells.count else {
            throw StoreError.unreadableStoredValue(table: table, column: index < columns.count ? columns[index] : "#\(index + 1)", value: "(missing)")
        }
        defer { index += 1 }
        return cells[index]
    }

    private func unreadable(_ cell: SQLCell) -> StoreError {
        let value = switch cell {
        case let .text(text): text
        case let .double(double): "\(double)"
        case let .integer(integer): "\(integer)"
        case .null: "NULL"
        }
        return StoreError.unreadableStoredValue(table: table, column: index - 1 < columns.count ? columns[index - 1] : "#\(index)", value: value)
    }

    /// A nullable text column.
    mutating func optionalText() throws -> String? {
        switch try next() {
        case let .text(text): return text
        case .null: return nil
        case let other: throw unreadable(other)
        }
    }

    /// A NOT NULL text column.
    mutating func text() throws -> String {
        let cell = try next()
        guard case let .text(text) = cell else { throw unreadable(cell) }
        return text
    }

    /// A nullable double column (SQLite may hand back a whole number as an integer).
    mutating func optionalDouble() throws -> Double? {
        switch try next() {
        case let .double(double): return double
        case let .integer(integer): return Double(integer)
        case .null: return nil
        case let other: throw unreadable(other)
        }
    }

    /// A NOT NULL integer column.
    mutating func integer() throws -> Int {
        let cell = try next()
        guard case let .integer(integer) = cell else { throw unreadable(cell) }
        return integer
    }

    /// A NOT NULL column holding a value's text form.
    mutating func parsed<Value>(_ parse: (String) -> Value?) throws -> Value {
        let cell = try next()
        guard case let .text(text) = cell, let value = parse(text) else { throw unreadable(cell) }
        return value
    }

    /// A nullable column holding a value's text form.
    mutating func optionalParsed<Value>(_ parse: (String) -> Value?) throws -> Value? {
        let cell = try next()
        if case .null = cell { return nil }
        guard case let .text(text) = cell, let value = parse(text) else { throw unreadable(cell) }
        return value
    }
}
