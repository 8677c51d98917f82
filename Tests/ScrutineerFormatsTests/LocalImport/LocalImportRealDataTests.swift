import Foundation
import ScrutineerTestSupport
import ScrutineerCore
import Testing
@testable import ScrutineerFormats

@Suite("LocalImport: real Warwickshire figures from CSV and XLSX")
struct LocalImportRealDataTests {
    private let date = XLSXFixtures.date

    /// Checks `batch` holds exactly the Warwickshire figures of the openpyxl fixture, each equal to
    /// LAIT's (and PrevRegCPR's counts to EES's).
    private func checkWarwickshire(_ batch: ImportBatch, source: String) throws {
        let lait = try LocalImportData.laitWarwickshire()
        let ees = try LocalImportData.eesSubsequentPlans()
        #expect(batch.kind == .local)
        #expect(batch.rowsRead == 11)
        #expect(batch.measures.map(\.code) == ["PrevRegCPR", "TotAbs", "Under18concep"])
        #expect(batch.measures[0] == Measure(
            code: "PrevRegCPR", title: "Percentage of children who became the subject of a plan for a second or subsequent time",
            unit: .percentage, decimalPlaces: 1, polarity: .lowIsGood, yearType: .financial, source: "DfE LAIT",
            committees: ["Children and Young People OSC"], councilAreaCode: "E10000031"
        ))
        #expect(batch.measures[2].unit == .rate(per: 1000))
        #expect(batch.measures[2].yearType == .calendar)
        #expect(batch.measures[2].committees == ["Health OSC", "Children and Young People OSC"])

        let keys = batch.observations.map { "\($0.measureCode)|\($0.period.label)" }
        #expect(keys == [
            "PrevRegCPR|2023", "PrevRegCPR|2024", "PrevRegCPR|2025", "TotAbs|2019", "TotAbs|2020", "TotAbs|2021",
            "Under18concep|2021", "Under18concep|2022",
        ])
        for observation in batch.observations {
            let published = try #require(lait["\(observation.measureCode)|\(observation.period.label)"])
            #expect(observation.areaCode == "E10000031")
            #expect(observation.breakdown == .total)
            #expect(observation.source == source)
            #expect(observation.value == published.value, "\(observation.key)")
            #expect(observation.statusSymbol == StatusSymbol(publishedText: published.note), "\(observation.key)")
            if observation.measureCode == "PrevRegCPR" {
                let counts = try #require(ees[observation.period.label])
                #expect(observation.numerator == counts.subsequent)
                #expect(observation.denominator == counts.all)
                #expect(observation.published == CalendarDate(year: Int(observation.period.label)!, month: 10, day: 31))
            }
        }
        let absence2020 = batch.observations[4]
        #expect(absence2020.value == nil && absence2020.statusSymbol == .laitDash)
        #expect(absence2020.period.start == date("2019-09-01") && absence2020.period.end == date("2020-08-31"))
        #expect(absence2020.nextUpdateDue == date("2026-03-19"))
        #expect(batch.observations[0].period.end == date("2023-03-31"))
        #expect(batch.observations[6].period.start == date("2021-01-01"))
    }

    @Test("a workbook made by openpyxl: percentage cells become points, a DfE number and a numeric period are read")
    func openpyxlWorkbook() throws {
        let file = LocalImportFile(name: "openpyxl_warwickshire.xlsx", data: try XLSXFixtures.data("xlsx/openpyxl_warwickshire.xlsx"))
        let batch = try LocalMeasuresImporter.importBatch([file], context: LocalImportData.context())
        try checkWarwickshire(batch, source: "openpyxl_warwickshire.xlsx")
    }

    @Test("the same workbook re-saved by LibreOffice imports the same figures")
    func libreOfficeWorkbook() throws {
        let file = LocalImportFile(name: "libreoffice_warwickshire.xlsx", data: try XLSXFixtures.data("xlsx/libreoffice_warwickshire.xlsx"))
        let batch = try LocalMeasuresImporter.importBatch([file], context: LocalImportData.context())
        try checkWarwickshire(batch, source: "libreoffice_warwickshire.xlsx")
    }

    @Test("every LAIT figure for Warwickshire, written as a local CSV, imports equal to LAIT")
    func laitRowsAsCSV() throws {
        let lait = try CSVReader.table(contentsOf: SharedFiles.data("lait/lait_kpi_subset_long.csv")).dictionaries()
            .filter { $0["new_la_code"] == "E10000031" }
        let dictionary = try CSVReader.table(contentsOf: SharedFiles.data("lait/lait_kpi_measures.csv")).dictionaries()
        var measures = "code,title,unit,polarity,year_type,source\n"
        for row in dictionary {
            let polarity = ["High": "high", "Low": "low"][row["polarity"]!] ?? "none"
            let yearType = YearType(laitName: row["year_type"]!)!
            let typeName = yearType == .yearEndingSeptember ? "year-ending-september" : yearType.rawValue
            measures += CSVWriter.line([row["measure_code"]!, row["measure"]!, "number", polarity, typeName, "DfE LAIT"])
        }
        var observations = "measure_code,area_code,period,value,status_symbol\n"
        for row in lait {
            observations += CSVWriter.line([row["measure_code"]!, "E10000031", row["period"]!, row["value"]!, row["value_note"]!])
        }
        let batch = try LocalMeasuresImporter.importBatch(
            [LocalImportData.csv("lait_measures.csv", measures), LocalImportData.csv("warwickshire.csv", observations)],
            context: LocalImportData.context()
        )
        #expect(batch.measures.count == dictionary.count)
        #expect(batch.observations.count == lait.count)
        #expect(batch.rowsRead == dictionary.count + lait.count)
        for (observation, row) in zip(batch.observations, lait) {
            #expect(observation.measureCode == row["measure_code"])
            #expect(observation.period.label == row["period"])
            #expect(observation.value == Double(row["value"]!))
            #expect(observation.statusSymbol == StatusSymbol(publishedText: row["value_note"]!))
            #expect(observation.source == "warwickshire.csv")
        }
    }

    @Test("a workbook from the writer: % cells and \"61.2%\" text, DfE numbers, dates, breakdowns, a monthly date period")
    func writerWorkbook() throws {
        let lait = try LocalImportData.laitWarwickshire()
        let reReferral2025 = try #require(lait["ReReferral|2025"]?.value)
        let sheets = [
            XLSXSheet(name: "Figures", rows: [
                ["Measure Code", "AREA CODE", "Period", "Value", "Numerator", "Denominator", "Lower95", "Upper95", "Published", "breakdown:Age Band", "Breakdown_Sex"].map(SpreadsheetCell.text),
                [.text("ReReferral"), .number(937), .number(2025), .percentage(reReferral2025 / 100), .empty, .empty, .percentage(0.159), .percentage(0.181), .date(date("2025-11-13"))],
                [.text("ReReferral"), .text("E10000031"), .text("2024/25"), .text("61.2%"), .number(153), .number(250), .empty, .empty, .text("13/11/2025"), .text("0-4"), .text("Female")],
                [.text("EH_MONTHLY"), .text("E10000031"), .date(date("2024-09-01")), .number(1234), .empty, .empty, .empty, .empty, .text("2024-10-15")],
            ]),
            XLSXSheet(name: "Measures", rows: [
                ["code", "title", "unit", "polarity", "year_type", "periodicity", "committees"].map(SpreadsheetCell.text),
                [.text("ReReferral"), .text("Re-referrals within 12 months"), .text("percentage"), .text("low"), .text("financial"), .empty, .text("Children OSC")],
                [.text("EH_MONTHLY"), .text("Early help cases open"), .text("count"), .text("none"), .text("Financial Year"), .text("monthly"), .empty],
            ]),
        ]
        let file = LocalImportFile(name: "local.xlsx", data: try XLSXWriter.data(for: sheets))
        let batch = try LocalMeasuresImporter.importBatch([file], context: LocalImportData.context())
        #expect(batch.measures.map(\.code) == ["ReReferral", "EH_MONTHLY"])
        #expect(batch.measures[1].periodicity == .monthly && batch.measures[1].yearType == .financial)
        let observations = batch.observations
        #expect(observations.count == 3)
        #expect(observations[0].value == reReferral2025)
        #expect(observations[0].value == 17.0)
        #expect(observations[0].lower95 == 15.9 && observations[0].upper95 == 18.1)
        #expect(observations[0].period.label == "2025" && observations[0].published == date("2025-11-13"))
        #expect(observations[1].value == 61.2 && observations[1].numerator == 153 && observations[1].denominator == 250)
        #expect(observations[1].period.label == "2024/25")
        #expect(observations[1].breakdown.key == "age_band=0-4;sex=Female")
        #expect(observations[1].published == date("2025-11-13"))
        #expect(observations[2].period.label == "2024-09" && observations[2].period.kind == .month)
        #expect(observations[2].value == 1234 && observations[2].published == date("2024-10-15"))
    }

    @Test("cells merged down a sheet's records are refused as merged, at the range's first cell, not only called blank; a merged title above the header, or a note merged across empty columns, is no matter")
    func mergedCells() throws {
        let known = Measure(code: "PrevRegCPR", title: "Second or subsequent plans", unit: .percentage, polarity: .lowIsGood, yearType: .financial, councilAreaCode: "E10000031")
        func cell(_ reference: String, _ text: String) -> String { "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let rows = [
            "<row r=\"1\">" + cell("A1", "Key measures") + "</row>",
            "<row r=\"2\">" + cell("A2", "measure_code") + cell("B2", "area_code") + cell("C2", "period") + cell("D2", "value") + cell("E2", "notes") + "</row>",
            "<row r=\"3\">" + cell("A3", "PrevRegCPR") + cell("B3", "E10000031") + cell("C3", "2025") + "<c r=\"D3\"><v>23</v></c>" + cell("E3", "Revised") + "</row>",
            "<row r=\"4\">" + cell("B4", "E10000031") + cell("C4", "2024") + "<c r=\"D4\"><v>20</v></c></row>",
        ]
        let sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows.joined()
            + "</sheetData><mergeCells count=\"3\"><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"A3:A4\"/><mergeCell ref=\"E3:G3\"/></mergeCells></worksheet>"
        let data = try XLSXReaderTests.zip(XLSXReaderTests.minimalParts(sheetXML: sheet))
        #expect(try XLSXWorkbook(data: data, fileName: "m.xlsx").sheet().mergedCells.map(\.reference) == ["A1:D1", "A3:A4", "E3:G3"])
        // A note merged across columns with no header blanks nothing the import reads: no matter.
        #expect(LocalImportData.errors([LocalImportFile(name: "m.xlsx", data: data)], context: try LocalImportData.context(measures: [known])) == [
            "m.xlsx[Data]:3:measure_code: the cells A3:A4 are merged, so only A3 holds a value and the others are blank (expected a value in each cell: unmerge the cells and fill each one)",
            "m.xlsx[Data]:4:measure_code: missing measure code (expected the code of a measure, such as one in the measures sheet)",
        ])
    }

    @Test("a title and notes above a sheet's header, or a CSV's, are passed over; rows keep their numbers in the sheet or file")
    func titleAboveHeader() throws {
        let known = Measure(code: "PrevRegCPR", title: "Second or subsequent plans", unit: .percentage, polarity: .lowIsGood, yearType: .financial, councilAreaCode: "E10000031")
        let header = ["measure_code", "area_code", "period", "value"].map(SpreadsheetCell.text)
        let title: [[SpreadsheetCell]] = [
            [.text("Warwickshire children's services: key measures, 2024/25 Q2")],
            [],
            [.text("Source: case management system, extracted 14/10/2024"), .empty, .text("Owner: performance team")],
        ]
        let rows: [[SpreadsheetCell]] = [
            header,
            [.text("PrevRegCPR"), .text("E10000031"), .text("2025"), .number(23)],
            [.text("PrevRegCPR"), .text("E10000031"), .text("2024"), .text("n/a")],
        ]
        let book = { (rows: [[SpreadsheetCell]]) in
            LocalImportFile(name: "kpis.xlsx", data: try XLSXWriter.data(for: [XLSXSheet(name: "Q2", rows: rows)]))
        }
        let context = try LocalImportData.context(measures: [known])
        let batch = try LocalMeasuresImporter.importBatch([book(title + rows.dropLast())], context: context)
        #expect(batch.observations.map(\.value) == [23])
        #expect(batch.rowsRead == 1)
        // The bad cell is named by its row in the sheet: the title, a blank row and the notes come first.
        let withBadCell = try book(title + rows)
        #expect(LocalImportData.errors([withBadCell], context: context) == [
            "kpis.xlsx[Q2]:6:value: \"n/a\" is not a number (expected a number such as 61.2)",
        ])
        // A title with no header under it in the first ten filled rows is still the header, and named as such.
        let noHeader = title + Array(repeating: [SpreadsheetCell.text("note")], count: 10) + rows
        let titleOnly = try book(noHeader)
        #expect(LocalImportData.errors([titleOnly], context: context) == [
            "kpis.xlsx[Q2]:1:-: no header row among the first 10 rows names observations (expected columns measure_code, area_code, period and value) or measures (expected columns code, title, unit, polarity and year_type)",
        ])
        // The same sheet saved as CSV by Excel (every row as wide as the widest), and typed by hand (a title of one field).
        let saved = "Warwickshire children's services: key measures,,,\n,,,\nmeasure_code,area_code,period,value\nPrevRegCPR,E10000031,2025,23\nPrevRegCPR,E10000031,2024,n/a\n"
        #expect(LocalImportData.errors([LocalImportData.csv("kpis.csv", saved)], context: context) == [
            "kpis.csv:5:value: \"n/a\" is not a number (expected a number such as 61.2)",
        ])
        let typed = "Key measures\nmeasure_code,area_code,period,value\nPrevRegCPR,E10000031,2025,23\n"
        #expect(try LocalMeasuresImporter.importBatch([LocalImportData.csv("typed.csv", typed)], context: context).observations.map(\.value) == [23])
        // Notes naming one column ("Period: 2024/25 Q2", as label and value) are not the header: the
        // header names the most columns.
        let periodNote: [[SpreadsheetCell]] = [[.text("Period"), .text("2024/25 Q2")], [.text("Owner"), .text("Performance team")]]
        #expect(LocalImportData.errors([try book(periodNote + rows)], context: context) == [
            "kpis.xlsx[Q2]:5:value: \"n/a\" is not a number (expected a number such as 61.2)",
        ])
        let noted = "Period,2024/25 Q2\nmeasure_code,area_code,period,value\nPrevRegCPR,E10000031,2025,23\n"
        #expect(try LocalMeasuresImporter.importBatch([LocalImportData.csv("noted.csv", noted)], context: context).observations.map(\.value) == [23])
    }

    @Test("measures already in the database need no measures sheet; a row repeated with the same figures, even in another file, counts once")
    func knownMeasures() throws {
        let known = Measure(code: "PrevRegCPR", title: "Second or subsequent plans", unit: .percentage, polarity: .lowIsGood, yearType: .financial, councilAreaCode: "E10000031")
        let text = """
        measure_code,area_code,period,value,numerator,denominator
        PrevRegCPR,E10000031,2025,23.0,114,496
        PrevRegCPR,E10000031,2025,23.0,114,496
        PrevRegCPR,937,2024,20.1,93,463

        """
        let again = "measure_code,area_code,period,value,numerator,denominator\nPrevRegCPR,E10000031,2025,23,114,496\n"
        let batch = try LocalMeasuresImporter.importBatch(
            [LocalImportData.csv("cpp.csv", text), LocalImportData.csv("again.csv", again)], context: LocalImportData.context(measures: [known])
        )
        #expect(batch.measures.isEmpty)
        #expect(batch.rowsRead == 4)
        #expect(batch.files == ["cpp.csv", "again.csv"])
        #expect(batch.observations.map(\.source) == ["cpp.csv", "cpp.csv"])
        #expect(batch.observations.map(\.value) == [23.0, 20.1])
        #expect(batch.observations.map(\.areaCode) == ["E10000031", "E10000031"])
    }

    @Test("a council whose code alone changed is its new code, by DfE number or by old code, as the published imports store it (la_lookup_from_ees.csv: Barnsley 370, E08000016 then E08000038)")
    func recodedCouncil() throws {
        let own = Measure(code: "BARN_EH", title: "Early help", unit: .count, polarity: .noJudgement, yearType: .financial, councilAreaCode: "E08000038")
        let text = """
        measure_code,area_code,period,value
        BARN_EH,370,2023,10
        BARN_EH,E08000016,2024,11
        BARN_EH,e08000038,2025,12

        """
        let batch = try LocalMeasuresImporter.importBatch([LocalImportData.csv("barnsley.csv", text)], context: ImportFixtures.context(measures: [own]))
        #expect(batch.observations.map(\.areaCode) == ["E08000038", "E08000038", "E08000038"])
    }
}
