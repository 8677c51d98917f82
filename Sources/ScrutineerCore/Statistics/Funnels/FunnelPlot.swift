/// Funnel plots: which areas lie outside the 95% and 99.8% funnels around a benchmark, and the
/// funnel lines themselves (METHODS.md §6.2; PHEindicatormethods `assign_funnel_significance` and
/// `calculate_funnel_limits`, R/Funnels.R).
///
/// The significance tests live in FunnelPlot+Significance.swift, the plotting tables in
/// FunnelPlot+Limits.swift.
public enum FunnelPlot {}

extension StatisticsInputError {
    static let noAreas = StatisticsInputError("a funnel plot needs at least one area")
    static let nonPositiveMultiplier = StatisticsInputError("multiplier must be greater than zero")
    static let rateAndDenominatorMissing = StatisticsInputError(
        "for rates, rates must be provided for all records, or a denominator must be provided if the rate is zero"
    )
    static let zeroEventsWithoutDenominator = StatisticsInputError(
        "for rates, where there are 0 events for a record, the denominator must be provided"
    )
    static let eventsWithoutPositiveRate = StatisticsInputError(
        "for rates, a rate greater than zero must be provided for every record with events"
    )
    static let noEventsForAverage = StatisticsInputError(
        "a rate funnel needs at least one area with events (or, for crude rates, a population) to set the average"
    )
    static let nonPositiveYearsOfData = StatisticsInputError("years of data must be greater than zero")
}

extension FunnelPlot {
    /// Checks proportion areas as PHE does: x ≥ 0, n > 0, x ≤ n.
    static func validate(_ areas: [FunnelProportionArea]) throws(StatisticsInputError) {
        guard !areas.isEmpty else { throw .noAreas }
        for area in areas {
            guard area.numerator >= 0 else { throw .negativeNumerator }
            guard area.denominator > 0 else { throw .nonPositiveDenominator }
            guard area.numerator <= area.denominator else { throw .numeratorAboveDenominator }
        }
    }

    /// Checks ratio areas: O ≥ 0, E > 0.
    static func validate(_ areas: [FunnelRatioArea]) throws(StatisticsInputError) {
        guard !areas.isEmpty else { throw .noAreas }
        for area in areas {
            guard area.observed >= 0 else { throw .negativeNumerator }
            guard area.expected > 0 else { throw .nonPositiveDenominator }
        }
    }

    /// The pooled proportion Σx/Σn over every area passed in (0–1).
    static func pooledProportion(_ areas: [FunnelProportionArea]) -> Double {
        areas.reduce(0) { $0 + $1.numerator } / areas.reduce(0) { $0 + $1.denominator }
    }

    /// The population each rate implies, `multiplier × count/rate` (PHE `denominator_derived`):
    /// for zero events a crude rate uses its own denominator and a DSR gives nil (left out).
    static func derivedDenominators(
        _ areas: [FunnelRateArea],
        rateType: FunnelRateType,
        multiplier: Double
    ) throws(StatisticsInputError) -> [Double?] {
        guard !areas.isEmpty else { throw .noAreas }
        guard multiplier > 0 else { throw .nonPositiveMultiplier }
        var derived: [Double?] = []
        for area in areas {
            guard area.count >= 0 else { throw .negativeNumerator }
            if let n = area.denominator, !(n > 0) { throw .nonPositiveDenominator }
            if area.rate == nil, area.denominator == nil { throw .rateAndDenominatorMissing }
            if area.count == 0 {
                switch rateType {
                case .directlyStandardised:
                    derived.append(nil)
                case .crude:
                    guard let n = area.denominator else { throw .zeroEventsWithoutDenominator }
                    derived.append(n)
                }
            } else {
                guard let rate = area.rate, rate > 0 else { throw .eventsWithoutPositiveRate }
                derived.append(multiplier * area.count / rate)
            }
        }
        return derived
    }

    /// The weighted average rate per person: Σcount over Σ derived denominator (nil ones left out
    /// of the denominator sum only, as PHE's `na.rm = TRUE` does; they all have zero events).
    static func weightedAverage(
        counts: [Double],
        derivedDenominators: [Double?]
    ) throws(StatisticsInputError) -> Double {
        let population = derivedDenominators.reduce(0) { $0 + ($1 ?? 0) }
        guard population > 0 else { throw .noEventsForAverage }
        return counts.reduce(0, +) / population
    }
}
