import ScrutineerCore
import SQLKit

/// Reads one row of a table by column name, turning anything unreadable into a `StoreError`
/// that names the table, column and value.
struct StoredRow {
    let row: any SQLRow
    let table: String

    /// A NOT NULL text column.
    func text(_ column: String) throws -> String {
        try row.decode(column: column, as: String.self)
    }

    /// A nullable text column.
    func optionalText(_ column: String) throws -> String? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: String.self)
    }

    /// A nullable double column.
    func optionalDouble(_ column: String) throws -> Double? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: Double.self)
    }

    /// A NOT NULL double column.
    func double(_ column: String) throws -> Double {
        try row.decode(column: column, as: Double.self)
    }

    /// A NOT NULL integer column.
    func integer(_ column: String) throws -> Int {
        try row.decode(column: column, as: Int.self)
    }

    /// A nullable integer column.
    func optionalInteger(_ column: String) throws -> Int? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: Int.self)
    }

    /// A NOT NULL column holding a value's text form (an enum's raw value, a date, a unit code).
    func parsed<Value>(_ column: String, _ parse: (String) -> Value?) throws -> Value {
        let text = try text(column)
        guard let value = parse(text) else { throw StoreError.unreadableStoredValue(table: table, column: column, value: text) }
        return value
    }

    /// A nullable column holding a value's text form.
    func optionalParsed<Value>(_ column: String, _ parse: (String) -> Value?) throws -> Value? {
        guard let text = try optionalText(column) else { return nil }
        guard let value = parse(text) else { throw StoreError.unreadableStoredValue(table: table, column: column, value: text) }
        return value
    }

    /// A NOT NULL ISO date column.
    func date(_ column: String) throws -> CalendarDate {
        try parsed(column) { CalendarDate(iso: $0) }
    }

    /// A nullable ISO date column.
    func optionalDate(_ column: String) throws -> CalendarDate? {
        try optionalParsed(column) { CalendarDate(iso: $0) }
    }
}
