import Foundation
import ScrutineerCore
import ZIPFoundation

/// One sheet to write: a name and rows of typed cells.
public struct XLSXSheet: Sendable, Hashable {
    /// The tab name: 1–31 characters, none of `[ ] : * ? / \`, unique in the workbook ignoring case.
    public var name: String
    /// The rows from row 1 down; each row's cells from column A. `.empty` cells are left out.
    public var rows: [[SpreadsheetCell]]
    /// When true the first row is bold and stays in view while scrolling.
    public var hasHeaderRow: Bool
    /// Column widths in characters from column A; nil fits each column to its longest value
    /// (8 to 80 characters, longer text wrapping).
    public var columnWidths: [Double]?
    /// The decimal places each number cell is shown to (0 to `XLSXWriter.mostDecimalPlaces`), row by
    /// row as `rows`; nil, or a row or cell not given, shows the number as it is (General).
    public var decimalPlaces: [[Int?]]

    public init(name: String, rows: [[SpreadsheetCell]], hasHeaderRow: Bool = true, columnWidths: [Double]? = nil, decimalPlaces: [[Int?]] = []) {
        self.name = name
        self.rows = rows
        self.hasHeaderRow = hasHeaderRow
        self.columnWidths = columnWidths
        self.decimalPlaces = decimalPlaces
    }
}

/// Writes a minimal, valid XLSX workbook: numbers as numbers, text as shared strings, dates as
/// Excel dates shown `yyyy-mm-dd`, percentages as the stored fraction shown `0.00%`, TRUE/FALSE,
/// and error values. The bytes are the same for the same sheets (entries carry a fixed time).
public enum XLSXWriter {
    /// The `.xlsx` bytes of a workbook holding `sheets` in order.
    public static func data(for sheets: [XLSXSheet]) throws(XLSXWriteError) -> Data {
        try validateNames(sheets)
        var sharedStrings = SharedStringTable()
        var worksheetParts: [String] = []
        for sheet in sheets {
            worksheetParts.append(try worksheetXML(sheet, strings: &sharedStrings))
        }
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypesXML(sheetCount: sheets.count)),
            ("_rels/.rels", packageRelationshipsXML),
            ("xl/workbook.xml", workbookXML(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationshipsXML(sheetCount: sheets.count)),
            ("xl/styles.xml", stylesXML),
            ("xl/sharedStrings.xml", sharedStrings.xml),
        ]
        for (index, xml) in worksheetParts.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", xml))
        }
        return try zip(parts)
    }

    // MARK: - Package

    /// A fixed entry time (2000-01-01) so the same workbook gives the same bytes.
    private static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    private static func zip(_ parts: [(path: String, xml: String)]) throws(XLSXWriteError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = Data(part.xml.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw XLSXWriteError("the workbook could not be assembled in memory") }
            return data
        } catch let error as XLSXWriteError {
            throw error
        } catch {
            throw XLSXWriteError("the workbook could not be packaged (\(error))")
        }
    }

    private static func validateNames(_ sheets: [XLSXSheet]) throws(XLSXWriteError) {
        guard !sheets.isEmpty else { throw XLSXWriteError("a workbook needs at least one sheet") }
        var seen: Set<String> = []
        for sheet in sheets {
            let name = sheet.name
            guard !name.isEmpty, name.count <= 31, !name.contains(where: { "[]:*?/\\".contains($0) }),
                  !name.hasPrefix("'"), !name.hasSuffix("'"), name.lowercased() != "history" else {
                throw XLSXWriteError("\"\(name)\" cannot name a sheet (expected 1 to 31 characters, none of [ ] : * ? / \\, not starting or ending with ', and not History)")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw XLSXWriteError("two sheets are named \"\(name)\" (expected each sheet to have its own name)")
            }
        }
    }

    // MARK: - Parts

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static func contentTypesXML(sheetCount: Int) -> String {
        let spreadsheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(spreadsheetML).sheet.main+xml\"/>"
        for index in 1...sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"\(spreadsheetML).worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(spreadsheetML).styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(spreadsheetML).sharedStrings+xml\"/>"
        return xml + "</Types>"
    }

    private static let packageRelationshipsXML = declaration
        + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbookXML(_ sheets: [XLSXSheet]) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(OOXMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationshipsXML(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        for index in 1...sheetCount {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Cell formats, by index: the style ids the worksheets use.
    private enum Style: Int {
        case plain = 0, bold, date, percentage, wrapped
    }

    /// The most decimal places a number cell is given a format for.
    public static let mostDecimalPlaces = 6

    /// The cell format showing `places` decimal places: after the five `Style`s, one per number of
    /// places from 0 (`0`, `0.0`, `0.00`, …).
    private static func decimalStyle(_ places: Int) -> Int { 5 + places }

    /// `0`, `0.0`, … as custom number formats 165 upwards.
    private static let decimalFormats = (0...mostDecimalPlaces).map { places in
        places == 0 ? "0" : "0." + String(repeating: "0", count: places)
    }

    private static let stylesXML = declaration
        + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"\(1 + decimalFormats.count)\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
        + decimalFormats.enumerated().map { "<numFmt numFmtId=\"\(165 + $0.offset)\" formatCode=\"\($0.element)\"/>" }.joined()
        + "</numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"\(5 + decimalFormats.count)\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + decimalFormats.indices.map { "<xf numFmtId=\"\(165 + $0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" }.joined()
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    private static func worksheetXML(_ sheet: XLSXSheet, strings: inout SharedStringTable) throws(XLSXWriteError) -> String {
        let widths = sheet.columnWidths ?? fittedWidths(sheet.rows)
        let lastColumn = max(1, sheet.rows.map(\.count).max() ?? 1)
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<dimension ref=\"A1:\(SpreadsheetColumn.letters(lastColumn - 1))\(max(1, sheet.rows.count))\"/>"
        if sheet.hasHeaderRow && !sheet.rows.isEmpty {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(PlainNumber.text(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let rowNumber = rowIndex + 1
            xml += "<row r=\"\(rowNumber)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = SpreadsheetColumn.letters(columnIndex) + String(rowNumber)
                let header = sheet.hasHeaderRow && rowIndex == 0
                let width = columnIndex < widths.count ? widths[columnIndex] : 80
                let places = rowIndex < sheet.decimalPlaces.count && columnIndex < sheet.decimalPlaces[rowIndex].count ? sheet.decimalPlaces[rowIndex][columnIndex] : nil
                xml += try cellXML(cell, reference: reference, header: header, columnWidth: width, places: places, sheet: sheet.name, strings: &strings)
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    private static func cellXML(
        _ cell: SpreadsheetCell, reference: String, header: Bool, columnWidth: Double, places: Int?, sheet: String,
        strings: inout SharedStringTable
    ) throws(XLSXWriteError) -> String {
        func styled(_ style: Style) -> String { style == .plain ? "" : " s=\"\(style.rawValue)\"" }
        switch cell {
        case .empty:
            return ""
        case let .text(text):
            let style: Style = header ? .bold : Double(text.count) > columnWidth || text.contains("\n") ? .wrapped : .plain
            return "<c r=\"\(reference)\"\(styled(style)) t=\"s\"><v>\(strings.index(of: text))</v></c>"
        case let .number(number):
            guard number.isFinite else { throw XLSXWriteError("sheet \"\(sheet)\" cell \(reference): \(number) is not a finite number (expected a number a spreadsheet can hold)") }
            if !header, let places, (0...mostDecimalPlaces).contains(places) {
                return "<c r=\"\(reference)\" s=\"\(decimalStyle(places))\"><v>\(PlainNumber.text(number))</v></c>"
            }
            return "<c r=\"\(reference)\"\(styled(header ? .bold : .plain))><v>\(PlainNumber.text(number))</v></c>"
        case let .percentage(fraction):
            guard fraction.isFinite else { throw XLSXWriteError("sheet \"\(sheet)\" cell \(reference): \(fraction) is not a finite number (expected a number a spreadsheet can hold)") }
            return "<c r=\"\(reference)\"\(styled(.percentage))><v>\(PlainNumber.text(fraction))</v></c>"
        case let .date(date):
            guard let serial = ExcelSerialDate.serial(of: date) else {
                // Excel cannot hold a day before 1900 as a date: keep it as its ISO text.
                return "<c r=\"\(reference)\" t=\"s\"><v>\(strings.index(of: date.iso))</v></c>"
            }
            return "<c r=\"\(reference)\"\(styled(.date))><v>\(serial)</v></c>"
        case let .boolean(flag):
            return "<c r=\"\(reference)\" t=\"b\"><v>\(flag ? 1 : 0)</v></c>"
        case let .error(code):
            return "<c r=\"\(reference)\" t=\"e\"><v>\(OOXMLText.escaped(code))</v></c>"
        case let .formulaWithoutResult(formula):
            return "<c r=\"\(reference)\"><f>\(OOXMLText.escaped(formula))</f></c>"
        }
    }

    /// Each column's width in characters: its longest value plus a margin, between 8 and 80.
    private static func fittedWidths(_ rows: [[SpreadsheetCell]]) -> [Double] {
        var widths: [Double] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index >= widths.count { widths.append(contentsOf: repeatElement(8, count: index - widths.count + 1)) }
                let longestLine = cell.description.split(separator: "\n").map(\.count).max() ?? 0
                widths[index] = min(80, max(widths[index], Double(longestLine) + 2))
            }
        }
        return widths
    }
}

/// The workbook's shared strings, each stored once, in order of first use.
private struct SharedStringTable {
    private var indices: [String: Int] = [:]
    private var strings: [String] = []
    private var uses = 0

    /// The index of `text`, adding it if new.
    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        indices[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    /// The `sharedStrings.xml` part.
    var xml: String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(uses)\" uniqueCount=\"\(strings.count)\">"
        for text in strings {
            let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
            xml += preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            xml += OOXMLText.escaped(text) + "</t></si>"
        }
        return xml + "</sst>"
    }
}
