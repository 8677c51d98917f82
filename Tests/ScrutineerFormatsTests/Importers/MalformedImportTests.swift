import Foundation
import Testing
import ScrutineerCore
@testable import ScrutineerFormats

/// Issue 4: malformed files give the documented error, naming file, row and column, and every
/// rejected cell is reported, not only the first.
@Suite("Import: malformed inputs")
struct MalformedImportTests {
    static let header = "measure_code,period,geographic_level,area_name,old_la_code,new_la_code,region,value,value_note"
    static let good = "ReReferral,2025,Local authority,Warwickshire,937,E10000031,West Midlands,17.0,"

    /// Each malformed LAIT line, with the error it gives on line 3 of a file after one good row.
    static let cases: [(name: String, line: String, error: String)] = [
        ("a truncated row", "ReReferral,2024,Local authority,Warwickshire,937,E10000031,West Midlands,18.4",
         "lait.csv:3:*: the row has 8 fields (expected 9, as in the header)"),
        ("a row of one field", "ReReferral",
         "lait.csv:3:*: the row has 1 field (expected 9, as in the header)"),
        ("text in a number column", "ReReferral,2024,Local authority,Warwickshire,937,E10000031,West Midlands,eighteen,",
         "lait.csv:3:value: \"eighteen\" is not a number (expected a number such as 17.0, or a blank value with value_note -)"),
        ("an unknown period", "ReReferral,2024/26,Local authority,Warwickshire,937,E10000031,West Midlands,18.4,",
         "lait.csv:3:period: unknown period \"2024/26\" for a measure with financial years (expected a label such as 2025, 2023/24, 2021/22-23/24, 2024/25 Q2 or 2024-09)"),
        ("an unknown area code", "ReReferral,2024,Local authority,Nowhere,999,E10099999,West Midlands,18.4,",
         "lait.csv:3:new_la_code: unknown area code E10099999 (expected the ONS code of England, a region or an LA already imported with scrutineer import areas)"),
        ("a duplicate key with a different value", "ReReferral,2025,Local authority,Warwickshire,937,E10000031,West Midlands,17.1,",
         "lait.csv:3:value: the same cell as row 2 (measure ReReferral, area E10000031, period 2025) with different figures (expected one row per measure, area, period and breakdown, or identical rows)"),
        ("an unknown measure code", "ReReferals,2024,Local authority,Warwickshire,937,E10000031,West Midlands,18.4,",
         "lait.csv:3:measure_code: unknown measure \"ReReferals\" (expected a measure already known, or import lait_kpi_measures.csv with the data)"),
        ("a blank value with no note", "ReReferral,2024,Local authority,Warwickshire,937,E10000031,West Midlands,,",
         "lait.csv:3:value: blank with no value_note (expected a number, or value_note - for a missing value)"),
        ("a level that does not fit the area", "ReReferral,2024,Regional,Warwickshire,937,E10000031,West Midlands,18.4,",
         "lait.csv:3:geographic_level: \"Regional\" does not fit E10000031 Warwickshire, which is a local authority (expected the level of the area)"),
    ]

    static func context() throws -> ImportContext {
        let rereferral = Measure(code: "ReReferral", title: "Re-referrals", unit: .percentage, polarity: .lowIsGood, yearType: .financial)
        return try ImportFixtures.context(measures: [rereferral])
    }

    @Test("each malformed LAIT row gives its one error", arguments: cases.indices)
    func malformedRow(_ index: Int) throws {
        let (_, line, error) = Self.cases[index]
        let file = ImportFixtures.text("lait.csv", [Self.header, Self.good, line].joined(separator: "\n") + "\n")
        let context = try Self.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([file], context: context) } == [error])
    }

    @Test("every rejected cell of a file is reported, in file order, not only the first")
    func allErrors() throws {
        let lines = [Self.header, Self.good] + Self.cases.map(\.line)
        let file = ImportFixtures.text("lait.csv", lines.joined(separator: "\r\n") + "\r\n")
        let expected = Self.cases.enumerated().map { offset, item in
            item.error.replacingOccurrences(of: "lait.csv:3:", with: "lait.csv:\(offset + 3):")
        }
        let context = try Self.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([file], context: context) } == expected)
    }

    @Test("a row repeated identically, in the same or another file, collapses into one observation")
    func identicalDuplicates() throws {
        let text = [Self.header, Self.good, Self.good].joined(separator: "\n") + "\n"
        let context = try Self.context()
        let batch = try LAITImporter.parse([ImportFixtures.text("a.csv", text), ImportFixtures.text("b.csv", text)], context: context)
        #expect(batch.observations.count == 1)
        #expect(batch.observations[0].source == "a.csv")
        #expect(batch.rowsRead == 4)
        #expect(batch.skipped.map(\.description) == [
            "3 repeated figures skipped: the same measure, area, period and breakdown as an earlier row, with identical figures, stored once.",
        ])
        let changed = text.replacingOccurrences(of: "17.0", with: "17.5")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([ImportFixtures.text("a.csv", text), ImportFixtures.text("b.csv", changed)], context: context) } == [
            "b.csv:2:value: the same cell as a.csv:2 (measure ReReferral, area E10000031, period 2025) with different figures (expected one row per measure, area, period and breakdown, or identical rows)",
            "b.csv:3:value: the same cell as a.csv:2 (measure ReReferral, area E10000031, period 2025) with different figures (expected one row per measure, area, period and breakdown, or identical rows)",
        ])
    }

    @Test("the rejected cells counted by file and column, most first, then in the order they were found")
    func problemsByColumn() {
        let errors = BatchInputErrors([
            BatchInputError(file: "a.csv", row: 2, column: "period", message: "p2"),
            BatchInputError(file: "a.csv", row: 2, column: "value", message: "v2"),
            BatchInputError(file: "a.csv", row: 3, column: "value", message: "v3"),
            BatchInputError(file: "b.csv", row: 2, column: "value", message: "b2"),
            BatchInputError(file: "a.csv", row: 4, column: "period", message: "p4"),
            BatchInputError(file: "b.csv", row: 5, column: "area", message: "b5"),
            BatchInputError(file: "a.csv", row: 6, column: "value", message: "v6"),
        ])
        let groups = errors.byColumn
        #expect(groups.map { "\($0.file) \($0.column) \($0.count) \($0.first.message)" } == [
            "a.csv value 3 v2", "a.csv period 2 p2", "b.csv value 1 b2", "b.csv area 1 b5",
        ])
    }

    @Test("Fingertips: conflicting rows of one cell name both rows; text in a limit and an unknown area are named")
    func fingertips() throws {
        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles\n"
        let file = ImportFixtures.text("ft.csv", header + """
        90284,Injuries,,,E92000001,England,England,Persons,<15 yrs,,,2010/11,115.2,114.5,115.9,,,107429,9324084,,,Not compared
        90284,Injuries,E92000001,England,E92000001,England,England,Persons,<15 yrs,,,2010/11,115.3,114.5,115.9,,,107429,9324084,,,Similar
        90284,Injuries,E92000001,England,E10000031,Warwickshire,County,Persons,<15 yrs,,,2010/11,80,low,90,,,10,1000,,,Better
        90284,Injuries,E92000001,England,E10099999,Nowhere,County,Persons,<15 yrs,,,2010/11,80,70,90,,,10,1000,,,Better
        90284,Injuries,E92000001,England,E10000031,Warwickshire,County,Persons,<15 yrs,,,2010/2011,80,70,90,,,10,1000,,,Better

        """)
        let context = try ImportFixtures.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try FingertipsImporter.parse([file], context: context) } == [
            "ft.csv:3:Value: the same cell as row 2 (measure FT90284, area E92000001, period 2010/11) with different figures (expected one row per measure, area, period and breakdown, or identical rows)",
            "ft.csv:4:Lower CI 95.0 limit: \"low\" is not a number (expected a number, or a blank cell for missing)",
            "ft.csv:5:Area Code: unknown area code E10099999 (expected the ONS code of England, a region or an LA already imported with scrutineer import areas)",
            "ft.csv:6:Time period: unknown period \"2010/2011\" for a measure with financial years (expected a label such as 2025, 2023/24, 2021/22-23/24, 2024/25 Q2 or 2024-09)",
        ])
    }

    @Test("Fingertips and EES: a count below zero or limits the wrong way round are named at their cells, every one; a figure as published (a percentage over 100, a count over a denominator of 0) is kept")
    func publishedFigures() throws {
        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles\n"
        let file = ImportFixtures.text("ft.csv", header + """
        90284,Injuries,E92000001,England,E10000031,Warwickshire,County,Persons,<15 yrs,,,2010/11,80,90,70,60,100,-5,1000,,,Better
        90284,Injuries,E92000001,England,E10000031,Warwickshire,County,Persons,<15 yrs,,,2011/12,80,70,90,95,65,10,-1000,,,Better
        90284,Injuries,E92000001,England,E10000031,Warwickshire,County,Persons,<15 yrs,,,2012/13,80,70,90,,,1050,0,,,Better

        """)
        let context = try ImportFixtures.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try FingertipsImporter.parse([file], context: context) } == [
            "ft.csv:2:Count: a numerator of -5 (expected a count of 0 or more)",
            "ft.csv:2:Lower CI 95.0 limit: lower limit 90 is above upper limit 70 (expected the lower 95% limit no larger than the upper)",
            "ft.csv:3:Denominator: a denominator of -1000 (expected a count of 0 or more)",
            "ft.csv:3:Lower CI 99.8 limit: lower limit 95 is above upper limit 65 (expected the lower 99.8% limit no larger than the upper)",
        ])

        // c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv's header, and Warwickshire's
        // 2025 row with its re-referral count changed.
        let eesHeader = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent\n"
        let row = "2025,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,937,E10000031,Warwickshire,Referrals and Re-referrals,5152,"
        let mapping = try EESMeasureMapping.read(ImportFixtures.text("mapping.csv", """
        measure_code,indicator,filters,title,unit,polarity,year_type,numerator,denominator
        ReReferral,rereferral_percent,,Re-referrals within 12 months,percentage,low,financial,rereferral_count,referral_count

        """))
        let negative = ImportFixtures.text("c1.csv", eesHeader + row + "-878,17\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try EESImporter.parse([negative], mappings: mapping, context: context) } == [
            "c1.csv:2:rereferral_count: a numerator of -878 (expected a count of 0 or more)",
        ])
        // DfE publishes take-up above 100% where the eligible population is estimated: kept as published.
        let over = ImportFixtures.text("c1.csv", eesHeader + row + "6000,116.5\n")
        let kept = try EESImporter.parse([over], mappings: mapping, context: context)
        #expect(kept.observations.map { [$0.value, $0.numerator, $0.denominator] } == [[116.5, 6000, 5152]])
    }

    @Test("a file that is not CSV, or has none of a layout's columns, is one error at its header")
    func notTheLayout() throws {
        let context = try Self.context()
        let open = ImportFixtures.text("open.csv", Self.header + "\nReReferral,\"2025,Local\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([open], context: context) } == [
            "open.csv:2:*: a quoted field is never closed (expected a closing \")",
        ])
        let other = ImportFixtures.text("other.csv", "a,b\n1,2\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try FingertipsImporter.parse([other], context: context) }.first
            == "other.csv:1:Indicator ID: missing column (expected a header named Indicator ID; the header has a,b)")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try NationalImport.parse(.local, files: [other], context: context) } == [
            "other.csv:1:*: local files are not a national publication (expected the local importer)",
        ])
    }
}
