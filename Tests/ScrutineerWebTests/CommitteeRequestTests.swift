import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// The committee's requests (PRODUCT.md R12) on its page and in the API: the demo's four, modelled
/// on the minutes (DemoData/requests.json), as each report lists them; a published report lists
/// them as they stood when it was published.
@Suite("Committee requests on the site and in the API")
struct CommitteeRequestWebTests {
    @Test("Listed as they stand on the report's day; a delivery recorded after publication shows in the next report, not the published one")
    func requestsListed() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            // Wokingham's 2026/27 Q1 report, published on the demo's day (23 November 2026).
            let wokingham = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WOK-CS/requests")
            #expect(wokingham.map { $0["status"] as? String } == ["provided", "overdue"])
            #expect(wokingham.map { $0["number"] as? Int } == [1, 2])
            #expect(wokingham[0]["recurrence"] as? String == "every-report")
            #expect(wokingham[0]["measureCode"] as? String == "TotPermEx")
            #expect(wokingham[0]["answeredOn"] as? String == "2026-08-12")
            #expect((wokingham[0]["answer"] as? String)?.hasPrefix("Table of permanent exclusions") == true)
            // DemoData/requests.json first promises the attendance data for 30 September, then moves it to 31 October.
            #expect(wokingham[1]["statusText"] as? String == "Overdue: promised by 31 Oct 2026 (first promised by 30 Sep 2026)")
            #expect(wokingham[1]["answer"] == nil && wokingham[1]["dueBy"] as? String == "2026-10-31")
            #expect(wokingham[1]["firstDueBy"] as? String == "2026-09-30" && wokingham[0]["firstDueBy"] == nil)
            let warwickshire = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WARKS-CYP/requests")
            #expect(warwickshire.map { $0["status"] as? String } == ["delivered", "open"])

            let page = try await client.execute(uri: "/committees/WOK-CS", method: .get).text
            for text in [
                "<h2 id=\"requests\">Requests from the committee</h2>", "2 requests are listed: those open on 23 Nov 2026",
                "1 still needs an answer for this report (1 overdue, 1 with its promised day moved)",
                "Overdue: promised by 31 Oct 2026 (first promised by 30 Sep 2026)", "First promised by 30 Sep 2026", "Provided for 2026/27 Q1 on 12 Aug 2026",
                "<a href=\"/committees/WOK-CS/measures/TotPermEx?period=2026%2F27%20Q1\">About: ",
            ] {
                #expect(page.contains(text), "\(text)")
            }
        }

        // The attendance data is sent, recorded after the report was published.
        try await withStore(url) { store in
            _ = try await store.deliverRequest(
                committeeCode: "WOK-CS", number: 2, .init(deliveredOn: CalendarDate(year: 2026, month: 11, day: 20)!, note: "Attendance report circulated to members.", recordedBy: "wok.analyst"),
                by: "wok.analyst"
            )
        }
        try await withApplication(url) { client in
            let published = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WOK-CS/requests?period=2026%2F27%20Q1")
            #expect(published.map { $0["status"] as? String } == ["provided", "overdue"], "the published report as the committee read it")
            let analyst = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let next = try await analyst.jsonList(client, "/api/v1/committees/WOK-CS/requests?period=2026%2F27%20Q2")
            #expect(next.map { $0["status"] as? String } == ["due", "delivered"], "the report in preparation: the breakdown due again, the data delivered")
            #expect(next[1]["answer"] as? String == "Attendance report circulated to members.")
            let hidden = try await client.execute(uri: "/api/v1/committees/WOK-CS/requests?period=2026%2F27%20Q2", method: .get)
            #expect(hidden.status == .notFound, "the public does not see the report in preparation")
        }
    }

    @Test("An analyst records a request, a delivery, an amendment and a closure from the committee's page; refusals name the field; members and published reports get no forms")
    func forms() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let q2 = "/committees/WOK-CS?period=2026%2F27%20Q2"
            let page = try await analyst.get(client, q2).text
            #expect(page.contains("<summary>Record a new request</summary>"))
            #expect(page.contains("<summary>Answer, change or close request 1</summary>") && page.contains("<summary>Answer, change or close request 2</summary>"))
            #expect(page.contains("Day it was delivered, for 2026/27 Q2"), "the recurring request is answered for this report")
            #expect(page.contains("<textarea id=\"request-text\" name=\"request\" rows=\"3\" maxlength=\"2000\" required>"))
            #expect(page.contains("<textarea id=\"request-1-note\" name=\"note\" rows=\"2\" maxlength=\"2000\" required>"), "the length reaches each request's forms")
            #expect(!(try await analyst.get(client, "/committees/WOK-CS?period=2026%2F27%20Q1").text.contains("request-forms")), "a published report keeps its requests as they stood")
            let member = try await Browser.signIn(client, username: "wok.member", password: "demo-wok-member")
            #expect(!(try await member.get(client, q2).text.contains("request-forms")))

            let added = try await analyst.post(client, "/committees/WOK-CS/requests", [
                ("period", "2026/27 Q2"), ("raised-on", "2026-10-06"), ("request", "A note on  <b>children missing education</b>."), ("asked-by", ""),
                ("provided-by", "Head of Education"), ("due-by", "2026-12-01"), ("measure", "WOK_CME"),
            ])
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/committees/WOK-CS?period=2026%2F27%20Q2#requests")
            _ = try await analyst.post(client, "/committees/WOK-CS/requests/1/delivery", [("period", "2026/27 Q2"), ("on", "2026-11-12"), ("note", "Appendix C of the Q2 report.")])
            _ = try await analyst.post(client, "/committees/WOK-CS/requests/2/closure", [("period", "2026/27 Q2"), ("on", "2026-11-02"), ("reason", "Attendance is now in the termly report.")])
            let after = try await analyst.jsonList(client, "/api/v1/committees/WOK-CS/requests?period=2026%2F27%20Q2")
            #expect(after.map { $0["status"] as? String } == ["provided", "closed", "open"])
            #expect(after[0]["answeredOn"] as? String == "2026-11-12")
            #expect(after[2]["request"] as? String == "A note on  <b>children missing education</b>." && after[2]["measureCode"] as? String == "WOK_CME")
            let shown = try await analyst.get(client, q2).text
            #expect(shown.contains("3. A note on  &lt;b&gt;children missing education&lt;/b&gt;."), "escaped on the page")
            // The amendment form holds the request as it stands; sent back changed, it moves the day.
            #expect(shown.contains(#"<input id="request-3-provided-by" name="provided-by" type="text" value="Head of Education"/>"#))
            #expect(shown.contains(#"<input id="request-3-due-by" name="due-by" type="date" value="2026-12-01"/>"#))
            let amend = "/committees/WOK-CS/requests/3/amendment"
            let fields = [("period", "2026/27 Q2"), ("request", "A note on  <b>children missing education</b>."), ("asked-by", "")]
            let amended = try await analyst.post(client, amend, fields + [("provided-by", "Assistant Director, Education"), ("due-by", "2027-01-15")])
            #expect(amended.status == .seeOther && amended.headers[.location] == "/committees/WOK-CS?period=2026%2F27%20Q2#requests")
            let unchanged = try await analyst.post(client, amend, fields + [("provided-by", "Assistant Director, Education"), ("due-by", "2027-01-15")])
            #expect(unchanged.status == .badRequest && unchanged.text.contains("the amendment changes nothing in request 3 of WOK-CS"))
            let listed = try await analyst.jsonList(client, "/api/v1/committees/WOK-CS/requests?period=2026%2F27%20Q2")
            #expect(listed[2]["dueBy"] as? String == "2027-01-15" && listed[2]["providedBy"] as? String == "Assistant Director, Education")
            let actions = try await withStore(url) { store in try await store.auditTrail().map(\.action) }
            #expect(actions.last == #"amend request WOK-CS 3: provided by "Head of Education" → "Assistant Director, Education"; due by 2026-12-01 → 2027-01-15"#)

            let refused = try await analyst.post(client, "/committees/WOK-CS/requests", [("period", "2026/27 Q2"), ("raised-on", "2026-10-06"), ("request", "Late."), ("due-by", "2026-10-01")])
            #expect(refused.status == .badRequest)
            // Each refusal says which form was not saved and names its fields by the labels the form shows, with days in words (found by exploratory testing).
            #expect(refused.text.contains("<p>The new request was not recorded:</p>"))
            #expect(refused.text.contains("Promised by: 1 Oct 2026 is before the meeting that asked (6 Oct 2026)"), "\(refused.text)")
            #expect(refused.text.contains("<h1>There is a problem with what was sent</h1>"))
            #expect(refused.text.contains("Go back to the form with your browser&#39;s Back button, which keeps what you typed") || refused.text.contains("Go back to the form with your browser's Back button, which keeps what you typed"))
            let again = try await analyst.post(client, "/committees/WOK-CS/requests/1/delivery", [("period", "2026/27 Q2"), ("on", "2026-11-13"), ("note", "Again.")])
            #expect(again.status == .badRequest)
            #expect(again.text.contains("<p>The delivery of request 1 was not recorded:</p>") && again.text.contains("was provided for 2026/27 Q2 on 12 Nov 2026"))
            // The day the site judges by is 23 November 2026: a meeting or an answer after it is refused.
            let planned = try await analyst.post(client, "/committees/WOK-CS/requests", [("period", "2026/27 Q2"), ("raised-on", "2026-11-24"), ("request", "Planned.")])
            #expect(planned.status == .badRequest)
            #expect(planned.text.contains("Day of the meeting that asked: 24 Nov 2026 is after today (23 Nov 2026) (expected a day that has come, on or before 23 Nov 2026)"))
            let early = try await analyst.post(client, "/committees/WOK-CS/requests/3/closure", [("period", "2026/27 Q2"), ("on", "2026-12-01"), ("reason", "x")])
            #expect(early.status == .badRequest)
            #expect(early.text.contains("Day it was closed: 1 Dec 2026 is after today (23 Nov 2026)"))
            // Every problem of a form at once, a paragraph each, not one per try.
            let several = try await analyst.post(client, "/committees/WOK-CS/requests", [
                ("period", "2026/27 Q2"), ("raised-on", "2026-11-24"), ("request", "  "), ("due-by", "2026-13-01"), ("measure", "NOPE"),
                ("provided-by", String(repeating: "x", count: 201)),
            ])
            #expect(several.status == .badRequest)
            for line in [
                "<p>Promised by: 2026-13-01 is not a date (expected YYYY-MM-DD)</p>",
                "<p>The measure it is about: NOPE is not one of WOK-CS&#39;s measures (expected one of: ",
                "<p>Day of the meeting that asked: 24 Nov 2026 is after today (23 Nov 2026) (expected a day that has come, on or before 23 Nov 2026)</p>",
                "<p>What the committee asked for: empty (expected what the committee asked for, in the minutes&#39; words)</p>",
                "<p>Who agreed to provide it: 201 characters (expected a name or job title of at most 200)</p>",
            ] {
                #expect(several.text.contains(line) || several.text.contains(line.replacingOccurrences(of: "&#39;", with: "'")), "\(line)")
            }
            let closure = try await analyst.post(client, "/committees/WOK-CS/requests/3/closure", [("period", "2026/27 Q2"), ("on", ""), ("reason", "")])
            #expect(closure.status == .badRequest)
            #expect(closure.text.contains("<p>Day it was closed: empty (expected a date, YYYY-MM-DD)</p>") && closure.text.contains("<p>Why it is closed: empty (expected why the request is closed"), "\(closure.text)")
            let missing = try await analyst.post(client, "/committees/WOK-CS/requests/9/closure", [("period", "2026/27 Q2"), ("on", "2026-11-02"), ("reason", "x")])
            #expect(missing.status == .notFound)
            #expect(try await analyst.jsonList(client, "/api/v1/committees/WOK-CS/requests?period=2026%2F27%20Q2").count == 3, "refusals wrote nothing")
        }
    }
}
