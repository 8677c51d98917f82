import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// What officers write reaches the public without a small count of children (PRODUCT.md R8):
/// commentary, requests, risks and finance explanations on a published report's pages, data files
/// and API answers read "a small number of" where the officers wrote 1 to 5; members read them as
/// written.
@Suite("Officers' text as the public reads it")
struct PublicTextWebTests {
    @Test("A published report's commentary, request, risk and finance text: redacted for the public, as written for members")
    func redactedForThePublic() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let period = try Period.parse("2026/27 Q2", yearType: .financial)
        try await withStore(url) { store in
            _ = try await store.addCommentary(Commentary(
                committeeCode: "WARKS-CYP", measureCode: "ReReferral", periodLabel: period.label,
                text: "Re-referrals fell. 3 children were referred again within a month.", author: "Olu Officer"
            ), by: "warks.officer")
            _ = try await store.addRequest(CommitteeRequest(
                committeeCode: "WARKS-CYP", raisedOn: CalendarDate(year: 2026, month: 9, day: 8)!,
                request: "A briefing on the two young people placed out of county.", recordedBy: "warks.analyst"
            ), by: "warks.analyst")
            _ = try await store.importBatch(ImportBatch(kind: .risks, files: ["review.csv"], rowsRead: 1, riskReviews: [RiskReview(
                committeeCode: "WARKS-CYP", reference: "CYP-R09", title: "Placements far from home",
                description: "4 children are placed more than 20 miles away.", owner: "Director", reviewedOn: CalendarDate(year: 2026, month: 9, day: 9)!,
                score: RiskScore(likelihood: 3, impact: 3), mitigation: "Bring the 4 children closer to home."
            )]), by: "warks.analyst")
            _ = try await store.importBatch(ImportBatch(kind: .finance, files: ["q2.csv"], rowsRead: 1, financeLines: [FinanceLine(
                committeeCode: "WARKS-CYP", period: period, kind: .revenue, service: "Children and Families", line: "Secure placements",
                budget: Money(pounds: 1_000_000)!, forecast: Money(pounds: 1_900_000)!, explanation: "Two children in secure welfare placements."
            )]), by: "warks.analyst")
        }

        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            // Before publishing, the analyst's page lists what the public will read differently.
            let before = try await analyst.get(client, "/committees/WARKS-CYP?period=2026%2F27%20Q2").text
            for item in [
                "commentary on ReReferral: “3 children”", "request 3: “the two young people”", "risk CYP-R09: “4 children”",
                "finance line Children and Families: Secure placements: “Two children”",
            ] {
                #expect(before.contains("<li>\(item)</li>"), "\(item)")
            }
            #expect(before.contains("id=\"small-counts-in-text\""))
            let member = try await Browser.signIn(client, username: "warks.member", password: "demo-warks-member")
            #expect(!(try await member.get(client, "/committees/WARKS-CYP?period=2026%2F27%20Q2").text.contains("small-counts-in-text")), "only for who may publish")
            for stage in ["checked", "published"] {
                let moved = try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", period.label), ("stage", stage)])
                #expect(moved.status == .seeOther)
            }
            let q = "period=2026%2F27%20Q2"
            #expect(!(try await analyst.get(client, "/committees/WARKS-CYP?\(q)").text.contains("small-counts-in-text")), "published: nothing left to reword")
            let written = [
                "3 children were referred again", "the two young people placed out of county", "4 children are placed more than 20 miles away",
                "Bring the 4 children closer to home", "Two children in secure welfare placements",
            ]
            let redacted = [
                "A small number of children were referred again", "a small number of young people placed out of county",
                "A small number of children are placed more than 20 miles away", "Bring a small number of children closer to home",
                "A small number of children in secure welfare placements",
            ]
            var publicText = ""
            var memberText = ""
            for path in [
                "/committees/WARKS-CYP?\(q)", "/committees/WARKS-CYP/measures/ReReferral?\(q)", "/committees/WARKS-CYP/data/requests.csv?\(q)",
                "/committees/WARKS-CYP/data/risks.csv?\(q)", "/committees/WARKS-CYP/data/finance.csv?\(q)", "/committees/WARKS-CYP/data/pack.xlsx?\(q)",
                "/api/v1/committees/WARKS-CYP/commentary?\(q)", "/api/v1/committees/WARKS-CYP/requests?\(q)",
                "/api/v1/committees/WARKS-CYP/risks?\(q)", "/api/v1/committees/WARKS-CYP/finance?\(q)",
            ] {
                let seen = try await client.execute(uri: path, method: .get)
                #expect(seen.status == .ok, "\(path)")
                let asMember = try await member.get(client, path)
                #expect(asMember.status == .ok, "\(path)")
                guard !path.contains("pack.xlsx") else { continue }
                publicText += seen.text
                memberText += asMember.text
            }
            for (raw, shown) in zip(written, redacted) {
                #expect(!publicText.contains(raw), "the public never reads \(raw)")
                #expect(publicText.contains(shown), "\(shown)")
                #expect(memberText.contains(raw), "members read \(raw)")
            }
            #expect(publicText.contains("a count of 1 to 5 children or families reads"), "the public's page says so")
        }
    }

    @Test("A figure the public's report withholds, written in the commentary without a word for children (\"2 of 45\"), is named to whoever publishes, apart from the small counts the public reads redacted")
    func withheldFigureInCommentary() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        // Wokingham's demo figure for 2026/27 Q2: 4.4%, 2 of 45 children, withheld from the public.
        try await withStore(url) { store in
            _ = try await store.addCommentary(Commentary(
                committeeCode: "WOK-CS", measureCode: "WOK_CPP_REPEAT2Y", periodLabel: "2026/27 Q2",
                text: "Repeat plans fell (2 of 45 this quarter). 3 children were reviewed twice; 12 reviews in all.", author: "Wren Analyst"
            ), by: "wok.analyst")
        }
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let page = try await analyst.get(client, "/committees/WOK-CS?period=2026%2F27%20Q2").text
            let notice = try #require(page.range(of: #"<div class="notice" id="withheld-figures-in-text">"#).flatMap { start in
                page[start.lowerBound...].range(of: "</div>").map { String(page[start.lowerBound..<$0.upperBound]) }
            })
            #expect(notice.contains("<li>commentary on WOK_CPP_REPEAT2Y: “2 of 45”</li>"), "\(notice)")
            // The demo's own draft commentary gives away Wokingham's withheld 36 of 41 plans on time.
            #expect(notice.contains("<li>commentary on WOK_EHCP_20WK: “36 of 41”</li>"), "\(notice)")
            // Each number once; neither 3 (the history charts percentages, not counts) nor 12 is a figure the public's report withholds.
            #expect(!notice.contains("“45”") && !notice.contains("“3”") && !notice.contains("“12”"), "\(notice)")
            #expect(page.contains("<li>commentary on WOK_CPP_REPEAT2Y: “3 children”</li>"), "the small count the public reads redacted")
            let member = try await Browser.signIn(client, username: "wok.member", password: "demo-wok-member")
            #expect(!(try await member.get(client, "/committees/WOK-CS?period=2026%2F27%20Q2").text.contains("withheld-figures-in-text")), "only for who may publish")
        }
    }

    static func offTrackNotice(_ page: String) -> String? {
        page.range(of: #"<div class="notice" id="off-track-without-commentary">"#).flatMap { start in
            page[start.lowerBound...].range(of: "</div>").map { String(page[start.lowerBound..<$0.upperBound]) }
        }
    }

    @Test("Before publishing, whoever may publish is told each measure not on track with no commentary for the period (PRODUCT.md R9; found by exploratory testing)")
    func offTrackWithoutCommentary() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let q2 = "period=2026%2F27%20Q2"
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            // The demo's draft has commentary on every measure not on track: no notice.
            #expect(Self.offTrackNotice(try await analyst.get(client, "/committees/WARKS-CYP?\(q2)").text) == nil)
            let assessment = try #require(try await analyst.get(client, "/api/v1/committees/WARKS-CYP/assessment?\(q2)").json as? [String: Any])
            let offTrack = try #require((assessment["measures"] as? [[String: Any]])?.first { (($0["status"] as? [String: Any])?["label"] as? String) == "Not on track" })
            let code = try #require(offTrack["code"] as? String), title = try #require(offTrack["title"] as? String)
            // Its commentary cleared (saved empty), that measure alone is named.
            let cleared = try await analyst.post(client, "/committees/WARKS-CYP/measures/\(code)/commentary", [("period", "2026/27 Q2"), ("text", "")])
            #expect(cleared.status == .seeOther)
            let shown = try #require(Self.offTrackNotice(try await analyst.get(client, "/committees/WARKS-CYP?\(q2)").text))
            #expect(shown.components(separatedBy: "<li>").count == 2 && shown.contains("<li>\(title.replacingOccurrences(of: "&", with: "&amp;"))</li>"), "\(shown)")
            let member = try await Browser.signIn(client, username: "warks.member", password: "demo-warks-member")
            #expect(Self.offTrackNotice(try await member.get(client, "/committees/WARKS-CYP?\(q2)").text) == nil, "only for who may publish")
        }
    }
}
