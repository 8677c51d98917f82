import Foundation

/// Compares an area with a benchmark (England, region, statistical neighbours) by a Fingertips
/// comparator method and turns the result into better / similar / worse by polarity
/// (METHODS.md §6.1, §6.3; Fingertips `IndicatorComparer` and its subclasses).
public enum BenchmarkComparison {
    /// The outcome of comparing `area` with `benchmark` by `method` for a measure of `polarity`.
    ///
    /// Not compared (never an error) when the area's or the benchmark's value is missing, when the
    /// limits the method needs are missing, or, for the SPC methods, when the area's denominator
    /// is missing or zero (Fingertips returns `Significance.None` for all of these). A Fingertips
    /// polarity of "Not applicable" means no comparison: pass `.notCompared` as the method.
    ///
    /// - Throws: `ComparisonError` for numbers that are not finite, limits out of order, a negative
    ///   denominator, or method parameters out of range (unit or z not positive, tail probability
    ///   outside (0, 0.5), a proportion benchmark outside 0...unit, a negative DSR benchmark).
    public static func compare(
        _ area: ValueWithConfidenceLimits,
        with benchmark: ValueWithConfidenceLimits,
        method: BenchmarkMethod,
        polarity: Polarity
    ) throws(ComparisonError) -> BenchmarkOutcome {
        try area.validate(as: "area")
        try benchmark.validate(as: "benchmark")
        guard let direction = try direction(of: area, from: benchmark, method: method) else {
            return .notCompared
        }
        return direction.outcome(for: polarity)
    }

    /// Where the area lies from the benchmark before polarity, or nil when it cannot be compared.
    static func direction(
        of area: ValueWithConfidenceLimits,
        from benchmark: ValueWithConfidenceLimits,
        method: BenchmarkMethod
    ) throws(ComparisonError) -> BenchmarkDirection? {
        switch method {
        case .notCompared:
            return nil

        case .singleOverlappingCI95:
            guard let value = area.value, let target = benchmark.value, let ci95 = area.interval95 else { return nil }
            if ci95.contains(target) { return .same }
            return value < target ? .lower : .higher

        case .singleOverlappingCI95And99_8:
            guard let value = area.value, let target = benchmark.value,
                  let ci95 = area.interval95, let ci998 = area.interval99_8 else { return nil }
            if ci95.contains(target) { return .same }
            // The benchmark between the lower limits means the area is higher at 95% only.
            if (ci998.lowerBound...ci95.lowerBound).contains(target) { return .higher }
            if (ci95.upperBound...ci998.upperBound).contains(target) { return .lower }
            return value < target ? .muchLower : .muchHigher

        case .doubleOverlappingCI95:
            guard let value = area.value, let target = benchmark.value,
                  let areaCI = area.interval95, let benchmarkCI = benchmark.interval95 else { return nil }
            return doubleOverlapDirection(value: value, interval: areaCI, benchmarkValue: target, benchmarkInterval: benchmarkCI)

        case let .spcForProportions(z, unit):
            guard unit > 0, unit.isFinite else { throw .unitNotPositive(unit) }
            guard z > 0, z.isFinite else { throw .zNotPositive(z) }
            guard let value = area.value, let target = benchmark.value,
                  let people = area.denominator, people > 0 else { return nil }
            guard target >= 0, target <= unit else { throw .benchmarkOutsideProportionRange(benchmark: target, unit: unit) }
            let limits = wilsonLimits(aroundProportion: target / unit, denominator: people, z: z)
            return direction(of: value / unit, lower: limits.lower, upper: limits.upper)

        case let .spcForDSR(p, unit):
            guard unit > 0, unit.isFinite else { throw .unitNotPositive(unit) }
            guard p > 0, p < 0.5 else { throw .tailProbabilityOutOfRange(p) }
            guard let value = area.value, let target = benchmark.value,
                  let population = area.denominator, population > 0 else { return nil }
            guard target >= 0 else { throw .negativeBenchmark(target) }
            let expected = target * population / unit
            do {
                let lower = try PoissonMeanBounds.lower(count: expected, p: p) / population * unit
                let upper = try PoissonMeanBounds.upper(count: expected, p: p) / population * unit
                return direction(of: value, lower: lower, upper: upper)
            } catch {
                // Unreachable: the expected count is finite and non-negative and p is in range.
                throw .notFinite("expected count benchmark × population / unit")
            }
        }
    }

    /// Method 12's rule, shared with the change from the previous value (METHODS.md §8.2): the two
    /// intervals overlapping (touching counts) is the same, otherwise lower or higher by value.
    static func doubleOverlapDirection(
        value: Double,
        interval: ClosedRange<Double>,
        benchmarkValue: Double,
        benchmarkInterval: ClosedRange<Double>
    ) -> BenchmarkDirection {
        if interval.overlaps(benchmarkInterval) { return .same }
        return value < benchmarkValue ? .lower : .higher
    }

    /// Wilson limits for the proportion P0 at denominator N with E = N·P0 (METHODS.md §6.1 method 5).
    static func wilsonLimits(aroundProportion p0: Double, denominator n: Double, z: Double) -> (lower: Double, upper: Double) {
        let expected = n * p0
        let zSquared = z * z
        let spread = z * (zSquared + 4 * expected * (1 - expected / n)).squareRoot()
        let centre = 2 * expected + zSquared
        let scale = 2 * (n + zSquared)
        return ((centre - spread) / scale, (centre + spread) / scale)
    }

    /// Above the upper control limit is higher, below the lower is lower, otherwise the same
    /// (Fingertips `GetSignificanceFromSDs`, strict inequalities).
    private static func direction(of value: Double, lower: Double, upper: Double) -> BenchmarkDirection {
        if value > upper { return .higher }
        if value < lower { return .lower }
        return .same
    }
}
