import Foundation

/// A target to rate a value against (METHODS.md §10; Fingertips `TargetComparerFactory`).
public enum TargetRule: Sendable, Hashable {
    /// A single value, compared with the area's value; meeting it exactly counts as meeting it
    /// (Fingertips `SingleValueTargetComparer`, `UseCIsForLimitComparison` false).
    case singleValue(Double)
    /// A single value, compared with the area's 95% limits: lower limit ≥ target is above,
    /// upper limit < target is below, otherwise amber (Fingertips `SingleValueTargetComparer`,
    /// `UseCIsForLimitComparison` true). Only the limits are needed, not the value.
    case singleValueUsingConfidenceLimits(Double)
    /// A range [lower, upper): below `lower` is below, at or above `upper` is above, otherwise
    /// amber. `lower` may equal `upper`; above it is an error (Fingertips `RangeTargetComparer`).
    /// A local "amber within a tolerance" rule is `range(lower: target − tolerance, upper: target)`.
    case range(lower: Double, upper: Double)
    /// A range whose limits are percentiles of all areas' values (Fingertips
    /// `BespokeTargetPercentileRangeComparer`).
    case percentileRange(PercentileRangeTarget)
    /// Last year's England value: below it is worse, otherwise better, **whatever the polarity**
    /// (Fingertips `BespokeTargetPreviousYearEnglandValueComparer` ignores polarity, a reference
    /// quirk kept for parity; `nil` when England had no value, giving not compared).
    case previousYearEnglandValue(Double?)
}

/// A percentile-range target with its limits worked out from every area's value (METHODS.md §10,
/// §7; Fingertips `BespokeTargetPercentileRangeCalculator`): type-7 percentiles (Excel
/// PERCENTILE.INC), rounded to 10 decimal places as Fingertips does.
public struct PercentileRangeTarget: Sendable, Hashable {
    /// The lower percentile, 0–100 (e.g. 25).
    public var lowerPercentile: Double
    /// The upper percentile, 0–100 (e.g. 75).
    public var upperPercentile: Double
    /// The value at the lower percentile; nil with fewer than 4 values.
    public var lowerLimit: Double?
    /// The value at the upper percentile; nil with fewer than 4 values.
    public var upperLimit: Double?

    /// The target for percentiles `lowerPercentile`–`upperPercentile` (0–100) of `areaValues`.
    /// Missing and non-finite values are left out. Fingertips needs at least 4 values; with
    /// fewer the limits are nil and every comparison is not compared (Fingertips would compare
    /// against a percentile of 0).
    public init(lowerPercentile: Double, upperPercentile: Double, areaValues: [Double?]) throws(ComparisonError) {
        for percentile in [lowerPercentile, upperPercentile] where !(0...100).contains(percentile) {
            throw .percentileOutOfRange(percentile)
        }
        guard lowerPercentile <= upperPercentile else {
            throw .percentilesOutOfOrder(lower: lowerPercentile, upper: upperPercentile)
        }
        self.lowerPercentile = lowerPercentile
        self.upperPercentile = upperPercentile
        let sorted = areaValues.compactMap { $0 }.filter(\.isFinite).sorted()
        if sorted.count >= 4 {
            lowerLimit = Self.percentile(lowerPercentile / 100, ofSorted: sorted)
            upperLimit = Self.percentile(upperPercentile / 100, ofSorted: sorted)
        }
    }

    /// Type-7 percentile: position h = (n − 1)·f, interpolating between the neighbours, rounded
    /// to 10 dp half away from zero to remove floating-point artefacts (as Fingertips does).
    private static func percentile(_ fraction: Double, ofSorted values: [Double]) -> Double {
        let position = Double(values.count - 1) * fraction
        let below = Int(position.rounded(.down))
        if below >= values.count - 1 { return values[values.count - 1] }
        let weight = position - Double(below)
        let exact = values[below] + weight * (values[below + 1] - values[below])
        let scale = 1e10
        let rounded = (exact * scale).rounded(.toNearestOrAwayFromZero) / scale
        return rounded.isFinite ? rounded : exact
    }
}
