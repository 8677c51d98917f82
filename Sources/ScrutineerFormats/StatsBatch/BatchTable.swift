import Foundation

/// A CSV input to a batch command with the checks every command shares: required columns,
/// numbers in number columns, and every problem collected before anything is written.
struct BatchTable {
    let table: CSVTable
    var errors: [BatchInputError] = []

    init(_ table: CSVTable) {
        self.table = table
    }

    var file: String { table.fileName }

    /// The positions of `names`, recording an error for each one the header lacks.
    mutating func requireColumns(_ names: [String]) -> [String: Int] {
        var found: [String: Int] = [:]
        for name in names {
            if let index = table.index(of: name) {
                found[name] = index
            } else {
                errors.append(BatchInputError(
                    file: file, row: table.headerLine, column: name,
                    message: "missing column (expected a header named \(name); the header has \(table.header.joined(separator: ",")))"
                ))
            }
        }
        return found
    }

    /// Records an error for each result column that the input already has, so output never
    /// holds two columns of one name.
    mutating func refuseExistingColumns(_ names: [String]) {
        for name in names where table.index(of: name) != nil {
            errors.append(BatchInputError(
                file: file, row: table.headerLine, column: name,
                message: "the input already has a column named \(name) (expected the result columns to be new; rename or drop it)"
            ))
        }
    }

    /// Records a problem with one cell.
    mutating func reject(_ record: CSVRecord, _ column: String, _ message: String) {
        errors.append(BatchInputError(file: file, row: record.line, column: column, message: message))
    }

    /// The text of a cell, trimmed; "" when the record is short.
    func text(_ record: CSVRecord, _ index: Int) -> String {
        index < record.fields.count ? record.fields[index].trimmingCharacters(in: .whitespaces) : ""
    }

    /// A number cell: nil when blank (missing), an error when it is not a number.
    mutating func number(_ record: CSVRecord, _ column: String, at index: Int?) -> Double? {
        guard let index else { return nil }
        let text = text(record, index)
        if text.isEmpty { return nil }
        guard let value = Double(text), value.isFinite else {
            reject(record, column, "\"\(text)\" is not a number (expected a number such as 42 or 0.5, or a blank cell for missing)")
            return nil
        }
        return value
    }

    /// Records an error for each record whose field count differs from the header's.
    mutating func checkRecordWidths() {
        for record in table.records where record.fields.count != table.header.count {
            errors.append(BatchInputError(
                file: file, row: record.line, column: "*",
                message: ImportText.rowWidthProblem(fields: record.fields.count, width: table.header.count)
            ))
        }
    }

    /// Throws every collected error.
    func throwIfRejected() throws(BatchInputErrors) {
        if !errors.isEmpty { throw BatchInputErrors(errors) }
    }
}

/// The result of a batch command: a header and rows of text, ready to write as CSV.
public struct BatchOutput: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The whole output as CSV text.
    public var csv: String {
        var text = CSVWriter.line(header)
        for row in rows { text += CSVWriter.line(row) }
        return text
    }
}

/// How numbers are written in batch output: to 15 significant digits (all a double holds
/// reliably, so 7.4659 is not printed as 7.4658999999999995), integers without a decimal point,
/// and missing as a blank cell.
enum BatchNumber {
    static func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.15g", value)
    }
}
