import Testing
import ScrutineerCore

@Suite("Fingertips benchmark comparison (METHODS.md §6.1)")
struct BenchmarkComparisonTests {
    /// fingertips_benchmark_comparisons.csv: every row, from fingertips-open AnalysisTest
    /// (*ComparerTest.cs for methods 1, 17, 12, 5 and 6). Expected is the C# `Significance` after polarity.
    @Test("fingertips_benchmark_comparisons.csv: every row (Fingertips comparer tests)")
    func vectorFile() throws {
        let file = try VectorFile("fingertips_benchmark_comparisons.csv")
        #expect(file.rows.count == 51)
        for row in file.rows {
            guard let mapped = polarity(fingertipsName: row["polarity"]) else {
                Issue.record("\(row): unknown polarity \(row["polarity"])")
                continue
            }
            let param = try row.double("param")
            let unit = try row.double("unit") ?? 100 // blank only on rows that are not compared anyway
            let method: BenchmarkMethod
            switch row["method"] {
            case "single_ci_95": method = .singleOverlappingCI95
            case "single_ci_95_and_99_8": method = .singleOverlappingCI95And99_8
            case "double_ci_95": method = .doubleOverlappingCI95
            case "spc_proportion": method = .spcForProportions(z: try #require(param, "\(row)"), unit: unit)
            case "spc_dsr": method = .spcForDSR(tailProbability: try #require(param, "\(row)"), unit: unit)
            default:
                Issue.record("\(row): unknown method \(row["method"])")
                continue
            }
            // Fingertips' -1 is its "no value" sentinel (METHODS.md §0): a missing denominator.
            var denominator = try row.double("denominator")
            if denominator == -1 { denominator = nil }
            let area = ValueWithConfidenceLimits(
                value: try row.double("value"),
                lower95: try row.double("lower95"), upper95: try row.double("upper95"),
                lower99_8: try row.double("lower99_8"), upper99_8: try row.double("upper99_8"),
                denominator: denominator
            )
            let benchmark = ValueWithConfidenceLimits(
                value: try row.double("benchmark_value"),
                lower95: try row.double("benchmark_lower95"), upper95: try row.double("benchmark_upper95")
            )
            let outcome: BenchmarkOutcome
            if let polarity = mapped {
                outcome = try BenchmarkComparison.compare(area, with: benchmark, method: method, polarity: polarity)
            } else {
                outcome = try BenchmarkComparison.compare(area, with: benchmark, method: .notCompared, polarity: .noJudgement)
            }
            #expect(outcome == significance(row["expected"]), "\(row): \(row["method"]) \(row["polarity"])")
        }
    }

    /// The C# `Significance` names in the vector file, read after polarity adjustment.
    private func significance(_ name: String) -> BenchmarkOutcome? {
        switch name {
        case "Better": .better
        case "Same": .similar
        case "Worse": .worse
        case "Best": .best
        case "Worst": .worst
        case "None": .notCompared
        default: nil
        }
    }

    @Test("Method 1 is inclusive at both 95% limits (METHODS.md §6.1)")
    func methodOneInclusive() throws {
        let area = ValueWithConfidenceLimits(value: 10, lower95: 9, upper95: 11)
        for benchmark in [9.0, 11.0] {
            let outcome = try BenchmarkComparison.compare(area, with: .init(value: benchmark), method: .singleOverlappingCI95, polarity: .highIsGood)
            #expect(outcome == .similar)
        }
        let justOutside = try BenchmarkComparison.compare(area, with: .init(value: 11.000001), method: .singleOverlappingCI95, polarity: .highIsGood)
        #expect(justOutside == .worse)
    }

    @Test("No judgement gives Higher/Lower, Highest/Lowest at 99.8% (METHODS.md §6.1 BlueOrangeBlue, §6.3)")
    func noJudgement() throws {
        let area = ValueWithConfidenceLimits(value: 2.6, lower95: 2.5, upper95: 2.7, lower99_8: 2.3, upper99_8: 2.9)
        func compare(_ benchmark: Double, _ method: BenchmarkMethod) throws -> BenchmarkOutcome {
            try BenchmarkComparison.compare(area, with: .init(value: benchmark), method: method, polarity: .noJudgement)
        }
        #expect(try compare(3.0, .singleOverlappingCI95) == .lower)
        #expect(try compare(2.0, .singleOverlappingCI95) == .higher)
        #expect(try compare(2.6, .singleOverlappingCI95) == .similar)
        #expect(try compare(3.0, .singleOverlappingCI95And99_8) == .lowest)
        #expect(try compare(2.8, .singleOverlappingCI95And99_8) == .lower)
        #expect(try compare(2.4, .singleOverlappingCI95And99_8) == .higher)
        #expect(try compare(2.2, .singleOverlappingCI95And99_8) == .highest)
    }

    @Test("Words are Fingertips' own labels (SignificanceFormatter and the compare-areas legend)")
    func words() {
        #expect(BenchmarkOutcome.better.words == "Better")
        #expect(BenchmarkOutcome.similar.words == "Similar")
        #expect(BenchmarkOutcome.worse.words == "Worse")
        #expect(BenchmarkOutcome.higher.words == "Higher")
        #expect(BenchmarkOutcome.lower.words == "Lower")
        #expect(BenchmarkOutcome.notCompared.words == "Not compared")
        #expect(BenchmarkOutcome.best.words == "Better 99.8%")
        #expect(BenchmarkOutcome.worst.words == "Worse 99.8%")
    }

    @Test("Method 17 needs the 99.8% limits; method 12 needs the benchmark's limits (METHODS.md §6.1 'None when')")
    func missingLimits() throws {
        let only95 = ValueWithConfidenceLimits(value: 2.6, lower95: 2.5, upper95: 2.7)
        #expect(try BenchmarkComparison.compare(only95, with: .init(value: 2.6), method: .singleOverlappingCI95And99_8, polarity: .lowIsGood) == .notCompared)
        #expect(try BenchmarkComparison.compare(only95, with: .init(value: 9), method: .doubleOverlappingCI95, polarity: .lowIsGood) == .notCompared)
        #expect(try BenchmarkComparison.compare(only95, with: .init(value: 9), method: .notCompared, polarity: .lowIsGood) == .notCompared)
    }

    @Test("Method 12: touching intervals count as overlapping (METHODS.md §6.1)")
    func doubleOverlapTouching() throws {
        let area = ValueWithConfidenceLimits(value: 3, lower95: 2.7, upper95: 3.5)
        let benchmark = ValueWithConfidenceLimits(value: 4, lower95: 3.5, upper95: 4.5)
        #expect(try BenchmarkComparison.compare(area, with: benchmark, method: .doubleOverlappingCI95, polarity: .highIsGood) == .similar)
    }

    @Test("SPC methods: zero or missing denominator is not compared (METHODS.md §6.1)")
    func spcDenominator() throws {
        for denominator in [nil, 0.0] {
            let area = ValueWithConfidenceLimits(value: 10, denominator: denominator)
            #expect(try BenchmarkComparison.compare(area, with: .init(value: 12), method: .fingertipsSPCForProportions(.ninetyFive, unit: 100), polarity: .lowIsGood) == .notCompared)
            #expect(try BenchmarkComparison.compare(area, with: .init(value: 12), method: .fingertipsSPCForDSR(.ninetyFive, unit: 100_000), polarity: .lowIsGood) == .notCompared)
        }
    }

    @Test("Invalid input throws with a message saying what was expected")
    func invalidInput() {
        let reversed = ValueWithConfidenceLimits(value: 10, lower95: 11, upper95: 9)
        #expect(throws: ComparisonError.self) {
            try BenchmarkComparison.compare(reversed, with: .init(value: 10), method: .singleOverlappingCI95, polarity: .lowIsGood)
        }
        let negative = ValueWithConfidenceLimits(value: 10, denominator: -5)
        #expect(throws: ComparisonError.negativeDenominator(-5)) {
            try BenchmarkComparison.compare(negative, with: .init(value: 10), method: .fingertipsSPCForProportions(.ninetyFive, unit: 100), polarity: .lowIsGood)
        }
        let area = ValueWithConfidenceLimits(value: 10, denominator: 500)
        #expect(throws: ComparisonError.benchmarkOutsideProportionRange(benchmark: 120, unit: 100)) {
            try BenchmarkComparison.compare(area, with: .init(value: 120), method: .spcForProportions(z: 1.96, unit: 100), polarity: .lowIsGood)
        }
        #expect(throws: ComparisonError.tailProbabilityOutOfRange(0.975)) {
            try BenchmarkComparison.compare(area, with: .init(value: 12), method: .spcForDSR(tailProbability: 0.975, unit: 100_000), polarity: .lowIsGood)
        }
        #expect(ComparisonError.negativeDenominator(-5).description == "denominator must be greater than or equal to zero (got -5.0)")
    }

    @Test("Fingertips SPC constants: z 1.96 / 3.0902 and p 0.025 / 0.001 (METHODS.md §0)")
    func spcConstants() {
        #expect(BenchmarkMethod.fingertipsSPCForProportions(.ninetyFive, unit: 100) == .spcForProportions(z: 1.96, unit: 100))
        #expect(BenchmarkMethod.fingertipsSPCForProportions(.ninetyNinePointEight, unit: 100) == .spcForProportions(z: 3.0902, unit: 100))
        #expect(BenchmarkMethod.fingertipsSPCForDSR(.ninetyNinePointEight, unit: 100_000) == .spcForDSR(tailProbability: 0.001, unit: 100_000))
        #expect(BenchmarkMethod.singleOverlappingCI95And99_8.fingertipsID == 17)
    }

    @Test("Method 5: Wilson limits around the benchmark, strict at the limits (METHODS.md §6.1)")
    func spcProportionBoundary() throws {
        // P0 = 0.1, N = 1000, z = 1.96: U = (2E + z² + z·sqrt(z² + 4E(1 − E/N))) / (2(N + z²)), E = 100.
        let z = 1.96, n = 1000.0, e = 100.0
        let upper = (2 * e + z * z + z * (z * z + 4 * e * (1 - e / n)).squareRoot()) / (2 * (n + z * z))
        let method = BenchmarkMethod.spcForProportions(z: z, unit: 1)
        func compare(_ value: Double) throws -> BenchmarkOutcome {
            try BenchmarkComparison.compare(.init(value: value, denominator: n), with: .init(value: 0.1), method: method, polarity: .highIsGood)
        }
        #expect(try compare(upper) == .similar)
        #expect(try compare(upper.nextUp) == .better)
    }

    @Test("Method 6: Poisson limits of E = benchmark × population / unit, strict at the limits (METHODS.md §6.1)")
    func spcDSRBoundary() throws {
        let population = 616_282.0, benchmark = 2.132708657734625, unit = 100_000.0
        let expected = benchmark * population / unit
        let lower = try PoissonMeanBounds.lower(count: expected, p: 0.025) / population * unit
        func compare(_ value: Double) throws -> BenchmarkOutcome {
            try BenchmarkComparison.compare(
                .init(value: value, denominator: population), with: .init(value: benchmark),
                method: .spcForDSR(tailProbability: 0.025, unit: unit), polarity: .lowIsGood
            )
        }
        #expect(try compare(lower) == .similar)
        #expect(try compare(lower.nextDown) == .better)
    }
}
