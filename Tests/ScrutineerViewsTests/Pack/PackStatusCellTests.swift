import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerViews

/// The status cell of a measure's row (PRODUCT.md R7, R9).
@Suite struct PackStatusCellTests {
    /// Warwickshire's re-referrals from LAIT (18.4% for 2024, its latest), published 31 October
    /// after each year, assessed in 2025/26 Q1, when no new figure is due, against a local target.
    static func reReferralsMidYear(target: Double) throws -> MeasureAssessment {
        let lait = try LAITFixture.shared()
        var measure = try #require(lait.measures.first { $0.code == "ReReferral" })
        measure.publicationLagDays = 214
        let series = lait.observations.filter { $0.measureCode == "ReReferral" && $0.areaCode == LAITFixture.warwickshire }.map { observation -> Observation in
            var published = observation
            published.published = observation.period.end.adding(days: 214)
            return published
        }
        let target = Target(
            measureCode: "ReReferral", kind: .local, value: target, tolerance: 1, validFrom: CalendarDate(iso: "2024-04-01")!,
            setBy: "Service Manager", setOn: CalendarDate(iso: "2024-04-01")!, reason: "test"
        )
        let committee = Committee(
            code: "CYP-OSC", name: "Children and Young People Overview and Scrutiny Committee", councilAreaCode: LAITFixture.warwickshire,
            themes: [CommitteeTheme(name: "Performance", owner: "John Coleman", measureCodes: ["ReReferral"])]
        )
        let report = try AssessmentData(
            committee: committee, reportingPeriod: try Period.parse("2025/26 Q1", yearType: .financial), today: CalendarDate(iso: "2025-08-15")!,
            audience: .officer, measures: [measure], observations: series, targets: [target]
        ).assess()
        return try #require(report.measures.first)
    }

    @Test("Not due a new figure: the cell says how the last figure stood against the target, so one that missed is not read as out of trouble (found by exploratory testing)")
    func notDueSaysHowTheLastFigureStood() throws {
        for (target, words) in [(15.0, "Last figure not on track against the local target of 15% (tolerance 1 pp)"), (20.0, "Last figure on track against the local target of 20% (tolerance 1 pp)")] {
            let m = try Self.reReferralsMidYear(target: target)
            #expect(m.status.status == .notDue)
            var symbols = PackSymbols(key: Key(measures: [m]))
            #expect(PackLenses.status(m, symbols: &symbols).map(\.text) == ["Not due", words])
        }
    }
}
