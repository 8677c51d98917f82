import ScrutineerCore

/// The committee's finance (PRODUCT.md R10): a sentence on the return shown, then a part for
/// each kind of line it has (revenue, savings, income, capital), each a sentence and a table.
struct PackFinanceSection: Sendable {
    let sentence: String
    let parts: [PackFinancePart]
}

/// One kind of line of a finance return: its heading, what it comes to in a sentence, a row per
/// line (with a total row per service of several lines), and from the year's second return a
/// chart of how the forecast moved.
struct PackFinancePart: Sendable {
    let id: String
    let heading: String
    let sentence: String
    let table: PackTable
    let hasChart: Bool
    let chart: PackFigure
}

extension PackSummaryBuilder {
    /// The finance section for the committee's finance returns `lines`: the newest return of the
    /// financial year by the end of the report's period, compared with the return before it.
    func financeSection(_ lines: [FinanceLine]) -> PackFinanceSection {
        let period = assessment.reportingPeriod
        guard let report = FinanceReport.inReport(lines, reportingPeriod: period) else {
            return PackFinanceSection(
                sentence: "No finance return for \(FinanceReport.financialYearLabel(of: period.end)) was in by the end of \(period.label).", parts: []
            )
        }
        var intro = ["The finance return for \(report.period.label) forecasts the whole financial year."]
        if !report.isForReportingPeriod {
            intro.append("The return for \(period.label) is not in yet: this is the newest.")
        }
        if let previous = report.previousPeriod {
            intro.append("Each variance is shown beside that of the same lines in the return before, for \(previous.label).")
            // What the return before had and this one has not, so a line dropped is not read as
            // money saved.
            let missingKinds = report.kindsNotRepeated
            if !missingKinds.isEmpty {
                let words = missingKinds.map { $0 == .revenue ? "revenue" : $0.heading.lowercased() }
                let named = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
                intro.append("This return has no \(named) lines, which the return for \(previous.label) had.")
            }
            let dropped = report.linesNotRepeated.filter { !missingKinds.contains($0.kind) }
            if !dropped.isEmpty {
                let named = dropped.map { "\($0.service), \($0.line) (\($0.kind.varianceText($0.variance, percent: nil).lowercasingFirst) then)" }
                intro.append("Not in this return, though in the return for \(previous.label): \(named.joined(separator: "; ")).")
            }
        }
        let parts = report.kinds.map { kind in
            let chart = PackCharts.finance(report.movement(kind), id: "finance-\(kind.rawValue)-chart")
            return PackFinancePart(
                id: "finance-\(kind.rawValue)", heading: kind.heading, sentence: Self.financeSentence(kind, report: report),
                table: Self.financeTable(kind, report: report), hasChart: chart != nil,
                chart: chart.map { PackFigure($0, caption: "\(kind.heading): the forecast variance at each return of \(FinanceReport.financialYearLabel(of: report.period.end))") }
                    ?? PackMeasureBuilder.emptyFigure
            )
        }
        return PackFinanceSection(sentence: intro.joined(separator: " "), parts: parts)
    }

    /// What a kind of line comes to, in a sentence.
    static func financeSentence(_ kind: FinanceLine.Kind, report: FinanceReport) -> String {
        let services = report.services(kind)
        let total = report.total(kind)
        let budget = total.budget, forecast = total.forecast
        // Said side by side, the two read to the precision at which they differ by the variance.
        let (forecastText, budgetText) = Money.texts(forecast, budget)
        switch kind {
        case .revenue:
            var sentences = services.map { service -> String in
                var text = "\(service.name) is forecast "
                switch service.variance.pence.signum() {
                case 1: text += "to overspend by \(service.variance.sizeText)"
                case -1: text += "to underspend by \(service.variance.sizeText)"
                default: text += "to spend its budget exactly"
                }
                if service.variance.pence != 0 {
                    if let percent = service.variancePercent {
                        text += ", \(FinanceReport.percentText(abs(percent))) of its \(service.budget.text) budget"
                    } else if service.budget.pence < 0 {
                        // A budget below zero is net income: no percentage of it is meaningful.
                        text += ", against a budget of \(service.budget.sizeText) net income"
                    } else {
                        text += ", against a budget of \(service.budget.text)"
                    }
                }
                if let previous = report.previousPeriod, let variance = service.previousVariance {
                    text += " (at \(previous.label), \(kind.varianceText(variance, percent: nil).lowercasingFirst))"
                }
                if service.variance.pence > 0, let largest = service.largestAdverseLine {
                    // A line overspent by more than the service (others under) is no part of it
                    // (£1.4m of a £1.3m overspend; found by exploratory testing).
                    text += largest.variance.pence > service.variance.pence
                        ? "; the largest overspend, \(largest.variance.sizeText), is \(largest.line), partly offset by underspends on other lines"
                        : "; the largest part, \(largest.variance.sizeText), is \(largest.line)"
                }
                return text + "."
            }
            if services.count > 1 {
                // Budgets that net to income are said as such, not as a negative amount.
                let budgets = budget.pence < 0 ? "budgets netting to \(budget.sizeText) of income" : "budgets of \(budget.text)"
                sentences.append("In all, \(total.varianceText.lowercasingFirst) against \(budgets).")
            }
            return sentences.joined(separator: " ")
        case .savings:
            // Savings are tracked proposal by proposal: one delivering more does not make good
            // another's shortfall in what the committee is told.
            let short = total.lines.filter { $0.forecast < $0.budget }
            // A shortfall that rounds to £0 is still said: "under £1 short".
            let shortText = short.map { "\($0.line) (\($0.variance.pence > -50 ? "under £1" : $0.variance.sizeText) short)" }.joined(separator: "; ")
            let shortCount = short.count == 1 ? "one proposal falls" : "\(short.count) proposals fall"
            if forecast >= budget {
                if short.isEmpty { return "All \(budget.text) of savings planned is forecast to be delivered." }
                let delivered = forecast > budget ? "\(forecastText) of savings is forecast to be delivered against \(budgetText) planned" : "all \(budget.text) of savings planned is forecast to be delivered"
                return "In all, \(delivered), but \(shortCount) short of plan: \(shortText)."
            }
            let sentence = "\(forecastText) of the \(budgetText) of savings planned is forecast to be delivered: \(total.varianceText.lowercasingFirst)."
            // Named wherever the total is of more than one proposal, so a shortfall is not hidden by
            // another's over-delivery.
            guard total.lines.count > 1, !short.isEmpty else { return sentence }
            return "\(sentence) \(short.count == 1 ? "The proposal" : "The proposals") short of plan: \(shortText)."
        case .income:
            let targets = total.lines.count == 1 ? "a target of" : "targets of"
            return "Income of \(forecastText) is forecast against \(targets) \(budgetText): \(total.varianceText.lowercasingFirst)."
        case .capital:
            let late = total.lines.filter(\.isLate)
            var text = "The capital programme's \(budget.text) budget this year is forecast \(total.variance.pence == 0 ? "to be spent as budgeted" : "with \(total.varianceText.lowercasingFirst)")."
            if !late.isEmpty {
                let named = late.map { "\($0.line), \($0.completionText ?? "")" }.joined(separator: "; ")
                text += " \(late.count == 1 ? "One scheme is" : "\(late.count) schemes are") forecast to finish late: \(named)."
            }
            return text
        }
    }

    /// A row per line of `kind`, after a total row for each service with more than one line.
    static func financeTable(_ kind: FinanceLine.Kind, report: FinanceReport) -> PackTable {
        let hasPrevious = report.previousPeriod != nil
        var headers = [
            PackHeader(kind == .capital ? "Scheme" : "Service and line"), PackHeader(kind.budgetHeading, isNumeric: true),
            PackHeader(kind.forecastHeading, isNumeric: true), PackHeader("Variance"),
        ]
        if let previous = report.previousPeriod { headers.append(PackHeader("At \(previous.label)")) }
        if kind == .capital { headers.append(PackHeader("Completion")) }
        headers.append(PackHeader("Explanation"))
        // A row's budget and forecast read to the precision at which they differ by its variance.
        func money(_ budget: Money, _ forecast: Money) -> [PackCell] {
            let (budgetText, forecastText) = Money.texts(budget, forecast)
            return [PackCell([PackLine(budgetText)], isNumeric: true), PackCell([PackLine(forecastText)], isNumeric: true)]
        }
        func before(_ variance: Money?) -> PackCell {
            PackCell(variance.map { kind.varianceText($0, percent: nil) } ?? "Not in that return")
        }
        var rows: [PackRow] = []
        for service in report.services(kind) {
            if service.lines.count > 1 {
                var cells = money(service.budget, service.forecast) + [PackCell(service.varianceText)]
                if hasPrevious { cells.append(before(service.previousVariance)) }
                if kind == .capital { cells.append(PackCell("")) }
                cells.append(PackCell(""))
                rows.append(PackRow(header: PackCell("\(service.name): total"), cells: cells))
            }
            for line in service.lines {
                var cells = money(line.budget, line.forecast) + [PackCell(kind.varianceText(line.variance, percent: line.variancePercent))]
                if hasPrevious { cells.append(before(report.previous(of: line)?.variance)) }
                if kind == .capital {
                    var completion: [PackLine] = []
                    if let planned = line.plannedCompletion { completion.append(PackLine("Planned: \(planned.displayText)")) }
                    if let forecast = line.forecastCompletion { completion.append(PackLine("Forecast: \(forecast.displayText)")) }
                    if let delay = line.completionText { completion.append(PackLine(delay, isNote: true)) }
                    cells.append(completion.isEmpty ? PackCell("Not given") : PackCell(completion))
                }
                cells.append(PackCell(line.explanation.isEmpty ? "None given" : line.explanation))
                rows.append(PackRow(header: PackCell("\(service.name): \(line.line)"), cells: cells))
            }
        }
        return PackTable(
            id: "finance-\(kind.rawValue)-table", caption: "\(kind.heading), forecast for the year at \(report.period.label)", cssClass: "finance",
            headers: headers, rows: rows
        )
    }
}
