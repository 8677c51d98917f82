import ScrutineerCore
import Testing

/// Timestamps as pages show them: the day, and for things that can happen twice in one day (a
/// report published again), the minute in UTC.
@Suite("Calendar dates and timestamps in words")
struct CalendarDateTests {
    @Test("a store timestamp is shown as its day, or its day and UTC minute; anything else as it is")
    func timestamps() {
        // StoreTimestamp writes ISO 8601 in UTC, as Foundation's .iso8601 format does.
        #expect(CalendarDate.displayText(ofTimestamp: "2026-11-23T14:05:07Z") == "23 Nov 2026")
        #expect(CalendarDate.displayText(ofTimestampWithTime: "2026-11-23T14:05:07Z") == "23 Nov 2026 at 14:05 UTC")
        #expect(CalendarDate.displayText(ofTimestampWithTime: "2026-07-01T09:00:00+00:00") == "1 Jul 2026 at 09:00 UTC")
        // No time, or a time not in UTC: the day alone rather than a wrong hour.
        #expect(CalendarDate.displayText(ofTimestampWithTime: "2026-11-23") == "23 Nov 2026")
        #expect(CalendarDate.displayText(ofTimestampWithTime: "2026-11-23T14:05:07+01:00") == "23 Nov 2026")
        #expect(CalendarDate.displayText(ofTimestampWithTime: "2026-11-23T1x:05:07Z") == "23 Nov 2026")
        #expect(CalendarDate.displayText(ofTimestampWithTime: "yesterday") == "yesterday")
    }
}
