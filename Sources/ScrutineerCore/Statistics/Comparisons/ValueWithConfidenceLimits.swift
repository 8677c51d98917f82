/// An area's (or a benchmark's) published value with its confidence limits and denominator: what
/// the Fingertips comparers read from a `CoreDataSet` (METHODS.md §6.1). Missing parts are `nil`
/// (Fingertips stores -1 for a missing value; read that as `nil`, METHODS.md §0).
public struct ValueWithConfidenceLimits: Sendable, Hashable {
    /// The value (a percentage, a rate per unit, ...).
    public var value: Double?
    /// Lower 95% confidence limit.
    public var lower95: Double?
    /// Upper 95% confidence limit.
    public var upper95: Double?
    /// Lower 99.8% confidence limit.
    public var lower99_8: Double?
    /// Upper 99.8% confidence limit.
    public var upper99_8: Double?
    /// The denominator the SPC comparers need: the number of people for SPC for proportions
    /// (Fingertips `Denominator`), the population for SPC for DSR (Fingertips `Denominator2`).
    public var denominator: Double?

    /// A value with whichever limits and denominator are known.
    public init(
        value: Double?,
        lower95: Double? = nil,
        upper95: Double? = nil,
        lower99_8: Double? = nil,
        upper99_8: Double? = nil,
        denominator: Double? = nil
    ) {
        self.value = value
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower99_8 = lower99_8
        self.upper99_8 = upper99_8
        self.denominator = denominator
    }

    /// The 95% interval when both limits are present.
    var interval95: ClosedRange<Double>? {
        guard let lower95, let upper95 else { return nil }
        return lower95...upper95
    }

    /// The 99.8% interval when both limits are present.
    var interval99_8: ClosedRange<Double>? {
        guard let lower99_8, let upper99_8 else { return nil }
        return lower99_8...upper99_8
    }

    /// Throws when a number is not finite, a pair of limits is out of order or the denominator is negative.
    func validate(as role: String) throws(ComparisonError) {
        let numbers: [(String, Double?)] = [
            ("value", value), ("lower 95% limit", lower95), ("upper 95% limit", upper95),
            ("lower 99.8% limit", lower99_8), ("upper 99.8% limit", upper99_8), ("denominator", denominator),
        ]
        for case let (name, number?) in numbers where !number.isFinite {
            throw .notFinite("\(role) \(name)")
        }
        if let lower95, let upper95, lower95 > upper95 {
            throw .limitsOutOfOrder("\(role) 95% limits", lower: lower95, upper: upper95)
        }
        if let lower99_8, let upper99_8, lower99_8 > upper99_8 {
            throw .limitsOutOfOrder("\(role) 99.8% limits", lower: lower99_8, upper: upper99_8)
        }
        if let denominator, denominator < 0 {
            throw .negativeDenominator(denominator)
        }
    }
}
