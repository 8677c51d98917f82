/// Why disclosure control could not be applied to the figures given (METHODS.md §11).
public enum DisclosureControlError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A count below zero.
    case negativeCount(Int)
    /// A denominator below zero.
    case negativeDenominator(Int)
    /// A percentage numerator above its denominator.
    case numeratorAboveDenominator(numerator: Int, denominator: Int)
    /// A suppression threshold below zero.
    case thresholdNegative(Int)
    /// A rounding base that is not a positive whole number.
    case roundingBaseNotPositive(Int)
    /// A rate multiplier that is not a positive finite number.
    case multiplierNotPositive(Double)
    /// A table with no rows or no columns.
    case emptyTable
    /// A table whose rows have different numbers of columns.
    case raggedTable(row: Int, columns: Int, expected: Int)

    /// What was wrong and what was expected, in plain English.
    public var description: String {
        switch self {
        case let .negativeCount(count):
            "count must be zero or more (got \(count))"
        case let .negativeDenominator(denominator):
            "denominator must be zero or more (got \(denominator))"
        case let .numeratorAboveDenominator(numerator, denominator):
            "numerator (\(numerator)) must not be above the denominator (\(denominator)) for a percentage"
        case let .thresholdNegative(threshold):
            "largest suppressed count must be zero or more (got \(threshold))"
        case let .roundingBaseNotPositive(base):
            "aggregate rounding base must be a whole number greater than zero (got \(base))"
        case let .multiplierNotPositive(multiplier):
            "rate multiplier must be a number greater than zero (got \(multiplier))"
        case .emptyTable:
            "a table needs at least one row and one column of counts"
        case let .raggedTable(row, columns, expected):
            "every row of the table needs the same number of columns: row \(row) has \(columns), expected \(expected)"
        }
    }
}
