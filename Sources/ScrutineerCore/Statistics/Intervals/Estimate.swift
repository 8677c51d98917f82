/// A value with its confidence limits, already multiplied into the unit it is shown in.
/// The limits are nil where the method gives none (a mean of one value, Byar's below zero).
public struct Estimate: Sendable, Hashable {
    /// The point estimate (a percentage, a rate per N, a mean...).
    public var value: Double
    /// The lower confidence limit.
    public var lower: Double?
    /// The upper confidence limit.
    public var upper: Double?

    public init(value: Double, lower: Double?, upper: Double?) {
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}
