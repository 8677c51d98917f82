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
    /// The council whose own measures the import defines (`--council`, its ONS code); nil = the
    /// one local authority the import's figures are for.
    public var council: String?
    /// The day of the import: a figure is not published after it.
    public var today: CalendarDate

    public init(sheet: String? = nil, council: String? = nil, today: CalendarDate = .todayUTC) {
        self.sheet = sheet
        self.council = council
        self.today = today
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
///
/// The measures defined are the importing council's own: `options.council`, or else the one
/// local authority the figures are for, or else the council whose own the measures already
/// are. A code that is already another council's own measure is refused.
public enum LocalMeasuresImporter {
    /// The validated batch the files hold, or every rejected cell.
    public static func importBatch(
        _ files: [LocalImportFile], options: LocalImportOptions = LocalImportOptions(), context: ImportContext
    ) throws(BatchInputErrors) -> ImportBatch {
        var loader = LocalImportTableLoader(sheet: options.sheet)
        for file in files { loader.load(file) }

        var measureRows = LocalMeasureRows(stored: context.measures)
        for table in loader.tables where table.kind == .measures {
            measureRows.read(table)
        }
        var known = context.measures
        for measure in measureRows.measures { known[measure.code] = measure }

        var observationRows = LocalObservationRows(measures: known, areas: KnownAreas(context: context), breakdownGroups: context.breakdownGroups, today: options.today)
        for table in loader.tables where table.kind == .observations {
            observationRows.read(table)
        }

        var councilProblems: [LocalImportProblem] = []
        var importingCouncil: String?
        if !measureRows.measures.isEmpty || options.council != nil {
            switch council(options.council, of: measureRows.measures, figures: observationRows.observations, context: context) {
            case let .success(council):
                importingCouncil = council
                measureRows.belong(to: council, known: context.measures, areas: context.areas)
            case let .failure(problem):
                if let table = measureRows.firstTable ?? loader.tables.first {
                    councilProblems.append(LocalImportProblem(
                        order: table.order, column: -1, error: BatchInputError(file: table.label, row: table.headerRow, column: "-", message: problem.message)
                    ))
                }
            }
        }

        // Figures of a published statistic, or of another council's own measure, are not this import's.
        let defined = Set(measureRows.measures.map(\.code))
        for (code, place) in observationRows.firstRowOfMeasure.sorted(by: { ($0.value.table.order, $0.value.row) < ($1.value.table.order, $1.value.row) })
        where !defined.contains(code) {
            let owner = context.measures[code]?.councilAreaCode
            guard owner == nil || (importingCouncil != nil && owner != importingCouncil) else { continue }
            let whose = owner.map { "\($0)'s own measure" } ?? "a published measure, which every council's reports compare with"
            let importer = importingCouncil.map { "\($0)'s own" } ?? "a council's own"
            let column = place.table.column(.observation(.measureCode))?.label ?? LocalObservationColumn.measureCode.rawValue
            councilProblems.append(LocalImportProblem(in: place.table, BatchInputError(
                file: place.table.label, row: place.row, column: column,
                message: "\(code) is \(whose) (expected a measure of \(importer); published statistics are imported with scrutineer import lait, ees or fingertips, and keep their figures as published)"
            )))
        }

        let problems = loader.errors + measureRows.errors + observationRows.errors + councilProblems
        guard problems.isEmpty else {
            let ordered = problems.enumerated().sorted { a, b in
                (a.element.order, a.element.error.row, a.element.column, a.offset) < (b.element.order, b.element.error.row, b.element.column, b.offset)
            }
            throw BatchInputErrors(ordered.map(\.element.error))
        }
        return ImportBatch(
            kind: .local, files: files.map(\.name), rowsRead: loader.tables.reduce(0) { $0 + $1.rows.count },
            measures: measureRows.measures, observations: observationRows.observations,
            observationRows: observationRows.rows, measuresDefinedAt: measureRows.definedAt
        )
    }

    /// Why the importing council cannot be told.
    struct CouncilProblem: Error {
        var message: String
    }

    /// The council whose own the measures are: `option` (a known local authority), or the one
    /// local authority among the figures' areas, or the one council whose own every measure
    /// already is.
    static func council(
        _ option: String?, of measures: [Measure], figures: [Observation], context: ImportContext
    ) -> Result<String, CouncilProblem> {
        let expected = "expected --council CODE, the ONS code of the council whose own measures these are, e.g. E10000031"
        if let option {
            if let current = Area.current(ofFormer: option, in: Array(context.areas.values)) {
                return .failure(CouncilProblem(message: "--council \(Area.formerCodeProblem(option, current: current))"))
            }
            guard context.areas[option]?.type == .localAuthority else {
                return .failure(CouncilProblem(message: "--council \(option) is \(ImportText.whatArea(option, areas: context.areas)) (expected the ONS code of a local authority from scrutineer import areas, e.g. E10000031)"))
            }
            return .success(option)
        }
        var councils: Set<String> = []
        var lastArea = ""
        for figure in figures where figure.areaCode != lastArea {
            lastArea = figure.areaCode
            if context.areas[lastArea]?.type == .localAuthority { councils.insert(lastArea) }
        }
        if councils.count == 1, let council = councils.first { return .success(council) }
        let owners = Set(measures.map { context.measures[$0.code]?.councilAreaCode })
        if councils.isEmpty, owners.count == 1, let owner = owners.first, let owner { return .success(owner) }
        let why = councils.isEmpty
            ? "the import holds no figures for a council"
            : "its figures are for \(councils.count) councils (\(councils.sorted().joined(separator: ", ")))"
        return .failure(CouncilProblem(message: "cannot tell which council's own measures these are: \(why) (\(expected))"))
    }
}
