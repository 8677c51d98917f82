import Foundation

/// A mean with its Student's t interval and the figures it came from (PHE `phe_mean`).
public struct MeanEstimate: Sendable, Hashable {
    /// How many values.
    public var count: Int
    /// Their sum.
    public var sum: Double
    /// The sample standard deviation (n − 1 divisor); nil for a single value.
    public var standardDeviation: Double?
    /// The mean with its limits (nil limits for a single value).
    public var estimate: Estimate
}

/// Means with Student's t confidence intervals (METHODS.md §3).
public enum MeanInterval {
    /// `mean ∓ |qt((1 − conf)/2, n − 1)|·sd/√n`; nil for no values.
    public static func estimate(of values: [Double], level: ConfidenceLevel) -> MeanEstimate? {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        let sum = values.reduce(0, +)
        let mean = sum / n
        guard values.count > 1 else {
            return MeanEstimate(count: 1, sum: sum, standardDeviation: nil, estimate: Estimate(value: mean, lower: nil, upper: nil))
        }
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let t = abs(StudentTDistribution.quantile((1 - level.probability) / 2, degreesOfFreedom: n - 1))
        let half = t * sd / n.squareRoot()
        return MeanEstimate(count: values.count, sum: sum, standardDeviation: sd, estimate: Estimate(value: mean, lower: mean - half, upper: mean + half))
    }
}
