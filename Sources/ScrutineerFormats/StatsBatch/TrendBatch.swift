import ScrutineerCore

/// `scrutineer stats trend`: Fingertips' recent trend for each series of a long table
/// (METHODS.md §8.1): one output row per series.
public enum TrendBatch {
    /// The output columns.
    public static let outputColumns = ["series", "n_points", "chi_square", "significant", "direction", "marker"]

    /// One row per series of `series,period,value,lower95,upper95` (optional `count,denominator`),
    /// periods in time order within each series.
    public static func run(_ csv: CSVTable, polarity: Polarity, path: RecentTrendPath = .ciWeighted) throws(BatchInputErrors) -> BatchOutput {
        var input = BatchTable(csv)
        var required = ["series", "period", "value", "lower95", "upper95"]
        if path == .proportion { required += ["count", "denominator"] }
        let columns = input.requireColumns(required)
        input.checkRecordWidths()
        try input.throwIfRejected()
        let countIndex = csv.index(of: "count"), denominatorIndex = csv.index(of: "denominator")
        let grouping = SeriesGrouping(input, seriesIndex: columns["series"])
        var rows: [[String]] = []
        for (name, positions) in grouping.series {
            input.refuseBackwardPeriods(positions, periodIndex: columns["period"]!, series: name)
            var seen: [String: Int] = [:]
            let points = positions.map { position -> TrendPoint in
                let record = csv.records[position]
                let period = input.text(record, columns["period"]!)
                if let first = seen[period] {
                    input.reject(record, "period", "period \(period) appears twice in series \"\(name)\" (first on row \(first); expected one row per period, oldest first)")
                }
                seen[period] = record.line
                return TrendPoint(
                    value: input.number(record, "value", at: columns["value"]),
                    lower95: input.number(record, "lower95", at: columns["lower95"]),
                    upper95: input.number(record, "upper95", at: columns["upper95"]),
                    count: input.number(record, "count", at: countIndex),
                    denominator: input.number(record, "denominator", at: denominatorIndex)
                )
            }
            do {
                let trend = try RecentTrend.calculate(points, path: path)
                rows.append([
                    name, String(trend.numberOfPoints), BatchNumber.text(trend.chiSquare),
                    trend.isSignificant ? "TRUE" : "FALSE", trend.direction.rawValue, trend.phrase(for: polarity),
                ])
            } catch {
                let (position, column) = error.place
                input.reject(csv.records[positions[max(0, min(position - 1, positions.count - 1))]], column, error.description)
            }
        }
        try input.throwIfRejected()
        return BatchOutput(header: outputColumns, rows: rows)
    }
}

extension TrendError {
    /// The 1-based point and the input column a trend error is about.
    var place: (position: Int, column: String) {
        switch self {
        case let .notFinite(_, position): (position, "value")
        case let .limitsOutOfOrder(_, _, position): (position, "lower95")
        case let .negativeCount(_, position): (position, "count")
        case let .denominatorNotPositive(_, position): (position, "denominator")
        case let .countAboveDenominator(_, _, position): (position, "count")
        }
    }
}
