import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerFormats

@Suite("XLSX writer")
struct XLSXWriterTests {
    private static let date = XLSXFixtures.date

    /// Three sheets holding every kind of cell, awkward text and a gap.
    static let sheets: [XLSXSheet] = [
        XLSXSheet(name: "observations", rows: [
            ["measure_code", "area_code", "period", "value", "published"].map(SpreadsheetCell.text),
            [.text("PrevRegCPR"), .text("E10000031"), .text("2024/25"), .percentage(0.23), .date(date("2025-10-30"))],
            [.text("TotAbs"), .number(937), .number(2025), .number(7.08), .date(date("2025-03-31"))],
            [.text("TotAbs"), .text("E10000031"), .text("2020"), .empty, .empty, .text("-")],
        ]),
        XLSXSheet(name: "Notes & 'quotes' here", rows: [
            [.text("a & b < c > d \"e\" 'f'"), .text("  leading and trailing  ")],
            [.text("two\nlines"), .text("tab\there"), .text("control \u{1} char"), .text("looks like _x0041_ escape")],
            [.text("Ünïcödé 👍"), .boolean(true), .boolean(false), .error("#N/A"), .number(-0.000125), .number(1e20)],
        ], hasHeaderRow: false),
        XLSXSheet(name: "widths", rows: [[.text("x"), .empty, .number(1)]], columnWidths: [12.5, 30]),
    ]

    @Test("what the writer writes, the reader reads back cell for cell")
    func roundTrip() throws {
        let data = try XLSXWriter.data(for: Self.sheets)
        let workbook = try XLSXWorkbook(data: data, fileName: "round.xlsx")
        #expect(workbook.sheetNames == ["observations", "Notes & 'quotes' here", "widths"])
        let read = try workbook.sheets()
        for (written, back) in zip(Self.sheets, read) {
            #expect(back.rows.map(\.number) == Array(1...written.rows.count))
            #expect(back.rows.map(\.cells) == written.rows)
        }
    }

    @Test("the same sheets give the same bytes")
    func deterministic() throws {
        #expect(try XLSXWriter.data(for: Self.sheets) == XLSXWriter.data(for: Self.sheets))
    }

    @Test("Python's zipfile and XML parser accept the package: every part well-formed and typed")
    func pythonReadsPackage() throws {
        let python = try #require(XLSXFixtures.executable("python3"))
        let folder = try XLSXFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        try XLSXWriter.data(for: Self.sheets).write(to: file)
        let script = """
        import sys, zipfile, xml.etree.ElementTree as ET
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        names = sorted(z.namelist())
        for name in names:
            ET.fromstring(z.read(name))
        ct = ET.fromstring(z.read('[Content_Types].xml'))
        ns = '{http://schemas.openxmlformats.org/package/2006/content-types}'
        overrides = sorted(o.get('PartName') for o in ct.findall(ns + 'Override'))
        assert overrides == sorted('/' + n for n in names if not n.endswith('.rels') and n != '[Content_Types].xml'), overrides
        wb = ET.fromstring(z.read('xl/workbook.xml'))
        main = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
        print('|'.join(s.get('name') for s in wb.iter(main + 'sheet')))
        sst = ET.fromstring(z.read('xl/sharedStrings.xml'))
        print(len(sst.findall(main + 'si')))
        print(' '.join(names))
        """
        let result = try XLSXFixtures.run(python, ["-c", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == """
        observations|Notes & 'quotes' here|widths
        19
        [Content_Types].xml _rels/.rels xl/_rels/workbook.xml.rels xl/sharedStrings.xml xl/styles.xml xl/workbook.xml xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml xl/worksheets/sheet3.xml

        """)
    }

    @Test(
        "LibreOffice opens the workbook and shows dates as yyyy-mm-dd and percentages as 0.00%",
        .enabled(if: XLSXFixtures.runsLibreOfficeTests, "LibreOffice (soffice) is not installed")
    )
    func libreOfficeOpensWorkbook() throws {
        let folder = try XLSXFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        try XLSXWriter.data(for: Self.sheets).write(to: file)
        let result = try XLSXFixtures.libreOfficeSheetsAsCSV(of: file, in: folder)
        try #require(result.status == 0, "\(result.output)")
        let observations = try String(contentsOf: folder.appendingPathComponent("book-observations.csv"), encoding: .utf8)
        #expect(observations == """
        measure_code,area_code,period,value,published,
        PrevRegCPR,E10000031,2024/25,23.00%,2025-10-30,
        TotAbs,937,2025,7.08,2025-03-31,
        TotAbs,E10000031,2020,,,-

        """)
        let notes = try String(contentsOf: folder.appendingPathComponent("book-Notes & 'quotes' here.csv"), encoding: .utf8)
        #expect(notes.hasPrefix("\"a & b < c > d \"\"e\"\" 'f'\",  leading and trailing  ,,,,\n\"two\nlines\",tab\there,control \u{1} char,looks like _x0041_ escape,,\n"))
        #expect(notes.contains("Ünïcödé 👍,TRUE,FALSE,#N/A,"))
    }

    @Test(
        "a number given decimal places is shown to them (17 as 17.0, 18 as 18.00) and read back as the same number (found by exploratory testing)",
        .enabled(if: XLSXFixtures.runsLibreOfficeTests, "LibreOffice (soffice) is not installed")
    )
    func decimalPlaces() throws {
        let sheet = XLSXSheet(
            name: "figures", rows: [[.text("figure"), .text("target")], [.number(17), .number(18)], [.number(7.08), .number(0.125)], [.number(3), .text("-")]],
            decimalPlaces: [[], [1, 2], [1, 0], [nil, 1]]
        )
        let data = try XLSXWriter.data(for: [sheet])
        #expect(try XLSXWorkbook(data: data, fileName: "dp.xlsx").sheets()[0].rows.map(\.cells) == sheet.rows)
        let folder = try XLSXFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dp.xlsx")
        try data.write(to: file)
        let result = try XLSXFixtures.libreOfficeSheetsAsCSV(of: file, in: folder)
        try #require(result.status == 0, "\(result.output)")
        // Shown half away from zero or to even as the spreadsheet rounds; 0.125 to 0 places is 0.
        #expect(try String(contentsOf: folder.appendingPathComponent("dp-figures.csv"), encoding: .utf8) == """
        figure,target
        17.0,18.00
        7.1,0
        3,-

        """)
    }

    @Test("sheet names Excel refuses, no sheets, and numbers that are not finite are errors")
    func refusals() {
        #expect(throws: XLSXWriteError("a workbook needs at least one sheet")) { try XLSXWriter.data(for: []) }
        for name in ["", "a/b", "[x]", String(repeating: "n", count: 32), "'quoted'", "History"] {
            #expect(throws: XLSXWriteError("\"\(name)\" cannot name a sheet (expected 1 to 31 characters, none of [ ] : * ? / \\, not starting or ending with ', and not History)")) {
                try XLSXWriter.data(for: [XLSXSheet(name: name, rows: [])])
            }
        }
        #expect(throws: XLSXWriteError("two sheets are named \"Data\" (expected each sheet to have its own name)")) {
            try XLSXWriter.data(for: [XLSXSheet(name: "data", rows: []), XLSXSheet(name: "Data", rows: [])])
        }
        #expect(throws: XLSXWriteError("sheet \"s\" cell B1: inf is not a finite number (expected a number a spreadsheet can hold)")) {
            try XLSXWriter.data(for: [XLSXSheet(name: "s", rows: [[.text("x"), .number(.infinity)]])])
        }
    }

    @Test("a day before 1900, which Excel cannot hold as a date, is kept as its ISO text")
    func earlyDates() throws {
        let data = try XLSXWriter.data(for: [XLSXSheet(name: "s", rows: [[.date(Self.date("1899-12-31")), .date(Self.date("1900-01-01"))]], hasHeaderRow: false)])
        #expect(try XLSXWorkbook(data: data, fileName: "e.xlsx").sheet().rows[0].cells == [.text("1899-12-31"), .date(Self.date("1900-01-01"))])
    }
}
