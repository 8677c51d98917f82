import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerFormats

@Suite("LocalImport: every rejected cell, named FILE:ROW:COLUMN")
struct LocalImportErrorTests {
    private let context: ImportContext
    private let date = XLSXFixtures.date

    init() throws {
        context = try LocalImportData.context()
    }

    private func errors(_ files: [LocalImportFile], sheet: String? = nil) -> [String] {
        LocalImportData.errors(files, sheet: sheet, context: context)
    }

    @Test("a period of another kind than the measure's figures (a month for an annual or quarterly measure, a quarter for a monthly one), or one not yet begun, is refused at its cell (found by exploratory testing)")
    func periodOfAnotherKind() {
        let observations = LocalImportData.csv("obs.csv", """
        measure_code,area_code,period,value
        PrevRegCPR,E10000031,2024-09,20.1
        EH_MONTHLY,E10000031,2024/25 Q2,5
        PrevRegCPR,E10000031,2062/63,20.1
        EH_MONTHLY,E10000031,2062-09,5
        PrevRegCPR,E10000031,2021/22-23/24,20.1
        EH_MONTHLY,E10000031,2024-09,5

        """)
        #expect(errors([LocalImportData.measuresCSV, observations]) == [
            "obs.csv:2:period: 2024-09 is a month, and PrevRegCPR's figures are annual (expected a year such as 2025/26, or a school term)",
            "obs.csv:3:period: 2024/25 Q2 is a quarter, and EH_MONTHLY's figures are monthly (expected a month such as 2026-09)",
            "obs.csv:4:period: 2062/63 begins on 2062-04-01, after today, \(CalendarDate.todayUTC.iso) (expected a period that has begun)",
            "obs.csv:5:period: 2062-09 begins on 2062-09-01, after today, \(CalendarDate.todayUTC.iso) (expected a period that has begun)",
        ])
    }

    @Test("a figure with a status symbol beside it is refused, as the symbol stands in place of a figure and would be kept but shown nowhere (found by exploratory testing)")
    func symbolBesideFigure() {
        let observations = LocalImportData.csv("obs.csv", """
        measure_code,area_code,period,value,status_symbol
        PrevRegCPR,E10000031,2023/24,62.8,u
        PrevRegCPR,E10000031,2022/23,,u
        PrevRegCPR,E10000031,2021/22,0,z

        """)
        #expect(errors([LocalImportData.measuresCSV, observations]) == [
            "obs.csv:2:status_symbol: u stands in place of a figure, and value holds 62.8 (expected the figure with status_symbol blank, or the symbol with value blank)",
            "obs.csv:4:status_symbol: z stands in place of a figure, and value holds 0 (expected the figure with status_symbol blank, or the symbol with value blank)",
        ])
    }

    @Test("bad observation cells in a CSV: each one reported, nothing returned")
    func observationCells() {
        let observations = LocalImportData.csv("obs.csv", """
        measure_code,area_code,period,value,numerator,denominator,status_symbol,published,breakdown:sex
        PrevRegCPR,E10000031,2024/25,20.1,93,463,,2025-10-30,
        NoSuchMeasure,E10000031,2024/25,1,,,,,
        PrevRegCPR,E99999999,2024/25,20.1,,,,,
        PrevRegCPR,E10000031,2024 Q5,20.1,,,,,
        PrevRegCPR,E10000031,2023/24,twenty,,,,,
        PrevRegCPR,E10000031,2022/23,20.1,500,463,,,
        PrevRegCPR,E10000031,2024/25,21.0,,,,,
        PrevRegCPR,E10000031,2024/25,20.1,93,463,,2025-10-30,
        CIN_RATE,E10000031,2024/25,61.2%,,,,,
        PrevRegCPR,E10000031,2021/22,120,,,,,
        PrevRegCPR,E10000031,2020/21,,,,q,,
        PrevRegCPR,E10000031,2019/20,,,,,31/13/2025,
        PrevRegCPR,E10000031,2018/19,18.7,,,,,Male;Female
        PrevRegCPR,E10000031
        PrevRegCPR,E10000031,2017/18,18.7,,,,,,extra
        ,E10000031,2016/17,18.1,,,,,
        EH_MONTHLY,E10000031,2024-13,5,,,,,
        PrevRegCPR,E10000031,2015/16,c,,,x,,
        PrevRegCPR,E10000031,2014/15,1,234,,,,,
        PrevRegCPR,E10000031,2013/14,0.201,93,463,,,
        PrevRegCPR,E10000031,2012/13, -   ,,,,,
        PrevRegCPR,E10000031,2011/12,-,,,-,,
        PrevRegCPR,E10000031,2010/11,20,93,463,,,
        PrevRegCPR,E10000031,2009/10,20.1,93.5,463,,,

        """)
        #expect(errors([LocalImportData.measuresCSV, observations]) == [
            "obs.csv:3:measure_code: unknown measure code \"NoSuchMeasure\" (expected a measure defined in this import's measures sheet or file, or one already in the database)",
            "obs.csv:4:area_code: unknown area code \"E99999999\" (expected the ONS code of an area Scrutineer knows, such as E10000031, or its DfE number, such as 937)",
            "obs.csv:5:period: unknown period \"2024 Q5\" for a measure with financial years (expected a label such as 2025, 2023/24, 2021/22-23/24, 2024/25 Q2 or 2024-09)",
            "obs.csv:6:value: \"twenty\" is not a number (expected a number such as 61.2)",
            "obs.csv:7:numerator: numerator 500 is above denominator 463 for a percentage (expected a numerator no larger than the denominator)",
            "obs.csv:8:measure_code: the same measure, area, period and breakdown as obs.csv:2 with different figures (expected one row per measure, area, period and breakdown)",
            "obs.csv:10:value: \"61.2%\" is a percentage but the measure counts in rate:10000 (expected a plain number)",
            "obs.csv:11:value: 120 is outside 0–100 for a percentage (expected percentage points such as 61.2, or a cell formatted as a percentage)",
            "obs.csv:12:status_symbol: \"q\" is not a status symbol (expected one of c z x u k low - ..)",
            "obs.csv:13:value: missing value (expected a number, or a status symbol such as c in status_symbol)",
            "obs.csv:13:published: \"31/13/2025\" is not a date (expected a date such as 2025-03-31, or a cell formatted as a date)",
            "obs.csv:14:breakdown:sex: \"Male;Female\" contains ; or = (expected a breakdown value without them, such as 17-18)",
            "obs.csv:15:period: the row has 2 of the header's 9 fields (expected one field per column; is the row cut short?)",
            "obs.csv:16:J: the row has 10 fields but the header has 9 (expected one field per column; a number written with a comma, such as 1,234, goes in quotes: \"1,234\")",
            "obs.csv:17:measure_code: missing measure code (expected the code of a measure, such as one in the measures sheet)",
            "obs.csv:18:period: unknown period \"2024-13\" for a measure with financial years (expected a label such as 2025, 2023/24, 2021/22-23/24, 2024/25 Q2 or 2024-09)",
            "obs.csv:19:value: the symbol c differs from status_symbol x (expected a number, or the same symbol)",
            "obs.csv:20:J: the row has 10 fields but the header has 9 (expected one field per column; a number written with a comma, such as 1,234, goes in quotes: \"1,234\")",
            // 93 of 463 is 20.086…%, 20.1 to the measure's 1 decimal place.
            "obs.csv:21:value: 0.201 is not 93 of 463, which is 20.1% (expected 20.1, the numerator's share of the denominator in percentage points, or the counts corrected)",
            "obs.csv:22:value: \"-\" is how a spreadsheet shows 0 in its accounting format, and the symbol for no figure (expected 0, or - in status_symbol too when there is no figure)",
            "obs.csv:24:value: 20 is not 93 of 463, which is 20.1% (expected 20.1, the numerator's share of the denominator in percentage points, or the counts corrected)",
            "obs.csv:25:numerator: numerator 93.5 is not a whole number (expected a count of people or events for a percentage)",
        ])
    }

    @Test("bad measure rows: unit, polarity, year type, decimal places, a missing code, a conflicting definition")
    func measureCells() {
        let measures = LocalImportData.csv("more-measures.csv", """
        code,title,unit,polarity,year_type,decimal_places,periodicity,publication_lag_days
        X1,Title,percent,high,financial,,,
        X2,Title,count,up,fiscal,1.5,weekly,-3
        ,Untitled,count,low,financial,,,
        PrevRegCPR,Another title,percentage,low,financial,1,annual,
        CIN_RATE,Children in need per 10000,rate:10000,none,financial,1,annual,

        """)
        #expect(errors([LocalImportData.measuresCSV, measures]) == [
            "more-measures.csv:2:unit: \"percent\" is not a unit (expected percentage, rate:N such as rate:10000, count, days, weeks, money or number)",
            "more-measures.csv:3:polarity: \"up\" is not a polarity (expected high, low or none)",
            "more-measures.csv:3:year_type: \"fiscal\" is not a year type (expected financial, academic, calendar or year-ending-september)",
            "more-measures.csv:3:decimal_places: \"1.5\" is not a whole number (expected a whole number such as 1)",
            "more-measures.csv:3:periodicity: \"weekly\" is not a periodicity (expected monthly, quarterly, annual or multi-year)",
            "more-measures.csv:3:publication_lag_days: -3 days (expected 0 or more days)",
            "more-measures.csv:4:code: missing code (expected a measure code such as CIN_REREF)",
            "more-measures.csv:5:code: the measure PrevRegCPR is already defined at measures.csv:2 with different details (expected one definition per measure)",
        ])
    }

    @Test("a breakdown group written another way than earlier in the import or in the database is refused at its cell, naming the spelling to use")
    func breakdownGroupSpellings() throws {
        let observations = LocalImportData.csv("districts.csv", """
        measure_code,area_code,period,value,breakdown:district,breakdown:age_band
        CIN_RATE,E10000031,2024/25,310.2,Nuneaton and Bedworth,
        CIN_RATE,E10000031,2023/24,305.0,Nuneaton & Bedworth,
        CIN_RATE,E10000031,2022/23,301.7,nuneaton and bedworth,
        CIN_RATE,E10000031,2024/25,280.4,Stratford-on-Avon,
        CIN_RATE,E10000031,2023/24,275.9,Stratford on Avon,
        CIN_RATE,E10000031,2024/25,250.0,Warwick,
        CIN_RATE,E10000031,2024/25,262.5,North Warwickshire,
        CIN_RATE,E10000031,2024/25,240.1,RUGBY,
        CIN_RATE,E10000031,2024/25,12.0,,17 - 18
        CIN_RATE,E10000031,2023/24,11.0,,19-20

        """)
        // Rugby's figures and the age bands are already stored, spelled as the database holds them.
        var context = self.context
        context.breakdownGroups = ["district": ["Rugby"], "age_band": ["17-18", "19 to 20"], "sex": ["Female"]]
        #expect(LocalImportData.errors([LocalImportData.measuresCSV, observations], context: context) == [
            "districts.csv:3:breakdown:district: \"Nuneaton & Bedworth\" is \"Nuneaton and Bedworth\" written another way (expected \"Nuneaton and Bedworth\", as districts.csv:2 writes it, so its figures form one series)",
            "districts.csv:4:breakdown:district: \"nuneaton and bedworth\" is \"Nuneaton and Bedworth\" written another way (expected \"Nuneaton and Bedworth\", as districts.csv:2 writes it, so its figures form one series)",
            "districts.csv:6:breakdown:district: \"Stratford on Avon\" is \"Stratford-on-Avon\" written another way (expected \"Stratford-on-Avon\", as districts.csv:5 writes it, so its figures form one series)",
            "districts.csv:9:breakdown:district: \"RUGBY\" is \"Rugby\" written another way (expected \"Rugby\", as the database holds it, so its figures form one series)",
            "districts.csv:10:breakdown:age_band: \"17 - 18\" is \"17-18\" written another way (expected \"17-18\", as the database holds it, so its figures form one series)",
        ])
        // Spelled as stored, the same rows import; a group new to the database is not a respelling.
        let corrected = LocalImportData.csv("districts.csv", """
        measure_code,area_code,period,value,breakdown:district,breakdown:age_band
        CIN_RATE,E10000031,2024/25,310.2,Nuneaton and Bedworth,
        CIN_RATE,E10000031,2023/24,305.0,Nuneaton and Bedworth,
        CIN_RATE,E10000031,2024/25,240.1,Rugby,
        CIN_RATE,E10000031,2024/25,12.0,,17-18
        CIN_RATE,E10000031,2023/24,11.0,,19-20

        """)
        #expect(LocalImportData.errors([LocalImportData.measuresCSV, corrected], context: context) == [])
    }

    @Test("headers: a missing required column, an unknown column, a repeated column, a header of neither kind, an empty file")
    func headers() {
        #expect(errors([LocalImportData.csv("short.csv", "measure_code,area_code,period\nPrevRegCPR,E10000031,2025\n")]) == [
            "short.csv:1:value: missing column (expected a header with at least measure_code, area_code, period and value)",
        ])
        #expect(errors([LocalImportData.csv("typo.csv", "measure_code,area_code,period,value,Numerater,Value\n")]) == [
            "typo.csv:1:Numerater: unknown column (expected measure_code, area_code, period, value, numerator, denominator, lower95, upper95, status_symbol, published, next_update_due, breakdown:<dimension>, or a note column)",
            "typo.csv:1:Value: the column value appears twice (expected each column once)",
        ])
        #expect(errors([LocalImportData.csv("other.csv", "name,total\nA,1\n")]) == [
            "other.csv:1:-: no header row among the first 10 rows names observations (expected columns measure_code, area_code, period and value) or measures (expected columns code, title, unit, polarity and year_type)",
        ])
        #expect(errors([LocalImportData.csv("empty.csv", "")]) == ["empty.csv:1:-: the file is empty (expected a header row)"])
        #expect(errors([LocalImportData.csv("m.csv", "code,title,unit\nX,Y,count\n")]) == [
            "m.csv:1:polarity: missing column (expected a header with at least code, title, unit, polarity and year_type)",
            "m.csv:1:year_type: missing column (expected a header with at least code, title, unit, polarity and year_type)",
        ])
    }

    @Test("a figure published after the day of the import, or whose next is due before it was published, is refused at its cell (found by exploratory testing)")
    func impossibleDates() throws {
        let observations = LocalImportData.csv("obs.csv", """
        measure_code,area_code,period,value,published,next_update_due
        PrevRegCPR,E10000031,2024/25,20.1,2025-10-30,2026-10-30
        PrevRegCPR,E10000031,2023/24,19.5,2027-03-01,
        PrevRegCPR,E10000031,2022/23,18.9,2026-05-01,2026-04-01
        PrevRegCPR,E10000031,2021/22,18.0,2025-05-01,2025-05-01

        """)
        let context = try LocalImportData.context()
        var refused: [String] = []
        do {
            _ = try LocalMeasuresImporter.importBatch(
                [LocalImportData.measuresCSV, observations], options: LocalImportOptions(council: "E10000031", today: CalendarDate(iso: "2026-11-23")!), context: context
            )
        } catch {
            refused = error.errors.map(\.description)
        }
        #expect(refused == [
            "obs.csv:3:published: 2027-03-01 is after today, 2026-11-23 (expected the day the figure was published, not after today)",
            "obs.csv:4:next_update_due: 2026-04-01 is not after published, 2026-05-01 (expected the day the next figure is due, after this one's publication)",
            "obs.csv:5:next_update_due: 2025-05-01 is not after published, 2025-05-01 (expected the day the next figure is due, after this one's publication)",
        ])
    }

    @Test("dates written as text: ISO, UK day/month/year, and a date-time cell saved as CSV (31/03/2024 00:00); not US, not two-digit years")
    func datesAsText() {
        func read(_ text: String) -> String {
            do { return try LocalCellReading.date(.text(text))?.iso ?? "blank" } catch { return error.message }
        }
        #expect(read("2024-03-31") == "2024-03-31")
        #expect(read("2024-03-31 00:00") == "2024-03-31")
        #expect(read("31/03/2024") == "2024-03-31")
        #expect(read("31/03/2024 00:00") == "2024-03-31")
        #expect(read("1/4/2024 13:45:10") == "2024-04-01")
        #expect(read("03/31/2024") == "\"03/31/2024\" is not a date (expected a date such as 2025-03-31, or a cell formatted as a date)")
        #expect(read("31/03/24") == "\"31/03/24\" is not a date (expected a date such as 2025-03-31, or a cell formatted as a date)")
        #expect(read("31/03/2024 noon") == "\"31/03/2024 noon\" is not a date (expected a date such as 2025-03-31, or a cell formatted as a date)")
    }

    @Test("a currency cell saved as CSV (£1,200.50, -£75) is pounds, and only for a money measure; a percentage only for a percentage measure")
    func poundsAndPercentages() throws {
        func read(_ text: String, _ unit: MeasureUnit) -> String {
            do { return try LocalCellReading.number(.text(text), unit: unit, example: "42").map { "\($0)" } ?? "blank" } catch { return error.message }
        }
        #expect(read("£1,200.50", .money) == "1200.5")
        #expect(read("-£75", .money) == "-75.0")
        #expect(read("£-75", .money) == "-75.0")
        #expect(read(" £0 ", .money) == "0.0")
        #expect(read("1200", .money) == "1200.0")
        #expect(read("£1,200", .count) == "\"£1,200\" is an amount of money but the measure counts in count (expected a plain number)")
        #expect(read("£1,20", .money) == "\"£1,20\" is not a number (expected a number such as 42)")
        #expect(read("-£-75", .money) == "\"-£-75\" is not a number (expected a number such as 42)")
        #expect(read("£--75", .money) == "\"£--75\" is not a number (expected a number such as 42)")
        #expect(read("£", .money) == "\"£\" is not a number (expected a number such as 42)")
        #expect(read("61.2%", .percentage) == "61.2")
    }

    @Test("a CSV saved as Windows-1252 is refused at the line of its first such character, nothing returned")
    func csvNotUTF8() {
        var bytes = Array("measure_code,area_code,period,value,notes\nPrevRegCPR,E10000031,2024/25,20.1,Children".utf8)
        bytes += [0x92] + Array("s social care\n".utf8)
        #expect(errors([LocalImportFile(name: "excel.csv", data: Data(bytes))]) == [
            "excel.csv:2:-: the file is not UTF-8 text: byte 0x92 (’ in Windows-1252, which Excel's \"CSV (Comma delimited)\" writes) is not a UTF-8 character (expected UTF-8: in Excel, save as \"CSV UTF-8 (Comma delimited)\")",
        ])
    }

    @Test("workbooks: a wrong sheet, a file that is not XLSX, an empty sheet")
    func workbookFiles() throws {
        let book = LocalImportFile(name: "book.xlsx", data: try LocalMeasuresTemplate.xlsxData())
        #expect(errors([book], sheet: "Data") == [
            "book.xlsx:1:-: no sheet named \"Data\" (expected one of the workbook's sheets: \"observations\", \"measures\", \"guidance\")",
        ])
        #expect(errors([LocalImportData.csv("figures.xlsx", "measure_code,area_code,period,value\n")]) == [
            "figures.xlsx:1:-: the file is not an XLSX workbook but text, such as CSV (expected a file saved by a spreadsheet program as .xlsx, or a CSV file named .csv)",
        ])
        #expect(errors([LocalImportFile(name: "blank.xlsx", data: Data())]) == [
            "blank.xlsx:1:-: the file is empty (expected a file saved by a spreadsheet program as .xlsx)",
        ])
        #expect(errors([LocalImportFile(name: "image.xlsx", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))]) == [
            "image.xlsx:1:-: the file is not an XLSX workbook: it is not a ZIP package (expected a file saved by a spreadsheet program as .xlsx)",
        ])
        let empty = LocalImportFile(name: "empty.xlsx", data: try XLSXWriter.data(for: [XLSXSheet(name: "Sheet1", rows: [])]))
        #expect(errors([empty]) == ["empty.xlsx[Sheet1]:1:-: the sheet is empty (expected a header row naming the columns, then one row per figure)"])
    }

    @Test("spreadsheet cells: a % format on a rate, an Excel error, a date for a number, a number for a date, data under no header")
    func spreadsheetCells() throws {
        let sheet = XLSXSheet(name: "Figures", rows: [
            [.empty, .empty, .text("measure_code"), .text("area_code"), .text("period"), .text("value"), .text("published"), .empty],
            [],
            [.empty, .empty, .text("CIN_RATE"), .text("E10000031"), .text("2024/25"), .percentage(0.612)],
            [.empty, .empty, .text("PrevRegCPR"), .text("E10000031"), .text("2024/25"), .error("#DIV/0!")],
            [.empty, .empty, .text("PrevRegCPR"), .text("E10000031"), .text("2023/24"), .date(date("2024-03-31"))],
            [.empty, .empty, .text("PrevRegCPR"), .text("E10000031"), .text("2022/23"), .number(18.3), .number(45_000), .text("note")],
            [.empty, .empty, .text("PrevRegCPR"), .text("E10000031"), .text("2021/22"), .boolean(true), .error("#N/A")],
            [.empty, .empty, .text("PrevRegCPR"), .error("#REF!"), .text("2020/21"), .number(18.1)],
            [.empty, .empty, .text("PrevRegCPR"), .empty, .text("2019/20"), .number(18.6)],
        ], hasHeaderRow: false)
        let file = LocalImportFile(name: "local.xlsx", data: try XLSXWriter.data(for: [sheet]))
        #expect(errors([LocalImportData.measuresCSV, file]) == [
            "local.xlsx[Figures]:3:value: 61.2% is formatted as a percentage but the measure counts in rate:10000 (expected a plain number, not a percentage format)",
            "local.xlsx[Figures]:4:value: the cell holds the spreadsheet error #DIV/0! (expected a number such as 61.2)",
            "local.xlsx[Figures]:5:value: the cell holds the date 2024-03-31, not a number (expected a number such as 61.2)",
            "local.xlsx[Figures]:6:published: 45000 is not a date (expected a date such as 2025-03-31, or a cell formatted as a date)",
            "local.xlsx[Figures]:6:H: a value in a column with no header (expected a header naming the column, or nothing in the column)",
            "local.xlsx[Figures]:7:value: the cell holds TRUE, not a number (expected a number such as 61.2)",
            "local.xlsx[Figures]:7:published: the cell holds the spreadsheet error #N/A (expected a date such as 2025-03-31, or a cell formatted as a date)",
            "local.xlsx[Figures]:8:area_code: the cell holds the spreadsheet error #REF! (expected a value)",
            "local.xlsx[Figures]:9:area_code: missing area code (expected an ONS code such as E10000031)",
        ])
    }

    @Test("a sheet named Measures kept for people is read as the measures table, with --sheet too, and its missing columns say to rename it")
    func measuresSheetByName() throws {
        let data = XLSXSheet(name: "Data", rows: [
            [.text("measure_code"), .text("area_code"), .text("period"), .text("value")],
            [.text("PrevRegCPR"), .text("E10000031"), .text("2024/25"), .number(20.1)],
        ])
        let people = XLSXSheet(name: "Measures", rows: [
            [.text("Code"), .text("Title"), .text("Owner"), .text("RAG")],
            [.text("PrevRegCPR"), .text("Repeat plans"), .text("Head of service"), .text("Green")],
        ])
        let book = LocalImportFile(name: "kpis.xlsx", data: try XLSXWriter.data(for: [data, people]))
        let hint = "; a sheet named measures is read as the measures table, so rename a sheet of that name kept for people)"
        #expect(errors([LocalImportData.measuresCSV, book], sheet: "Data") == [
            "kpis.xlsx[Measures]:1:RAG: unknown column (expected code, title, definition, theme, owner, unit, decimal_places, polarity, periodicity, year_type, source, publication_lag_days, committees, plan_priority, benchmark_comparison, direction_of_travel, or a note column)",
            "kpis.xlsx[Measures]:1:unit: missing column (expected a header with at least code, title, unit, polarity and year_type" + hint,
            "kpis.xlsx[Measures]:1:polarity: missing column (expected a header with at least code, title, unit, polarity and year_type" + hint,
            "kpis.xlsx[Measures]:1:year_type: missing column (expected a header with at least code, title, unit, polarity and year_type" + hint,
        ])
    }

    @Test("a breakdown group a spreadsheet turned into a date (5-9 typed in a UK Excel is 5 September) is refused at its cell")
    func breakdownDate() throws {
        let sheet = XLSXSheet(name: "Figures", rows: [
            [.text("measure_code"), .text("area_code"), .text("period"), .text("value"), .text("breakdown:age_band")],
            [.text("EH_MONTHLY"), .text("E10000031"), .text("2024-09"), .number(12), .text("0-4")],
            [.text("EH_MONTHLY"), .text("E10000031"), .text("2024-09"), .number(15), .date(date("2025-09-05"))],
        ])
        let file = LocalImportFile(name: "bands.xlsx", data: try XLSXWriter.data(for: [sheet]))
        #expect(errors([LocalImportData.measuresCSV, file]) == [
            "bands.xlsx[Figures]:3:breakdown:age_band: the cell is a date, 2025-09-05 (expected the group as text, such as 5-9: a spreadsheet turns a band typed like that into a date, so format the column as Text and type it again)",
        ])
    }

    @Test("errors are listed file by file in row order, across observations and measures tables")
    func order() {
        let measures = LocalImportData.csv("z-measures.csv", "code,title,unit,polarity,year_type\nZ1,Z,count,sideways,calendar\n")
        let observations = LocalImportData.csv("a-obs.csv", "measure_code,area_code,period,value\nZ9,E92000001,2025,1\nPrevRegCPR,E92000001,2025,abc\n")
        #expect(errors([observations, LocalImportData.measuresCSV, measures]) == [
            "a-obs.csv:2:measure_code: unknown measure code \"Z9\" (expected a measure defined in this import's measures sheet or file, or one already in the database)",
            "a-obs.csv:3:value: \"abc\" is not a number (expected a number such as 61.2)",
            "z-measures.csv:2:polarity: \"sideways\" is not a polarity (expected high, low or none)",
        ])
        #expect(BatchInputErrors([BatchInputError(file: "f", row: 2, column: "c", message: "m")]).description == "f:2:c: m")
    }
}
