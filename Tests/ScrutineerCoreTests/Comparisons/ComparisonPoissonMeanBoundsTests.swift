import Foundation
import Testing
import ScrutineerCore

@Suite("Poisson mean bounds by bisection for comparisons (METHODS.md §2.3)")
struct ComparisonPoissonMeanBoundsTests {
    /// rate_byars_exact.csv, PHEindicatormethods testdata_Rate.xlsx: every "Exact" row (count < 10)
    /// has limits qchisq(p, 2x)/2 and qchisq(1 − p, 2x + 2)/2 scaled by multiplier/denominator,
    /// which the Fingertips bisection must reproduce.
    @Test("rate_byars_exact.csv: every Exact row's count limits (PHEindicatormethods phe_rate)")
    func exactRowsOfRateVectors() throws {
        let file = try VectorFile("rate_byars_exact.csv")
        var checked = 0
        for row in file.rows where row["method"] == "Exact" {
            guard let count = try row.double("numerator"), let denominator = try row.double("denominator"),
                  let lower = try row.double("lower"), let upper = try row.double("upper") else { continue }
            let level = try #require(ConfidenceLevel(probability: try row.requiredDouble("confidence")), "\(row)")
            let scale = try row.requiredDouble("multiplier") / denominator
            let ourLower = try PoissonMeanBounds.lower(count: count, level: level) * scale
            let ourUpper = try PoissonMeanBounds.upper(count: count, level: level) * scale
            #expect(isClose(ourLower, lower, relative: 1e-9), "\(row): lower \(ourLower) vs \(lower)")
            #expect(isClose(ourUpper, upper, relative: 1e-9), "\(row): upper \(ourUpper) vs \(upper)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test("Zero events: lower 0, upper −ln p = 3.6889 at 95% and 6.9078 at 99.8% (METHODS.md §2.2)")
    func zeroEvents() throws {
        #expect(try PoissonMeanBounds.lower(count: 0, p: 0.025) == 0)
        #expect(isClose(try PoissonMeanBounds.upper(count: 0, p: 0.025), -log(0.025), relative: 1e-12))
        #expect(isClose(try PoissonMeanBounds.upper(count: 0, p: 0.001), -log(0.001), relative: 1e-12))
    }

    @Test("Non-integer counts count whole events: lower uses ⌈x⌉, upper ⌊x⌋ (METHODS.md §2.3)")
    func nonIntegerCounts() throws {
        #expect(try PoissonMeanBounds.lower(count: 12.3, p: 0.025) == PoissonMeanBounds.lower(count: 13, p: 0.025))
        #expect(try PoissonMeanBounds.upper(count: 12.3, p: 0.025) == PoissonMeanBounds.upper(count: 12, p: 0.025))
    }

    @Test("Large counts stay accurate (no underflow of e^−μ): qchisq values from SciPy chi2.ppf")
    func largeCounts() throws {
        // qchisq(0.025, 20000)/2, qchisq(0.975, 20002)/2 and qchisq(0.001, 1e6)/2.
        #expect(isClose(try PoissonMeanBounds.lower(count: 10_000, p: 0.025), 9804.952467260184, relative: 1e-9))
        #expect(isClose(try PoissonMeanBounds.upper(count: 10_000, p: 0.025), 10197.951624661473, relative: 1e-9))
        #expect(isClose(try PoissonMeanBounds.lower(count: 500_000, p: 0.001), 497817.7253157978, relative: 1e-9))
    }

    @Test("Invalid input throws: negative count, p outside (0, 1)")
    func invalidInput() {
        #expect(throws: PoissonMeanBoundsError.negativeCount(-1)) { try PoissonMeanBounds.lower(count: -1, p: 0.025) }
        #expect(throws: PoissonMeanBoundsError.tailProbabilityOutOfRange(1)) { try PoissonMeanBounds.upper(count: 3, p: 1) }
        #expect(throws: PoissonMeanBoundsError.countNotFinite) { try PoissonMeanBounds.upper(count: .nan, p: 0.025) }
    }
}
