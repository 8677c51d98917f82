import Foundation

/// The standard normal distribution: the z values behind every confidence interval (METHODS.md §0).
///
/// Foundation has no `qnorm`. The quantile starts from the Abramowitz & Stegun 26.2.23 rational
/// approximation (error below 4.5e-4) and is polished by Halley steps on the complementary error
/// function from the C library, which reaches full double precision in two or three steps.
public enum NormalDistribution {
    /// P(Z ≤ x).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// P(Z > x), accurate far into the upper tail.
    public static func upperTail(_ x: Double) -> Double {
        0.5 * erfc(x / 2.0.squareRoot())
    }

    /// The density φ(x).
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// The x with P(Z ≤ x) = p (R's `qnorm(p)`), for 0 < p < 1; −∞ and +∞ at 0 and 1.
    public static func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a probability must lie in [0, 1]")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Solve in the upper tail, where erfc keeps its relative precision.
        return p > 0.5 ? upperQuantile(1 - p) : -upperQuantile(p)
    }

    /// The z with P(Z > z) = q for 0 < q < 0.5.
    private static func upperQuantile(_ q: Double) -> Double {
        let t = (-2 * log(q)).squareRoot()
        var x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
        for _ in 0..<4 {
            // f(x) = Q(x) − q, f' = −φ(x), f'' = xφ(x): Halley's step.
            let error = upperTail(x) - q
            let u = error / density(x)
            let step = -u / (1 - 0.5 * x * u)
            x -= step
            if abs(step) <= 1e-16 * abs(x) { break }
        }
        return x
    }

    /// The two-sided z for a confidence level: `qnorm(level + (1 − level)/2)` as PHEindicatormethods builds it.
    public static func twoSidedZ(_ level: ConfidenceLevel) -> Double {
        quantile(level.probability + (1 - level.probability) / 2)
    }
}

extension ConfidenceLevel {
    /// The two-sided z: 1.959963984540054 at 95%, 3.090232306167813 at 99.8% (METHODS.md §0).
    public var z: Double {
        switch self {
        case .ninetyFive: ConfidenceLevel.z95
        case .ninetyNinePointEight: ConfidenceLevel.z998
        }
    }

    private static let z95 = NormalDistribution.twoSidedZ(.ninetyFive)
    private static let z998 = NormalDistribution.twoSidedZ(.ninetyNinePointEight)
}
