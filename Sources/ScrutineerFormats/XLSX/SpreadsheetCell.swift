import ScrutineerCore

/// One cell of a worksheet, typed as the spreadsheet stores it.
public enum SpreadsheetCell: Sendable, Hashable, CustomStringConvertible {
    /// No cell, or a cell with no value.
    case empty
    /// A string (shared, inline or a formula's string result).
    case text(String)
    /// A number with a general or number format.
    case number(Double)
    /// A number with a percentage format, as stored: 61.2% is `0.612`.
    case percentage(Double)
    /// A number with a date format, read as the day it stands for (any time of day is dropped).
    case date(CalendarDate)
    /// TRUE or FALSE.
    case boolean(Bool)
    /// An Excel error value such as `#DIV/0!` or `#N/A`.
    case error(String)
    /// A formula the workbook holds without its result (`=E3/F3*100`), as a program that writes
    /// workbooks without calculating them (Python's openpyxl) leaves it: its value is unknown,
    /// never blank. Excel or LibreOffice store the result when they save.
    case formulaWithoutResult(String)

    /// Why such a formula cannot be read, for a message: "the cell holds the formula =E3/F3*100
    /// with no saved result".
    public static func unsavedFormula(_ formula: String) -> String {
        formula.isEmpty ? "the cell holds a formula with no saved result" : "the cell holds the formula =\(formula) with no saved result"
    }

    /// What to do about it, for a message's "expected".
    public static let savedResult = "a value: open the workbook in Excel or LibreOffice and save it, which stores each formula's result"

    /// True for `.empty` and for text that is only spaces.
    public var isBlank: Bool {
        switch self {
        case .empty: true
        case let .text(text): text.allSatisfy(\.isWhitespace)
        default: false
        }
    }

    /// The cell as a person would read it: text as written, `61.2%`, `2025-03-31`, `TRUE`, `#N/A`.
    public var description: String {
        switch self {
        case .empty: ""
        case let .text(text): text
        case let .number(number): PlainNumber.text(number)
        case let .percentage(fraction): PlainNumber.text(SpreadsheetCell.hundredTimes(fraction)) + "%"
        case let .date(date): date.iso
        case let .boolean(flag): flag ? "TRUE" : "FALSE"
        case let .error(code): code
        case let .formulaWithoutResult(formula): "=" + formula
        }
    }

    /// `fraction` × 100 without binary noise: a stored 0.612 gives 61.2, not 61.199999999999996.
    public static func hundredTimes(_ fraction: Double) -> Double {
        let scaled = fraction * 100
        guard scaled.isFinite, scaled != 0 else { return scaled }
        // Fifteen significant digits is what Excel itself keeps; rounding to them removes the noise.
        let digitsAfterPoint = 14 - abs(scaled).exponentBase10
        guard abs(digitsAfterPoint) <= 22 else { return scaled }
        if digitsAfterPoint >= 0 {
            let factor = powerOfTen(digitsAfterPoint)
            return (scaled * factor).rounded() / factor
        }
        let factor = powerOfTen(-digitsAfterPoint)
        return (scaled / factor).rounded() * factor
    }

    /// 10 to the power `exponent` (exact up to 10^22).
    private static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

extension Double {
    /// The power of ten of the leading digit (0 for 1–9.99, 1 for 10–99.9, -1 for 0.1–0.999).
    fileprivate var exponentBase10: Int {
        var exponent = 0
        var value = self
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 { value *= 10; exponent -= 1 }
        return exponent
    }
}
