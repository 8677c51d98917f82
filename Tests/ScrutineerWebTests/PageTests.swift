import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ScrutineerWeb

/// What the pages say: the committee's dashboards as the Wokingham minutes read them, the
/// illustrative label, the commentary and its form, the comparison, and links made from the routes.
@Suite("Pages")
struct PageTests {
    @Test("Wokingham's committee home links its eight dashboards")
    func wokinghamDashboards() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let page = try await client.execute(uri: "/committees/WOK-CS", method: .get)
            #expect(page.status == .ok)
            let dashboards = page.text.components(separatedBy: "<li class=\"tile\"><h3><a href=\"/committees/WOK-CS/themes/").count - 1
            #expect(dashboards == 8)
            for theme in ["Early Help", "Child Protection", "Care Leavers"] { #expect(page.text.contains(">\(theme)</a>")) }
        }
    }

    @Test("HEAD answers as GET does, without the body")
    func head() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            for uri in ["/", "/committees/WOK-CS", "/api/v1/measures", "/health"] {
                let get = try await client.execute(uri: uri, method: .get)
                let head = try await client.execute(uri: uri, method: .head)
                #expect(head.status == .ok && get.status == .ok, "\(uri): \(head.status.code)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                #expect(head.body.readableBytes == 0 && get.body.readableBytes > 0, "\(uri)")
            }
            #expect(try await client.execute(uri: "/no-such-page", method: .head).status == .notFound)
        }
    }

    @Test("A method an address does not take is 405 naming those it does (RFC 9110), OPTIONS answers with them, and an address of nothing is still 404")
    func methodNotAllowed() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/api/v1/committees", .post, "GET, HEAD, OPTIONS"),
                ("/api/v1/measures/ReReferral", .delete, "GET, HEAD, OPTIONS"),
                ("/committees/WOK-CS", .put, "GET, HEAD, OPTIONS"),
                ("/committees/WOK-CS/publication", .get, "POST, OPTIONS"),
                ("/sign-in", .delete, "GET, HEAD, POST, OPTIONS"),
            ]
            for (uri, method, allowed) in cases {
                let refused = try await client.execute(uri: uri, method: method)
                #expect(refused.status == .methodNotAllowed, "\(method) \(uri): \(refused.status.code)")
                #expect(refused.headers[.allow] == allowed, "\(method) \(uri)")
                #expect(refused.text.contains("does not take a \(method.rawValue) request (expected \(allowed))"), "\(refused.text.prefix(300))")
                let options = try await client.execute(uri: uri, method: .options)
                #expect(options.status == .noContent && options.headers[.allow] == allowed, "OPTIONS \(uri)")
            }
            for method in [HTTPRequest.Method.get, .post, .options] {
                #expect(try await client.execute(uri: "/no-such-page", method: method).status == .notFound, "\(method)")
            }
        }
    }

    @Test("Every link on the committee's pages leads to a page that answers 200")
    func linksResolve() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            var queue = ["/", "/committees/WARKS-CYP"], seen = Set(queue)
            var checked = 0
            while let uri = queue.popLast() {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri): \(response.status.code)")
                checked += 1
                guard response.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                for part in response.text.components(separatedBy: "href=\"").dropFirst() {
                    let href = String(part.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
                    guard href.hasPrefix("/"), !href.hasPrefix("/api"), href.hasPrefix("/committees/WARKS-CYP") || href == "/" else { continue }
                    let path = String(href.prefix { $0 != "#" })
                    if seen.insert(path).inserted { queue.append(path) }
                }
            }
            #expect(checked > 60, "crawled \(checked) pages")
        }
    }

    @Test("An illustrative measure says so; an officer who owns a measure gets the commentary form")
    func illustrativeAndCommentary() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let uri = "/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=2026%2F27%20Q2"
            let officer = try await Browser.signIn(client, username: "warks.officer", password: "demo-warks-officer")
            let page = try await officer.get(client, uri).text
            #expect(page.contains("Illustrative values, not real data"))
            #expect(page.contains("id=\"commentary-text\""), "the officer owns WARKS_HV_68WK")
            #expect(page.contains("name=\"text\" rows=\"8\" maxlength=\"20000\""), "the browser stops at the length the site takes")
            let notOwned = try await officer.get(client, "/committees/WARKS-CYP/measures/Under18concep?period=2026%2F27%20Q2").text
            #expect(!notOwned.contains("id=\"commentary-text\""))
            let member = try await Browser.signIn(client, username: "warks.member", password: "demo-warks-member")
            #expect(!(try await member.get(client, uri).text.contains("id=\"commentary-text\"")))
        }
    }

    @Test("Saving the commentary comes back to its form, which says which version was saved; the form has a section of its own")
    func commentarySaved() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            let officer = try await Browser.signIn(client, username: "warks.officer", password: "demo-warks-officer")
            let page = "/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=2026%2F27%20Q2"
            let before = try await officer.get(client, page).text
            #expect(before.contains(#"<section class="commentary-edit" aria-labelledby="commentary-edit">"#) && before.contains(#"<h2 id="commentary-edit">Write the commentary</h2>"#))
            #expect(!before.contains(#"role="status""#))
            let saved = try await officer.post(client, "/committees/WARKS-CYP/measures/WARKS_HV_68WK/commentary", [("period", "2026/27 Q2"), ("text", "Reviews recovered in September.")])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            #expect(location == page + "&saved=commentary#commentary-edit")
            let after = try await officer.get(client, String(location.prefix { $0 != "#" })).text
            #expect(after.contains("<p>Reviews recovered in September.</p>"))
            let notice = try #require(after.range(of: #"<p class="notice" role="status">"#).map { String(after[$0.upperBound...].prefix { $0 != "<" }) })
            #expect(notice.hasPrefix("Saved: the commentary for 2026/27 Q2 is now version 2, written by "), "\(notice)")
            #expect(!(try await officer.get(client, page).text.contains(#"role="status""#)), "only on the page the writer comes back to")
        }
    }

    @Test("The comparison sorts by value and lists the statistical neighbours, the region and the council's own groups")
    func comparison() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let measure = try await client.execute(uri: "/committees/WARKS-CYP/measures/ReReferral", method: .get).text
            #expect(measure.contains(">Compare with other councils: statistical neighbours, the region and comparator groups</a>"))
            let page = try await client.execute(uri: "/committees/WARKS-CYP/measures/ReReferral/compare?sort=area&order=asc", method: .get).text
            #expect(page.contains("(this council)"))
            #expect(page.contains("Statistical neighbour"))
            // Warwickshire's own groups (DemoData/local/warwickshire-groups.csv) join its neighbours and region:
            // Derbyshire is in a group only; Leicestershire is also a 2025 statistical neighbour (README);
            // Worcestershire is in the West Midlands and in both groups.
            #expect(page.contains("compared with statistical neighbours, the region, Midlands county councils and West Midlands shire areas</h1>"))
            #expect(page.contains(": this council compared with statistical neighbours, the region, Midlands county councils and West Midlands shire areas</caption>"))
            #expect(page.contains("<th scope=\"row\">Derbyshire</th><td>Midlands county councils</td>"))
            #expect(page.contains("<th scope=\"row\">Leicestershire</th><td>Statistical neighbour; Midlands county councils</td>"))
            #expect(page.contains("<th scope=\"row\">Worcestershire</th><td>Region; Midlands county councils; West Midlands shire areas</td>"))
            #expect(page.contains("aria-sort=\"ascending\""))
            // The public reads the published 2026/27 Q1 report; re-referrals' latest figures are 2025's (LAIT), and the page says so.
            #expect(page.contains("<p class=\"lede\">The 2026/27 Q1 report · figures for 2025 · polarity: a lower figure is better</p>"))
            #expect(page.contains("areas have a figure for 2025, the latest in the 2026/27 Q1 report."))
            let bad = try await client.execute(uri: "/committees/WARKS-CYP/measures/ReReferral/compare?sort=colour", method: .get)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("sort: colour is not a column"))
        }
    }

    @Test("A GET form's + is a space: the period chooser and the search box work as a browser sends them")
    func formEncodedQueries() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let period = try await client.execute(uri: "/committees/WARKS-CYP?period=2026%2F27+Q1", method: .get)
            #expect(period.status == .ok)
            #expect(period.text.contains("2026/27 Q1"))
            let search = try await client.execute(uri: "/search?q=care+leavers", method: .get).text
            #expect(search.contains("match “care leavers”"))
            #expect(!search.contains("No measures match"))
            // Every word, in any order, on the page and in the API (found by exploratory testing).
            let reordered = try await client.execute(uri: "/search?q=leavers+care", method: .get).text
            #expect(!reordered.contains("No measures match"))
            let found = try #require(try await client.execute(uri: "/api/v1/measures?q=leavers+care", method: .get).json as? [[String: Any]])
            let phrase = try #require(try await client.execute(uri: "/api/v1/measures?q=care+leavers", method: .get).json as? [[String: Any]])
            #expect(!found.isEmpty && found.count >= phrase.count, "\(found.count) \(phrase.count)")
            let api = try await client.execute(uri: "/api/v1/committees/WOK-CS/assessment?period=2026%2F27+Q1", method: .get)
            #expect(api.status == .ok)
        }
    }
}
