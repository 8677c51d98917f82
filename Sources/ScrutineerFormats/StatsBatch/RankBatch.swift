import ScrutineerCore

/// `scrutineer stats rank`: LAIT rank (ties share the best place, 1 = best) and quartile band
/// A–D (A = best) over each group (METHODS.md §7.1, §13.3).
public enum RankBatch {
    /// The columns appended.
    public static let resultColumns = ["rank", "quartile_band"]

    /// Appends `rank,quartile_band` to `area,value` rows, ranked within each `group` if present.
    public static func run(_ csv: CSVTable, polarity: Polarity) throws(BatchInputErrors) -> BatchOutput {
        var input = BatchTable(csv)
        let columns = input.requireColumns(["area", "value"])
        input.refuseExistingColumns(resultColumns)
        input.checkRecordWidths()
        try input.throwIfRejected()
        let values = csv.records.map { input.number($0, "value", at: columns["value"]) }
        try input.throwIfRejected()
        var results = Array(repeating: ["", ""], count: csv.records.count)
        for (_, positions) in SeriesGrouping(input, seriesIndex: csv.index(of: "group")).series {
            let areas = positions.map { (area: input.text(csv.records[$0], columns["area"]!), value: values[$0]) }
            let ranked: LAITBenchmarkResult
            do {
                ranked = try LAITBenchmarking.rankAndBand(areas, polarity: polarity)
            } catch {
                input.reject(csv.records[positions[0]], "value", "\(error)")
                continue
            }
            for (position, area) in zip(positions, ranked.areas) {
                results[position] = [area.rank.map(String.init) ?? "", area.band?.rawValue ?? ""]
            }
        }
        try input.throwIfRejected()
        return BatchOutput(header: csv.header + resultColumns, rows: zip(csv.records, results).map { $0.fields + $1 })
    }
}
