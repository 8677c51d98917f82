import Foundation
import ScrutineerCore

/// Reads the rows of local measures tables into `Measure`s, reporting every bad cell.
struct LocalMeasureRows {
    /// The measures defined so far, in order of first definition.
    private(set) var measures: [Measure] = []
    /// The position in `measures` of each code, for duplicate definitions.
    private var positions: [String: Int] = [:]
    /// Where each measure was defined, in the order of `measures`, for errors naming its row.
    private var origins: [(table: LocalImportTable, row: Int)] = []
    private(set) var errors: [LocalImportProblem] = []
    /// The measures already stored, by code: a column a file leaves out keeps the stored
    /// measure's setting, and a stored measure's years and periods cannot change under its figures.
    private let stored: [String: Measure]

    init(stored: [String: Measure] = [:]) {
        self.stored = stored
    }

    /// The code that marks the template's example rows; importing one is an error.
    static let exampleCode = "EXAMPLE"

    /// Reads every row of `table`.
    mutating func read(_ table: LocalImportTable) {
        for row in table.rows {
            read(row, of: table)
        }
    }

    private mutating func read(_ row: SpreadsheetRow, of table: LocalImportTable) {
        var rowErrors: [BatchInputError] = []
        func cell(_ column: LocalMeasureColumn) -> (SpreadsheetCell, LocalColumnHeader)? {
            table.column(.measure(column)).map { (row[$0.index], $0) }
        }
        func fail(_ column: LocalMeasureColumn, _ message: String) {
            rowErrors.append(BatchInputError(file: table.label, row: row.number, column: table.column(.measure(column))?.label ?? column.rawValue, message: message))
        }
        /// The cell read by `reader`, or nil with its problem recorded.
        func value<T>(_ column: LocalMeasureColumn, _ reader: (SpreadsheetCell) throws(LocalCellReading.Problem) -> T?) -> T? {
            guard let (content, _) = cell(column) else { return nil }
            do {
                return try reader(content)
            } catch {
                fail(column, error.message)
                return nil
            }
        }
        func text(_ column: LocalMeasureColumn) -> String? { value(column, LocalCellReading.text) }
        func required(_ column: LocalMeasureColumn, _ expected: String) -> String? {
            guard let (content, _) = cell(column) else { return nil }
            if content.isBlank { fail(column, "missing \(column.rawValue) (expected \(expected))"); return nil }
            return text(column)
        }

        let code = required(.code, "a measure code such as CIN_REREF")
        if let code, code.uppercased() == LocalMeasureRows.exampleCode {
            fail(.code, LocalMeasureRows.exampleMessage)
            errors.append(contentsOf: rowErrors.map { LocalImportProblem(in: table, $0) })
            return
        }
        let title = required(.title, "the measure's title")
        let unit: MeasureUnit? = required(.unit, LocalMeasureRows.unitsExpected).flatMap { written in
            let compact = written.lowercased().replacingOccurrences(of: " ", with: "")
            guard let unit = MeasureUnit(code: compact) else {
                fail(.unit, "\"\(written)\" is not a unit (expected \(LocalMeasureRows.unitsExpected))")
                return nil
            }
            return unit
        }
        let polarity: Polarity? = required(.polarity, "high, low or none").flatMap { written in
            switch LocalHeaderName.normalised(written) {
            case "high", "high_is_good": return .highIsGood
            case "low", "low_is_good": return .lowIsGood
            case "none", "no_judgement": return .noJudgement
            default:
                fail(.polarity, "\"\(written)\" is not a polarity (expected high, low or none)")
                return nil
            }
        }
        let yearType: YearType? = required(.yearType, LocalMeasureRows.yearTypesExpected).flatMap { written in
            let dashed = LocalHeaderName.normalised(written).replacingOccurrences(of: "_", with: "-")
            let known: YearType? = switch dashed {
            case "financial": .financial
            case "academic": .academic
            case "calendar": .calendar
            case "year-ending-september": .yearEndingSeptember
            default: YearType(laitName: written)
            }
            if known == nil { fail(.yearType, "\"\(written)\" is not a year type (expected \(LocalMeasureRows.yearTypesExpected))") }
            return known
        }
        var periodicity = Periodicity.annual
        var periodicityRead = true
        if let written = text(.periodicity) {
            switch LocalHeaderName.normalised(written).replacingOccurrences(of: "-", with: "_") {
            case "monthly": periodicity = .monthly
            case "quarterly": periodicity = .quarterly
            case "annual", "annually", "yearly": periodicity = .annual
            case "multi_year", "multiyear": periodicity = .multiYear
            default:
                fail(.periodicity, "\"\(written)\" is not a periodicity (expected monthly, quarterly, annual or multi-year)")
                periodicityRead = false
            }
        }
        let decimalPlaces = value(.decimalPlaces) { (content) throws(LocalCellReading.Problem) in
            try LocalCellReading.wholeNumber(content, example: "1")
        }
        if let decimalPlaces, !(0...6).contains(decimalPlaces) {
            fail(.decimalPlaces, "\(decimalPlaces) decimal places (expected 0 to 6)")
        }
        let lag = value(.publicationLagDays) { (content) throws(LocalCellReading.Problem) in
            try LocalCellReading.wholeNumber(content, example: "90")
        }
        if let lag, lag < 0 { fail(.publicationLagDays, "\(lag) days (expected 0 or more days)") }
        var comparison = BenchmarkComparisonChoice.fingertips95
        if let written = text(.benchmarkComparison) {
            if let choice = BenchmarkComparisonChoice(rawValue: written.lowercased()) {
                comparison = choice
            } else {
                fail(.benchmarkComparison, "\"\(written)\" is not a comparison method (expected \(BenchmarkComparisonChoice.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        var direction = DirectionOfTravelMethod.simple
        if let written = text(.directionOfTravel) {
            if let method = DirectionOfTravelMethod(rawValue: written.lowercased()) {
                direction = method
            } else {
                fail(.directionOfTravel, "\"\(written)\" is not a direction-of-travel method (expected \(DirectionOfTravelMethod.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let committees = (text(.committees) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let definition = text(.definition), theme = text(.theme), owner = text(.owner), source = text(.source), priority = text(.planPriority)

        // A stored measure keeps its years and its periods, which date its figures, and its unit,
        // which they are counted in (a count of 12345 is no percentage).
        let before = code.flatMap { stored[$0] }
        if let before, let unit, unit != before.unit {
            fail(.unit, "\(before.code) is stored in \(before.unit.code) (expected \(before.unit.code): \(ImportText.storedUnitStays))")
        }
        if let before, let yearType, yearType != before.yearType {
            fail(.yearType, "\(before.code) is stored with \(before.yearType.rawValue) years (expected \(before.yearType.rawValue): \(ImportText.storedYearsStay))")
        }
        if let before, table.column(.measure(.periodicity)) != nil, periodicityRead, periodicity != before.periodicity {
            fail(.periodicity, "\(before.code) is stored as \(before.periodicity.rawValue) (expected \(before.periodicity.rawValue): \(ImportText.storedPeriodsStay))")
        }
        guard rowErrors.isEmpty, let code, let title, let unit, let polarity, let yearType else {
            errors.append(contentsOf: rowErrors.map { LocalImportProblem(in: table, $0) })
            return
        }
        var measure = Measure(
            code: code, title: title, definition: definition, theme: theme, owner: owner, unit: unit,
            decimalPlaces: decimalPlaces, polarity: polarity, periodicity: periodicity, yearType: yearType, source: source,
            publicationLagDays: lag, benchmarkComparison: comparison, directionOfTravel: direction, planPriority: priority,
            committees: committees
        )
        // A column the file does not have did not change: the stored measure keeps its setting.
        if let before {
            func absent(_ column: LocalMeasureColumn) -> Bool { table.column(.measure(column)) == nil }
            if absent(.definition) { measure.definition = before.definition }
            if absent(.theme) { measure.theme = before.theme }
            if absent(.owner) { measure.owner = before.owner }
            if absent(.decimalPlaces) { measure.decimalPlaces = before.decimalPlaces }
            if absent(.periodicity) { measure.periodicity = before.periodicity }
            if absent(.source) { measure.source = before.source }
            if absent(.publicationLagDays) { measure.publicationLagDays = before.publicationLagDays }
            if absent(.benchmarkComparison) { measure.benchmarkComparison = before.benchmarkComparison }
            if absent(.directionOfTravel) { measure.directionOfTravel = before.directionOfTravel }
            if absent(.planPriority) { measure.planPriority = before.planPriority }
            if absent(.committees) { measure.committees = before.committees }
        }
        if let earlier = positions[code] {
            if measures[earlier] != measure {
                let place = "\(origins[earlier].table.label):\(origins[earlier].row)"
                fail(.code, "the measure \(code) is already defined at \(place) with different details (expected one definition per measure)")
                errors.append(contentsOf: rowErrors.map { LocalImportProblem(in: table, $0) })
            }
            return
        }
        positions[code] = measures.count
        measures.append(measure)
        origins.append((table, row.number))
    }

    /// Makes every measure `council`'s own, reporting each code that is already another
    /// council's own measure (`known` holds the stored measures).
    mutating func belong(to council: String, known: [String: Measure], areas: [String: Area]) {
        for index in measures.indices {
            let code = measures[index].code
            if let owner = known[code]?.councilAreaCode, owner != council {
                let error = BatchInputError(
                    codeCell(index), "\(code) is already council \(ImportText.council(owner, areas: areas))'s own measure (expected a code of this council's own, e.g. with its prefix)"
                )
                errors.append(LocalImportProblem(in: origins[index].table, error))
            }
            measures[index].councilAreaCode = council
        }
    }

    /// The code cell of each measure's definition, by code.
    var definedAt: [String: CellReference] {
        Dictionary(uniqueKeysWithValues: measures.indices.map { (measures[$0].code, codeCell($0)) })
    }

    /// The code cell of the definition of `measures[index]`.
    private func codeCell(_ index: Int) -> CellReference {
        let (table, row) = origins[index]
        return CellReference(file: table.label, row: row, column: table.column(.measure(.code))?.label ?? LocalMeasureColumn.code.rawValue)
    }

    /// The first table that defines a measure, for a problem with all of them.
    var firstTable: LocalImportTable? { origins.first?.table }

    static let exampleMessage = "EXAMPLE marks an example row of the template (expected your own measure code: delete the example rows before importing)"
    static let unitsExpected = "percentage, rate:N such as rate:10000, count, days, weeks, money or number"
    static let yearTypesExpected = "financial, academic, calendar or year-ending-september"
}
