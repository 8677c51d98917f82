import ScrutineerCore

/// How a `FinanceLine` is written to and read from committee_finance_lines.
enum FinanceLineRecord: CommitteeRecordMapping {
    typealias Columns = Schema.FinanceLines

    static let recordName = "finance line"
    static let table = Columns.table
    static let columns = Columns.columns
    static let keyColumns = [Columns.committeeCode, Columns.period, Columns.kind, Columns.service, Columns.line]
    /// An import reads the stored lines of the quarters it names.
    static let narrowingColumn = Columns.period
    static func committeeCode(of line: FinanceLine) -> String { line.committeeCode }
    static func narrowingValue(of line: FinanceLine) -> String { line.period.label }

    /// The line's row in `Schema.FinanceLines.columns` order.
    static func cells(_ line: FinanceLine) -> [SQLCell] {
        [
            .text(line.committeeCode), .text(line.period.label), .text(line.kind.rawValue), .text(line.service), .text(line.line),
            .integer(line.budget.pence), .integer(line.forecast.pence), SQLCell(line.plannedCompletion?.iso),
            SQLCell(line.forecastCompletion?.iso), .text(line.explanation),
        ]
    }

    /// What identifies a line: its committee, quarter, kind, service and line.
    static func key(_ line: FinanceLine) -> String {
        "\(line.committeeCode) \(line.period.label) \(line.kind.rawValue) line \(line.service): \(line.line)"
    }

    static func decode(_ row: StoredRow) throws -> FinanceLine {
        FinanceLine(
            committeeCode: try row.text(Columns.committeeCode),
            period: try row.parsed(Columns.period) { try? Period.parse($0, yearType: .financial) },
            kind: try row.parsed(Columns.kind) { FinanceLine.Kind(rawValue: $0) },
            service: try row.text(Columns.service), line: try row.text(Columns.line),
            budget: Money(pence: try row.integer(Columns.budgetPence)), forecast: Money(pence: try row.integer(Columns.forecastPence)),
            plannedCompletion: try row.optionalDate(Columns.plannedCompletion), forecastCompletion: try row.optionalDate(Columns.forecastCompletion),
            explanation: try row.text(Columns.explanation)
        )
    }
}
