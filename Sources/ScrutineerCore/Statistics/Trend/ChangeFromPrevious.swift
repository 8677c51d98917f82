/// Compares the most recent value with the previous one by overlapping 95% confidence intervals
/// (METHODS.md §8.2; Fingertips `TrendBetweenTwoValuesCalculator`, which uses the method-12
/// `DoubleOverlappingCIsComparer`).
public enum ChangeFromPrevious {
    /// `.noChange` when the two 95% intervals overlap (touching counts), otherwise `.increasing` or
    /// `.decreasing` by value; `.cannotBeCalculated` when either point, its value or a limit is missing.
    /// The caller picks the two most recent periods (sorted by period, not by input order).
    ///
    /// - Throws: `TrendError` for numbers that are not finite or limits out of order.
    public static func marker(latest: TrendPoint?, previous: TrendPoint?) throws(TrendError) -> TrendMarker {
        try latest?.validate(position: 2)
        try previous?.validate(position: 1)
        guard let latest, let previous,
              let latestValue = latest.value, let latestLower = latest.lower95, let latestUpper = latest.upper95,
              let previousValue = previous.value, let previousLower = previous.lower95, let previousUpper = previous.upper95
        else { return .cannotBeCalculated }
        let direction = BenchmarkComparison.doubleOverlapDirection(
            value: latestValue, interval: latestLower...latestUpper,
            benchmarkValue: previousValue, benchmarkInterval: previousLower...previousUpper
        )
        switch direction {
        case .same: return .noChange
        case .lower, .muchLower: return .decreasing
        case .higher, .muchHigher: return .increasing
        }
    }
}
