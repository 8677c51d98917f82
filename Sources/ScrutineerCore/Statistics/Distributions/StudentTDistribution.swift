import Foundation

/// Student's t distribution, for the confidence interval of a mean (METHODS.md §3).
public enum StudentTDistribution {
    /// P(T > t) for t ≥ 0 and ν > 0 degrees of freedom: ½·I_{ν/(ν+t²)}(ν/2, ½).
    public static func upperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be greater than zero")
        if t < 0 { return 1 - upperTail(-t, degreesOfFreedom: nu) }
        return 0.5 * BetaFunction.regularizedIncomplete(nu / (nu + t * t), nu / 2, 0.5)
    }

    /// The density at t.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        exp(lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi) - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// R's `qt(p, df)`: the t with P(T ≤ t) = p.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a probability must lie in [0, 1]")
        if p == 0.5 { return 0 }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = min(p, 1 - p)
        // Solve upperTail(t) = q for t > 0, bracketing then Newton with bisection fallback.
        var low = 0.0
        var high = 1.0
        while upperTail(high, degreesOfFreedom: nu) > q { low = high; high *= 2 }
        var t = 0.5 * (low + high)
        for _ in 0..<300 {
            let f = upperTail(t, degreesOfFreedom: nu) - q
            if f == 0 { break }
            if f > 0 { low = t } else { high = t }
            var next = t + f / density(t, degreesOfFreedom: nu)
            if !(next > low && next < high) { next = 0.5 * (low + high) }
            if abs(next - t) <= 4 * Double.ulpOfOne * t || high - low <= 4 * Double.ulpOfOne * high {
                t = next
                break
            }
            t = next
        }
        return p < 0.5 ? -t : t
    }
}

/// The regularised incomplete beta function I_x(a, b).
public enum BetaFunction {
    /// I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0, by Lentz's continued fraction.
    public static func regularizedIncomplete(_ x: Double, _ a: Double, _ b: Double) -> Double {
        precondition(x >= 0 && x <= 1 && a > 0 && b > 0, "the incomplete beta needs 0 ≤ x ≤ 1 and a, b > 0")
        if x == 0 || x == 1 { return x }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x, a, b) / a
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d; if abs(d) < tiny { d = tiny }
            c = 1 + even / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d; if abs(d) < tiny { d = tiny }
            c = 1 + odd / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
