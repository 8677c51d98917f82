import Foundation
import ScrutineerCore

/// Reads the rows of local observations tables into `Observation`s, checking every cell against
/// the measures and areas Scrutineer knows.
struct LocalObservationRows {
    /// Measures by code: those already known, overridden by those this import defines.
    var measures: [String: Measure]
    /// The areas a row may name, by ONS code or DfE number.
    let areas: KnownAreas

    /// Each breakdown dimension's groups as spelt, so one group written two ways is refused
    /// instead of split into two series.
    private var groupSpellings: [String: NameSpellings] = [:]
    private static let groupPurpose = "so its figures form one series"

    private(set) var observations: [Observation] = []
    /// The row each observation was read from.
    private(set) var rows: [RowReference] = []
    /// The index in `observations` of each cell read so far.
    private var indexOfKey: [ObservationKey: Int] = [:]
    private(set) var errors: [LocalImportProblem] = []
    /// The first row holding a figure of each measure, where a figure of a measure the import may
    /// not hold is refused.
    private(set) var firstRowOfMeasure: [String: (table: LocalImportTable, row: Int)] = [:]

    /// The day of the import: a figure published after it is refused.
    let today: CalendarDate

    init(measures: [String: Measure], areas: KnownAreas, breakdownGroups: [String: Set<String>] = [:], today: CalendarDate = .todayUTC) {
        self.measures = measures
        self.today = today
        for (dimension, groups) in breakdownGroups {
            groupSpellings[dimension] = NameSpellings(stored: Array(groups), purpose: Self.groupPurpose)
        }
        self.areas = areas
    }

    /// Reads every row of `table`.
    mutating func read(_ table: LocalImportTable) {
        let breakdownColumns: [(dimension: String, column: LocalColumnHeader)] = table.columns.compactMap { column in
            if case let .breakdown(dimension) = column.role, !dimension.isEmpty { return (dimension, column) }
            return nil
        }
        for row in table.rows {
            read(row, of: table, breakdownColumns: breakdownColumns)
        }
    }

    private mutating func read(_ row: SpreadsheetRow, of table: LocalImportTable, breakdownColumns: [(dimension: String, column: LocalColumnHeader)]) {
        var rowErrors: [BatchInputError] = []
        func label(_ column: LocalObservationColumn) -> String {
            table.column(.observation(column))?.label ?? column.rawValue
        }
        func fail(_ column: LocalObservationColumn, _ message: String) {
            rowErrors.append(BatchInputError(file: table.label, row: row.number, column: label(column), message: message))
        }
        func cell(_ column: LocalObservationColumn) -> SpreadsheetCell {
            table.column(.observation(column)).map { row[$0.index] } ?? .empty
        }
        func read<T>(_ column: LocalObservationColumn, _ reader: (SpreadsheetCell) throws(LocalCellReading.Problem) -> T?) -> T? {
            do {
                return try reader(cell(column))
            } catch {
                fail(column, error.message)
                return nil
            }
        }
        defer { errors.append(contentsOf: rowErrors.map { LocalImportProblem(in: table, $0) }) }

        // Measure: everything else is read in its terms.
        guard let code = read(.measureCode, LocalCellReading.text) else {
            if !cell(.measureCode).isBlank { return }
            fail(.measureCode, "missing measure code (expected the code of a measure, such as one in the measures sheet)")
            return
        }
        if code.uppercased() == LocalMeasureRows.exampleCode {
            fail(.measureCode, LocalMeasureRows.exampleMessage)
            return
        }
        let measure = measures[code]
        if measure == nil {
            fail(.measureCode, "unknown measure code \"\(code)\" (expected a measure defined in this import's measures sheet or file, or one already in the database)")
        }

        let writtenArea = read(.areaCode, LocalCellReading.text)
        let area = writtenArea == nil && !cell(.areaCode).isBlank ? nil : areaCode(writtenArea, fail: { fail(.areaCode, $0) })

        var period: Period?
        let periodCell = cell(.period)
        if periodCell.isBlank {
            fail(.period, "missing period (expected a period label such as 2023/24)")
        } else if let measure {
            period = periodLabel(periodCell, measure: measure, fail: { fail(.period, $0) })
        }

        // With the measure unknown (already reported), numbers are still checked, leniently.
        let unit = measure?.unit ?? .percentage
        var statusSymbol: StatusSymbol?
        if let written = read(.statusSymbol, LocalCellReading.text) {
            statusSymbol = StatusSymbol(publishedText: written)
            if statusSymbol == nil {
                fail(.statusSymbol, "\"\(written)\" is not a status symbol (expected one of \(StatusSymbol.allCases.map(\.rawValue).joined(separator: " ")))")
            }
        }
        var value: Double?
        let valueCell = cell(.value)
        if case let .text(written) = valueCell, let symbol = StatusSymbol(publishedText: written) {
            if let statusSymbol, statusSymbol != symbol {
                fail(.value, "the symbol \(symbol.rawValue) differs from status_symbol \(statusSymbol.rawValue) (expected a number, or the same symbol)")
            } else if symbol == .laitDash, statusSymbol == nil {
                // A zero in the accounting format, saved as CSV, is a dash: the figure is not lost unless it is meant.
                fail(.value, "\"-\" is how a spreadsheet shows 0 in its accounting format, and the symbol for no figure (expected 0, "
                    + "or - in status_symbol too when there is no figure)")
            }
            statusSymbol = symbol
        } else {
            value = read(.value) { (content) throws(LocalCellReading.Problem) in
                try LocalCellReading.number(content, unit: unit, example: unit == .percentage ? "61.2" : "42")
            }
            if valueCell.isBlank, cell(.statusSymbol).isBlank {
                fail(.value, "missing value (expected a number, or a status symbol such as c in status_symbol)")
            }
            // A symbol stands in place of a figure (METHODS.md §11): beside one, it would be kept
            // but shown nowhere, and the figure read as plain (found by exploratory testing).
            if let value, let statusSymbol {
                fail(.statusSymbol, "\(statusSymbol.rawValue) stands in place of a figure, and value holds \(PlainNumber.text(value)) (expected the figure with status_symbol blank, or the symbol with value blank)")
            }
        }
        func number(_ column: LocalObservationColumn, example: String) -> Double? {
            read(column) { (content) throws(LocalCellReading.Problem) in
                try LocalCellReading.number(content, unit: column == .numerator || column == .denominator ? .count : unit, example: example)
            }
        }
        let numerator = number(.numerator, example: "153")
        let denominator = number(.denominator, example: "250")
        let lower = number(.lower95, example: unit == .percentage ? "55.0" : "38")
        let upper = number(.upper95, example: unit == .percentage ? "67.1" : "47")
        // The checks every import makes of the figures (the unit's, once the measure is known).
        for problem in Observation.figureProblems(value: value, numerator: numerator, denominator: denominator, lower95: lower, upper95: upper, unit: measure?.unit, decimalPlaces: measure?.decimalPlaces) {
            switch problem.figure {
            case .value: fail(.value, problem.message.replacingOccurrences(of: "such as 61.2)", with: "such as 61.2, or a cell formatted as a percentage)"))
            case .numerator: fail(.numerator, problem.message)
            case .denominator: fail(.denominator, problem.message)
            case .lower95, .lower99_8: fail(.lower95, problem.message)
            case .upper95, .upper99_8: fail(.upper95, problem.message)
            }
        }
        let published = read(.published, LocalCellReading.date)
        let nextUpdate = read(.nextUpdateDue, LocalCellReading.date)
        // Dates that cannot be right, as the national imports refuse them: a figure published
        // after today would be hidden from every report until then, and the next one due before
        // this one was published would make it stale at once.
        if let published, published > today {
            fail(.published, "\(published.iso) is after today, \(today.iso) (expected the day the figure was published, not after today)")
        }
        if let published, let nextUpdate, nextUpdate <= published {
            fail(.nextUpdateDue, "\(nextUpdate.iso) is not after published, \(published.iso) (expected the day the next figure is due, after this one's publication)")
        }

        var breakdown: [String: String] = [:]
        for (dimension, column) in breakdownColumns {
            do throws(LocalCellReading.Problem) {
                if case let .date(day) = row[column.index] {
                    // Excel turns a band typed as 5-9 or 10-12 into a day (5 Sep, 12 Oct).
                    throw LocalCellReading.Problem(
                        "the cell is a date, \(day.iso) (expected the group as text, such as 5-9: a spreadsheet turns a band typed like that into a date, "
                            + "so format the column as Text and type it again)"
                    )
                }
                guard let written = try LocalCellReading.text(row[column.index]) else { continue }
                // The same band saved as text (a CSV written by a spreadsheet): "05-Sep".
                if let problem = ImportText.spreadsheetDateProblem(written) { throw LocalCellReading.Problem(problem) }
                if written.contains(";") || written.contains("=") {
                    throw LocalCellReading.Problem("\"\(written)\" contains ; or = (expected a breakdown value without them, such as 17-18)")
                }
                let spellings = groupSpellings[dimension] ?? NameSpellings(stored: [], purpose: Self.groupPurpose)
                groupSpellings[dimension] = spellings
                if let problem = spellings.problem(with: written, at: "\(table.label):\(row.number)") { throw LocalCellReading.Problem(problem) }
                breakdown[dimension] = written
            } catch {
                rowErrors.append(BatchInputError(file: table.label, row: row.number, column: column.label, message: error.message))
            }
        }

        guard rowErrors.isEmpty, let measure, let area, let period else { return }
        let observation = Observation(
            measureCode: measure.code, areaCode: area.code, period: period, breakdown: Breakdown(breakdown), value: value,
            numerator: numerator, denominator: denominator, lower95: lower, upper95: upper, statusSymbol: statusSymbol,
            source: table.fileName, published: published, nextUpdateDue: nextUpdate
        )
        let key = observation.key
        if let earlier = indexOfKey[key] {
            // The same figures repeated, even from another file, count once.
            var first = observations[earlier]
            first.source = observation.source
            if first != observation {
                fail(.measureCode, "the same measure, area, period and breakdown as \(rows[earlier]) with different figures (expected one row per measure, area, period and breakdown)")
            }
            return
        }
        if firstRowOfMeasure[measure.code] == nil { firstRowOfMeasure[measure.code] = (table, row.number) }
        indexOfKey[key] = observations.count
        observations.append(observation)
        rows.append(RowReference(file: table.label, row: row.number))
    }

    /// The area `written` names: an ONS code (any case) or a DfE LA number, the council's new code
    /// where only its code changed (`KnownAreas.recoded`), as the published imports store it.
    private func areaCode(_ written: String?, fail: (String) -> Void) -> Area? {
        guard let written else {
            fail("missing area code (expected an ONS code such as E10000031)")
            return nil
        }
        if let area = areas[written.uppercased()] ?? areas.currentArea(dfeCode: written) { return areas.recoded(area) }
        fail("unknown area code \"\(written)\" (expected the ONS code of an area Scrutineer knows, such as E10000031, or its DfE number, such as 937)")
        return nil
    }

    /// The period a cell names for `measure`: a label (a whole number such as 2025 counts), or
    /// for a monthly measure a date, which names its month.
    private func periodLabel(_ cell: SpreadsheetCell, measure: Measure, fail: (String) -> Void) -> Period? {
        let label: String
        switch cell {
        case let .date(date) where measure.periodicity == .monthly:
            label = String(date.iso.prefix(7))
        case let .error(code):
            fail("the cell holds the spreadsheet error \(code) (expected a period label such as 2023/24)")
            return nil
        case let .formulaWithoutResult(formula):
            fail(LocalCellReading.Problem.unsavedFormula(formula).message)
            return nil
        default:
            label = cell.description.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let period: Period
        do {
            period = try measure.period(label)
        } catch {
            fail(error.description)
            return nil
        }
        // A month for a quarterly measure would stand as its newest figure, alone in a series of
        // months; a period not yet begun is a typing error (2062/63 for 2026/27), never a figure
        // (found by exploratory testing).
        guard measure.periodicity.periodKinds.contains(period.kind) else {
            let example = switch measure.periodicity {
            case .quarterly: "a quarter such as 2026/27 Q2"
            case .monthly: "a month such as 2026-09"
            case .annual: "a year such as 2025/26, or a school term"
            case .multiYear: "years pooled such as 2021-2023"
            }
            fail("\(label) is a \(period.kind.words), and \(measure.code)'s figures are \(measure.periodicity.rawValue) (expected \(example))")
            return nil
        }
        guard period.start <= today else {
            fail("\(label) begins on \(period.start.iso), after today, \(today.iso) (expected a period that has begun)")
            return nil
        }
        return period
    }
}
