/// Rates a value against a target: red / amber / green (METHODS.md §10; Fingertips target comparers).
public enum TargetComparison {
    /// The outcome of comparing `area` with `target` for a measure of `polarity`.
    ///
    /// "Above" the target is better for high-is-good and worse for low-is-good; "below" the reverse.
    /// A no-judgement measure is not compared against a single-value, range or percentile target,
    /// since a target needs a good direction (Fingertips returns None for "Not applicable"
    /// polarity and, for percentile targets, for any polarity that is not RAG). The previous-year
    /// England target ignores polarity (a reference quirk).
    ///
    /// Not compared when the value (or, for `.singleValueUsingConfidenceLimits`, either 95% limit)
    /// is missing, or a percentile target has too few values.
    ///
    /// - Throws: `ComparisonError` for numbers that are not finite, limits out of order, or a range
    ///   target whose lower limit is above its upper limit.
    public static func compare(
        _ area: ValueWithConfidenceLimits,
        against target: TargetRule,
        polarity: Polarity
    ) throws(ComparisonError) -> TargetOutcome {
        try area.validate(as: "area")
        switch target {
        case let .singleValue(limit):
            try requireFinite(limit, "target")
            guard let value = area.value else { return .notCompared }
            // Meeting the target exactly counts as meeting it, whichever way is good.
            switch polarity {
            case .highIsGood: return value >= limit ? .better : .worse
            case .lowIsGood: return value <= limit ? .better : .worse
            case .noJudgement: return .notCompared
            }

        case let .singleValueUsingConfidenceLimits(limit):
            try requireFinite(limit, "target")
            guard let ci95 = area.interval95 else { return .notCompared }
            if ci95.lowerBound >= limit { return rated(.above, polarity: polarity) }
            if ci95.upperBound < limit { return rated(.below, polarity: polarity) }
            return rated(.between, polarity: polarity)

        case let .range(lower, upper):
            try requireFinite(lower, "target range lower limit")
            try requireFinite(upper, "target range upper limit")
            guard lower <= upper else { throw .targetRangeOutOfOrder(lower: lower, upper: upper) }
            guard let value = area.value else { return .notCompared }
            return rated(position(of: value, lower: lower, upper: upper), polarity: polarity)

        case let .percentileRange(percentiles):
            guard let value = area.value,
                  let lower = percentiles.lowerLimit, let upper = percentiles.upperLimit else { return .notCompared }
            return rated(position(of: value, lower: lower, upper: upper), polarity: polarity)

        case let .previousYearEnglandValue(england):
            guard let value = area.value, let england else { return .notCompared }
            try requireFinite(england, "previous year's England value")
            return value < england ? .worse : .better
        }
    }

    private enum Position { case below, between, above }

    /// Below `lower`, at or above `upper`, or between (the range [lower, upper)).
    private static func position(of value: Double, lower: Double, upper: Double) -> Position {
        if value < lower { return .below }
        if value >= upper { return .above }
        return .between
    }

    /// Above/below turned into better/worse by polarity; between is amber.
    private static func rated(_ position: Position, polarity: Polarity) -> TargetOutcome {
        switch (position, polarity) {
        case (_, .noJudgement): .notCompared
        case (.between, _): .same
        case (.above, .highIsGood), (.below, .lowIsGood): .better
        case (.above, .lowIsGood), (.below, .highIsGood): .worse
        }
    }

    private static func requireFinite(_ number: Double, _ name: String) throws(ComparisonError) {
        guard number.isFinite else { throw .notFinite(name) }
    }
}
