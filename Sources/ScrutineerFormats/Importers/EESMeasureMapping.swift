import ScrutineerCore

/// One filter of an EES file pinned to one value (`category=Children in Need`): rows with another
/// value are not read for the measure.
public struct EESFilter: Sendable, Hashable {
    public var column: String
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }

    /// Reads `NAME=VALUE` (as `--filter` and mapping files write it); nil without `=` or a name.
    public init?(text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let column = ImportText.trimmed(String(text[..<equals]))
        guard !column.isEmpty else { return nil }
        self.init(column: column, value: ImportText.trimmed(String(text[text.index(after: equals)...])))
    }
}

/// Which indicator column of an EES file, on which filtered rows, is which Scrutineer measure;
/// given by options (`--measure --indicator --filter`) or by a mapping file
/// (`measure_code,indicator,filters,title,unit,polarity,year_type[,numerator,denominator]`).
///
/// The title, unit, polarity and year type are used only when the measure is new; a measure
/// already known keeps its definition. Defaults for a new measure: title = the metadata label,
/// else the column name; unit = the metadata unit, else by the column's name (ending `percent`,
/// `_pc` or `_pct` ⇒ percentage, ending `count` ⇒ count, otherwise number); polarity = no
/// judgement (EES does not say); year type = the one the file's `time_identifier` implies
/// (reporting and financial years ⇒ financial).
public struct EESMeasureMapping: Sendable, Hashable {
    public var measureCode: String
    /// The indicator column holding the measure's values.
    public var indicator: String
    public var filters: [EESFilter]
    public var title: String?
    public var unit: MeasureUnit?
    public var polarity: Polarity?
    public var yearType: YearType?
    /// Indicator columns holding the numerator and denominator, when the file has them.
    public var numerator: String?
    public var denominator: String?
    /// The mapping file and row that gave this mapping; nil when options gave it.
    public var definedAt: (file: String, row: Int)? {
        get { definedAtFile.map { ($0, definedAtRow) } }
        set { definedAtFile = newValue?.file; definedAtRow = newValue?.row ?? 0 }
    }
    private var definedAtFile: String?
    private var definedAtRow = 0

    public init(
        measureCode: String, indicator: String, filters: [EESFilter] = [], title: String? = nil, unit: MeasureUnit? = nil,
        polarity: Polarity? = nil, yearType: YearType? = nil, numerator: String? = nil, denominator: String? = nil
    ) {
        self.measureCode = measureCode
        self.indicator = indicator
        self.filters = filters
        self.title = title
        self.unit = unit
        self.polarity = polarity
        self.yearType = yearType
        self.numerator = numerator
        self.denominator = denominator
    }

    static let requiredColumns = ["measure_code", "indicator"]
    static let optionalColumns = ["filters", "title", "unit", "polarity", "year_type", "numerator", "denominator"]

    /// Reads a mapping file: one row per measure, filters written `NAME=VALUE;NAME=VALUE`.
    public static func read(_ file: PublishedFile) throws(BatchInputErrors) -> [EESMeasureMapping] {
        var table = try ImportTable(file)
        guard let c = table.requireColumns(requiredColumns) else { throw BatchInputErrors(table.errors) }
        let optional = optionalColumns.map { table.column($0) }
        func text(_ record: CSVRecord, _ index: Int?) -> String { index.map { table.text(record, $0) } ?? "" }
        var mappings: [EESMeasureMapping] = []
        for record in table.records where table.hasFullWidth(record) {
            let line = record.line
            var valid = true
            let code = table.text(record, c[0]), indicator = table.text(record, c[1])
            if code.isEmpty { table.reject(line, "measure_code", "blank (expected the Scrutineer measure code)"); valid = false }
            if indicator.isEmpty { table.reject(line, "indicator", "blank (expected the indicator column of the EES file)"); valid = false }
            var filters: [EESFilter] = []
            for part in text(record, optional[0]).split(separator: ";") where !ImportText.trimmed(String(part)).isEmpty {
                if let filter = EESFilter(text: String(part)) {
                    filters.append(filter)
                } else {
                    table.reject(line, "filters", "\(ImportText.quoted(String(part))) is not a filter (expected NAME=VALUE pairs separated by ;, such as category=Children in Need)")
                    valid = false
                }
            }
            let title = text(record, optional[1])
            let unitText = text(record, optional[2]), polarityText = text(record, optional[3]), yearTypeText = text(record, optional[4])
            let unit = MeasureText.unit(unitText), polarity = MeasureText.polarity(polarityText), yearType = MeasureText.yearType(yearTypeText)
            if !unitText.isEmpty, unit == nil {
                table.reject(line, "unit", "\(ImportText.quoted(unitText)) is not a unit (expected percentage, rate:10000, count, days, weeks, money, number, or blank)")
                valid = false
            }
            if !polarityText.isEmpty, polarity == nil {
                table.reject(line, "polarity", "\(ImportText.quoted(polarityText)) is not a polarity (expected high, low, none, or blank)")
                valid = false
            }
            if !yearTypeText.isEmpty, yearType == nil {
                table.reject(line, "year_type", "\(ImportText.quoted(yearTypeText)) is not a year type (expected financial, academic, calendar, year-ending-september, or blank)")
                valid = false
            }
            guard valid else { continue }
            let numerator = text(record, optional[5]), denominator = text(record, optional[6])
            var mapping = EESMeasureMapping(
                measureCode: code, indicator: indicator, filters: filters, title: title.isEmpty ? nil : title, unit: unit,
                polarity: polarity, yearType: yearType, numerator: numerator.isEmpty ? nil : numerator, denominator: denominator.isEmpty ? nil : denominator
            )
            mapping.definedAt = (file.name, line)
            mappings.append(mapping)
        }
        if !table.errors.isEmpty { throw BatchInputErrors(table.errors) }
        return mappings
    }
}
