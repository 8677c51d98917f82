/// How current a measure's latest figure is for the reporting period (PRODUCT.md R7).
public enum CurrencyState: String, Sendable, Hashable, CaseIterable, Codable {
    /// A new figure arrived for (or during) the reporting period.
    case current
    /// No new figure was due in the reporting period (an annual measure mid-year): the latest is
    /// still the latest there could be. Not red.
    case notDue = "not-due"
    /// A newer figure should have been published by now (by its due date, or the period's end
    /// plus the measure's publication lag) but is not held.
    case stale
    /// No figure at all up to the reporting period.
    case noData = "no-data"

    /// "Current", "Not due", "Stale", "No data".
    public var label: String {
        switch self {
        case .current: "Current"
        case .notDue: "Not due"
        case .stale: "Stale"
        case .noData: "No data"
        }
    }

    /// The symbol name the report draws: `currency-current`, `currency-not-due`, …
    public var symbol: String { "currency-\(rawValue)" }
}

/// The currency of a measure's latest figure: the period it covers, when it was published, when the
/// next is due, and whether that makes it current, not due or stale.
///
/// Rules (dates are whole days; the lag is the measure's `publicationLagDays`, or when unknown one
/// period: 31 days monthly, 92 quarterly, 365 annual or multi-year):
/// - only figures for periods ending by the reporting period's end and published by `today` count;
/// - the next period after the latest ends one period (1, 3 or 12 months) later and is due on the
///   date its source gave (`nextUpdateDue`), else on its end plus the lag;
/// - **stale** when that next period ends within the reporting period and `today` is after its due
///   date;
/// - otherwise **current** when the latest period reaches into the reporting period, or was
///   published on or after the reporting period's first day (with no publication date: its end
///   plus the lag, or `today` if that is sooner, since it is held);
/// - otherwise **not due**: no new figure was due in the reporting period.
public struct DataCurrency: Sendable, Hashable, Codable {
    /// Current, not due, stale or no data.
    public let state: CurrencyState
    /// The period reported on.
    public let reportingPeriod: Period
    /// The period the latest figure covers.
    public let latestPeriod: Period?
    /// When the latest figure was published, where known.
    public let published: CalendarDate?
    /// When the next figure is (or was) due.
    public let nextUpdateDue: CalendarDate?
    /// True when `nextUpdateDue` was worked out from the publication lag rather than given by the source.
    public let isNextUpdateEstimated: Bool
    /// For stale data: the last day of the period whose figure is overdue.
    public let overduePeriodEnd: CalendarDate?
    /// The publication lag used, in days.
    public let publicationLagDays: Int

    /// The lag assumed when a measure states none: one period.
    public static func assumedLagDays(for periodicity: Periodicity) -> Int {
        switch periodicity {
        case .monthly: 31
        case .quarterly: 92
        case .annual, .multiYear: 365
        }
    }

    /// Months from one period's end to the next.
    static func stepMonths(for periodicity: Periodicity) -> Int {
        switch periodicity {
        case .monthly: 1
        case .quarterly: 3
        case .annual, .multiYear: 12
        }
    }

    /// The currency of `latest` (nil when the council has no figure) for `measure` in `reportingPeriod`, judged on `today`.
    public static func assess(latest: Observation?, measure: Measure, reportingPeriod: Period, today: CalendarDate) -> DataCurrency {
        let lag = measure.publicationLagDays ?? assumedLagDays(for: measure.periodicity)
        guard let latest else {
            return DataCurrency(
                state: .noData, reportingPeriod: reportingPeriod, latestPeriod: nil, published: nil, nextUpdateDue: nil,
                isNextUpdateEstimated: false, overduePeriodEnd: nil, publicationLagDays: lag
            )
        }
        let nextEnd = latest.period.end.endOfMonth(addingMonths: stepMonths(for: measure.periodicity))
        let nextDue = latest.nextUpdateDue ?? nextEnd.adding(days: lag)
        let state: CurrencyState
        if nextEnd <= reportingPeriod.end && today > nextDue {
            state = .stale
        } else if latest.period.end >= reportingPeriod.start
            || (latest.published ?? min(latest.period.end.adding(days: lag), today)) >= reportingPeriod.start {
            state = .current
        } else {
            state = .notDue
        }
        return DataCurrency(
            state: state, reportingPeriod: reportingPeriod, latestPeriod: latest.period, published: latest.published,
            nextUpdateDue: nextDue, isNextUpdateEstimated: latest.nextUpdateDue == nil,
            overduePeriodEnd: state == .stale ? nextEnd : nil, publicationLagDays: lag
        )
    }

    /// "Current", "Not due", "Stale" or "No data".
    public var label: String { state.label }

    /// The symbol name the report draws.
    public var symbol: String { state.symbol }

    /// The judgement in words, e.g. "Stale (latest: December 2021): a figure for the period to
    /// December 2022 was due by 6 Mar 2024."
    public var reason: String {
        guard let latestPeriod else {
            return "No data: no figure for any period up to \(reportingPeriod.label)."
        }
        let publishedWords = published.map { ", published \($0.displayText)" } ?? ""
        let nextWords = nextUpdateDue.map { (isNextUpdateEstimated ? "next expected by " : "next due ") + $0.displayText } ?? ""
        switch state {
        case .stale:
            let overdue = overduePeriodEnd.map { " a figure for the period to \($0.monthAndYearText) was due by \(nextUpdateDue?.displayText ?? "now")" } ?? ""
            return "Stale (latest: \(latestPeriod.end.monthAndYearText)):\(overdue)."
        case .current:
            return "Current: the latest figure covers \(latestPeriod.label) (\(latestPeriod.spanText))\(publishedWords); \(nextWords)."
        case .notDue:
            return "Not due: no new figure was due in \(reportingPeriod.label); the latest covers \(latestPeriod.label) (\(latestPeriod.spanText))\(publishedWords); \(nextWords)."
        case .noData:
            return "No data: no figure for any period up to \(reportingPeriod.label)."
        }
    }
}
