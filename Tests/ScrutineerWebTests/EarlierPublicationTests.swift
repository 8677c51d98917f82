import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// What the committee saw on the day can always be reproduced (PRODUCT.md R15), on the site and
/// through the API: a published report's comparison pages keep the other councils' figures of the
/// day, and each earlier publication of a report can be read with `snapshot=N`.
@Suite("Earlier publications on the web")
struct EarlierPublicationTests {
    static let q1 = "2026%2F27%20Q1"
    static let compare = "/committees/WARKS-CYP/measures/ReReferral/compare?period=\(q1)"
    static let pages = [
        "/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=\(q1)",
        "/committees/WARKS-CYP/measures/ReReferral?period=\(q1)",
        compare,
        "/api/v1/committees/WARKS-CYP/commentary?period=\(q1)",
        "/api/v1/committees/WARKS-CYP/requests?period=\(q1)",
        "/api/v1/committees/WARKS-CYP/risks?period=\(q1)",
        "/api/v1/committees/WARKS-CYP/finance?period=\(q1)",
    ]

    /// Each of `pages` as the public reads it, with `query` added.
    static func read(_ url: String, adding query: String = "") async throws -> [String] {
        let bodies = Bodies()
        try await withApplication(url) { client in
            for page in pages {
                let response = try await Browser.anonymous.get(client, page + query)
                #expect(response.status == .ok, "\(page + query): \(response.status.code) \(response.text.prefix(300))")
                await bodies.append(response.text)
            }
        }
        return await bodies.all
    }

    /// Moves the demo's 2026/27 Q1 report through `stages` as its analyst.
    static func move(_ url: String, to stages: [String]) async throws {
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            for stage in stages {
                let moved = try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2026/27 Q1"), ("stage", stage)])
                #expect(moved.status == .seeOther, "\(stage): \(moved.status.code) \(moved.text.prefix(300))")
            }
        }
    }

    @Test("A published comparison keeps the other councils' figures of the day; moved back to checked, it reads the corrected figure")
    func comparisonKept() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let before = try await Self.read(url)[2]
        // A statistical neighbour's figure for the compared period, corrected after publication.
        let (label, corrected) = try await withStore(url) { store in
            let snapshot = try #require(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2026/27 Q1"))
            let comparison = try #require(snapshot.comparison(of: "ReReferral"))
            let neighbour = try #require(comparison.areas.first { $0.isStatisticalNeighbour && $0.value != nil })
            var observation = try #require(try await store.observations(ObservationQuery(measureCode: "ReReferral", areaCode: neighbour.areaCode, periodLabel: comparison.periodLabel)).first { $0.breakdown.isTotal })
            observation.value = 77.7
            observation.source = "correction.csv"
            _ = try await store.importBatch(ImportBatch(kind: .lait, files: ["correction.csv"], rowsRead: 1, observations: [observation]), by: "warks.analyst")
            return (comparison.periodLabel, neighbour.areaName)
        }
        #expect(before.contains(corrected), "the neighbour \(corrected) is compared")
        #expect(!before.contains("77.7%"))
        #expect(try await Self.read(url)[2] == before, "the published comparison of \(label) is as it was")

        try await Self.move(url, to: ["checked"])
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let page = try await analyst.get(client, Self.compare)
            #expect(page.status == .ok)
            #expect(page.text.contains("77.7%"), "a report in preparation compares the figures stored now")
        }
    }

    @Test("Each earlier publication reads as it stood, on the site and through the API, and the committee page lists them")
    func earlierPublication() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let first = try await Self.read(url)
        let text = "Written after the committee met, for the second publication."
        try await withStore(url) { store in
            _ = try await store.addCommentary(Commentary(committeeCode: "WARKS-CYP", measureCode: "WARKS_HV_68WK", periodLabel: "2026/27 Q1", text: text, author: "Olu Officer"), by: "warks.officer")
        }
        try await Self.move(url, to: ["checked", "published"])
        let second = try await Self.read(url)
        #expect(second[0].contains(text))
        // The same pages as each publication's when it was the newest, apart from the links that
        // keep the reader on the publication asked for.
        func unlinked(_ pages: [String], _ number: Int) -> [String] {
            pages.map { $0.replacingOccurrences(of: "&amp;snapshot=\(number)", with: "") }
        }
        let newest = try await Self.read(url, adding: "&snapshot=2")
        #expect(unlinked(newest, 2) == second)
        let earlier = try await Self.read(url, adding: "&snapshot=1")
        #expect(!earlier[0].contains(text))
        // Each page of an earlier publication says it is one, in its title and above its content.
        for page in earlier.prefix(3) {
            #expect(page.contains("<title>Earlier publication (1 of 2) – "), "\(page.prefix(300))")
            #expect(page.contains(#"<p class="report-stage stage-earlier"><strong>An earlier publication.</strong> You are reading publication 1 of 2, on "#))
            #expect(!page.contains("warks.analyst"), "the public is not told who signed the report off")
        }
        #expect(!newest[0].contains("report-stage"), "the newest publication's pages say nothing above their content")
        let unmarked = unlinked(earlier, 1).map {
            $0.split(separator: "\n", omittingEmptySubsequences: false).map { $0.contains(#"<p class="report-stage"#) ? "" : $0 }.joined(separator: "\n")
                .replacingOccurrences(of: "<title>Earlier publication (1 of 2) – ", with: "<title>")
        }
        #expect(unmarked == first)
        #expect(earlier[0].contains("&amp;snapshot=1"), "links stay on publication 1")

        try await withApplication(url) { client in
            let home = try await Browser.anonymous.get(client, "/committees/WARKS-CYP?period=\(Self.q1)")
            #expect(home.text.contains("Publications of this report"))
            #expect(home.text.contains("snapshot=1\">Publication 1, on"))
            #expect(home.text.contains("aria-current=\"page\">Publication 2, on"))
            #expect(!home.text.contains("warks.analyst"), "a sign-in name shown to anyone would let anyone hold its sign-in back")
            let old = try await Browser.anonymous.get(client, "/committees/WARKS-CYP?period=\(Self.q1)&snapshot=1")
            #expect(old.status == .ok)
            #expect(old.text.contains("You are reading publication 1 of 2"))
            #expect(old.text.contains("aria-current=\"page\">Publication 1, on"))
            // Both were published today: each is told apart by its minute, in UTC.
            let listed = home.text.components(separatedBy: "\">Publication ").dropFirst().map { String($0.prefix { $0 != "<" }) }
            #expect(listed.count == 2 && listed.allSatisfy { $0.range(of: #" on \d{1,2} [A-Z][a-z]{2} \d{4} at \d{2}:\d{2} UTC$"#, options: .regularExpression) != nil }, "\(listed)")

            let detail = try #require(try await Browser.anonymous.get(client, "/api/v1/committees/WARKS-CYP").json as? [String: Any])
            let reports = try #require(detail["reports"] as? [[String: Any]])
            let q1 = try #require(reports.first { $0["period"] as? String == "2026/27 Q1" })
            #expect((q1["publications"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == [1, 2])
            #expect((q1["publications"] as? [[String: Any]])?.compactMap { $0["takenBy"] as? String } == ["", ""])
            #expect(q1["changedBy"] as? String == "")
            // Those signed in are told who.
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            #expect(try await analyst.get(client, "/committees/WARKS-CYP?period=\(Self.q1)").text.contains("aria-current=\"page\">Publication 2, by warks.analyst on"))
            let staffDetail = try #require(try await analyst.get(client, "/api/v1/committees/WARKS-CYP").json as? [String: Any])
            let staffQ1 = try #require((staffDetail["reports"] as? [[String: Any]])?.first { $0["period"] as? String == "2026/27 Q1" })
            #expect((staffQ1["publications"] as? [[String: Any]])?.compactMap { $0["takenBy"] as? String }.last == "warks.analyst")
            for (query, number) in [("", 2), ("&snapshot=1", 1), ("&snapshot=2", 2)] {
                let answer = try #require(try await Browser.anonymous.get(client, "/api/v1/committees/WARKS-CYP/assessment?period=\(Self.q1)\(query)").json as? [String: Any])
                #expect(answer["snapshot"] as? Int == number, "\(query)")
            }
        }
    }

    @Test("The public reads a published report's text as it was kept on the day, not as the rule would redact it now")
    func publicTextKept() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let written = "3 children waited longer than six weeks."
        // A publication whose kept public text differs from what today's rule gives ("A small number
        // of children waited…"), as after a change to the rule.
        try await withStore(url) { store in
            var snapshot = try #require(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2026/27 Q1"))
            snapshot.commentary.append(Commentary(committeeCode: "WARKS-CYP", measureCode: "WARKS_HV_68WK", periodLabel: "2026/27 Q1", text: written, author: "Olu Officer"))
            snapshot.publicText?[written] = "Some children waited longer than six weeks."
            // Moved back first, as only then is a published report published again.
            _ = try await store.setPublication(ReportPublication(committeeCode: "WARKS-CYP", periodLabel: "2026/27 Q1", stage: .checked, changedBy: "Demo Analyst"))
            _ = try await store.publishReport(snapshot)
        }
        try await withApplication(url) { client in
            let page = "/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=\(Self.q1)"
            let api = "/api/v1/committees/WARKS-CYP/commentary?period=\(Self.q1)"
            for uri in [page, api] {
                let text = try await Browser.anonymous.get(client, uri).text
                #expect(text.contains("Some children waited longer than six weeks."), "\(uri)")
                #expect(!text.contains("A small number of children waited"), "\(uri)")
                #expect(!text.contains(written), "\(uri)")
            }
            let member = try await Browser.signIn(client, username: "warks.member", password: "demo-warks-member")
            #expect(try await member.get(client, page).text.contains(written), "members read it as written")
        }
    }

    @Test("A publication the report does not have is refused, naming those it has")
    func refusals() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            for (query, status, message) in [
                ("&snapshot=0", HTTPResponse.Status.badRequest, "snapshot: 0 is not a publication number (expected a whole number from 1)"),
                ("&snapshot=one", .badRequest, "snapshot: one is not a publication number"),
                ("&snapshot=2", .notFound, "has no publication 2 (expected 1)"),
            ] {
                for page in ["/committees/WARKS-CYP?period=\(Self.q1)", "/api/v1/committees/WARKS-CYP/assessment?period=\(Self.q1)"] {
                    let response = try await Browser.anonymous.get(client, page + query)
                    #expect(response.status == status, "\(page + query)")
                    #expect(response.text.contains(message), "\(page + query): \(response.text.prefix(300))")
                }
            }
            // A report never published has no publication to read, even for its analyst.
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let draft = try await analyst.get(client, "/committees/WARKS-CYP?period=2026%2F27%20Q2&snapshot=1")
            #expect(draft.status == .notFound)
            #expect(draft.text.contains("has no publication 1 (it was never published)"))
        }
    }
}

/// Page bodies collected inside an application's test closure.
private actor Bodies {
    var all: [String] = []
    func append(_ body: String) { all.append(body) }
}
