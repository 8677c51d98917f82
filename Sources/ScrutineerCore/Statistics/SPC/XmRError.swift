/// Why an XmR chart could not be calculated from the input given (METHODS.md §9).
public enum XmRError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A value is NaN or infinite.
    case valueNotFinite(period: String)
    /// The target is NaN or infinite.
    case targetNotFinite
    /// `fixAfterPoints` is below 2.
    case fixAfterPointsTooSmall(Int)
    /// Two points share a period label.
    case duplicatePeriod(String)
    /// A rebase index is outside the series.
    case rebaseIndexOutOfRange(index: Int, pointCount: Int)
    /// A rebase period label matches no point.
    case rebasePeriodNotFound(String)

    /// What was wrong and what was expected, in words an analyst can act on.
    public var description: String {
        switch self {
        case let .valueNotFinite(period):
            "value for period \(period) must be a finite number; leave it empty (nil) when it is missing"
        case .targetNotFinite:
            "target must be a finite number, or nil for no target"
        case let .fixAfterPointsTooSmall(n):
            "fixAfterPoints must be at least 2 (limits need at least one moving range); got \(n)"
        case let .duplicatePeriod(period):
            "period \(period) appears more than once; each point must have its own period label"
        case let .rebaseIndexOutOfRange(index, count):
            "rebase index \(index) is outside the series; expected 0 to \(max(count - 1, 0))"
        case let .rebasePeriodNotFound(period):
            "rebase period \(period) matches no point in the series"
        }
    }
}
