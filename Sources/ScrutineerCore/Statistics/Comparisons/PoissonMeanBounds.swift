import Foundation

/// Exact Poisson limits for an observed (or expected) number of events, found by bisection over
/// summed Poisson probabilities (METHODS.md §2.3; Fingertips `StatisticalMethods.PoisLow`/`PoisHigh`).
///
/// - `lower(count: x, p:)` is the mean μ at which seeing ⌈x⌉ or more events has probability `p`.
/// - `upper(count: x, p:)` is the mean μ at which seeing ⌊x⌋ or fewer events has probability `p`.
///
/// `p` is one-sided: 0.025 gives the 95% two-sided limits and 0.001 the 99.8% limits. For a whole
/// count these equal `qchisq(p, 2x)/2` and `qchisq(1 − p, 2x + 2)/2` (METHODS.md §2.1). Counts need
/// not be whole: Fingertips passes expected values such as benchmark × population / unit (§6.1
/// method 6), and, like its tail sums, only whole numbers of events are counted (k ≥ x, k ≤ x).
///
/// Fingertips stops its bisection once the step is below 1e-7 on a transformed scale, so its
/// limits agree with these to about 1e-7 relative; this bisection runs to full double precision.
public enum PoissonMeanBounds {
    /// The lower limit: the Poisson mean whose upper tail P(X ≥ ⌈count⌉) equals `p`
    /// (0 when the count is 0). Fingertips `PoisLow`.
    public static func lower(count: Double, p: Double) throws(PoissonMeanBoundsError) -> Double {
        try validate(count: count, p: p)
        let events = count.rounded(.up)
        if events == 0 { return 0 }
        // P(X ≥ events) rises from 0 towards 1 as the mean grows.
        var low = 0.0
        var high = max(events, 1)
        while probability(atLeast: events, mean: high) < p { high *= 2 }
        bisect(&low, &high) { mean in probability(atLeast: events, mean: mean) > p }
        return (low + high) / 2
    }

    /// The upper limit: the Poisson mean whose lower tail P(X ≤ ⌊count⌋) equals `p`. Fingertips `PoisHigh`.
    public static func upper(count: Double, p: Double) throws(PoissonMeanBoundsError) -> Double {
        try validate(count: count, p: p)
        let events = count.rounded(.down)
        // P(X ≤ events) falls from 1 towards 0 as the mean grows.
        var low = 0.0
        var high = events + 1
        while probability(atMost: events, mean: high) > p { high *= 2 }
        bisect(&low, &high) { mean in probability(atMost: events, mean: mean) < p }
        return (low + high) / 2
    }

    /// The lower limit at a two-sided confidence level (p = 0.025 for 95%, 0.001 for 99.8%).
    public static func lower(count: Double, level: ConfidenceLevel) throws(PoissonMeanBoundsError) -> Double {
        try lower(count: count, p: oneSidedTail(level))
    }

    /// The upper limit at a two-sided confidence level (p = 0.025 for 95%, 0.001 for 99.8%).
    public static func upper(count: Double, level: ConfidenceLevel) throws(PoissonMeanBoundsError) -> Double {
        try upper(count: count, p: oneSidedTail(level))
    }

    /// The one-sided tail probability of a two-sided level: 0.025 for 95%, 0.001 for 99.8%.
    public static func oneSidedTail(_ level: ConfidenceLevel) -> Double {
        switch level {
        case .ninetyFive: 0.025
        case .ninetyNinePointEight: 0.001
        }
    }

    // MARK: - Bisection

    /// Halves [low, high] until it cannot shrink further in double precision; `isAbove(mid)` says
    /// the root lies below `mid`.
    private static func bisect(_ low: inout Double, _ high: inout Double, isAbove: (Double) -> Bool) {
        for _ in 0..<2_000 {
            let mid = low + (high - low) / 2
            if mid <= low || mid >= high { return }
            if isAbove(mid) { high = mid } else { low = mid }
        }
    }

    private static func validate(count: Double, p: Double) throws(PoissonMeanBoundsError) {
        guard count.isFinite else { throw .countNotFinite }
        guard count >= 0 else { throw .negativeCount(count) }
        guard p > 0, p < 1 else { throw .tailProbabilityOutOfRange(p) }
    }

    // MARK: - Poisson tail sums

    /// P(X ≤ n) for X ~ Poisson(mean), n a whole number. Sums whichever tail lies away from the
    /// mode, so that the terms shrink and the small tail keeps its precision.
    static func probability(atMost n: Double, mean: Double) -> Double {
        if n < 0 { return 0 }
        if mean == 0 { return 1 }
        if n < mean { return sumDownward(from: n, mean: mean) }
        return max(0, 1 - sumUpward(from: n + 1, mean: mean))
    }

    /// P(X ≥ n) for X ~ Poisson(mean), n a whole number.
    static func probability(atLeast n: Double, mean: Double) -> Double {
        if n <= 0 { return 1 }
        if mean == 0 { return 0 }
        if n > mean { return sumUpward(from: n, mean: mean) }
        return max(0, 1 - sumDownward(from: n - 1, mean: mean))
    }

    /// log P(X = k) = −μ + k·log μ − log k!.
    private static func logProbability(_ k: Double, mean: Double) -> Double {
        -mean + k * log(mean) - lgamma(k + 1)
    }

    /// Σ P(X = k) for k = n, n−1, …, 0; the terms shrink because n < mean.
    private static func sumDownward(from n: Double, mean: Double) -> Double {
        var k = n
        var term = exp(logProbability(k, mean: mean))
        var sum = 0.0
        while k >= 0 {
            sum += term
            if term <= sum * 1e-17 { break }
            term *= k / mean
            k -= 1
        }
        return min(sum, 1)
    }

    /// Σ P(X = k) for k = n, n+1, …; the terms shrink because n > mean.
    private static func sumUpward(from n: Double, mean: Double) -> Double {
        var k = n
        var term = exp(logProbability(k, mean: mean))
        var sum = 0.0
        while true {
            sum += term
            if term <= sum * 1e-17 { break }
            k += 1
            term *= mean / k
        }
        return min(sum, 1)
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
