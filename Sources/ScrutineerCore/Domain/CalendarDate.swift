import Foundation

/// A day in the proleptic Gregorian calendar, with no time or time zone: what period bounds,
/// publication dates and target validity need. Written and read as ISO 8601 `YYYY-MM-DD`.
///
/// Kept in four bytes (year, month and day packed so that their order is the dates' order): every
/// observation and period holds several, and the assessment copies them for each measure and council.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `year << 9 | month << 5 | day`.
    private let packed: Int32

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int((packed >> 5) & 0b1111) }
    public var day: Int { Int(packed & 0b1_1111) }

    /// The years a date can have: ±4 million, far beyond any period or publication.
    static let years = -(1 << 22)...((1 << 22) - 1)

    /// A date, or nil when the month or day does not exist (31 April, 29 February 2023).
    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        packed = Int32(year) << 9 | Int32(month) << 5 | Int32(day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The last day of `month` in `year`.
    public static func lastDay(ofMonth month: Int, year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    /// The first day of `month` in `year`.
    public static func firstDay(ofMonth month: Int, year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: 1)!
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self = CalendarDate(year: year, month: month, day: day)!
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        a.packed < b.packed
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not a YYYY-MM-DD date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension CalendarDate {
    /// Today in UTC.
    public static var todayUTC: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The day of an ISO 8601 timestamp (`2026-11-23T10:00:00Z` → 23 November 2026), or nil.
    public init?(timestamp: String) {
        self.init(iso: String(timestamp.prefix(10)))
    }

    /// The day of an ISO 8601 timestamp in words ("1 July 2026"), or the timestamp as given when it
    /// does not start with a date.
    public static func displayText(ofTimestamp timestamp: String) -> String {
        CalendarDate(timestamp: timestamp)?.displayText ?? timestamp
    }

    /// The day and minute of an ISO 8601 timestamp in UTC ("1 July 2026 at 14:05 UTC"), to tell
    /// apart two things done on one day; the day alone when the timestamp gives no UTC time.
    public static func displayText(ofTimestampWithTime timestamp: String) -> String {
        let day = displayText(ofTimestamp: timestamp)
        let characters = Array(timestamp)
        guard CalendarDate(timestamp: timestamp) != nil, characters.count >= 17, characters[10] == "T", characters[13] == ":",
              timestamp.hasSuffix("Z") || timestamp.hasSuffix("+00:00"),
              (characters[11...12] + characters[14...15]).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return day }
        return "\(day) at \(String(characters[11...15])) UTC"
    }
}
