/// Invalid input to a trend calculation (METHODS.md §8), naming the point (1 = the first given).
public enum TrendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A number was infinite or not a number.
    case notFinite(String, position: Int)
    /// The lower 95% limit was above the upper one.
    case limitsOutOfOrder(lower: Double, upper: Double, position: Int)
    /// A count was negative.
    case negativeCount(Double, position: Int)
    /// A denominator was zero or negative.
    case denominatorNotPositive(Double, position: Int)
    /// For the proportion path a count was above its denominator.
    case countAboveDenominator(count: Double, denominator: Double, position: Int)

    public var description: String {
        switch self {
        case let .notFinite(name, position):
            "point \(position): \(name) must be a finite number"
        case let .limitsOutOfOrder(lower, upper, position):
            "point \(position): the lower 95% limit (\(lower)) must not be above the upper limit (\(upper))"
        case let .negativeCount(count, position):
            "point \(position): count must be greater than or equal to zero (got \(count))"
        case let .denominatorNotPositive(denominator, position):
            "point \(position): denominator must be greater than zero (got \(denominator))"
        case let .countAboveDenominator(count, denominator, position):
            "point \(position): count (\(count)) must be less than or equal to the denominator (\(denominator)) for a proportion"
        }
    }
}
