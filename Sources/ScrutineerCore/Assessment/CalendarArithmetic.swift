/// Day arithmetic and display forms for `CalendarDate` that the assessment needs (no time zones:
/// every date is a whole day).
extension CalendarDate {
    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The last day of the month `months` months later (earlier when negative).
    func endOfMonth(addingMonths months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return .lastDay(ofMonth: index - newYear * 12 + 1, year: newYear)
    }

    /// True when this is the last day of its month.
    var isLastDayOfMonth: Bool { day == CalendarDate.daysIn(month: month, year: year) }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// "14 Nov 2024": how the report prints a publication or due date.
    public var displayText: String {
        "\(day) \(CalendarDate.monthNames[month - 1].prefix(3)) \(year)"
    }

    /// "December 2021": the month a period ends in, as the minutes say "the most recent data was from December 2021".
    public var monthAndYearText: String {
        "\(CalendarDate.monthNames[month - 1]) \(year)"
    }
}

extension Period {
    /// The label, with the months it covers where the label alone would be misread: a bare year
    /// that is not a calendar year, as LAIT labels financial and academic years ("2025 (April 2024
    /// to March 2025)"); any other label as it is.
    public var clearLabel: String {
        guard kind == .year, label.count == 4, label.allSatisfy(\.isNumber), start.month != 1 || end.month != 12 else { return label }
        return "\(label) (\(spanText))"
    }

    /// "April 2023 to March 2024", or "December 2021" for a single month.
    public var spanText: String {
        if start.year == end.year && start.month == end.month { return end.monthAndYearText }
        return "\(start.monthAndYearText) to \(end.monthAndYearText)"
    }

    /// True when both periods are of the same kind and cover the same months a year apart
    /// (`other` is a year before this one).
    func isSamePeriodOneYearBefore(_ other: Period) -> Bool {
        other.kind == kind
            && other.start.year == start.year - 1 && other.start.month == start.month && other.start.day == start.day
            && other.end.year == end.year - 1 && other.end.month == end.month
    }
}
