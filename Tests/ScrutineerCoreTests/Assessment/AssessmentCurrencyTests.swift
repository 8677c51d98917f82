import ScrutineerCore
import ScrutineerTestSupport
import Testing

/// Data currency (PRODUCT.md R7): an annual measure mid-year is not due (not red), data older than
/// the publication lag allows are stale ("latest: December 2021"), no figure is no data.
@Suite struct AssessmentCurrencyTests {
    /// Warwickshire's re-referral series from LAIT, each figure published on 31 October after its
    /// year (the children-in-need census release), with a lag to match.
    static func reReferrals() throws -> (Measure, [Observation]) {
        let lait = try LAITData.shared()
        var measure = try lait.measure("ReReferral")
        measure.publicationLagDays = 214
        let series = lait.observations.filter { $0.measureCode == "ReReferral" && $0.areaCode == LAITData.warwickshire }
            .map { observation -> Observation in
                var published = observation
                published.published = observation.period.end.addingDaysForTest(214)
                return published
            }
        return (measure, series)
    }

    @Test("An annual measure mid-year is not due, not red, though its latest figure misses the target")
    func annualMeasureMidYearIsNotDue() throws {
        let (measure, series) = try Self.reReferrals()
        let target = try Build.target("ReReferral", .local, 15)
        let report = try Build.assess([measure], series, targets: [target], period: "2025/26 Q1", today: "2025-08-15")
        let assessment = try #require(report.measures.first)

        #expect(assessment.latest?.period.label == "2024")
        #expect(assessment.latest?.value == 18.4)
        #expect(assessment.currency.state == .notDue)
        #expect(assessment.currency.published == (try Build.date("2024-10-31")))
        #expect(assessment.currency.nextUpdateDue == (try Build.date("2025-10-31")))
        #expect(assessment.status.status == .notDue)
        #expect(assessment.status.colour == .grey)
        #expect(assessment.status.reportedTarget?.result == .missed)
        #expect(assessment.status.reason
            == "Not due: no new figure was due in 2025/26 Q1; the latest is 18.4% for 2024, published 31 Oct 2024, not on track against a local target of 15%")
        #expect(assessment.currency.reason
            == "Not due: no new figure was due in 2025/26 Q1; the latest covers 2024 (April 2023 to March 2024), published 31 Oct 2024; next expected by 31 Oct 2025.")
        #expect(report.headline.counts.notDue == 1)
        #expect(report.headline.counts.notOnTrack == 0)
        // Not red, but still off track until a new figure says otherwise: the headline says so and
        // commentary is asked for (R9; found by exploratory testing: "none not on track" above six
        // annual measures whose last figures missed).
        #expect(assessment.status.lastFigureMissed)
        #expect(assessment.status.isOffTrack)
        #expect(report.headline.sentence.hasPrefix("The one key business measure was not due a new figure (not on track at its last);"))
        #expect(report.offTrackWithoutCommentary([]).map(\.measure.code) == ["ReReferral"])
        let met = try Build.assess([measure], series, targets: [try Build.target("ReReferral", .local, 20)], period: "2025/26 Q1", today: "2025-08-15")
        #expect(met.measures.first?.status.lastFigureMissed == false)
        #expect(met.headline.sentence.hasPrefix("The one key business measure was not due a new figure;"))
        #expect(met.offTrackWithoutCommentary([]).isEmpty)
    }

    @Test("A target's reason is officers' text: the public reads its small counts of children as \"a small number of\" them, members as written (found by exploratory testing)")
    func targetReasonRedacted() throws {
        let (measure, series) = try Self.reReferrals()
        var target = try Build.target("ReReferral", .local, 15)
        target.reason = "Target set after 3 children waited over a year"
        func reason(_ audience: Audience) throws -> String? {
            try Build.assess([measure], series, targets: [target], period: "2025/26 Q1", today: "2025-08-15", audience: audience)
                .measures.first?.status.reportedTarget?.target.reason
        }
        #expect(try reason(.member) == "Target set after 3 children waited over a year")
        #expect(try reason(.public) == "Target set after a small number of children waited over a year")
    }

    @Test("The same measure is current in the quarter its new figure is published, and judged")
    func annualMeasureCurrentWhenPublished() throws {
        let (measure, series) = try Self.reReferrals()
        let target = try Build.target("ReReferral", .local, 15)
        let report = try Build.assess([measure], series, targets: [target], period: "2025/26 Q3", today: "2026-01-20")
        let assessment = try #require(report.measures.first)

        #expect(assessment.latest?.period.label == "2025")
        #expect(assessment.currency.state == .current)
        #expect(assessment.status.status == .notOnTrack)
        #expect(assessment.status.reason == "Not on track: 17.0% against a local target of 15%, published 31 Oct 2025")
        #expect(assessment.currency.reason
            == "Current: the latest figure covers 2025 (April 2024 to March 2025), published 31 Oct 2025; next expected by 31 Oct 2026.")
    }

    @Test("Data older than the lag allows are stale, \"latest: December 2021\", and still judged")
    func staleConceptionRate() throws {
        // The minutes: "the most recent data was from December 2021". Here the 2022 figure, due by
        // the end of February 2024 (425 days after December 2022), has not arrived by June 2024.
        let lait = try LAITData.shared()
        var measure = try lait.measure("Under18concep")
        measure.publicationLagDays = 425
        let series = lait.observations.filter {
            $0.measureCode == "Under18concep" && $0.areaCode == LAITData.warwickshire && $0.period.label != "2022"
        }
        let target = try Build.target("Under18concep", .local, 12, from: "2023-04-01")
        let report = try Build.assess([measure], series, targets: [target], period: "2023/24 Q4", today: "2024-06-01")
        let assessment = try #require(report.measures.first)

        #expect(assessment.latest?.period.label == "2021")
        #expect(assessment.currency.state == .stale)
        #expect(assessment.currency.overduePeriodEnd == (try Build.date("2022-12-31")))
        #expect(assessment.currency.reason == "Stale (latest: December 2021): a figure for the period to December 2022 was due by 29 Feb 2024.")
        #expect(assessment.status.status == .notOnTrack)
        #expect(assessment.status.reason == "Not on track: 13.0 for 2021 against a local target of 12")
        #expect(assessment.symbols.contains("currency-stale"))
    }

    @Test("The same data before the 2022 figure was due are not stale")
    func notStaleBeforeDue() throws {
        let lait = try LAITData.shared()
        var measure = try lait.measure("Under18concep")
        measure.publicationLagDays = 425
        let series = lait.observations.filter {
            $0.measureCode == "Under18concep" && $0.areaCode == LAITData.warwickshire && $0.period.label != "2022"
        }
        let report = try Build.assess([measure], series, period: "2022/23 Q4", today: "2023-06-01")
        #expect(report.measures.first?.currency.state != .stale)
    }

    @Test("A measure with no figure has no data: no status, no direction, no benchmarks")
    func noData() throws {
        let measure = Build.percentage("EARLYHELP")
        let report = try Build.assess([measure], [], targets: [try Build.target("EARLYHELP", .local, 80)],
                                      period: "2024/25 Q2", today: "2024-11-20")
        let assessment = try #require(report.measures.first)
        #expect(assessment.latest == nil)
        #expect(assessment.currency.state == .noData)
        #expect(assessment.status.status == .noData)
        #expect(assessment.status.reason == "No data: no figure up to 2024/25 Q2")
        #expect(assessment.direction.direction == .notCalculated)
        #expect(assessment.direction.notCalculatedReason == .noFigure)
        #expect(assessment.benchmarks == nil)
        #expect(report.headline.counts.noData == 1)
    }

    @Test("A figure published after today is not used")
    func publishedAfterTodayIsIgnored() throws {
        let measure = Build.percentage("EET")
        let observations = [
            try Build.observation("EET", "2024/25 Q1", 60, published: "2024-08-10"),
            try Build.observation("EET", "2024/25 Q2", 62, published: "2024-11-14"),
        ]
        let report = try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-11-01")
        #expect(report.measures.first?.latest?.period.label == "2024/25 Q1")
    }
}

extension CalendarDate {
    /// The date `days` later, counted by hand for test set-up (no arithmetic from the code under test).
    func addingDaysForTest(_ days: Int) -> CalendarDate {
        var (y, m, d) = (year, month, day)
        for _ in 0..<days {
            let length = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            d += 1
            if d > length { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
        return CalendarDate(year: y, month: m, day: d)!
    }
}

/// A report asked for as at a date uses the quarter containing it, the same period `Period.parse` reads.
@Suite struct AssessmentReportingQuarterTests {
    @Test("The quarter containing a date equals the parsed quarter label",
          arguments: [("2025-01-15", YearType.financial, "2024/25 Q4"), ("2024-04-01", .financial, "2024/25 Q1"),
                      ("2025-01-15", .academic, "2024/25 Q2"), ("2024-09-30", .academic, "2024/25 Q1"),
                      ("2025-01-15", .calendar, "2025 Q1"), ("2024-12-31", .calendar, "2024 Q4"),
                      ("2024-10-01", .yearEndingSeptember, "2024/25 Q1")])
    func quarterContaining(date: String, yearType: YearType, label: String) throws {
        let quarter = Period.quarter(containing: try Build.date(date), yearType: yearType)
        #expect(quarter == (try Period.parse(label, yearType: yearType)))
    }
}
