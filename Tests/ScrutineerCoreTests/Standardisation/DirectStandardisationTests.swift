import Foundation
import Testing
import ScrutineerCore

/// Hand-made checks of the directly standardised rate, Dobson method (METHODS.md §4;
/// PHEindicatormethods `calculate_dsr`). The reference's own DSR vectors are acceptance files kept
/// outside the repository, so each case writes the §4 formulas out independently.
@Suite("Standardisation: directly standardised rate (METHODS.md §4)")
struct DirectStandardisationTests {
    static let z95 = 1.959963984540054
    static let z998 = 3.090232306167813

    /// Byar's limits of a count written out (§2.1).
    static func byars(_ o: Double, _ z: Double) -> (lower: Double, upper: Double) {
        (o * pow(1 - 1 / (9 * o) - z / (3 * o.squareRoot()), 3),
         (o + 1) * pow(1 - 1 / (9 * (o + 1)) + z / (3 * (o + 1).squareRoot()), 3))
    }

    /// Three bands: events 12, 30, 58 in populations 10,000, 8,000, 5,000, standard
    /// populations 30,000, 40,000, 30,000 (Σw = 100,000).
    static let threeBands = [
        DirectStandardisationBand(events: 12, population: 10_000, standardPopulation: 30_000),
        DirectStandardisationBand(events: 30, population: 8_000, standardPopulation: 40_000),
        DirectStandardisationBand(events: 58, population: 5_000, standardPopulation: 30_000),
    ]

    @Test("§4: value, variance, O and Byar's limits at 95% and 99.8% for a 3-band example")
    func threeBandExample() throws {
        let dsr = try DirectlyStandardisedRate.calculate(bands: Self.threeBands, multiplier: 100_000)
        // value = Σ(x·w/n)/Σw × 1e5 = (12·3 + 30·5 + 58·6)/100,000 × 100,000 = 534 per 100,000.
        let weightedRates: Double = 12.0 * 3 + 30.0 * 5 + 58.0 * 6
        let value: Double = weightedRates / 100_000 * 100_000
        #expect(value == 534)
        // var = Σ(x·(w/n)²)/(Σw)² = (12·9 + 30·25 + 58·36)/1e10 = 2,946/1e10.
        let squaredWeightedRates: Double = 12.0 * 9 + 30.0 * 25 + 58.0 * 36
        let variance: Double = squaredWeightedRates / 1e10
        let o = 100.0
        #expect(dsr.totalCount == o)
        #expect(dsr.totalPopulation == 23_000)
        #expect(isClose(dsr.variance, variance, relative: 1e-14))
        #expect(isClose(dsr.value, value, relative: 1e-14))
        #expect(dsr.unavailableReason == nil)
        for (level, z) in [(ConfidenceLevel.ninetyFive, Self.z95), (.ninetyNinePointEight, Self.z998)] {
            let b = Self.byars(o, z)
            let lower = value + (variance / o).squareRoot() * (b.lower - o) * 100_000
            let upper = value + (variance / o).squareRoot() * (b.upper - o) * 100_000
            let estimate = try #require(dsr.estimate(at: level))
            #expect(estimate.value == dsr.value)
            #expect(isClose(estimate.lower, lower, relative: 1e-13), "\(level)")
            #expect(isClose(estimate.upper, upper, relative: 1e-13), "\(level)")
        }
        #expect(dsr.estimate95?.lower ?? 0 > dsr.estimate99_8?.lower ?? .infinity)
    }

    @Test("§4: the multiplier scales the value and limits but not the variance")
    func multiplier() throws {
        let per100k = try DirectlyStandardisedRate.calculate(bands: Self.threeBands)
        let per10k = try DirectlyStandardisedRate.calculate(bands: Self.threeBands, multiplier: 10_000)
        #expect(per100k.multiplier == 100_000)
        #expect(isClose(per10k.value, 53.4, relative: 1e-14))
        #expect(isClose(per10k.estimate95?.upper, (per100k.estimate95?.upper ?? 0) / 10, relative: 1e-14))
        #expect(per10k.variance == per100k.variance)
    }

    @Test("§4: O < 10 gives no value or limits, with reason 'dsr NA for total count < 10'; O = 10 uses Byar's")
    func fewerThanTenEvents() throws {
        let nine = try DirectlyStandardisedRate.calculate(bands: [
            DirectStandardisationBand(events: 2, population: 1_000, standardPopulation: 5_000),
            DirectStandardisationBand(events: 3, population: 1_000, standardPopulation: 5_000),
            DirectStandardisationBand(events: 4, population: 1_000, standardPopulation: 5_000),
        ])
        #expect(nine.totalCount == 9)
        #expect(nine.value == nil && nine.estimate95 == nil && nine.estimate99_8 == nil)
        #expect(nine.unavailableReason?.words == "dsr NA for total count < 10")

        let ten = try DirectlyStandardisedRate.calculate(bands: [
            DirectStandardisationBand(events: 2, population: 1_000, standardPopulation: 5_000),
            DirectStandardisationBand(events: 3, population: 1_000, standardPopulation: 5_000),
            DirectStandardisationBand(events: 5, population: 1_000, standardPopulation: 5_000),
        ])
        // value = Σ(x·w/n)/Σw × 1e5 = 10·5/15,000 × 1e5; var = Σx(w/n)²/(Σw)² = 10·25/15,000²;
        // Byar's at O = 10 (no exact branch for DSRs).
        let value = 10.0 * 5 / 15_000 * 100_000
        let variance = 10.0 * 25 / (15_000.0 * 15_000)
        let b = Self.byars(10, Self.z95)
        #expect(isClose(ten.value, value, relative: 1e-14))
        #expect(isClose(ten.estimate95?.lower, value + (variance / 10).squareRoot() * (b.lower - 10) * 100_000, relative: 1e-13))
        #expect(isClose(ten.estimate95?.upper, value + (variance / 10).squareRoot() * (b.upper - 10) * 100_000, relative: 1e-13))
    }

    @Test("§4: a missing count counts as 0 in the sums and is left out of O")
    func missingCount() throws {
        var withMissing = Self.threeBands
        withMissing.append(DirectStandardisationBand(events: nil, population: 2_000, standardPopulation: 20_000))
        var withZero = Self.threeBands
        withZero.append(DirectStandardisationBand(events: 0, population: 2_000, standardPopulation: 20_000))
        let missing = try DirectlyStandardisedRate.calculate(bands: withMissing)
        let zero = try DirectlyStandardisedRate.calculate(bands: withZero)
        #expect(missing.totalCount == 100)
        #expect(missing == zero)
        // The band's standard population still counts in Σw: 534·100,000/120,000 = 445.
        let weightedRates: Double = 12.0 * 3 + 30.0 * 5 + 58.0 * 6
        #expect(isClose(missing.value, weightedRates / 120_000 * 100_000, relative: 1e-14))
        #expect(missing.totalPopulation == 25_000)
    }

    @Test("§4: missing n or w, n ≤ 0 and negative counts are errors")
    func errors() {
        func band(_ x: Double?, _ n: Double?, _ w: Double?) -> [DirectStandardisationBand] {
            Self.threeBands + [DirectStandardisationBand(events: x, population: n, standardPopulation: w)]
        }
        #expect(throws: StatisticsInputError("populations (n) cannot have missing values")) {
            try DirectlyStandardisedRate.calculate(bands: band(1, nil, 100))
        }
        #expect(throws: StatisticsInputError("standard populations (stdpop) cannot have missing values")) {
            try DirectlyStandardisedRate.calculate(bands: band(1, 100, nil))
        }
        #expect(throws: StatisticsInputError("denominators must all be greater than zero")) {
            try DirectlyStandardisedRate.calculate(bands: band(0, 0, 100))
        }
        #expect(throws: StatisticsInputError("denominators must all be greater than zero")) {
            try DirectlyStandardisedRate.calculate(bands: band(nil, -5, 100))
        }
        #expect(throws: StatisticsInputError("numerators must all be greater than or equal to zero")) {
            try DirectlyStandardisedRate.calculate(bands: band(-1, 100, 100))
        }
        #expect(throws: StatisticsInputError("standard populations must all be greater than or equal to zero")) {
            try DirectlyStandardisedRate.calculate(bands: band(1, 100, -100))
        }
        #expect(throws: StatisticsInputError("a directly standardised rate needs at least one age band")) {
            try DirectlyStandardisedRate.calculate(bands: [])
        }
        #expect(throws: StatisticsInputError("multiplier must be greater than zero")) {
            try DirectlyStandardisedRate.calculate(bands: Self.threeBands, multiplier: 0)
        }
    }
}
