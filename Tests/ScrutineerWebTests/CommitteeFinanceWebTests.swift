import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// Each committee's finance return (PRODUCT.md R10) on its page and in the API: the demo's
/// illustrative returns (DemoData/finance), the newest of each report's financial year by its
/// period's end; a published report shows the return as it stood when it was published.
@Suite("Finance returns on the site and in the API")
struct CommitteeFinanceWebTests {
    /// Wokingham's analyst imports a correction to its Q1 placements line: £31.5m forecast, not £32.2m.
    static func correctWokinghamPlacements(_ url: String) async throws {
        try await withStore(url) { store in
            _ = try await store.importBatch(ImportBatch(kind: .finance, files: ["correction.csv"], rowsRead: 1, financeLines: [FinanceLine(
                committeeCode: "WOK-CS", period: try Period.parse("2026/27 Q1", yearType: .financial), kind: .revenue, service: "Children's Services",
                line: "Placements", budget: Money(pounds: 31_000_000)!, forecast: Money(pounds: 31_500_000)!
            )]), by: "wok.analyst")
        }
    }

    static func summary(_ lines: [[String: Any]]) -> [String] {
        lines.map { "\($0["period"] as? String ?? "?") \($0["kind"] as? String ?? "?") \($0["line"] as? String ?? "?") \($0["variance"] as? Double ?? .nan)" }
    }

    @Test("The newest return of the report's year, beside the one before; a line corrected after publication shows in the next report, not the published one")
    func financeShown() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            // Wokingham's 2026/27 Q1 report, published on the demo's day. Expected from
            // DemoData/finance/wokingham-cs-finance.csv: placements £31.0m budgeted, £32.2m
            // forecast (£1.2m over, 1.2 / 31 = 3.87%); staffing £24.0m and £24.6m.
            let wokingham = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WOK-CS/finance")
            #expect(Self.summary(wokingham) == [
                "2026/27 Q1 revenue Placements 1200000.0", "2026/27 Q1 revenue Staffing 600000.0",
                "2026/27 Q1 savings Placement commissioning -200000.0", "2026/27 Q1 income Health contributions to care packages -40000.0",
            ])
            #expect(wokingham[0]["budget"] as? Double == 31_000_000 && wokingham[0]["forecast"] as? Double == 32_200_000)
            #expect(wokingham[0]["varianceText"] as? String == "£1.2m over budget (3.9%)")
            #expect(wokingham[0]["previousPeriod"] == nil, "the first return of the year has none before it")
            #expect(wokingham[2]["varianceText"] as? String == "£200,000 short of plan (22.2%)")

            let page = try await client.execute(uri: "/committees/WOK-CS", method: .get).text
            for text in [
                "<h2 id=\"finance\">Finance</h2>", "<h3 id=\"finance-revenue\">Revenue budget</h3>",
                // 1.8 / 55.0 = 3.27%.
                "Children&#39;s Services is forecast to overspend by £1.8m, 3.3% of its £55.0m budget; the largest part, £1.2m, is Placements.",
                "£700,000 of the £900,000 of savings planned is forecast to be delivered: £200,000 short of plan (22.2%).",
                "Income of £760,000 is forecast against a target of £800,000: £40,000 short of target (5.0%).",
            ] {
                #expect(page.contains(text), "\(text)")
            }
            // The data behind the section, linked from the page, and the other sections' files beside it.
            #expect(page.contains("/committees/WOK-CS/data/finance.csv?period=2026%2F27%20Q1"))
            let financeFile = try await client.execute(uri: "/committees/WOK-CS/data/finance.csv?period=2026%2F27%20Q1", method: .get)
            #expect(financeFile.status == .ok)
            #expect(financeFile.text.contains("\n2026/27 Q1,revenue,Children's Services,Placements,31000000.00,32200000.00,1200000.00,3.9,£1.2m over budget (3.9%),,,"))
            for (name, header) in [("requests.csv", "Number,Request,"), ("risks.csv", "Reference,Risk,")] {
                let file = try await client.execute(uri: "/committees/WOK-CS/data/\(name)?period=2026%2F27%20Q1", method: .get)
                #expect(file.status == .ok && file.text.hasPrefix(header), "\(name)")
            }

            // Warwickshire's 2026/27 Q2 report in preparation, for its analyst: the overspend
            // "reduced from £10m to £7m" (7.0 / 196.0 = 3.57%).
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let q2 = try await analyst.jsonList(client, "/api/v1/committees/WARKS-CYP/finance?period=2026%2F27%20Q2")
            #expect(q2.count == 12, "5 revenue lines, 3 savings, 2 income, 2 capital schemes")
            #expect(q2.allSatisfy { $0["period"] as? String == "2026/27 Q2" && $0["previousPeriod"] as? String == "2026/27 Q1" })
            let homes = try #require(q2.first { $0["line"] as? String == "Two council-owned children's homes" })
            #expect(homes["completionText"] as? String == "9 months late")
            #expect(homes["plannedCompletion"] as? String == "2026-03-31" && homes["forecastCompletion"] as? String == "2026-12-31")
            let committeePage = try await analyst.get(client, "/committees/WARKS-CYP?period=2026%2F27%20Q2").text
            #expect(committeePage.contains("Children and Families is forecast to overspend by £7.0m, 3.6% of its £196.0m budget (at 2026/27 Q1, £10.0m over budget)"))
            let hidden = try await client.execute(uri: "/api/v1/committees/WARKS-CYP/finance?period=2026%2F27%20Q2", method: .get)
            #expect(hidden.status == .notFound, "the public does not see the report in preparation")
        }

        // Wokingham corrects its Q1 placements forecast after the Q1 report was published.
        try await Self.correctWokinghamPlacements(url)
        try await withApplication(url) { client in
            let published = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WOK-CS/finance?period=2026%2F27%20Q1")
            #expect(published.first?["variance"] as? Double == 1_200_000, "the published report as the committee read it")
            let publishedFile = try await client.execute(uri: "/committees/WOK-CS/data/finance.csv?period=2026%2F27%20Q1", method: .get).text
            #expect(publishedFile.contains(",Placements,31000000.00,32200000.00,1200000.00,") && !publishedFile.contains("31500000.00"))
            let analyst = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let next = try await analyst.jsonList(client, "/api/v1/committees/WOK-CS/finance?period=2026%2F27%20Q2")
            #expect(next.first?["line"] as? String == "Placements")
            #expect(next.first?["previousVariance"] as? Double == 500_000, "Q2's report compares with Q1's corrected return")
        }
    }

    @Test("The forecast at each return of the year: the API, the committee page's charts and finance-year.csv agree, and a published report keeps them")
    func financeYear() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            // Warwickshire's 2026/27 Q2 report, for its analyst. Expected from
            // DemoData/finance/warwickshire-cyp-finance.csv: Children and Families' revenue at Q1
            // 69 + 111 + 26 = £206.0m forecast against 66 + 104 + 26 = £196.0m (£10.0m over); at Q2
            // 68.5 + 108.5 + 26 = £203.0m (£7.0m over), the minutes' "reduced from £10m to £7m".
            // Education Services: 30.5 + 43.0 and 30.6 + 42.8 against 30 + 43 (£0.5m, £0.4m over).
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let year = try await analyst.jsonList(client, "/api/v1/committees/WARKS-CYP/finance/year?period=2026%2F27%20Q2")
            let revenue = year.filter { $0["kind"] as? String == "revenue" }
            #expect(revenue.map { "\($0["period"] as? String ?? "?") \($0["service"] as? String ?? "?") \($0["variance"] as? Double ?? .nan)" } == [
                "2026/27 Q1 Children and Families 10000000.0", "2026/27 Q1 Education Services 500000.0", "2026/27 Q1 All services 10500000.0",
                "2026/27 Q2 Children and Families 7000000.0", "2026/27 Q2 Education Services 400000.0", "2026/27 Q2 All services 7400000.0",
            ])
            #expect(revenue.map { $0["isTotal"] as? Bool == true } == [false, false, true, false, false, true])
            #expect(revenue[3]["budget"] as? Double == 196_000_000 && revenue[3]["varianceText"] as? String == "£7.0m over budget (3.6%)")
            #expect(Set(year.map { $0["kind"] as? String ?? "" }) == ["revenue", "savings", "income", "capital"])

            let page = try await analyst.get(client, "/committees/WARKS-CYP?period=2026%2F27%20Q2").text
            #expect(page.contains(#"<svg class="chart" id="finance-revenue-chart""#))
            #expect(page.contains("All services together at each return: £10.5m over budget at 2026/27 Q1, £7.4m over budget at 2026/27 Q2."))
            #expect(page.contains("/committees/WARKS-CYP/data/finance-year.csv?period=2026%2F27%20Q2"))
            let file = try await analyst.get(client, "/committees/WARKS-CYP/data/finance-year.csv?period=2026%2F27%20Q2").text
            #expect(file.hasPrefix("Return,Kind,Service,Budget (£),Forecast (£),Variance (£),Variance (% of budget),Variance\n"))
            #expect(file.contains("\n2026/27 Q2,revenue,All services,269000000.00,276400000.00,7400000.00,2.8,£7.4m over budget (2.8%)\n"))

            // Wokingham's published 2026/27 Q1 report: one return so far, so no chart; one service.
            let wokingham = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WOK-CS/finance/year")
            #expect(wokingham.filter { $0["kind"] as? String == "revenue" }.map { $0["variance"] as? Double } == [1_800_000, 1_800_000])
            let wokinghamPage = try await client.execute(uri: "/committees/WOK-CS", method: .get).text
            #expect(wokinghamPage.contains("<h3 id=\"finance-revenue\">Revenue budget</h3>") && !wokinghamPage.contains("finance-revenue-chart"))
            let unknown = try await client.execute(uri: "/api/v1/committees/WOK-CS/finance/year?quarter=Q1", method: .get)
            #expect(unknown.status == .badRequest)
        }

        // Wokingham corrects its Q1 placements forecast after the Q1 report was published: the
        // published report's figures stay as they were; the Q2 report's movement starts from the correction.
        try await Self.correctWokinghamPlacements(url)
        try await withApplication(url) { client in
            let published = try await Browser.anonymous.jsonList(client, "/api/v1/committees/WOK-CS/finance/year?period=2026%2F27%20Q1")
            #expect(published.first?["variance"] as? Double == 1_800_000)
            let analyst = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let next = try await analyst.jsonList(client, "/api/v1/committees/WOK-CS/finance/year?period=2026%2F27%20Q2")
            // Q1 now 0.6 + 0.5 = £1.1m over; Q2 0.9 + 0.8 = £1.7m over.
            #expect(next.filter { $0["kind"] as? String == "revenue" && $0["isTotal"] as? Bool == true }.map { $0["variance"] as? Double } == [1_100_000, 1_700_000])
            let page = try await analyst.get(client, "/committees/WOK-CS?period=2026%2F27%20Q2").text
            #expect(page.contains("Children&#39;s Services at each return: £1.1m over budget at 2026/27 Q1, £1.7m over budget at 2026/27 Q2."))
        }
    }
}
