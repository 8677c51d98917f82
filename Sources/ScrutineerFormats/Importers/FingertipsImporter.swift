import ScrutineerCore

/// What a Fingertips export does not say about its indicator, given by the user
/// (`--measure --unit --polarity`), used only for a measure not yet known.
public struct FingertipsImportOptions: Sendable, Hashable {
    /// The measure code; default `FT<Indicator ID>`. Only for a file of one indicator.
    public var measureCode: String?
    /// The title; default the export's Indicator Name.
    public var title: String?
    /// The unit; default `number` (the export does not state it: indicator 90284 is a rate per 10,000).
    public var unit: MeasureUnit?
    /// The polarity; default no judgement (the export does not state it: 90284 is low is good).
    public var polarity: Polarity?
    /// The year type; default financial when the first period is a split year (`2010/11`),
    /// calendar otherwise.
    public var yearType: YearType?

    public init(measureCode: String? = nil, title: String? = nil, unit: MeasureUnit? = nil, polarity: Polarity? = nil, yearType: YearType? = nil) {
        self.measureCode = measureCode
        self.title = title
        self.unit = unit
        self.polarity = polarity
        self.yearType = yearType
    }
}

/// Reads an OHID Fingertips data export (`Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,
/// Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,…,Count,
/// Denominator,Value note,Recent Trend,Compared to England value or percentiles,…`) (PRODUCT.md R14).
///
/// - One measure per Indicator ID: `FT<ID>` unless options name it, created when unknown
///   (`FingertipsImportOptions` for what the export does not state); source "OHID Fingertips".
/// - Observations: value, 95% and 99.8% limits, Count as numerator, Denominator, and "Compared to
///   England value or percentiles" kept as published — except on England's own rows with no
///   category, where it compares England with itself (the export says "Not compared" on one copy
///   and "Similar" on the other) and is left out. A limit of -1 beside a blank value, and limits
///   of -1 to -1 around another value, are Fingertips' placeholder and read as missing. A Value
///   note that is a status symbol, or that says the value was "suppressed for disclosure control", becomes the status symbol (`c`).
/// - Breakdown: `sex` for Male and Female (Persons is the total); `Category Type=Category` when
///   present (deprivation deciles); `age` only when the indicator's Age varies within the file.
/// - Every row's area must be known, except a row whose `Area Type` is one Scrutineer never holds
///   (lower-tier councils and NHS geographies: `Districts & UAs`, `ICBs`, `GPs`, …) and whose area
///   it does not hold: that row is skipped and counted by area type in the summary (a unitary
///   authority's row in a Districts & UAs export is kept). A district whose `Parent Code` is a
///   county Scrutineer holds (an export of districts with counties as parents) is not skipped: it
///   is the county's figure with the breakdown `district` = its `Area Name` (PRODUCT.md R8).
/// - Fingertips lists England twice (once on its own, once under itself as parent): rows of the
///   same cell collapse when identical and are an error naming both rows when they differ.
public enum FingertipsImporter {
    /// The source recorded on measures created from Fingertips exports.
    public static let source = "OHID Fingertips"
    static let requiredColumns = ["Indicator ID", "Indicator Name", "Area Code", "Sex", "Age", "Time period", "Value"]
    static let optionalColumns = [
        "Category Type", "Category", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit",
        "Count", "Denominator", "Value note", "Compared to England value or percentiles", "Area Type", "Parent Code", "Area Name",
    ]
    /// How Fingertips' `Area Type`s of lower-tier councils begin, in lower case (`Districts & UAs
    /// (from Apr 2023)`, `Lower tier local authorities`).
    static let districtTypes = ["district", "lower tier"]
    /// How Fingertips' `Area Type`s for areas Scrutineer never holds begin, in lower case: lower-tier
    /// councils and NHS and other geographies (`GPs`, `ICBs`, …). A row of any other type must be
    /// for a known area.
    static let areaTypesNotHeld = districtTypes + [
        "gp", "pcn", "icb", "sub-icb", "ccg", "stp", "nhs", "combined authorit", "ukhsa", "phe centre",
        "ward", "msoa", "lsoa", "acute trust", "mental health trust", "ambulance trust", "local enterprise",
    ]

    /// True for an `Area Type` of lower-tier councils (`districtTypes`): a row of such an area under
    /// a county Scrutineer holds (`Parent Code`) is that county's figure broken down by district.
    static func isDistrictType(_ areaType: String) -> Bool {
        let lowered = areaType.lowercased()
        return districtTypes.contains(where: lowered.hasPrefix)
    }

    /// Reads every export into one batch, or every rejected cell.
    public static func parse(_ files: [PublishedFile], options: FingertipsImportOptions = FingertipsImportOptions(), context: ImportContext) throws(BatchInputErrors) -> ImportBatch {
        var errors: [BatchInputError] = []
        var tables: [(table: ImportTable, columns: [Int])] = []
        var rowsRead = 0, blankRows = 0
        for file in files {
            var table: ImportTable
            do { table = try ImportTable(file) } catch { errors += error.errors; continue }
            rowsRead += table.rowsRead
            blankRows += table.blankRows
            // A confidence limit under another name would be passed over, and its figures lost.
            for name in table.header where !limitColumns.contains(name) && Set(name.lowercased().split(separator: " ")).isSuperset(of: ["ci", "limit"]) {
                table.reject(table.table.headerLine, name, "not a confidence limit column Scrutineer reads (expected \(limitColumns.joined(separator: ", ")), as Fingertips names them)")
            }
            if let columns = table.requireColumns(requiredColumns), table.errors.isEmpty {
                tables.append((table, columns))
            } else {
                errors += table.errors
            }
        }
        // First pass: each indicator's name, first period and ages.
        var indicators: [String: IndicatorSummary] = [:]
        var indicatorOrder: [String] = []
        for (table, c) in tables {
            for record in table.records where record.fields.count == table.header.count {
                let id = table.text(record, c[0])
                if indicators[id] == nil {
                    indicators[id] = IndicatorSummary(name: table.text(record, c[1]), firstPeriod: table.text(record, c[5]), file: table.file, row: record.line)
                    indicatorOrder.append(id)
                }
                indicators[id]!.ages.insert(table.text(record, c[4]))
            }
        }
        if options.measureCode != nil, indicatorOrder.count > 1, let second = indicators[indicatorOrder[1]] {
            errors.append(BatchInputError(file: second.file, row: second.row, column: "Indicator ID", message: "a second indicator, \(indicatorOrder[1]), in an import given one measure code (expected one indicator per import with --measure, or no --measure for codes FT<Indicator ID>)"))
        } else if indicatorOrder.count > 1, let second = indicators[indicatorOrder[1]] {
            // One title, unit, polarity or year type does not describe two indicators.
            let given = [("--title", options.title != nil), ("--unit", options.unit != nil), ("--polarity", options.polarity != nil), ("--year-type", options.yearType != nil)]
                .filter(\.1).map(\.0)
            if !given.isEmpty {
                errors.append(BatchInputError(file: second.file, row: second.row, column: "Indicator ID", message: "a second indicator, \(indicatorOrder[1]), in an import given \(given.joined(separator: ", ")), which would describe both (expected one indicator per import with \(given.joined(separator: ", ")))"))
            }
        }
        var plans: [String: IndicatorPlan] = [:]
        var newMeasures: [Measure] = []
        var storedMeasures: Set<String> = []
        for id in indicatorOrder {
            let summary = indicators[id]!
            guard let number = Int(id), number > 0 else { continue }
            let code = options.measureCode ?? "FT\(number)"
            if let known = context.measures[code] {
                // A council's own measure holds the council's figures, not a published export's.
                if let council = known.councilAreaCode {
                    errors.append(BatchInputError(
                        file: summary.file, row: summary.row, column: "Indicator ID",
                        message: "\(code) is council \(ImportText.council(council, areas: context.areas))'s own measure, so a Fingertips export may not hold its figures or redefine it (expected --measure naming a published measure, or no --measure for code FT\(number))"
                    ))
                    // Its rows are still read, so their own problems are named too.
                    plans[id] = IndicatorPlan(measure: known, summary)
                    continue
                }
                // --title, --unit and --polarity restate a stored measure (a measure first imported
                // without them has no unit or judgement); its years and its unit, once given,
                // cannot change under its stored figures.
                var measure = known
                if let title = options.title { measure.title = title }
                if let unit = options.unit { measure.unit = unit }
                if let polarity = options.polarity { measure.polarity = polarity }
                if let unit = options.unit, unit != known.unit, known.unit != .number {
                    errors.append(BatchInputError(
                        file: summary.file, row: summary.row, column: "Indicator ID",
                        message: "--unit \(unit.code): \(code) is stored in \(known.unit.code) (expected no --unit, or \(known.unit.code): \(ImportText.storedUnitStays))"
                    ))
                }
                if let yearType = options.yearType, yearType != known.yearType {
                    errors.append(BatchInputError(
                        file: summary.file, row: summary.row, column: "Indicator ID",
                        message: "--year-type \(yearType.rawValue): \(code) is stored with \(known.yearType.rawValue) years (expected no --year-type, or \(known.yearType.rawValue): \(ImportText.storedYearsStay))"
                    ))
                }
                plans[id] = IndicatorPlan(measure: measure, summary)
                storedMeasures.insert(code)
                if measure != known { newMeasures.append(measure) }
                continue
            }
            let label = summary.firstPeriod
            let yearType = options.yearType ?? (ImportText.has("/", label) ? .financial : .calendar)
            let kind = (try? Period.parse(label, yearType: yearType))?.kind
            let periodicity: Periodicity = switch kind {
            case .pooledYears: .multiYear
            case .quarter: .quarterly
            case .month: .monthly
            default: .annual
            }
            let measure = Measure(
                code: code, title: options.title ?? summary.name, unit: options.unit ?? .number, polarity: options.polarity ?? .noJudgement,
                periodicity: periodicity, yearType: yearType, source: source,
                // Fingertips publishes each figure's interval: direction is statistical (METHODS.md §13.4).
                directionOfTravel: .confidenceIntervalOverlap
            )
            plans[id] = IndicatorPlan(measure: measure, summary)
            newMeasures.append(measure)
        }
        let areas = KnownAreas(context: context)
        var collector = ObservationCollector(expectedCount: rowsRead)
        var skippedAreaTypes = CountsInOrder()
        for (var table, c) in tables {
            let optional = optionalColumns.map { table.column($0) }
            readRows(&table, c, optional, plans: plans, areas: areas, into: &collector, skippedAreaTypes: &skippedAreaTypes)
            errors += table.errors
        }
        if !errors.isEmpty { throw BatchInputErrors(errors) }
        var batch = ImportBatch(
            kind: .fingertips, files: files.map(\.name), rowsRead: rowsRead, measures: newMeasures, observations: collector.observations, observationRows: collector.rows,
            skipped: [collector.skippedRepeats] + skippedAreaTypes.entries.map { areaType, count in
                ImportSkip(
                    count: count, one: "row for an area of type \(areaType)", many: "rows for areas of type \(areaType)",
                    reason: "Scrutineer holds England, its regions and its upper-tier councils (export Counties & UAs from Fingertips for those"
                        + (isDistrictType(areaType) ? ", or districts with Counties & UAs as parent areas for figures by district)" : ")")
                )
            } + [ImportTable.blankRowsSkip(blankRows)]
        )
        batch.measuresUsedAsStored = storedMeasures
        return batch
    }

    /// What the first pass learns about an indicator.
    struct IndicatorSummary {
        var name: String
        var firstPeriod: String
        var file: String
        var row: Int
        var ages: Set<String> = []
    }

    /// The export's column for each figure, where a problem with it is reported.
    static let figureColumns: [ObservationFigure: String] = [
        .value: "Value", .numerator: "Count", .denominator: "Denominator", .lower95: "Lower CI 95.0 limit",
        .upper95: "Upper CI 95.0 limit", .lower99_8: "Lower CI 99.8 limit", .upper99_8: "Upper CI 99.8 limit",
    ]

    /// The confidence limits' columns, as Fingertips names them.
    static let limitColumns = [ObservationFigure.lower95, .upper95, .lower99_8, .upper99_8].compactMap { figureColumns[$0] }

    /// True for Fingertips' calendar-year labels: `2022`, and pooled `2021 - 23`.
    static func isCalendarLabel(_ label: String) -> Bool {
        let digits = label.utf8.filter { $0 != 0x20 }
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        if digits.count == 4 { return digits.allSatisfy(isDigit) }
        return digits.count == 7 && digits.enumerated().allSatisfy { $0.offset == 4 ? $0.element == 0x2D : isDigit($0.element) }
    }

    /// What reading an indicator's rows needs, copied out of its measure.
    struct IndicatorPlan {
        var measureCode: String
        var yearType: YearType
        var monthly: Bool
        /// Age goes into the breakdown only when it varies within the indicator.
        var ageVaries: Bool

        init(measure: Measure, _ summary: IndicatorSummary) {
            measureCode = measure.code
            yearType = measure.yearType
            monthly = measure.periodicity == .monthly
            ageVaries = summary.ages.count > 1
        }
    }

    private static func readRows(
        _ table: inout ImportTable, _ c: [Int], _ optional: [Int?], plans: [String: IndicatorPlan],
        areas: KnownAreas, into collector: inout ObservationCollector, skippedAreaTypes: inout CountsInOrder
    ) {
        let file = table.file
        let (cCategoryType, cCategory, cLower95, cUpper95, cLower99, cUpper99, cCount, cDenominator, cNote, cCompared) =
            (optional[0], optional[1], optional[2], optional[3], optional[4], optional[5], optional[6], optional[7], optional[8], optional[9])
        let (cAreaType, cParentCode, cAreaName) = (optional[10], optional[11], optional[12])
        // Periods of the current indicator, read once per label.
        var indicator = "", plan: IndicatorPlan?
        var periods: [String: Period] = [:], periodErrors: [String: PeriodError] = [:]
        var errors: [BatchInputError] = []
        let width = table.header.count
        for record in table.records {
            let line = record.line
            guard record.fields.count == width else {
                errors.append(BatchInputError(file: file, row: line, column: "*", message: ImportText.rowWidthProblem(fields: record.fields.count, width: width)))
                continue
            }
            var valid = true
            func reject(_ column: String, _ message: String) {
                errors.append(BatchInputError(file: file, row: line, column: column, message: message))
                valid = false
            }
            func text(_ index: Int?) -> String { index.map { table.text(record, $0) } ?? "" }
            func number(_ index: Int?, _ column: String) -> Double? {
                let cell = text(index)
                if cell.isEmpty { return nil }
                if let value = ImportText.number(cell) { return value }
                reject(column, "\(ImportText.quoted(cell)) is not a number (expected a number, or a blank cell for missing)")
                return nil
            }
            var areaCode = text(c[2])
            var area = areas[areaCode]
            var pairs: [String: String] = [:]
            if area == nil, cAreaType != nil {
                let areaType = text(cAreaType)
                let lowered = areaType.lowercased()
                if areaTypesNotHeld.contains(where: { lowered.hasPrefix($0) }) {
                    // A district under its county (an export whose parent areas are counties) is
                    // the county's figure for that district (PRODUCT.md R8).
                    let parent = areas[text(cParentCode)]
                    guard isDistrictType(areaType), let parent, parent.type == .localAuthority else {
                        skippedAreaTypes.count(areaType)
                        continue
                    }
                    let name = text(cAreaName), district = name.isEmpty ? areaCode : name
                    if ImportText.has(";", district) {
                        reject("Area Name", "\(ImportText.quoted(name)) cannot be a district breakdown (expected a name with no ;)")
                    }
                    pairs["district"] = district
                    areaCode = parent.code
                    area = parent
                }
            }
            let id = text(c[0])
            if id != indicator || plan == nil {
                indicator = id
                plan = plans[id]
                periods.removeAll(keepingCapacity: true)
                periodErrors.removeAll(keepingCapacity: true)
            }
            if plan == nil {
                reject("Indicator ID", "\(ImportText.quoted(id)) is not an indicator ID (expected a whole number such as 90284)")
            }
            if let known = area {
                // A council's old code, where only the code changed, is its new one (one series).
                areaCode = areas.recoded(known).code
            } else {
                reject("Area Code", ImportText.unknownArea(areaCode))
            }
            let sex = text(c[3])
            if !["Persons", "Not applicable", ""].contains(sex) { pairs["sex"] = sex }
            if plan?.ageVaries == true { pairs["age"] = text(c[4]) }
            let categoryType = text(cCategoryType), category = text(cCategory)
            if !categoryType.isEmpty || !category.isEmpty {
                if categoryType.isEmpty || category.isEmpty {
                    reject(categoryType.isEmpty ? "Category Type" : "Category", "blank beside \(ImportText.quoted(categoryType.isEmpty ? category : categoryType)) (expected Category Type and Category both filled, or both blank)")
                } else if ImportText.has(";", categoryType) || ImportText.has("=", categoryType) || ImportText.has(";", category) {
                    reject("Category", "\(ImportText.quoted("\(categoryType)=\(category)")) cannot be a breakdown (expected no ; in either, and no = in the Category Type)")
                } else {
                    pairs[categoryType] = category
                }
            }
            var period: Period?
            let label = text(c[5])
            if let plan {
                if let cached = periods[label] {
                    period = cached
                } else if let error = periodErrors[label] {
                    reject("Time period", error.description)
                } else if plan.yearType != .calendar, Self.isCalendarLabel(label) {
                    // Fingertips writes a calendar year 2022 (and 2021 - 23); a financial or
                    // academic year is 2021/22. Read as the measure's year ending then, it would
                    // sit three or nine months from where it belongs.
                    reject("Time period", "\(ImportText.quoted(label)) is a calendar year in Fingertips, and \(plan.measureCode) has \(plan.yearType.rawValue) years (expected a label such as 2021/22, or a measure with calendar years)")
                } else {
                    do {
                        period = try Period.parse(label, yearType: plan.yearType, monthly: plan.monthly)
                        periods[label] = period
                    } catch {
                        periodErrors[label] = error
                        reject("Time period", error.description)
                    }
                }
            }
            let value = number(c[6], "Value")
            var limits = [
                number(cLower95, "Lower CI 95.0 limit"), number(cUpper95, "Upper CI 95.0 limit"),
                number(cLower99, "Lower CI 99.8 limit"), number(cUpper99, "Upper CI 99.8 limit"),
            ]
            // -1 is Fingertips' placeholder for a limit it does not give: beside a blank value, and
            // as both limits of an interval around another value (no interval is -1 to -1).
            if value == nil { limits = limits.map { $0 == -1 ? nil : $0 } }
            for pair in [0, 2] where limits[pair] == -1 && limits[pair + 1] == -1 && value != -1 {
                limits[pair] = nil
                limits[pair + 1] = nil
            }
            let count = number(cCount, "Count"), denominator = number(cDenominator, "Denominator")
            let note = text(cNote)
            let symbol = StatusSymbol(rawValue: note) ?? (note.hasPrefix("Value suppressed for disclosure control") ? .confidential : nil)
            let compared = text(cCompared)
            let selfComparison = areaCode == Area.englandCode && categoryType.isEmpty
            if plan != nil {
                // Each figure the database cannot hold (a count below zero, limits the wrong way round), at its column.
                for problem in Observation.figureProblems(
                    value: value, numerator: count, denominator: denominator, lower95: limits[0], upper95: limits[1],
                    lower99_8: limits[2], upper99_8: limits[3], unit: nil, asPublished: true
                ) {
                    reject(figureColumns[problem.figure] ?? "Value", problem.message)
                }
            }
            guard valid, let plan, let period else { continue }
            collector.add(
                Observation(
                    measureCode: plan.measureCode, areaCode: areaCode, period: period, breakdown: pairs.isEmpty ? .total : Breakdown(pairs),
                    value: value, numerator: count, denominator: denominator,
                    lower95: limits[0], upper95: limits[1], lower99_8: limits[2], upper99_8: limits[3], statusSymbol: symbol,
                    comparedToEnglandAsPublished: compared.isEmpty || selfComparison ? nil : compared, source: file
                ),
                file: file, row: line, column: "Value", errors: &errors
            )
        }
        table.errors += errors
    }
}
