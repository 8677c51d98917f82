import Foundation
import ScrutineerCore

/// A table a council keeps for one committee, such as a risk register or a finance return: a CSV
/// file or a workbook's sheet (the first, or `--sheet`), with a header row naming the columns and
/// one record per row below it. A title or notes may sit above the header, which is the first of
/// the top rows to name the most required columns.
struct RegisterTable {
    /// How errors name it: `file.csv`, or `book.xlsx[sheet]`.
    var label: String
    var headerRow: Int
    /// Each column's header as written (its letter when blank), and its normalised name.
    var headers: [(label: String, name: String)]
    var rows: [SpreadsheetRow]
    /// For CSV, the number of fields each row had, to report a row cut short.
    var fieldCounts: [Int: Int]
    /// For a sheet, its merged cells among the records, each refused.
    var mergedCells: [MergedCells] = []

    /// `required` are normalised header names; `rowsAre` says what each row is, for an empty file
    /// ("one row per review of a risk").
    init(_ file: PublishedFile, sheet: String?, required: [String], rowsAre: String) throws(BatchInputError) {
        var rows: [SpreadsheetRow]
        var fieldCounts: [Int: Int] = [:]
        var merged: [MergedCells] = []
        if LocalImportTableLoader.isWorkbook(LocalImportFile(name: file.name, data: file.data)) {
            do {
                let chosen = try XLSXWorkbook(data: file.data, fileName: file.name).sheet(named: sheet)
                label = "\(file.name)[\(chosen.name)]"
                rows = chosen.rows.filter { !$0.isBlank }
                merged = chosen.mergedCells
            } catch {
                throw BatchInputError(file: file.name, row: 1, column: "-", message: error.message)
            }
        } else {
            if let sheet {
                throw BatchInputError(file: file.name, row: 1, column: "-", message: "--sheet \(sheet) names a workbook's sheet, but this is a CSV file (expected a workbook, or no --sheet)")
            }
            let csv: CSVTable
            do { csv = try CSVReader.table(from: file.data, fileName: file.name) } catch {
                throw BatchInputError(file: file.name, row: error.line, column: "-", message: error.message)
            }
            label = file.name
            func row(_ line: Int, _ fields: [String]) -> SpreadsheetRow {
                SpreadsheetRow(number: line, cells: fields.map { $0.isEmpty ? .empty : .text($0) })
            }
            rows = [row(csv.headerLine, csv.header)] + csv.records.map { row($0.line, $0.fields) }.filter { !$0.isBlank }
            for record in csv.records { fieldCounts[record.line] = record.fields.count }
        }
        guard let first = rows.first else {
            throw BatchInputError(file: label, row: 1, column: "-", message: "the file is empty (expected a header row naming the columns, then \(rowsAre))")
        }
        let top = Array(rows.prefix(LocalImportTableLoader.rowsSearchedForHeader))
        let header = LocalImportTableLoader.headerIndex(among: top.map(\.cells)) { Set($0).intersection(required).count }.map { top[$0] } ?? first
        headerRow = header.number
        mergedCells = MergedCells.amongRecords(merged, headerRow: header.number)
        headers = header.cells.enumerated().map { index, cell in
            let written = cell.description.trimmingCharacters(in: .whitespacesAndNewlines)
            return (written.isEmpty ? SpreadsheetColumn.letters(index) : written, LocalHeaderName.normalised(written))
        }
        self.rows = rows.filter { $0.number > header.number }
        self.fieldCounts = fieldCounts
    }
}

/// Reads a `RegisterTable`'s cells by column, collecting every rejected cell as
/// `FILE:ROW:COLUMN: problem (expected …)`.
struct RegisterCellReader<Column: RawRepresentable & CaseIterable & Hashable> where Column.RawValue == String {
    let table: RegisterTable
    var errors: [BatchInputError] = []
    /// Where each column is, once `checkHeader` found it.
    var positions: [Column: Int] = [:]

    init(table: RegisterTable) {
        self.table = table
    }

    mutating func reject(_ row: Int, _ column: Column, _ message: String) {
        let label = positions[column].map { table.headers[$0].label } ?? column.rawValue
        errors.append(BatchInputError(file: table.label, row: row, column: label, message: message))
    }

    /// Finds each column; false after recording every problem with the header: a column unknown,
    /// twice or missing, or a value under no header. Columns starting `note` or `comment` are for
    /// people and not read.
    mutating func checkHeader(required: [Column]) -> Bool {
        for (index, header) in table.headers.enumerated() {
            if header.name.isEmpty {
                if let row = table.rows.first(where: { !$0[index].isBlank }) {
                    errors.append(BatchInputError(file: table.label, row: row.number, column: header.label, message: Self.noHeader))
                }
            } else if header.name.hasPrefix("note") || header.name.hasPrefix("comment") {
                continue
            } else if let column = Column(rawValue: header.name) {
                if let first = positions[column] {
                    errors.append(BatchInputError(file: table.label, row: table.headerRow, column: header.label, message: "the column \(table.headers[first].label) appears twice (expected each column once)"))
                } else {
                    positions[column] = index
                }
            } else {
                errors.append(BatchInputError(
                    file: table.label, row: table.headerRow, column: header.label,
                    message: "unknown column (expected \(Column.allCases.map(\.rawValue).joined(separator: ", ")), or a note or comment column for people)"
                ))
            }
        }
        for column in required where positions[column] == nil {
            errors.append(BatchInputError(
                file: table.label, row: table.headerRow, column: column.rawValue,
                message: "missing column (expected a header with at least \(required.map(\.rawValue).joined(separator: ", ")))"
            ))
        }
        return errors.isEmpty
    }

    static var noHeader: String { "a value in a column with no header (expected a header naming the column, or nothing in the column)" }

    /// Whether the row has one field per column (a CSV row may be cut short) and nothing beyond
    /// the last header; false after recording the problem.
    mutating func checkShape(_ row: SpreadsheetRow) -> Bool {
        if let fields = table.fieldCounts[row.number], fields != table.headers.count {
            errors.append(BatchInputError(
                file: table.label, row: row.number, column: fields < table.headers.count ? table.headers[fields].label : SpreadsheetColumn.letters(fields),
                message: "the row has \(ImportText.fields(fields)) but the header has \(table.headers.count) (expected one field per column; is the row cut short?)"
            ))
            return false
        }
        if let extra = (table.headers.count..<max(table.headers.count, row.cells.count)).first(where: { !row[$0].isBlank }) {
            errors.append(BatchInputError(file: table.label, row: row.number, column: SpreadsheetColumn.letters(extra), message: Self.noHeader))
            return false
        }
        return true
    }

    func cell(_ row: SpreadsheetRow, _ column: Column) -> SpreadsheetCell {
        positions[column].map { row[$0] } ?? .empty
    }

    /// The cell's text, trimmed; nil (with the problem recorded when `required` says what is
    /// expected) when blank.
    mutating func text(_ row: SpreadsheetRow, _ column: Column, required: String?, longest: Int) -> String? {
        do {
            guard let text = try LocalCellReading.text(cell(row, column)) else {
                if let required { reject(row.number, column, "blank (expected \(required))") }
                return nil
            }
            if text.count > longest {
                reject(row.number, column, "\(text.count) characters (expected at most \(longest))")
                return nil
            }
            return text
        } catch {
            reject(row.number, column, error.message)
            return nil
        }
    }

    /// A day: a date cell or its text; nil (with the problem recorded when `required` says what is
    /// expected) when blank.
    mutating func date(_ row: SpreadsheetRow, _ column: Column, required: String?) -> CalendarDate? {
        do {
            guard let day = try LocalCellReading.date(cell(row, column)) else {
                if let required { reject(row.number, column, "blank (expected \(required))") }
                return nil
            }
            return day
        } catch {
            reject(row.number, column, error.message)
            return nil
        }
    }
}

/// Reads one kind of record from a `RegisterTable`'s rows, collecting every rejected cell in `cells`.
protocol RegisterRowReading {
    associatedtype Column: RawRepresentable & CaseIterable & Hashable where Column.RawValue == String
    associatedtype Record
    var cells: RegisterCellReader<Column> { get set }
    /// Finds each column; false after recording every problem with the header.
    mutating func checkHeader() -> Bool
    /// The record a row gives, or nil after recording each of its rejected cells.
    mutating func record(_ row: SpreadsheetRow) -> Record?
}

extension RegisterTable {
    /// Every record `files` hold, read by the reader `reading` makes for each file's table, or every
    /// rejected cell. A record whose `key` an earlier row gave is refused: `duplicate` says in which
    /// column and words, given the earlier row ("finance.csv row 9").
    static func records<Reader: RegisterRowReading>(
        in files: [PublishedFile], sheet: String?, required: [String], rowsAre: String, reading: (RegisterTable) -> Reader,
        key: (Reader.Record) -> String, duplicate: (Reader.Record, _ earlier: String) -> (Reader.Column, String)
    ) throws(BatchInputErrors) -> (records: [Reader.Record], rowsRead: Int) {
        var errors: [BatchInputError] = []
        var records: [Reader.Record] = []
        var rowsRead = 0
        var firstRow: [String: String] = [:]
        for file in files {
            let table: RegisterTable
            do { table = try RegisterTable(file, sheet: sheet, required: required, rowsAre: rowsAre) } catch { errors.append(error); continue }
            rowsRead += table.rows.count
            var reader = reading(table)
            guard reader.checkHeader() else { errors += reader.cells.errors; continue }
            for merged in table.mergedCells {
                let column = merged.firstColumn < table.headers.count ? table.headers[merged.firstColumn].label : SpreadsheetColumn.letters(merged.firstColumn)
                errors.append(BatchInputError(file: table.label, row: merged.firstRow, column: column, message: merged.problem))
            }
            for row in table.rows {
                guard let record = reader.record(row) else { continue }
                if let earlier = firstRow[key(record)] {
                    let (column, message) = duplicate(record, earlier)
                    reader.cells.reject(row.number, column, message)
                    continue
                }
                firstRow[key(record)] = "\(table.label) row \(row.number)"
                records.append(record)
            }
            errors += reader.cells.errors
        }
        if !errors.isEmpty { throw BatchInputErrors(errors) }
        return (records, rowsRead)
    }
}
