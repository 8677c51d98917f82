/// One period of a series for trend calculations (METHODS.md §8): the value with its 95% limits
/// and, for the proportion path, the count and denominator. Missing parts are `nil`.
public struct TrendPoint: Sendable, Hashable {
    /// The published value.
    public var value: Double?
    /// Lower 95% confidence limit.
    public var lower95: Double?
    /// Upper 95% confidence limit.
    public var upper95: Double?
    /// The count (numerator), e.g. admissions.
    public var count: Double?
    /// The denominator, e.g. children aged 0 to 14.
    public var denominator: Double?

    /// A point with whichever parts are known.
    public init(value: Double?, lower95: Double? = nil, upper95: Double? = nil, count: Double? = nil, denominator: Double? = nil) {
        self.value = value
        self.lower95 = lower95
        self.upper95 = upper95
        self.count = count
        self.denominator = denominator
    }

    /// Whether the value and both 95% limits are present.
    var hasValueAndInterval: Bool { value != nil && lower95 != nil && upper95 != nil }

    /// Throws when a number is not finite, the limits are out of order, the count is negative or
    /// the denominator is not positive.
    func validate(position: Int) throws(TrendError) {
        let numbers: [(String, Double?)] = [
            ("value", value), ("lower 95% limit", lower95), ("upper 95% limit", upper95),
            ("count", count), ("denominator", denominator),
        ]
        for case let (name, number?) in numbers where !number.isFinite {
            throw .notFinite(name, position: position)
        }
        if let lower95, let upper95, lower95 > upper95 {
            throw .limitsOutOfOrder(lower: lower95, upper: upper95, position: position)
        }
        if let count, count < 0 { throw .negativeCount(count, position: position) }
        if let denominator, denominator <= 0 { throw .denominatorNotPositive(denominator, position: position) }
    }
}
