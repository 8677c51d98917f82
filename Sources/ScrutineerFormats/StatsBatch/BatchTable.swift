import Foundation
import ScrutineerCore

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
            let positions = table.header.indices.filter { table.header[$0] == name }
            if positions.count > 1 {
                // A merged spreadsheet's second copy would be passed over without a word.
                errors.append(BatchInputError(
                    file: file, row: table.headerLine, column: name,
                    message: "\(positions.count) columns are named \(name), columns \(positions.map { String($0 + 1) }.joined(separator: " and ")) (expected one, so that it is clear which to use)"
                ))
            } else if let index = positions.first {
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
        guard let value = ImportText.number(text) else {
            reject(record, column, "\"\(text)\" is not a number (expected a number such as 42 or 0.5, or a blank cell for missing)")
            return nil
        }
        return value
    }

    /// Records an error for each row of a series (`positions`, in file order) whose period is
    /// earlier than the row's before it, when both are periods Scrutineer reads (`2015/16`,
    /// `2024/25 Q2`, `2024-09`): a file sorted newest first would otherwise give the trend or the
    /// chart backwards. Labels it does not read are taken in file order, as given.
    mutating func refuseBackwardPeriods(_ positions: [Int], periodIndex: Int, series name: String) {
        var previous: (label: String, period: Period, line: Int)?
        var seen: Set<String> = []
        for position in positions {
            let record = table.records[position]
            let label = text(record, periodIndex)
            // A period given twice is its own error.
            guard seen.insert(label).inserted else { continue }
            guard let period = Self.period(label) else { previous = nil; continue }
            if let before = previous, period.kind == before.period.kind, period.end < before.period.end {
                reject(record, "period", "\(label) is earlier than \(before.label) on row \(before.line)\(name.isEmpty ? "" : " in series \"\(name)\"") (expected rows oldest first: sort the file by period)")
                return
            }
            previous = (label, period, record.line)
        }
    }

    /// `label` as a period, whatever its years: the order of years is the same in every year type.
    static func period(_ label: String) -> Period? {
        (try? Period.parse(label, yearType: .financial)) ?? (try? Period.parse(label, yearType: .financial, monthly: true))
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
