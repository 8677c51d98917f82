import ScrutineerCore

/// `scrutineer stats spc`: Making Data Count XmR limits and point types for `period,value` rows,
/// one chart per `series` when that column is present (METHODS.md §9, §13.5).
public enum SPCBatch {
    /// The columns appended to each row.
    public static let resultColumns = ["mean", "lpl", "upl", "point_type"]
    /// The columns of the one-row-per-series summary.
    public static let summaryColumns = ["series", "variation", "assurance"]

    /// Per-row limits and point types, or with `summary` one row per series with its icons.
    /// `options.rebaseAt` holds periods; each applies to the series that have that period.
    public static func run(_ csv: CSVTable, options: XmROptions, summary: Bool = false) throws(BatchInputErrors) -> BatchOutput {
        var input = BatchTable(csv)
        let columns = input.requireColumns(["period", "value"])
        if !summary { input.refuseExistingColumns(resultColumns) }
        input.checkRecordWidths()
        try input.throwIfRejected()
        let periodIndex = columns["period"]!, valueIndex = columns["value"]
        let grouping = SeriesGrouping(input, seriesIndex: csv.index(of: "series"))

        var results: [Int: XmRPointResult] = [:]
        var summaries: [[String]] = []
        var rebaseUsed = Set<String>()
        for (name, positions) in grouping.series {
            input.refuseBackwardPeriods(positions, periodIndex: periodIndex, series: name)
            var seen: [String: Int] = [:]
            var points: [XmRObservation] = []
            for position in positions {
                let record = csv.records[position]
                let period = input.text(record, periodIndex)
                if period.isEmpty {
                    input.reject(record, "period", "the period is blank (expected a period label such as 2024/25 Q2)")
                } else if let first = seen[period] {
                    input.reject(record, "period", "period \(period) appears twice in series \"\(name)\" (first on row \(first); expected one row per period)")
                }
                seen[period] = record.line
                points.append(XmRObservation(period: period, value: input.number(record, "value", at: valueIndex)))
            }
            var seriesOptions = options
            seriesOptions.rebaseAt = options.rebaseAt.filter { point in
                guard case let .period(label) = point else { return true }
                if seen[label] != nil { rebaseUsed.insert(label); return true }
                return false
            }
            guard input.errors.isEmpty else { continue }
            let analysis: XmRAnalysis
            do {
                analysis = try XmRChart.analyse(points, options: seriesOptions)
            } catch {
                input.reject(csv.records[positions[0]], "value", error.description)
                continue
            }
            for (position, point) in zip(positions, analysis.points) { results[position] = point }
            summaries.append([name, analysis.variationIcon?.rawValue ?? "", analysis.assuranceIcon?.rawValue ?? ""])
        }
        for case let .period(label) in options.rebaseAt where !rebaseUsed.contains(label) && input.errors.isEmpty {
            input.errors.append(BatchInputError(
                file: csv.fileName, row: csv.headerLine, column: "period",
                message: "--rebase-at \(label) matches no period in the file (expected one of its period labels)"
            ))
        }
        try input.throwIfRejected()
        if summary { return BatchOutput(header: summaryColumns, rows: summaries) }
        let rows = csv.records.indices.map { position -> [String] in
            let point = results[position]
            return csv.records[position].fields + [
                BatchNumber.text(point?.mean), BatchNumber.text(point?.lowerProcessLimit),
                BatchNumber.text(point?.upperProcessLimit), point?.pointType?.rawValue ?? "",
            ]
        }
        return BatchOutput(header: csv.header + resultColumns, rows: rows)
    }
}
