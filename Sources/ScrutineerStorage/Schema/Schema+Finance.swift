/// The table of migration 13: each line of a committee's quarterly finance returns (PRODUCT.md R10).
extension Schema {
    /// A committee's finance returns: one row per quarter, kind, service and line.
    enum FinanceLines {
        static let table = "committee_finance_lines"
        static let committeeCode = "committee_code"
        static let period = "period"
        static let kind = "kind"
        static let service = "service"
        static let line = "line"
        static let budgetPence = "budget_pence"
        static let forecastPence = "forecast_pence"
        static let plannedCompletion = "planned_completion"
        static let forecastCompletion = "forecast_completion"
        static let explanation = "explanation"

        static let columns = [
            committeeCode, period, kind, service, line, budgetPence, forecastPence, plannedCompletion, forecastCompletion, explanation,
        ]
    }
}
