import Foundation

/// Q0...Q4 of the latest values of every local authority, as DfE LAIT computes them with R
/// `quantile(values, na.rm = TRUE)` (type 7) (METHODS.md §7.1 and §13.3).
///
/// A bound is nil when it could not be calculated (no values at all). Values are never rounded
/// before banding; only the displayed ranges are.
public struct LAITQuartileBounds: Sendable, Hashable, Codable {
    /// Minimum (0%).
    public let q0: Double?
    /// Lower quartile (25%).
    public let q1: Double?
    /// Median (50%).
    public let q2: Double?
    /// Upper quartile (75%).
    public let q3: Double?
    /// Maximum (100%).
    public let q4: Double?

    /// Bounds given directly (nil = missing bound, which bands touching it report as Error).
    public init(q0: Double?, q1: Double?, q2: Double?, q3: Double?, q4: Double?) {
        self.q0 = q0
        self.q1 = q1
        self.q2 = q2
        self.q3 = q3
        self.q4 = q4
    }

    /// Type-7 quartiles of the non-missing `latestValues` of every LA; all bounds nil when none is present.
    public init(latestValues: [Double?]) throws {
        try requireFinite(latestValues)
        let sorted = latestValues.compactMap { $0 }.sorted()
        let quartiles = [0.0, 0.25, 0.5, 0.75, 1.0].map { Self.typeSevenQuantile(ofSorted: sorted, probability: $0) }
        self.init(q0: quartiles[0], q1: quartiles[1], q2: quartiles[2], q3: quartiles[3], q4: quartiles[4])
    }

    /// The five bounds in order Q0...Q4.
    public var all: [Double?] { [q0, q1, q2, q3, q4] }

    /// R `quantile(type = 7)` of sorted values, computed the way R does (index `1 + (n − 1)·p`,
    /// then `(1 − h)·x[lo] + h·x[hi]` only when the two order statistics differ), so a bound equal
    /// to a data value is exactly that value; nil when there are no values.
    static func typeSevenQuantile(ofSorted sorted: [Double], probability: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let index = 1 + Double(sorted.count - 1) * probability
        let lo = index.rounded(.down)
        let hi = index.rounded(.up)
        let lower = sorted[Int(lo) - 1]
        let upper = sorted[Int(hi) - 1]
        guard index > lo, upper != lower else { return lower }
        let h = index - lo
        return (1 - h) * lower + h * upper
    }

    /// The LAIT band of `value` for a measure with `polarity`.
    ///
    /// - No judgement, or `showsQuartiles == false` (dictionary `No_Quartile`) ⇒ "-" (even for a missing value).
    /// - Missing value ⇒ nil.
    /// - Low is good: [Q0, Q1] ⇒ A, (Q1, Q2] ⇒ B, (Q2, Q3] ⇒ C, (Q3, Q4] ⇒ D.
    /// - High is good: [Q0, Q1] ⇒ D, (Q1, Q2] ⇒ C, (Q2, Q3] ⇒ B, (Q3, Q4] ⇒ A.
    /// - Outside [Q0, Q4], or in an interval whose bound is missing ⇒ Error.
    public func band(for value: Double?, polarity: Polarity, showsQuartiles: Bool = true) throws -> LAITQuartileBand? {
        guard showsQuartiles, polarity != .noJudgement else { return .notApplicable }
        guard let value else { return nil }
        guard value.isFinite else { throw QuantileError.placedValueNotFinite(value) }
        let bandsFromLowestValues: [LAITQuartileBand] = polarity == .lowIsGood ? [.a, .b, .c, .d] : [.d, .c, .b, .a]
        let bounds = all
        for interval in 0..<4 {
            // Like R's case_when, a comparison with a missing bound never matches.
            guard let lower = bounds[interval], let upper = bounds[interval + 1] else { continue }
            let aboveLower = interval == 0 ? value >= lower : value > lower
            if aboveLower && value <= upper { return bandsFromLowestValues[interval] }
        }
        return .error
    }
}
