import ScrutineerCore

/// Reads any file in the DfE Explore Education Statistics tidy layout (PRODUCT.md R14):
/// `time_period,time_identifier,geographic_level,country_*,region_*,old_la_code,new_la_code,la_name`,
/// then filter columns, then indicator columns.
///
/// Which columns are measures comes from one of:
/// - the `.meta.csv` metadata EES ships beside the file, passed in the same import (found by its
///   header and paired by name: `x.meta.csv` describes `x.csv`): with no mappings, every
///   indicator is a measure whose code is the column name, and every filter that takes more than
///   one value in the file is a breakdown dimension (the value `Total` is the whole population);
/// - mappings (`EESMeasureMapping`, from options or a mapping file): each names a measure, its
///   indicator column and the filter values its rows must have. Filters the metadata lists but the
///   mapping does not pin become breakdowns, as above.
///
/// Rows: National ⇒ `country_code` (E92000001); Regional ⇒ `region_code` (regions and Inner/Outer
/// London); Local authority ⇒ `new_la_code`, where a council's old code is read as its new one
/// when only the code changed (Barnsley's E08000016 and Sheffield's E08000019 are E08000038 and
/// E08000039 since 2024, as LAIT gives them), so one council has one series; every area must be
/// known and its level must fit it. A `Local authority
/// district` row whose `new_la_code` is an LA Scrutineer holds is that LA's figure with the
/// breakdown `district` = `lad_name` (PRODUCT.md R8). Other rows at the EES standard's other
/// levels (`Local authority district`, `Parliamentary constituency`, `School`, …) and national
/// rows for another country (the United Kingdom, Wales, …) are skipped and counted in the
/// summary, as Scrutineer holds England, its regions and its upper-tier councils; a level that is
/// not an EES level is rejected. Rows that no measure's filters select are counted and not read
/// (a filter may name any column, `time_identifier` among them).
///
/// Periods follow `time_identifier` (`EESTimeIdentifier`): `2025` Reporting year is the year
/// ending in 2025 of the measure's year type (the financial year ending 31 March 2025 for
/// children's social care, LAIT's label `2025`); `202324` Academic or Financial year is `2023/24`;
/// Calendar year `2024` is `2024`; their quarters (`Financial year Q2` `202425` ⇒ `2024/25 Q2`,
/// `Calendar year Q1` `2024` ⇒ `2024 Q1`), school terms (`Autumn term` `202425` ⇒ `2024/25 Autumn
/// term`) and months (`March` `2024` ⇒ `2024-03`). Value cells
/// hold a number or an EES symbol (`c z x u k low`), kept as the status symbol with no value; a
/// blank or any other text is rejected. A mapping's `numerator` and `denominator` columns fill the
/// observation's numerator and denominator.
public enum EESImporter {
    /// The source recorded on measures created from EES files.
    public static let source = "DfE Explore Education Statistics"
    static let requiredColumns = ["time_period", "time_identifier", "geographic_level"]
    static let symbols: [String: StatusSymbol] = ["c": .confidential, "z": .notApplicable, "x": .unavailable, "u": .lowReliability, "k": .roundsToZero, "low": .low]
    /// The levels Scrutineer imports, each with the column holding its area's code and the area
    /// types that fit it.
    static let importedLevels: [String: (column: String, types: [AreaType])] = [
        "national": ("country_code", [.country]),
        "regional": ("region_code", [.region, .subRegion]),
        "local authority": ("new_la_code", [.localAuthority]),
    ]
    /// The EES standard's other geographic levels (DfE's data screener and EES's own list), in
    /// lower case: their rows are skipped, not rejected.
    static let skippedLevels: Set<String> = [
        "rsc region", "parliamentary constituency", "local authority district", "local enterprise partnership",
        "local skills improvement plan area", "english devolved area", "mayoral combined authority",
        "opportunity area", "ward", "mat", "sponsor", "school", "provider", "institution", "planning area",
    ]
    /// The country codes EES files use besides England's (E92000001): the United Kingdom, Great
    /// Britain, England and Wales, Northern Ireland, Scotland, Wales.
    static let otherCountries: Set<String> = ["K02000001", "K03000001", "K04000001", "N92000002", "S92000003", "W92000004"]

    /// The metadata file EES ships beside `dataFileName` (`x.csv` ⇒ `x.meta.csv`), which the CLI
    /// passes in the same import when it exists.
    public static func metadataFileName(for dataFileName: String) -> String {
        EESMetadata.fileName(for: dataFileName)
    }

    /// Reads the data files (with any metadata files among them) into one batch, or every rejected
    /// cell. With `mappings` empty, each data file needs its metadata file.
    /// `pinnedFilters` (`--filter` with no `--indicator`) pick the rows of every indicator a
    /// metadata file lists, as a mapping's filters pick its measure's.
    public static func parse(
        _ files: [PublishedFile], mappings: [EESMeasureMapping], pinnedFilters: [EESFilter] = [], context: ImportContext
    ) throws(BatchInputErrors) -> ImportBatch {
        var errors: [BatchInputError] = []
        var dataTables: [ImportTable] = []
        var metadataTables: [String: ImportTable] = [:]
        var rowsRead = 0, blankRows = 0
        for file in files {
            let table: ImportTable
            do { table = try ImportTable(file) } catch { errors += error.errors; continue }
            rowsRead += table.rowsRead
            blankRows += table.blankRows
            if EESMetadata.isMetadata(header: table.header) {
                metadataTables[file.name] = table
            } else {
                dataTables.append(table)
            }
        }
        let dataNames = Set(dataTables.map { EESMetadata.fileName(for: $0.file) })
        for (name, table) in metadataTables.sorted(by: { $0.key < $1.key }) where !dataNames.contains(name) {
            errors.append(BatchInputError(file: name, row: table.table.headerLine, column: "*", message: "EES metadata with no data file in this import (expected \(name.replacingOccurrences(of: ".meta.csv", with: ".csv")) beside it)"))
        }
        var reader = Reader(context: context, mappings: mappings, pinnedFilters: pinnedFilters, rowsRead: rowsRead)
        for var table in dataTables {
            var metadata: EESMetadata?
            if var metadataTable = metadataTables[EESMetadata.fileName(for: table.file)] {
                metadata = EESMetadata(&metadataTable, dataFile: table.file, dataHeader: table.header)
                errors += metadataTable.errors
            }
            reader.read(&table, metadata: metadata)
            errors += table.errors
        }
        for (index, mapping) in mappings.enumerated() where !reader.mappingUsed[index] {
            if let place = mapping.definedAt {
                errors.append(BatchInputError(file: place.file, row: place.row, column: "indicator", message: "\(ImportText.quoted(mapping.indicator)) is not a column of any file in this import (expected an indicator column of the EES file)"))
            }
        }
        if !errors.isEmpty { throw BatchInputErrors(errors) }
        var batch = ImportBatch(
            kind: .ees, files: files.map(\.name), rowsRead: reader.rowsRead,
            measures: reader.newMeasureOrder.map { reader.newMeasures[$0]!.measure }, observations: reader.collector.observations,
            observationRows: reader.collector.rows,
            skipped: [
                ImportSkip(
                    count: reader.unselected, one: "row that no measure selects", many: "rows that no measure selects",
                    reason: "their filter values are not those the mapping or --filter asks for"
                ),
                reader.collector.skippedRepeats,
                ImportSkip(
                    count: reader.combinedRows, one: "row that combines several LAs", many: "rows that combine several LAs",
                    reason: "a joint figure of several councils (such as 940 / 941) is no one council's; each LA's own rows are imported"
                ),
            ] + reader.otherLevels.entries.map { level, count in
                ImportSkip(
                    count: count, one: "\(level) row", many: "\(level) rows",
                    reason: level.lowercased() == "local authority district"
                        ? "they name no local authority Scrutineer holds in new_la_code, with the district in lad_name (rows that do are that LA's figures by district)"
                        : "Scrutineer holds England, its regions and its local authorities, not this level"
                )
            } + [
                ImportSkip(
                    count: reader.otherCountryRows, one: "National row for another country", many: "National rows for other countries",
                    reason: "Scrutineer compares councils with England (E92000001), not the United Kingdom, Great Britain or another nation"
                ),
                ImportTable.blankRowsSkip(blankRows),
            ]
        )
        batch.measuresUsedAsStored = reader.storedMeasures
        return batch
    }

    /// One measure read from one data file: what its rows need of the measure, and its columns.
    struct Spec {
        var measureCode: String
        var yearType: YearType
        var monthly: Bool
        var indicator: Int
        var indicatorName: String
        var selection: [(index: Int, value: String)]
        var breakdown: [(index: Int, dimension: String)]
        var numerator: (index: Int, name: String)?
        var denominator: (index: Int, name: String)?
    }

    /// The state of one EES import across its data files.
    struct Reader {
        let context: ImportContext
        let areas: KnownAreas
        let mappings: [EESMeasureMapping]
        let pinnedFilters: [EESFilter]
        var mappingUsed: [Bool]
        var rowsRead: Int
        var newMeasures: [String: (measure: Measure, file: String)] = [:]
        var newMeasureOrder: [String] = []
        /// Stored measures the files' figures belong to.
        var storedMeasures: Set<String> = []
        var collector = ObservationCollector()
        /// Valid rows whose filter values select no measure.
        var unselected = 0
        /// Rows at a level Scrutineer does not hold, by level as written, in the order first met.
        var otherLevels = CountsInOrder()
        /// National rows for a country other than England.
        var otherCountryRows = 0
        /// Local authority rows for several LAs at once (`E06000061 / E06000062`).
        var combinedRows = 0

        init(context: ImportContext, mappings: [EESMeasureMapping], pinnedFilters: [EESFilter], rowsRead: Int) {
            self.context = context
            areas = KnownAreas(context: context)
            self.mappings = mappings
            self.pinnedFilters = pinnedFilters
            mappingUsed = Array(repeating: false, count: mappings.count)
            self.rowsRead = rowsRead
        }

        mutating func read(_ table: inout ImportTable, metadata: EESMetadata?) {
            guard let c = table.requireColumns(requiredColumns) else { return }
            if mappings.isEmpty && metadata == nil {
                table.reject(table.table.headerLine, "*", "no metadata and no mapping for this EES file (expected \(EESMetadata.fileName(for: table.file)) in the same import, --measure CODE --indicator COLUMN [--filter NAME=VALUE], or --mapping FILE)")
                return
            }
            let specs = makeSpecs(&table, metadata: metadata)
            guard !specs.isEmpty else { return }
            readRows(&table, time: c[0], identifier: c[1], level: c[2], specs: specs)
        }

        // MARK: Measures

        private mutating func makeSpecs(_ table: inout ImportTable, metadata: EESMetadata?) -> [Spec] {
            let header = table.header
            let headerLine = table.table.headerLine
            var wanted: [(mapping: EESMeasureMapping?, indicator: String)] = []
            if mappings.isEmpty, let metadata {
                wanted = metadata.indicatorOrder.map { (nil, $0) }
            } else {
                for (index, mapping) in mappings.enumerated() {
                    if header.contains(mapping.indicator) {
                        mappingUsed[index] = true
                        wanted.append((mapping, mapping.indicator))
                    } else if mapping.definedAt == nil {
                        table.reject(headerLine, mapping.indicator, "no such column (expected the indicator named by --indicator to be a column of this file)")
                    }
                }
                if wanted.isEmpty, mappings.contains(where: { $0.definedAt != nil }) {
                    table.reject(headerLine, "*", "none of the mapped indicators is a column of this file (expected a mapping row for one of its indicator columns)")
                }
            }
            let filterColumns = Set(wanted.flatMap { ($0.mapping?.filters ?? pinnedFilters).map(\.column) } + (metadata?.filters ?? []))
            let distinct = distinctValues(table, columns: filterColumns.compactMap { table.column($0) })
            var specs: [Spec] = []
            // Filters that take one value other than Total, refused once for the file.
            var oneValueFilters: Set<String> = []
            for (mapping, indicator) in wanted {
                guard let indicatorIndex = table.column(indicator) else { continue }
                var valid = true
                func reject(_ column: String, _ message: String) {
                    if let place = mapping?.definedAt {
                        table.errors.append(BatchInputError(file: place.file, row: place.row, column: column, message: message))
                    } else {
                        table.reject(headerLine, column, message)
                    }
                    valid = false
                }
                var selection: [(Int, String)] = []
                let filters = mapping?.filters ?? pinnedFilters
                for filter in filters {
                    guard let index = table.column(filter.column) else {
                        reject(mapping?.definedAt == nil ? filter.column : "filters", "\(filter.column) is not a column of \(table.file) (expected \(filterCandidates(header, metadata: metadata)))")
                        continue
                    }
                    let values = distinct[index] ?? []
                    guard values.contains(filter.value) else {
                        let sample = values.sorted().prefix(10).joined(separator: ", ")
                        reject(mapping?.definedAt == nil ? filter.column : "filters", "filter \(filter.column)=\(filter.value) matches no row of \(table.file) (expected one of: \(sample))")
                        continue
                    }
                    selection.append((index, filter.value))
                }
                var fractionColumns: [(Int, String)?] = []
                for (role, name) in [("numerator", mapping?.numerator), ("denominator", mapping?.denominator)] {
                    guard let name else { fractionColumns.append(nil); continue }
                    if let index = table.column(name) {
                        fractionColumns.append((index, name))
                    } else {
                        reject(mapping?.definedAt == nil ? name : role, "\(name) is not a column of \(table.file) (expected the indicator column holding the \(role))")
                        fractionColumns.append(nil)
                    }
                }
                let pinned = Set(filters.map(\.column))
                var breakdown: [(Int, String)] = []
                for name in metadata?.filters ?? [] {
                    guard !pinned.contains(name), let index = table.column(name) else { continue }
                    let values = distinct[index] ?? []
                    // One value in the whole file: the whole population when it is Total, else one
                    // group's figures (a filtered download), which would pass for the council's.
                    if values.count == 1, let only = values.first, only != "Total" {
                        if oneValueFilters.insert(name).inserted {
                            table.reject(headerLine, name, "every row has \(name) = \(ImportText.quoted(only)), and no row its Total, so the figures are of that group alone, not of the whole population "
                                + "(expected the file's Total rows beside the group's; or, if \(ImportText.quoted(only)) is the whole population, say so: --filter \"\(name)=\(only)\", or the mapping file's filters column)")
                        }
                        valid = false
                        continue
                    }
                    if values.count > 1 { breakdown.append((index, name)) }
                }
                let code = mapping?.measureCode ?? indicator
                let described = metadata?.indicators[indicator]
                // Where the metadata describes the indicator, for a refusal of what it says.
                func rejectDescription(_ column: String, _ message: String) {
                    guard let metadata, let described else { return reject(indicator, message) }
                    table.errors.append(BatchInputError(file: metadata.fileName, row: described.row, column: column, message: message))
                    valid = false
                }
                let measure: Measure
                if let known = context.measures[code], let council = known.councilAreaCode {
                    // A council's own measure holds the council's figures, not a published file's.
                    reject(mapping?.definedAt == nil ? indicator : "measure_code", "\(code) is council \(ImportText.council(council, areas: context.areas))'s own measure, so an EES file may not hold its figures (expected a mapping to a published measure, or a code of its own)")
                    continue
                } else if let known = context.measures[code] {
                    measure = known
                    storedMeasures.insert(code)
                    // A mapping may not change what the stored figures mean, as Fingertips' options may not.
                    if let mapping {
                        let (option, column) = mapping.definedAt == nil ? ("--", indicator) : ("", "")
                        if let unit = mapping.unit, unit != known.unit, known.unit != .number {
                            reject(column.isEmpty ? "unit" : column, "\(option)unit \(unit.code): \(code) is stored in \(known.unit.code) (expected no unit, or \(known.unit.code): \(ImportText.storedUnitStays))")
                        }
                        if let yearType = mapping.yearType, yearType != known.yearType {
                            reject(column.isEmpty ? "year_type" : column, "\(option)\(column.isEmpty ? "year_type" : "year-type") \(yearType.rawValue): \(code) is stored with \(known.yearType.rawValue) years (expected no year type, or \(known.yearType.rawValue): \(ImportText.storedYearsStay))")
                        }
                    }
                    // Named by its column alone, an indicator is the stored measure only if the
                    // metadata describes it the same way: another publication's column of the same
                    // name is another measure (a mapping says which measure it is).
                    if mapping == nil, let described {
                        let unitDiffers = described.unitProblem != nil || described.unit.map { $0 != known.unit } ?? false
                        if described.label != known.title || unitDiffers {
                            let said = described.label != known.title ? "label" : "indicator_unit"
                            rejectDescription(said, "\(indicator) is the stored measure \(code), \(ImportText.quoted(known.title)) (\(known.unit.code)), which this file describes differently, as \(ImportText.quoted(described.label))\(described.unit.map { " (\($0.code))" } ?? "") (expected the same label and unit; or, to import it as a measure of its own, a mapping: --measure NEW_CODE --indicator \(indicator); or, into the stored measure, --measure \(code) --indicator \(indicator))")
                        }
                    }
                } else {
                    // A new measure's years and periodicity follow the first row it selects.
                    let first = firstIdentifier(table, selection: selection)
                    let defaultYearType = first?.impliedYearType ?? .financial
                    let periodicity = first?.periodicity ?? .annual
                    if mapping?.unit == nil, let problem = described?.unitProblem { rejectDescription("indicator_unit", problem) }
                    if mapping?.unit == .money, described?.inMillions == true {
                        reject(mapping?.definedAt == nil ? indicator : "unit", "\(indicator) is published in £m, and Scrutineer's money is pounds, so £45.6m would show as £45.6 (expected unit number, with £m in the measure's title)")
                    }
                    let hasFraction = fractionColumns.allSatisfy { $0 != nil } && mapping?.numerator != nil
                    measure = Measure(
                        code: code, title: mapping?.title ?? described?.label ?? indicator,
                        unit: mapping?.unit ?? described?.unit ?? EESImporter.unit(fromColumnName: indicator),
                        decimalPlaces: described?.decimalPlaces, polarity: mapping?.polarity ?? .noJudgement, periodicity: periodicity,
                        yearType: mapping?.yearType ?? defaultYearType, source: EESImporter.source,
                        benchmarkComparison: hasFraction ? .fingertips95 : .notCompared,
                        // Counts allow the statistical direction (METHODS.md §13.4).
                        directionOfTravel: hasFraction ? .confidenceIntervalOverlap : .simple
                    )
                    if let earlier = newMeasures[code] {
                        if earlier.measure != measure {
                            reject(mapping?.definedAt == nil ? indicator : "measure_code", "measure \(code) is defined differently by \(earlier.file) (expected one definition per measure: the same title, unit, polarity, year type and decimal places)")
                        }
                    } else {
                        newMeasures[code] = (measure, table.file)
                        newMeasureOrder.append(code)
                    }
                }
                guard valid else { continue }
                specs.append(Spec(
                    measureCode: measure.code, yearType: measure.yearType, monthly: measure.periodicity == .monthly, indicator: indicatorIndex, indicatorName: indicator, selection: selection, breakdown: breakdown,
                    numerator: fractionColumns[0].map { (index: $0.0, name: $0.1) }, denominator: fractionColumns[1].map { (index: $0.0, name: $0.1) }
                ))
            }
            return specs
        }

        private func firstIdentifier(_ table: ImportTable, selection: [(Int, String)]) -> EESTimeIdentifier? {
            guard let column = table.column("time_identifier") else { return nil }
            for record in table.records where record.fields.count == table.header.count {
                guard selection.allSatisfy({ table.text(record, $0.0) == $0.1 }) else { continue }
                if let identifier = EESTimeIdentifier(table.text(record, column)) { return identifier }
            }
            return nil
        }

        private func distinctValues(_ table: ImportTable, columns: [Int]) -> [Int: Set<String>] {
            var values: [Int: Set<String>] = [:]
            for column in columns { values[column] = [] }
            for record in table.records where record.fields.count == table.header.count {
                for column in columns { values[column]!.insert(table.text(record, column)) }
            }
            return values
        }

        private func filterCandidates(_ header: [String], metadata: EESMetadata?) -> String {
            if let metadata { return "a filter column: " + metadata.filters.joined(separator: ", ") }
            let standard: Set<String> = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"]
            return "one of its columns after the geography: " + header.filter { !standard.contains($0) }.joined(separator: ", ")
        }

        // MARK: Rows

        private mutating func readRows(_ table: inout ImportTable, time: Int, identifier identifierColumn: Int, level levelColumn: Int, specs: [Spec]) {
            // Each spec's periods, read once per label.
            var periods = [[String: Period]](repeating: [:], count: specs.count)
            var periodErrors = [[String: PeriodError]](repeating: [:], count: specs.count)
            let file = table.file
            let width = table.header.count
            let countryColumn = table.column("country_code"), oldLAColumn = table.column("old_la_code")
            let laColumn = table.column("new_la_code"), districtNameColumn = table.column("lad_name")
            let areaColumns = EESImporter.importedLevels.mapValues { table.column($0.column) }
            var missingColumnReported: Set<String> = []
            var errors: [BatchInputError] = []
            // Rows come grouped by period: remember the last time cells and what they mean.
            var timeRead = false, identifierText = "", timeText = ""
            var identifier: EESTimeIdentifier?, label: String?
            for record in table.records {
                let line = record.line
                guard record.fields.count == width else {
                    errors.append(BatchInputError(file: file, row: line, column: "*", message: ImportText.rowWidthProblem(fields: record.fields.count, width: width)))
                    continue
                }
                let fields = record.fields
                var rowErrors: [BatchInputError] = []
                func reject(_ column: String, _ message: String) {
                    let error = BatchInputError(file: file, row: line, column: column, message: message)
                    if !rowErrors.contains(error) { rowErrors.append(error) }
                }
                let levelCell = ImportText.trimmed(fields[levelColumn])
                var levelKey = levelCell.lowercased()
                var level = EESImporter.importedLevels[levelKey]
                // A district row naming the LA it lies in is that LA's figure for the district (PRODUCT.md R8).
                var district: String?
                if level == nil, EESImporter.skippedLevels.contains(levelKey) {
                    guard levelKey == "local authority district", let laColumn, let districtNameColumn,
                          areas[ImportText.trimmed(fields[laColumn])]?.type == .localAuthority else {
                        otherLevels.count(levelCell)
                        continue
                    }
                    district = ImportText.trimmed(fields[districtNameColumn])
                    levelKey = "local authority"
                    level = EESImporter.importedLevels[levelKey]
                }
                if level?.column == "country_code", let countryColumn, EESImporter.otherCountries.contains(ImportText.trimmed(fields[countryColumn])) {
                    otherCountryRows += 1
                    continue
                }
                // A joint return (`E06000061 / E06000062`, as the area lookup has them) is skipped.
                if district == nil, level?.column == "new_la_code", let laColumn, ImportText.has("/", fields[laColumn]) {
                    combinedRows += 1
                    continue
                }
                // A row no measure selects is not imported, so its cells are not read: a filter
                // such as time_identifier=Academic year passes over termly rows.
                func selects(_ spec: Spec) -> Bool { spec.selection.allSatisfy { ImportText.trimmed(fields[$0.index]) == $0.value } }
                guard specs.contains(where: selects) else {
                    unselected += 1
                    continue
                }
                let identifierCell = ImportText.trimmed(fields[identifierColumn])
                let timeCell = ImportText.trimmed(fields[time])
                if !timeRead || identifierCell != identifierText || timeCell != timeText {
                    timeRead = true
                    identifierText = identifierCell
                    timeText = timeCell
                    identifier = EESTimeIdentifier(identifierCell)
                    label = identifier?.label(timePeriod: timeCell)
                }
                if let identifier {
                    if label == nil { reject("time_period", "\(ImportText.quoted(timeCell)) is not a \(identifierCell) (expected \(identifier.timePeriodForm))") }
                } else {
                    reject("time_identifier", "\(ImportText.quoted(identifierCell)) is not a time identifier Scrutineer reads (expected \(EESTimeIdentifier.expected); a filter such as time_identifier=Academic year passes over other rows)")
                }
                var areaColumn: (index: Int?, name: String, types: [AreaType])?
                if let level {
                    areaColumn = (areaColumns[levelKey] ?? nil, level.column, level.types)
                } else {
                    reject("geographic_level", "\(ImportText.quoted(levelCell)) is not an EES geographic level (expected National, Regional or Local authority, which Scrutineer imports, or another EES level such as Local authority district, whose rows it skips)")
                }
                var areaCode = ""
                if let areaColumn {
                    if let index = areaColumn.index {
                        areaCode = ImportText.trimmed(fields[index])
                        if let area = areas[areaCode] {
                            if !areaColumn.types.contains(area.type) {
                                reject("geographic_level", "\(ImportText.quoted(levelCell)) does not fit \(areaCode) \(area.name), which is \(ImportText.describe(area.type)) (expected the level of the area)")
                            }
                            if area.type == .localAuthority, let oldLAColumn, let dfeCode = area.dfeCode {
                                let cell = ImportText.trimmed(fields[oldLAColumn])
                                if !cell.isEmpty, cell != dfeCode {
                                    reject("old_la_code", "\(ImportText.quoted(cell)) is not the DfE number of \(areaCode) \(area.name) (expected \(dfeCode))")
                                }
                            }
                            areaCode = areas.recoded(area).code
                        } else {
                            reject(areaColumn.name, ImportText.unknownArea(areaCode))
                        }
                    } else if !missingColumnReported.contains(areaColumn.name) {
                        missingColumnReported.insert(areaColumn.name)
                        errors.append(BatchInputError(file: file, row: table.table.headerLine, column: areaColumn.name, message: "missing column (expected \(areaColumn.name) for \(levelCell) rows)"))
                    }
                }
                guard rowErrors.isEmpty, areaColumn?.index != nil, let identifier, let label else {
                    errors += rowErrors
                    continue
                }
                for (s, spec) in specs.enumerated() where selects(spec) {
                    guard identifier.fits(spec.yearType) else {
                        reject("time_identifier", "\(ImportText.quoted(identifierCell)) periods do not fit measure \(spec.measureCode), which has \(spec.yearType.rawValue) years (expected \(EESTimeIdentifier.fitting(spec.yearType)))")
                        continue
                    }
                    var period = periods[s][label]
                    if period == nil {
                        if let error = periodErrors[s][label] {
                            reject("time_period", error.description)
                        } else {
                            do {
                                period = try Period.parse(label, yearType: spec.yearType, monthly: identifier.isMonth || spec.monthly)
                                periods[s][label] = period
                            } catch {
                                periodErrors[s][label] = error
                                reject("time_period", error.description)
                            }
                        }
                    }
                    var cellValid = true
                    func figure(_ index: Int, _ name: String) -> (Double?, StatusSymbol?) {
                        let text = ImportText.trimmed(fields[index])
                        if let number = ImportText.number(text) { return (number, nil) }
                        if let symbol = EESImporter.symbols[text] { return (nil, symbol) }
                        reject(name, text.isEmpty
                            ? "blank (expected a number or an EES symbol: c, z, x, u, k or low)"
                            : "\(ImportText.quoted(text)) is not a number (expected a number or an EES symbol: c, z, x, u, k or low)")
                        cellValid = false
                        return (nil, nil)
                    }
                    let (value, symbol) = figure(spec.indicator, spec.indicatorName)
                    let numerator = spec.numerator.flatMap { figure($0.index, $0.name).0 }
                    let denominator = spec.denominator.flatMap { figure($0.index, $0.name).0 }
                    // Each figure the database cannot hold (a count below zero, limits the wrong way round), at its column.
                    for problem in Observation.figureProblems(value: value, numerator: numerator, denominator: denominator, unit: nil, asPublished: true) {
                        switch problem.figure {
                        case .numerator: reject(spec.numerator?.name ?? spec.indicatorName, problem.message)
                        case .denominator: reject(spec.denominator?.name ?? spec.indicatorName, problem.message)
                        default: reject(spec.indicatorName, problem.message)
                        }
                        cellValid = false
                    }
                    var breakdown = Breakdown.total
                    if !spec.breakdown.isEmpty || district != nil {
                        var pairs: [String: String] = [:]
                        if let district {
                            if ImportText.has(";", district) || district.isEmpty {
                                reject("lad_name", "\(ImportText.quoted(district)) cannot be a district breakdown (expected the district's name, with no ;)")
                                cellValid = false
                            }
                            pairs["district"] = district
                        }
                        for (index, dimension) in spec.breakdown {
                            let text = ImportText.trimmed(fields[index])
                            if text == "Total" { continue }
                            if ImportText.has(";", text) || text.isEmpty {
                                reject(dimension, "\(ImportText.quoted(text)) cannot be a breakdown value (expected a filter value with no ;, or Total)")
                                cellValid = false
                            } else if let problem = ImportText.spreadsheetDateProblem(text) {
                                reject(dimension, problem)
                                cellValid = false
                            }
                            pairs[dimension] = text
                        }
                        breakdown = Breakdown(pairs)
                    }
                    guard cellValid, let period else { continue }
                    collector.add(
                        Observation(
                            measureCode: spec.measureCode, areaCode: areaCode, period: period, breakdown: breakdown, value: value,
                            numerator: numerator, denominator: denominator, statusSymbol: symbol, source: file
                        ),
                        file: file, row: line, column: spec.indicatorName, errors: &rowErrors
                    )
                }
                errors += rowErrors
            }
            table.errors += errors
        }
    }

    /// The unit of a new measure when neither mapping nor metadata gives one, by the column's
    /// name: ending `percent`, `_pc` or `_pct` ⇒ percentage; ending `count` ⇒ count; otherwise a
    /// plain number.
    static func unit(fromColumnName name: String) -> MeasureUnit {
        let lowered = name.lowercased()
        if lowered.hasSuffix("percent") || lowered.hasSuffix("_pc") || lowered.hasSuffix("_pct") { return .percentage }
        if lowered.hasSuffix("count") { return .count }
        return .number
    }
}
