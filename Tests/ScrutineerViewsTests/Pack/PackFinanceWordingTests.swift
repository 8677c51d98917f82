import ScrutineerCore
import Testing
@testable import ScrutineerViews

/// How the finance section words what a return comes to (PRODUCT.md R10), where a total alone
/// would mislead (found by exploratory testing).
@Suite("Finance wording")
struct PackFinanceWordingTests {
    static func line(_ kind: FinanceLine.Kind, _ service: String, _ line: String, _ budget: Double, _ forecast: Double) -> FinanceLine {
        FinanceLine(
            committeeCode: "WARKS-CYP", period: try! Period.parse("2026/27 Q3", yearType: .financial), kind: kind, service: service, line: line,
            budget: Money(pounds: budget)!, forecast: Money(pounds: forecast)!
        )
    }

    static func sentence(_ kind: FinanceLine.Kind, _ lines: [FinanceLine]) throws -> String {
        let report = try #require(FinanceReport.inReport(lines, reportingPeriod: try Period.parse("2026/27 Q3", yearType: .financial)))
        return PackSummaryBuilder.financeSentence(kind, report: report)
    }

    @Test("savings are told proposal by proposal: one delivering more does not hide another's shortfall")
    func savingsShortfallsNamed() throws {
        let netted = [Self.line(.savings, "Children and Families", "Agency", 1_800_000, 1_000_000), Self.line(.savings, "Education", "Transport", 600_000, 1_500_000)]
        #expect(try Self.sentence(.savings, netted)
            == "In all, £2.5m of savings is forecast to be delivered against £2.4m planned, but one proposal falls short of plan: Agency (£800,000 short).")
        let penny = [Self.line(.savings, "Children and Families", "Agency", 1_000_000, 999_999.99), Self.line(.savings, "Education", "Transport", 600_000, 600_000)]
        #expect(try Self.sentence(.savings, penny)
            == "£1.6m of the £1.6m of savings planned is forecast to be delivered: £0 short of plan (0.0%). The proposal short of plan: Agency (under £1 short).")
        let allMet = [Self.line(.savings, "Children and Families", "Agency", 1_800_000, 1_800_000)]
        #expect(try Self.sentence(.savings, allMet) == "All £1.8m of savings planned is forecast to be delivered.")
        let oneShortOneOver = [Self.line(.savings, "Children and Families", "Agency", 1_800_000, 1_300_000), Self.line(.savings, "Education", "Transport", 600_000, 700_000)]
        #expect(try Self.sentence(.savings, oneShortOneOver)
            == "£2.0m of the £2.4m of savings planned is forecast to be delivered: £400,000 short of plan (16.7%). The proposal short of plan: Agency (£500,000 short).")
        let twoShort = [Self.line(.savings, "Children and Families", "Agency", 1_800_000, 1_000_000), Self.line(.savings, "Education", "Transport", 600_000, 500_000)]
        #expect(try Self.sentence(.savings, twoShort)
            == "£1.5m of the £2.4m of savings planned is forecast to be delivered: £900,000 short of plan (37.5%). The proposals short of plan: Agency (£800,000 short); Transport (£100,000 short).")
    }

    @Test("a line overspent by more than its service, other lines under, is the largest overspend, not \"the largest part\" of a smaller one (found by exploratory testing)")
    func largestOverspendBeyondTheService() throws {
        let offset = [
            Self.line(.revenue, "Education", "Home to school transport", 10_000_000, 11_400_000),
            Self.line(.revenue, "Education", "SEND support", 5_000_000, 4_900_000),
        ]
        #expect(try Self.sentence(.revenue, offset).hasSuffix("; the largest overspend, £1.4m, is Home to school transport, partly offset by underspends on other lines."))
        let within = [
            Self.line(.revenue, "Education", "Home to school transport", 10_000_000, 10_800_000),
            Self.line(.revenue, "Education", "SEND support", 5_000_000, 5_500_000),
        ]
        #expect(try Self.sentence(.revenue, within).hasSuffix("; the largest part, £800,000, is Home to school transport."))
    }

    @Test("a forecast and its target read to the precision at which they differ by the variance stated (found by exploratory testing: \"£2.9m against £3.3m: £310,000 short\")")
    func amountsAgreeWithTheirDifference() throws {
        let income = [Self.line(.income, "Education", "Traded services", 3_250_000, 2_940_000)]
        #expect(try Self.sentence(.income, income) == "Income of £2.94m is forecast against a target of £3.25m: £310,000 short of target (9.5%).")
        let savings = [Self.line(.savings, "Children and Families", "Agency", 3_250_000, 2_940_000)]
        #expect(try Self.sentence(.savings, savings) == "£2.94m of the £3.25m of savings planned is forecast to be delivered: £310,000 short of plan (9.5%).")
        let report = try #require(FinanceReport.inReport(income, reportingPeriod: try Period.parse("2026/27 Q3", yearType: .financial)))
        let row = try #require(PackSummaryBuilder.financeTable(.income, report: report).rows.first)
        #expect(row.cells.prefix(2).map { cell in cell.lines.map { $0.text } } == [["£3.25m"], ["£2.94m"]])
    }

    @Test("a service whose budget is net income is worded as such, with no percentage of it")
    func netIncomeBudget() throws {
        let traded = [Self.line(.revenue, "Traded Services", "Catering", -250_000, -175_000)]
        #expect(try Self.sentence(.revenue, traded) == "Traded Services is forecast to overspend by £75,000, against a budget of £250,000 net income.")
        let netting = traded + [Self.line(.revenue, "Lettings", "Halls", -150_000, -105_000)]
        #expect(try Self.sentence(.revenue, netting).hasSuffix("In all, £120,000 over budget against budgets netting to £400,000 of income."))
    }
}
