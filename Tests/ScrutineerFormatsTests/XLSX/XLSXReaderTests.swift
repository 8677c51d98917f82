import Foundation
import ScrutineerCore
import Testing
import ZIPFoundation
@testable import ScrutineerFormats

@Suite("XLSX reader")
struct XLSXReaderTests {
    private let date = XLSXFixtures.date

    /// The `types` sheet as both producers hold it; the differences are the formulas, whose
    /// results only LibreOffice stores (openpyxl's are formulas without a result, never blank).
    private func expectedTypes(formulaResults: Bool) -> [SpreadsheetRow] {
        [
            SpreadsheetRow(number: 1, cells: [.text("shared text"), .number(42), .percentage(0.612), .date(date("2025-03-31"))]),
            SpreadsheetRow(number: 2, cells: [.text("shared text"), .empty, .boolean(true)]),
            SpreadsheetRow(number: 4, cells: [
                .text("plain bold tail"), .date(date("1900-02-28")), .error("#N/A"), formulaResults ? .number(84) : .formulaWithoutResult("B1*2"), .number(1234.5),
            ]),
            SpreadsheetRow(number: 5, cells: [
                .text("  spaced  "), .text("line one\nline two"), .text("Ünïcödé & <markup>"), .date(date("1900-01-01")),
            ]),
            SpreadsheetRow(number: 6, cells: [formulaResults ? .text("total") : .formulaWithoutResult("CONCATENATE(\"to\",\"tal\")"), .empty, .empty, .empty, .empty, .percentage(0.05)]),
        ]
    }

    @Test("an openpyxl workbook (inline strings, rich text, gaps, formats) reads cell for cell")
    func openpyxlWorkbook() throws {
        let workbook = try XLSXWorkbook(data: try XLSXFixtures.data("xlsx/openpyxl_warwickshire.xlsx"), fileName: "openpyxl_warwickshire.xlsx")
        #expect(workbook.sheetNames == ["observations", "measures", "types"])
        #expect(!workbook.uses1904DateSystem)
        let types = try workbook.sheet(named: "types")
        #expect(types.rows == expectedTypes(formulaResults: false))
    }

    @Test("the same workbook re-saved by LibreOffice (shared strings, its own styles, formula results) reads the same")
    func libreOfficeWorkbook() throws {
        let workbook = try XLSXWorkbook(data: try XLSXFixtures.data("xlsx/libreoffice_warwickshire.xlsx"), fileName: "libreoffice_warwickshire.xlsx")
        #expect(workbook.sheetNames == ["observations", "measures", "types"])
        #expect(try workbook.sheet(named: "types").rows == expectedTypes(formulaResults: true))
        let openpyxl = try XLSXWorkbook(data: try XLSXFixtures.data("xlsx/openpyxl_warwickshire.xlsx"), fileName: "o.xlsx")
        #expect(try workbook.sheet(named: "observations") == openpyxl.sheet(named: "observations"))
        #expect(try workbook.sheet(named: "measures") == openpyxl.sheet(named: "measures"))
    }

    @Test("the first sheet by default: real Warwickshire rows with percentage and date cells, the blank row absent")
    func firstSheet() throws {
        let workbook = try XLSXWorkbook(data: try XLSXFixtures.data("xlsx/openpyxl_warwickshire.xlsx"), fileName: "w.xlsx")
        let sheet = try workbook.sheet()
        #expect(sheet.name == "observations")
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 4, 6, 7, 8, 9, 10])
        #expect(sheet.rows[1].cells == [
            .text("PrevRegCPR"), .text("E10000031"), .text("2023"), .percentage(0.171), .number(81), .number(475), .empty, .date(date("2023-10-31")),
        ])
        #expect(sheet.rows[5].cells == [.text("TotAbs"), .number(937), .number(2020), .empty, .empty, .empty, .text("-"), .empty, .text("2026-03-19")])
        #expect(sheet.cell(row: 9, column: 9) == .text("rate per 1,000 women aged 15-17"))
        #expect(sheet.cell(row: 5, column: 0) == .empty)
    }

    @Test("sheets are found by exact name, then ignoring case; a missing one names the file and lists the sheets")
    func namedSheets() throws {
        let workbook = try XLSXWorkbook(data: try XLSXFixtures.data("xlsx/openpyxl_warwickshire.xlsx"), fileName: "w.xlsx")
        #expect(try workbook.sheet(named: "MEASURES").name == "measures")
        #expect(try workbook.sheets().map(\.name) == ["observations", "measures", "types"])
        #expect(throws: XLSXError(fileName: "w.xlsx", message: "no sheet named \"Data\" (expected one of the workbook's sheets: \"observations\", \"measures\", \"types\")")) {
            try workbook.sheet(named: "Data")
        }
        #expect(XLSXError(fileName: "w.xlsx", message: "m").description == "w.xlsx: m")
    }

    @Test("a 1904-system workbook counts dates from 1 January 1904")
    func dateSystem1904() throws {
        let workbook = try XLSXWorkbook(data: try XLSXFixtures.data("xlsx/openpyxl_1904.xlsx"), fileName: "mac.xlsx")
        #expect(workbook.uses1904DateSystem)
        #expect(try workbook.sheet().rows.map(\.cells) == [[.date(date("2025-03-31"))], [.date(date("1904-01-01"))]])
    }

    @Test("Excel serials: 1 is 1900-01-01, 60 the phantom 29 February, 61 is 1 March 1900, 45747 is 2025-03-31")
    func serials() {
        #expect(ExcelSerialDate.date(fromSerial: 1) == date("1900-01-01"))
        #expect(ExcelSerialDate.date(fromSerial: 59) == date("1900-02-28"))
        #expect(ExcelSerialDate.date(fromSerial: 60) == nil)
        #expect(ExcelSerialDate.date(fromSerial: 61) == date("1900-03-01"))
        #expect(ExcelSerialDate.date(fromSerial: 45747.75) == date("2025-03-31"))
        #expect(ExcelSerialDate.date(fromSerial: 0.5) == nil)
        #expect(ExcelSerialDate.date(fromSerial: 0, uses1904System: true) == date("1904-01-01"))
        #expect(ExcelSerialDate.date(fromSerial: 44285, uses1904System: true) == date("2025-03-31"))
        #expect(ExcelSerialDate.serial(of: date("1900-01-01")) == 1)
        #expect(ExcelSerialDate.serial(of: date("1900-03-01")) == 61)
        #expect(ExcelSerialDate.serial(of: date("1899-12-31")) == nil)
        // Every day from 1900 to 2100 goes to its serial and back.
        for serial in stride(from: 1, through: 73_415, by: 1) where serial != 60 {
            let day = ExcelSerialDate.date(fromSerial: Double(serial))!
            #expect(ExcelSerialDate.serial(of: day) == serial)
        }
    }

    @Test("number formats: built-in dates 14–22 and 45–47, percentages 9–10, custom codes by their tokens outside quotes")
    func numberFormats() {
        #expect((0...60).filter { NumberFormatKind(builtInID: $0) == .date } == Array(14...22) + Array(45...47))
        #expect((0...60).filter { NumberFormatKind(builtInID: $0) == .percentage } == [9, 10])
        let dates = ["yyyy-mm-dd", "dd/mm/yyyy", "d\\ mmm\\ yyyy\\ hh:mm", "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "[h]:mm:ss", "YYYY\\-MM\\-DD", "mmm-yy"]
        let percentages = ["0.0%", "0%", "#,##0.00%;[Red]-#,##0.00%"]
        let numbers = ["General", "#,##0.0 \"days\"", "0.00E+00", "[$£-809]#,##0.00", "_-* #,##0_-;-* #,##0_-;_-* \"-\"??_-;_-@_-", "0.0 \"per 10,000\"", "@", "\"%\"0"]
        #expect(dates.map(NumberFormatKind.init(formatCode:)) == Array(repeating: .date, count: dates.count))
        #expect(percentages.map(NumberFormatKind.init(formatCode:)) == Array(repeating: .percentage, count: percentages.count))
        #expect(numbers.map(NumberFormatKind.init(formatCode:)) == Array(repeating: .number, count: numbers.count))
    }

    @Test("cell references and column letters")
    func references() {
        #expect([0, 25, 26, 51, 52, 701, 702, 16_383].map(SpreadsheetColumn.letters) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"])
        #expect(SpreadsheetColumn.position(ofReference: "AB12")! == (27, 12))
        #expect(SpreadsheetColumn.position(ofReference: "$C$3")! == (2, 3))
        #expect(SpreadsheetColumn.position(ofReference: "12A") == nil)
        #expect(SpreadsheetColumn.position(ofReference: "A0") == nil)
    }

    @Test("percentages convert to points without binary noise")
    func hundredTimes() {
        #expect(SpreadsheetCell.hundredTimes(0.612) == 61.2)
        #expect(SpreadsheetCell.hundredTimes(0.171) == 17.1)
        #expect(SpreadsheetCell.hundredTimes(0.00035) == 0.035)
        #expect(SpreadsheetCell.hundredTimes(-0.0725) == -7.25)
        #expect(SpreadsheetCell.percentage(0.612).description == "61.2%")
    }

    @Test("a file that is not a ZIP, an old .xls, and a ZIP that is not a workbook each name the file")
    func notWorkbooks() throws {
        #expect(throws: XLSXError(fileName: "notes.xlsx", message: "the file is not an XLSX workbook but text, such as CSV (expected a file saved by a spreadsheet program as .xlsx, or a CSV file named .csv)")) {
            _ = try XLSXWorkbook(data: Data("measure_code,value\n".utf8), fileName: "notes.xlsx")
        }
        #expect(throws: XLSXError(fileName: "cut.xlsx", message: "the file is not an XLSX workbook: it is not a ZIP package (expected a file saved by a spreadsheet program as .xlsx)")) {
            let whole = try XLSXFixtures.data("xlsx/openpyxl_1904.xlsx")
            _ = try XLSXWorkbook(data: whole.prefix(whole.count / 2), fileName: "cut.xlsx")
        }
        #expect(throws: XLSXError(fileName: "old.xls", message: "the file is an Excel 97–2003 workbook (.xls), which Scrutineer cannot read (expected .xlsx: open it and save it as an Excel Workbook, or as CSV)")) {
            _ = try XLSXWorkbook(data: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), fileName: "old.xls")
        }
        let plainZIP = try Self.zip(["hello.txt": "hi"])
        #expect(throws: XLSXError(fileName: "archive.xlsx", message: "the file is a ZIP archive but not an XLSX workbook: it has no [Content_Types].xml (expected a file saved by a spreadsheet program as .xlsx)")) {
            _ = try XLSXWorkbook(data: plainZIP, fileName: "archive.xlsx")
        }
    }

    @Test("a damaged part is an error naming the file and the part")
    func damagedParts() throws {
        var parts = Self.minimalParts(sheetXML: "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        let truncated = try XLSXWorkbook(data: try Self.zip(parts), fileName: "t.xlsx")
        #expect(throws: XLSXError(fileName: "t.xlsx", message: "the part xl/worksheets/sheet1.xml is not well-formed XML (line 1); the workbook is damaged (expected a file saved by a spreadsheet program as .xlsx)")) {
            try truncated.sheet()
        }
        parts = Self.minimalParts(sheetXML: "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"3\"><c r=\"B3\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>")
        let badIndex = try XLSXWorkbook(data: try Self.zip(parts), fileName: "s.xlsx")
        #expect(throws: XLSXError(fileName: "s.xlsx", message: "sheet \"Data\" cell B3 refers to shared string \"7\", which the workbook does not have; the workbook is damaged (expected a file saved by a spreadsheet program as .xlsx)")) {
            try badIndex.sheet()
        }
        parts["xl/worksheets/sheet1.xml"] = nil
        #expect(throws: XLSXError(fileName: "m.xlsx", message: "the workbook has no part xl/worksheets/sheet1.xml; it is damaged (expected a file saved by a spreadsheet program as .xlsx)")) {
            _ = try XLSXWorkbook(data: try Self.zip(parts), fileName: "m.xlsx")
        }
    }

    @Test("cells without r references follow on; prefixed (x:) elements, t=\"d\" ISO dates and _xHHHH_ escapes are read")
    func unusualProducers() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheet = """
        <x:worksheet xmlns:x="\(main)"><x:sheetData>
        <x:row><x:c t="inlineStr"><x:is><x:t>a_x000D_b</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>
        <x:row r="4"><x:c r="C4" t="d"><x:v>2024-09-30T00:00:00</x:v></x:c><x:c t="str"><x:v>after C</x:v></x:c></x:row>
        </x:sheetData></x:worksheet>
        """
        let workbook = try XLSXWorkbook(data: try Self.zip(Self.minimalParts(sheetXML: sheet)), fileName: "p.xlsx")
        #expect(try workbook.sheet().rows == [
            SpreadsheetRow(number: 1, cells: [.text("a\rb"), .number(2)]),
            SpreadsheetRow(number: 4, cells: [.empty, .empty, .date(date("2024-09-30")), .text("after C")]),
        ])
    }

    @Test("a formula saved without its result is read as one, not as a blank cell; with its result (empty text included), as the result")
    func formulasWithoutResults() throws {
        let sheet = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1"><f>150+3</f></c><c r="B1"><f>150+3</f><v>153</v></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D1"><f t="shared" si="0"/></c><c r="E1" t="str"><f>IF(A2="","",A2)</f><v></v></c></row>
        </sheetData></worksheet>
        """
        let workbook = try XLSXWorkbook(data: try Self.zip(Self.minimalParts(sheetXML: sheet)), fileName: "f.xlsx")
        #expect(try workbook.sheet().rows == [
            SpreadsheetRow(number: 1, cells: [.formulaWithoutResult("150+3"), .number(153), .text("ab"), .formulaWithoutResult(""), .text("")]),
        ])
        #expect(throws: LocalCellReading.Problem("the cell holds the formula =150+3 with no saved result (expected a value: open the workbook in Excel or LibreOffice and save it, which stores each formula's result)")) {
            _ = try LocalCellReading.number(.formulaWithoutResult("150+3"), unit: .count, example: "42")
        }
        #expect(throws: LocalCellReading.Problem("the cell holds a formula with no saved result (expected a value: open the workbook in Excel or LibreOffice and save it, which stores each formula's result)")) {
            _ = try LocalCellReading.date(.formulaWithoutResult(""))
        }
    }

    @Test("by default the first sheet the workbook shows: a hidden sheet of lists before it is passed over; named, it is read")
    func hiddenSheets() throws {
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts = Self.minimalParts(sheetXML: "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>lists</t></is></c></row></sheetData></worksheet>")
        parts["xl/worksheets/sheet2.xml"] = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>figures</t></is></c></row></sheetData></worksheet>"
        parts["xl/workbook.xml"] = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"Lists\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/><sheet name=\"Figures\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"
        parts["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(relationships)/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>"
        let workbook = try XLSXWorkbook(data: try Self.zip(parts), fileName: "h.xlsx")
        #expect(try workbook.sheet().name == "Figures")
        #expect(try workbook.sheet(named: "lists").rows == [SpreadsheetRow(number: 1, cells: [.text("lists")])])
        #expect(workbook.sheetNames == ["Lists", "Figures"])
    }

    @Test("a sheet whose part is over 10 MB (30,000 rows of 8 columns) reads whole, as Excel writes it on one line")
    func largeSheet() throws {
        var rows: [String] = []
        rows.reserveCapacity(30_000)
        for row in 1...30_000 {
            let cells = (0..<8).map { column in "<c r=\"\(SpreadsheetColumn.letters(column))\(row)\" t=\"inlineStr\"><is><t>row \(row) column \(column) of a long sheet</t></is></c>" }
            rows.append("<row r=\"\(row)\">" + cells.joined() + "</row>")
        }
        let sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows.joined() + "</sheetData></worksheet>"
        #expect(sheet.utf8.count > 10_000_000)
        let read = try XLSXWorkbook(data: try Self.zip(Self.minimalParts(sheetXML: sheet)), fileName: "long.xlsx").sheet().rows
        #expect(read.count == 30_000)
        #expect(read.last?.cells.last == .text("row 30000 column 7 of a long sheet"))
    }

    @Test("a password-protected workbook (kept by Excel in the old container) is named as one, not as an .xls")
    func passwordProtected() throws {
        // The compound file's header, then a directory entry naming the stream EncryptedPackage in UTF-16.
        var data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        data.append(Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(throws: XLSXError(fileName: "locked.xlsx", message: "the workbook is protected by a password, which Scrutineer cannot open (expected a workbook saved without a password: in Excel, File › Info › Protect Workbook › Encrypt with Password, clear the password and save)")) {
            _ = try XLSXWorkbook(data: data, fileName: "locked.xlsx")
        }
    }

    @Test("a part that unpacks to more than 100 MB (a sheet padded a thousandfold, 100 KB packed) is refused before it is unpacked, not read into memory (found by a security review)")
    func unpackedSizeLimited() throws {
        var parts = Self.minimalParts(sheetXML: "")
        parts["xl/worksheets/sheet1.xml"] = nil
        let archive = try Archive(data: try Self.zip(parts), accessMode: .update)
        let head = Data("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".utf8)
        let size = XLSXPackage.largestPart + 1
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { position, chunk in
            position == 0 ? head + Data(repeating: 0x20, count: chunk - head.count) : Data(repeating: 0x20, count: chunk)
        }
        let data = try #require(archive.data)
        #expect(data.count < 1_000_000, "\(data.count) bytes packed")
        #expect(throws: XLSXError(
            fileName: "padded.xlsx",
            message: "the part xl/worksheets/sheet1.xml unpacks to more than 100 MB, more than any sheet of figures needs (expected a workbook of the council's figures; save a very large sheet as CSV)"
        )) {
            _ = try XLSXWorkbook(data: data, fileName: "padded.xlsx").sheet(named: nil)
        }
    }

    @Test("a part declaring a document type, whose entities would drop the text after them, is refused (found by a security review)")
    func documentTypeRefused() throws {
        let sheet = """
        <?xml version="1.0"?><!-- a comment --><!DOCTYPE worksheet [<!ENTITY x "y">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>HV [&x;] plan</t></is></c></row></sheetData></worksheet>
        """
        let data = try Self.zip(Self.minimalParts(sheetXML: sheet))
        #expect(throws: XLSXError(
            fileName: "dtd.xlsx",
            message: "the part xl/worksheets/sheet1.xml declares a document type (<!DOCTYPE …>), which spreadsheet programs never write (expected a file saved by a spreadsheet program as .xlsx)"
        )) {
            _ = try XLSXWorkbook(data: data, fileName: "dtd.xlsx").sheet(named: nil)
        }
    }

    // MARK: - Helpers

    /// The parts of a one-sheet workbook ("Data") with no styles or shared strings.
    static func minimalParts(sheetXML: String) -> [String: String] {
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml": "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": sheetXML,
        ]
    }

    /// A ZIP archive holding `parts`.
    static func zip(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }
}
