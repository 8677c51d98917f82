import Foundation
import ScrutineerCore

/// Reads one worksheet part (`<sheetData>` rows of `<c>` cells) into typed rows, placing each
/// cell by its `r` reference so missing cells and rows leave gaps rather than shifting data.
struct WorksheetReader {
    var sharedStrings: [String]
    var styleKinds: [NumberFormatKind]
    var uses1904DateSystem: Bool
    var fileName: String
    var sheetName: String

    /// The rows of the part that hold at least one cell, in order, and its merged cells.
    func rows(from xml: Data, partName: String) throws(XLSXError) -> (rows: [SpreadsheetRow], mergedCells: [MergedCells]) {
        var rows: [SpreadsheetRow] = []
        var mergedCells: [MergedCells] = []
        var rowNumber = 0
        var cells: [SpreadsheetCell] = []
        var nextColumn = 0
        var cellColumn = 0
        var cellReference = ""
        var cellType = ""
        var cellStyle = 0
        var value = ""
        var formula: String?
        var inlineText = ""
        var inInlineString = false
        var phoneticDepth = 0
        var firstProblem: XLSXError?

        try XMLPartScanner.scan(xml, partName: partName, fileName: fileName, onStart: { name, attributes in
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                cells = []
                nextColumn = 0
            case "mergeCell":
                if let range = attributes["ref"].flatMap(MergedCells.init(reference:)) { mergedCells.append(range) }
            case "c":
                cellReference = attributes["r"] ?? ""
                cellColumn = SpreadsheetColumn.position(ofReference: cellReference)?.column ?? nextColumn
                if cellReference.isEmpty { cellReference = SpreadsheetColumn.letters(cellColumn) + String(rowNumber) }
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
                value = ""
                formula = nil
                inlineText = ""
            case "f":
                formula = formula ?? ""
            case "is":
                inInlineString = true
            case "rPh":
                phoneticDepth += 1
            default:
                break
            }
        }, onEnd: { name, text in
            switch name {
            case "v":
                value = text
            case "f":
                formula = OOXMLText.unescaped(text)
            case "t" where inInlineString && phoneticDepth == 0:
                inlineText += text
            case "is":
                inInlineString = false
            case "rPh":
                phoneticDepth -= 1
            case "c":
                let cell: SpreadsheetCell
                do throws(XLSXError) {
                    // A formula saved without its result is not a blank cell: its value is unknown.
                    // (One whose result is empty text, such as =IF(A1="","",A1), is typed str.)
                    if let formula, value.isEmpty, inlineText.isEmpty, cellType != "str" {
                        cell = .formulaWithoutResult(formula)
                    } else {
                        cell = try typedCell(type: cellType, style: cellStyle, value: value, inlineText: inlineText, reference: cellReference)
                    }
                } catch {
                    if firstProblem == nil { firstProblem = error }
                    cell = .empty
                }
                if cellColumn >= cells.count {
                    cells.append(contentsOf: repeatElement(.empty, count: cellColumn - cells.count))
                    cells.append(cell)
                } else {
                    cells[cellColumn] = cell
                }
                nextColumn = cellColumn + 1
            case "row":
                if !cells.isEmpty { rows.append(SpreadsheetRow(number: rowNumber, cells: cells)) }
                cells = []
            default:
                break
            }
        })
        if let firstProblem { throw firstProblem }
        return (rows, mergedCells)
    }

    /// The cell a `<c>` element stands for, from its type (`t`), style (`s`) and value.
    private func typedCell(type: String, style: Int, value: String, inlineText: String, reference: String) throws(XLSXError) -> SpreadsheetCell {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw damaged(reference, "refers to shared string \"\(value)\", which the workbook does not have")
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return .text(OOXMLText.unescaped(inlineText.isEmpty ? value : inlineText))
        case "str":
            return .text(OOXMLText.unescaped(value))
        case "b":
            let flag = value.trimmingCharacters(in: .whitespaces)
            guard ["0", "1", "true", "false"].contains(flag) else { throw damaged(reference, "holds \"\(value)\" as a TRUE/FALSE value") }
            return .boolean(flag == "1" || flag == "true")
        case "e":
            return .error(value)
        case "d":
            let text = value.trimmingCharacters(in: .whitespaces)
            guard let date = CalendarDate(iso: String(text.prefix(10))) else { throw damaged(reference, "holds \"\(value)\" as a date") }
            return .date(date)
        default:
            let text = value.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .empty }
            guard let number = Double(text), number.isFinite else { throw damaged(reference, "holds \"\(value)\" as a number") }
            switch style < styleKinds.count ? styleKinds[style] : .number {
            case .number:
                return .number(number)
            case .percentage:
                return .percentage(number)
            case .date:
                guard let date = ExcelSerialDate.date(fromSerial: number, uses1904System: uses1904DateSystem) else { return .number(number) }
                return .date(date)
            }
        }
    }

    private func damaged(_ reference: String, _ problem: String) -> XLSXError {
        XLSXError(
            fileName: fileName,
            message: "sheet \"\(sheetName)\" cell \(reference) \(problem); the workbook is damaged (expected a file saved by a spreadsheet program as .xlsx)"
        )
    }
}
