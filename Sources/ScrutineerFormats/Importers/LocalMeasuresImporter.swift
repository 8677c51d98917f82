import Foundation
import ScrutineerCore

/// One file given to `scrutineer import local`: its name as the user gave it, and its bytes.
public struct LocalImportFile: Sendable, Hashable {
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// Options of `scrutineer import local`.
public struct LocalImportOptions: Sendable, Hashable {
    /// The worksheet holding the observations in each workbook (`--sheet`); nil = the first sheet.
    public var sheet: String?

    public init(sheet: String? = nil) {
        self.sheet = sheet
    }
}

/// Reads a council's own measures and figures from CSV files and XLSX workbooks (PRODUCT.md R14):
/// the `scrutineer import local` parser.
///
/// A file or sheet is an observations table when its header has `measure_code, area_code,
/// period, value` (and optionally `numerator, denominator, lower95, upper95, status_symbol,
/// published, next_update_due` and `breakdown:<dimension>` columns), or a measures table when it
/// has `code, title, unit, polarity, year_type` (and optionally `definition, theme, owner,
/// decimal_places, periodicity, source, publication_lag_days, committees, plan_priority,
/// benchmark_comparison, direction_of_travel`). Header names ignore case, and spaces equal
/// underscores. In a workbook the observations are on the first sheet (or `options.sheet`) and
/// measures on a sheet named `measures`; other sheets are not read. Every cell is checked
/// before anything is returned, and every bad one is reported as
/// `FILE:ROW:COLUMN: problem (expected …)`, with `book.xlsx[sheet]` as FILE for a worksheet and
/// `-` as COLUMN for a problem with the whole file or sheet.
public enum LocalMeasuresImporter {
    /// The validated batch the files hold, or every rejected cell.
    public static func importBatch(
        _ files: [LocalImportFile], options: LocalImportOptions = LocalImportOptions(), context: ImportContext
    ) throws(BatchInputErrors) -> ImportBatch {
        var loader = LocalImportTableLoader(sheet: options.sheet)
        for file in files { loader.load(file) }

        var measureRows = LocalMeasureRows()
        for table in loader.tables where table.kind == .measures {
            measureRows.read(table)
        }
        var known = context.measures
        for measure in measureRows.measures { known[measure.code] = measure }

        var observationRows = LocalObservationRows(measures: known, areas: context.areas)
        for table in loader.tables where table.kind == .observations {
            observationRows.read(table)
        }

        let problems = loader.errors + measureRows.errors + observationRows.errors
        guard problems.isEmpty else {
            let ordered = problems.enumerated().sorted { a, b in
                (a.element.order, a.element.error.row, a.element.column, a.offset) < (b.element.order, b.element.error.row, b.element.column, b.offset)
            }
            throw BatchInputErrors(ordered.map(\.element.error))
        }
        return ImportBatch(
            kind: .local, files: files.map(\.name), rowsRead: loader.tables.reduce(0) { $0 + $1.rows.count },
            measures: measureRows.measures, observations: observationRows.observations
        )
    }
}
