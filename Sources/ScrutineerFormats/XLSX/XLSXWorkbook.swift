import Foundation
import ScrutineerCore
import ZIPFoundation

/// An XLSX workbook opened for reading: its sheet names, and each sheet as rows of typed cells.
///
/// Reads the parts a spreadsheet needs (workbook, relationships, shared strings, styles,
/// worksheets) from the ZIP package when opened; a sheet's cells are typed when asked for.
public struct XLSXWorkbook: Sendable {
    /// The file as the user named it, for errors.
    public let fileName: String
    /// The sheets in the order the workbook shows them.
    public let sheetNames: [String]
    /// True when the workbook counts dates from 1904 (old Mac Excel) rather than 1900.
    public let uses1904DateSystem: Bool

    private let sheetParts: [SheetPart]
    private let sharedStrings: [String]
    private let styleKinds: [NumberFormatKind]

    private struct SheetPart: Sendable {
        var name: String
        var path: String
        var xml: Data
        /// Hidden from the person using the workbook (`state="hidden"` or `"veryHidden"`), as a
        /// sheet of drop-down lists or lookups often is.
        var isHidden: Bool
    }

    /// Opens the workbook in `data`; a file that is not an XLSX package is an error naming `fileName`.
    public init(data: Data, fileName: String) throws(XLSXError) {
        self.fileName = fileName
        let package = try XLSXPackage(data: data, fileName: fileName)
        let workbookPath = try package.officeDocumentPath()
        let workbookXML = try package.part(workbookPath)
        let relationships = try package.relationships(of: workbookPath)

        var declaredSheets: [(name: String, relationshipID: String, isHidden: Bool)] = []
        var date1904 = false
        try XMLPartScanner.scan(workbookXML, partName: workbookPath, fileName: fileName, onStart: { name, attributes in
            switch name {
            case "sheet":
                let id = attributes.first { XMLPartScanner.localName($0.key) == "id" && $0.key.contains(":") }?.value
                let state = attributes["state"]?.lowercased() ?? "visible"
                declaredSheets.append((attributes["name"] ?? "", id ?? "", state == "hidden" || state == "veryhidden"))
            case "workbookPr":
                let flag = attributes["date1904"]?.lowercased()
                date1904 = flag == "1" || flag == "true"
            default:
                break
            }
        })
        uses1904DateSystem = date1904

        var parts: [SheetPart] = []
        for sheet in declaredSheets {
            guard let target = relationships.byID[sheet.relationshipID] else {
                throw XLSXError(fileName: fileName, message: "the workbook lists sheet \"\(sheet.name)\" but not where it is stored; the workbook is damaged (expected a file saved by a spreadsheet program as .xlsx)")
            }
            parts.append(SheetPart(name: sheet.name, path: target, xml: try package.part(target), isHidden: sheet.isHidden))
        }
        sheetParts = parts
        sheetNames = parts.map(\.name)

        if let path = relationships.target(ofTypeEndingWith: "/sharedStrings") ?? package.existingPath("xl/sharedStrings.xml") {
            sharedStrings = try XLSXWorkbook.readSharedStrings(try package.part(path), partName: path, fileName: fileName)
        } else {
            sharedStrings = []
        }
        if let path = relationships.target(ofTypeEndingWith: "/styles") ?? package.existingPath("xl/styles.xml") {
            styleKinds = try XLSXWorkbook.readStyleKinds(try package.part(path), partName: path, fileName: fileName)
        } else {
            styleKinds = []
        }
    }

    /// The sheet called `name` (exactly, or failing that ignoring case), or the first sheet the
    /// workbook shows when `name` is nil (a hidden sheet of lists is passed over; the first sheet
    /// when every one is hidden). A missing sheet is an error listing the sheets there are.
    public func sheet(named name: String? = nil) throws(XLSXError) -> SpreadsheetSheet {
        guard let part = try sheetPart(named: name) else {
            throw XLSXError(fileName: fileName, message: "the workbook has no sheets (expected at least one worksheet)")
        }
        return try read(part)
    }

    /// Every sheet, in order.
    public func sheets() throws(XLSXError) -> [SpreadsheetSheet] {
        var result: [SpreadsheetSheet] = []
        for part in sheetParts { result.append(try read(part)) }
        return result
    }

    /// The name the workbook gives the sheet `name` refers to (matching as `sheet(named:)` does), if any.
    public func sheetName(matching name: String) -> String? {
        (sheetParts.first { $0.name == name } ?? sheetParts.first { $0.name.lowercased() == name.lowercased() })?.name
    }

    private func sheetPart(named name: String?) throws(XLSXError) -> SheetPart? {
        guard let name else { return sheetParts.first { !$0.isHidden } ?? sheetParts.first }
        guard let found = sheetName(matching: name), let part = sheetParts.first(where: { $0.name == found }) else {
            let listed = sheetNames.map { "\"\($0)\"" }.joined(separator: ", ")
            throw XLSXError(fileName: fileName, message: "no sheet named \"\(name)\" (expected one of the workbook's sheets: \(listed))")
        }
        return part
    }

    private func read(_ part: SheetPart) throws(XLSXError) -> SpreadsheetSheet {
        let reader = WorksheetReader(
            sharedStrings: sharedStrings, styleKinds: styleKinds, uses1904DateSystem: uses1904DateSystem,
            fileName: fileName, sheetName: part.name
        )
        let read = try reader.rows(from: part.xml, partName: part.path)
        return SpreadsheetSheet(name: part.name, rows: read.rows, mergedCells: read.mergedCells)
    }

    /// The strings of `sharedStrings.xml`, each the text of its `<t>` elements joined (rich-text
    /// runs), leaving out phonetic guides (`<rPh>`).
    private static func readSharedStrings(_ xml: Data, partName: String, fileName: String) throws(XLSXError) -> [String] {
        var strings: [String] = []
        var current = ""
        var phoneticDepth = 0
        try XMLPartScanner.scan(xml, partName: partName, fileName: fileName, onStart: { name, _ in
            switch name {
            case "si": current = ""
            case "rPh": phoneticDepth += 1
            default: break
            }
        }, onEnd: { name, text in
            switch name {
            case "t" where phoneticDepth == 0: current += text
            case "rPh": phoneticDepth -= 1
            case "si": strings.append(OOXMLText.unescaped(current))
            default: break
            }
        })
        return strings
    }

    /// For each cell format (`cellXfs`, indexed by a cell's `s`), whether its number format makes
    /// the number a date, a percentage or a plain number.
    private static func readStyleKinds(_ xml: Data, partName: String, fileName: String) throws(XLSXError) -> [NumberFormatKind] {
        var customFormats: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellFormats = false
        try XMLPartScanner.scan(xml, partName: partName, fileName: fileName, onStart: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = attributes["formatCode"] ?? "" }
            case "cellXfs":
                inCellFormats = true
            case "xf" where inCellFormats:
                formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }, onEnd: { name, _ in
            if name == "cellXfs" { inCellFormats = false }
        })
        return formatIDs.map { id in
            if let code = customFormats[id] { return NumberFormatKind(formatCode: code) }
            return NumberFormatKind(builtInID: id)
        }
    }
}
