/// Why a quantile, band or rank could not be calculated from the values given (METHODS.md §7).
public enum QuantileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The number of quantiles asked for was below 1.
    case quantileCountNotPositive(Int)
    /// A value was NaN or infinite; missing values must be passed as nil.
    case valueNotFinite(position: Int)
    /// The list of group keys was not the same length as the list of values.
    case groupCountMismatch(values: Int, groups: Int)
    /// The single value to place in a band or category was NaN or infinite (pass nil for missing).
    case placedValueNotFinite(Double)
    /// A percentile fraction was outside 0...1.
    case fractionOutOfRange(Double)

    /// What was wrong and what was expected, in plain English.
    public var description: String {
        switch self {
        case let .quantileCountNotPositive(count):
            "number of quantiles must be at least 1 (got \(count))"
        case let .valueNotFinite(position):
            "value at position \(position) is not a finite number; pass a missing value as nil, not NaN or infinity"
        case let .groupCountMismatch(values, groups):
            "every value needs one group key: got \(values) values but \(groups) group keys"
        case let .placedValueNotFinite(value):
            "the value to place (\(value)) is not a finite number; pass a missing value as nil"
        case let .fractionOutOfRange(fraction):
            "percentile fraction must be between 0 and 1 (got \(fraction))"
        }
    }
}

/// Throws `QuantileError.valueNotFinite` for the first NaN or infinite value.
func requireFinite(_ values: [Double?]) throws {
    for (position, value) in values.enumerated() {
        if let value, !value.isFinite { throw QuantileError.valueNotFinite(position: position) }
    }
}

/// Throws `QuantileError.valueNotFinite` for the first NaN or infinite value.
func requireFinite(_ values: [Double]) throws {
    for (position, value) in values.enumerated() where !value.isFinite {
        throw QuantileError.valueNotFinite(position: position)
    }
}
