import ScrutineerCore
import ScrutineerTestSupport
import Testing

/// Benchmarks (PRODUCT.md R5): better / similar / worse than England by confidence interval where
/// counts allow, "not compared" otherwise; region with the London fallback; computed intervals.
@Suite struct AssessmentBenchmarkTests {
    static func injuries(
        _ councils: [String], period label: String, dropPublishedLimits: Bool = false
    ) throws -> [CouncilAssessment] {
        let data = try InjuryAdmissions.shared()
        let observations = data.observations.map { observation -> Observation in
            guard dropPublishedLimits else { return observation }
            var stripped = observation
            (stripped.lower95, stripped.upper95, stripped.lower99_8, stripped.upper99_8) = (nil, nil, nil, nil)
            return stripped
        }
        let index = AssessmentIndex(measures: [InjuryAdmissions.measure], observations: observations, areas: try LAITData.shared().areas)
        return try index.assess(
            councils: councils, measureCodes: [InjuryAdmissions.code], reportingPeriod: try Build.period("\(label) Q4"),
            today: try Build.date("2025-03-01"), audience: .officer
        )
    }

    @Test("Warwickshire against England in every year from 2010/11 to 2023/24 equals Fingertips' published words")
    func warwickshireEveryYearMatchesFingertips() throws {
        let data = try InjuryAdmissions.shared()
        let published = try #require(data.comparedToEngland[LAITData.warwickshire])
        #expect(published.count == 14)
        for (label, word) in published {
            let assessment = try #require(try Self.injuries([LAITData.warwickshire], period: label).first?.measures.first)
            let benchmarks = try #require(assessment.benchmarks)
            #expect(benchmarks.period.label == label)
            #expect(benchmarks.comparison.label == word, "\(label): \(benchmarks.comparison.label) vs published \(word)")
            #expect(benchmarks.comparison.interval.source == .published)
        }
    }

    @Test("Every council in 2023/24 against England equals Fingertips' published words")
    func everyCouncilMatchesFingertips() throws {
        let data = try InjuryAdmissions.shared()
        let councils = data.comparedToEngland.keys.filter { data.comparedToEngland[$0]?["2023/24"] != nil }.sorted()
        #expect(councils.count > 140)
        let assessed = try Self.injuries(councils, period: "2023/24")
        var compared = 0
        for council in assessed {
            let expected = data.comparedToEngland[council.councilAreaCode]?["2023/24"]
            let benchmarks = council.measures.first?.benchmarks
            guard benchmarks?.period.label == "2023/24" else { continue }
            if expected == "Not compared" {
                // Published without a figure: not compared, as Fingertips says.
                #expect(benchmarks?.councilValue == nil && benchmarks?.comparison.notComparedReason == .noFigure, "\(council.councilAreaCode)")
            } else {
                #expect(benchmarks?.comparison.label == expected, "\(council.councilAreaCode)")
            }
            compared += 1
        }
        #expect(compared > 140)
    }

    @Test("With the published limits removed, intervals computed from count and denominator (Byar's) give the same words")
    func computedIntervalsGiveTheSameWords() throws {
        let data = try InjuryAdmissions.shared()
        let published = try #require(data.comparedToEngland[LAITData.warwickshire])
        for (label, word) in published {
            let assessment = try #require(try Self.injuries([LAITData.warwickshire], period: label, dropPublishedLimits: true).first?.measures.first)
            let comparison = try #require(assessment.benchmarks?.comparison)
            #expect(comparison.interval.source == .byars)
            #expect(comparison.label == word, "\(label)")
            let original = try #require(data.observations.first { $0.areaCode == LAITData.warwickshire && $0.period.label == label })
            // The export's counts are rounded (to 5 in most years) while its limits come from the
            // unrounded counts, so the limits agree to about 0.3%, not exactly.
            let lower = try #require(original.lower95), upper = try #require(original.upper95)
            #expect(abs((comparison.interval.lower95 ?? 0) - lower) < 0.005 * lower, "\(label) lower")
            #expect(abs((comparison.interval.upper95 ?? 0) - upper) < 0.005 * upper, "\(label) upper")
        }
    }

    @Test("The comparison reason says where England lies against the interval")
    func comparisonReason() throws {
        let assessment = try #require(try Self.injuries([LAITData.warwickshire], period: "2023/24").first?.measures.first)
        #expect(assessment.benchmarks?.comparison.outcome == .better)
        #expect(assessment.benchmarks?.comparisonReason
            == "Better than England: England's 72.7 per 10,000 lies above Warwickshire's 95% confidence interval (62.2 to 72.3 per 10,000); lower is better")
    }

    @Test("A small count gives exact Poisson limits; a percentage with counts gives Wilson limits")
    func computedIntervalSources() throws {
        let rate = Measure(code: "R", title: "Rate", unit: .rate(per: 10000), polarity: .lowIsGood, periodicity: .quarterly, yearType: .financial)
        let share = Build.percentage("P")
        let observations = [
            try Build.observation("R", "2024/25 Q2", 5, numerator: 5, denominator: 10000),
            try Build.observation("R", "2024/25 Q2", 9, area: Area.englandCode),
            try Build.observation("P", "2024/25 Q2", 61.5, numerator: 615, denominator: 1000),
            try Build.observation("P", "2024/25 Q2", 58, area: Area.englandCode),
        ]
        let report = try Build.assess([rate, share], observations, period: "2024/25 Q2", today: "2024-11-20")
        let rateComparison = try #require(report.measures.first?.benchmarks?.comparison)
        #expect(rateComparison.interval.source == .exactPoisson)
        #expect(rateComparison.outcome == .similar)
        let shareComparison = try #require(report.measures.last?.benchmarks?.comparison)
        #expect(shareComparison.interval.source == .wilson)
        #expect(shareComparison.outcome == .better)
    }

    @Test("A count is not compared with England's total, nor given a difference from it, whatever its measure's method (found by exploratory testing)")
    func countNotCompared() throws {
        let count = Measure(code: "CME", title: "Children missing education", unit: .count, polarity: .lowIsGood, periodicity: .quarterly, yearType: .financial)
        let observations = [
            try Build.observation("CME", "2024/25 Q2", 310, numerator: 310, denominator: 120_000),
            try Build.observation("CME", "2024/25 Q2", 622_836, area: Area.englandCode),
        ]
        let report = try Build.assess([count], observations, period: "2024/25 Q2", today: "2024-11-20")
        let benchmarks = try #require(report.measures.first?.benchmarks)
        #expect(benchmarks.england == 622_836)
        #expect(benchmarks.differenceFromEngland == nil)
        #expect(benchmarks.comparison.outcome == .notCompared)
        #expect(benchmarks.comparison.choice == .notCompared)
        #expect(benchmarks.comparison.notComparedReason == .measureNotCompared)
    }

    @Test("No interval and no counts: not compared, and said why")
    func notComparedWithoutCounts() throws {
        var measure = try LAITData.shared().measure("ReReferral")
        measure.benchmarkComparison = .fingertips95
        let assessment = try #require(try LAITData.shared().index(replacing: [measure]).assess(
            council: LAITData.warwickshire, measureCodes: ["ReReferral"], reportingPeriod: try Build.period("2025/26 Q2"),
            today: try Build.date("2026-03-01"), audience: .officer
        ).first)
        let benchmarks = try #require(assessment.benchmarks)
        #expect(benchmarks.comparison.outcome == .notCompared)
        #expect(benchmarks.comparison.notComparedReason == .noInterval)
        // Beside "Warwickshire 5.6 pp lower", the label does not say the two were not compared.
        #expect(benchmarks.comparison.label == "Not judged better or worse")
        #expect(benchmarks.comparisonReason == "Not compared with England (England 22.6%): no confidence interval (no limits or counts published)")
        #expect(benchmarks.differenceFromEngland == 17.0 - 22.6)
        #expect(benchmarks.summary
            == "England 22.6%; West Midlands 19.5%; statistical neighbours' mean (2025 list, 10 of 10 with a figure) 21.3%; rank 40 of 153 (1 = best); quartile band B")
    }

    @Test("A London borough uses Inner London, falling back to London when Inner London has no figure")
    func londonFallback() throws {
        let lait = try LAITData.shared()
        let camden = "E09000007"
        let normal = try #require(try lait.index().assess(
            council: camden, measureCodes: ["ReReferral"], reportingPeriod: try Build.period("2025/26 Q2"),
            today: try Build.date("2026-03-01"), audience: .officer
        ).first?.benchmarks?.region)
        #expect(normal.areaCode == "E13000001")
        #expect(normal.fellBackFrom == nil)

        let withoutInner = lait.index(dropping: { $0.areaCode == "E13000001" && $0.measureCode == "ReReferral" })
        let assessment = try #require(try withoutInner.assess(
            council: camden, measureCodes: ["ReReferral"], reportingPeriod: try Build.period("2025/26 Q2"),
            today: try Build.date("2026-03-01"), audience: .officer
        ).first)
        let region = try #require(assessment.benchmarks?.region)
        let london = lait.observations.first { $0.areaCode == "E12000007" && $0.measureCode == "ReReferral" && $0.period.label == "2025" }
        #expect(region.areaCode == "E12000007")
        #expect(region.name == "London")
        #expect(region.fellBackFrom == "Inner London")
        #expect(region.value == london?.value)
        #expect(assessment.symbols.contains("benchmark-region-fallback"))
    }

    @Test("Fewer than four local authorities with a figure: no rank, band or bounds, and the reason says how many")
    func tinyGroupsAreNotRanked() throws {
        let measure = Build.percentage("EET")
        let others = ["E10000034", "E10000024", "E10000016"]
        func benchmarks(_ figures: [(String, Double)]) throws -> Benchmarks {
            let observations = try ([(Build.council, 66.0)] + figures).map { area, value in
                try Build.observation("EET", "2024/25 Q2", value, area: area)
            }
            let report = try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-12-10")
            return try #require(report.measures.first?.benchmarks)
        }

        let alone = try benchmarks([])
        #expect(alone.rank == nil && alone.band == nil && alone.bounds == nil && alone.rankText == nil)
        #expect(alone.rankedCount == 1)
        #expect(alone.notRankedReason == "Not ranked or banded: only 1 local authority has a figure for 2024/25 Q2 (at least 4 are needed)")
        #expect(alone.summary.hasSuffix("; not ranked or banded: only 1 local authority has a figure for 2024/25 Q2 (at least 4 are needed)"))

        let three = try benchmarks([(others[0], 60), (others[1], 70)])
        #expect(three.rank == nil && three.band == nil && three.bounds == nil)
        #expect(three.notRankedReason == "Not ranked or banded: only 3 local authorities have a figure for 2024/25 Q2 (at least 4 are needed)")

        // Four figures 50, 60, 66, 70 (type-7 quartiles 57.5, 63, 67): 66 is second of four, band B (high is good).
        let four = try benchmarks([(others[0], 60), (others[1], 70), (others[2], 50)])
        #expect(four.rank == 2 && four.rankedCount == 4)
        #expect(four.band == .b)
        #expect(four.notRankedReason == nil)
        #expect(AssessmentRules.minimumLocalAuthoritiesRanked == 4)
    }
}
