import Testing
import ScrutineerCore

/// Expected values: METHODS.md §0 for the constants the references publish; the others are
/// R/SciPy quantiles (scipy.stats 1.17.1 `norm.ppf`, `chi2.ppf`, `t.ppf`, `poisson.cdf`/`sf`,
/// which agree with R's `qnorm`, `qchisq`, `qt`, `ppois` to the last digit shown).
@Suite("Distributions: quantiles to 1e-12 relative")
struct DistributionTests {
    @Test("z for 95% and 99.8% equal METHODS.md §0's qnorm(0.975) and qnorm(0.999)")
    func twoSidedZ() {
        #expect(isClose(ConfidenceLevel.ninetyFive.z, 1.959963984540054, relative: 1e-14))
        #expect(isClose(ConfidenceLevel.ninetyNinePointEight.z, 3.090232306167813, relative: 1e-14))
    }

    @Test("normal quantile in the body and far tail (SciPy norm.ppf)", arguments: [
        (0.975, 1.959963984540054), (0.3, -0.5244005127080409), (1e-10, -6.361340902404056), (0.5, 0),
    ])
    func normalQuantile(p: Double, expected: Double) {
        #expect(isClose(NormalDistribution.quantile(p), expected, relative: 1e-12), "qnorm(\(p))")
    }

    @Test("the recent-trend critical value qchisq(0.998, 1) = 9.54953570608324 (METHODS.md §0)")
    func trendCriticalValue() {
        #expect(isClose(ChiSquareDistribution.quantile(0.998, degreesOfFreedom: 1), 9.54953570608324, relative: 1e-12))
    }

    @Test("chi-square quantiles, small and large df, both tails (SciPy chi2.ppf)", arguments: [
        (0.025, 2.0, 0.05063561596857975), (0.975, 20.0, 34.16960690283833),
        (0.001, 0.5, 1.3499395786230753e-12), (0.999, 400.0, 493.1317587399478),
    ])
    func chiSquareQuantile(p: Double, df: Double, expected: Double) {
        #expect(isClose(ChiSquareDistribution.quantile(p, degreesOfFreedom: df), expected, relative: 1e-12), "qchisq(\(p), \(df))")
    }

    @Test("qchisq with 0 degrees of freedom is 0, as R gives for a zero count (METHODS.md §2.2)")
    func chiSquareZeroDF() {
        #expect(ChiSquareDistribution.quantile(0.025, degreesOfFreedom: 0) == 0)
    }

    @Test("Student t quantiles (SciPy t.ppf)", arguments: [
        (0.975, 7.0, 2.364624251592784), (0.999, 17.0, 3.6457673800784094),
        (0.025, 1.0, -12.706204736174705), (0.9995, 2.5, 18.277893528131457),
    ])
    func studentTQuantile(p: Double, df: Double, expected: Double) {
        #expect(isClose(StudentTDistribution.quantile(p, degreesOfFreedom: df), expected, relative: 1e-12), "qt(\(p), \(df))")
    }

    @Test("Poisson tail sums (SciPy poisson.cdf(3, 2.5), poisson.sf(9, 2.5))")
    func poissonTails() {
        #expect(isClose(PoissonDistribution.cdf(3, mean: 2.5), 0.7575761331330662, relative: 1e-12))
        #expect(isClose(PoissonDistribution.upperTail(atLeast: 10, mean: 2.5), 0.0002773520946208362, relative: 1e-12))
    }
}
