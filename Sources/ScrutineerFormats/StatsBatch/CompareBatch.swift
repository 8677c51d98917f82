import ScrutineerCore

/// `scrutineer stats compare`: better / similar / worse than a benchmark by Fingertips method 1
/// or 17, in Fingertips' words (METHODS.md §6.1, §13.1).
public enum CompareBatch {
    /// The column appended.
    public static let resultColumns = ["comparison"]

    /// The Fingertips comparator methods the command offers.
    public enum Method: Int, Sendable, CaseIterable {
        /// Benchmark inside the area's 95% limits (inclusive) ⇒ Similar.
        case singleCI95 = 1
        /// As method 1, and beyond the 99.8% limits ⇒ "Better 99.8%" / "Worse 99.8%".
        case singleCI95And99_8 = 17

        var benchmarkMethod: BenchmarkMethod {
            switch self {
            case .singleCI95: .singleOverlappingCI95
            case .singleCI95And99_8: .singleOverlappingCI95And99_8
            }
        }

        var requiredColumns: [String] {
            switch self {
            case .singleCI95: ["value", "lower95", "upper95", "benchmark"]
            case .singleCI95And99_8: ["value", "lower95", "upper95", "lower99_8", "upper99_8", "benchmark"]
            }
        }
    }

    /// Appends `comparison` to rows of `value,lower95,upper95,benchmark` (and the 99.8% limits for 17).
    public static func run(_ csv: CSVTable, method: Method, polarity: Polarity) throws(BatchInputErrors) -> BatchOutput {
        var input = BatchTable(csv)
        let columns = input.requireColumns(method.requiredColumns)
        input.refuseExistingColumns(resultColumns)
        input.checkRecordWidths()
        try input.throwIfRejected()
        var rows: [[String]] = []
        rows.reserveCapacity(csv.records.count)
        for record in csv.records {
            func number(_ name: String) -> Double? { input.number(record, name, at: columns[name]) }
            let area = ValueWithConfidenceLimits(
                value: number("value"), lower95: number("lower95"), upper95: number("upper95"),
                lower99_8: number("lower99_8"), upper99_8: number("upper99_8")
            )
            let benchmark = ValueWithConfidenceLimits(value: number("benchmark"))
            var outcome = ""
            do {
                outcome = try BenchmarkComparison.compare(area, with: benchmark, method: method.benchmarkMethod, polarity: polarity).words
            } catch {
                let column: String = if case let .limitsOutOfOrder(what, _, _) = error { what.contains("99.8") ? "lower99_8" : "lower95" } else { "value" }
                input.reject(record, column, error.description)
            }
            rows.append(record.fields + [outcome])
        }
        try input.throwIfRejected()
        return BatchOutput(header: csv.header + resultColumns, rows: rows)
    }
}
