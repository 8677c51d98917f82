import ScrutineerCore
import Testing

/// Which risks a report lists, and how their scores, bands and moves are worded (PRODUCT.md R11:
/// "the risks the committee owns, with score, trend and mitigation").
@Suite("Risks the committee owns")
struct RiskTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static let q1 = try! Period.parse("2026/27 Q1", yearType: .financial)  // April–June 2026
    static let q2 = try! Period.parse("2026/27 Q2", yearType: .financial)  // July–September 2026

    static func review(
        _ reference: String, on iso: String, _ likelihood: Int, _ impact: Int, status: RiskReview.Status = .open, target: RiskScore? = nil
    ) -> RiskReview {
        RiskReview(
            committeeCode: "WARKS-CYP", reference: reference, title: "Risk \(reference)", owner: "Director of Children and Families",
            reviewedOn: day(iso), score: RiskScore(likelihood: likelihood, impact: impact), target: target,
            mitigation: "Mitigation of \(reference).", status: status
        )
    }

    static func listed(_ reviews: [RiskReview], _ period: Period, on iso: String) -> [String] {
        ReportedRisk.inReport(reviews, period: period, on: day(iso)).map { "\($0.review.reference) \($0.review.score.value) \($0.trend.code)" }
    }

    @Test("the score is likelihood × impact, banded low 1–4, medium 5–12, high 15–25, at every product the matrix can give")
    func bands() {
        var bands: [Int: RiskRating] = [:]
        for likelihood in RiskScore.scale {
            for impact in RiskScore.scale {
                let score = RiskScore(likelihood: likelihood, impact: impact)
                #expect(score.value == likelihood * impact)
                bands[score.value] = score.rating
            }
        }
        #expect(bands.keys.sorted() == [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25])
        #expect(bands.filter { $0.value == .low }.keys.sorted() == [1, 2, 3, 4])
        #expect(bands.filter { $0.value == .medium }.keys.sorted() == [5, 6, 8, 9, 10, 12])
        #expect(bands.filter { $0.value == .high }.keys.sorted() == [15, 16, 20, 25])
        #expect(RiskScore(likelihood: 4, impact: 4).text == "16 (high)")
        #expect(RiskScore(likelihood: 2, impact: 3).factorsText == "Likelihood 2 × impact 3")
    }

    @Test("a report lists each open risk at its newest review by the report's day, with the move since the review before")
    func trends() throws {
        let history = [
            Self.review("CYP01", on: "2026-03-10", 3, 4), Self.review("CYP01", on: "2026-06-09", 4, 4),
            Self.review("CYP02", on: "2026-03-10", 4, 4), Self.review("CYP02", on: "2026-06-09", 3, 4),
            Self.review("CYP03", on: "2026-03-10", 2, 3), Self.review("CYP03", on: "2026-06-09", 3, 2),
            Self.review("CYP10", on: "2026-06-09", 2, 2),
        ]
        #expect(Self.listed(history, Self.q1, on: "2026-07-15") == ["CYP01 16 worse", "CYP02 12 better", "CYP03 6 unchanged", "CYP10 4 new"])
        #expect(Self.listed(history, Self.q1, on: "2026-06-08") == ["CYP02 16 new", "CYP01 12 new", "CYP03 6 new"],
                "reviews after the report's day are not yet known to it")
        let risks = ReportedRisk.inReport(history, period: Self.q1, on: Self.day("2026-07-15"))
        #expect(risks.map(\.trendText) == [
            "Worse: up from 12 (medium) on 10 Mar 2026", "Better: down from 16 (high) on 10 Mar 2026", "Unchanged since 10 Mar 2026", "New to the register",
        ])
        #expect(risks[0].reviewText == "Reviewed on 9 Jun 2026")
        #expect(risks[0].review.target == nil)
    }

    @Test("a closed risk reviewed again is reopened, its score not compared across the closure (found by exploratory testing)")
    func reopened() throws {
        let history = [Self.review("CYP04", on: "2026-03-10", 1, 3), Self.review("CYP04", on: "2026-09-08", 1, 3, status: .closed), Self.review("CYP04", on: "2026-11-10", 4, 5)]
        let q3 = try Period.parse("2026/27 Q3", yearType: .financial)
        #expect(Self.listed(history, q3, on: "2026-11-20") == ["CYP04 20 reopened"])
        let listed = try #require(ReportedRisk.inReport(history, period: q3, on: Self.day("2026-11-20")).first)
        #expect(listed.trendText == "Reopened: it was closed on 8 Sep 2026")
        #expect(listed.trend.previous?.status == .closed)
    }

    @Test("a risk not reviewed since the period began is listed with a warning; a closed risk is listed in the period it closed in, then no more")
    func staleAndClosed() throws {
        let stale = Self.review("CYP04", on: "2026-03-10", 2, 5, target: RiskScore(likelihood: 1, impact: 5))
        let closing = [Self.review("CYP05", on: "2026-03-10", 3, 3), Self.review("CYP05", on: "2026-08-20", 1, 3, status: .closed)]
        let q2 = ReportedRisk.inReport([stale] + closing, period: Self.q2, on: Self.day("2026-10-20"))
        #expect(q2.map(\.review.reference) == ["CYP04", "CYP05"], "closed risks come last")
        #expect(q2[0].reviewText == "Last reviewed on 10 Mar 2026, before this period")
        #expect(!q2[0].reviewedThisPeriod)
        #expect(q2[0].review.target?.text == "5 (medium)")
        #expect(q2[1].reviewText == "Closed on 20 Aug 2026")
        #expect(q2[1].trend.code == "better")
        let q3 = try Period.parse("2026/27 Q3", yearType: .financial)
        #expect(Self.listed([stale] + closing, q3, on: "2027-01-20") == ["CYP04 10 new"], "closed before Q3 began: reported already")
    }
}
