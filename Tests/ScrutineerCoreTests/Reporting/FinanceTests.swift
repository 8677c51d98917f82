import ScrutineerCore
import Testing

/// Which finance return a report shows, and how its amounts, variances and delays are worded
/// (PRODUCT.md R10: "revenue budget vs forecast outturn by service (the £15m overspend, £6m of it
/// staffing; reduced from £10m to £7m), overspend %, savings delivered vs planned (20%
/// underachievement), capital programme delays, income targets").
private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
private func quarter(_ label: String) -> Period { try! Period.parse(label, yearType: .financial) }
private func pounds(_ amount: Double) -> Money { Money(pounds: amount)! }

@Suite("Finance returns")
struct FinanceTests {

    /// A revenue line.
    static func line(_ period: String, _ line: String, _ budget: Double, _ forecast: Double, service: String = "Children and Families") -> FinanceLine {
        Self.line(period, .revenue, line, budget, forecast, service: service)
    }

    static func line(
        _ period: String, _ kind: FinanceLine.Kind, _ line: String, _ budget: Double, _ forecast: Double, service: String = "Children and Families",
        planned: String? = nil, forecastCompletion: String? = nil
    ) -> FinanceLine {
        FinanceLine(
            committeeCode: "WARKS-CYP", period: quarter(period), kind: kind, service: service, line: line, budget: pounds(budget), forecast: pounds(forecast),
            plannedCompletion: planned.map(day), forecastCompletion: forecastCompletion.map(day)
        )
    }

    @Test("a line or a kind of line the return before had and this one has not is named, and each variance at the return before is of the same lines (found by exploratory testing)")
    func linesNotRepeated() throws {
        let lines = [
            Self.line("2026/27 Q2", "Placements", 100_000_000, 104_500_000), Self.line("2026/27 Q2", "Staffing", 90_000_000, 92_500_000),
            Self.line("2026/27 Q2", .capital, "New school", 5_000_000, 5_000_000, service: "Education"),
            Self.line("2026/27 Q3", "Staffing", 92_000_000, 93_500_000),
        ]
        let report = try #require(FinanceReport.inReport(lines, reportingPeriod: quarter("2026/27 Q3")))
        #expect(report.linesNotRepeated.map(\.line) == ["Placements", "New school"])
        #expect(report.kindsNotRepeated == [.capital])
        let service = try #require(report.services(.revenue).first)
        #expect(service.variance == pounds(1_500_000))
        #expect(service.previousVariance == pounds(2_500_000), "staffing alone at Q2, not £7.0m with placements")
        #expect(report.total(.revenue).previousVariance == pounds(2_500_000))
        let sameLines = try #require(FinanceReport.inReport(Array(lines.prefix(3)) + [Self.line("2026/27 Q3", "Placements", 1, 1), Self.line("2026/27 Q3", "Staffing", 1, 1), Self.line("2026/27 Q3", .capital, "New school", 1, 1, service: "Education")], reportingPeriod: quarter("2026/27 Q3")))
        #expect(sameLines.linesNotRepeated.isEmpty && sameLines.kindsNotRepeated.isEmpty)
    }

    @Test("amounts are kept in whole pence and written as a committee reads them: £m to one place from £1m, whole pounds below")
    func money() throws {
        #expect(Money(pounds: 1_250_000.5)?.pence == 125_000_050)
        #expect(Money(pounds: 0.125) == nil)
        // Half a penny or a tenth of one over a large amount is still a fraction of a penny; every
        // amount written to the penny is read as it was written.
        #expect(Money(pounds: 28_500_000.005) == nil)
        #expect(Money(pounds: 29_400_000.999) == nil)
        #expect(Money(pounds: 9_999_999_999.001) == nil)
        #expect(Money(pounds: 28_500_000.01)?.pence == 2_850_000_001)
        for pence in stride(from: 1, through: 10_000_000_000_000, by: 7_777_777_777) {
            let written = Double("\(pence / 100).\(pence % 100 < 10 ? "0" : "")\(pence % 100)")!
            #expect(Money(pounds: written)?.pence == pence, "\(written)")
        }
        #expect(Money(pounds: .infinity) == nil)
        #expect(Money(pounds: 1e17) == nil)
        #expect(pounds(15_000_000).text == "£15.0m")
        #expect(pounds(185_300_000).text == "£185.3m")
        #expect(pounds(50_000).text == "£50,000")
        #expect(pounds(999_999.49).text == "£999,999")
        // Half away from zero, on the pence: £1,049,999.99 is £1.0m, £1,050,000 is £1.1m.
        #expect(pounds(1_049_999.99).text == "£1.0m")
        #expect(pounds(1_050_000).text == "£1.1m")
        #expect(pounds(-2_500_000).text == "-£2.5m")
        #expect(pounds(-2_500_000).sizeText == "£2.5m")
        #expect(pounds(1_234_567_890).text == "£1,234.6m")
        #expect(Money.zero.text == "£0")
        // Sums are exact: ten lines of 10p add to £1.
        #expect((0..<10).reduce(Money.zero) { total, _ in total + pounds(0.1) } == pounds(1))
    }

    @Test("two amounts said together read to the fewest decimal places of a million at which they differ by their difference as stated")
    func amountsSaidTogether() {
        func texts(_ first: Double, _ second: Double) -> [String] { let pair = Money.texts(pounds(first), pounds(second)); return [pair.0, pair.1] }
        // 3.3 - 2.9 is not £310,000; 3.25 - 2.94 is.
        #expect(texts(2_940_000, 3_250_000) == ["£2.94m", "£3.25m"])
        #expect(texts(2_900_000, 3_300_000) == ["£2.9m", "£3.3m"])
        // Under £1m both, as `text`; a difference of £1m or more is stated to a tenth of a million.
        #expect(texts(760_000, 800_000) == ["£760,000", "£800,000"])
        #expect(texts(14_049_000, 15_151_000) == ["£14.05m", "£15.15m"])
        // 1.0 - 0.3 is £710,000 to a tenth of a million, the precision the amounts are read to.
        #expect(texts(293_000, 1_003_000) == ["£0.3m", "£1.0m"])
        // £162,538 apart: 1.8 - 1.7, 1.82 - 1.65 and 1.817 - 1.655 are not; whole pounds are.
        #expect(texts(1_817_224, 1_654_686) == ["£1,817,224", "£1,654,686"])
        #expect(texts(-2_500_000, -1_250_000) == ["-£2.50m", "-£1.25m"])
        // Whatever the amounts, the texts subtract to the difference as stated, read at the
        // coarser of the two precisions (a tenth of a million or a pound for the difference).
        func pence(_ text: String) -> (amount: Int, unit: Int) {
            let sign = text.hasPrefix("-") ? -1 : 1
            let digits = text.filter { $0.isNumber || $0 == "." }
            guard text.hasSuffix("m") else { return (sign * Int(digits)! * 100, 100) }
            let parts = digits.split(separator: ".")
            var unit = 100_000_000
            for _ in parts[1] { unit /= 10 }
            return (sign * Int(parts[0] + parts[1])! * unit, unit)
        }
        func rounded(_ pence: Int, _ unit: Int) -> Int { (pence.magnitude + UInt(unit / 2)) / UInt(unit) == 0 ? 0 : (pence < 0 ? -1 : 1) * Int((pence.magnitude + UInt(unit / 2)) / UInt(unit)) }
        var seed: UInt64 = 42
        func next(_ range: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % range }
        for _ in 0..<5_000 {
            // Whole pounds, as returns give them (pence rounded to the pound could differ by £1).
            let first = Money(pence: next(4_000_000) * 100), second = Money(pence: first.pence + (next(2_000_000) - 1_000_000) * 100)
            let (a, b) = Money.texts(first, second)
            let shownFirst = pence(a), shownSecond = pence(b), stated = pence((second - first).sizeText)
            let signedStated = second < first ? -stated.amount : stated.amount
            let unit = max(shownFirst.unit, stated.unit)
            #expect(rounded(shownSecond.amount - shownFirst.amount, unit) == rounded(signedStated, unit), "\(a) against \(b): \((second - first).sizeText)")
        }
    }

    @Test("a variance is worded the adverse way for its kind, with its share of the budget to one decimal place")
    func variances() {
        // The minutes' "£15m overspend" of a £185.3m budget: 15 / 185.3 = 8.0950…%, 8.1%.
        let overspend = Self.line("2025/26 Q2", "Staffing", 185_300_000, 200_300_000)
        #expect(overspend.variance == pounds(15_000_000))
        #expect(FinanceLine.Kind.revenue.varianceText(overspend.variance, percent: overspend.variancePercent) == "£15.0m over budget (8.1%)")
        #expect(FinanceLine.Kind.revenue.varianceText(pounds(-100_000), percent: nil) == "£100,000 under budget")
        #expect(FinanceLine.Kind.revenue.varianceText(.zero, percent: 0) == "On budget")
        // "20 per cent underachievement in terms of savings": £1.0m of £5.0m.
        let savings = Self.line("2025/26 Q4", .savings, "All proposals", 5_000_000, 4_000_000)
        #expect(FinanceLine.Kind.savings.varianceText(savings.variance, percent: savings.variancePercent) == "£1.0m short of plan (20.0%)")
        #expect(FinanceLine.Kind.savings.varianceText(.zero, percent: 0) == "Delivered as planned")
        #expect(FinanceLine.Kind.income.varianceText(pounds(-18_000), percent: 36) == "£18,000 short of target (36.0%)")
        #expect(FinanceLine.Kind.income.varianceText(pounds(5_000), percent: nil) == "£5,000 above target")
        #expect(FinanceLine.Kind.capital.varianceText(pounds(-1_800_000), percent: 30) == "£1.8m slipping into later years (30.0%)")
        #expect(FinanceLine.Kind.capital.varianceText(pounds(300_000), percent: nil) == "£300,000 more than budgeted")
        // Rounded half away from zero (DfERounding), as every figure: 0.05% is 0.1%.
        #expect(FinanceReport.percentText(0.05) == "0.1%")
        // No percentage of a budget that is not above zero (a net budget can be below zero).
        #expect(Self.line("2025/26 Q2", "Traded services", -200_000, -150_000).variancePercent == nil)
        #expect(Self.line("2025/26 Q2", "New line", 0, 10_000).variancePercent == nil)
    }

    @Test("a capital scheme is late or early in whole months once a month is reached (month ends count), otherwise in days")
    func completion() {
        func text(_ planned: String, _ forecast: String) -> String? {
            Self.line("2025/26 Q2", .capital, "Scheme", 1, 1, planned: planned, forecastCompletion: forecast).completionText
        }
        #expect(text("2026-03-31", "2026-09-30") == "6 months late")
        #expect(text("2026-03-15", "2026-09-14") == "5 months late")
        #expect(text("2026-03-15", "2026-04-15") == "1 month late")
        #expect(text("2026-08-31", "2026-08-19") == "12 days early")
        #expect(text("2026-08-31", "2026-09-01") == "1 day late")
        #expect(text("2026-08-31", "2026-08-31") == "On time")
        #expect(text("2026-12-31", "2026-09-30") == "3 months early")
        #expect(Self.line("2025/26 Q2", .capital, "Scheme", 1, 1, planned: "2026-03-31").completionText == nil)
        #expect(Self.line("2025/26 Q2", .capital, "Scheme", 1, 1, planned: "2026-03-31", forecastCompletion: "2026-04-30").isLate)
    }

    static let returns = [
        line("2025/26 Q1", "Staffing", 62_000_000, 66_500_000),
        line("2025/26 Q1", "Placements", 98_000_000, 103_000_000),
        line("2025/26 Q2", "Staffing", 62_000_000, 68_000_000),
        line("2025/26 Q2", "Placements", 98_000_000, 106_500_000),
        line("2025/26 Q2", "Legal costs", 5_000_000, 5_000_000),
        line("2025/26 Q2", .savings, "Reduce agency social workers", 2_000_000, 1_400_000),
        line("2024/25 Q4", "Staffing", 60_000_000, 61_000_000),
        line("2026/27 Q1", "Staffing", 66_000_000, 69_000_000),
    ]

    @Test("a report shows the newest return of its financial year by its period's end, beside the return before in that year")
    func whichReturn() throws {
        let q2 = try #require(FinanceReport.inReport(Self.returns, reportingPeriod: quarter("2025/26 Q2")))
        #expect(q2.period.label == "2025/26 Q2")
        #expect(q2.isForReportingPeriod)
        #expect(q2.previousPeriod?.label == "2025/26 Q1")
        #expect(q2.lines.map(\.line) == ["Legal costs", "Placements", "Staffing", "Reduce agency social workers"])
        #expect(q2.kinds == [.revenue, .savings])
        let staffing = try #require(q2.lines.first { $0.line == "Staffing" })
        #expect(q2.previous(of: staffing)?.forecast == pounds(66_500_000))
        #expect(q2.previous(of: q2.lines[0]) == nil)

        // The service adds its lines: £14.5m over, up from £9.5m at Q1; the largest part is placements.
        let service = try #require(q2.services(.revenue).first)
        #expect(service.name == "Children and Families")
        #expect(service.budget == pounds(165_000_000))
        #expect(service.variance == pounds(14_500_000))
        #expect(service.previousVariance == pounds(9_500_000))
        #expect(service.largestAdverseLine?.line == "Placements")
        #expect(service.varianceText == "£14.5m over budget (8.8%)")
        #expect(q2.total(.savings).variance == pounds(-600_000))

        // Q3's return is not in: its report shows Q2's, and says so.
        let q3 = try #require(FinanceReport.inReport(Self.returns, reportingPeriod: quarter("2025/26 Q3")))
        #expect(q3.period.label == "2025/26 Q2")
        #expect(!q3.isForReportingPeriod)
        // The first return of a year has none before it; the year before's Q4 is another year.
        let q1 = try #require(FinanceReport.inReport(Self.returns, reportingPeriod: quarter("2025/26 Q1")))
        #expect(q1.previousPeriod == nil)
        #expect(q1.services(.revenue).first?.previousVariance == nil)
        #expect(FinanceReport.inReport(Self.returns, reportingPeriod: quarter("2026/27 Q2"))?.period.label == "2026/27 Q1")
        #expect(FinanceReport.inReport(Self.returns, reportingPeriod: quarter("2027/28 Q1")) == nil)
        #expect(FinanceReport.inReport([], reportingPeriod: quarter("2025/26 Q2")) == nil)
        // An academic-year report period is matched by its end: 2025/26 Q2 of the academic year
        // ends on 31 December 2025, in the financial year 2025/26, whose newest return then is Q2's.
        let academic = try Period.parse("2025/26 Q2", yearType: .academic)
        #expect(FinanceReport.inReport(Self.returns, reportingPeriod: academic)?.period.label == "2025/26 Q2")
        #expect(FinanceReport.financialYearLabel(of: day("2026-03-31")) == "2025/26")
        #expect(FinanceReport.financialYearLabel(of: day("2009-04-01")) == "2009/10")
    }

    @Test("a service with one line has no largest part, and an underspending service names none")
    func largestPart() throws {
        let report = try #require(FinanceReport.inReport(
            [Self.line("2025/26 Q2", "Staffing", 10, 20), Self.line("2025/26 Q2", "Transport", 10, 5, service: "Education"), Self.line("2025/26 Q2", "SEND", 10, 8, service: "Education")],
            reportingPeriod: quarter("2025/26 Q2")
        ))
        #expect(report.services(.revenue).map(\.name) == ["Children and Families", "Education"])
        #expect(report.services(.revenue)[0].largestAdverseLine == nil)
        #expect(report.services(.revenue)[1].largestAdverseLine == nil)
    }

    @Test("the forecast's movement over the year: each service and all services added up at each return with lines of the kind, up to the one shown")
    func movement() throws {
        // The minutes' overspend "reduced from £10m to £7m": three returns of one year, a service
        // with no revenue lines at Q2 and one only in earlier returns, savings only at Q1 and Q3,
        // the year before's Q4 and the next year's Q1 left out.
        let lines = [
            Self.line("2024/25 Q4", "Staffing", 60_000_000, 61_000_000),
            Self.line("2025/26 Q1", "Staffing", 62_000_000, 70_000_000),
            Self.line("2025/26 Q1", "Placements", 98_000_000, 100_000_000),
            Self.line("2025/26 Q1", "Transport", 28_000_000, 28_500_000, service: "Education"),
            Self.line("2025/26 Q1", "Nursery grants", 5_000_000, 4_900_000, service: "Early Years"),
            Self.line("2025/26 Q1", .savings, "Agency staff", 2_000_000, 1_500_000),
            Self.line("2025/26 Q2", "Staffing", 62_000_000, 69_000_000),
            Self.line("2025/26 Q2", "Placements", 98_000_000, 99_000_000),
            Self.line("2025/26 Q3", "Staffing", 62_000_000, 67_000_000),
            Self.line("2025/26 Q3", "Placements", 98_000_000, 100_000_000),
            Self.line("2025/26 Q3", "Transport", 28_000_000, 28_100_000, service: "Education"),
            Self.line("2025/26 Q3", .savings, "Agency staff", 2_000_000, 1_800_000),
            Self.line("2026/27 Q1", "Staffing", 66_000_000, 69_000_000),
        ]
        let report = try #require(FinanceReport.inReport(lines, reportingPeriod: quarter("2025/26 Q3")))
        let revenue = report.movement(.revenue)
        #expect(revenue.periods.map(\.label) == ["2025/26 Q1", "2025/26 Q2", "2025/26 Q3"])
        // The return shown's services in its order, then Early Years, only at Q1.
        #expect(revenue.services.map(\.name) == ["Children and Families", "Education", "Early Years"])
        #expect(revenue.services[0].amounts.map { $0?.variance } == [pounds(10_000_000), pounds(8_000_000), pounds(7_000_000)])
        #expect(revenue.services[1].amounts.map { $0?.variance } == [pounds(500_000), nil, pounds(100_000)])
        #expect(revenue.services[2].amounts.map { $0?.variance } == [pounds(-100_000), nil, nil])
        // All services: 10.0 + 0.5 − 0.1 = £10.4m, £8.0m, 7.0 + 0.1 = £7.1m; budgets added the same way.
        #expect(revenue.total.name == "All services")
        #expect(revenue.total.amounts.map { $0?.variance } == [pounds(10_400_000), pounds(8_000_000), pounds(7_100_000)])
        #expect(revenue.total.amounts.map { $0?.budget } == [pounds(193_000_000), pounds(160_000_000), pounds(188_000_000)])
        #expect(revenue.sentence == "All services together at each return: £10.4m over budget at 2025/26 Q1, £8.0m over budget at 2025/26 Q2, £7.1m over budget at 2025/26 Q3.")

        // Savings: only the returns with savings lines; one service is named as itself.
        let savings = report.movement(.savings)
        #expect(savings.periods.map(\.label) == ["2025/26 Q1", "2025/26 Q3"])
        #expect(savings.total.amounts.map { $0?.variance } == [pounds(-500_000), pounds(-200_000)])
        #expect(savings.sentence == "Children and Families at each return: £500,000 short of plan at 2025/26 Q1, £200,000 short of plan at 2025/26 Q3.")

        // At Q2 the year so far is Q1 and Q2; a kind with no lines has no returns.
        let q2 = try #require(FinanceReport.inReport(lines, reportingPeriod: quarter("2025/26 Q2")))
        #expect(q2.movement(.revenue).periods.map(\.label) == ["2025/26 Q1", "2025/26 Q2"])
        #expect(q2.movement(.savings).periods.map(\.label) == ["2025/26 Q1"])
        #expect(q2.movement(.capital).periods.isEmpty && q2.movement(.capital).services.isEmpty)
        #expect(q2.movement(.capital).sentence == "No return of the year has lines of this kind.")
    }
}
