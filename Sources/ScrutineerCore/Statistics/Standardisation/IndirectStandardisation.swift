/// One age band (or other stratum) for indirect standardisation (METHODS.md §5).
public struct IndirectStandardisationBand: Sendable, Hashable {
    /// The area's events xᵢ in the band; missing is left out of the observed total.
    public var events: Double?
    /// The area's population nᵢ in the band; missing counts as 0.
    public var population: Double?
    /// The reference (e.g. England) events in the band; missing counts as 0.
    public var referenceEvents: Double?
    /// The reference population in the band: greater than zero.
    public var referencePopulation: Double

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(events: Double?, population: Double?, referenceEvents: Double?, referencePopulation: Double) {
        self.events = events
        self.population = population
        self.referenceEvents = referenceEvents
        self.referencePopulation = referencePopulation
    }
}

/// An indirectly standardised ratio or rate with 95% and 99.8% limits (METHODS.md §5).
public struct IndirectlyStandardisedEstimate: Sendable, Hashable {
    /// Observed events O: Σxᵢ, or the observed total given.
    public var observed: Double
    /// Expected events E = Σ(reference eventsᵢ/reference populationᵢ · nᵢ).
    public var expected: Double
    /// What O/E is multiplied by: the reference value (1 or 100) for a ratio, the reference rate
    /// Σreference events/Σreference population × multiplier for a rate.
    public var scale: Double
    /// O/E × scale.
    public var value: Double
    /// Exact below 10 observed events, Byar's from 10 (§2.1).
    public var method: CountIntervalMethod
    /// The value with its 95% limits.
    public var estimate95: Estimate
    /// The value with its 99.8% limits.
    public var estimate99_8: Estimate

    /// The value with its limits at `level`.
    public func estimate(at level: ConfidenceLevel) -> Estimate {
        level == .ninetyFive ? estimate95 : estimate99_8
    }
}

/// Indirect standardisation: observed events against those expected from reference rates
/// (METHODS.md §5; PHEindicatormethods `calculate_ISRatio`, R/ISRatio.R, and `calculate_ISRate`,
/// R/ISRate.R).
public enum IndirectStandardisation {
    /// The indirectly standardised ratio O/E × `referenceValue` (1 for an SMR as a ratio, 100 for
    /// an SMR as a percentage), with the §2 count limits of O divided by E and scaled the same way.
    /// - Parameter observedTotal: O when it comes as a total rather than by band (PHE
    ///   `observed_totals`); the bands' events are then not used.
    /// - Throws: for no bands, negative events, populations or reference events, a reference
    ///   population ≤ 0, no expected events, or a reference value ≤ 0.
    public static func ratio(
        bands: [IndirectStandardisationBand],
        observedTotal: Double? = nil,
        referenceValue: Double = 1
    ) throws(StatisticsInputError) -> IndirectlyStandardisedEstimate {
        guard referenceValue > 0 else { throw StatisticsInputError("reference value must be greater than zero") }
        let totals = try observedAndExpected(bands, observedTotal: observedTotal)
        return estimate(observed: totals.observed, expected: totals.expected, scale: referenceValue)
    }

    /// The indirectly standardised rate O/E × reference rate, where the reference rate is
    /// Σreference events/Σreference population × `multiplier`; limits as for the ratio.
    /// - Throws: as `ratio`, and for a multiplier ≤ 0.
    public static func rate(
        bands: [IndirectStandardisationBand],
        observedTotal: Double? = nil,
        multiplier: Double = 100_000
    ) throws(StatisticsInputError) -> IndirectlyStandardisedEstimate {
        guard multiplier > 0 else { throw StatisticsInputError("multiplier must be greater than zero") }
        let totals = try observedAndExpected(bands, observedTotal: observedTotal)
        let referenceEvents = bands.reduce(0) { $0 + ($1.referenceEvents ?? 0) }
        let referencePopulation = bands.reduce(0) { $0 + $1.referencePopulation }
        let referenceRate = referenceEvents / referencePopulation * multiplier
        return estimate(observed: totals.observed, expected: totals.expected, scale: referenceRate)
    }

    /// O and E after checking the bands.
    static func observedAndExpected(
        _ bands: [IndirectStandardisationBand],
        observedTotal: Double?
    ) throws(StatisticsInputError) -> (observed: Double, expected: Double) {
        guard !bands.isEmpty else { throw StatisticsInputError("indirect standardisation needs at least one age band") }
        var observed = 0.0, expected = 0.0
        for band in bands {
            if let x = band.events, x < 0 {
                throw StatisticsInputError("numerators must all be greater than or equal to zero")
            }
            if let n = band.population, n < 0 {
                throw StatisticsInputError("denominators must all be greater than or equal to zero")
            }
            if let reference = band.referenceEvents, reference < 0 {
                throw StatisticsInputError("reference events must all be greater than or equal to zero")
            }
            guard band.referencePopulation > 0 else {
                throw StatisticsInputError("reference populations must all be greater than zero")
            }
            observed += band.events ?? 0
            expected += (band.referenceEvents ?? 0) / band.referencePopulation * (band.population ?? 0)
        }
        if let observedTotal {
            guard observedTotal >= 0 else {
                throw StatisticsInputError("numerators must all be greater than or equal to zero")
            }
            observed = observedTotal
        }
        guard expected > 0 else {
            throw StatisticsInputError("expected events must be greater than zero: the populations or reference events are all zero")
        }
        return (observed, expected)
    }

    /// O/E × scale with the §2.1 count limits of O, divided by E and scaled the same way.
    static func estimate(observed: Double, expected: Double, scale: Double) -> IndirectlyStandardisedEstimate {
        let value = observed / expected * scale
        func atLevel(_ level: ConfidenceLevel) -> Estimate {
            let limits = CountInterval.limits(count: observed, level: level)
            return Estimate(
                value: value,
                lower: limits.lower.map { $0 / expected * scale },
                upper: limits.upper / expected * scale
            )
        }
        return IndirectlyStandardisedEstimate(
            observed: observed,
            expected: expected,
            scale: scale,
            value: value,
            method: CountIntervalMethod.forCount(observed),
            estimate95: atLevel(.ninetyFive),
            estimate99_8: atLevel(.ninetyNinePointEight)
        )
    }
}
