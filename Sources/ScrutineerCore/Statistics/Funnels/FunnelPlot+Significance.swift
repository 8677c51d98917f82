extension FunnelPlot {
    /// Tests every area's proportion against the pooled average Σx/Σn of ALL the areas given
    /// (METHODS.md §6.2; PHE `assign_funnel_significance(statistic = "proportion")`).
    ///
    /// An area is significant when the pooled average lies strictly outside the area's own Wilson
    /// interval (z = qnorm(0.999), then qnorm(0.975)): "Low" when the average is above the upper
    /// limit, "High" when it is below the lower limit. This is the same test as comparing x/n with
    /// the funnel limits of `proportionLimits(average:population:level:)`.
    /// - Throws: for no areas, a negative numerator, a denominator ≤ 0 or a numerator above its
    ///   denominator (PHE's messages).
    public static func proportionSignificance(
        _ areas: [FunnelProportionArea]
    ) throws(StatisticsInputError) -> FunnelSignificanceResult {
        try validate(areas)
        let average = pooledProportion(areas)
        let outcomes = areas.map { area in
            proportionOutcome(numerator: area.numerator, denominator: area.denominator, average: average)
        }
        return FunnelSignificanceResult(benchmark: average, outcomes: outcomes)
    }

    /// Tests every observed/expected ratio against 1 (METHODS.md §6.2; PHE
    /// `assign_funnel_significance(statistic = "ratio")` and `funnel_ratio_significance`).
    ///
    /// "High" when the lower count limit of O divided by E is above 1, "Low" when the upper limit
    /// divided by E is below 1. Count limits are exact (chi-square) below 10 events and Byar's from
    /// 10, with z = qnorm(0.5 + p/2) for p = 0.998 then 0.95; zero events give a lower limit of 0.
    /// Areas are tested independently: there is no pooled average.
    /// - Throws: for no areas, negative observed events or expected events ≤ 0.
    public static func ratioSignificance(
        _ areas: [FunnelRatioArea]
    ) throws(StatisticsInputError) -> FunnelSignificanceResult {
        try validate(areas)
        let outcomes = areas.map { area in
            countOutcome(count: area.observed, exposure: area.expected, benchmark: 1)
        }
        return FunnelSignificanceResult(benchmark: 1, outcomes: outcomes)
    }

    /// Tests every area's rate against the weighted average rate (METHODS.md §6.2; PHE
    /// `assign_funnel_significance(statistic = "rate")`).
    ///
    /// Each area's population is derived from its rate as `multiplier × count/rate` (zero events:
    /// a crude rate uses its own denominator, a DSR is left out of the average). The benchmark is
    /// Σcount/Σderived population; an area is "High" when the benchmark is below its lower count
    /// limit divided by its derived population (exact below 10 events, Byar's from 10), "Low" when
    /// above the upper one. DSRs from fewer than 10 events are "Not applicable…".
    /// The result's `benchmark` is the weighted average per `multiplier`.
    /// - Throws: for no areas, a negative count, a denominator ≤ 0, a record with neither rate nor
    ///   denominator, a crude zero-event record without a denominator, a record with events but no
    ///   positive rate, or no events at all to set the average.
    public static func rateSignificance(
        _ areas: [FunnelRateArea],
        rateType: FunnelRateType,
        multiplier: Double
    ) throws(StatisticsInputError) -> FunnelSignificanceResult {
        let derived = try derivedDenominators(areas, rateType: rateType, multiplier: multiplier)
        let average = try weightedAverage(counts: areas.map(\.count), derivedDenominators: derived)
        var outcomes: [FunnelSignificance] = []
        for (area, population) in zip(areas, derived) {
            if rateType == .directlyStandardised, area.count < 10 {
                outcomes.append(.notApplicableDSRBelowTenEvents)
            } else if let population {
                outcomes.append(countOutcome(count: area.count, exposure: population, benchmark: average))
            } else {
                // Unreachable: only zero-event DSRs lack a population, and they are caught above.
                outcomes.append(.notSignificant)
            }
        }
        return FunnelSignificanceResult(benchmark: average * multiplier, outcomes: outcomes)
    }

    /// The funnel outcome for one proportion against `average`, 99.8% tested before 95%.
    static func proportionOutcome(numerator x: Double, denominator n: Double, average: Double) -> FunnelSignificance {
        for level in FunnelSignificance.testOrder
        where average > ProportionInterval.wilsonUpper(numerator: x, denominator: n, z: level.z) {
            return .low(level)
        }
        for level in FunnelSignificance.testOrder
        where average < ProportionInterval.wilsonLower(numerator: x, denominator: n, z: level.z) {
            return .high(level)
        }
        return .notSignificant
    }

    /// The funnel outcome for a Poisson count over an exposure (expected events or population)
    /// against `benchmark` (PHE `funnel_ratio_significance`), 99.8% tested before 95%.
    static func countOutcome(count: Double, exposure: Double, benchmark: Double) -> FunnelSignificance {
        for level in FunnelSignificance.testOrder {
            // Byar's lower limit is never negative from 10 events, so nil cannot arise here.
            let lower = CountInterval.limits(count: count, level: level).lower ?? 0
            if benchmark < lower / exposure { return .high(level) }
        }
        for level in FunnelSignificance.testOrder
        where benchmark > CountInterval.limits(count: count, level: level).upper / exposure {
            return .low(level)
        }
        return .notSignificant
    }
}
