import Foundation

/// One age band (or other stratum) for a directly standardised rate (METHODS.md §4).
public struct DirectStandardisationBand: Sendable, Hashable {
    /// Events xᵢ in the band; missing counts as 0 in the rate and is left out of the total count.
    public var events: Double?
    /// The area's population nᵢ in the band: required, greater than zero.
    public var population: Double?
    /// The standard population wᵢ (e.g. ESP2013) for the band: required, zero or more.
    public var standardPopulation: Double?

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(events: Double?, population: Double?, standardPopulation: Double?) {
        self.events = events
        self.population = population
        self.standardPopulation = standardPopulation
    }
}

/// Why a directly standardised rate has no value (PHE's `statistic` column).
public enum DSRUnavailableReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// Fewer than 10 events in total: PHE suppresses the rate and its limits.
    case totalCountBelowTen = "dsr NA for total count < 10"

    /// The PHEindicatormethods wording.
    public var words: String { rawValue }
}

/// A directly standardised rate by the Dobson method, with 95% and 99.8% limits (METHODS.md §4;
/// PHEindicatormethods `calculate_dsr`, R/DSR.R; Dobson et al. 1991).
public struct DirectlyStandardisedRate: Sendable, Hashable {
    /// O = Σxᵢ over the bands whose events are given.
    public var totalCount: Double
    /// Σnᵢ.
    public var totalPopulation: Double
    /// The rate is per this many people (PHE default 100,000).
    public var multiplier: Double
    /// Dobson's variance of the (unmultiplied) rate, Σ(xᵢ(wᵢ/nᵢ)²)/(Σwᵢ)².
    public var variance: Double
    /// Σ(xᵢwᵢ/nᵢ)/Σwᵢ × multiplier; nil when O < 10.
    public var value: Double?
    /// The rate with its 95% limits; nil when O < 10.
    public var estimate95: Estimate?
    /// The rate with its 99.8% limits; nil when O < 10.
    public var estimate99_8: Estimate?
    /// Why there is no value, when there is none.
    public var unavailableReason: DSRUnavailableReason?

    /// The rate with its limits at `level`; nil when O < 10.
    public func estimate(at level: ConfidenceLevel) -> Estimate? {
        level == .ninetyFive ? estimate95 : estimate99_8
    }

    /// Directly standardises the bands' events to the standard population (METHODS.md §4):
    ///
    ///     value = Σ(xᵢwᵢ/nᵢ)/Σwᵢ × multiplier,   var = Σ(xᵢ(wᵢ/nᵢ)²)/(Σwᵢ)²,   O = Σxᵢ
    ///     limit = value + √(var/O) · (Byar's limit of O − O) × multiplier
    ///
    /// Byar's limits are used for every O ≥ 10 (there is no exact branch); below 10 events the
    /// value and limits are nil with reason "dsr NA for total count < 10".
    /// - Throws: for no bands, a missing population or standard population, a negative count,
    ///   a population ≤ 0, a negative standard population, standard populations that are all
    ///   zero, or a multiplier ≤ 0.
    public static func calculate(
        bands: [DirectStandardisationBand],
        multiplier: Double = 100_000
    ) throws(StatisticsInputError) -> DirectlyStandardisedRate {
        guard !bands.isEmpty else { throw StatisticsInputError("a directly standardised rate needs at least one age band") }
        guard multiplier > 0 else { throw StatisticsInputError("multiplier must be greater than zero") }
        var weightedRates = 0.0, squaredWeightedRates = 0.0, standardTotal = 0.0
        var totalCount = 0.0, totalPopulation = 0.0
        for band in bands {
            guard let n = band.population else {
                throw StatisticsInputError("populations (n) cannot have missing values")
            }
            guard let w = band.standardPopulation else {
                throw StatisticsInputError("standard populations (stdpop) cannot have missing values")
            }
            if let x = band.events, x < 0 {
                throw StatisticsInputError("numerators must all be greater than or equal to zero")
            }
            guard n > 0 else { throw StatisticsInputError("denominators must all be greater than zero") }
            guard w >= 0 else { throw StatisticsInputError("standard populations must all be greater than or equal to zero") }
            let x = band.events ?? 0
            weightedRates += x * w / n
            squaredWeightedRates += x * (w / n) * (w / n)
            standardTotal += w
            totalCount += x
            totalPopulation += n
        }
        guard standardTotal > 0 else {
            throw StatisticsInputError("standard populations cannot all be zero")
        }
        let variance = squaredWeightedRates / (standardTotal * standardTotal)
        var result = DirectlyStandardisedRate(
            totalCount: totalCount,
            totalPopulation: totalPopulation,
            multiplier: multiplier,
            variance: variance,
            value: nil,
            estimate95: nil,
            estimate99_8: nil,
            unavailableReason: nil
        )
        guard totalCount >= 10 else {
            result.unavailableReason = .totalCountBelowTen
            return result
        }
        let value = weightedRates / standardTotal * multiplier
        let spread = (variance / totalCount).squareRoot() * multiplier
        func estimate(_ level: ConfidenceLevel) -> Estimate {
            let lower = CountInterval.byarsLower(count: totalCount, z: level.z)
            let upper = CountInterval.byarsUpper(count: totalCount, z: level.z)
            return Estimate(
                value: value,
                lower: lower.map { value + spread * ($0 - totalCount) },
                upper: value + spread * (upper - totalCount)
            )
        }
        result.value = value
        result.estimate95 = estimate(.ninetyFive)
        result.estimate99_8 = estimate(.ninetyNinePointEight)
        return result
    }
}
