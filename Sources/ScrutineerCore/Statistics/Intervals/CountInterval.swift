import Foundation

/// Which confidence-limit method a count used: PHE's `phe_rate` switches at 10 events.
public enum CountIntervalMethod: String, Sendable, Hashable, CaseIterable {
    /// Exact Poisson limits from the chi-square distribution (counts below 10).
    case exact = "Exact"
    /// Byar's approximation (counts of 10 or more; Breslow & Day 1987).
    case byars = "Byars"

    /// The method PHEindicatormethods uses for an observed count.
    public static func forCount(_ count: Double) -> CountIntervalMethod {
        count < 10 ? .exact : .byars
    }
}

/// Confidence limits for an observed Poisson count (METHODS.md §2.1; PHE `byars_lower`,
/// `byars_upper` and the exact branch of `phe_rate`).
public enum CountInterval {
    /// `qchisq((1 − conf)/2, 2x)/2`: 0 for a zero count.
    public static func exactLower(count x: Double, level: ConfidenceLevel) -> Double {
        ChiSquareDistribution.quantile((1 - level.probability) / 2, degreesOfFreedom: 2 * x) / 2
    }

    /// `qchisq(conf + (1 − conf)/2, 2x + 2)/2`.
    public static func exactUpper(count x: Double, level: ConfidenceLevel) -> Double {
        let p = level.probability
        return ChiSquareDistribution.quantile(p + (1 - p) / 2, degreesOfFreedom: 2 * x + 2) / 2
    }

    /// Byar's lower limit `x(1 − 1/(9x) − z/(3√x))³`; nil where the cube goes negative (as PHE's
    /// `byars_lower` gives NA for a count of 1 at 99.8%) and 0 for a zero count.
    public static func byarsLower(count x: Double, z: Double) -> Double? {
        if x == 0 { return 0 }
        let lower = x * pow(1 - 1 / (9 * x) - z / (3 * x.squareRoot()), 3)
        return lower >= 0 ? lower : nil
    }

    /// Byar's upper limit `(x+1)(1 − 1/(9(x+1)) + z/(3√(x+1)))³`.
    public static func byarsUpper(count x: Double, z: Double) -> Double {
        let y = x + 1
        return y * pow(1 - 1 / (9 * y) + z / (3 * y.squareRoot()), 3)
    }

    /// The limits `phe_rate` uses: exact below 10 events, Byar's from 10.
    public static func limits(count x: Double, level: ConfidenceLevel) -> (lower: Double?, upper: Double, method: CountIntervalMethod) {
        switch CountIntervalMethod.forCount(x) {
        case .exact:
            (exactLower(count: x, level: level), exactUpper(count: x, level: level), .exact)
        case .byars:
            (byarsLower(count: x, z: level.z), byarsUpper(count: x, z: level.z), .byars)
        }
    }
}

/// A crude rate with its interval and the method used (PHE `phe_rate`, METHODS.md §2).
public struct RateEstimate: Sendable, Hashable {
    /// The rate and its limits; nil when the denominator is missing.
    public var estimate: Estimate?
    /// Exact below 10 events, Byar's from 10: known from the count alone.
    public var method: CountIntervalMethod
}

/// Crude rates per `multiplier` (METHODS.md §2; PHE's default is per 100,000; children's
/// services publish per 10,000).
public enum RateInterval {
    /// count/denominator × multiplier with limits; nil when the count is missing.
    /// - Throws: for a negative count or a denominator ≤ 0. A count above its denominator is
    ///   allowed for rates (PHE test Area12: 250/220).
    public static func estimate(
        count: Double?,
        denominator: Double?,
        level: ConfidenceLevel,
        multiplier: Double = 100_000
    ) throws(StatisticsInputError) -> RateEstimate? {
        guard let x = count else { return nil }
        guard x >= 0 else { throw .negativeNumerator }
        let limits = CountInterval.limits(count: x, level: level)
        guard let n = denominator else { return RateEstimate(estimate: nil, method: limits.method) }
        guard n > 0 else { throw .nonPositiveDenominator }
        return RateEstimate(
            estimate: Estimate(
                value: x / n * multiplier,
                lower: limits.lower.map { $0 / n * multiplier },
                upper: limits.upper / n * multiplier
            ),
            method: limits.method
        )
    }
}
