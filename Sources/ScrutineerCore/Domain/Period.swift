import Foundation

/// A reporting period: its label as councils and DfE write it, what kind it is, and the first and
/// last day it covers. Periods order by when they end, then when they start.
///
/// Labels understood (anything else is an error, never a guess):
/// - `2025` — one year of the measure's `YearType` ending in 2025 (financial: April 2024 to
///   March 2025; academic: September 2024 to August 2025; calendar; year ending September);
/// - `2023/24` or `2023-24` — the financial or academic year starting in 2023 (or the year ending
///   September 2024), never a calendar measure;
/// - `2021/22-23/24` — three pooled financial or academic years (Fingertips writes
///   `2021/22 - 23/24`); `2021-2023` — three pooled calendar years (also written `2021-23` where
///   that cannot be a month, and `2021 - 23` or `2021 - 2023` as Fingertips writes them);
/// - `2024/25 Q2` — a quarter of a financial (Q1 = April–June) or academic (Q1 = September–November)
///   year; `2024 Q2` — a calendar quarter (also written `2024-25 Q2`, `Q2 2024/25`, `Q2 2024-25`
///   and `Q2 2024`, each read as the canonical label);
/// - `2023/24 Autumn term` — a school term of an academic year, or `2023/24 Autumn and spring term`
///   (`SchoolTerm`; also written `2023-24 Autumn term` and `Autumn term 2023/24`, any case);
/// - `2024-09` — a month;
/// - any of these followed by a note in brackets, e.g. `2024-25 (OT)`, which stays in the label.
public struct Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// What a period spans.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case year, pooledYears, quarter, month
        /// One school term (`2023/24 Autumn term`).
        case term
        /// The autumn and spring terms together (`2023/24 Autumn and spring term`).
        case twoTerms
    }

    /// The canonical label (`2023/24`, `2025`, `2021/22-23/24`, `2024/25 Q2`, `2024-09`).
    public let label: String
    public let kind: Kind
    /// The first day covered.
    public let start: CalendarDate
    /// The last day covered.
    public let end: CalendarDate

    public init(label: String, kind: Kind, start: CalendarDate, end: CalendarDate) {
        self.label = label
        self.kind = kind
        self.start = start
        self.end = end
    }

    public var description: String { label }

    public static func < (a: Period, b: Period) -> Bool {
        (a.end, a.start, a.label) < (b.end, b.start, b.label)
    }

    /// The years a period may fall in.
    static let plausibleYears = 1900...2100

    /// Reads `text` as a period of a measure whose years are `yearType`. With `monthly`, an
    /// ambiguous `2011-12` is December 2011 rather than the year 2011/12.
    public static func parse(_ text: String, yearType: YearType, monthly: Bool = false) throws(PeriodError) -> Period {
        var body = text.trimmingCharacters(in: .whitespaces)
        var note = ""
        if body.hasSuffix(")"), let open = body.lastIndex(of: "(") {
            note = " " + body[open...]
            body = body[..<open].trimmingCharacters(in: .whitespaces)
            guard note.count > 3 else { throw PeriodError(label: text, yearType: yearType) }
        }
        // Years outside 1900–2100 are typing slips ("0225" for 2025), not periods to guess at.
        guard let period = parseBody(body, yearType: yearType, monthly: monthly), Self.plausibleYears.contains(period.start.year),
              Self.plausibleYears.contains(period.end.year) else {
            throw PeriodError(label: text, yearType: yearType)
        }
        return note.isEmpty ? period : Period(label: period.label + note, kind: period.kind, start: period.start, end: period.end)
    }

    private static func parseBody(_ s: String, yearType: YearType, monthly: Bool) -> Period? {
        let chars = Array(s)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count, range.allSatisfy({ chars[$0].isASCII && chars[$0].isNumber }) else { return nil }
            return Int(String(chars[range]))
        }
        // Fingertips' pooled years, spaced: 2021/22 - 23/24, 2021 - 23, 2021 - 2023.
        if let dash = s.range(of: " - ") {
            let first = s[..<dash.lowerBound], last = s[dash.upperBound...]
            if first.count == 4, last.count == 2 || last.count == 4, let from = Int(first), let to = Int(last), (first + last).allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard yearType == .calendar else { return nil }
                return last.count == 4 ? pooledCalendarYears(from, through: to) : pooledCalendarYears(from, throughYearEndingIn: to)
            }
            guard let pooled = parseBody(first + "-" + last, yearType: yearType, monthly: monthly), pooled.kind == .pooledYears else { return nil }
            return pooled
        }
        // 2021-2023
        if chars.count == 9, chars[4] == "-", let from = number(0..<4), let to = number(5..<9), yearType == .calendar {
            return pooledCalendarYears(from, through: to)
        }
        // 2025
        if chars.count == 4, let endYear = number(0..<4) {
            return Period.year(endingIn: endYear, yearType)
        }
        // 2023/24, 2023-24, 2024-09
        if chars.count == 7, let first = number(0..<4), let second = number(5..<7), chars[4] == "/" || chars[4] == "-" {
            let isSplitYear = second == (first + 1) % 100
            if chars[4] == "-", (1...12).contains(second), monthly || !isSplitYear {
                return Period(
                    label: "\(first)-\(twoDigits(second))", kind: .month,
                    start: .firstDay(ofMonth: second, year: first), end: .lastDay(ofMonth: second, year: first)
                )
            }
            // 2021-23: pooled calendar years, when it cannot be a month (or a split year)
            if yearType == .calendar, chars[4] == "-", second > 12, !isSplitYear {
                return pooledCalendarYears(first, throughYearEndingIn: second)
            }
            guard isSplitYear, yearType != .calendar else { return nil }
            return splitYear(startingIn: first, yearType)
        }
        // 2023/24 Autumn term, 2023-24 Autumn and spring term, Autumn term 2023/24
        if let (term, rest) = SchoolTerm.split(s) {
            // The year is a split year (2023/24 or 2023-24), read as one.
            guard yearType == .academic, rest.count == 7, let year = parseBody(String(rest), yearType: yearType, monthly: false),
                  year.kind == .year else { return nil }
            return Period.term(term, ofAcademicYearStartingIn: year.start.year)
        }
        // Q2 2024/25, Q2 2024-25, Q2 2024: the quarter written first, as many councils do
        if chars.count == 10 || chars.count == 7, chars[0] == "Q", number(1..<2) != nil, chars[2] == " " {
            return parseBody(String(chars[3...]) + " " + String(chars[0...1]), yearType: yearType, monthly: monthly)
        }
        // 2024/25 Q2, 2024-25 Q2
        if chars.count == 10, let first = number(0..<4), let second = number(5..<7), chars[4] == "/" || chars[4] == "-",
           second == (first + 1) % 100, String(chars[7...8]) == " Q", let q = number(9..<10), (1...4).contains(q),
           yearType != .calendar, let year = splitYear(startingIn: first, yearType) {
            let startMonth = year.start.month + 3 * (q - 1)
            let startYear = first + (startMonth - 1) / 12
            let month = (startMonth - 1) % 12 + 1
            let endMonth = (month + 1) % 12 + 1
            let endYear = startYear + (month + 2 > 12 ? 1 : 0)
            return Period(
                label: "\(year.label) Q\(q)", kind: .quarter,
                start: .firstDay(ofMonth: month, year: startYear), end: .lastDay(ofMonth: endMonth, year: endYear)
            )
        }
        // 2024 Q2 (calendar quarter)
        if chars.count == 7, let year = number(0..<4), String(chars[4...5]) == " Q", let q = number(6..<7), (1...4).contains(q) {
            let month = 3 * (q - 1) + 1
            return Period(label: "\(year) Q\(q)", kind: .quarter, start: .firstDay(ofMonth: month, year: year), end: .lastDay(ofMonth: month + 2, year: year))
        }
        // 2021/22-23/24
        if chars.count == 13, let first = number(0..<4), let a = number(5..<7), let b = number(8..<10), let c = number(11..<13),
           chars[4] == "/", chars[7] == "-", chars[10] == "/", a == (first + 1) % 100, c == (b + 1) % 100, yearType != .calendar {
            let century = first - first % 100
            var lastStart = century + b
            if lastStart < first { lastStart += 100 }
            guard lastStart > first, lastStart - first <= 10,
                  let opening = splitYear(startingIn: first, yearType), let closing = splitYear(startingIn: lastStart, yearType) else { return nil }
            return Period(label: "\(opening.label)-\(twoDigits(b))/\(twoDigits(c))", kind: .pooledYears, start: opening.start, end: closing.end)
        }
        return nil
    }

    /// The calendar years `first` to `last` pooled (`2021-2023`): two to eleven years.
    static func pooledCalendarYears(_ first: Int, through last: Int) -> Period? {
        guard last > first, last - first <= 10 else { return nil }
        return Period(label: "\(first)-\(last)", kind: .pooledYears, start: .firstDay(ofMonth: 1, year: first), end: .lastDay(ofMonth: 12, year: last))
    }

    /// The calendar years from `first` to the first year after it whose last two digits are
    /// `twoDigits` (`2021 - 23`, `1999 - 01`), pooled.
    static func pooledCalendarYears(_ first: Int, throughYearEndingIn twoDigits: Int) -> Period? {
        let last = first - first % 100 + twoDigits
        return pooledCalendarYears(first, through: last <= first ? last + 100 : last)
    }

    /// `term` of the academic year starting in September `startYear` (`2023/24 Autumn term`).
    public static func term(_ term: SchoolTerm, ofAcademicYearStartingIn startYear: Int) -> Period {
        func month(_ fromSeptember: Int) -> (month: Int, year: Int) {
            ((8 + fromSeptember) % 12 + 1, startYear + (8 + fromSeptember) / 12)
        }
        let first = month(term.monthsFromSeptember.lowerBound), last = month(term.monthsFromSeptember.upperBound)
        return Period(
            label: "\(startYear)/\(twoDigits((startYear + 1) % 100)) \(term.name)", kind: term.periodKind,
            start: .firstDay(ofMonth: first.month, year: first.year), end: .lastDay(ofMonth: last.month, year: last.year)
        )
    }

    /// The one year of `yearType` that ends in `endYear`.
    static func year(endingIn endYear: Int, _ yearType: YearType) -> Period {
        let first = yearType.firstMonth
        let startYear = first == 1 ? endYear : endYear - 1
        let endMonth = first == 1 ? 12 : first - 1
        return Period(label: String(endYear), kind: .year, start: .firstDay(ofMonth: first, year: startYear), end: .lastDay(ofMonth: endMonth, year: endYear))
    }

    /// The split year `2023/24` of `yearType` starting in `startYear`.
    static func splitYear(startingIn startYear: Int, _ yearType: YearType) -> Period? {
        guard yearType != .calendar else { return nil }
        let first = yearType.firstMonth
        return Period(
            label: "\(startYear)/\(twoDigits((startYear + 1) % 100))", kind: .year,
            start: .firstDay(ofMonth: first, year: startYear), end: .lastDay(ofMonth: first - 1, year: startYear + 1)
        )
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

/// A period label that cannot be read, with the labels that would have been.
public struct PeriodError: Error, Sendable, Hashable, CustomStringConvertible {
    public var label: String
    public var yearType: YearType

    public init(label: String, yearType: YearType) {
        self.label = label
        self.yearType = yearType
    }

    public var description: String {
        let examples = switch yearType {
        case .calendar: "2025, 2021-2023, 2024 Q2 or 2024-09"
        case .academic: "2025, 2023/24, 2021/22-23/24, 2024/25 Q2, 2023/24 Autumn term or 2024-09"
        case .financial, .yearEndingSeptember: "2025, 2023/24, 2021/22-23/24, 2024/25 Q2 or 2024-09"
        }
        return "unknown period \"\(label)\" for a measure with \(yearType.rawValue) years (expected a label such as \(examples))"
    }
}
