import ScrutineerCore

/// Reads the DfE Local Authority Interactive Tool's long table and its measure dictionary
/// (PRODUCT.md R14), told apart by their headers, so both may come in one import:
/// - data: `measure_code,period,geographic_level,area_name,old_la_code,new_la_code,region,value,value_note`;
/// - dictionary: `measure_code,measure,topic,polarity,year_type,dps,periods`.
///
/// Dictionary rows become measures: theme = topic; polarity High / Low / `-` or blank (no
/// judgement); year type from `year_type` (`YearType(laitName:)`); decimal places = dps; unit and
/// definition from LAIT's full data dictionary (`LAITMeasureReference`), as this one states
/// neither, else the unit from the title (`MeasureText.unit(fromTitle:)`); every label in `periods` must
/// be a period of that year type, and a measure whose periods are all pooled years is multi-year;
/// source "DfE LAIT"; benchmarks not compared, as LAIT publishes no counts or limits.
///
/// Data rows become observations of area `new_la_code` (known, or an error naming the cell) with
/// the period read by the measure's year type. `value_note` `-` (or another symbol) is kept as the
/// status symbol, with no value when the value is blank; a blank value needs a note. The measure
/// of every row must be in a dictionary of the same import or already known. `geographic_level`
/// must agree with the area (National = England, Regional = a region or Inner/Outer London, Local
/// authority = an LA) and `old_la_code` with the area's DfE number; `area_name` and `region` are
/// descriptive and not checked.
public enum LAITImporter {
    static let dataColumns = ["measure_code", "period", "geographic_level", "area_name", "old_la_code", "new_la_code", "region", "value", "value_note"]
    static let dictionaryColumns = ["measure_code", "measure", "topic", "polarity", "year_type", "dps", "periods"]
    /// The source recorded on LAIT measures.
    public static let source = "DfE LAIT"

    /// Reads the files (data tables and dictionaries, in any order) into one batch, or every
    /// rejected cell.
    public static func parse(_ files: [PublishedFile], context: ImportContext) throws(BatchInputErrors) -> ImportBatch {
        var errors: [BatchInputError] = []
        var dataTables: [ImportTable] = []
        var dictionaryTables: [ImportTable] = []
        var rowsRead = 0, blankRows = 0
        for file in files {
            var table: ImportTable
            do { table = try ImportTable(file) } catch { errors += error.errors; continue }
            rowsRead += table.rowsRead
            blankRows += table.blankRows
            if table.hasColumns(dataColumns) {
                dataTables.append(table)
            } else if table.hasColumns(dictionaryColumns) {
                dictionaryTables.append(table)
            } else {
                table.reject(table.table.headerLine, "*", "the header is neither LAIT layout (expected \(dataColumns.joined(separator: ",")) for the data, or \(dictionaryColumns.joined(separator: ",")) for the measure dictionary)")
                errors += table.errors
            }
        }
        var measures: [Measure] = []
        var definedAt: [String: CellReference] = [:]
        for var table in dictionaryTables {
            for (measure, row) in readDictionary(&table) {
                if let earlier = definedAt[measure.code] {
                    let place = earlier.file == table.file ? "row \(earlier.row)" : "\(earlier.file):\(earlier.row)"
                    table.reject(row, "measure_code", "\(measure.code) is already defined on \(place) (expected each measure once)")
                    continue
                }
                if let council = context.measures[measure.code]?.councilAreaCode {
                    table.reject(row, "measure_code", "\(measure.code) is council \(ImportText.council(council, areas: context.areas))'s own measure, so LAIT's dictionary may not redefine it (expected the council to give its own measure a code of its own, e.g. with its prefix, before LAIT is imported)")
                    continue
                }
                if let stored = context.measures[measure.code], stored.yearType != measure.yearType {
                    table.reject(row, "year_type", "\(measure.code) is stored with \(stored.yearType.rawValue) years (expected the year type it is stored with: \(ImportText.storedYearsStay))")
                    continue
                }
                definedAt[measure.code] = CellReference(file: table.file, row: row, column: "measure_code")
                measures.append(measure)
            }
            errors += table.errors
        }
        var known = context.measures
        for measure in measures { known[measure.code] = measure }
        let areas = KnownAreas(context: context)
        var collector = ObservationCollector(expectedCount: dataTables.reduce(0) { $0 + $1.records.count })
        for var table in dataTables {
            readData(&table, measures: known, dictionaryGiven: !dictionaryTables.isEmpty, areas: areas, into: &collector)
            errors += table.errors
        }
        if !errors.isEmpty { throw BatchInputErrors(errors) }
        return ImportBatch(
            kind: .lait, files: files.map(\.name), rowsRead: rowsRead, measures: measures, observations: collector.observations, observationRows: collector.rows,
            measuresDefinedAt: definedAt, skipped: [collector.skippedRepeats, ImportTable.blankRowsSkip(blankRows)]
        )
    }

    // MARK: Dictionary

    private static func readDictionary(_ table: inout ImportTable) -> [(Measure, Int)] {
        guard let c = table.requireColumns(dictionaryColumns) else { return [] }
        var measures: [(Measure, Int)] = []
        for record in table.records where table.hasFullWidth(record) {
            let line = record.line
            var valid = true
            let code = table.text(record, c[0])
            if code.isEmpty {
                table.reject(line, "measure_code", "blank (expected the measure's LAIT code)")
                valid = false
            }
            let title = table.text(record, c[1])
            if title.isEmpty {
                table.reject(line, "measure", "blank (expected the measure's title)")
                valid = false
            }
            let topic = table.text(record, c[2])
            let polarityText = table.text(record, c[3])
            var polarity = Polarity.noJudgement
            if !polarityText.isEmpty {
                if let read = MeasureText.polarity(polarityText) {
                    polarity = read
                } else {
                    table.reject(line, "polarity", "\(ImportText.quoted(polarityText)) is not a polarity (expected High, Low, - or blank)")
                    valid = false
                }
            }
            let yearTypeText = table.text(record, c[4])
            let yearType = YearType(laitName: yearTypeText)
            if yearType == nil {
                table.reject(line, "year_type", "\(ImportText.quoted(yearTypeText)) is not a LAIT year type (expected Financial Year, Academic Year, Calendar Year, Annual or Annual (end of Sept))")
                valid = false
            }
            let dpsText = table.text(record, c[5])
            var decimalPlaces: Int?
            if !dpsText.isEmpty {
                if let dps = ImportText.number(dpsText), dps >= 0, dps <= 10, dps == dps.rounded() {
                    decimalPlaces = Int(dps)
                } else {
                    table.reject(line, "dps", "\(ImportText.quoted(dpsText)) is not a number of decimal places (expected a whole number from 0 to 10, or blank)")
                    valid = false
                }
            }
            var periodicity = Periodicity.annual
            if let yearType {
                let labels = table.text(record, c[6]).split(separator: ";").map { ImportText.trimmed(String($0)) }.filter { !$0.isEmpty }
                var kinds: Set<Period.Kind> = []
                for label in labels {
                    do {
                        kinds.insert(try Period.parse(label, yearType: yearType).kind)
                    } catch {
                        table.reject(line, "periods", error.description)
                        valid = false
                    }
                }
                if kinds == [.pooledYears] { periodicity = .multiYear }
            }
            guard valid, let yearType else { continue }
            let reference = LAITMeasureReference.entry(code: code)
            measures.append((Measure(
                code: code, title: title, definition: reference?.definition, theme: topic.isEmpty ? nil : topic,
                unit: reference?.unit ?? MeasureText.unit(fromTitle: title),
                decimalPlaces: decimalPlaces, polarity: polarity, periodicity: periodicity, yearType: yearType,
                source: source, benchmarkComparison: .notCompared
            ), line))
        }
        return measures
    }

    // MARK: Data

    /// The area types a `geographic_level` admits, as bits of `areaTypeBit`; 0 for an unknown level.
    private static func areaTypeMask(forLevel level: String) -> UInt8 {
        switch level {
        case "National": areaTypeBit(.country)
        case "Regional": areaTypeBit(.region) | areaTypeBit(.subRegion)
        case "Local authority": areaTypeBit(.localAuthority)
        default: 0
        }
    }

    static func areaTypeBit(_ type: AreaType) -> UInt8 {
        switch type {
        case .country: 1
        case .region: 2
        case .subRegion: 4
        case .localAuthority: 8
        }
    }

    // The row loop keeps to plain values (no optionals of large structs, no generic enums): it
    // runs 56,100 times for the LAIT subset and must stay well under a tenth of a second.
    private static func readData(_ table: inout ImportTable, measures: [String: Measure], dictionaryGiven: Bool, areas: KnownAreas, into collector: inout ObservationCollector) {
        guard let c = table.requireColumns(dataColumns) else { return }
        let (cMeasure, cPeriod, cLevel, cOldCode, cCode, cValue, cNote) = (c[0], c[1], c[2], c[4], c[5], c[7], c[8])
        let width = table.header.count
        let file = table.file
        let areaTypeBits = areas.types.map(areaTypeBit)
        var errors: [BatchInputError] = []
        // Rows come grouped by measure, period and level: remember the last of each, and number
        // measures and period labels for the collector's cell keys (areas by their positions).
        var measureCode = "", measureKnown = false, measureNumber: Int32 = 0
        var yearType = YearType.financial, monthly = false
        var periods: [String: Period] = [:], periodErrors: [String: PeriodError] = [:]
        var periodLabel = "", periodRead = false, period = Period(label: "", kind: .year, start: .firstDay(ofMonth: 1, year: 2000), end: .lastDay(ofMonth: 1, year: 2000))
        var periodError: PeriodError?, labelNumber: Int32 = 0
        var level = "", levelMask: UInt8 = 0
        for record in table.records {
            let line = record.line
            guard record.fields.count == width else {
                errors.append(BatchInputError(file: file, row: line, column: "*", message: ImportText.rowWidthProblem(fields: record.fields.count, width: width)))
                continue
            }
            let fields = record.fields
            var valid = true
            let code = ImportText.trimmed(fields[cMeasure])
            if code != measureCode || !measureKnown {
                measureCode = code
                measureKnown = false
                if let measure = measures[code] {
                    measureKnown = true
                    yearType = measure.yearType
                    monthly = measure.periodicity == .monthly
                    measureNumber = collector.number(code, .measure)
                }
                periods.removeAll(keepingCapacity: true)
                periodErrors.removeAll(keepingCapacity: true)
                periodRead = false
            }
            if !measureKnown {
                let expected = dictionaryGiven ? "a code defined in the measure dictionary of this import, or a measure already known" : "a measure already known, or import lait_kpi_measures.csv with the data"
                errors.append(BatchInputError(file: file, row: line, column: "measure_code", message: "unknown measure \(ImportText.quoted(code)) (expected \(expected))"))
                valid = false
            } else {
                let label = ImportText.trimmed(fields[cPeriod])
                if label != periodLabel || !periodRead {
                    periodLabel = label
                    periodRead = true
                    periodError = periodErrors[label]
                    if periodError == nil {
                        if let cached = periods[label] {
                            period = cached
                        } else {
                            do {
                                period = try Period.parse(label, yearType: yearType, monthly: monthly)
                                periods[label] = period
                            } catch {
                                periodError = error
                                periodErrors[label] = error
                            }
                        }
                        if periodError == nil { labelNumber = collector.number(period.label, .period) }
                    }
                }
                if let periodError {
                    errors.append(BatchInputError(file: file, row: line, column: "period", message: periodError.description))
                    valid = false
                }
            }
            let levelText = fields[cLevel]
            if levelText != level {
                level = levelText
                levelMask = areaTypeMask(forLevel: ImportText.trimmed(levelText))
            }
            if levelMask == 0 {
                errors.append(BatchInputError(file: file, row: line, column: "geographic_level", message: "\(ImportText.quoted(ImportText.trimmed(levelText))) is not a LAIT geographic level (expected National, Regional or Local authority)"))
                valid = false
            }
            let areaCode = ImportText.trimmed(fields[cCode])
            let areaPosition = areas.position(of: areaCode) ?? -1
            if areaPosition >= 0 {
                let index = Int(areaPosition)
                if levelMask != 0, levelMask & areaTypeBits[index] == 0 {
                    let area = areas.areas[index]
                    errors.append(BatchInputError(file: file, row: line, column: "geographic_level", message: "\(ImportText.quoted(ImportText.trimmed(levelText))) does not fit \(areaCode) \(area.name), which is \(ImportText.describe(area.type)) (expected the level of the area)"))
                    valid = false
                }
                if let areaDfECode = areas.dfeCodes[index] {
                    let dfeCode = ImportText.trimmed(fields[cOldCode])
                    if !dfeCode.isEmpty, dfeCode != areaDfECode {
                        errors.append(BatchInputError(file: file, row: line, column: "old_la_code", message: "\(ImportText.quoted(dfeCode)) is not the DfE number of \(areaCode) \(areas.areas[index].name) (expected \(areaDfECode))"))
                        valid = false
                    }
                }
            } else {
                errors.append(BatchInputError(file: file, row: line, column: "new_la_code", message: ImportText.unknownArea(areaCode)))
                valid = false
            }
            let valueText = ImportText.trimmed(fields[cValue])
            let noteText = ImportText.trimmed(fields[cNote])
            var value: Double?
            var symbol: StatusSymbol?
            if !noteText.isEmpty {
                symbol = StatusSymbol(rawValue: noteText)
                if symbol == nil {
                    errors.append(BatchInputError(file: file, row: line, column: "value_note", message: "\(ImportText.quoted(noteText)) is not a LAIT note (expected -, .., c or blank)"))
                    valid = false
                }
            }
            if !valueText.isEmpty {
                value = ImportText.number(valueText)
                if value == nil {
                    errors.append(BatchInputError(file: file, row: line, column: "value", message: "\(ImportText.quoted(valueText)) is not a number (expected a number such as 17.0, or a blank value with value_note -)"))
                    valid = false
                }
            } else if noteText.isEmpty {
                errors.append(BatchInputError(file: file, row: line, column: "value", message: "blank with no value_note (expected a number, or value_note - for a missing value)"))
                valid = false
            }
            guard valid else { continue }
            collector.add(
                Observation(measureCode: measureCode, areaCode: areaCode, period: period, value: value, statusSymbol: symbol, source: file),
                key: ObservationCollector.CellKey(measure: measureNumber, area: areaPosition, period: labelNumber, breakdown: -1),
                file: file, row: line, column: "value", errors: &errors
            )
        }
        table.errors += errors
    }
}
