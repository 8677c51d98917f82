import Foundation
import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

/// Migration 13 on both engines: a committee's quarterly finance returns (PRODUCT.md R10),
/// imported like any file (R14): all or nothing, a repeat changes nothing, a correction replaces
/// only the line it corrects, and a published report keeps the returns as they stood (R15).
@Suite("Storage contract: finance returns (SQLite and PostgreSQL)")
struct StorageFinanceTests {
    static func quarter(_ label: String) -> Period { try! Period.parse(label, yearType: .financial) }

    static func line(
        _ period: String, _ kind: FinanceLine.Kind, _ line: String, _ budget: Int, _ forecast: Int, committee: String = "WARKS-CYP",
        planned: String? = nil, forecastCompletion: String? = nil
    ) -> FinanceLine {
        FinanceLine(
            committeeCode: committee, period: quarter(period), kind: kind, service: "Children and Families", line: line,
            budget: Money(pence: budget), forecast: Money(pence: forecast), plannedCompletion: planned.flatMap { CalendarDate(iso: $0) },
            forecastCompletion: forecastCompletion.flatMap { CalendarDate(iso: $0) }, explanation: "Why \(line) moved."
        )
    }

    static func batch(_ lines: [FinanceLine]) -> ImportBatch {
        ImportBatch(kind: .finance, files: ["finance.csv"], rowsRead: lines.count, financeLines: lines)
    }

    @Test("a whole return removes the lines of its quarters it no longer holds, and only those; a repeat changes nothing", arguments: TestEngine.available)
    func wholeReturnRemovesMissingLines(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            try await store.saveCommittee(StorageCommitteeTests.definition(target: 20), by: "analyst")
            let first = [
                Self.line("2025/26 Q1", .revenue, "Agency", 400, 500),
                Self.line("2025/26 Q2", .revenue, "Agency", 400, 600),
                Self.line("2025/26 Q2", .revenue, "Staffing", 6_200, 6_800),
                Self.line("2025/26 Q2", .savings, "Agency staff", 200, 140),
            ]
            _ = try await store.importBatch(Self.batch(first), by: "analyst")
            var corrected = Self.batch([Self.line("2025/26 Q2", .revenue, "Staffing", 6_600, 7_400), Self.line("2025/26 Q2", .savings, "Agency staff", 200, 140)])
            corrected.financeReturnsAreWhole = true
            let summary = try await store.importBatch(corrected, by: "finance.officer")
            #expect(summary.records[.financeLine] == ImportTally(changed: 1, unchanged: 1, removed: 1))
            #expect(summary.removed == 1)
            #expect(!summary.changedNothing)
            // Q1 is not in the file, so its Agency line stays; Q2's goes.
            #expect(try await store.finance(committeeCode: "WARKS-CYP").map { "\($0.period.label) \($0.kind.rawValue) \($0.line)" } == [
                "2025/26 Q1 revenue Agency", "2025/26 Q2 revenue Staffing", "2025/26 Q2 savings Agency staff",
            ])
            #expect(try await store.auditTrail().last?.action == "import finance for WARKS-CYP; removed, no longer in the file: WARKS-CYP 2025/26 Q2 revenue line Children and Families: Agency")
            let again = try await store.importBatch(corrected, by: "finance.officer")
            #expect(again.changedNothing)
        }
    }

    @Test("lines are added (amounts past 32 bits of pence kept exactly), a repeat changes nothing, a correction changes one, a refused import writes nothing, a published report keeps them", arguments: TestEngine.available)
    func returnsImported(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            let definition = StorageCommitteeTests.definition(target: 20)
            try await store.saveCommittee(definition, by: "analyst")
            // £185.3m is 18,530,000,000 pence, beyond a 32-bit integer.
            let q1 = [
                Self.line("2025/26 Q1", .revenue, "Placements", 18_530_000_000, 19_530_000_001),
                Self.line("2025/26 Q1", .capital, "Children's home", 600_000_000, 550_000_000, planned: "2026-03-31", forecastCompletion: "2026-06-30"),
                Self.line("2025/26 Q1", .revenue, "Traded services", -20_000_000, -15_000_000),
            ]
            let added = try await store.importBatch(Self.batch(q1), by: "analyst")
            #expect((added.added, added.changed, added.unchanged) == (3, 0, 0))
            #expect(added.records[.financeLine] == ImportTally(added: 3))
            #expect(try await store.finance(committeeCode: "WARKS-CYP") == q1.sorted { ($0.kind.rawValue, $0.line) < ($1.kind.rawValue, $1.line) })

            let repeated = try await store.importBatch(Self.batch(q1), by: "analyst")
            #expect(repeated.changedNothing)
            #expect(repeated.unchanged == 3)

            // Q2's return, and Q1's placements corrected.
            let q2 = [
                Self.line("2025/26 Q1", .revenue, "Placements", 18_530_000_000, 19_400_000_000),
                Self.line("2025/26 Q2", .revenue, "Placements", 18_530_000_000, 20_030_000_000),
                Self.line("2025/26 Q2", .savings, "Agency staff", 200_000_000, 140_000_000),
            ]
            let corrected = try await store.importBatch(Self.batch(q2), by: "officer")
            #expect((corrected.added, corrected.changed, corrected.unchanged) == (2, 1, 0))
            let stored = try await store.finance(committeeCode: "WARKS-CYP")
            #expect(stored.map { "\($0.period.label) \($0.kind.rawValue) \($0.line) \($0.forecast.pence)" } == [
                "2025/26 Q1 capital Children's home 550000000", "2025/26 Q1 revenue Placements 19400000000", "2025/26 Q1 revenue Traded services -15000000",
                "2025/26 Q2 revenue Placements 20030000000", "2025/26 Q2 savings Agency staff 140000000",
            ])
            #expect(stored[0].completionText == "3 months late")
            #expect(stored[1].explanation == "Why Placements moved.")

            // Refused: a committee the database does not hold, a line twice in one batch, a savings
            // line below zero or a revenue line with a completion date (the importer refuses both
            // first; the database's CHECKs hold too). Nothing is written.
            let revision = try await store.revision()
            for refused in [
                [Self.line("2025/26 Q2", .income, "Health", 100, 90), Self.line("2025/26 Q2", .income, "Health", 100, 90, committee: "NO-SUCH")],
                [Self.line("2025/26 Q2", .savings, "Minus", -100, 0)],
                [Self.line("2025/26 Q2", .revenue, "Dated", 100, 100, planned: "2026-03-31")],
            ] {
                await #expect(throws: (any Error).self) { _ = try await store.importBatch(Self.batch(refused), by: "analyst") }
            }
            await #expect(throws: StoreError.duplicateInBatch(record: "finance line", key: "WARKS-CYP 2025/26 Q2 income line Children and Families: Health")) {
                _ = try await store.importBatch(Self.batch([Self.line("2025/26 Q2", .income, "Health", 100, 90), Self.line("2025/26 Q2", .income, "Health", 100, 80)]), by: "analyst")
            }
            #expect(try await store.revision() == revision)
            #expect(try await store.finance(committeeCode: "WARKS-CYP") == stored)
            #expect(try await store.finance(committeeCode: "NO-SUCH").isEmpty)

            // Published: the report keeps the returns as they stood; a later return does not change them.
            let period = Self.quarter("2025/26 Q2")
            _ = try await store.moveReport(definition, period: period, to: .checked, by: "analyst", today: CalendarDate(iso: "2025-11-20")!)
            _ = try await store.moveReport(definition, period: period, to: .published, by: "analyst", today: CalendarDate(iso: "2025-11-20")!)
            let snapshot = try #require(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2025/26 Q2"))
            #expect(snapshot.finance == stored)
            _ = try await store.importBatch(Self.batch([Self.line("2025/26 Q2", .revenue, "Placements", 18_530_000_000, 18_530_000_000)]), by: "analyst")
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2025/26 Q2")?.finance == stored)
            #expect(try await store.finance(committeeCode: "WARKS-CYP") != stored)

            let actions = try await store.auditTrail().map(\.action).filter { $0.contains("finance") }
            #expect(actions == Array(repeating: "import finance for WARKS-CYP", count: 4), "the refused imports left no audit row")
        }
    }
}
