/// Input a statistic cannot be computed from, with a message that says what was expected.
/// The messages follow PHEindicatormethods' wording where it has one (METHODS.md §1, §2).
public struct StatisticsInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in words a user can act on.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// A count or numerator below zero.
    public static let negativeNumerator = StatisticsInputError("numerators must be greater than or equal to zero")
    /// A denominator of zero or less.
    public static let nonPositiveDenominator = StatisticsInputError("denominators must be greater than zero")
    /// A proportion whose numerator exceeds its denominator.
    public static let numeratorAboveDenominator = StatisticsInputError(
        "numerators must be less than or equal to denominator for a proportion statistic"
    )
}
