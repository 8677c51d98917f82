import Foundation

/// One table of a local import: an observations or a measures table from a CSV file or a
/// workbook's sheet, with its classified columns and its non-blank data rows.
struct LocalImportTable: Sendable {
    enum Kind: Sendable { case observations, measures }

    var kind: Kind
    /// How errors name the table: `file.csv`, or `book.xlsx[sheet]` for a worksheet.
    var label: String
    /// The file it came from, as the user named it.
    var fileName: String
    /// Which table of the import it is (file order, then sheet order), to keep errors in order.
    var order: Int
    var headerRow: Int
    var columns: [LocalColumnHeader]
    var rows: [SpreadsheetRow]

    /// The column with `role`, if the table has one.
    func column(_ role: LocalColumnRole) -> LocalColumnHeader? {
        columns.first { $0.role == role }
    }
}

/// Reads the files of a local import into tables, classifying each by its header and reporting
/// every problem with the header or the file's layout.
struct LocalImportTableLoader {
    var sheet: String?
    var tables: [LocalImportTable] = []
    var errors: [LocalImportProblem] = []

    init(sheet: String?) {
        self.sheet = sheet
    }

    /// Adds the tables of `file`.
    mutating func load(_ file: LocalImportFile) {
        if LocalImportTableLoader.isWorkbook(file) {
            loadWorkbook(file)
        } else {
            loadCSV(file)
        }
    }

    /// A file named `.xlsx`/`.xlsm`, or one that starts as a ZIP or an old Excel file does.
    static func isWorkbook(_ file: LocalImportFile) -> Bool {
        let name = file.name.lowercased()
        return name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm") || name.hasSuffix(".xls")
            || file.data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || file.data.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }

    private var ordersTaken = 0

    /// The next place in the import's order, for a table or a file-level problem.
    private mutating func takeOrder() -> Int {
        defer { ordersTaken += 1 }
        return ordersTaken
    }

    private mutating func fileProblem(_ file: String, row: Int = 1, _ message: String) {
        errors.append(LocalImportProblem(order: takeOrder(), column: 0, error: BatchInputError(file: file, row: row, column: "-", message: message)))
    }

    private mutating func loadCSV(_ file: LocalImportFile) {
        let csv: CSVTable
        do {
            csv = try CSVReader.table(from: file.data, fileName: file.name)
        } catch {
            fileProblem(file.name, row: error.line, error.message)
            return
        }
        func cells(_ fields: [String]) -> [SpreadsheetCell] { fields.map { $0.isEmpty ? .empty : .text($0) } }
        var headerCells = cells(csv.header)
        var headerLine = csv.headerLine
        var records = csv.records[...]
        // A sheet saved as CSV keeps its title and notes above the header, as in a workbook.
        let candidates = [headerCells] + csv.records.prefix(Self.rowsSearchedForHeader).map { cells($0.fields) }
        if let index = Self.headerIndex(among: candidates), index > 0 {
            headerCells = candidates[index]
            headerLine = csv.records[index - 1].line
            records = csv.records[index...]
        }
        var rows: [SpreadsheetRow] = []
        var shortRows: [(row: SpreadsheetRow, fields: Int)] = []
        for record in records {
            let row = SpreadsheetRow(number: record.line, cells: cells(record.fields))
            if row.isBlank { continue }
            // A row cut short is reported as such, not as a row of missing values.
            if record.fields.count < headerCells.count {
                shortRows.append((row, record.fields.count))
                continue
            }
            rows.append(row)
        }
        guard let table = classify(
            label: file.name, fileName: file.name, headerRow: headerLine, headerCells: headerCells, rows: rows, spreadsheet: false
        ) else { return }
        tables.append(table)
        for (row, fields) in shortRows {
            let missing = table.columns.first { $0.index == fields }?.label ?? "-"
            errors.append(LocalImportProblem(in: table, BatchInputError(
                file: table.label, row: row.number, column: missing,
                message: "the row has \(fields) of the header's \(headerCells.count) fields (expected one field per column; is the row cut short?)"
            )))
        }
    }

    private mutating func loadWorkbook(_ file: LocalImportFile) {
        let workbook: XLSXWorkbook
        var sheets: [SpreadsheetSheet] = []
        do {
            workbook = try XLSXWorkbook(data: file.data, fileName: file.name)
            // The template's sheet of figures wherever it stands, unless --sheet names another.
            let chosen = try workbook.sheet(named: sheet ?? workbook.sheetName(matching: "observations"))
            sheets.append(chosen)
            if let measuresName = workbook.sheetName(matching: "measures"), measuresName != chosen.name {
                sheets.append(try workbook.sheet(named: measuresName))
            }
        } catch {
            fileProblem(file.name, error.message)
            return
        }
        for sheet in sheets {
            let label = "\(file.name)[\(sheet.name)]"
            let filled = sheet.rows.lazy.filter { !$0.isBlank }
            guard let first = filled.first else {
                fileProblem(label, "the sheet is empty (expected a header row naming the columns, then one row per figure)")
                continue
            }
            // A council's sheet often has a title or notes above its header.
            let candidates = Array(filled.prefix(Self.rowsSearchedForHeader))
            let header = Self.headerIndex(among: candidates.map(\.cells)).map { candidates[$0] } ?? first
            let rows = sheet.rows.filter { $0.number > header.number && !$0.isBlank }
            if let table = classify(label: label, fileName: file.name, headerRow: header.number, headerCells: header.cells, rows: rows, spreadsheet: true) {
                tables.append(table)
                // A merge blanks every cell but its first: refused where that blanks a cell the
                // import reads, not a notes cell merged across columns with no header.
                let read = Set(table.columns.filter { $0.role != .ignored && $0.role != .unnamed }.map(\.index))
                for merged in MergedCells.amongRecords(sheet.mergedCells, headerRow: header.number)
                where (merged.firstColumn...merged.lastColumn).contains(where: { read.contains($0) && ($0 != merged.firstColumn || merged.lastRow > merged.firstRow) }) {
                    let column = table.columns.first { $0.index == merged.firstColumn }?.label ?? SpreadsheetColumn.letters(merged.firstColumn)
                    errors.append(LocalImportProblem(in: table, BatchInputError(file: label, row: merged.firstRow, column: column, message: merged.problem)))
                }
            }
        }
    }

    /// The table a header makes, or nil (with the problem recorded) when the header names neither
    /// observations nor measures. Every header problem is recorded.
    private mutating func classify(
        label: String, fileName: String, headerRow: Int, headerCells: [SpreadsheetCell], rows: [SpreadsheetRow], spreadsheet: Bool
    ) -> LocalImportTable? {
        let names = headerCells.map { LocalHeaderName.normalised($0.description) }
        guard let kind = Self.kind(ofNames: names) else {
            fileProblem(label, row: headerRow,
                "no header row among the first \(Self.rowsSearchedForHeader) rows names observations (expected columns measure_code, area_code, period and value) or measures (expected columns code, title, unit, polarity and year_type)")
            return nil
        }
        let order = takeOrder()
        var problems: [(column: Int, error: BatchInputError)] = []
        var columns: [LocalColumnHeader] = []
        var seen: [LocalColumnRole: String] = [:]
        for (index, cell) in headerCells.enumerated() {
            let written = cell.description.trimmingCharacters(in: .whitespacesAndNewlines)
            let name = names[index]
            let columnLabel = written.isEmpty ? SpreadsheetColumn.letters(index) : written
            let role = LocalImportTableLoader.role(of: name, in: kind)
            switch role {
            case .unknown:
                problems.append((index, BatchInputError(file: label, row: headerRow, column: columnLabel, message: "unknown column (expected \(LocalImportTableLoader.acceptedColumns(kind)))")))
            case .breakdown(""):
                problems.append((index, BatchInputError(file: label, row: headerRow, column: columnLabel, message: "a breakdown column without a dimension (expected breakdown:<dimension>, such as breakdown:sex)")))
            case .unnamed:
                if let row = rows.first(where: { !$0[index].isBlank }) {
                    problems.append((index, BatchInputError(file: label, row: row.number, column: columnLabel, message: "a value in a column with no header (expected a header naming the column, or nothing in the column)")))
                }
            case .ignored:
                break
            default:
                if let first = seen[role] {
                    problems.append((index, BatchInputError(file: label, row: headerRow, column: columnLabel, message: "the column \(first) appears twice (expected each column once)")))
                    continue
                }
                seen[role] = columnLabel
            }
            columns.append(LocalColumnHeader(index: index, label: columnLabel, role: role))
        }
        // A CSV row longer than its header, blank extra fields and all: an unquoted 1,234 shifts
        // every field after it, so the row cannot be read as the header names it. In a sheet, a
        // value beyond the header's last cell.
        for row in rows {
            if !spreadsheet, row.cells.count > headerCells.count {
                problems.append((headerCells.count, BatchInputError(
                    file: label, row: row.number, column: SpreadsheetColumn.letters(headerCells.count),
                    message: "the row has \(ImportText.fields(row.cells.count)) but the header has \(headerCells.count) "
                        + "(expected one field per column; a number written with a comma, such as 1,234, goes in quotes: \"1,234\")"
                )))
            } else if let extra = (headerCells.count..<max(headerCells.count, row.cells.count)).first(where: { !row[$0].isBlank }) {
                problems.append((extra, BatchInputError(
                    file: label, row: row.number, column: SpreadsheetColumn.letters(extra),
                    message: "a value in a column with no header (expected a header naming the column, or nothing in the column)"
                )))
            }
        }
        let missing: [String] = switch kind {
        case .observations: LocalObservationColumn.required.filter { seen[.observation($0)] == nil }.map(\.rawValue)
        case .measures: LocalMeasureColumn.required.filter { seen[.measure($0)] == nil }.map(\.rawValue)
        }
        let requiredList: String = switch kind {
        case .observations: "measure_code, area_code, period and value"
        case .measures: "code, title, unit, polarity and year_type"
        }
        // A workbook's sheet named measures is read as the measures table beside the figures.
        let readByName = spreadsheet && kind == .measures && label.lowercased().hasSuffix("[measures]")
        for name in missing {
            problems.append((Int.max, BatchInputError(
                file: label, row: headerRow, column: name,
                message: "missing column (expected a header with at least \(requiredList)"
                    + (readByName ? "; a sheet named measures is read as the measures table, so rename a sheet of that name kept for people)" : ")")
            )))
        }
        errors.append(contentsOf: problems.map { LocalImportProblem(order: order, column: $0.column, error: $0.error) })
        guard missing.isEmpty else { return nil }
        return LocalImportTable(kind: kind, label: label, fileName: fileName, order: order, headerRow: headerRow, columns: columns, rows: rows)
    }

    /// How many rows at the top of a sheet or CSV file may hold its header (a title and notes above it).
    static let rowsSearchedForHeader = 10

    /// Which of the first filled rows of a sheet or file is its header: the one naming the most
    /// columns (a notes row above the header may name one, such as "Period"; a header with one
    /// column misspelt still names more than a title above it), the first of those that name as
    /// many; nil when none names any. `named` counts the columns a row's normalised names name;
    /// by default, those of a local import's table.
    static func headerIndex(among rows: [[SpreadsheetCell]], named: ([String]) -> Int = columnsNamed) -> Int? {
        var best: (index: Int, named: Int)?
        for (index, cells) in rows.enumerated() {
            let count = named(cells.map { LocalHeaderName.normalised($0.description) })
            if count > (best?.named ?? 0) { best = (index, count) }
        }
        return best?.index
    }

    /// How many columns of a local import's table the normalised `names` name.
    static func columnsNamed(_ names: [String]) -> Int {
        guard let kind = kind(ofNames: names) else { return 0 }
        return Set(names.filter { name in
            switch role(of: name, in: kind) {
            case .observation, .breakdown, .measure: true
            default: false
            }
        }).count
    }

    /// The table a header row makes: observations when it names an observation or breakdown
    /// column, measures when it names `code` or `title`, or nil.
    static func kind(ofHeader cells: [SpreadsheetCell]) -> LocalImportTable.Kind? {
        kind(ofNames: cells.map { LocalHeaderName.normalised($0.description) })
    }

    /// The same, for a header's names already normalised.
    static func kind(ofNames names: [String]) -> LocalImportTable.Kind? {
        if names.contains(where: { LocalObservationColumn(rawValue: $0) != nil || LocalHeaderName.breakdownDimension($0) != nil }) {
            return .observations
        }
        if names.contains("code") || names.contains("title") { return .measures }
        return nil
    }

    /// What the normalised header `name` names in a table of `kind`.
    static func role(of name: String, in kind: LocalImportTable.Kind) -> LocalColumnRole {
        if name.isEmpty { return .unnamed }
        switch kind {
        case .observations:
            if let column = LocalObservationColumn(rawValue: name) { return .observation(column) }
            if let dimension = LocalHeaderName.breakdownDimension(name) { return .breakdown(dimension) }
        case .measures:
            if let column = LocalMeasureColumn(rawValue: name) { return .measure(column) }
        }
        return LocalHeaderName.isIgnored(name) ? .ignored : .unknown
    }

    static func acceptedColumns(_ kind: LocalImportTable.Kind) -> String {
        switch kind {
        case .observations:
            LocalObservationColumn.allCases.map(\.rawValue).joined(separator: ", ") + ", breakdown:<dimension>, or a note column"
        case .measures:
            LocalMeasureColumn.allCases.map(\.rawValue).joined(separator: ", ") + ", or a note column"
        }
    }
}

/// An error with the place of its table in the import and of its column in the table, so
/// errors can be listed in file order, then row order, then left to right.
struct LocalImportProblem: Sendable {
    var order: Int
    var column: Int
    var error: BatchInputError

    init(order: Int, column: Int, error: BatchInputError) {
        self.order = order
        self.column = column
        self.error = error
    }

    /// A problem in `table`, placed by the column its error names.
    init(in table: LocalImportTable, _ error: BatchInputError) {
        let letters = error.column.count <= 3 && error.column.allSatisfy { $0.isASCII && $0.isUppercase }
        self.init(
            order: table.order,
            column: table.columns.first { $0.label == error.column }?.index
                ?? (letters ? SpreadsheetColumn.position(ofReference: error.column + "1")?.column : nil) ?? Int.max,
            error: error
        )
    }
}
