import Foundation
import ScrutineerCore

/// A CSV file being imported, with the checks every importer shares: required columns, row
/// widths, numbers, and every rejected cell collected before anything is returned.
struct ImportTable {
    let table: CSVTable
    var errors: [BatchInputError] = []
    /// How many rows had nothing in any cell (`,,,,` as Excel saves the rows under or between its
    /// data): left out of `records`, and counted in the summary (`blankRowsSkip`).
    let blankRows: Int

    /// Reads `file` as CSV; a file that is not CSV at all is one error naming the line. Rows with
    /// nothing in any cell are left out, unless `keepingBlankRows` (for a layout that reads them).
    /// A column named twice is refused, unless `repeatedColumns` (DfE's wide neighbour sheet
    /// names its ten neighbour columns alike).
    init(_ file: PublishedFile, keepingBlankRows: Bool = false, repeatedColumns: Bool = false) throws(BatchInputErrors) {
        var read: CSVTable
        do {
            read = try CSVReader.table(from: file.data, fileName: file.name)
        } catch {
            throw BatchInputErrors([BatchInputError(file: error.fileName, row: error.line, column: "*", message: error.message)])
        }
        // A column named twice would be read from its first copy alone, whatever the second holds.
        var named = Set<String>()
        let repeated = repeatedColumns ? [] : read.header.map(ImportText.trimmed).filter { !$0.isEmpty && !named.insert($0).inserted }
        if !repeated.isEmpty {
            throw BatchInputErrors(Array(Set(repeated)).sorted().map {
                BatchInputError(file: file.name, row: read.headerLine, column: $0, message: "the column \($0) appears twice (expected each column once)")
            })
        }
        // One quick pass (a first cell with text settles a row); the records are copied only when
        // a blank row is found, so a file without any costs no more to read.
        if !keepingBlankRows, read.records.contains(where: Self.isBlank) {
            let filled = read.records.filter { !Self.isBlank($0) }
            blankRows = read.records.count - filled.count
            read.records = filled
        } else {
            blankRows = 0
        }
        table = read
    }

    /// True when no cell of `record` holds anything but spaces.
    static func isBlank(_ record: CSVRecord) -> Bool {
        if let first = record.fields.first, let character = first.utf8.first, character != UInt8(ascii: " "), character != UInt8(ascii: "\t") { return false }
        return record.fields.allSatisfy { ImportText.trimmed($0).isEmpty }
    }

    /// The rows read, blank ones included.
    var rowsRead: Int { records.count + blankRows }

    /// The summary's line for `count` blank rows.
    static func blankRowsSkip(_ count: Int) -> ImportSkip {
        ImportSkip(count: count, one: "blank row", many: "blank rows", reason: "nothing in any cell, as a spreadsheet saves the rows under or between its data")
    }

    var file: String { table.fileName }
    var header: [String] { table.header }
    var records: [CSVRecord] { table.records }

    /// The position of `name` in the header.
    func column(_ name: String) -> Int? { table.index(of: name) }

    /// True when the header has every one of `names`.
    func hasColumns(_ names: [String]) -> Bool { names.allSatisfy { table.index(of: $0) != nil } }

    /// The positions of `names`, or nil after recording an error for each one the header lacks.
    mutating func requireColumns(_ names: [String]) -> [Int]? {
        var found: [Int] = []
        var missing = false
        for name in names {
            if let index = table.index(of: name) {
                found.append(index)
            } else {
                missing = true
                reject(table.headerLine, name, "missing column (expected a header named \(name); the header has \(table.header.joined(separator: ",")))")
            }
        }
        return missing ? nil : found
    }

    /// Records a problem with one cell.
    mutating func reject(_ row: Int, _ column: String, _ message: String) {
        errors.append(BatchInputError(file: file, row: row, column: column, message: message))
    }

    /// True when `record` has as many fields as the header; otherwise records an error for the row.
    mutating func hasFullWidth(_ record: CSVRecord) -> Bool {
        if record.fields.count == table.header.count { return true }
        reject(record.line, "*", ImportText.rowWidthProblem(fields: record.fields.count, width: table.header.count))
        return false
    }

    /// The text of a cell with surrounding spaces removed; "" when the record is short.
    func text(_ record: CSVRecord, _ index: Int) -> String {
        guard index < record.fields.count else { return "" }
        return ImportText.trimmed(record.fields[index])
    }
}
