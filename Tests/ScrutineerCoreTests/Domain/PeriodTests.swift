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

    @Test("unknown labels are errors that say what was expected", arguments: [
        "2023/25", "24/25", "2024-13", "2024/25 Q5", "FY2024", "", "2023/24 ()", "2021/22-21/22",
        "Q5 2024/25", "Q2 2024/26", "Q2  2024", "QQ 2024/25", "2024-26 Q2",
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
}
