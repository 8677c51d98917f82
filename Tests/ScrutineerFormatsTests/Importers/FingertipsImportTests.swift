import Foundation
import Testing
import ScrutineerCore
@testable import ScrutineerFormats

@Suite("Import: Fingertips export")
struct FingertipsImportTests {
    static let options = FingertipsImportOptions(unit: .rate(per: 10000), polarity: .lowIsGood)

    static func batch() throws -> ImportBatch {
        try FingertipsImporter.parse([ImportFixtures.file(ImportFixtures.fingertips)], options: options, context: ImportFixtures.context())
    }

    /// The cell a row is about, by the export's own columns.
    static func key(_ row: [String: String]) -> [String] {
        ["Indicator ID", "Area Code", "Sex", "Age", "Category Type", "Category", "Time period"].map { row[$0]! }
    }

    @Test("indicator 90284: one observation per distinct cell (England's repeated rows collapse), the measure from the export and the options")
    func shippedExport() throws {
        let batch = try Self.batch()
        let rows = try ImportFixtures.table(ImportFixtures.fingertips).dictionaries()
        #expect(batch.rowsRead == 7208)
        #expect(batch.observations.count == 6505)
        #expect(batch.observations.count == Set(rows.map(Self.key)).count)
        #expect(batch.measures == [Measure(
            code: "FT90284", title: "Hospital admissions caused by unintentional and deliberate injuries in children (aged 0 to 14 years)",
            unit: .rate(per: 10000), polarity: .lowIsGood, yearType: .financial, source: "OHID Fingertips",
            // Its intervals allow the statistical direction of travel (METHODS.md §13.4; found by exploratory testing).
            directionOfTravel: .confidenceIntervalOverlap
        )])
        // Barnsley's and Sheffield's old codes, which the export gives, are their new ones (only the codes changed in 2024).
        let recoded = ["E08000016": "E08000038", "E08000019": "E08000039"]
        #expect(Set(batch.observations.map(\.areaCode)) == Set(rows.map { recoded[$0["Area Code"]!] ?? $0["Area Code"]! }))
        // Breakdowns: sex for Male and Female, the deprivation deciles, never age (always <15 yrs).
        let distinct = Dictionary(grouping: Set(rows.map(Self.key)), by: { $0[2] })
        #expect(batch.observations.filter { $0.breakdown.pairs.contains { $0.dimension == "sex" && $0.value == "Male" } }.count == distinct["Male"]!.count)
        #expect(batch.observations.filter { $0.breakdown.pairs.contains { $0.dimension == "sex" && $0.value == "Female" } }.count == distinct["Female"]!.count)
        let deciles = Set(rows.filter { !$0["Category Type"]!.isEmpty }.map(Self.key)).count
        #expect(batch.observations.filter { $0.breakdown.pairs.contains { $0.dimension.contains("deprivation deciles") } }.count == deciles)
        #expect(!batch.observations.contains { $0.breakdown.pairs.contains { $0.dimension == "age" } })
    }

    @Test("every figure of a row as published: value, both limits, count, denominator, compared-to-England")
    func spotValues() throws {
        let batch = try Self.batch()
        func observation(_ area: String, _ period: String, _ breakdown: Breakdown = .total) -> Observation? {
            batch.observations.first { $0.areaCode == area && $0.period.label == period && $0.breakdown == breakdown }
        }
        // Line 7207: ...,E10000031,Warwickshire,...,Persons,<15 yrs,,,2023/24,67.1083,62.2283,72.2693,59.54176,75.32265,700,104309,,Increasing and getting worse,Better,...
        let warwickshire = try #require(observation("E10000031", "2023/24"))
        #expect(warwickshire.value == 67.1083)
        #expect((warwickshire.lower95, warwickshire.upper95, warwickshire.lower99_8, warwickshire.upper99_8) == (62.2283, 72.2693, 59.54176, 75.32265))
        #expect((warwickshire.numerator, warwickshire.denominator) == (700, 104309))
        #expect(warwickshire.comparedToEnglandAsPublished == "Better")
        #expect(warwickshire.statusSymbol == nil)
        #expect(warwickshire.period.start == CalendarDate(year: 2023, month: 4, day: 1))
        // Line 2: England 2010/11, no 99.8% limits; England against itself keeps no comparison word.
        let england = try #require(observation("E92000001", "2010/11"))
        #expect(england.value == 115.2166797)
        #expect((england.lower95, england.upper95, england.lower99_8, england.upper99_8) == (114.5287223, 115.9077445, nil, nil))
        #expect((england.numerator, england.denominator) == (107429, 9324084))
        #expect(england.comparedToEnglandAsPublished == nil)
        // Line 2525: Nottingham 2016/17 males not presented: limits of -1 are placeholders.
        let nottingham = try #require(observation("E06000018", "2016/17", Breakdown(["sex": "Male"])))
        #expect(nottingham.value == nil)
        #expect([nottingham.lower95, nottingham.upper95, nottingham.lower99_8, nottingham.upper99_8] == [nil, nil, nil, nil])
        // Line 5547: Rutland 2021/22 males "Value suppressed for disclosure control due to small count".
        let rutland = try #require(observation("E06000017", "2021/22", Breakdown(["sex": "Male"])))
        #expect(rutland.value == nil && rutland.statusSymbol == .confidential && rutland.denominator == 3186)
        // An England decile compared with England keeps its word.
        let decile = batch.observations.first {
            $0.areaCode == "E92000001" && $0.breakdown.pairs.first?.value == "Most deprived decile (IMD2019)" && $0.period.label == "2023/24"
        }
        #expect(decile?.comparedToEnglandAsPublished != nil)
    }

    @Test("options name the measure; an indicator already known keeps its definition; age that varies is a breakdown")
    func optionsAndAge() throws {
        let file = try ImportFixtures.file(ImportFixtures.fingertips)
        let named = try FingertipsImporter.parse([file], options: FingertipsImportOptions(measureCode: "INJURIES"), context: ImportFixtures.context())
        #expect(named.measures.map(\.code) == ["INJURIES"])
        #expect(named.measures[0].unit == .number && named.measures[0].polarity == .noJudgement)
        let known = Measure(code: "FT90284", title: "Injuries", unit: .rate(per: 10000), polarity: .lowIsGood, yearType: .financial)
        let again = try FingertipsImporter.parse([file], context: ImportFixtures.context(measures: [known]))
        #expect(again.measures.isEmpty)
        #expect(again.observations.count == 6505)

        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles\n"
        let ages = ImportFixtures.text("ages.csv", header + """
        1,Thing,,,E92000001,England,England,Persons,0-4 yrs,,,2021,5,,,,,,,,,
        1,Thing,,,E92000001,England,England,Persons,5-9 yrs,,,2021,6,,,,,,,,,

        """)
        let batch = try FingertipsImporter.parse([ages], context: ImportFixtures.context())
        #expect(batch.measures.first?.yearType == .calendar)
        #expect(batch.observations.map(\.breakdown.key) == ["age=0-4 yrs", "age=5-9 yrs"])
    }

    @Test("refused at the indicator: a council's own measure (--measure WARKS_HV), one --title, --unit, --polarity or --year-type for two indicators, and a stored measure's unit changed")
    func measureGuards() throws {
        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value\n"
        let one = ImportFixtures.text("one.csv", header + "90284,Injuries,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2022/23,50\n")
        let own = Measure(code: "WARKS_HV", title: "Health visits", unit: .percentage, polarity: .highIsGood, yearType: .financial, councilAreaCode: "E10000031")
        let withOwn = try ImportFixtures.context(measures: [own])
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in
            try FingertipsImporter.parse([one], options: FingertipsImportOptions(measureCode: "WARKS_HV"), context: withOwn)
        } == [
            "one.csv:2:Indicator ID: WARKS_HV is council E10000031 Warwickshire's own measure, so a Fingertips export may not hold its figures or redefine it (expected --measure naming a published measure, or no --measure for code FT90284)",
        ])
        let two = ImportFixtures.text("two.csv", header + """
        90284,Injuries,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2022/23,50
        90631,School readiness,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,5 yrs,,,2022/23,65

        """)
        let context = try ImportFixtures.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in
            try FingertipsImporter.parse([two], options: FingertipsImportOptions(title: "Injuries", unit: .rate(per: 10000)), context: context)
        } == [
            "two.csv:3:Indicator ID: a second indicator, 90631, in an import given --title, --unit, which would describe both (expected one indicator per import with --title, --unit)",
        ])
        let stored = Measure(code: "FT90284", title: "Injuries", unit: .rate(per: 10000), polarity: .lowIsGood, yearType: .financial)
        let withStored = try ImportFixtures.context(measures: [stored])
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in
            try FingertipsImporter.parse([one], options: FingertipsImportOptions(unit: .percentage), context: withStored)
        } == [
            "one.csv:2:Indicator ID: --unit percentage: FT90284 is stored in rate:10000 (expected no --unit, or rate:10000: a measure's unit cannot change under the figures stored for it; a measure in another unit needs a code of its own)",
        ])
        // A measure first imported without --unit (a plain number) is given its unit.
        var plain = stored
        plain.unit = .number
        let given = try FingertipsImporter.parse([one], options: FingertipsImportOptions(unit: .rate(per: 10000)), context: ImportFixtures.context(measures: [plain]))
        #expect(given.measures.map(\.unit) == [.rate(per: 10000)])
    }

    @Test("a calendar year (2022, 2021 - 23) in a measure with financial years is refused at Time period")
    func calendarLabels() throws {
        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value\n"
        let mixed = ImportFixtures.text("mixed.csv", header + """
        90284,Injuries,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2020/21,12.3
        90284,Injuries,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2022,15.0
        90284,Injuries,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2021 - 23,14.0

        """)
        let context = try ImportFixtures.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try FingertipsImporter.parse([mixed], context: context) } == [
            "mixed.csv:3:Time period: \"2022\" is a calendar year in Fingertips, and FT90284 has financial years (expected a label such as 2021/22, or a measure with calendar years)",
            "mixed.csv:4:Time period: \"2021 - 23\" is a calendar year in Fingertips, and FT90284 has financial years (expected a label such as 2021/22, or a measure with calendar years)",
        ])
    }

    @Test("limits of -1 to -1 around a value are Fingertips' placeholder, read as missing; a value outside its own 95% limits, or 99.8% limits inside the 95% ones, are refused")
    func limitChecks() throws {
        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit\n"
        let placeholder = ImportFixtures.text("p.csv", header + "90284,Injuries,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2021/22,11.5,-1,-1,-1,-1\n")
        let read = try FingertipsImporter.parse([placeholder], context: ImportFixtures.context())
        #expect(read.observations.map { [$0.value, $0.lower95, $0.upper95, $0.lower99_8, $0.upper99_8] } == [[11.5, nil, nil, nil, nil]])
        let wrong = ImportFixtures.text("w.csv", header + """
        90284,Injuries,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2021/22,80.1,70,75,65,80
        90284,Injuries,,,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2022/23,80,70,90,75,85

        """)
        let context = try ImportFixtures.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try FingertipsImporter.parse([wrong], context: context) } == [
            "w.csv:2:Upper CI 95.0 limit: 80.1 lies outside its own 95% limits, 70 to 75 (expected limits around the value)",
            "w.csv:3:Lower CI 99.8 limit: the 99.8% limits, 75 to 85, are narrower than the 95% limits, 70 to 90 (expected the 99.8% interval to hold the 95% one)",
        ])
    }

    @Test("districts under a county the export names as parent are the county's figures broken down by district; districts under a region are skipped")
    func districtsUnderTheirCounty() throws {
        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Count,Denominator\n"
        // An export of Districts & UAs with Counties & UAs as parents: Warwickshire (E10000031) and
        // two of its districts, the minutes' Nuneaton and Bedworth and Warwick; then a district
        // listed under its region (E12000005), which names no county.
        let file = ImportFixtures.text("districts.csv", header + """
        92904,Admission episodes for alcohol-specific conditions - Under 18s,,,E92000001,England,England,Persons,<18 yrs,,,2021/22 - 23/24,22.6,,
        92904,Admission episodes for alcohol-specific conditions - Under 18s,E92000001,England,E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<18 yrs,,,2021/22 - 23/24,31.4,110,350000
        92904,Admission episodes for alcohol-specific conditions - Under 18s,E10000031,Warwickshire,E07000219,Nuneaton and Bedworth,Districts & UAs (from Apr 2023),Persons,<18 yrs,,,2021/22 - 23/24,40.1,30,74800
        92904,Admission episodes for alcohol-specific conditions - Under 18s,E10000031,Warwickshire,E07000222,Warwick,Districts & UAs (from Apr 2023),Persons,<18 yrs,,,2021/22 - 23/24,38.2,25,65400
        92904,Admission episodes for alcohol-specific conditions - Under 18s,E12000005,West Midlands region,E07000192,Cannock Chase,Districts & UAs (from Apr 2023),Persons,<18 yrs,,,2021/22 - 23/24,20.0,5,25000

        """)
        let batch = try FingertipsImporter.parse([file], context: ImportFixtures.context())
        func figures(_ number: Double?) -> String { number.map { "\($0)" } ?? "-" }
        #expect(batch.observations.map { "\($0.areaCode) \($0.breakdown.key) \($0.period.label) \(figures($0.value)) \(figures($0.numerator))/\(figures($0.denominator))" } == [
            "E92000001  2021/22-23/24 22.6 -/-",
            "E10000031  2021/22-23/24 31.4 110.0/350000.0",
            "E10000031 district=Nuneaton and Bedworth 2021/22-23/24 40.1 30.0/74800.0",
            "E10000031 district=Warwick 2021/22-23/24 38.2 25.0/65400.0",
        ])
        #expect(batch.skipped.map(\.description) == [
            "1 row for an area of type Districts & UAs (from Apr 2023) skipped: Scrutineer holds England, its regions and its upper-tier councils (export Counties & UAs from Fingertips for those, or districts with Counties & UAs as parent areas for figures by district).",
        ])
    }

    @Test("pooled years as Fingertips writes them: calendar (infant mortality's 2009 - 11, 2021 - 23) and financial (2018/19 - 20/21)")
    func pooledYears() throws {
        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value\n"
        let file = ImportFixtures.text("pooled.csv", header + """
        92196,Infant mortality rate,,,E92000001,England,England,Persons,<1 yr,,,2009 - 11,4.3
        92196,Infant mortality rate,,,E92000001,England,England,Persons,<1 yr,,,2021 - 23,4.1
        1,Thing,,,E92000001,England,England,Persons,All ages,,,2018/19 - 20/21,5

        """)
        let batch = try FingertipsImporter.parse([file], context: ImportFixtures.context())
        #expect(batch.measures.map { "\($0.code) \($0.yearType) \($0.periodicity)" } == ["FT92196 calendar multiYear", "FT1 financial multiYear"])
        #expect(batch.observations.map { "\($0.period.label) \($0.period.start)…\($0.period.end)" } == [
            "2009-2011 2009-01-01…2011-12-31", "2021-2023 2021-01-01…2023-12-31", "2018/19-20/21 2018-04-01…2021-03-31",
        ])
    }

    @Test("rows for an area of a type Scrutineer does not hold (districts, GPs) are skipped and counted by area type; an unknown council is still an error")
    func otherAreaTypes() throws {
        let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value\n"
        // E07000218 is North Warwickshire (a district); E06000001 Hartlepool is a unitary authority, in the lookup; A81001 is a GP practice.
        let rows = """
        1,Thing,,,E92000001,England,England,Persons,All ages,,,2021,5
        1,Thing,,,E07000218,North Warwickshire,Districts & UAs (from Apr 2023),Persons,All ages,,,2021,6
        1,Thing,,,E07000219,Nuneaton and Bedworth,Districts & UAs (from Apr 2023),Persons,All ages,,,2021,n/a
        1,Thing,,,E06000001,Hartlepool,Districts & UAs (from Apr 2023),Persons,All ages,,,2021,7
        1,Thing,,,A81001,The Densham Surgery,GPs,Persons,All ages,,,2021,8

        """
        let context = try ImportFixtures.context()
        let batch = try FingertipsImporter.parse([ImportFixtures.text("districts.csv", header + rows)], context: context)
        #expect(batch.observations.map(\.areaCode) == ["E92000001", "E06000001"])
        #expect(batch.skipped.map(\.description) == [
            "2 rows for areas of type Districts & UAs (from Apr 2023) skipped: Scrutineer holds England, its regions and its upper-tier councils (export Counties & UAs from Fingertips for those, or districts with Counties & UAs as parent areas for figures by district).",
            "1 row for an area of type GPs skipped: Scrutineer holds England, its regions and its upper-tier councils (export Counties & UAs from Fingertips for those).",
        ])
        let unknownCounty = ImportFixtures.text("counties.csv", header + rows + "1,Thing,,,E10000099,Nowhere,Counties & UAs (from Apr 2023),Persons,All ages,,,2021,9\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try FingertipsImporter.parse([unknownCounty], context: context) } == [
            "counties.csv:7:Area Code: unknown area code E10000099 (expected the ONS code of England, a region or an LA already imported with scrutineer import areas)",
        ])
    }

    @Test("a confidence limit column under a name Fingertips does not use is refused at the header, not passed over with its figures")
    func limitColumnNames() throws {
        let rows = "1,Thing,E92000001,Persons,All ages,2021,5,4.1,5.9\n"
        let context = try ImportFixtures.context()
        let named = try FingertipsImporter.parse([ImportFixtures.text("ok.csv", "Indicator ID,Indicator Name,Area Code,Sex,Age,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit\n" + rows)], context: context)
        #expect(named.observations.first?.lower95 == 4.1 && named.observations.first?.upper95 == 5.9)
        let other = ImportFixtures.text("other.csv", "Indicator ID,Indicator Name,Area Code,Sex,Age,Time period,Value,Lower CI 95 limit,Upper CI 95.0 limit\n" + rows)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try FingertipsImporter.parse([other], context: context) } == [
            "other.csv:1:Lower CI 95 limit: not a confidence limit column Scrutineer reads (expected Lower CI 95.0 limit, Upper CI 95.0 limit, Lower CI 99.8 limit, Upper CI 99.8 limit, as Fingertips names them)",
        ])
    }
}
