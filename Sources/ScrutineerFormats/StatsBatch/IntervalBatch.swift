import ScrutineerCore

/// `scrutineer stats proportion` and `stats rate`: the same rows with a value and its 95% and
/// 99.8% limits appended (METHODS.md §1 Wilson, §2 exact/Byar's; §13.2).
public enum IntervalBatch {
    /// The columns appended, in order.
    public static let resultColumns = ["value", "lower95", "upper95", "lower99_8", "upper99_8"]

    /// Adds Wilson intervals to `numerator,denominator` rows.
    public static func proportions(_ table: CSVTable, multiplier: Double = 100) throws(BatchInputErrors) -> BatchOutput {
        try append(to: table, countColumn: "numerator") { count, denominator throws(StatisticsInputError) in
            guard let at95 = try ProportionInterval.estimate(numerator: count, denominator: denominator, level: .ninetyFive, multiplier: multiplier),
                  let at998 = try ProportionInterval.estimate(numerator: count, denominator: denominator, level: .ninetyNinePointEight, multiplier: multiplier)
            else { return nil }
            return (at95, at998)
        }
    }

    /// Adds crude-rate intervals to `count,denominator` rows.
    public static func rates(_ table: CSVTable, multiplier: Double = 100_000) throws(BatchInputErrors) -> BatchOutput {
        try append(to: table, countColumn: "count") { count, denominator throws(StatisticsInputError) in
            guard let at95 = try RateInterval.estimate(count: count, denominator: denominator, level: .ninetyFive, multiplier: multiplier)?.estimate,
                  let at998 = try RateInterval.estimate(count: count, denominator: denominator, level: .ninetyNinePointEight, multiplier: multiplier)?.estimate
            else { return nil }
            return (at95, at998)
        }
    }

    /// What each of PHE's refusals expects instead, after PHE's own words.
    static let expected: [StatisticsInputError: String] = [
        .nonPositiveDenominator: "a denominator above 0", .negativeNumerator: "a count of 0 or more",
        .numeratorAboveDenominator: "a numerator no larger than its denominator",
    ]

    private static func append(
        to csv: CSVTable,
        countColumn: String,
        compute: (Double?, Double?) throws(StatisticsInputError) -> (Estimate, Estimate)?
    ) throws(BatchInputErrors) -> BatchOutput {
        var input = BatchTable(csv)
        let columns = input.requireColumns([countColumn, "denominator"])
        input.refuseExistingColumns(resultColumns)
        input.checkRecordWidths()
        try input.throwIfRejected()
        let countIndex = columns[countColumn], denominatorIndex = columns["denominator"]
        var rows: [[String]] = []
        rows.reserveCapacity(csv.records.count)
        for record in csv.records {
            let count = input.number(record, countColumn, at: countIndex)
            let denominator = input.number(record, "denominator", at: denominatorIndex)
            var result = Array(repeating: "", count: resultColumns.count)
            do {
                if let (at95, at998) = try compute(count, denominator) {
                    result = [at95.value, at95.lower, at95.upper, at998.lower, at998.upper].map(BatchNumber.text)
                }
            } catch {
                // Say which column is at fault: a denominator problem names the denominator.
                let column = error == StatisticsInputError.nonPositiveDenominator ? "denominator" : countColumn
                input.reject(record, column, error.message + (Self.expected[error].map { " (expected \($0))" } ?? ""))
            }
            rows.append(record.fields + result)
        }
        try input.throwIfRejected()
        return BatchOutput(header: csv.header + resultColumns, rows: rows)
    }
}
