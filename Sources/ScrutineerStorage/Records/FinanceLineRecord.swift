import ScrutineerCore

/// How a `FinanceLine` is written to and read from committee_finance_lines.
enum FinanceLineRecord {
    typealias Columns = Schema.FinanceLines

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
