/// One row of a worksheet: its row number as the spreadsheet shows it, and its cells by column.
public struct SpreadsheetRow: Sendable, Hashable {
    /// The row number (1-based), as shown at the left of the spreadsheet.
    public var number: Int
    /// The cells from column A up to the last cell the row holds; missing cells are `.empty`.
    public var cells: [SpreadsheetCell]

    public init(number: Int, cells: [SpreadsheetCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in `column` (0 = A), `.empty` beyond the last one.
    public subscript(column: Int) -> SpreadsheetCell {
        column < cells.count ? cells[column] : .empty
    }

    /// True when every cell is blank.
    public var isBlank: Bool { cells.allSatisfy(\.isBlank) }
}

/// A worksheet read from a workbook: its name and the rows it holds, in order. Rows the file
/// does not hold (gaps) are absent; each row keeps its own number.
public struct SpreadsheetSheet: Sendable, Hashable {
    public var name: String
    public var rows: [SpreadsheetRow]
    /// The sheet's merged cells: each range shows the value of its top-left cell, and every other
    /// cell of it holds nothing.
    public var mergedCells: [MergedCells]

    public init(name: String, rows: [SpreadsheetRow], mergedCells: [MergedCells] = []) {
        self.name = name
        self.rows = rows
        self.mergedCells = mergedCells
    }


    /// The cell at a 1-based row number and 0-based column, `.empty` if the sheet holds none.
    public func cell(row: Int, column: Int) -> SpreadsheetCell {
        rows.first { $0.number == row }?[column] ?? .empty
    }
}

/// Spreadsheet column letters: 0 ⇄ A, 25 ⇄ Z, 26 ⇄ AA.
public enum SpreadsheetColumn {
    /// The letters of the 0-based column `index`.
    public static func letters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The 0-based column and 1-based row of a reference such as `AB12`; nil if malformed.
    public static func position(ofReference reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                sawLetter = true
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                guard column <= 16_384 else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard sawLetter else { return nil }
                sawDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                guard row <= 1_048_576 else { return nil }
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row > 0 else { return nil }
        return (column - 1, row)
    }
}

/// A range of merged cells, such as `A3:A6`.
public struct MergedCells: Sendable, Hashable {
    /// 1-based rows and 0-based columns of the range's corners.
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    /// The range a `ref` such as `A3:A6` names; nil if malformed.
    public init?(reference: String) {
        let corners = reference.split(separator: ":")
        guard corners.count == 2,
              let first = SpreadsheetColumn.position(ofReference: String(corners[0])),
              let last = SpreadsheetColumn.position(ofReference: String(corners[1])) else { return nil }
        (firstRow, firstColumn, lastRow, lastColumn) = (min(first.row, last.row), min(first.column, last.column), max(first.row, last.row), max(first.column, last.column))
    }

    /// The ranges of `ranges` that reach below the header row `headerRow`, among the records, where
    /// a merge leaves every cell but the first blank, in sheet order.
    public static func amongRecords(_ ranges: [MergedCells], headerRow: Int) -> [MergedCells] {
        ranges.filter { $0.lastRow > headerRow }.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
    }

    /// `A3:A6`.
    public var reference: String {
        SpreadsheetColumn.letters(firstColumn) + String(firstRow) + ":" + SpreadsheetColumn.letters(lastColumn) + String(lastRow)
    }

    /// Why a merge among a table's records is refused, for a message naming its first cell.
    public var problem: String {
        let first = SpreadsheetColumn.letters(firstColumn) + String(firstRow)
        return "the cells \(reference) are merged, so only \(first) holds a value and the others are blank (expected a value in each cell: unmerge the cells and fill each one)"
    }
}
