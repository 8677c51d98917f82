import Foundation
import Testing
import ScrutineerCore

/// Hand-made checks of indirect standardisation (METHODS.md §5; PHEindicatormethods
/// `calculate_ISRatio` and `calculate_ISRate`). The reference's ISR vectors are acceptance files
/// kept outside the repository, so each case writes the §5 formulas out independently.
@Suite("Standardisation: indirectly standardised ratio and rate (METHODS.md §5)")
struct IndirectStandardisationTests {
    static let z95 = 1.959963984540054
    static let z998 = 3.090232306167813

    /// Three bands: local events 5, 20, 40 in populations 2,000, 3,000, 1,000; reference events
    /// 100, 600, 2,000 in reference populations 100,000, 120,000, 80,000 (reference rates 0.001,
    /// 0.005, 0.025), so E = 2 + 15 + 25 = 42 and O = 65.
    static let threeBands = [
        IndirectStandardisationBand(events: 5, population: 2_000, referenceEvents: 100, referencePopulation: 100_000),
        IndirectStandardisationBand(events: 20, population: 3_000, referenceEvents: 600, referencePopulation: 120_000),
        IndirectStandardisationBand(events: 40, population: 1_000, referenceEvents: 2_000, referencePopulation: 80_000),
    ]

    @Test("§5: ratio O/E × refvalue with Byar's limits of O over E (O ≥ 10)", arguments: [1.0, 100.0])
    func ratio(_ referenceValue: Double) throws {
        let result = try IndirectStandardisation.ratio(bands: Self.threeBands, referenceValue: referenceValue)
        let o = 65.0, e = 0.001 * 2_000 + 0.005 * 3_000 + 0.025 * 1_000
        #expect(isClose(result.expected, e, relative: 1e-14))
        #expect(result.observed == o)
        #expect(result.method == .byars)
        #expect(isClose(result.value, o / e * referenceValue, relative: 1e-14))
        for (level, z) in [(ConfidenceLevel.ninetyFive, Self.z95), (.ninetyNinePointEight, Self.z998)] {
            let lower = o * pow(1 - 1 / (9 * o) - z / (3 * o.squareRoot()), 3)
            let upper = (o + 1) * pow(1 - 1 / (9 * (o + 1)) + z / (3 * (o + 1).squareRoot()), 3)
            #expect(isClose(result.estimate(at: level).lower, lower / e * referenceValue, relative: 1e-13), "\(level)")
            #expect(isClose(result.estimate(at: level).upper, upper / e * referenceValue, relative: 1e-13), "\(level)")
        }
    }

    @Test("§5: rate O/E × ref_rate, where ref_rate = Σrefcount/Σrefpop × multiplier", arguments: [100_000.0, 1_000.0])
    func rate(_ multiplier: Double) throws {
        let result = try IndirectStandardisation.rate(bands: Self.threeBands, multiplier: multiplier)
        let referenceRate = (100.0 + 600 + 2_000) / (100_000 + 120_000 + 80_000) * multiplier
        #expect(isClose(result.scale, referenceRate, relative: 1e-14))
        #expect(isClose(result.value, 65.0 / 42 * referenceRate, relative: 1e-13))
        let ratio = try IndirectStandardisation.ratio(bands: Self.threeBands)
        #expect(isClose(result.estimate95.upper, (ratio.estimate95.upper ?? 0) * referenceRate, relative: 1e-13))
        #expect(isClose(result.estimate99_8.lower, (ratio.estimate99_8.lower ?? 0) * referenceRate, relative: 1e-13))
    }

    @Test("§5 / §2.1: exact chi-square limits below 10 observed events, from an observed total")
    func exactBelowTen() throws {
        let result = try IndirectStandardisation.ratio(bands: Self.threeBands, observedTotal: 7, referenceValue: 100)
        #expect(result.observed == 7)
        #expect(result.method == .exact)
        #expect(isClose(result.value, 7.0 / 42 * 100, relative: 1e-14))
        for level in ConfidenceLevel.allCases {
            let alpha = 1 - level.probability
            let lower = ChiSquareDistribution.quantile(alpha / 2, degreesOfFreedom: 14) / 2
            let upper = ChiSquareDistribution.quantile(1 - alpha / 2, degreesOfFreedom: 16) / 2
            #expect(isClose(result.estimate(at: level).lower, lower / 42 * 100, relative: 1e-12), "\(level)")
            #expect(isClose(result.estimate(at: level).upper, upper / 42 * 100, relative: 1e-12), "\(level)")
        }
        // Zero observed events: lower limit 0, upper −ln(0.025) = 3.689 events.
        let none = try IndirectStandardisation.ratio(bands: Self.threeBands, observedTotal: 0)
        #expect(none.value == 0 && none.estimate95.lower == 0)
        #expect(isClose(none.estimate95.upper, -log(0.025) / 42, relative: 1e-12))
    }

    @Test("§5: a missing reference count or local population counts as 0; a missing local count is left out of O")
    func missingValues() throws {
        var bands = Self.threeBands
        bands[0].referenceEvents = nil   // band 1 expects 0 instead of 2
        bands[1].population = nil        // band 2 expects 0 instead of 15
        bands[2].events = nil            // O = 25 instead of 65
        let result = try IndirectStandardisation.ratio(bands: bands)
        #expect(isClose(result.expected, 25, relative: 1e-14))
        #expect(result.observed == 25)
        let rate = try IndirectStandardisation.rate(bands: bands)
        #expect(isClose(rate.scale, (600.0 + 2_000) / 300_000 * 100_000, relative: 1e-14))
    }

    @Test("§5: invalid inputs are errors")
    func errors() {
        var negative = Self.threeBands
        negative[0].events = -1
        #expect(throws: StatisticsInputError("numerators must all be greater than or equal to zero")) {
            try IndirectStandardisation.ratio(bands: negative)
        }
        var negativePopulation = Self.threeBands
        negativePopulation[0].population = -1
        #expect(throws: StatisticsInputError("denominators must all be greater than or equal to zero")) {
            try IndirectStandardisation.rate(bands: negativePopulation)
        }
        var zeroReference = Self.threeBands
        zeroReference[1].referencePopulation = 0
        #expect(throws: StatisticsInputError("reference populations must all be greater than zero")) {
            try IndirectStandardisation.ratio(bands: zeroReference)
        }
        let nothingExpected = Self.threeBands.map {
            IndirectStandardisationBand(events: $0.events, population: 0, referenceEvents: $0.referenceEvents, referencePopulation: $0.referencePopulation)
        }
        #expect(throws: StatisticsInputError("expected events must be greater than zero: the populations or reference events are all zero")) {
            try IndirectStandardisation.ratio(bands: nothingExpected)
        }
        #expect(throws: StatisticsInputError("numerators must all be greater than or equal to zero")) {
            try IndirectStandardisation.ratio(bands: Self.threeBands, observedTotal: -3)
        }
        #expect(throws: StatisticsInputError("indirect standardisation needs at least one age band")) {
            try IndirectStandardisation.rate(bands: [])
        }
    }
}
