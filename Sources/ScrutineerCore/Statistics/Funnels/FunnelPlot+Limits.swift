import Foundation

extension FunnelPlot {
    /// The proportions (0–1) at population `population` whose own Wilson interval just touches
    /// `average` (METHODS.md §6.2; PHE `sigma_adjustment`).
    ///
    /// The Wilson limits of an observed proportion p̂ are the roots π of (p̂ − π)² = z²π(1 − π)/N,
    /// so setting π = a and solving for p̂ gives p̂ = a ∓ z·√(a(1 − a)/N): the lower one satisfies
    /// `wilsonUpper(lower·N, N) = a` and the upper one `wilsonLower(upper·N, N) = a`. Not clipped:
    /// the lower limit is negative, and the upper above 1, at small populations.
    public static func proportionLimits(
        average a: Double,
        population: Double,
        level: ConfidenceLevel
    ) -> (lower: Double, upper: Double) {
        let halfWidth = level.z * (a * (1 - a) / population).squareRoot()
        return (a - halfWidth, a + halfWidth)
    }

    /// The funnel limits table for proportions: 100 populations and the 95% and 99.8% limits
    /// around the pooled average, × `multiplier` and clipped to [0, multiplier] (METHODS.md §6.2;
    /// PHE `calculate_funnel_limits(statistic = "proportion")`, method "Wilson").
    ///
    /// The populations run from 1 (or, when the largest denominator is at most twice the
    /// smallest, from the smallest less 5% rounded down) to the largest plus 5% rounded up.
    /// PHE clips to [0, 100] whatever the multiplier; that is the same for percentages, the only
    /// case its tests cover, and [0, multiplier] keeps proportions (multiplier 1) within [0, 1].
    /// - Throws: as `proportionSignificance`, and for a multiplier ≤ 0.
    public static func proportionLimitsTable(
        _ areas: [FunnelProportionArea],
        multiplier: Double = 100
    ) throws(StatisticsInputError) -> FunnelLimitsTable {
        try validate(areas)
        guard multiplier > 0 else { throw .nonPositiveMultiplier }
        let average = pooledProportion(areas)
        let denominators = areas.map(\.denominator)
        let smallest = denominators.min() ?? 0, largest = denominators.max() ?? 0
        let populations = FunnelAxis.points(
            minimum: FunnelAxis.minimum(smallest: smallest, largest: largest),
            maximum: FunnelAxis.neatCeiling(largest),
            ratioSpacing: false
        )
        func clipped(_ proportion: Double) -> Double {
            min(multiplier, max(0, proportion * multiplier))
        }
        let rows = populations.map { population in
            let limits95 = proportionLimits(average: average, population: population, level: .ninetyFive)
            let limits998 = proportionLimits(average: average, population: population, level: .ninetyNinePointEight)
            return FunnelLimitsRow(
                axisValue: population,
                lower95: FunnelLinePoint(denominator: population, limit: clipped(limits95.lower)),
                upper95: FunnelLinePoint(denominator: population, limit: clipped(limits95.upper)),
                lower99_8: FunnelLinePoint(denominator: population, limit: clipped(limits998.lower)),
                upper99_8: FunnelLinePoint(denominator: population, limit: clipped(limits998.upper))
            )
        }
        return FunnelLimitsTable(method: .wilson, baseline: average * multiplier, rows: rows)
    }

    /// The funnel limits table for observed/expected ratios (METHODS.md §6.2; PHE
    /// `calculate_funnel_limits(statistic = "ratio")`, method "Poisson").
    ///
    /// Each row is a whole number of observed events O. The lower line is at expected events
    /// E = the Poisson mean with P(X ≤ O) = p and the upper line at the mean with P(X ≥ O) = p
    /// (one-sided p = 0.025 for 95%, 0.001 for 99.8%), each showing O/E as O/E − 1 (`.count`,
    /// baseline 0) or O/E × 100 (`.indirectlyStandardisedRatio`, baseline 100). The rows are spread
    /// over the range of the areas' expected events, as PHE does.
    /// - Throws: for no areas, negative observed events or expected events ≤ 0.
    public static func ratioLimitsTable(
        _ areas: [FunnelRatioArea],
        ratioType: FunnelRatioType
    ) throws(StatisticsInputError) -> FunnelLimitsTable {
        try validate(areas)
        let expected = areas.map(\.expected)
        let smallest = expected.min() ?? 0, largest = expected.max() ?? 0
        let observedEvents = FunnelAxis.points(
            minimum: FunnelAxis.minimum(smallest: smallest, largest: largest),
            maximum: FunnelAxis.neatCeiling(largest),
            ratioSpacing: true
        )
        func scaled(_ ratio: Double) -> Double {
            switch ratioType {
            case .count: ratio - 1
            case .indirectlyStandardisedRatio: ratio * 100
            }
        }
        let rows = observedEvents.map { observed in
            let lines = poissonFunnel(events: observed)
            func point(_ expectedEvents: Double) -> FunnelLinePoint {
                FunnelLinePoint(denominator: expectedEvents, limit: scaled(observed / expectedEvents))
            }
            return FunnelLimitsRow(
                axisValue: observed,
                lower95: point(lines.lower95), upper95: point(lines.upper95),
                lower99_8: point(lines.lower99_8), upper99_8: point(lines.upper99_8)
            )
        }
        let baseline: Double = switch ratioType {
        case .count: 0
        case .indirectlyStandardisedRatio: 100
        }
        return FunnelLimitsTable(method: .poisson, baseline: baseline, rows: rows)
    }

    /// The funnel limits table for crude or directly standardised rates (METHODS.md §6.2; PHE
    /// `calculate_funnel_limits(statistic = "rate")`, method "Poisson").
    ///
    /// Populations are derived from the rates as in `rateSignificance`, and the baseline is the
    /// weighted average rate. Each row is a whole number of events e spread over the range of the
    /// derived populations per year times the average; the lower line is at population
    /// (Poisson mean with P(X ≤ e) = p)/average and the upper at (mean with P(X ≥ e) = p)/average,
    /// each with limit e/population × `multiplier`. Line denominators are per year
    /// (÷ `yearsOfData`), as PHE plots them.
    /// - Throws: as `rateSignificance`, and for `yearsOfData` ≤ 0.
    public static func rateLimitsTable(
        _ areas: [FunnelRateArea],
        rateType: FunnelRateType,
        multiplier: Double,
        yearsOfData: Double
    ) throws(StatisticsInputError) -> FunnelLimitsTable {
        let derived = try derivedDenominators(areas, rateType: rateType, multiplier: multiplier)
        guard yearsOfData > 0 else { throw .nonPositiveYearsOfData }
        let average = try weightedAverage(counts: areas.map(\.count), derivedDenominators: derived)
        let populations = derived.compactMap { $0 }
        let smallest = populations.min() ?? 0, largest = populations.max() ?? 0
        let axisMinimum = largest > 2 * smallest ? 0 : FunnelAxis.neatFloor(smallest / yearsOfData) * yearsOfData
        let axisMaximum = FunnelAxis.neatCeiling(largest / yearsOfData) * yearsOfData
        let events = FunnelAxis.points(
            minimum: (axisMinimum * average).rounded(.down),
            maximum: (axisMaximum * average).rounded(.up),
            ratioSpacing: false
        )
        let rows = events.map { count in
            let lines = poissonFunnel(events: count)
            func point(_ poissonMean: Double) -> FunnelLinePoint {
                let population = poissonMean / average
                return FunnelLinePoint(denominator: population / yearsOfData, limit: count / population * multiplier)
            }
            return FunnelLimitsRow(
                axisValue: count,
                lower95: point(lines.lower95), upper95: point(lines.upper95),
                lower99_8: point(lines.lower99_8), upper99_8: point(lines.upper99_8)
            )
        }
        return FunnelLimitsTable(method: .poisson, baseline: average * multiplier, rows: rows)
    }

    /// The Poisson means that put a whole number of events e on each funnel line (PHE
    /// `poisson_funnel`): the lower line (O/E or rate below the baseline) at the mean with
    /// P(X ≤ e) = p, which is e's exact upper limit; the upper line at the mean with P(X ≥ e) = p,
    /// e's exact lower limit.
    static func poissonFunnel(events: Double) -> (lower95: Double, upper95: Double, lower99_8: Double, upper99_8: Double) {
        func lowerLine(_ level: ConfidenceLevel) -> Double {
            PoissonMeanBounds.upper(events: events.rounded(.down), p: level.oneSidedTailProbability)
        }
        func upperLine(_ level: ConfidenceLevel) -> Double {
            PoissonMeanBounds.lower(events: events.rounded(.down), p: level.oneSidedTailProbability)
        }
        return (lowerLine(.ninetyFive), upperLine(.ninetyFive), lowerLine(.ninetyNinePointEight), upperLine(.ninetyNinePointEight))
    }
}
