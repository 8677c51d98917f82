import Foundation
import ScrutineerCore

/// Reads a committee's quarterly finance returns (PRODUCT.md R10) from a CSV file or a workbook's
/// sheet (the first, or `--sheet`), one row per line of a return.
///
/// - Required columns: `period, kind, service, line, budget, forecast`.
/// - Optional: `planned_completion` and `forecast_completion` (capital schemes only), and
///   `explanation`.
/// - `period` is a quarter of a financial year (`2025/26 Q2`; Q4 is the outturn) that has begun by
///   `today`. `kind` is `revenue` (budget and forecast outturn), `savings` (planned and forecast
///   delivered), `income` (target and forecast) or `capital` (the scheme's budget this year and
///   forecast spend this year).
/// - Amounts are pounds, as numbers or as a currency cell saved as CSV (`£1,250,000`), to the
///   penny at most; only a revenue line's may be below zero (a service whose income exceeds its
///   spending).
/// - Columns starting `note` or `comment` are for people and not read; headers are compared as the
///   local template's are, and a title may sit above the header. A line is given once per
///   quarter: each replaces the stored line of the same quarter, kind, service and line.
public enum FinanceReturnImporter {
    enum Column: String, CaseIterable {
        case period, kind, service, line, budget, forecast
        case plannedCompletion = "planned_completion"
        case forecastCompletion = "forecast_completion"
        case explanation
    }

    /// The columns a finance return must have, as normalised header names.
    public static let requiredColumns = [Column.period, .kind, .service, .line, .budget, .forecast].map(\.rawValue)

    /// The service of the template's example rows (`FinanceReturnTemplate`), refused.
    static let exampleService = "EXAMPLE"

    /// The lines `files` hold for the committee `committeeCode`, or every rejected cell. `stored` are
    /// the lines of the committee's returns already held: a service or line they name that a file
    /// writes another way is refused.
    public static func parse(
        _ files: [PublishedFile], committeeCode: String, sheet: String? = nil, today: CalendarDate = .todayUTC, stored: [FinanceLine] = []
    ) throws(BatchInputErrors) -> ImportBatch {
        let spellings = (services: NameSpellings(stored: stored.map(\.service)), lines: NameSpellings(stored: stored.map(\.line)))
        let (lines, rowsRead) = try RegisterTable.records(
            in: files, sheet: sheet, required: requiredColumns, rowsAre: "one row per line of a finance return",
            reading: { RowReader(table: $0, committeeCode: committeeCode, today: today, spellings: spellings) },
            key: { [$0.period.label, $0.kind.rawValue, $0.service, $0.line].joined(separator: "\u{1F}") },
            duplicate: { line, earlier in
                (.line, "\(line.kind.rawValue) line \(ImportText.quoted(line.line)) of \(line.service) for \(line.period.label) is in \(earlier) too (expected each line once a quarter)")
            }
        )
        return ImportBatch(kind: .finance, files: files.map(\.name), rowsRead: rowsRead, financeLines: lines)
    }

    /// Reads a table's rows as lines, collecting every rejected cell.
    struct RowReader: RegisterRowReading {
        var cells: RegisterCellReader<Column>
        let committeeCode: String
        let today: CalendarDate
        let spellings: (services: NameSpellings, lines: NameSpellings)

        init(table: RegisterTable, committeeCode: String, today: CalendarDate, spellings: (services: NameSpellings, lines: NameSpellings)) {
            cells = RegisterCellReader(table: table)
            self.committeeCode = committeeCode
            self.today = today
            self.spellings = spellings
        }

        mutating func checkHeader() -> Bool {
            cells.checkHeader(required: FinanceReturnImporter.requiredColumns.map { Column(rawValue: $0)! })
        }

        /// The line a row gives, or nil after recording each of its rejected cells.
        mutating func record(_ row: SpreadsheetRow) -> FinanceLine? {
            guard cells.checkShape(row) else { return nil }
            let before = cells.errors.count
            let period = self.period(row)
            let kind = self.kind(row)
            let service = cells.text(row, .service, required: "the service, as the monitoring report names it", longest: FinanceLine.longestName)
            if service == FinanceReturnImporter.exampleService {
                cells.reject(row.number, .service, "EXAMPLE marks an example row of the template (expected your own service: delete the example rows before importing)")
            }
            let line = cells.text(row, .line, required: "the line: a cost heading, savings proposal, income stream or capital scheme", longest: FinanceLine.longestName)
            for (column, name, known) in [(Column.service, service, spellings.services), (.line, line, spellings.lines)] {
                if let name, let problem = known.problem(with: name, at: "\(cells.table.label):\(row.number)") { cells.reject(row.number, column, problem) }
            }
            let budget = amount(row, .budget, kind: kind)
            let forecast = amount(row, .forecast, kind: kind)
            let planned = completion(row, .plannedCompletion, kind: kind)
            let forecastCompletion = completion(row, .forecastCompletion, kind: kind)
            let explanation = cells.text(row, .explanation, required: nil, longest: FinanceLine.longestText)
            guard cells.errors.count == before, let period, let kind, let service, let line, let budget, let forecast else { return nil }
            return FinanceLine(
                committeeCode: committeeCode, period: period, kind: kind, service: service, line: line, budget: budget, forecast: forecast,
                plannedCompletion: planned, forecastCompletion: forecastCompletion, explanation: explanation ?? ""
            )
        }

        private static let expectedPeriod = "a quarter of a financial year, such as 2025/26 Q2"

        private mutating func period(_ row: SpreadsheetRow) -> Period? {
            guard let text = cells.text(row, .period, required: Self.expectedPeriod, longest: 40) else { return nil }
            guard let period = try? Period.parse(text, yearType: .financial), period.kind == .quarter, period.label == text else {
                cells.reject(row.number, .period, "\(ImportText.quoted(text)) is not a quarter of a financial year (expected \(Self.expectedPeriod))")
                return nil
            }
            if today < period.start {
                cells.reject(row.number, .period, "\(period.label) begins on \(period.start.iso), after today, \(today.iso) (expected a quarter that has begun)")
                return nil
            }
            return period
        }

        private mutating func kind(_ row: SpreadsheetRow) -> FinanceLine.Kind? {
            let kinds = FinanceLine.Kind.allCases.map(\.rawValue)
            let expected = "\(kinds.dropLast().joined(separator: ", ")) or \(kinds.last!)"
            guard let text = cells.text(row, .kind, required: expected, longest: 40) else { return nil }
            guard let kind = FinanceLine.Kind(rawValue: text.lowercased()) else {
                cells.reject(row.number, .kind, "\(ImportText.quoted(text)) is not a kind of line (expected \(expected))")
                return nil
            }
            return kind
        }

        /// An amount in pounds, to the penny; below zero only on a revenue line.
        private mutating func amount(_ row: SpreadsheetRow, _ column: Column, kind: FinanceLine.Kind?) -> Money? {
            let expected = "an amount in pounds such as 1250000 or £1,250,000"
            let cell = cells.cell(row, column)
            if case .percentage = cell { return rejectPercentage(row, column, cell.description, expected: expected) }
            if case let .text(text) = cell, text.trimmingCharacters(in: .whitespaces).hasSuffix("%") {
                return rejectPercentage(row, column, ImportText.quoted(text), expected: expected)
            }
            do {
                guard let pounds = try LocalCellReading.number(cell, unit: .money, example: "1250000") else {
                    cells.reject(row.number, column, "blank (expected \(expected))")
                    return nil
                }
                guard let money = Money(pounds: pounds) else {
                    cells.reject(row.number, column, "\(pounds) is not a whole number of pence, or is too large (expected \(expected), to the penny at most)")
                    return nil
                }
                if money.pence < 0, let kind, kind != .revenue {
                    cells.reject(row.number, column, "\(money.text) is below zero (expected an amount of £0 or more on a \(kind.rawValue) line; only a revenue line's may be below zero)")
                    return nil
                }
                return money
            } catch {
                cells.reject(row.number, column, error.message)
                return nil
            }
        }

        private mutating func rejectPercentage(_ row: SpreadsheetRow, _ column: Column, _ written: String, expected: String) -> Money? {
            cells.reject(row.number, column, "\(written) is a percentage (expected \(expected))")
            return nil
        }

        /// A completion date, only on a capital line.
        private mutating func completion(_ row: SpreadsheetRow, _ column: Column, kind: FinanceLine.Kind?) -> CalendarDate? {
            guard let day = cells.date(row, column, required: nil) else { return nil }
            if let kind, kind != .capital {
                cells.reject(row.number, column, "a completion date on \(kind == .income ? "an" : "a") \(kind.rawValue) line (expected it blank: completion dates are for capital schemes)")
                return nil
            }
            return day
        }
    }
}
