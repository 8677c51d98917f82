import Foundation
import Testing
import ScrutineerCore
@testable import ScrutineerFormats

@Suite("Import: Explore Education Statistics tidy files")
struct EESImportTests {
    static let header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name"

    @Test("c1 with one mapped measure: a row per observation, EES symbols kept, the measure created from the mapping and the file")
    func mappedReferrals() throws {
        let batch = try EESImporter.parse(
            [ImportFixtures.file(ImportFixtures.eesReferrals)],
            mappings: [EESMeasureMapping(measureCode: "ReReferral", indicator: "rereferral_percent")], context: ImportFixtures.context()
        )
        let rows = try ImportFixtures.table(ImportFixtures.eesReferrals).dictionaries()
        #expect(batch.kind == .ees)
        #expect(batch.rowsRead == 2132)
        #expect(batch.observations.count == rows.count)
        #expect(batch.measures == [Measure(
            code: "ReReferral", title: "rereferral_percent", unit: .percentage, polarity: .noJudgement, yearType: .financial,
            source: "DfE Explore Education Statistics", benchmarkComparison: .notCompared
        )])
        for symbol in ["c", "x", "u"] {
            let published = rows.filter { $0["rereferral_percent"] == symbol }.count
            #expect(published > 0)
            #expect(batch.observations.filter { $0.statusSymbol?.rawValue == symbol && $0.value == nil }.count == published)
        }
        #expect(batch.observations.filter { $0.value == nil }.count == 27)
        let warwickshire = try #require(batch.observations.first { $0.areaCode == "E10000031" && $0.period.label == "2025" })
        #expect(warwickshire.value == 17)
        #expect(warwickshire.period.end == CalendarDate(year: 2025, month: 3, day: 31))
        // National, regional (with Inner and Outer London) and LA rows. The file gives Barnsley and
        // Sheffield their old codes (E08000016, E08000019) every year; only their codes changed in
        // 2024 (DfE 370 and 373 both), so their figures are their new codes' series, as in LAIT.
        #expect(batch.observations.filter { $0.areaCode == "E92000001" }.count == 13)
        let codes = Set(batch.observations.map(\.areaCode))
        #expect(codes.isSuperset(of: ["E12000007", "E13000001", "E13000002", "E08000038", "E08000039"]))
        #expect(codes.isDisjoint(with: ["E08000016", "E08000019"]))
        #expect(batch.observations.filter { $0.areaCode == "E08000038" }.count == 13)
    }

    @Test("a column named twice is refused at the header, not read from its first copy; a number is decimal (0x10 is no number)")
    func repeatedColumnAndHex() throws {
        let data = ImportFixtures.text("twice.csv", """
        \(Self.header),pupils,pupils
        202324,Academic year,National,E92000001,England,,,,,,100,99

        """)
        let context = try ImportFixtures.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([data], mappings: [], context: context) } == [
            "twice.csv:1:pupils: the column pupils appears twice (expected each column once)",
        ])
        #expect(ImportText.number("0x10") == nil && ImportText.number("16") == 16 && ImportText.number("1e3") == 1000 && ImportText.number("nan") == nil)
    }

    @Test("a council's own measure is refused as an EES file's measure, at its indicator")
    func ownMeasure() throws {
        let own = Measure(code: "EES_REREFERRAL_PC", title: "Re-referrals", unit: .percentage, polarity: .lowIsGood, yearType: .financial, councilAreaCode: "E10000031")
        let data = try ImportFixtures.file(ImportFixtures.eesReferrals)
        let context = try ImportFixtures.context(measures: [own])
        let lines = ImportFixtures.errorLines { () throws(BatchInputErrors) in
            try EESImporter.parse([data], mappings: [EESMeasureMapping(measureCode: "EES_REREFERRAL_PC", indicator: "rereferral_percent")], context: context)
        }
        #expect(lines.count == 1 && lines[0].hasSuffix(":rereferral_percent: EES_REREFERRAL_PC is council E10000031 Warwickshire's own measure, so an EES file may not hold its figures (expected a mapping to a published measure, or a code of its own)"), "\(lines)")
    }

    @Test("every shipped EES file parses with each of its indicators as a measure; every symbol cell is kept as its symbol", arguments: [
        ImportFixtures.eesChildrenInNeed, ImportFixtures.eesReferrals, ImportFixtures.eesSubsequentPlans,
    ])
    func everyIndicator(_ path: String) throws {
        let table = try ImportFixtures.table(path)
        let indicators = Array(table.header.drop { $0 != "category" }.dropFirst())
        let batch = try EESImporter.parse(
            [ImportFixtures.file(path)], mappings: indicators.map { EESMeasureMapping(measureCode: "EES_" + $0, indicator: $0) },
            context: ImportFixtures.context()
        )
        #expect(batch.measures.count == indicators.count)
        #expect(batch.observations.count == indicators.count * table.records.count)
        let rows = table.dictionaries()
        for indicator in indicators {
            let observations = batch.observations.filter { $0.measureCode == "EES_" + indicator }
            let published = rows.map { $0[indicator]! }
            #expect(observations.map { $0.value.map { _ in "number" } ?? $0.statusSymbol!.rawValue } == published.map { Double($0) == nil ? $0 : "number" })
            #expect(observations.compactMap(\.value) == published.compactMap(Double.init))
        }
    }

    @Test("a mapping file gives several measures from one file, with numerator and denominator, and applies to each file holding its indicator")
    func mappingFile() throws {
        let mapping = ImportFixtures.text("mapping.csv", """
        measure_code,indicator,filters,title,unit,polarity,year_type,numerator,denominator
        ReReferral,rereferral_percent,category=Referrals and Re-referrals,Re-referrals within 12 months,percentage,low,financial,rereferral_count,referral_count
        REFERRALS,referral_count,,Referrals,count,none,,,
        PrevRegCPR,CPP_subsequent_percent,,Second or subsequent CP plans,%,Low,Financial Year,CPP_subsequent,CPP_start

        """)
        let mappings = try EESMeasureMapping.read(mapping)
        #expect(mappings.count == 3)
        #expect(mappings[0].filters == [EESFilter(column: "category", value: "Referrals and Re-referrals")])
        #expect(mappings[0].definedAt?.file == "mapping.csv" && mappings[0].definedAt?.row == 2)
        let batch = try EESImporter.parse(
            [ImportFixtures.file(ImportFixtures.eesReferrals), ImportFixtures.file(ImportFixtures.eesSubsequentPlans)],
            mappings: mappings, context: ImportFixtures.context()
        )
        #expect(batch.measures.map(\.code) == ["ReReferral", "REFERRALS", "PrevRegCPR"])
        #expect(batch.measures[0].polarity == .lowIsGood && batch.measures[0].benchmarkComparison == .fingertips95)
        #expect(batch.measures[1].unit == .count && batch.measures[1].benchmarkComparison == .notCompared)
        // Counts allow the statistical direction of travel; a figure without them has the simple one (METHODS.md §13.4).
        #expect(batch.measures.map(\.directionOfTravel) == [.confidenceIntervalOverlap, .simple, .confidenceIntervalOverlap])
        #expect(batch.observations.count == 3 * 2132)
        let warwickshire = try #require(batch.observations.first { $0.measureCode == "ReReferral" && $0.areaCode == "E10000031" && $0.period.label == "2025" })
        #expect((warwickshire.value, warwickshire.numerator, warwickshire.denominator) == (17, 878, 5152))
        let referrals = try #require(batch.observations.first { $0.measureCode == "REFERRALS" && $0.areaCode == "E10000031" && $0.period.label == "2025" })
        #expect(referrals.value == 5152)
        #expect(batch.observations.filter { $0.measureCode == "PrevRegCPR" }.allSatisfy { $0.source == "d3_cpps_subsequent_plan_2013_to_2025.csv" })
    }

    @Test("with its .meta.csv every indicator is a measure (code = column), labels, units and dps from the metadata; a filter of one value other than Total is refused unless --filter says it is the whole population (found by exploratory testing)")
    func metadataSidecar() throws {
        let meta = ImportFixtures.text("d3_cpps_subsequent_plan_2013_to_2025.meta.csv", """
        col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column
        category,Filter,Category,,,,,
        CPP_start,Indicator,Child protection plans starting,,,0,,
        CPP_subsequent,Indicator,Second or subsequent plans,,,0,,
        CPP_subsequent_percent,Indicator,Second or subsequent plans (%),,%,1,,

        """)
        let data = try ImportFixtures.file(ImportFixtures.eesSubsequentPlans)
        let context = try ImportFixtures.context()
        // Every row's category is one group's: its figures could pass for the council's, so it is
        // refused until --filter says that group is the whole population.
        let group = "Child Protection Plans which are a second or subsequent plan"
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([data, meta], mappings: [], context: context) } == [
            "d3_cpps_subsequent_plan_2013_to_2025.csv:1:category: every row has category = \"\(group)\", and no row its Total, so the figures are of that group alone, not of the whole population (expected the file's Total rows beside the group's; or, if \"\(group)\" is the whole population, say so: --filter \"category=\(group)\", or the mapping file's filters column)",
        ])
        let batch = try EESImporter.parse([data, meta], mappings: [], pinnedFilters: [EESFilter(column: "category", value: group)], context: context)
        let rows = try ImportFixtures.table(ImportFixtures.eesSubsequentPlans).dictionaries()
        #expect(batch.files == ["d3_cpps_subsequent_plan_2013_to_2025.csv", "d3_cpps_subsequent_plan_2013_to_2025.meta.csv"])
        #expect(batch.measures.map(\.code) == ["CPP_start", "CPP_subsequent", "CPP_subsequent_percent"])
        #expect(batch.measures.map(\.title) == ["Child protection plans starting", "Second or subsequent plans", "Second or subsequent plans (%)"])
        #expect(batch.measures.map(\.unit) == [.number, .number, .percentage])
        #expect(batch.measures.map(\.decimalPlaces) == [0, 0, 1])
        #expect(batch.observations.count == 3 * rows.count)
        #expect(batch.observations.allSatisfy { $0.breakdown.isTotal })
        let zeros = rows.filter { $0["CPP_subsequent_percent"] == "z" }.count
        #expect(zeros == 6)
        #expect(batch.observations.filter { $0.measureCode == "CPP_subsequent_percent" && $0.statusSymbol == .notApplicable }.count == zeros)
    }

    @Test("an indicator named like a stored measure but described differently by its metadata is another publication's: refused at the metadata's row, unless a mapping says which measure it is")
    func sameNamedIndicator() throws {
        // c1 was imported with its metadata: rereferral_percent is the stored percentage of re-referrals.
        let stored = Measure(
            code: "CPP_subsequent_percent", title: "Second or subsequent plans (%)", unit: .percentage, polarity: .noJudgement, yearType: .financial,
            source: EESImporter.source
        )
        let context = try ImportFixtures.context(measures: [stored])
        let name = "d3_cpps_subsequent_plan_2013_to_2025"
        func meta(_ rows: String) -> PublishedFile {
            ImportFixtures.text("\(name).meta.csv", "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\n" + rows)
        }
        let data = try ImportFixtures.file(ImportFixtures.eesSubsequentPlans)
        // Described as before: the stored measure, its figures added.
        let same = try EESImporter.parse([data, meta("CPP_subsequent_percent,Indicator,Second or subsequent plans (%),,%,1,,\n")], mappings: [], context: context)
        #expect(same.measures.isEmpty && same.observations.count > 100)
        // Another label, or another unit: refused, naming the metadata's row.
        let expected = "(expected the same label and unit; or, to import it as a measure of its own, a mapping: --measure NEW_CODE --indicator CPP_subsequent_percent; or, into the stored measure, --measure CPP_subsequent_percent --indicator CPP_subsequent_percent)"
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in
            try EESImporter.parse([data, meta("CPP_start,Indicator,CPP starts,,,0,,\nCPP_subsequent_percent,Indicator,Number of plans,,,0,,\n")], mappings: [], context: context)
        } == [
            "\(name).meta.csv:3:label: CPP_subsequent_percent is the stored measure CPP_subsequent_percent, \"Second or subsequent plans (%)\" (percentage), which this file describes differently, as \"Number of plans\" \(expected)",
        ])
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in
            try EESImporter.parse([data, meta("CPP_subsequent_percent,Indicator,Second or subsequent plans (%),,£,1,,\n")], mappings: [], context: context)
        } == [
            "\(name).meta.csv:2:indicator_unit: CPP_subsequent_percent is the stored measure CPP_subsequent_percent, \"Second or subsequent plans (%)\" (percentage), which this file describes differently, as \"Second or subsequent plans (%)\" (money) \(expected)",
        ])
        // A mapping names the measure: into the stored one, or as one of its own.
        let relabelled = meta("CPP_subsequent_percent,Indicator,Number of plans,,,0,,\n")
        let into = try EESImporter.parse([data, relabelled], mappings: [EESMeasureMapping(measureCode: "CPP_subsequent_percent", indicator: "CPP_subsequent_percent")], context: context)
        #expect(into.measures.isEmpty && into.observations.allSatisfy { $0.measureCode == "CPP_subsequent_percent" })
        let own = try EESImporter.parse([data, relabelled], mappings: [EESMeasureMapping(measureCode: "CPP_PLANS", indicator: "CPP_subsequent_percent")], context: context)
        #expect(own.measures.map(\.code) == ["CPP_PLANS"] && own.measures.first?.title == "Number of plans")
        // A mapping into the stored measure may not give it another unit or other years (found by exploratory testing).
        let changed = EESMeasureMapping(measureCode: "CPP_subsequent_percent", indicator: "CPP_subsequent_percent", unit: .count, yearType: .calendar)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([data], mappings: [changed], context: context) } == [
            "\(name).csv:1:CPP_subsequent_percent: --unit count: CPP_subsequent_percent is stored in percentage (expected no unit, or percentage: a measure's unit cannot change under the figures stored for it; a measure in another unit needs a code of its own)",
            "\(name).csv:1:CPP_subsequent_percent: --year-type calendar: CPP_subsequent_percent is stored with financial years (expected no year type, or financial: a measure's years cannot change under the figures stored for it)",
        ])
    }

    @Test("a metadata unit Scrutineer does not read (£m, numberstring) is refused only for an indicator imported without a unit given")
    func unreadableMetadataUnit() throws {
        let context = try ImportFixtures.context()
        let name = "d3_cpps_subsequent_plan_2013_to_2025"
        let meta = ImportFixtures.text("\(name).meta.csv", """
        col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column
        CPP_start,Indicator,Child protection plans starting,,,0,,
        CPP_subsequent,Indicator,Second or subsequent plans,,numberstring,0,,
        CPP_subsequent_percent,Indicator,Second or subsequent plans (%),,£m,1,,

        """)
        let data = try ImportFixtures.file(ImportFixtures.eesSubsequentPlans)
        // Every indicator a measure: the two whose units are not read are refused, each at its row.
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([data, meta], mappings: [], context: context) } == [
            "\(name).meta.csv:3:indicator_unit: \"numberstring\" is not a unit Scrutineer reads (expected %, £, pp or blank; £m and numberstring have no Scrutineer unit: give the measure's unit in a mapping, --unit or the mapping file's unit column, such as number for £m with £m in its title, since Scrutineer's money is pounds)",
            "\(name).meta.csv:4:indicator_unit: \"£m\" is not a unit Scrutineer reads (expected %, £, pp or blank; £m and numberstring have no Scrutineer unit: give the measure's unit in a mapping, --unit or the mapping file's unit column, such as number for £m with £m in its title, since Scrutineer's money is pounds)",
        ])
        // £m given as money would show £45.6m as £45.6: refused.
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in
            try EESImporter.parse([data, meta], mappings: [EESMeasureMapping(measureCode: "SPEND", indicator: "CPP_subsequent_percent", unit: .money)], context: context)
        }.first?.hasSuffix(":CPP_subsequent_percent: CPP_subsequent_percent is published in £m, and Scrutineer's money is pounds, so £45.6m would show as £45.6 (expected unit number, with £m in the measure's title)") == true)
        // Another indicator of the file, or one given its unit, imports.
        let other = try EESImporter.parse([data, meta], mappings: [EESMeasureMapping(measureCode: "STARTS", indicator: "CPP_start")], context: context)
        #expect(other.measures.map(\.code) == ["STARTS"] && other.measures.first?.unit == .number)
        let given = try EESImporter.parse([data, meta], mappings: [EESMeasureMapping(measureCode: "SUBS", indicator: "CPP_subsequent", unit: .count)], context: context)
        #expect(given.measures.first?.unit == .count)
    }

    @Test("a filter's grouping column (filter_grouping_column) is read as a filter beside it: White, Total and Black, Total are two groups")
    func groupedFilter() throws {
        let data = ImportFixtures.text("eth.csv", """
        \(Self.header),ethnicity_major,ethnicity_minor,pupils
        202324,Academic year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,Total,Total,1000
        202324,Academic year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,White,Total,800
        202324,Academic year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,White,White British,700
        202324,Academic year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,Black,Total,50

        """)
        let meta = ImportFixtures.text("eth.meta.csv", "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\nethnicity_minor,Filter,Ethnicity,,,,,ethnicity_major\npupils,Indicator,Pupils,,,0,,\n")
        let batch = try EESImporter.parse([data, meta], mappings: [], context: ImportFixtures.context())
        #expect(batch.observations.map(\.breakdown.key) == ["", "ethnicity_major=White", "ethnicity_major=White;ethnicity_minor=White British", "ethnicity_major=Black"])
        #expect(batch.observations.map(\.value) == [1000, 800, 700, 50])
    }

    @Test("a joint row of several LAs (940 / 941) is skipped and counted; a band a spreadsheet turned into a date (05-Sep) is refused at its cell; year-ending-september is a year type as the help writes it; x.CSV finds x.meta.csv (found by exploratory testing)")
    func combinedRowsAndSpreadsheetDates() throws {
        let data = ImportFixtures.text("ages.csv", """
        \(Self.header),age_band,pupils
        202324,Academic year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,Total,1000
        202324,Academic year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,5-9,300
        202324,Academic year,Local authority,E92000001,England,E12000006,East of England,940 / 941,E06000061 / E06000062,North Northamptonshire / West Northamptonshire,Total,2000

        """)
        let meta = ImportFixtures.text("ages.meta.csv", "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\nage_band,Filter,Age,,,,,\npupils,Indicator,Pupils,,,0,,\n")
        let context = try ImportFixtures.context()
        let batch = try EESImporter.parse([data, meta], mappings: [], context: context)
        #expect(batch.observations.map(\.value) == [1000, 300])
        #expect(batch.skipped.contains { $0.count == 1 && $0.one == "row that combines several LAs" }, "\(batch.skipped)")
        let saved = ImportFixtures.text("ages.csv", String(decoding: data.data, as: UTF8.self).replacingOccurrences(of: ",5-9,", with: ",05-Sep,"))
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([saved, meta], mappings: [], context: context) } == [
            "ages.csv:3:age_band: \"05-Sep\" is how a spreadsheet shows a band such as 5-9 or 10-15 that it turned into a date (expected the group as published: download the file again, or open it as text, not in a spreadsheet; a month written as 2026-04 or April 2026)",
        ])
        #expect(MeasureText.yearType("year-ending-september") == .yearEndingSeptember && MeasureText.yearType("yearEndingSeptember") == .yearEndingSeptember)
        // A download renamed with an upper-case extension still finds its metadata beside it.
        #expect(EESImporter.metadataFileName(for: "fy.CSV") == "fy.meta.csv" && EESImporter.metadataFileName(for: "fy.csv") == "fy.meta.csv")
    }

    @Test("filters with several values become breakdowns (Total is the whole population); academic years and symbols")
    func breakdowns() throws {
        let data = ImportFixtures.text("pupils.csv", """
        \(Self.header),sex,pupils
        202324,Academic year,National,E92000001,England,,,,,,Total,100
        202324,Academic year,National,E92000001,England,,,,,,Male,60
        202324,Academic year,National,E92000001,England,,,,,,Female,40
        202324,Academic year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,Total,c

        """)
        let meta = ImportFixtures.text("pupils.meta.csv", "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\nsex,Filter,Sex,,,,,\npupils,Indicator,Pupils,,,,,\n")
        let batch = try EESImporter.parse([data, meta], mappings: [], context: ImportFixtures.context())
        #expect(batch.measures.first?.yearType == .academic)
        #expect(batch.measures.first?.unit == .number)
        #expect(batch.observations.map(\.breakdown.key) == ["", "sex=Male", "sex=Female", ""])
        #expect(batch.observations.map(\.value) == [100, 60, 40, nil])
        #expect(batch.observations[3].statusSymbol == .confidential)
        #expect(batch.observations.allSatisfy { $0.period.label == "2023/24" && $0.period.start == CalendarDate(year: 2023, month: 9, day: 1) })
    }

    @Test("rows that no measure's filter selects, and rows repeating an earlier row, are counted as skipped, with why")
    func skippedRows() throws {
        let data = ImportFixtures.text("pupils.csv", """
        \(Self.header),sex,pupils
        202324,Academic year,National,E92000001,England,,,,,,Total,100
        202324,Academic year,National,E92000001,England,,,,,,Male,60
        202324,Academic year,National,E92000001,England,,,,,,Female,40
        202324,Academic year,National,E92000001,England,,,,,,Male,60

        """)
        let options = NationalImportOptions(measureCode: "BOYS", indicator: "pupils", filters: [EESFilter(text: "sex=Male")!])
        let batch = try NationalImport.parse(.ees, files: [data], options: options, context: ImportFixtures.context())
        #expect(batch.rowsRead == 4)
        #expect(batch.observations.map(\.value) == [60])
        #expect(batch.skipped.map(\.description) == [
            "2 rows that no measure selects skipped: their filter values are not those the mapping or --filter asks for.",
            "1 repeated figure skipped: the same measure, area, period and breakdown as an earlier row, with identical figures, stored once.",
        ])
        let total = NationalImportOptions(measureCode: "PUPILS", indicator: "pupils", filters: [EESFilter(text: "sex=Total")!])
        let totals = try NationalImport.parse(.ees, files: [data], options: total, context: ImportFixtures.context())
        #expect(totals.observations.map(\.value) == [100])
        #expect(totals.skipped.map(\.count) == [3], "the repeated row is one that no measure selects, not a repeated figure")
    }

    @Test("rows at the EES standard's other levels, and national rows for other countries, are skipped and counted by level; a level's case does not matter; a district row naming its LA is the LA's figure by district")
    func otherLevels() throws {
        // Levels as DfE's data screener lists them; K02000001 is the United Kingdom, W92000004 Wales.
        let data = ImportFixtures.text("pupils.csv", """
        \(Self.header),lad_code,lad_name,pupils
        202324,Academic year,National,E92000001,England,,,,,,,,100
        202324,Academic year,National,K02000001,United Kingdom,,,,,,,,130
        202324,Academic year,National,W92000004,Wales,,,,,,,,10
        202324,Academic year,Local Authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,,,7
        202324,Academic year,Local authority district,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,E07000218,North Warwickshire,1
        202324,Academic year,School,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,,,1
        202324,Tax year,Local authority district,E92000001,England,E12000005,West Midlands,,,,E07000219,Nuneaton and Bedworth,n/a
        202324,Academic year,Local authority district,E92000001,England,E12000005,West Midlands,,E10099999,Nowhere,E07000220,Rugby,2

        """)
        let options = NationalImportOptions(measureCode: "PUPILS", indicator: "pupils")
        let batch = try NationalImport.parse(.ees, files: [data], options: options, context: ImportFixtures.context())
        #expect(batch.rowsRead == 8)
        #expect(batch.observations.map { "\($0.areaCode) \($0.breakdown.key) \($0.value!)" } == [
            "E92000001  100.0", "E10000031  7.0", "E10000031 district=North Warwickshire 1.0",
        ])
        // The district rows skipped name no LA Scrutineer holds (a blank, an unknown code), so their cells are not read.
        #expect(batch.skipped.map(\.description) == [
            "1 School row skipped: Scrutineer holds England, its regions and its local authorities, not this level.",
            "2 Local authority district rows skipped: they name no local authority Scrutineer holds in new_la_code, with the district in lad_name (rows that do are that LA's figures by district).",
            "2 National rows for other countries skipped: Scrutineer compares councils with England (E92000001), not the United Kingdom, Great Britain or another nation.",
        ])
    }

    @Test("a filter on time_identifier imports a termly file's years and passes over its terms, whose cells are not read; the measure's periodicity follows the rows selected")
    func termlyFile() throws {
        // The layout of DfE's pupil absence files: terms and the academic year in one file.
        let data = ImportFixtures.text("absence.csv", """
        \(Self.header),sess_overall_percent
        202324,Autumn term,National,E92000001,England,,,,,,6.1
        202324,Spring term,National,E92000001,England,,,,,,x
        202324,Autumn and spring term,National,E92000001,England,,,,,,
        202324,Academic year,National,E92000001,England,,,,,,7.1
        202324,Academic year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,6.9

        """)
        let context = try ImportFixtures.context()
        let years = NationalImportOptions(measureCode: "ABSENCE", indicator: "sess_overall_percent", filters: [EESFilter(text: "time_identifier=Academic year")!])
        let batch = try NationalImport.parse(.ees, files: [data], options: years, context: context)
        #expect(batch.measures.map(\.yearType) == [.academic])
        #expect(batch.observations.map(\.value) == [7.1, 6.9])
        #expect(batch.observations.allSatisfy { $0.period.label == "2023/24" })
        #expect(batch.skipped.map(\.description) == [
            "3 rows that no measure selects skipped: their filter values are not those the mapping or --filter asks for.",
        ])
        // A new measure's periodicity follows the rows it selects, not the file's first row.
        let spend = ImportFixtures.text("spend.csv", """
        \(Self.header),spend
        202324,Financial year Q1,National,E92000001,England,,,,,,10
        202324,Financial year,National,E92000001,England,,,,,,40

        """)
        let annual = NationalImportOptions(measureCode: "SPEND", indicator: "spend", filters: [EESFilter(text: "time_identifier=Financial year")!])
        let spent = try NationalImport.parse(.ees, files: [spend], options: annual, context: context)
        #expect(spent.measures.map(\.periodicity) == [.annual])
        #expect(spent.observations.map(\.period.label) == ["2023/24"])
        // Without the filter the terms are read too, and the blank term cell is refused.
        let all = NationalImportOptions(measureCode: "ABSENCE", indicator: "sess_overall_percent")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try NationalImport.parse(.ees, files: [data], options: all, context: context) } == [
            "absence.csv:4:sess_overall_percent: blank (expected a number or an EES symbol: c, z, x, u, k or low)",
        ])
    }

    @Test("school terms (EES Autumn term … Autumn and spring term) are periods of an academic measure, each with its months")
    func schoolTerms() throws {
        // DfE's pupil absence by term: persistent absence for England and Warwickshire.
        let data = ImportFixtures.text("absence_terms.csv", """
        \(Self.header),enrolments_pa_10_exact_percent
        202425,Autumn term,National,E92000001,England,,,,,,18.7
        202425,Autumn term,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,17.9
        202425,Spring term,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,c
        202425,Autumn and spring term,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,18.2
        202324,Summer term,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,21.0

        """)
        let options = NationalImportOptions(measureCode: "PA", indicator: "enrolments_pa_10_exact_percent")
        let batch = try NationalImport.parse(.ees, files: [data], options: options, context: ImportFixtures.context())
        #expect(batch.measures.map { "\($0.yearType) \($0.periodicity)" } == ["academic annual"])
        #expect(batch.observations.map { "\($0.areaCode) \($0.period.label) \($0.period.kind.rawValue) \($0.period.start)…\($0.period.end) \($0.statusSymbol?.rawValue ?? String($0.value!))" } == [
            "E92000001 2024/25 Autumn term term 2024-09-01…2024-12-31 18.7",
            "E10000031 2024/25 Autumn term term 2024-09-01…2024-12-31 17.9",
            "E10000031 2024/25 Spring term term 2025-01-01…2025-03-31 c",
            "E10000031 2024/25 Autumn and spring term twoTerms 2024-09-01…2025-03-31 18.2",
            "E10000031 2023/24 Summer term term 2024-04-01…2024-07-31 21.0",
        ])
        // A financial measure has no terms; a term's time_period is two years.
        let financial = try ImportFixtures.context(measures: [Measure(code: "SPEND", title: "Spend", unit: .money, polarity: .noJudgement, yearType: .financial)])
        let bad = ImportFixtures.text("bad_terms.csv", """
        \(Self.header),spend
        202425,Autumn term,National,E92000001,England,,,,,,1
        2025,Summer term,National,E92000001,England,,,,,,1

        """)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([bad], mappings: [EESMeasureMapping(measureCode: "SPEND", indicator: "spend")], context: financial) } == [
            "bad_terms.csv:2:time_identifier: \"Autumn term\" periods do not fit measure SPEND, which has financial years (expected Reporting year, Financial year, Financial year Q1 to Q4, or a month)",
            "bad_terms.csv:3:time_period: \"2025\" is not a Summer term (expected 6 digits for two consecutive years such as 202324)",
        ])
    }

    @Test("academic and calendar quarters make quarterly measures of those years, each quarter with its months")
    func academicAndCalendarQuarters() throws {
        let context = try ImportFixtures.context()
        // An academic year runs September to August (PRODUCT.md R1), so its first quarter is September to November.
        let cases: [(rows: String, measure: String, periods: [String])] = [
            ("2024,Calendar year Q1,National,E92000001,England,,,,,,10\n2024,Calendar year Q2,National,E92000001,England,,,,,,12\n",
             "calendar quarterly", ["2024 Q1 2024-01-01…2024-03-31", "2024 Q2 2024-04-01…2024-06-30"]),
            ("202324,Academic year Q1,National,E92000001,England,,,,,,7\n202324,Academic year Q3,National,E92000001,England,,,,,,8\n",
             "academic quarterly", ["2023/24 Q1 2023-09-01…2023-11-30", "2023/24 Q3 2024-03-01…2024-05-31"]),
        ]
        for (rows, measure, periods) in cases {
            let file = ImportFixtures.text("quarters.csv", "\(Self.header),starts\n" + rows)
            let batch = try NationalImport.parse(.ees, files: [file], options: NationalImportOptions(measureCode: "STARTS", indicator: "starts"), context: context)
            #expect(batch.measures.map { "\($0.yearType) \($0.periodicity)" } == [measure])
            #expect(batch.observations.map { "\($0.period.label) \($0.period.start)…\($0.period.end)" } == periods)
        }
    }

    @Test("time identifiers: reporting, calendar, financial and academic years, their quarters, and months")
    func timeIdentifiers() {
        #expect(EESTimeIdentifier("Reporting year")?.label(timePeriod: "2025") == "2025")
        #expect(EESTimeIdentifier("Calendar year")?.label(timePeriod: "2024") == "2024")
        #expect(EESTimeIdentifier("Financial year")?.label(timePeriod: "202324") == "2023/24")
        #expect(EESTimeIdentifier("Academic year")?.label(timePeriod: "199900") == "1999/00")
        #expect(EESTimeIdentifier("Financial year Q2")?.label(timePeriod: "202425") == "2024/25 Q2")
        #expect(EESTimeIdentifier("Academic year Q1")?.label(timePeriod: "202324") == "2023/24 Q1")
        #expect(EESTimeIdentifier("Calendar year Q4")?.label(timePeriod: "2024") == "2024 Q4")
        #expect(EESTimeIdentifier("Calendar year Q4")?.label(timePeriod: "202324") == nil)
        #expect(EESTimeIdentifier("Academic year Q2")?.fits(.financial) == false)
        #expect(EESTimeIdentifier("Financial year Q5") == nil)
        #expect(EESTimeIdentifier("Tax year Q1") == nil)
        #expect(EESTimeIdentifier("March")?.label(timePeriod: "2024") == "2024-03")
        #expect(EESTimeIdentifier("Academic year")?.label(timePeriod: "202325") == nil)
        #expect(EESTimeIdentifier("Reporting year")?.label(timePeriod: "202324") == nil)
        #expect(EESTimeIdentifier("Tax year") == nil)
        #expect(EESTimeIdentifier("Autumn and spring term")?.label(timePeriod: "202324") == "2023/24 Autumn and spring term")
        #expect(EESTimeIdentifier("Summer term")?.label(timePeriod: "2024") == nil)
        #expect(EESTimeIdentifier("Autumn Term") == nil)
        #expect(EESTimeIdentifier("Spring term")?.fits(.academic) == true)
        #expect(EESTimeIdentifier("Spring term")?.fits(.calendar) == false)
    }

    @Test("without metadata or mapping, or with a mapping that fits no column or row, the import says what it needs")
    func missingMapping() throws {
        let context = try ImportFixtures.context()
        let file = try ImportFixtures.file(ImportFixtures.eesReferrals)
        let name = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025"
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([file], mappings: [], context: context) } == [
            "\(name).csv:1:*: no metadata and no mapping for this EES file (expected \(name).meta.csv in the same import, --measure CODE --indicator COLUMN [--filter NAME=VALUE], or --mapping FILE)",
        ])
        let options = NationalImportOptions(measureCode: "X", indicator: "rereferral_pc", filters: [EESFilter(text: "category=Referrals")!])
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try NationalImport.parse(.ees, files: [file], options: options, context: context) } == [
            "\(name).csv:1:rereferral_pc: no such column (expected the indicator named by --indicator to be a column of this file)",
        ])
        let filtered = NationalImportOptions(measureCode: "X", indicator: "rereferral_percent", filters: [EESFilter(text: "category=Referrals")!, EESFilter(text: "sex=Male")!])
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try NationalImport.parse(.ees, files: [file], options: filtered, context: context) } == [
            "\(name).csv:1:category: filter category=Referrals matches no row of \(name).csv (expected one of: Referrals and Re-referrals)",
            "\(name).csv:1:sex: sex is not a column of \(name).csv (expected one of its columns after the geography: category, referral_count, rereferral_count, rereferral_percent, no_further_action_count, no_further_action_percent, not_in_need_count, not_in_need_percent, referral_child_count, rereferral_child_count, rereferral_child_percent)",
        ])
        // What describes one measure is refused without its indicator, rather than ignored (found by exploratory testing).
        let noIndicator = NationalImportOptions(measureCode: "X", title: "A title", yearType: .calendar)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try NationalImport.parse(.ees, files: [file], options: noIndicator, context: context) } == [
            "\(name).csv:1:*: --measure, --title and --year-type describe the measure of one EES indicator (expected --indicator COLUMN with them, or, for several measures, a mapping file's columns: measure_code,indicator,filters,title,unit,polarity,year_type,numerator,denominator)",
        ])
        let unitAlone = NationalImportOptions(unit: .count)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try NationalImport.parse(.ees, files: [file], options: unitAlone, context: context) }.first?.contains(": --unit describes the measure of one EES indicator (expected --indicator COLUMN with it,") == true)
        let mapping = ImportFixtures.text("map.csv", "measure_code,indicator,filters\nA,not_a_column,\nB,rereferral_percent,category\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESMeasureMapping.read(mapping) } == [
            "map.csv:3:filters: \"category\" is not a filter (expected NAME=VALUE pairs separated by ;, such as category=Children in Need)",
        ])
        let unused = ImportFixtures.text("map.csv", "measure_code,indicator,filters\nA,not_a_column,\nB,rereferral_percent,\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([file], mappings: EESMeasureMapping.read(unused), context: context) } == [
            "map.csv:2:indicator: \"not_a_column\" is not a column of any file in this import (expected an indicator column of the EES file)",
        ])
    }

    @Test("bad rows: time, level, area, cells and a measure of another year type are each named")
    func badRows() throws {
        let context = try ImportFixtures.context(measures: [Measure(code: "KS4", title: "KS4", unit: .number, polarity: .highIsGood, yearType: .academic)])
        let data = ImportFixtures.text("bad.csv", """
        \(Self.header),pupils
        2025,Reporting year,National,E92000001,England,,,,,,12
        2025,Financial year,National,E92000001,England,,,,,,12
        2025,Tax year,National,E92000001,England,,,,,,12
        2025,Reporting year,County,E92000001,England,,,,,,12
        2025,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,938,E10000031,Warwickshire,12
        2025,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,999,E10099999,Nowhere,12
        2025,Reporting year,Regional,E92000001,England,E10000031,Warwickshire,,,,12
        2024,Reporting year,National,E92000001,England,,,,,,
        2023,Reporting year,National,E92000001,England,,,,,,n/a
        202324,Financial year,National,E92000001,England,,,,,,1

        """)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([data], mappings: [EESMeasureMapping(measureCode: "KS4", indicator: "pupils")], context: context) } == [
            "bad.csv:3:time_period: \"2025\" is not a Financial year (expected 6 digits for two consecutive years such as 202324)",
            "bad.csv:4:time_identifier: \"Tax year\" is not a time identifier Scrutineer reads (expected Reporting year, Calendar year, Financial year, Academic year, their quarters such as Financial year Q1, a term such as Autumn and spring term, or a month such as March; a filter such as time_identifier=Academic year passes over other rows)",
            "bad.csv:5:geographic_level: \"County\" is not an EES geographic level (expected National, Regional or Local authority, which Scrutineer imports, or another EES level such as Local authority district, whose rows it skips)",
            "bad.csv:6:old_la_code: \"938\" is not the DfE number of E10000031 Warwickshire (expected 937)",
            "bad.csv:7:new_la_code: unknown area code E10099999 (expected the ONS code of England, a region or an LA already imported with scrutineer import areas)",
            "bad.csv:8:geographic_level: \"Regional\" does not fit E10000031 Warwickshire, which is a local authority (expected the level of the area)",
            "bad.csv:9:pupils: blank (expected a number or an EES symbol: c, z, x, u, k or low)",
            "bad.csv:10:pupils: \"n/a\" is not a number (expected a number or an EES symbol: c, z, x, u, k or low)",
            "bad.csv:11:time_identifier: \"Financial year\" periods do not fit measure KS4, which has academic years (expected Reporting year, Academic year, Academic year Q1 to Q4, a term such as Autumn term, or a month)",
        ])
    }
}
