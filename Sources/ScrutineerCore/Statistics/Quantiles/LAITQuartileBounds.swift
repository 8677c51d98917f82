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
        self.init(sortedFiniteValues: latestValues.compactMap { $0 }.sorted())
    }

    /// Q0...Q4 of values already sorted ascending and known finite (the assessment sorts each
    /// period's values once for both the bounds and the ranks).
    init(sortedFiniteValues sorted: [Double]) {
        self.init(
            q0: Self.typeSevenQuantile(ofSorted: sorted, probability: 0), q1: Self.typeSevenQuantile(ofSorted: sorted, probability: 0.25),
            q2: Self.typeSevenQuantile(ofSorted: sorted, probability: 0.5), q3: Self.typeSevenQuantile(ofSorted: sorted, probability: 0.75),
            q4: Self.typeSevenQuantile(ofSorted: sorted, probability: 1)
        )
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
        // Like R's case_when, a comparison with a missing bound never matches. (Written out, not
        // over arrays: the assessment bands every local authority for every measure and period.)
        func within(_ lower: Double?, _ upper: Double?, includingLower: Bool) -> Bool {
            guard let lower, let upper else { return false }
            return (includingLower ? value >= lower : value > lower) && value <= upper
        }
        let lowIsGood = polarity == .lowIsGood
        if within(q0, q1, includingLower: true) { return lowIsGood ? .a : .d }
        if within(q1, q2, includingLower: false) { return lowIsGood ? .b : .c }
        if within(q2, q3, includingLower: false) { return lowIsGood ? .c : .b }
        if within(q3, q4, includingLower: false) { return lowIsGood ? .d : .a }
        return .error
    }
}
