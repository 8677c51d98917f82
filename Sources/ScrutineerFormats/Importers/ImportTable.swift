import Foundation

/// A CSV file being imported, with the checks every importer shares: required columns, row
/// widths, numbers, and every rejected cell collected before anything is returned.
struct ImportTable {
    let table: CSVTable
    var errors: [BatchInputError] = []

    /// Reads `file` as CSV; a file that is not CSV at all is one error naming the line.
    init(_ file: PublishedFile) throws(BatchInputErrors) {
        do {
            table = try CSVReader.table(from: file.data, fileName: file.name)
        } catch {
            throw BatchInputErrors([BatchInputError(file: error.fileName, row: error.line, column: "*", message: error.message)])
        }
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
