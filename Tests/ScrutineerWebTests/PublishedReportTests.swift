import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// A published report is what the committee saw on the day (PRODUCT.md R15): the pages and the
/// API answer from its snapshot, whatever the date or the data since, until it is published again.
@Suite("Published reports")
struct PublishedReportTests {
    static let q1 = "2026%2F27%20Q1"
    static let pages = [
        "/committees/WARKS-CYP?period=\(q1)",
        "/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=\(q1)",
        "/committees/WARKS-CYP/measures/ReReferral?period=\(q1)",
        "/api/v1/committees/WARKS-CYP/assessment?period=\(q1)",
        "/api/v1/committees/WARKS-CYP/commentary?period=\(q1)",
        "/api/v1/committees/WARKS-CYP/requests?period=\(q1)",
        "/api/v1/committees/WARKS-CYP/risks?period=\(q1)",
        "/api/v1/committees/WARKS-CYP/finance?period=\(q1)",
    ]

    /// Each of `pages` as `browser` reads it from a server that judges as on `day`.
    static func read(_ url: String, on day: CalendarDate, as username: String? = nil) async throws -> [String] {
        var settings = testSettings
        settings.asOf = day
        let bodies = BodyList()
        try await withApplication(url, settings: settings) { client in
            var browser = Browser.anonymous
            if let username {
                browser = try await Browser.signIn(client, username: username, password: "demo-" + username.replacingOccurrences(of: ".", with: "-"))
            }
            for page in pages {
                let response = try await browser.get(client, page)
                #expect(response.status == .ok, "\(page): \(response.status.code)")
                await bodies.append(response.text)
            }
        }
        return await bodies.all
    }

    @Test("A published report reads the same a year and a half later; moved back to checked, it is judged afresh for staff while the public reads it as published")
    func sameLater() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let later = CalendarDate(year: 2028, month: 6, day: 1)!
        let onTheDay = try await Self.read(url, on: demoDay)
        #expect(onTheDay[0].contains("as they stood when it was published"))
        #expect(try await Self.read(url, on: later) == onTheDay, "the public's pages")
        // The analyst reads the officers' report; their pages also carry a CSRF token of the
        // session and the quarters before the day, so the API's answers are compared.
        let analystOnTheDay = try await Self.read(url, on: demoDay, as: "warks.analyst")
        #expect(try await Self.read(url, on: later, as: "warks.analyst")[3...] == analystOnTheDay[3...], "the analyst's answers")
        #expect(analystOnTheDay[3] != onTheDay[3], "the officers' report is not the public's")

        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let moved = try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2026/27 Q1"), ("stage", "checked")])
            #expect(moved.status == .seeOther)
        }
        // Meanwhile the public reads it as it was published, not a 404 (PRODUCT.md R15).
        #expect(try await Self.read(url, on: later) == onTheDay, "the public's pages while it is corrected")
        let checkedOnTheDay = try await Self.read(url, on: demoDay, as: "warks.analyst")
        let checkedLater = try await Self.read(url, on: later, as: "warks.analyst")
        #expect(!checkedOnTheDay[0].contains("as they stood when it was published"))
        // Every page of a report in preparation says so, in its title and above its content.
        for page in checkedOnTheDay.prefix(3) {
            #expect(page.contains("<title>Checked, not yet published – "), "\(page.prefix(300))")
            #expect(page.contains(#"<p class="report-stage stage-checked"><strong>Checked: not yet published.</strong> Marked checked by "#), "\(page.prefix(300))")
            #expect(page.contains("Its figures, judgements and commentary may change before it is published.</p>"))
        }
        for page in onTheDay.prefix(3) + analystOnTheDay.prefix(3) {
            #expect(!page.contains("<title>Checked") && !page.contains("<title>Draft") && !page.contains("may change before it is published"), "the published report's pages")
        }
        #expect(checkedLater[3] != checkedOnTheDay[3], "a report that is not published is judged as on the day it is read")
    }

    @Test("A draft is published only once it has been checked: its form offers draft and checked, says why, and publishing it is refused (409) with nothing written")
    func publishedOnceChecked() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let q2 = "2026%2F27%20Q2"
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            func stageForm() async throws -> String {
                let page = try await analyst.get(client, "/committees/WARKS-CYP?period=\(q2)").text
                let form = try #require(page.range(of: #"<form class="publish-form""#).flatMap { start in page[start.lowerBound...].range(of: "</form>").map { String(page[start.lowerBound..<$0.upperBound]) } })
                return form
            }
            let draftForm = try await stageForm()
            #expect(draftForm.contains(#"<option value="draft" selected>Draft: not published</option><option value="checked">Checked: not yet published</option></select>"#), "\(draftForm)")
            #expect(draftForm.contains(#"<p class="hint" id="stage-hint">Draft, then checked, then published: a draft is published once it has been checked.</p>"#))
            #expect(draftForm.contains(#"<select id="stage" name="stage" aria-describedby="stage-hint">"#))

            let audited = try await withStore(url) { try await $0.auditTrail().count }
            let refused = try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2026/27 Q2"), ("stage", "published")])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("is a draft, and a report is published only once it has been checked (expected it moved to checked first, then published)."), "\(refused.text)")
            #expect(try await withStore(url) { try await $0.auditTrail().count } == audited, "nothing was written")

            #expect(try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2026/27 Q2"), ("stage", "checked")]).status == .seeOther)
            let checkedForm = try await stageForm()
            #expect(checkedForm.contains(#"<option value="draft">Draft: not published</option><option value="checked" selected>Checked: not yet published</option><option value="published">Published</option></select>"#), "\(checkedForm)")
            #expect(!checkedForm.contains("stage-hint"))
            #expect(try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2026/27 Q2"), ("stage", "published")]).status == .seeOther)
            let publishedForm = try await stageForm()
            #expect(publishedForm.contains(#"<option value="draft">Draft: not published</option><option value="checked">Checked: not yet published</option><option value="published" selected>Published</option></select>"#), "\(publishedForm)")
        }
    }

    @Test("Commentary and targets written after publication appear only when the report is published again")
    func republish() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let published = try await Self.read(url, on: demoDay)
        let page = "/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=\(Self.q1)"
        let text = "Written after the committee met."
        try await withApplication(url) { client in
            // The owner cannot change the commentary of a published report through the site…
            let officer = try await Browser.signIn(client, username: "warks.officer", password: "demo-warks-officer")
            #expect(!(try await officer.get(client, page).text.contains("id=\"commentary-text\"")), "no form on a published report")
            let refused = try await officer.post(client, "/committees/WARKS-CYP/measures/WARKS_HV_68WK/commentary", [("period", "2026/27 Q1"), ("text", text)])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("is published"))
            #expect(refused.text.contains("<h1>This cannot be changed now</h1>"))
        }
        // …and what reaches the database another way, with a new target, does not change it.
        try await withStore(url) { store in
            _ = try await store.addCommentary(Commentary(committeeCode: "WARKS-CYP", measureCode: "WARKS_HV_68WK", periodLabel: "2026/27 Q1", text: text, author: "Olu Officer"), by: "warks.officer")
            var definition = try #require(try await store.committee(code: "WARKS-CYP"))
            let index = try #require(definition.targets.firstIndex { $0.measureCode == "WARKS_HV_68WK" })
            definition.targets[index].value += 5
            definition.targets[index].reason = "Raised after the committee met."
            try await store.saveCommittee(definition, by: "warks.analyst")
        }
        #expect(try await Self.read(url, on: demoDay) == published)

        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            // A quarter that has not begun on the site's day (23 November 2026) has no report to sign off.
            for stage in ["draft", "published"] {
                let early = try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2027/28 Q1"), ("stage", stage)])
                #expect(early.status == .badRequest)
                #expect(early.text.contains("period: 2027/28 Q1 has not begun on 23 Nov 2026 (expected a reporting period that has begun)"))
            }
            #expect(try await withStore(url) { try await $0.publications(committeeCode: "WARKS-CYP") }.allSatisfy { $0.periodLabel != "2027/28 Q1" })
            // "Save stage" on a published report, leaving it published, does not publish it again.
            let unmoved = try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2026/27 Q1"), ("stage", "published")])
            #expect(unmoved.status == .conflict)
            #expect(unmoved.text.contains("is already published, and stays as the committee read it (expected it moved back to checked first, to publish it again)."))
        }
        #expect(try await Self.read(url, on: demoDay) == published)

        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            for stage in ["checked", "published"] {
                let moved = try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2026/27 Q1"), ("stage", stage)])
                #expect(moved.status == .seeOther)
            }
        }
        let again = try await Self.read(url, on: demoDay)
        #expect(again[1].contains(text))
        #expect(again[1].contains("Raised after the committee met."))
        #expect(again[4].contains(text))
        #expect(!published[1].contains(text))
        #expect(again[0].contains("It has been published 2 times; this is the newest, and each earlier publication is kept as it stood"))
        #expect(!published[0].contains("It has been published"))
    }
}

extension PublishedReportTests {
    @Test("A target version agreed for a later year is not shown to the public on a published report, nor the day the current one ends; staff see it as not yet in force")
    func laterTargetHidden() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let reason = "Agreed for 2027/28 by Cabinet."
        try await withStore(url) { store in
            var definition = try #require(try await store.committee(code: "WARKS-CYP"))
            var later = try #require(definition.targets.first { $0.measureCode == "WARKS_HV_68WK" })
            later.validFrom = CalendarDate(year: 2027, month: 4, day: 1)!
            later.value += 3
            later.reason = reason
            definition.targets.append(later)
            try await store.saveCommittee(definition, by: "warks.analyst")
        }
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            for stage in ["checked", "published"] {
                #expect(try await analyst.post(client, "/committees/WARKS-CYP/publication", [("period", "2026/27 Q1"), ("stage", stage)]).status == .seeOther)
            }
            let page = "/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=\(Self.q1)"
            let anyone = try await Browser.anonymous.get(client, page).text
            #expect(anyone.contains("Targets and their history"))
            #expect(!anyone.contains(reason), "the later version is not public")
            #expect(!anyone.contains("1 Apr 2027"), "nor the day it takes over")
            let data = try await Browser.anonymous.get(client, "/committees/WARKS-CYP/data/targets.csv?period=\(Self.q1)")
            #expect(data.status == .ok)
            #expect(data.text.contains("WARKS_HV_68WK") && !data.text.contains("2027-04-01"), "nor the public's data file: \(data.text.prefix(400))")
            let staff = try await analyst.get(client, page).text
            #expect(staff.contains(reason))
            #expect(staff.contains("Not yet in force"))
        }
    }
}

/// Page bodies collected inside an application's test closure.
private actor BodyList {
    var all: [String] = []
    func append(_ body: String) { all.append(body) }
}
