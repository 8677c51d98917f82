import ScrutineerCore

/// The `.meta.csv` file EES ships beside each data file
/// (`col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column`):
/// which columns are filters and which indicators, with each indicator's label, unit and
/// decimal places.
struct EESMetadata {
    struct Indicator {
        var label: String
        /// nil when the metadata gives no unit, or one Scrutineer does not read (`unitProblem`).
        var unit: MeasureUnit?
        var decimalPlaces: Int?
        /// The metadata row that describes it.
        var row: Int
        /// Why its `indicator_unit` is not a Scrutineer unit (`£m`, `numberstring`); a problem only
        /// when the indicator is imported with no unit given by a mapping.
        var unitProblem: String?
        /// True when its `indicator_unit` is `£m`: millions, which Scrutineer's money (pounds) is not.
        var inMillions = false
    }

    var fileName: String
    /// Filter columns, in metadata order.
    var filters: [String] = []
    var indicators: [String: Indicator] = [:]
    /// Indicator columns, in metadata order.
    var indicatorOrder: [String] = []

    static let requiredColumns = ["col_name", "col_type", "label"]

    /// True when `header` is a metadata file's.
    static func isMetadata(header: [String]) -> Bool {
        header.contains("col_name") && header.contains("col_type")
    }

    /// The metadata file EES ships beside `dataFileName`: `x.csv` (or `x.CSV`, as a download may
    /// be renamed) ⇒ `x.meta.csv`.
    static func fileName(for dataFileName: String) -> String {
        let stem = dataFileName.lowercased().hasSuffix(".csv") ? String(dataFileName.dropLast(4)) : dataFileName
        return stem + ".meta.csv"
    }

    /// Reads `table` as the metadata of a data file whose header is `dataHeader`, recording every
    /// rejected cell in `table`.
    init(_ table: inout ImportTable, dataFile: String, dataHeader: [String]) {
        fileName = table.file
        guard let c = table.requireColumns(EESMetadata.requiredColumns) else { return }
        let unitColumn = table.column("indicator_unit"), dpColumn = table.column("indicator_dp")
        let groupingColumn = table.column("filter_grouping_column")
        var seen: [String: Int] = [:]
        for record in table.records where table.hasFullWidth(record) {
            let line = record.line
            let name = table.text(record, c[0]), type = table.text(record, c[1]), label = table.text(record, c[2])
            var valid = true
            if name.isEmpty || !dataHeader.contains(name) {
                table.reject(line, "col_name", "\(ImportText.quoted(name)) is not a column of \(dataFile) (expected one of its filter or indicator columns)")
                valid = false
            } else if let earlier = seen[name] {
                table.reject(line, "col_name", "\(name) is already described on row \(earlier) (expected each column once)")
                valid = false
            }
            seen[name] = seen[name] ?? line
            if label.isEmpty {
                table.reject(line, "label", "blank (expected the column's label)")
                valid = false
            }
            switch type {
            case "Filter":
                if valid, !filters.contains(name) { filters.append(name) }
                // A filter's grouping column (ethnicity_major above ethnicity_minor) tells its rows
                // apart too ("White, Total" and "Black, Total"), so it is read as a filter beside it.
                let grouping = groupingColumn.map { table.text(record, $0) } ?? ""
                if valid, !grouping.isEmpty {
                    if dataHeader.contains(grouping) {
                        if !filters.contains(grouping) { filters.insert(grouping, at: filters.count - 1) }
                    } else {
                        table.reject(line, "filter_grouping_column", "\(ImportText.quoted(grouping)) is not a column of \(dataFile) (expected the column grouping \(name)'s values, or blank)")
                    }
                }
            case "Indicator":
                let unitText = unitColumn.map { table.text(record, $0) } ?? ""
                var unit: MeasureUnit?
                var unitProblem: String?
                switch unitText {
                case "": unit = nil
                case "%": unit = .percentage
                case "£": unit = .money
                case "pp": unit = .number
                default:
                    unitProblem = "\(ImportText.quoted(unitText)) is not a unit Scrutineer reads (expected %, £, pp or blank; £m and numberstring have no Scrutineer unit: give the measure's unit in a mapping, --unit or the mapping file's unit column, "
                        + "such as number for £m with £m in its title, since Scrutineer's money is pounds)"
                }
                let dpText = dpColumn.map { table.text(record, $0) } ?? ""
                var decimalPlaces: Int?
                if !dpText.isEmpty {
                    if let dp = Int(dpText), (0...10).contains(dp) {
                        decimalPlaces = dp
                    } else {
                        table.reject(line, "indicator_dp", "\(ImportText.quoted(dpText)) is not a number of decimal places (expected a whole number from 0 to 10, or blank)")
                        valid = false
                    }
                }
                if valid {
                    indicators[name] = Indicator(label: label, unit: unit, decimalPlaces: decimalPlaces, row: line, unitProblem: unitProblem, inMillions: unitText == "£m")
                    indicatorOrder.append(name)
                }
            default:
                table.reject(line, "col_type", "\(ImportText.quoted(type)) is not a column type (expected Filter or Indicator)")
            }
        }
    }
}
