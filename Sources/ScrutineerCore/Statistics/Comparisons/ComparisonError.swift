/// Invalid input to a benchmark or target comparison (METHODS.md §6.1, §10), with what was
/// expected instead.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A number was infinite or not a number; the text names which.
    case notFinite(String)
    /// A lower limit was above its upper limit; the text names which pair.
    case limitsOutOfOrder(String, lower: Double, upper: Double)
    /// A denominator was negative.
    case negativeDenominator(Double)
    /// The unit (100 for a percentage, 100,000 per 100,000...) was not positive.
    case unitNotPositive(Double)
    /// The z value for SPC for proportions was not positive.
    case zNotPositive(Double)
    /// The one-sided tail probability for SPC for DSR was not in (0, 0.5).
    case tailProbabilityOutOfRange(Double)
    /// For SPC for proportions the benchmark must lie between 0 and the unit.
    case benchmarkOutsideProportionRange(benchmark: Double, unit: Double)
    /// For SPC for DSR the benchmark rate must not be negative.
    case negativeBenchmark(Double)
    /// A range target's lower limit was above its upper limit (Fingertips `RangeTargetComparer`).
    case targetRangeOutOfOrder(lower: Double, upper: Double)
    /// A percentile was outside 0–100.
    case percentileOutOfRange(Double)
    /// The lower percentile of a percentile-range target was above the upper one.
    case percentilesOutOfOrder(lower: Double, upper: Double)

    public var description: String {
        switch self {
        case let .notFinite(what):
            "\(what) must be a finite number"
        case let .limitsOutOfOrder(what, lower, upper):
            "\(what) are out of order: the lower limit (\(lower)) must not be above the upper limit (\(upper))"
        case let .negativeDenominator(denominator):
            "denominator must be greater than or equal to zero (got \(denominator))"
        case let .unitNotPositive(unit):
            "unit must be greater than zero, e.g. 100 for a percentage (got \(unit))"
        case let .zNotPositive(z):
            "z must be greater than zero, e.g. 1.96 or 3.0902 (got \(z))"
        case let .tailProbabilityOutOfRange(p):
            "one-sided tail probability must be between 0 and 0.5, e.g. 0.025 or 0.001 (got \(p))"
        case let .benchmarkOutsideProportionRange(benchmark, unit):
            "benchmark for SPC for proportions must be between 0 and the unit \(unit) (got \(benchmark))"
        case let .negativeBenchmark(benchmark):
            "benchmark rate must be greater than or equal to zero (got \(benchmark))"
        case let .targetRangeOutOfOrder(lower, upper):
            "target range lower limit (\(lower)) must not be greater than the upper limit (\(upper))"
        case let .percentileOutOfRange(percentile):
            "percentile must be between 0 and 100 (got \(percentile))"
        case let .percentilesOutOfOrder(lower, upper):
            "lower percentile (\(lower)) must not be greater than the upper percentile (\(upper))"
        }
    }
}
