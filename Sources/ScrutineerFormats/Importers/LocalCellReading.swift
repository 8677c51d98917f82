import Foundation
import ScrutineerCore

/// Reads the cells of a local table as the values a column needs. Each reader returns nil for a
/// blank cell and throws the problem, worded for `FILE:ROW:COLUMN: problem (expected …)`.
enum LocalCellReading {
    /// A problem with one cell: the message after `FILE:ROW:COLUMN: `.
    struct Problem: Error, Sendable, Hashable {
        var message: String

        init(_ message: String) {
            self.message = message
        }

        /// A formula saved without its result, which no reading of the cell can give a value.
        static func unsavedFormula(_ formula: String) -> Problem {
            Problem("\(SpreadsheetCell.unsavedFormula(formula)) (expected \(SpreadsheetCell.savedResult))")
        }
    }

    /// The cell as text, trimmed: numbers as written without a trailing `.0`, dates as ISO.
    static func text(_ cell: SpreadsheetCell) throws(Problem) -> String? {
        switch cell {
        case .empty: return nil
        case let .error(code): throw Problem("the cell holds the spreadsheet error \(code) (expected a value)")
        case let .formulaWithoutResult(formula): throw Problem.unsavedFormula(formula)
        default:
            let text = cell.description.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
    }

    /// A number for a measure counted in `unit`. A percentage-formatted cell, or text such as
    /// `61.2%`, is read as percentage points, and only for a percentage measure; text such as
    /// `£1,200.50` or `-£75` (a currency cell saved as CSV) is pounds, and only for a money measure.
    static func number(_ cell: SpreadsheetCell, unit: MeasureUnit, example: String) throws(Problem) -> Double? {
        let expected = "expected a number such as \(example)"
        switch cell {
        case .empty:
            return nil
        case let .number(number):
            return number
        case let .percentage(fraction):
            guard unit == .percentage else {
                throw Problem("\(cell) is formatted as a percentage but the measure counts in \(unit.code) (expected a plain number, not a percentage format)")
            }
            return SpreadsheetCell.hundredTimes(fraction)
        case let .text(raw):
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return nil }
            if text.hasSuffix("%") {
                let body = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
                guard let number = plainNumber(body) else { throw Problem("\"\(text)\" is not a number (\(expected))") }
                guard unit == .percentage else {
                    throw Problem("\"\(text)\" is a percentage but the measure counts in \(unit.code) (expected a plain number)")
                }
                return number
            }
            if let pounds = pounds(text) {
                guard unit == .money else {
                    throw Problem("\"\(text)\" is an amount of money but the measure counts in \(unit.code) (expected a plain number)")
                }
                return pounds
            }
            guard let number = plainNumber(text) else { throw Problem("\"\(text)\" is not a number (\(expected))") }
            return number
        case let .date(date):
            throw Problem("the cell holds the date \(date.iso), not a number (\(expected))")
        case let .boolean(flag):
            throw Problem("the cell holds \(flag ? "TRUE" : "FALSE"), not a number (\(expected))")
        case let .error(code):
            throw Problem("the cell holds the spreadsheet error \(code) (\(expected))")
        case let .formulaWithoutResult(formula):
            throw Problem.unsavedFormula(formula)
        }
    }

    /// A whole number: a number cell with no fraction, or its text.
    static func wholeNumber(_ cell: SpreadsheetCell, example: String) throws(Problem) -> Int? {
        guard let text = try text(cell) else { return nil }
        guard let number = plainNumber(text), number.rounded() == number, abs(number) < 1e9 else {
            throw Problem("\"\(text)\" is not a whole number (expected a whole number such as \(example))")
        }
        return Int(number)
    }

    /// A day: a date cell, or text as `2025-03-31` or `31/03/2025`.
    static func date(_ cell: SpreadsheetCell) throws(Problem) -> CalendarDate? {
        let expected = "expected a date such as 2025-03-31, or a cell formatted as a date"
        switch cell {
        case .empty:
            return nil
        case let .date(date):
            return date
        case let .text(raw):
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return nil }
            guard let date = dateText(text) else { throw Problem("\"\(text)\" is not a date (\(expected))") }
            return date
        case let .error(code):
            throw Problem("the cell holds the spreadsheet error \(code) (\(expected))")
        case let .formulaWithoutResult(formula):
            throw Problem.unsavedFormula(formula)
        default:
            throw Problem("\(cell) is not a date (\(expected))")
        }
    }

    /// `2025-03-31`, `2025-03-31T00:00:00`, `2025-03-31 00:00`, the UK `31/03/2025`, or
    /// `31/03/2025 00:00` (a date-time cell saved as CSV; the time of day is dropped, as in a workbook).
    static func dateText(_ text: String) -> CalendarDate? {
        if text.count > 10, let separator = text.dropFirst(10).first, separator == "T" || separator == " ",
           let date = CalendarDate(iso: String(text.prefix(10))) {
            return date
        }
        if let date = CalendarDate(iso: text) { return date }
        var written = Substring(text)
        if let space = written.firstIndex(of: " ") {
            let time = written[written.index(after: space)...]
            guard time.contains(":"), time.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == ":" }) else { return nil }
            written = written[..<space]
        }
        let parts = written.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The amount of `£1,200.50`, `-£75` or `£-75` in pounds (one minus sign, before or after the
    /// pound sign); nil for text without a pound sign before its number.
    static func pounds(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        guard body.hasPrefix("£") else { return nil }
        body = body.dropFirst()
        if !negative, body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        guard !body.hasPrefix("+"), !body.hasPrefix("-"), let amount = plainNumber(String(body)) else { return nil }
        return negative ? -amount : amount
    }

    /// A decimal written plainly (`61.2`, `-3`, `1.5e3`, `12,345.6`), never `nan`, `inf` or hex.
    static func plainNumber(_ text: String) -> Double? {
        var body = text
        if body.contains(",") {
            // Thousands separators only: 1,234 or 12,345.6.
            let integerPart = body.split(separator: ".", maxSplits: 1).first.map(String.init) ?? body
            let groups = integerPart.trimmingCharacters(in: CharacterSet(charactersIn: "+-")).split(separator: ",", omittingEmptySubsequences: false)
            guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            body = body.replacingOccurrences(of: ",", with: "")
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              body.contains(where: \.isNumber), let number = Double(body), number.isFinite else { return nil }
        return number
    }
}
