/// Rows of a long table grouped into series by an optional `series` column, each series in
/// first-appearance order and its rows in file order (the order the user gives periods in).
struct SeriesGrouping {
    /// The series name and the positions of its records in the table.
    var series: [(name: String, records: [Int])] = []

    init(_ input: BatchTable, seriesIndex: Int?) {
        var position: [String: Int] = [:]
        for (i, record) in input.table.records.enumerated() {
            let name = seriesIndex.map { input.text(record, $0) } ?? ""
            if let at = position[name] {
                series[at].records.append(i)
            } else {
                position[name] = series.count
                series.append((name, [i]))
            }
        }
    }
}
