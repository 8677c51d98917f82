import Testing
import ScrutineerCore

@Suite("Fingertips RAG against a target (METHODS.md §10)")
struct TargetComparisonTests {
    /// fingertips_target_comparisons.csv: every row, from fingertips-open AnalysisTest
    /// SingleValueTargetComparerTest.cs and RangeTargetComparerTest.cs.
    @Test("fingertips_target_comparisons.csv: every row (Fingertips SingleValueTargetComparer / RangeTargetComparer tests)")
    func vectorFile() throws {
        let file = try VectorFile("fingertips_target_comparisons.csv")
        #expect(file.rows.count == 23)
        for row in file.rows {
            guard let mapped = polarity(fingertipsName: row["polarity"]), let polarity = mapped else {
                Issue.record("\(row): unexpected polarity \(row["polarity"])")
                continue
            }
            let lower = try row.requiredDouble("lower_limit")
            let target: TargetRule
            switch (row["target_type"], try row.bool("use_cis")) {
            case ("single_value", false): target = .singleValue(lower)
            case ("single_value", true): target = .singleValueUsingConfidenceLimits(lower)
            case ("range", false): target = .range(lower: lower, upper: try row.requiredDouble("upper_limit"))
            default:
                Issue.record("\(row): unknown target \(row["target_type"])")
                continue
            }
            let area = ValueWithConfidenceLimits(
                value: try row.double("value"), lower95: try row.double("lower95"), upper95: try row.double("upper95")
            )
            let outcome = try TargetComparison.compare(area, against: target, polarity: polarity)
            #expect(outcome == expected(row["expected"]), "\(row)")
        }
    }

    private func expected(_ name: String) -> TargetOutcome? {
        switch name {
        case "Better": .better
        case "Same": .same
        case "Worse": .worse
        case "None": .notCompared
        default: nil
        }
    }

    @Test("Outcomes map to green / amber / red / grey (METHODS.md §10)")
    func colours() {
        #expect(TargetOutcome.better.colour == .green)
        #expect(TargetOutcome.same.colour == .amber)
        #expect(TargetOutcome.worse.colour == .red)
        #expect(TargetOutcome.notCompared.colour == .grey)
        #expect(TargetOutcome.same.words == "Amber")
        #expect(TargetOutcome.notCompared.words == "Not compared")
    }

    @Test("Range: lower = upper is allowed, lower > upper throws (METHODS.md §10)")
    func rangeLimits() throws {
        let area = ValueWithConfidenceLimits(value: 5)
        #expect(try TargetComparison.compare(area, against: .range(lower: 5, upper: 5), polarity: .highIsGood) == .better)
        #expect(try TargetComparison.compare(.init(value: 4.9), against: .range(lower: 5, upper: 5), polarity: .highIsGood) == .worse)
        #expect(throws: ComparisonError.targetRangeOutOfOrder(lower: 6, upper: 5)) {
            try TargetComparison.compare(area, against: .range(lower: 6, upper: 5), polarity: .highIsGood)
        }
    }

    @Test("Single value with CIs: LCI = UCI = target is 'above', so low-is-good is Worse (METHODS.md §10)")
    func pointIntervalOnTarget() throws {
        let area = ValueWithConfidenceLimits(value: nil, lower95: 10, upper95: 10)
        #expect(try TargetComparison.compare(area, against: .singleValueUsingConfidenceLimits(10), polarity: .lowIsGood) == .worse)
        #expect(try TargetComparison.compare(area, against: .singleValueUsingConfidenceLimits(10), polarity: .highIsGood) == .better)
    }

    /// The values and expectations of fingertips-open BespokeTargetPercentileRangeComparerTest.cs
    /// (limits 9.3 and 37.2), here reached as percentiles 50 and 90 of a set of areas.
    @Test("Percentile range: type-7 bounds of all areas; below lower / at or above upper (METHODS.md §10)")
    func percentileRange() throws {
        // Ten areas: P50 = 9.3 and P90 = 37.2 by type 7.
        let areas: [Double?] = [48, 1, 2, 3, 4, 9, 9.6, 20, 30, 36, nil]
        let target = try PercentileRangeTarget(lowerPercentile: 50, upperPercentile: 90, areaValues: areas)
        #expect(target.lowerLimit == 9.3)
        #expect(target.upperLimit == 37.2)
        func rate(_ value: Double, _ polarity: Polarity) throws -> TargetOutcome {
            try TargetComparison.compare(.init(value: value), against: .percentileRange(target), polarity: polarity)
        }
        #expect(try rate(7.3, .highIsGood) == .worse)
        #expect(try rate(12, .highIsGood) == .same)
        #expect(try rate(41.2, .highIsGood) == .better)
        #expect(try rate(37.2, .highIsGood) == .better)
        #expect(try rate(9.3, .highIsGood) == .same)
        #expect(try rate(7.3, .lowIsGood) == .better)
        #expect(try rate(41.2, .lowIsGood) == .worse)
        #expect(try rate(41.2, .noJudgement) == .notCompared)
    }

    @Test("Percentile bounds are rounded to 10 dp like Fingertips (METHODS.md §7), and need 4 values")
    func percentileRounding() throws {
        // Type 7 at 2.5% of 0.1…0.5 is 0.1 + 0.1·0.1 = 0.11000000000000001 in floating point.
        let target = try PercentileRangeTarget(lowerPercentile: 2.5, upperPercentile: 2.5, areaValues: [0.5, 0.4, 0.3, 0.2, 0.1])
        #expect(target.upperLimit == 0.11)
        let tooFew = try PercentileRangeTarget(lowerPercentile: 25, upperPercentile: 75, areaValues: [1, 2, 3])
        #expect(tooFew.lowerLimit == nil)
        #expect(try TargetComparison.compare(.init(value: 2), against: .percentileRange(tooFew), polarity: .highIsGood) == .notCompared)
        #expect(throws: ComparisonError.percentilesOutOfOrder(lower: 75, upper: 25)) {
            try PercentileRangeTarget(lowerPercentile: 75, upperPercentile: 25, areaValues: [1, 2, 3, 4])
        }
        #expect(throws: ComparisonError.percentileOutOfRange(150)) {
            try PercentileRangeTarget(lowerPercentile: 25, upperPercentile: 150, areaValues: [1, 2, 3, 4])
        }
    }

    /// fingertips-open BespokeTargetPreviousYearEnglandValueComparerTest.cs: England 2, 3 ⇒ Better,
    /// 1 ⇒ Worse, missing England ⇒ None; polarity is ignored.
    @Test("Previous year's England value ignores polarity (METHODS.md §10 reference quirk)")
    func previousYearEngland() throws {
        for polarity in Polarity.allCases {
            #expect(try TargetComparison.compare(.init(value: 3), against: .previousYearEnglandValue(2), polarity: polarity) == .better)
            #expect(try TargetComparison.compare(.init(value: 2), against: .previousYearEnglandValue(2), polarity: polarity) == .better)
            #expect(try TargetComparison.compare(.init(value: 1), against: .previousYearEnglandValue(2), polarity: polarity) == .worse)
            #expect(try TargetComparison.compare(.init(value: 1), against: .previousYearEnglandValue(nil), polarity: polarity) == .notCompared)
        }
    }

    @Test("No-judgement measures are not rated against a single or range target")
    func noJudgement() throws {
        #expect(try TargetComparison.compare(.init(value: 3), against: .singleValue(2), polarity: .noJudgement) == .notCompared)
        #expect(try TargetComparison.compare(.init(value: 3), against: .range(lower: 1, upper: 2), polarity: .noJudgement) == .notCompared)
    }
}
