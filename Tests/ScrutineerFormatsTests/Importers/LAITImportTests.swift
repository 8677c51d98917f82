import Foundation
import Testing
import ScrutineerCore
@testable import ScrutineerFormats

@Suite("Import: LAIT long table and measure dictionary")
struct LAITImportTests {
    @Test("the 56,100-row subset and its dictionary parse together: one observation per row, 36 measures, 170 areas, every '-' kept as a symbol")
    func shippedSubset() throws {
        let batch = try ImportFixtures.laitBatch()
        let data = try ImportFixtures.table(ImportFixtures.laitData)
        let dictionary = try ImportFixtures.table(ImportFixtures.laitMeasures)
        let rows = data.dictionaries()
        #expect(batch.kind == .lait)
        #expect(batch.files == ["lait_kpi_subset_long.csv", "lait_kpi_measures.csv"])
        #expect(batch.rowsRead == 56_100 + 36)
        #expect(batch.observations.count == 56_100)
        #expect(batch.observations.count == data.records.count)
        #expect(batch.measures.count == 36)
        #expect(batch.measures.map(\.code) == dictionary.dictionaries().map { $0["measure_code"]! })
        #expect(Set(batch.observations.map(\.measureCode)) == Set(rows.map { $0["measure_code"]! }))
        let areas = Set(batch.observations.map(\.areaCode))
        #expect(areas.count == 170)
        #expect(areas == Set(rows.map { $0["new_la_code"]! }))
        #expect(Set(rows.filter { $0["geographic_level"] == "Local authority" }.map { $0["new_la_code"]! }).count == 158)
        let dashes = rows.filter { $0["value_note"] == "-" }.count
        #expect(dashes == 5506)
        #expect(batch.observations.filter { $0.statusSymbol == .laitDash }.count == dashes)
        #expect(batch.observations.filter { $0.value == nil }.count == rows.filter { $0["value"]!.isEmpty }.count)
        #expect(batch.observations.allSatisfy { $0.source == "lait_kpi_subset_long.csv" && $0.breakdown.isTotal })
    }

    @Test("spot values equal the CSV text: Warwickshire's re-referrals 2025, England's absence 2023/24, a pooled period")
    func spotValues() throws {
        let batch = try ImportFixtures.laitBatch()
        let text = String(decoding: try ImportFixtures.file(ImportFixtures.laitData).data, as: UTF8.self)
        func observation(_ measure: String, _ area: String, _ period: String) -> Observation? {
            batch.observations.first { $0.measureCode == measure && $0.areaCode == area && $0.period.label == period }
        }
        #expect(text.contains("\nReReferral,2025,Local authority,Warwickshire,937,E10000031,West Midlands,17.0,\n"))
        let rereferral = try #require(observation("ReReferral", "E10000031", "2025"))
        #expect(rereferral.value == 17.0)
        #expect(rereferral.statusSymbol == nil)
        #expect(rereferral.period.start == CalendarDate(year: 2024, month: 4, day: 1))
        #expect(rereferral.period.end == CalendarDate(year: 2025, month: 3, day: 31))

        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("TotAbs,2024,National,England,970,E92000001,") })
        let absence = try #require(observation("TotAbs", "E92000001", "2024"))
        #expect(absence.value == Double(String(line.split(separator: ",", omittingEmptySubsequences: false)[7])))
        #expect(absence.period.start == CalendarDate(year: 2023, month: 9, day: 1)) // academic year 2023/24

        let pooled = try #require(observation("Hosp_Adm_Alc_<18yrs", "E10000031", "2021/22-23/24"))
        #expect(pooled.period.kind == .pooledYears)
        #expect(pooled.period.start == CalendarDate(year: 2021, month: 4, day: 1))
        #expect(pooled.period.end == CalendarDate(year: 2024, month: 3, day: 31))

        let dash = try #require(text.split(separator: "\n").first { $0.hasSuffix(",,-") })
        let fields = dash.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let suppressed = try #require(observation(fields[0], fields[5], fields[1]))
        #expect(suppressed.value == nil)
        #expect(suppressed.statusSymbol == .laitDash)
    }

    @Test("dictionary rows become measures: unit and definition as LAIT's full dictionary states them, polarity, year type, dps, multi-year when every period is pooled")
    func measures() throws {
        let measures = Dictionary(uniqueKeysWithValues: try ImportFixtures.laitBatch().measures.map { ($0.code, $0) })
        let rereferral = try #require(measures["ReReferral"])
        #expect(rereferral == Measure(
            code: "ReReferral", title: "Percentage of re-referrals to children's social care within 12 months",
            definition: "Referrals to children's social care within 12 months of a previous referral, as a percentage of all referrals.",
            theme: "Child Protection", unit: .percentage, polarity: .lowIsGood, yearType: .financial, source: "DfE LAIT", benchmarkComparison: .notCompared
        ))
        // The units are LAIT's own data dictionary's y-axis names (lait_data_dictionary.csv in
        // dfe-analytical-services/local-authority-interactive-tool), which the shipped dictionary omits.
        #expect(measures["LAC"]?.unit == .rate(per: 10000)) // "Rate per 10,000"
        #expect(measures["LAC"]?.polarity == .noJudgement) // "-"
        #expect(measures["LAC"]?.yearType == .financial) // "Annual": at 31 March
        #expect(measures["CPP_Total_Rateper10,000"]?.unit == .rate(per: 10000)) // "Rate per 10,000"
        #expect(measures["Under18concep"]?.unit == .rate(per: 1000)) // "Rate per 1000 15 - 17 year olds"
        #expect(measures["FirstYJS"]?.unit == .rate(per: 100_000)) // "Rate per 100,000 of 10-17 population"
        #expect(measures["Hosp_Adm_Alc_<18yrs"]?.unit == .rate(per: 100_000)) // "Rate per 100,000"
        #expect(measures["Work_Force_AvgNumCase_SW"]?.unit == .number) // "Case Load"
        #expect(measures["Work_Force_TO_Rate"]?.unit == .percentage) // "Turnover rate", "Social worker turnover (%)"
        #expect(measures["HCP_PHOF"]?.unit == .percentage) // "% 2-2½ year olds"
        #expect(measures["TotAbs"]?.unit == .percentage) // "% half days missed"
        #expect(measures["TotPermEx"]?.unit == .percentage) // "% of the school population"
        #expect(measures["6wksBreast"]?.unit == .percentage) // "% infants breastfeeding"
        #expect(measures.values.filter { $0.unit == .number }.map(\.code) == ["Work_Force_AvgNumCase_SW"])
        #expect(measures.values.allSatisfy { $0.definition != nil }, "every shipped LAIT measure is defined")
        #expect(measures["Under18concep"]?.definition == "Conceptions to girls aged under 18, per 1,000 females aged 15 to 17 (ONS conception statistics).")
        #expect(measures["TotAbs"]?.decimalPlaces == 2)
        #expect(measures["TotAbs"]?.yearType == .academic)
        #expect(measures["SEN_TotStat"]?.polarity == .noJudgement) // blank
        #expect(measures["Work_Force_Vac_Rate"]?.yearType == .yearEndingSeptember)
        #expect(measures["Under18concep"]?.yearType == .calendar)
        #expect(measures["Hosp_Adm_Alc_<18yrs"]?.periodicity == .multiYear)
        #expect(measures.values.filter { $0.periodicity == .multiYear }.count == 1)
        #expect(measures.values.filter { $0.decimalPlaces != nil }.count == 7)
    }

    @Test("without the dictionary the data need measures already known; with them the observations are the same")
    func dataAlone() throws {
        let together = try ImportFixtures.laitBatch()
        let data = try ImportFixtures.file(ImportFixtures.laitData)
        let alone = try LAITImporter.parse([data], context: ImportFixtures.context(measures: together.measures))
        #expect(alone.measures.isEmpty)
        #expect(alone.observations == together.observations)
        let header = "measure_code,period,geographic_level,area_name,old_la_code,new_la_code,region,value,value_note\n"
        let unknown = ImportFixtures.text("lait.csv", header + "ReReferral,2025,Local authority,Warwickshire,937,E10000031,West Midlands,17.0,\n")
        let context = try ImportFixtures.context()
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([unknown], context: context) } == [
            "lait.csv:2:measure_code: unknown measure \"ReReferral\" (expected a measure already known, or import lait_kpi_measures.csv with the data)",
        ])
    }

    @Test("a measure LAIT's full dictionary does not list takes its unit from its title and has no definition")
    func unlistedMeasure() throws {
        let file = ImportFixtures.text("measures.csv", """
        measure_code,measure,topic,polarity,year_type,dps,periods
        NEW_PCT,Percentage of something new,T,High,Financial Year,,2025
        NEW_RATE,"Something new rate per 1,000",T,Low,Financial Year,,2025
        NEW_NUM,Something new,T,Low,Financial Year,,2025

        """)
        let measures = try LAITImporter.parse([file], context: ImportContext()).measures
        #expect(measures.map(\.unit) == [.percentage, .rate(per: 1000), .number])
        #expect(measures.allSatisfy { $0.definition == nil })
    }

    @Test("a stored measure's years cannot change under its figures")
    func storedYears() throws {
        let file = ImportFixtures.text("measures.csv", "measure_code,measure,topic,polarity,year_type,dps,periods\nPrevRegCPR,Repeat plans,CP,Low,Academic Year,,2024/25\n")
        let stored = Measure(code: "PrevRegCPR", title: "Repeat plans", unit: .percentage, polarity: .lowIsGood, yearType: .financial)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([file], context: ImportContext(measures: [stored])) } == [
            "measures.csv:2:year_type: PrevRegCPR is stored with financial years (expected the year type it is stored with: a measure's years cannot change under the figures stored for it)",
        ])
    }

    @Test("bad dictionary cells are each named")
    func badDictionary() throws {
        let file = ImportFixtures.text("measures.csv", """
        measure_code,measure,topic,polarity,year_type,dps,periods
        A,Percentage of A,T,Up,Financial Year,,2024;2025
        B,,T,Low,Fiscal,1.5,2024
        C,"C rate per 10,000",T,High,Academic Year,,2024;2023/24;2024/26
        A,Percentage of A,T,Low,Financial Year,,2025

        """)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([file], context: ImportContext()) } == [
            "measures.csv:2:polarity: \"Up\" is not a polarity (expected High, Low, - or blank)",
            "measures.csv:3:measure: blank (expected the measure's title)",
            "measures.csv:3:year_type: \"Fiscal\" is not a LAIT year type (expected Financial Year, Academic Year, Calendar Year, Annual or Annual (end of Sept))",
            "measures.csv:3:dps: \"1.5\" is not a number of decimal places (expected a whole number from 0 to 10, or blank)",
            "measures.csv:4:periods: unknown period \"2024/26\" for a measure with academic years (expected a label such as 2025, 2023/24, 2021/22-23/24, 2024/25 Q2, 2023/24 Autumn term or 2024-09)",
        ])
        let twice = ImportFixtures.text("measures.csv", "measure_code,measure,topic,polarity,year_type,dps,periods\nA,A,T,Low,Annual,,\nA,A,T,Low,Annual,,\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([twice], context: ImportContext()) } == [
            "measures.csv:3:measure_code: A is already defined on row 2 (expected each measure once)",
        ])
    }

    @Test("each dictionary measure is named by its code cell; a code that is a council's own measure is refused at its row")
    func measuresDefinedAt() throws {
        let batch = try ImportFixtures.laitBatch()
        #expect(batch.measuresDefinedAt.count == 36)
        // ReReferral is the shipped dictionary's third data row (line 4 of lait_kpi_measures.csv).
        let dictionary = try ImportFixtures.table(ImportFixtures.laitMeasures)
        let line = try #require(dictionary.records.first { $0.fields.first == "ReReferral" }?.line)
        #expect(batch.measuresDefinedAt["ReReferral"] == CellReference(file: "lait_kpi_measures.csv", row: line, column: "measure_code"))

        var claimed = try #require(batch.measures.first { $0.code == "ReReferral" })
        claimed.councilAreaCode = "E10000031"
        let context = try ImportFixtures.context(measures: [claimed])
        let measures = try ImportFixtures.file(ImportFixtures.laitMeasures)
        let lines = ImportFixtures.errorLines { () throws(BatchInputErrors) in try LAITImporter.parse([measures], context: context) }
        #expect(lines == [
            "lait_kpi_measures.csv:\(line):measure_code: ReReferral is council E10000031 Warwickshire's own measure, so LAIT's dictionary may not "
                + "redefine it (expected the council to give its own measure a code of its own, e.g. with its prefix, before LAIT is imported)",
        ])
    }
}
