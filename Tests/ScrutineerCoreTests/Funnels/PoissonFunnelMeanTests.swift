import Foundation
import Testing
@testable import ScrutineerCore

/// The internal Poisson-funnel helper (METHODS.md §6.2 `poisson_funnel`, §2.3 Fingertips
/// `PoisLow`/`PoisHigh`): the Poisson mean at which an observed count sits on a one-sided tail.
@Suite("Funnel plots: Poisson funnel means (METHODS.md §2.3, §6.2)")
struct PoissonFunnelMeanTests {
    static let tails = [0.025, 0.001]

    @Test("Closed forms: P(X ≤ 0; μ) = e^−μ and P(X ≥ 1; μ) = 1 − e^−μ")
    func closedForms() {
        for p in Self.tails {
            #expect(isClose(PoissonFunnelMean.meanWithLowerTail(atMost: 0, tailProbability: p), -log(p), relative: 1e-12))
            #expect(isClose(PoissonFunnelMean.meanWithUpperTail(atLeast: 1, tailProbability: p), -log1p(-p), relative: 1e-12))
            // P(X ≥ 0) = 1 for every mean, so only μ = 0 is on the limit (PHE's bisection tends to 0).
            #expect(PoissonFunnelMean.meanWithUpperTail(atLeast: 0, tailProbability: p) == 0)
        }
    }

    @Test("The means solve the Poisson tail equations and equal the exact chi-square limits of §2.1",
          arguments: [1, 2, 9, 10, 57, 500, 20_000])
    func solvesTailEquation(_ k: Int) {
        for p in Self.tails {
            let upperLine = PoissonFunnelMean.meanWithUpperTail(atLeast: k, tailProbability: p)
            let lowerLine = PoissonFunnelMean.meanWithLowerTail(atMost: k, tailProbability: p)
            #expect(isClose(PoissonDistribution.upperTail(atLeast: k, mean: upperLine), p, relative: 1e-9), "k = \(k), p = \(p)")
            #expect(isClose(PoissonDistribution.cdf(k, mean: lowerLine), p, relative: 1e-9), "k = \(k), p = \(p)")
            #expect(isClose(upperLine, ChiSquareDistribution.quantile(p, degreesOfFreedom: 2 * Double(k)) / 2, relative: 1e-10), "k = \(k)")
            #expect(isClose(lowerLine, ChiSquareDistribution.quantile(1 - p, degreesOfFreedom: 2 * Double(k) + 2) / 2, relative: 1e-10), "k = \(k)")
            #expect(upperLine < Double(k) && Double(k) < lowerLine, "k = \(k)")
        }
    }
}
