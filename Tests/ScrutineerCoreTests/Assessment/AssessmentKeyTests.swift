import ScrutineerCore
import ScrutineerTestSupport
import Testing

/// The key (PRODUCT.md R6): generated from what the measures use; a symbol on the page is in the
/// key and one that is not is not; every status and arrow has words.
@Suite struct AssessmentKeyTests {
    @Test("The key holds exactly the symbols the measures draw")
    func keyEqualsSymbolsUsed() throws {
        let report = try AssessmentHeadlineTests.twentyTwo()
        let used = report.measures.reduce(into: Set<String>()) { $0.formUnion($1.symbols) }
        #expect(report.key.symbols == used)
        #expect(used.isSuperset(of: ["status-on-track", "status-not-on-track", "status-completed", "arrow-up-improving",
                                     "arrow-flat-static", "arrow-down-declining", "arrow-none", "basis-simple-previous-period",
                                     "target-local", "currency-current"]))
        for absent in ["status-within-tolerance", "status-not-due", "status-no-data", "basis-simple-same-period-last-year",
                       "target-national", "currency-stale", "symbol-c", "arrow-up-increasing"] {
            #expect(!report.key.symbols.contains(absent), "\(absent) is not used, so it is not in the key")
        }
    }

    @Test("Every entry has a label and a meaning; statuses and arrows are never colour alone")
    func everyEntryHasWords() throws {
        let report = try AssessmentHeadlineTests.twentyTwo()
        for entry in report.key.entries {
            #expect(!entry.label.isEmpty && !entry.meaning.isEmpty, "\(entry.id)")
        }
        let statuses = report.key.entries.filter { $0.group == .status }
        #expect(statuses.map(\.label) == ["On track", "Completed", "Not on track"])
        #expect(statuses.map(\.colour) == ["green", "green", "red"])
        let arrows = report.key.entries.filter { $0.group == .direction }
        #expect(Set(arrows.map(\.label)) == ["Improving", "Static", "Declining", "Not calculated"])
        #expect(report.key.entries.map(\.group) == report.key.entries.map(\.group).sorted {
            KeyGroup.allCases.firstIndex(of: $0)! < KeyGroup.allCases.firstIndex(of: $1)!
        })
    }

    @Test("Arrows against the same period last year get their own key entry only when used")
    func basisEntries() throws {
        let measures = [Build.percentage("A"), Build.percentage("B")]
        let observations = try ["A", "B"].flatMap { code in
            try [("2023/24 Q2", 58.0), ("2024/25 Q1", 65), ("2024/25 Q2", 61)].map { try Build.observation(code, $0.0, $0.1) }
        }
        let previousOnly = try Build.assess(measures, observations, period: "2024/25 Q2", today: "2024-11-20")
        #expect(previousOnly.key.entries.filter { $0.group == .directionBasis }.map(\.label) == ["Against the previous period"])
        let mixed = try Build.assess(measures, observations, settings: [MeasureAssessmentSettings(measureCode: "B", directionBasis: .samePeriodLastYear)],
                                     period: "2024/25 Q2", today: "2024-11-20")
        let basis = mixed.key.entries.filter { $0.group == .directionBasis }
        #expect(basis.map(\.symbol) == ["basis-simple-previous-period", "basis-simple-same-period-last-year"])
        #expect(basis.map(\.label) == ["Against the previous period", "Against the same period last year"])
    }

    @Test("A LAIT committee's key names England, the region, the neighbours, rank, bands and that nothing is compared statistically")
    func laitCommitteeKey() throws {
        let lait = try LAITData.shared()
        let committee = Committee(
            code: "CYP", name: "Children and Young People", councilAreaCode: LAITData.warwickshire,
            themes: [CommitteeTheme(name: "All LAIT measures", measureCodes: lait.measures.map(\.code))]
        )
        let report = try lait.index().assess(committee: committee, reportingPeriod: try Build.period("2025/26 Q2"),
                                             today: try Build.date("2026-03-01"), audience: .member)
        let used = report.measures.reduce(into: Set<String>()) { $0.formUnion($1.symbols) }
        #expect(report.key.symbols == used)
        #expect(used.isSuperset(of: ["benchmark-england", "benchmark-region", "benchmark-statistical-neighbours", "benchmark-rank",
                                     "band-a", "band-b", "band-c", "band-d", "band-none", "compare-not-compared",
                                     "comparison-not-compared", "status-not-judged", "symbol--"]))
        let region = try #require(report.key.entries.first { $0.symbol == "benchmark-region" })
        #expect(region.label == "West Midlands")
        #expect(!used.contains("compare-better"))
        #expect(report.councilName == "Warwickshire")
    }
}
