import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// The risks each committee owns (PRODUCT.md R11) on its page and in the API: the demo's
/// illustrative registers (DemoData/risks), as each report lists them; a published report lists
/// them as they stood when it was published.
@Suite("Risk registers on the site and in the API")
struct CommitteeRiskWebTests {
    static func summary(_ risks: [[String: Any]]) -> [String] {
        risks.map { "\($0["reference"] as? String ?? "?") \($0["score"] as? Int ?? 0) \($0["trend"] as? String ?? "?") \($0["status"] as? String ?? "?")" }
    }

    @Test("Listed as they stand on the report's day, highest score first; a review imported after publication shows in the next report, not the published one")
    func risksListed() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            // Wokingham's 2026/27 Q1 report, published on the demo's day (23 November 2026). Expected
            // from DemoData/risks/wokingham-cs-risks.csv: WCS-01 went from 4 × 4 on 11 Jun to 4 × 5 on
            // 10 Sep 2026; WCS-02 stayed 3 × 3; WCS-03 went from 3 × 4 to 3 × 3.
            let wokingham = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WOK-CS/risks")
            #expect(Self.summary(wokingham) == ["WCS-01 20 worse open", "WCS-02 9 unchanged open", "WCS-03 9 better open"])
            #expect(wokingham[0]["rating"] as? String == "high")
            #expect((wokingham[0]["likelihood"] as? Int, wokingham[0]["impact"] as? Int) == (4, 5))
            #expect(wokingham[0]["previousScore"] as? Int == 16 && wokingham[0]["previousReviewedOn"] as? String == "2026-06-11")
            #expect(wokingham[0]["targetScore"] as? Int == 12 && wokingham[0]["targetRating"] as? String == "medium")
            #expect(wokingham[0]["trendText"] as? String == "Worse: up from 16 (high) on 11 Jun 2026")
            #expect(wokingham[0]["owner"] as? String == "Assistant Director, Education and SEND")

            let page = try await client.execute(uri: "/committees/WOK-CS", method: .get).text
            for text in [
                "<h2 id=\"risks\">Risks the committee owns</h2>", "3 risks are open (1 high, 2 medium); 1 is worse than at its review before.",
                "WCS-01: Demand for SEND support outstrips local specialist places", "20 (high)", "Likelihood 4 × impact 5",
                "Worse: up from 16 (high) on 11 Jun 2026", "Better: down from 12 (medium) on 11 Jun 2026", "Unchanged since 12 Mar 2026",
            ] {
                #expect(page.contains(text), "\(text)")
            }

            // Warwickshire's 2026/27 Q2 report in preparation, for its analyst: CYP-R04 closed on
            // 8 Sep 2026, listed last; CYP-R05 new on the register.
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let q2 = try await analyst.jsonList(client, "/api/v1/committees/WARKS-CYP/risks?period=2026%2F27%20Q2")
            #expect(Self.summary(q2) == ["CYP-R03 20 unchanged open", "CYP-R01 16 better open", "CYP-R02 9 better open", "CYP-R05 9 new open", "CYP-R04 3 better closed"])
            let hidden = try await client.execute(uri: "/api/v1/committees/WARKS-CYP/risks?period=2026%2F27%20Q2", method: .get)
            #expect(hidden.status == .notFound, "the public does not see the report in preparation")
        }

        // Wokingham reviews its attendance risk again after the Q1 report was published.
        try await withStore(url) { store in
            _ = try await store.importBatch(ImportBatch(kind: .risks, files: ["review.csv"], rowsRead: 1, riskReviews: [RiskReview(
                committeeCode: "WOK-CS", reference: "WCS-02", title: "Persistent absence from school stays above pre-pandemic levels", owner: "Head of Education Welfare",
                reviewedOn: CalendarDate(year: 2026, month: 11, day: 20)!, score: RiskScore(likelihood: 4, impact: 3), mitigation: "Attendance hubs in two towns."
            )]), by: "wok.analyst")
        }
        try await withApplication(url) { client in
            let published = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WOK-CS/risks?period=2026%2F27%20Q1")
            #expect(Self.summary(published) == ["WCS-01 20 worse open", "WCS-02 9 unchanged open", "WCS-03 9 better open"], "the published report as the committee read it")
            let analyst = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let next = try await analyst.jsonList(client, "/api/v1/committees/WOK-CS/risks?period=2026%2F27%20Q2")
            #expect(Self.summary(next) == ["WCS-01 20 worse open", "WCS-02 12 worse open", "WCS-03 9 better open"])
            #expect(next[1]["mitigation"] as? String == "Attendance hubs in two towns.")
        }
    }
}
