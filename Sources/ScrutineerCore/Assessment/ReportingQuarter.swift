extension Period {
    /// The quarter of `yearType` that contains `date`, labelled as `Period.parse` reads it: for a
    /// report asked for "as at" a date (`2025-01-15` ⇒ `2024/25 Q4` for a financial year, `2024/25 Q2`
    /// for an academic year, `2025 Q1` for a calendar year).
    public static func quarter(containing date: CalendarDate, yearType: YearType) -> Period {
        let first = yearType.firstMonth
        let monthsIn = (date.month - first + 12) % 12
        let quarter = monthsIn / 3 + 1
        let startYear = date.month >= first ? date.year : date.year - 1
        let startMonthIndex = startYear * 12 + (first - 1) + 3 * (quarter - 1)
        let start = CalendarDate.firstDay(ofMonth: startMonthIndex % 12 + 1, year: startMonthIndex / 12)
        let end = start.endOfMonth(addingMonths: 2)
        let next = (startYear + 1) % 100
        let label = yearType == .calendar ? "\(startYear) Q\(quarter)" : "\(startYear)/\(next < 10 ? "0" : "")\(next) Q\(quarter)"
        return Period(label: label, kind: .quarter, start: start, end: end)
    }
}
