import Foundation

/// The regularised incomplete gamma function and its inverse: the chi-square and Poisson
/// arithmetic behind exact count limits (METHODS.md §2) and recent-trend tests (§8.1).
public enum GammaDistribution {
    /// The regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), for a > 0, x ≥ 0.
    public static func lowerRegularized(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "the incomplete gamma needs a > 0 and x ≥ 0")
        if x == 0 { return 0 }
        return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x)
    }

    /// The regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), without cancellation in the tail.
    public static func upperRegularized(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "the incomplete gamma needs a > 0 and x ≥ 0")
        if x == 0 { return 1 }
        return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x)
    }

    /// The density of Gamma(shape a, scale 1) at x.
    public static func density(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return a == 1 ? 1 : 0 }
        return exp((a - 1) * log(x) - x - lgamma(a))
    }

    /// The x with P(a, x) = p (R's `qgamma(p, shape = a)`), for a > 0 and 0 ≤ p < 1.
    public static func quantile(_ p: Double, shape a: Double) -> Double {
        precondition(a > 0, "the gamma shape must be greater than zero")
        precondition(p >= 0 && p <= 1, "a probability must lie in [0, 1]")
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        // Work on whichever tail is smaller, so the target keeps its relative precision.
        let upper = p > 0.5
        let target = upper ? 1 - p : p
        func tail(_ x: Double) -> Double { upper ? upperRegularized(a, x) : lowerRegularized(a, x) }

        // Bracket the root: the tail is monotone in x (decreasing for the upper tail).
        var low = 0.0
        var high = max(1.0, a)
        while (upper ? tail(high) > target : tail(high) < target) {
            low = high
            high *= 2
        }
        var x = initialGuess(p, a)
        if !(x > low && x < high) { x = 0.5 * (low + high) }
        for _ in 0..<200 {
            let f = tail(x) - target
            if f == 0 { return x }
            let below = upper ? f > 0 : f < 0
            if below { low = x } else { high = x }
            // Newton step: d tail/dx = ±density.
            let slope = upper ? -density(a, x) : density(a, x)
            var next = slope != 0 && slope.isFinite ? x - f / slope : .nan
            if !(next > low && next < high) { next = 0.5 * (low + high) }
            if abs(next - x) <= 4 * Double.ulpOfOne * x || high - low <= 4 * Double.ulpOfOne * high {
                return next
            }
            x = next
        }
        return x
    }

    /// A starting point for the inversion (Wilson–Hilferty for a ≥ 1, the small-x power law below).
    private static func initialGuess(_ p: Double, _ a: Double) -> Double {
        if a >= 1 {
            let z = NormalDistribution.quantile(p)
            let c = 1 / (9 * a)
            let guess = a * pow(max(1 - c + z * c.squareRoot(), 1e-3), 3)
            return guess
        }
        return pow(p * exp(lgamma(a + 1)), 1 / a)
    }

    /// Series expansion of P(a, x), converging fast for x < a + 1.
    private static func series(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    /// Lentz's continued fraction for Q(a, x), converging fast for x ≥ a + 1.
    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-17 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}

/// The chi-square distribution, as a gamma distribution with shape df/2 and scale 2.
public enum ChiSquareDistribution {
    /// P(X ≤ x) for `degreesOfFreedom` > 0.
    public static func cdf(_ x: Double, degreesOfFreedom df: Double) -> Double {
        x <= 0 ? 0 : GammaDistribution.lowerRegularized(df / 2, x / 2)
    }

    /// P(X > x) for `degreesOfFreedom` > 0.
    public static func upperTail(_ x: Double, degreesOfFreedom df: Double) -> Double {
        x <= 0 ? 1 : GammaDistribution.upperRegularized(df / 2, x / 2)
    }

    /// R's `qchisq(p, df)`; with 0 degrees of freedom the distribution is a point mass at 0, as in R.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(df >= 0, "degrees of freedom cannot be negative")
        if df == 0 { return 0 }
        return 2 * GammaDistribution.quantile(p, shape: df / 2)
    }
}

/// The Poisson distribution's cumulative probabilities, through the incomplete gamma identity
/// P(X ≤ k; λ) = Q(k + 1, λ).
public enum PoissonDistribution {
    /// P(X ≤ k) for mean λ ≥ 0.
    public static func cdf(_ k: Int, mean lambda: Double) -> Double {
        if k < 0 { return 0 }
        if lambda == 0 { return 1 }
        return GammaDistribution.upperRegularized(Double(k) + 1, lambda)
    }

    /// P(X ≥ k) for mean λ ≥ 0.
    public static func upperTail(atLeast k: Int, mean lambda: Double) -> Double {
        if k <= 0 { return 1 }
        if lambda == 0 { return 0 }
        return GammaDistribution.lowerRegularized(Double(k), lambda)
    }
}
