import Foundation

/// One line of a committee's quarterly finance return (PRODUCT.md R10: "revenue budget vs
/// forecast outturn by service …, overspend %, savings delivered vs planned, capital programme
/// delays, income targets"): an amount budgeted or planned for the financial year and what is now
/// forecast, for one service and line of the council's monitoring report.
public struct FinanceLine: Sendable, Hashable, Codable {
    /// What the two amounts of a line are.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The year's revenue budget and the forecast outturn (spending); over budget is adverse.
        case revenue
        /// Savings planned for the year and those forecast to be delivered; a shortfall is adverse.
        case savings
        /// An income target for the year and the income forecast; a shortfall is adverse.
        case income
        /// A capital scheme's budget for the year and its forecast spend in the year; spending less
        /// is slippage into later years. It may carry planned and forecast completion dates.
        case capital
    }

    /// The committee whose remit the money serves.
    public var committeeCode: String
    /// The quarter of the financial year the return forecasts at ("2025/26 Q2"; Q4 is the outturn).
    public var period: Period
    public var kind: Kind
    /// The service, as the council's monitoring report names it ("Children and Families").
    public var service: String
    /// The line within the service: a cost heading ("Staffing"), a savings proposal, an income
    /// stream or a capital scheme.
    public var line: String
    /// The budget, the savings planned, the income target or the capital budget for the year.
    public var budget: Money
    /// The forecast outturn, savings delivered, income or capital spend for the year.
    public var forecast: Money
    /// A capital scheme's planned and forecast completion, when the return gives them.
    public var plannedCompletion: CalendarDate?
    public var forecastCompletion: CalendarDate?
    /// Why the forecast differs from the budget and what is being done; empty when none is given.
    public var explanation: String

    public init(
        committeeCode: String, period: Period, kind: Kind, service: String, line: String, budget: Money, forecast: Money,
        plannedCompletion: CalendarDate? = nil, forecastCompletion: CalendarDate? = nil, explanation: String = ""
    ) {
        self.committeeCode = committeeCode
        self.period = period
        self.kind = kind
        self.service = service
        self.line = line
        self.budget = budget
        self.forecast = forecast
        self.plannedCompletion = plannedCompletion
        self.forecastCompletion = forecastCompletion
        self.explanation = explanation
    }

    /// The longest service or line name kept.
    public static let longestName = 200
    /// The longest explanation kept: a paragraph of a monitoring report.
    public static let longestText = 2_000

    /// The forecast less the budget: an overspend, or income or savings above plan, when positive.
    public var variance: Money { forecast - budget }

    /// The variance as a percentage of the budget; nil when the budget is not above zero.
    public var variancePercent: Double? { Self.percent(variance, of: budget) }

    /// What identifies the line within its return: kind, service and line.
    public var place: Place { Place(kind: kind, service: service, line: line) }

    /// A line's place in every quarter's return, to follow it from one return to the next.
    public struct Place: Sendable, Hashable {
        public var kind: Kind
        public var service: String
        public var line: String
    }

    /// Whether a capital scheme is forecast to finish after its planned completion.
    public var isLate: Bool {
        guard let planned = plannedCompletion, let forecast = forecastCompletion else { return false }
        return planned < forecast
    }

    /// How late (positive) or early a capital scheme is forecast to finish, in whole months when
    /// at least one, otherwise in days: "6 months late", "12 days early", "On time". Nil without
    /// both dates.
    public var completionText: String? {
        guard let planned = plannedCompletion, let forecast = forecastCompletion else { return nil }
        let later = planned <= forecast
        let (from, to) = later ? (planned, forecast) : (forecast, planned)
        // A month is counted once its day is reached, or at its end (31 March to 30 September is 6).
        let reached = to.day >= from.day || to == CalendarDate.lastDay(ofMonth: to.month, year: to.year)
        let months = (to.year * 12 + to.month) - (from.year * 12 + from.month) - (reached ? 0 : 1)
        let way = later ? "late" : "early"
        if months >= 1 { return "\(months) month\(months == 1 ? "" : "s") \(way)" }
        let days = to.dayNumber - from.dayNumber
        return days == 0 ? "On time" : "\(days) day\(days == 1 ? "" : "s") \(way)"
    }

    /// `amount` as a percentage of `budget`, nil when the budget is not above zero.
    static func percent(_ amount: Money, of budget: Money) -> Double? {
        budget.pence > 0 ? Double(amount.pence) / Double(budget.pence) * 100 : nil
    }
}

extension FinanceLine.Kind {
    /// The heading of the kind's part of a report.
    public var heading: String {
        switch self {
        case .revenue: "Revenue budget"
        case .savings: "Savings"
        case .income: "Income"
        case .capital: "Capital programme"
        }
    }

    /// What the budget and forecast amounts are, as column headings.
    public var budgetHeading: String {
        switch self {
        case .revenue: "Budget"
        case .savings: "Planned"
        case .income: "Target"
        case .capital: "Budget this year"
        }
    }

    public var forecastHeading: String {
        switch self {
        case .revenue: "Forecast outturn"
        case .savings: "Forecast delivered"
        case .income: "Forecast income"
        case .capital: "Forecast spend this year"
        }
    }

    /// Which way a variance drawn above zero goes, for a chart's axis: "over budget (+), under (−)".
    public var varianceAxis: String {
        switch self {
        case .revenue: "over budget (+), under (−)"
        case .savings: "above plan (+), short (−)"
        case .income: "above target (+), short (−)"
        case .capital: "over budget (+), slipping (−)"
        }
    }

    /// A variance in words, with its percentage of the budget when there is one: "£15.0m over
    /// budget (8.1%)", "£1.1m short of plan (20.0%)", "£50,000 short of target", "£1.2m
    /// slipping into later years", "On budget".
    public func varianceText(_ variance: Money, percent: Double?) -> String {
        let size = variance.sizeText
        let words: String
        switch (self, variance.pence.signum()) {
        case (.revenue, 1): words = "\(size) over budget"
        case (.revenue, -1): words = "\(size) under budget"
        case (.revenue, _): return "On budget"
        case (.savings, 1): words = "\(size) more than planned"
        case (.savings, -1): words = "\(size) short of plan"
        case (.savings, _): return "Delivered as planned"
        case (.income, 1): words = "\(size) above target"
        case (.income, -1): words = "\(size) short of target"
        case (.income, _): return "On target"
        case (.capital, 1): words = "\(size) more than budgeted"
        case (.capital, -1): words = "\(size) slipping into later years"
        case (.capital, _): return "As budgeted"
        }
        guard let percent else { return words }
        return "\(words) (\(FinanceReport.percentText(abs(percent))))"
    }
}

/// A service's lines of one kind in a return, added up.
public struct FinanceService: Sendable, Hashable {
    public let kind: FinanceLine.Kind
    public let name: String
    /// The service's lines, by line name.
    public let lines: [FinanceLine]
    /// Its lines' variance added up at the return before, when it had lines of this kind then.
    public let previousVariance: Money?

    public var budget: Money { lines.reduce(.zero) { $0 + $1.budget } }
    public var forecast: Money { lines.reduce(.zero) { $0 + $1.forecast } }
    public var variance: Money { forecast - budget }
    public var variancePercent: Double? { FinanceLine.percent(variance, of: budget) }
    public var varianceText: String { kind.varianceText(variance, percent: variancePercent) }

    /// The line with the largest variance the adverse way (an overspend, a shortfall, slippage),
    /// when there is one and the service has more than one line: "£6m of it staffing".
    public var largestAdverseLine: FinanceLine? {
        guard lines.count > 1 else { return nil }
        let adverse = lines.filter { kind == .revenue ? $0.variance.pence > 0 : $0.variance.pence < 0 }
        return adverse.max { abs($0.variance.pence) < abs($1.variance.pence) }
    }
}

/// The finance return a report shows: the newest return of the financial year by the end of the
/// report's period, with the return before it in the same year to show how each forecast moved.
public struct FinanceReport: Sendable, Hashable {
    /// The quarter of the return shown; before the report's period when that quarter's return is
    /// not yet in (`isForReportingPeriod` is then false, and the report says so).
    public let period: Period
    public let isForReportingPeriod: Bool
    /// The quarter of the return before, in the same financial year; nil at the year's first.
    public let previousPeriod: Period?
    /// The return's lines, by kind, service and line.
    public let lines: [FinanceLine]
    private let previousLines: [FinanceLine.Place: FinanceLine]
    /// Every return of the financial year up to the one shown, oldest first, and their lines.
    private let returnPeriods: [Period]
    private let returnLines: [[FinanceLine]]

    /// The return the report for `reportingPeriod` shows, from every return of the committee; nil
    /// when none of that financial year is in by the period's end.
    public static func inReport(_ lines: [FinanceLine], reportingPeriod: Period) -> FinanceReport? {
        let year = financialYear(of: reportingPeriod.end)
        let byQuarter = Dictionary(grouping: lines.filter { financialYear(of: $0.period.end) == year && $0.period.end <= reportingPeriod.end }, by: \.period)
        let quarters = byQuarter.keys.sorted()
        guard let shown = quarters.last else { return nil }
        let previous = quarters.dropLast().last
        return FinanceReport(
            period: shown, isForReportingPeriod: shown.end >= reportingPeriod.end, previousPeriod: previous,
            lines: byQuarter[shown, default: []].sorted(by: Self.inOrder),
            previousLines: Dictionary((previous.map { byQuarter[$0, default: []] } ?? []).map { ($0.place, $0) }, uniquingKeysWith: { first, _ in first }),
            returnPeriods: quarters, returnLines: quarters.map { byQuarter[$0, default: []] }
        )
    }

    /// The year a financial year starts in: 2025 for any day from 1 April 2025 to 31 March 2026.
    static func financialYear(of day: CalendarDate) -> Int {
        day.month >= 4 ? day.year : day.year - 1
    }

    /// The financial year a day falls in, as labelled: "2025/26".
    public static func financialYearLabel(of day: CalendarDate) -> String {
        let start = financialYear(of: day), end = (start + 1) % 100
        return "\(start)/\(end < 10 ? "0" : "")\(end)"
    }

    static func inOrder(_ a: FinanceLine, _ b: FinanceLine) -> Bool {
        if a.kind != b.kind {
            let kinds = FinanceLine.Kind.allCases
            return kinds.firstIndex(of: a.kind)! < kinds.firstIndex(of: b.kind)!
        }
        if a.service != b.service { return a.service.localizedStandardCompare(b.service) == .orderedAscending }
        return a.line.localizedStandardCompare(b.line) == .orderedAscending
    }

    /// The kinds the return has lines of, in the order a report shows them.
    public var kinds: [FinanceLine.Kind] {
        FinanceLine.Kind.allCases.filter { kind in lines.contains { $0.kind == kind } }
    }

    /// The services with lines of `kind`, in the return's order, each added up.
    public func services(_ kind: FinanceLine.Kind) -> [FinanceService] {
        var names: [String] = []
        for line in lines where line.kind == kind && !names.contains(line.service) { names.append(line.service) }
        return names.map { name in added(kind, name: name) { $0.service == name } }
    }

    /// Every line of `kind` added up, as one service named "All services".
    public func total(_ kind: FinanceLine.Kind) -> FinanceService {
        added(kind, name: "All services") { _ in true }
    }

    /// The lines of `kind` that `include` keeps, added up, with the same lines' variance at the
    /// return before when it had any (like for like: a line the return before had and this one
    /// has not is left out of it, and named by `linesNotRepeated`).
    private func added(_ kind: FinanceLine.Kind, name: String, _ include: (FinanceLine) -> Bool) -> FinanceService {
        let shown = Set(lines.map(\.place))
        let previous = previousLines.values.filter { $0.kind == kind && include($0) && shown.contains($0.place) }
        return FinanceService(
            kind: kind, name: name, lines: lines.filter { $0.kind == kind && include($0) },
            previousVariance: previous.isEmpty ? nil : previous.reduce(.zero) { $0 + $1.variance }
        )
    }

    /// How the forecast of `kind` moved over the financial year's returns up to the one shown: each
    /// service, and all of them, added up at each return that had lines of `kind` (PRODUCT.md R10:
    /// an overspend "reduced from £10m to £7m").
    public func movement(_ kind: FinanceLine.Kind) -> FinanceMovement {
        let returns = zip(returnPeriods, returnLines).filter { $0.1.contains { $0.kind == kind } }
        var names = services(kind).map(\.name)
        var others: [String] = []
        for (_, lines) in returns {
            for line in lines where line.kind == kind && !names.contains(line.service) && !others.contains(line.service) { others.append(line.service) }
        }
        names += others.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        func row(_ name: String, _ include: @escaping (FinanceLine) -> Bool) -> FinanceMovement.Row {
            FinanceMovement.Row(name: name, amounts: returns.map { _, lines in
                let kept = lines.filter { $0.kind == kind && include($0) }
                return kept.isEmpty ? nil : FinanceService(kind: kind, name: name, lines: kept, previousVariance: nil)
            })
        }
        return FinanceMovement(
            kind: kind, periods: returns.map(\.0), services: names.map { name in row(name) { $0.service == name } },
            total: row("All services") { _ in true }
        )
    }

    /// The lines of the return before that this return does not have, in the report's order: a
    /// line dropped from a return is said, not lost without a word.
    public var linesNotRepeated: [FinanceLine] {
        let shown = Set(lines.map(\.place))
        return previousLines.values.filter { !shown.contains($0.place) }.sorted(by: Self.inOrder)
    }

    /// The kinds of line the return before had and this one has none of (a return of revenue
    /// alone, after one with capital too).
    public var kindsNotRepeated: [FinanceLine.Kind] {
        let before = Set(previousLines.values.map(\.kind))
        return FinanceLine.Kind.allCases.filter { before.contains($0) && !kinds.contains($0) }
    }

    /// The same line in the return before, when it was there.
    public func previous(of line: FinanceLine) -> FinanceLine? {
        previousLines[line.place]
    }

    /// A percentage to one decimal place, rounded half away from zero as every figure is
    /// (`DfERounding`): "8.1%".
    public static func percentText(_ percent: Double) -> String {
        ((try? DfERounding.formatted(percent, decimalPlaces: 1)) ?? "-") + "%"
    }
}

/// How the forecast of one kind of line moved over a financial year's returns up to the one a
/// report shows: a row for each service and one for all of them, added up at each return.
public struct FinanceMovement: Sendable, Hashable {
    public let kind: FinanceLine.Kind
    /// The returns of the year with lines of this kind, oldest first, the one shown last.
    public let periods: [Period]
    /// Each service: those of the return shown in its order, then any only in earlier returns.
    public let services: [Row]
    /// Every service added up, named "All services".
    public let total: Row

    /// One service (or all of them) at each return: its lines added up, nil where that return has
    /// none of its lines of this kind.
    public struct Row: Sendable, Hashable {
        public let name: String
        /// One for each of the movement's `periods`.
        public let amounts: [FinanceService?]
    }

    /// One service, or all services together (`isTotal`), at one return: `amount` is named as its row.
    public struct Entry: Sendable, Hashable {
        public let period: Period
        public let isTotal: Bool
        public let amount: FinanceService
    }

    /// Each return, oldest first, with each service and then all services at it, leaving out a
    /// service at a return with none of its lines: the rows of the finance-year data file and API.
    public var entries: [Entry] {
        periods.enumerated().flatMap { i, period in
            (services.map { ($0, false) } + [(total, true)]).compactMap { row, isTotal in
                row.amounts[i].map { Entry(period: period, isTotal: isTotal, amount: $0) }
            }
        }
    }

    /// "All services together at each return: £10.0m over budget at 2026/27 Q1, £7.0m over budget
    /// at 2026/27 Q2." The total's variance at each return, in words; a single service is named.
    public var sentence: String {
        let moves = zip(periods, total.amounts).compactMap { period, amount in
            amount.map { "\(kind.varianceText($0.variance, percent: nil).lowercasingFirst) at \(period.label)" }
        }
        guard !moves.isEmpty else { return "No return of the year has lines of this kind." }
        let who = services.count == 1 ? services[0].name : "All services together"
        return "\(who) at each return: \(moves.joined(separator: ", "))."
    }
}

extension String {
    /// The text with its first letter lower case, to follow on in a sentence ("On budget" → "on
    /// budget"); "£1.0m short of plan" as it is.
    public var lowercasingFirst: String {
        first?.isUppercase == true ? prefix(1).lowercased() + dropFirst() : self
    }
}
