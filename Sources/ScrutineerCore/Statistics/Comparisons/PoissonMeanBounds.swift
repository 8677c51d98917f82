import Foundation

/// Exact Poisson limits for an observed (or expected) number of events: the means at which the
/// count sits on a one-sided Poisson tail (METHODS.md §2.3; Fingertips `StatisticalMethods.PoisLow`/
/// `PoisHigh`; PHE `poisson_funnel`). Solved through the identity P(X ≥ k; μ) = P(k, μ), the
/// regularised incomplete gamma, so no tail sums or bisection are needed.
///
/// - `lower(count: x, p:)` is the mean μ at which seeing ⌈x⌉ or more events has probability `p`.
/// - `upper(count: x, p:)` is the mean μ at which seeing ⌊x⌋ or fewer events has probability `p`.
///
/// `p` is one-sided: 0.025 gives the 95% two-sided limits and 0.001 the 99.8% limits. For a whole
/// count these equal `qchisq(p, 2x)/2` and `qchisq(1 − p, 2x + 2)/2` (METHODS.md §2.1). Counts need
/// not be whole: Fingertips passes expected values such as benchmark × population / unit (§6.1
/// method 6), and, like its tail sums, only whole numbers of events are counted (k ≥ x, k ≤ x).
///
/// Fingertips and PHE stop their bisections once the step is below 1e-7 on a transformed scale, so
/// their limits agree with these to about 1e-7 relative (PHE's is off by up to 5e-5 at one event);
/// these are exact to double precision.
public enum PoissonMeanBounds {
    /// The lower limit: the Poisson mean whose upper tail P(X ≥ ⌈count⌉) equals `p`
    /// (0 when the count is 0). Fingertips `PoisLow`.
    public static func lower(count: Double, p: Double) throws(PoissonMeanBoundsError) -> Double {
        try validate(count: count, p: p)
        return lower(events: count.rounded(.up), p: p)
    }

    /// The upper limit: the Poisson mean whose lower tail P(X ≤ ⌊count⌋) equals `p`. Fingertips `PoisHigh`.
    public static func upper(count: Double, p: Double) throws(PoissonMeanBoundsError) -> Double {
        try validate(count: count, p: p)
        return upper(events: count.rounded(.down), p: p)
    }

    /// `lower(count:p:)` at the one-sided tail of a confidence level (0.025 or 0.001).
    public static func lower(count: Double, level: ConfidenceLevel) throws(PoissonMeanBoundsError) -> Double {
        try lower(count: count, p: level.oneSidedTailProbability)
    }

    /// `upper(count:p:)` at the one-sided tail of a confidence level (0.025 or 0.001).
    public static func upper(count: Double, level: ConfidenceLevel) throws(PoissonMeanBoundsError) -> Double {
        try upper(count: count, p: level.oneSidedTailProbability)
    }

    /// The mean with P(X ≥ events) = p, for a whole, non-negative number of events already checked.
    static func lower(events: Double, p: Double) -> Double {
        events == 0 ? 0 : GammaDistribution.quantile(p, shape: events)
    }

    /// The mean with P(X ≤ events) = p, i.e. Q(events + 1, μ) = p, for a whole number of events.
    static func upper(events: Double, p: Double) -> Double {
        GammaDistribution.quantile(1 - p, shape: events + 1)
    }

    private static func validate(count: Double, p: Double) throws(PoissonMeanBoundsError) {
        guard count.isFinite else { throw .countNotFinite }
        guard count >= 0 else { throw .negativeCount(count) }
        guard p > 0, p < 1 else { throw .tailProbabilityOutOfRange(p) }
    }
}

/// Why Poisson limits could not be found.
public enum PoissonMeanBoundsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The count was negative.
    case negativeCount(Double)
    /// The count was infinite or not a number.
    case countNotFinite
    /// The tail probability was not strictly between 0 and 1.
    case tailProbabilityOutOfRange(Double)

    public var description: String {
        switch self {
        case let .negativeCount(count):
            "count must be greater than or equal to zero (got \(count))"
        case .countNotFinite:
            "count must be a finite number"
        case let .tailProbabilityOutOfRange(p):
            "tail probability must be between 0 and 1, e.g. 0.025 for 95% limits (got \(p))"
        }
    }
}
