import Foundation
import Testing
@testable import ScrutineerCore

/// The Poisson means behind funnel lines and SPC-for-DSR limits (METHODS.md §6.2 `poisson_funnel`, §2.3 Fingertips
/// `PoisLow`/`PoisHigh`): the Poisson mean at which an observed count sits on a one-sided tail.
@Suite("Funnel plots: Poisson funnel means (METHODS.md §2.3, §6.2)")
struct PoissonMeanBoundsFunnelTests {
    static let tails = [0.025, 0.001]

    @Test("Closed forms: P(X ≤ 0; μ) = e^−μ and P(X ≥ 1; μ) = 1 − e^−μ")
    func closedForms() {
        for p in Self.tails {
            #expect(isClose(PoissonMeanBounds.upper(events: 0, p: p), -log(p), relative: 1e-12))
            #expect(isClose(PoissonMeanBounds.lower(events: 1, p: p), -log1p(-p), relative: 1e-12))
            // P(X ≥ 0) = 1 for every mean, so only μ = 0 is on the limit (PHE's bisection tends to 0).
            #expect(PoissonMeanBounds.lower(events: 0, p: p) == 0)
        }
    }

    @Test("The means solve the Poisson tail equations and equal the exact chi-square limits of §2.1",
          arguments: [1, 2, 9, 10, 57, 500, 20_000])
    func solvesTailEquation(_ k: Int) {
        for p in Self.tails {
            let upperLine = PoissonMeanBounds.lower(events: Double(k), p: p)
            let lowerLine = PoissonMeanBounds.upper(events: Double(k), p: p)
            #expect(isClose(PoissonDistribution.upperTail(atLeast: k, mean: upperLine), p, relative: 1e-9), "k = \(k), p = \(p)")
            #expect(isClose(PoissonDistribution.cdf(k, mean: lowerLine), p, relative: 1e-9), "k = \(k), p = \(p)")
            #expect(isClose(upperLine, ChiSquareDistribution.quantile(p, degreesOfFreedom: 2 * Double(k)) / 2, relative: 1e-10), "k = \(k)")
            #expect(isClose(lowerLine, ChiSquareDistribution.quantile(1 - p, degreesOfFreedom: 2 * Double(k) + 2) / 2, relative: 1e-10), "k = \(k)")
            #expect(upperLine < Double(k) && Double(k) < lowerLine, "k = \(k)")
        }
    }
}
