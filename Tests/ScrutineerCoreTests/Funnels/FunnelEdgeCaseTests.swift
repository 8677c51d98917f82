import Foundation
import Testing
@testable import ScrutineerCore

/// Hand-made cases for the funnel rules METHODS.md §6.2 states (PHEindicatormethods R/Funnels.R).
@Suite("Funnel plots: METHODS.md §6.2 edge cases")
struct FunnelEdgeCaseTests {
    static let z95 = 1.959963984540054
    static let z998 = 3.090232306167813

    // MARK: Proportions

    @Test("§6.2: the proportion limits solve the Wilson quadratic, wilson_upper(lower·N, N) = a")
    func proportionLimitsTouchTheAverage() {
        for a in [0.1, 0.5, 0.8064244785714955] {
            for population in [10.0, 250, 40_000] {
                for level in ConfidenceLevel.allCases {
                    let limits = FunnelPlot.proportionLimits(average: a, population: population, level: level)
                    if limits.lower >= 0 {
                        let upperOfLower = ProportionInterval.wilsonUpper(numerator: limits.lower * population, denominator: population, z: level.z)
                        #expect(isClose(upperOfLower, a, relative: 1e-12), "a \(a) N \(population) \(level)")
                    }
                    if limits.upper <= 1 {
                        let lowerOfUpper = ProportionInterval.wilsonLower(numerator: limits.upper * population, denominator: population, z: level.z)
                        #expect(isClose(lowerOfUpper, a, relative: 1e-12), "a \(a) N \(population) \(level)")
                    }
                }
            }
        }
    }

    @Test("§6.2: pooled average of all rows; 99.8% before 95%; each band reached")
    func proportionBands() throws {
        // Σx/Σn = 700/1400 = 0.5. At n = 100 the funnels are 0.5 ± z·0.05:
        // 95% [0.40200, 0.59800], 99.8% [0.34549, 0.65451].
        let areas = [30.0, 40, 60, 70].map { FunnelProportionArea(numerator: $0, denominator: 100) }
            + [FunnelProportionArea(numerator: 500, denominator: 1000)]
        #expect(0.5 - Self.z95 * 0.05 > 0.40 && 0.5 - Self.z998 * 0.05 > 0.30)
        let result = try FunnelPlot.proportionSignificance(areas)
        #expect(result.benchmark == 0.5)
        #expect(result.outcomes == [.significantlyLow99_8, .significantlyLow95, .significantlyHigh95, .significantlyHigh99_8, .notSignificant])
        #expect(result.outcomes.map(\.words) == ["Low (0.001)", "Low (0.025)", "High (0.025)", "High (0.001)", "Not significant"])
    }

    @Test("§6.2: the benchmark must be strictly outside the area's Wilson interval")
    func proportionStrictInequality() {
        // An area whose 95% Wilson upper limit is exactly the benchmark is not significant.
        let x = 30.0, n = 100.0
        let upper95 = ProportionInterval.wilsonUpper(numerator: x, denominator: n, z: Self.z95)
        #expect(FunnelPlot.proportionOutcome(numerator: x, denominator: n, average: upper95) == .notSignificant)
        #expect(FunnelPlot.proportionOutcome(numerator: x, denominator: n, average: upper95.nextUp) == .significantlyLow95)
        let lower95 = ProportionInterval.wilsonLower(numerator: x, denominator: n, z: Self.z95)
        #expect(FunnelPlot.proportionOutcome(numerator: x, denominator: n, average: lower95) == .notSignificant)
        #expect(FunnelPlot.proportionOutcome(numerator: x, denominator: n, average: lower95.nextDown) == .significantlyHigh95)
    }

    @Test("§6.2 / §1: invalid proportions are errors with PHE's messages")
    func proportionErrors() {
        #expect(throws: StatisticsInputError("numerators must be greater than or equal to zero")) {
            try FunnelPlot.proportionSignificance([FunnelProportionArea(numerator: -1, denominator: 10)])
        }
        #expect(throws: StatisticsInputError("denominators must be greater than zero")) {
            try FunnelPlot.proportionSignificance([FunnelProportionArea(numerator: 0, denominator: 0)])
        }
        #expect(throws: StatisticsInputError("numerators must be less than or equal to denominator for a proportion statistic")) {
            try FunnelPlot.proportionLimitsTable([FunnelProportionArea(numerator: 11, denominator: 10)])
        }
        #expect(throws: StatisticsInputError("a funnel plot needs at least one area")) {
            try FunnelPlot.proportionSignificance([])
        }
    }

    @Test("§6.2: proportion limits are clipped to [0, multiplier]")
    func proportionClipping() throws {
        let areas = [FunnelProportionArea(numerator: 40, denominator: 50), FunnelProportionArea(numerator: 900, denominator: 1000)]
        for multiplier in [1.0, 100] {
            let table = try FunnelPlot.proportionLimitsTable(areas, multiplier: multiplier)
            #expect(table.rows.count == 100)
            let first = try #require(table.rows.first)
            #expect(first.axisValue == 1)
            // At N = 1 the unclipped 99.8% limits are a ∓ 3.09·√(a(1−a)), outside [0, 1] for a ≈ 0.895.
            #expect(first.lower99_8.limit == 0 && first.upper99_8.limit == multiplier)
            for row in table.rows {
                for level in ConfidenceLevel.allCases {
                    #expect(row.lower(level).limit >= 0 && row.upper(level).limit <= multiplier)
                }
            }
        }
    }

    @Test("§6.2 axis: neat rounding of the smallest and largest denominators")
    func axisRounding() {
        // 1000·0.95 = 950 ⇒ one significant figure down: 900. 1000·1.05 = 1050 ⇒ two up: 1100.
        #expect(FunnelAxis.neatFloor(1000) == 900)
        #expect(FunnelAxis.neatCeiling(1000) == 1100)
        #expect(FunnelAxis.neatCeiling(150) == 160)
        // 0.5·1.05 = 0.525 ⇒ 0.6 (R too computes 6 × 0.1 here, so it need not be exactly 0.6).
        #expect(isClose(FunnelAxis.neatCeiling(0.5), 0.6, relative: 1e-15))
        #expect(FunnelAxis.digitCount(100_000) == 6)
        #expect(FunnelAxis.minimum(smallest: 100, largest: 201) == 0)
        #expect(FunnelAxis.minimum(smallest: 100, largest: 200) == 90)
        let points = FunnelAxis.points(minimum: 0, maximum: 1000, ratioSpacing: false)
        #expect(points.count == 100 && points.first == 1 && points.last == 1000)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0 < $1 })
    }

    // MARK: Ratios

    @Test("§6.2: zero observed events give a lower limit of 0, so never High; Low when the upper limit/E < 1")
    func ratioZeroObserved() throws {
        // Exact upper limits of 0 events: −ln(0.025) = 3.689 (95%), −ln(0.001) = 6.908 (99.8%).
        let areas = [
            FunnelRatioArea(observed: 0, expected: 0.001),
            FunnelRatioArea(observed: 0, expected: 3.0),
            FunnelRatioArea(observed: 0, expected: 5.0),
            FunnelRatioArea(observed: 0, expected: 10.0),
        ]
        let result = try FunnelPlot.ratioSignificance(areas)
        #expect(result.outcomes == [.notSignificant, .notSignificant, .significantlyLow95, .significantlyLow99_8])
    }

    @Test("§6.2: ratios use exact chi-square limits below 10 observed events and Byar's from 10")
    func ratioExactBelowTenByarsFromTen() throws {
        func byarsLower(_ x: Double, _ z: Double) -> Double { x * pow(1 - 1 / (9 * x) - z / (3 * x.squareRoot()), 3) }
        func exactLower(_ x: Double) -> Double { ChiSquareDistribution.quantile(0.025, degreesOfFreedom: 2 * x) / 2 }
        // For 9 events the exact 95% lower limit (4.1151) is above Byar's (4.1069): an expected
        // count between them is High only by the exact rule.
        let between9 = (exactLower(9) + byarsLower(9, Self.z95)) / 2
        #expect(byarsLower(9, Self.z95) < between9 && between9 < exactLower(9))
        // For 10 events Byar's (4.7874) is below exact (4.7954): High only by the exact rule.
        let between10 = (exactLower(10) + byarsLower(10, Self.z95)) / 2
        #expect(byarsLower(10, Self.z95) < between10 && between10 < exactLower(10))
        let result = try FunnelPlot.ratioSignificance([
            FunnelRatioArea(observed: 9, expected: between9),
            FunnelRatioArea(observed: 10, expected: between10),
        ])
        #expect(result.outcomes == [.significantlyHigh95, .notSignificant])
    }

    @Test("§6.2: invalid ratios are errors")
    func ratioErrors() {
        #expect(throws: StatisticsInputError("numerators must be greater than or equal to zero")) {
            try FunnelPlot.ratioSignificance([FunnelRatioArea(observed: -1, expected: 2)])
        }
        #expect(throws: StatisticsInputError("denominators must be greater than zero")) {
            try FunnelPlot.ratioLimitsTable([FunnelRatioArea(observed: 1, expected: 0)], ratioType: .count)
        }
    }

    @Test("§6.2: ratio limits table — Poisson funnel lines, O/E − 1 (count) or × 100 (isr)")
    func ratioLimitsTable() throws {
        // Expected 100 to 150 (at most twice): axis from 90 (95 rounded down) towards 160.
        let areas = [FunnelRatioArea(observed: 90, expected: 100), FunnelRatioArea(observed: 170, expected: 150)]
        let counts = try FunnelPlot.ratioLimitsTable(areas, ratioType: .count)
        let isrs = try FunnelPlot.ratioLimitsTable(areas, ratioType: .indirectlyStandardisedRatio)
        #expect(counts.method == .poisson && counts.baseline == 0 && isrs.baseline == 100)
        #expect(counts.rows.count == 100 && counts.rows.first?.axisValue == 90)
        for (row, isr) in zip(counts.rows, isrs.rows) {
            let observed = row.axisValue
            let k = Int(observed)
            #expect(observed == observed.rounded())
            for level in ConfidenceLevel.allCases {
                let p = level == .ninetyFive ? 0.025 : 0.001
                let lower = row.lower(level), upper = row.upper(level)
                // The lower line's expected events E make O the bottom p tail: P(X ≤ O; E) = p.
                #expect(isClose(PoissonDistribution.cdf(k, mean: lower.denominator), p, relative: 1e-9), "O = \(k)")
                #expect(isClose(PoissonDistribution.upperTail(atLeast: k, mean: upper.denominator), p, relative: 1e-9), "O = \(k)")
                #expect(isClose(lower.limit, observed / lower.denominator - 1, relative: 1e-14))
                #expect(isClose(upper.limit, observed / upper.denominator - 1, relative: 1e-14))
                #expect(lower.limit < 0 && upper.limit > 0)
                #expect(isClose(isr.lower(level).limit, (lower.limit + 1) * 100, relative: 1e-12))
                #expect(isClose(isr.upper(level).limit, (upper.limit + 1) * 100, relative: 1e-12))
            }
        }
    }

    // MARK: Rates

    @Test("§6.2: DSR rows — zero events left out of the average, fewer than 10 events not applicable")
    func rateDSR() throws {
        let areas = [
            FunnelRateArea(count: 0, rate: nil, denominator: 5_000),
            FunnelRateArea(count: 8, rate: 40, denominator: nil),
            FunnelRateArea(count: 200, rate: 100),
            FunnelRateArea(count: 400, rate: 160),
        ]
        let result = try FunnelPlot.rateSignificance(areas, rateType: .directlyStandardised, multiplier: 100_000)
        // Derived populations: 8/40·1e5 = 20,000; 200,000; 250,000. Average = 608/470,000.
        let average = 608.0 / (20_000 + 200_000 + 250_000)
        #expect(isClose(result.benchmark, average * 100_000, relative: 1e-14))
        #expect(result.outcomes[0] == .notApplicableDSRBelowTenEvents)
        #expect(result.outcomes[1] == .notApplicableDSRBelowTenEvents)
        #expect(result.outcomes[1].words == "Not applicable for events less than 10 for dsrs")
        // 200 events in 200,000 (100 per 100,000) is well below the average (129): Low (0.001).
        #expect(result.outcomes[2] == .significantlyLow99_8)
        #expect(result.outcomes[3] == .significantlyHigh99_8)
    }

    @Test("§6.2: a crude rate with zero events counts with its own denominator")
    func rateCrudeZero() throws {
        let areas = [
            FunnelRateArea(count: 0, rate: 0, denominator: 5_000),
            FunnelRateArea(count: 8, rate: 40),
            FunnelRateArea(count: 200, rate: 100),
        ]
        let result = try FunnelPlot.rateSignificance(areas, rateType: .crude, multiplier: 100_000)
        let average = 208.0 / (5_000 + 20_000 + 200_000)
        #expect(isClose(result.benchmark, average * 100_000, relative: 1e-14))
        // Zero events: lower limit 0, so never High. The 95% upper limit −ln(0.025)/5,000 = 7.38e-4
        // is below the average (9.24e-4) but the 99.8% one, −ln(0.001)/5,000 = 1.38e-3, is above it.
        #expect(-log(0.025) / 5_000 < average && average < -log(0.001) / 5_000)
        #expect(result.outcomes[0] == .significantlyLow95)
    }

    @Test("§6.2: invalid rate inputs are errors")
    func rateErrors() {
        #expect(throws: StatisticsInputError("for rates, where there are 0 events for a record, the denominator must be provided")) {
            try FunnelPlot.rateSignificance([FunnelRateArea(count: 0, rate: 0), FunnelRateArea(count: 5, rate: 1)], rateType: .crude, multiplier: 100)
        }
        #expect(throws: StatisticsInputError("for rates, rates must be provided for all records, or a denominator must be provided if the rate is zero")) {
            try FunnelPlot.rateSignificance([FunnelRateArea(count: 3, rate: nil)], rateType: .crude, multiplier: 100)
        }
        #expect(throws: StatisticsInputError("for rates, a rate greater than zero must be provided for every record with events")) {
            try FunnelPlot.rateSignificance([FunnelRateArea(count: 3, rate: nil, denominator: 100)], rateType: .crude, multiplier: 100)
        }
        #expect(throws: StatisticsInputError("numerators must be greater than or equal to zero")) {
            try FunnelPlot.rateSignificance([FunnelRateArea(count: -3, rate: 1)], rateType: .directlyStandardised, multiplier: 100)
        }
        #expect(throws: StatisticsInputError("a rate funnel needs at least one area with events (or, for crude rates, a population) to set the average")) {
            try FunnelPlot.rateSignificance([FunnelRateArea(count: 0, rate: nil, denominator: 10)], rateType: .directlyStandardised, multiplier: 100)
        }
        #expect(throws: StatisticsInputError("years of data must be greater than zero")) {
            try FunnelPlot.rateLimitsTable([FunnelRateArea(count: 3, rate: 1)], rateType: .crude, multiplier: 100, yearsOfData: 0)
        }
    }

    @Test("§6.2: rate limits table — events rows, per-year populations on the Poisson funnel")
    func rateLimitsTable() throws {
        let areas = [FunnelRateArea(count: 150, rate: 100), FunnelRateArea(count: 600, rate: 160)]
        let years = 3.0
        let table = try FunnelPlot.rateLimitsTable(areas, rateType: .crude, multiplier: 100_000, yearsOfData: years)
        // Populations 150,000 and 375,000 (more than twice): events axis from 1 to
        // ceil(neat ceiling of 125,000/year (131,250 ⇒ 140,000) × 3 years × average).
        let average = 750.0 / 525_000
        #expect(isClose(table.baseline, average * 100_000, relative: 1e-14))
        #expect(table.rows.count == 100 && table.rows.first?.axisValue == 1)
        #expect(table.rows.last?.axisValue == (140_000 * years * average).rounded(.up))
        for row in table.rows {
            let events = row.axisValue
            for level in ConfidenceLevel.allCases {
                let p = level == .ninetyFive ? 0.025 : 0.001
                let lower = row.lower(level), upper = row.upper(level)
                let lowerPopulation = lower.denominator * years, upperPopulation = upper.denominator * years
                #expect(isClose(PoissonDistribution.cdf(Int(events), mean: lowerPopulation * average), p, relative: 1e-9))
                #expect(isClose(PoissonDistribution.upperTail(atLeast: Int(events), mean: upperPopulation * average), p, relative: 1e-9))
                #expect(isClose(lower.limit, events / lowerPopulation * 100_000, relative: 1e-14))
                #expect(isClose(upper.limit, events / upperPopulation * 100_000, relative: 1e-14))
                #expect(lower.limit < table.baseline && table.baseline < upper.limit)
            }
        }
    }
}
