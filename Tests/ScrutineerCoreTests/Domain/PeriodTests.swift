import Testing
import ScrutineerCore

/// Every period label in the shipped data (shared/data README) and the minutes, with the dates a
/// council means by it.
@Suite("Periods")
struct PeriodTests {
    static func dates(_ label: String, _ yearType: YearType, monthly: Bool = false) throws -> String {
        let period = try Period.parse(label, yearType: yearType, monthly: monthly)
        return "\(period.label) \(period.kind.rawValue) \(period.start)…\(period.end)"
    }

    @Test("a bare year is the year of the measure's type ending then")
    func bareYear() throws {
        #expect(try Self.dates("2025", .financial) == "2025 year 2024-04-01…2025-03-31")
        #expect(try Self.dates("2025", .academic) == "2025 year 2024-09-01…2025-08-31")
        #expect(try Self.dates("2025", .calendar) == "2025 year 2025-01-01…2025-12-31")
        #expect(try Self.dates("2025", .yearEndingSeptember) == "2025 year 2024-10-01…2025-09-30")
    }

    @Test("split, pooled, quarter, month and annotated labels")
    func otherLabels() throws {
        #expect(try Self.dates("2023/24", .academic) == "2023/24 year 2023-09-01…2024-08-31")
        #expect(try Self.dates("2023/24", .financial) == "2023/24 year 2023-04-01…2024-03-31")
        #expect(try Self.dates("2023-24", .financial) == "2023/24 year 2023-04-01…2024-03-31")
        #expect(try Self.dates("2021/22-23/24", .financial) == "2021/22-23/24 pooledYears 2021-04-01…2024-03-31")
        #expect(try Self.dates("1999/00-01/02", .financial) == "1999/00-01/02 pooledYears 1999-04-01…2002-03-31")
        #expect(try Self.dates("2024/25 Q2", .financial) == "2024/25 Q2 quarter 2024-07-01…2024-09-30")
        #expect(try Self.dates("2024/25 Q4", .financial) == "2024/25 Q4 quarter 2025-01-01…2025-03-31")
        #expect(try Self.dates("2024/25 Q2", .academic) == "2024/25 Q2 quarter 2024-12-01…2025-02-28")
        #expect(try Self.dates("2024 Q1", .calendar) == "2024 Q1 quarter 2024-01-01…2024-03-31")
        // The same quarters as councils also write them, read as the canonical label.
        #expect(try Self.dates("2024-25 Q2", .financial) == "2024/25 Q2 quarter 2024-07-01…2024-09-30")
        #expect(try Self.dates("Q2 2024/25", .financial) == "2024/25 Q2 quarter 2024-07-01…2024-09-30")
        #expect(try Self.dates("Q4 2024-25", .financial) == "2024/25 Q4 quarter 2025-01-01…2025-03-31")
        #expect(try Self.dates("Q1 2024", .calendar) == "2024 Q1 quarter 2024-01-01…2024-03-31")
        #expect(try Self.dates("2024-09", .financial) == "2024-09 month 2024-09-01…2024-09-30")
        #expect(try Self.dates("2024-02", .calendar) == "2024-02 month 2024-02-01…2024-02-29")
        #expect(try Self.dates("2011-12", .financial) == "2011/12 year 2011-04-01…2012-03-31")
        #expect(try Self.dates("2011-12", .financial, monthly: true) == "2011-12 month 2011-12-01…2011-12-31")
        #expect(try Self.dates("2024-25 (OT)", .financial) == "2024/25 (OT) year 2024-04-01…2025-03-31")
    }

    @Test("pooled calendar years, as Scrutineer and as Fingertips write them (infant mortality's 2021 - 23)")
    func pooledCalendarYears() throws {
        #expect(try Self.dates("2021-2023", .calendar) == "2021-2023 pooledYears 2021-01-01…2023-12-31")
        #expect(try Self.dates("2021-23", .calendar) == "2021-2023 pooledYears 2021-01-01…2023-12-31")
        #expect(try Self.dates("2021 - 23", .calendar) == "2021-2023 pooledYears 2021-01-01…2023-12-31")
        #expect(try Self.dates("2021 - 2023", .calendar) == "2021-2023 pooledYears 2021-01-01…2023-12-31")
        #expect(try Self.dates("1999 - 01", .calendar) == "1999-2001 pooledYears 1999-01-01…2001-12-31")
        // Fingertips' 2009 - 11 is three years, never November 2009; 2009-11 stays a month.
        #expect(try Self.dates("2009 - 11", .calendar) == "2009-2011 pooledYears 2009-01-01…2011-12-31")
        #expect(try Self.dates("2009-11", .calendar) == "2009-11 month 2009-11-01…2009-11-30")
        // Fingertips' pooled financial years.
        #expect(try Self.dates("2018/19 - 20/21", .financial) == "2018/19-20/21 pooledYears 2018-04-01…2021-03-31")
        // Not pooled calendar years: a financial measure's, a span of one or of more than eleven years, a spaced month.
        for (label, yearType) in [("2021-2023", YearType.financial), ("2021 - 23", .financial), ("2021-2021", .calendar), ("2021-2040", .calendar), ("2023-2021", .calendar), ("2024 - 09", .financial), ("+202 - 23", .calendar)] {
            #expect(throws: PeriodError.self, "\(label) \(yearType)") { try Period.parse(label, yearType: yearType) }
        }
    }

    @Test("school terms of an academic year, as DfE publishes pupil absence (EES Autumn term, Autumn and spring term)")
    func schoolTerms() throws {
        #expect(try Self.dates("2023/24 Autumn term", .academic) == "2023/24 Autumn term term 2023-09-01…2023-12-31")
        #expect(try Self.dates("2023/24 Spring term", .academic) == "2023/24 Spring term term 2024-01-01…2024-03-31")
        #expect(try Self.dates("2023/24 Summer term", .academic) == "2023/24 Summer term term 2024-04-01…2024-07-31")
        #expect(try Self.dates("2023/24 Autumn and spring term", .academic) == "2023/24 Autumn and spring term twoTerms 2023-09-01…2024-03-31")
        // As councils also write them, read as the canonical label.
        #expect(try Self.dates("2023-24 autumn term", .academic) == "2023/24 Autumn term term 2023-09-01…2023-12-31")
        #expect(try Self.dates("Autumn Term 2023/24", .academic) == "2023/24 Autumn term term 2023-09-01…2023-12-31")
        #expect(try Self.dates("2023/24 Autumn and spring terms", .academic) == "2023/24 Autumn and spring term twoTerms 2023-09-01…2024-03-31")
        #expect(try Self.dates("1999/00 Spring term", .academic) == "1999/00 Spring term term 2000-01-01…2000-03-31")
        #expect(try Self.dates("2023/24 Autumn term (revised)", .academic) == "2023/24 Autumn term (revised) term 2023-09-01…2023-12-31")
        // Terms order among the academic years: the summer term ends before the year does.
        let labels = ["2024/25 Autumn term", "2023/24", "2023/24 Summer term", "2023/24 Spring term", "2023/24 Autumn and spring term", "2023/24 Autumn term"]
        let sorted = try labels.map { try Period.parse($0, yearType: .academic) }.sorted().map(\.label)
        #expect(sorted == ["2023/24 Autumn term", "2023/24 Autumn and spring term", "2023/24 Spring term", "2023/24 Summer term", "2023/24", "2024/25 Autumn term"])
        // Only an academic measure has terms, and only of a split year.
        for (label, yearType) in [("2023/24 Autumn term", YearType.financial), ("2023/24 Autumn term", .calendar), ("2023 Autumn term", .academic),
                                  ("2023/25 Autumn term", .academic), ("2023/24 Winter term", .academic), ("2023/24 Autumn", .academic), ("Autumn term", .academic)] {
            #expect(throws: PeriodError.self, "\(label) \(yearType)") { try Period.parse(label, yearType: yearType) }
        }
        #expect(PeriodError(label: "x", yearType: .academic).description
            == "unknown period \"x\" for a measure with academic years (expected a label such as 2025, 2023/24, 2021/22-23/24, 2024/25 Q2, 2023/24 Autumn term or 2024-09)")
    }

    @Test("unknown labels are errors that say what was expected", arguments: [
        "2023/25", "24/25", "2024-13", "2024/25 Q5", "FY2024", "", "2023/24 ()", "2021/22-21/22",
        "Q5 2024/25", "Q2 2024/26", "Q2  2024", "QQ 2024/25", "2024-26 Q2",
        // Typing slips for 2025, not years to guess at.
        "0225", "0000", "0001-01", "9999", "1025/26",
    ])
    func unknown(label: String) {
        #expect(throws: PeriodError.self) { try Period.parse(label, yearType: .financial) }
    }

    @Test("a split year is not a calendar-year label")
    func splitCalendar() {
        #expect(throws: PeriodError(label: "2023/24", yearType: .calendar)) { try Period.parse("2023/24", yearType: .calendar) }
        #expect(PeriodError(label: "x", yearType: .financial).description
            == "unknown period \"x\" for a measure with financial years (expected a label such as 2025, 2023/24, 2021/22-23/24, 2024/25 Q2 or 2024-09)")
    }

    @Test("periods order by when they end")
    func ordering() throws {
        let labels = ["2024/25 Q2", "2023/24", "2021/22-23/24", "2024-09", "2025", "2024/25 Q1"]
        let sorted = try labels.map { try Period.parse($0, yearType: .financial) }.sorted().map(\.label)
        #expect(sorted == ["2021/22-23/24", "2023/24", "2024/25 Q1", "2024/25 Q2", "2024-09", "2025"])
    }

    @Test("breakdown keys are canonical and read back")
    func breakdowns() {
        let cut = Breakdown(["sex": "Female", "age": "17-18"])
        #expect(cut.key == "age=17-18;sex=Female")
        #expect(Breakdown(key: cut.key) == cut)
        #expect(Breakdown(key: "") == .total)
        #expect(Breakdown(key: "age") == nil)
    }

    @Test("two spellings of one breakdown group share a spelling form; different groups do not")
    func breakdownSpellingForms() {
        let form = Breakdown.spellingForm(of:)
        #expect(form("Nuneaton & Bedworth") == "nuneaton and bedworth")
        #expect(form("nuneaton and  bedworth ") == "nuneaton and bedworth")
        #expect(form("Stratford-on-Avon") == form("Stratford on Avon"))
        #expect(form("17-18") == form("17 – 18"))
        #expect(form("A&B") == "a and b")
        #expect(form("17-18") != form("17 to 18"))
        #expect(form("Warwick") != form("North Warwickshire"))
        #expect(form("-") == "")
    }

    @Test("a bare year that is not a calendar year says the months it covers; other labels stand alone")
    func clearLabels() throws {
        #expect(try Period.parse("2025", yearType: .financial).clearLabel == "2025 (April 2024 to March 2025)")
        #expect(try Period.parse("2025", yearType: .academic).clearLabel == "2025 (September 2024 to August 2025)")
        #expect(try Period.parse("2025", yearType: .calendar).clearLabel == "2025")
        #expect(try Period.parse("2024/25", yearType: .financial).clearLabel == "2024/25")
        #expect(try Period.parse("2024/25 Q2", yearType: .financial).clearLabel == "2024/25 Q2")
    }
}
