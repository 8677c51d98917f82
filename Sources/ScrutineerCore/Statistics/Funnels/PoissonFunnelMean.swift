import Foundation

/// The Poisson means at which an observed count sits exactly on a one-sided tail probability:
/// the Poisson funnel behind ratio and rate funnel limits (METHODS.md §6.2; PHEindicatormethods
/// `poisson_funnel`, which is the Fingertips `PoisLow`/`PoisHigh` bisection, METHODS.md §2.3).
///
/// The references find these means by bisection over summed Poisson terms (to about 1e-7). Here the
/// tail equation is solved directly with the incomplete gamma function, using the identities
/// P(X ≥ k; μ) = P(k, μ) and P(X ≤ k; μ) = Q(k + 1, μ) — the same numbers as the exact chi-square
/// limits `qchisq(p, 2k)/2` and `qchisq(1 − p, 2k + 2)/2` of §2.1, to the precision of
/// `GammaDistribution.quantile` (~1e-12). Internal: it is a candidate to merge with the
/// Fingertips `PoisLow`/`PoisHigh` port kept with the benchmark comparisons.
enum PoissonFunnelMean {
    /// The mean μ with P(X ≥ k; μ) = `tailProbability`: the exact one-sided lower limit of an
    /// observed count k (PHE `poisson_funnel(k, p, "low")`, Fingertips `PoisLow`). 0 for k = 0.
    static func meanWithUpperTail(atLeast k: Int, tailProbability p: Double) -> Double {
        precondition(k >= 0, "a Poisson count cannot be negative")
        precondition(p > 0 && p < 1, "a tail probability must lie strictly between 0 and 1")
        // P(X ≥ 0) is 1 whatever the mean, so the only mean on the limit is 0.
        if k == 0 { return 0 }
        return GammaDistribution.quantile(p, shape: Double(k))
    }

    /// The mean μ with P(X ≤ k; μ) = `tailProbability`: the exact one-sided upper limit of an
    /// observed count k (PHE `poisson_funnel(k, p, "high")`, Fingertips `PoisHigh`).
    static func meanWithLowerTail(atMost k: Int, tailProbability p: Double) -> Double {
        precondition(k >= 0, "a Poisson count cannot be negative")
        precondition(p > 0 && p < 1, "a tail probability must lie strictly between 0 and 1")
        // Q(k + 1, μ) = p  ⇔  P(k + 1, μ) = 1 − p.
        return GammaDistribution.quantile(1 - p, shape: Double(k) + 1)
    }
}
