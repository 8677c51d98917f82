import ScrutineerCore

/// Excel's day numbers ("serials"): in the 1900 system 1 is 1 January 1900 and 60 is the
/// 29 February 1900 that never was (Lotus 1-2-3's leap-year bug, kept by Excel), so from
/// 1 March 1900 on a serial counts days from 30 December 1899; in the 1904 system 0 is
/// 1 January 1904.
public enum ExcelSerialDate {
    /// The day `serial` stands for (any fraction, the time of day, is dropped). Nil for serials
    /// before the system's first day and for the 1900 system's phantom 29 February (60).
    public static func date(fromSerial serial: Double, uses1904System: Bool = false) -> CalendarDate? {
        guard serial.isFinite, serial < 3_000_000 else { return nil }
        let day = Int(serial.rounded(.down))
        if uses1904System {
            guard day >= 0 else { return nil }
            return civilDate(fromDaysSinceEpoch: daysSinceEpoch(1904, 1, 1) + day)
        }
        guard day >= 1, day != 60 else { return nil }
        let origin = day < 60 ? daysSinceEpoch(1899, 12, 31) : daysSinceEpoch(1899, 12, 30)
        return civilDate(fromDaysSinceEpoch: origin + day)
    }

    /// The 1900-system serial of `date`; nil before 1 January 1900.
    public static func serial(of date: CalendarDate) -> Int? {
        let days = daysSinceEpoch(date.year, date.month, date.day)
        if days >= daysSinceEpoch(1900, 3, 1) { return days - daysSinceEpoch(1899, 12, 30) }
        let serial = days - daysSinceEpoch(1899, 12, 31)
        return serial >= 1 ? serial : nil
    }

    /// Days from 1 January 1970 to the given day (a real calendar day).
    static func daysSinceEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CalendarDate(year: year, month: month, day: day)!.dayNumber
    }

    /// The day that is `days` after 1 January 1970.
    static func civilDate(fromDaysSinceEpoch days: Int) -> CalendarDate? {
        CalendarDate(dayNumber: days)
    }
}
