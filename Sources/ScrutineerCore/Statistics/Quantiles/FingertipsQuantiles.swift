import Foundation

/// Fingertips percentile bounds and quartile/quintile categories (METHODS.md §7; fingertips-open
/// `ValueCategoriesCalculator`, `QuartilesCalculator`, `QuintilesCalculator`, `QuartilesComparer`,
/// `QuintilesComparer`, `IndicatorStatsCalculator`).
///
/// Percentiles interpolate between order statistics (R type 7 / Excel PERCENTILE.INC) and are
/// rounded to 10 decimal places. A value equal to a bound goes to the lower category.
public enum FingertipsQuantiles {
    /// Decimal places Fingertips rounds every percentile bound to.
    public static let boundDecimalPlaces = 10

    /// Percentile `fraction` (0...1) of `values`: `P(f) = v[k] + d·(v[k+1] − v[k])` with
    /// `k + d = (count − 1)·f + 1` on the sorted values (1-based), rounded to 10 dp; nil when empty.
    public static func percentile(of values: [Double], fraction: Double) throws -> Double? {
        guard (0...1).contains(fraction) else { throw QuantileError.fractionOutOfRange(fraction) }
        try requireFinite(values)
        guard !values.isEmpty else { return nil }
        return percentile(ofSorted: values.sorted(), fraction: fraction)
    }

    /// The percentile of already-sorted, non-empty values (no checks).
    static func percentile(ofSorted sorted: [Double], fraction: Double) -> Double {
        let position = Double(sorted.count - 1) * fraction + 1
        let k = Int(position.rounded(.down))
        let d = position - Double(k)
        let lower = sorted[k - 1]
        let value = k < sorted.count ? lower + d * (sorted[k] - lower) : lower
        let scale = 1e10
        return (value * scale).rounded(.toNearestOrEven) / scale
    }

    /// The `categoryCount + 1` bounds min, P(1/n), ..., max (5 for quartiles, 6 for quintiles);
    /// empty when there are no values (Fingertips "null list returns empty list").
    public static func bounds(of values: [Double]?, categoryCount: Int) throws -> [Double] {
        guard categoryCount >= 1 else { throw QuantileError.quantileCountNotPositive(categoryCount) }
        guard let values, !values.isEmpty else { return [] }
        try requireFinite(values)
        let sorted = values.sorted()
        return (0...categoryCount).map { percentile(ofSorted: sorted, fraction: Double($0) / Double(categoryCount)) }
    }

    /// Quartile bounds: min, P25, P50, P75, max (empty when there are no values).
    public static func quartileBounds(of values: [Double]?) throws -> [Double] {
        try bounds(of: values, categoryCount: 4)
    }

    /// Quintile bounds: min, P20, P40, P60, P80, max (empty when there are no values).
    public static func quintileBounds(of values: [Double]?) throws -> [Double] {
        try bounds(of: values, categoryCount: 5)
    }

    /// Quartile 1...4 of `value` among `values` (the first i with value ≤ bound[i], so a value on a
    /// bound goes to the lower quartile). Never reversed for polarity. nil (Fingertips category 0)
    /// when the value is missing, above the maximum, or there are fewer than 4 values.
    public static func quartile(of value: Double?, among values: [Double]?) throws -> Int? {
        try category(of: value, among: values, categoryCount: 4)
    }

    /// Quintile 1...5 of `value` among `values`, reversed (5...1) when high is good, so that for
    /// "RAG - High is good" quintile 1 holds the highest values. nil (Fingertips category 0) when the
    /// value is missing, above the maximum, or there are fewer than 5 values.
    public static func quintile(of value: Double?, among values: [Double]?, polarity: Polarity) throws -> Int? {
        guard let quintile = try category(of: value, among: values, categoryCount: 5) else { return nil }
        return polarity == .highIsGood ? 6 - quintile : quintile
    }

    /// Category 1...categoryCount against the bounds of `values`; nil for too few values or no fit.
    static func category(of value: Double?, among values: [Double]?, categoryCount: Int) throws -> Int? {
        guard let values, values.count >= categoryCount else { return nil }
        guard let value else { return nil }
        guard value.isFinite else { throw QuantileError.placedValueNotFinite(value) }
        let bounds = try bounds(of: values, categoryCount: categoryCount)
        return (1...categoryCount).first { value <= bounds[$0] }
    }

    /// The Fingertips indicator statistics (min, P25, median, P75, max); nil for fewer than 4 values.
    public static func stats(of values: [Double]) throws -> FingertipsIndicatorStats? {
        try requireFinite(values)
        guard values.count >= 4 else { return nil }
        let sorted = values.sorted()
        return FingertipsIndicatorStats(
            minimum: percentile(ofSorted: sorted, fraction: 0),
            lowerQuartile: percentile(ofSorted: sorted, fraction: 0.25),
            median: percentile(ofSorted: sorted, fraction: 0.5),
            upperQuartile: percentile(ofSorted: sorted, fraction: 0.75),
            maximum: percentile(ofSorted: sorted, fraction: 1)
        )
    }
}

/// Summary statistics Fingertips shows beside an indicator's spine chart (`IndicatorStatsCalculator`).
public struct FingertipsIndicatorStats: Sendable, Hashable, Codable {
    /// Smallest value.
    public let minimum: Double
    /// 25th percentile (P25).
    public let lowerQuartile: Double
    /// 50th percentile.
    public let median: Double
    /// 75th percentile (P75).
    public let upperQuartile: Double
    /// Largest value.
    public let maximum: Double

    /// Statistics from already-calculated values.
    public init(minimum: Double, lowerQuartile: Double, median: Double, upperQuartile: Double, maximum: Double) {
        self.minimum = minimum
        self.lowerQuartile = lowerQuartile
        self.median = median
        self.upperQuartile = upperQuartile
        self.maximum = maximum
    }
}
