import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerFormats
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// The council's revised figures on the measure page and in the API (PRODUCT.md R7 and R15: a
/// later publication of a figure supersedes it and the old value stays in history). The demo
/// imports one correction (DemoData/local/warwickshire-corrections.csv) before its reports are
/// published, and another (warwickshire-corrections-after-publication.csv) after.
@Suite("Revised figures on the measure page and in the API")
struct RevisionsWebTests {
    static let measurePage = "/committees/WARKS-CYP/measures/WARKS_HV_68WK"
    static let api = "/api/v1/committees/WARKS-CYP/measures/WARKS_HV_68WK/revisions"
    static let q1 = "period=2026%2F27%20Q1", q2 = "period=2026%2F27%20Q2"

    static func summary(_ revision: [String: Any]) -> String {
        "\(revision["period"] as? String ?? "?") \(revision["beforeText"] as? String ?? "?") (\(revision["beforeSource"] as? String ?? "?")) → "
            + "\(revision["afterText"] as? String ?? "?") (\(revision["afterSource"] as? String ?? "?"))"
    }

    @Test("the demo's correction on the published and the draft report; one made after publication is listed apart on the published report, and with the others on the draft")
    func revisions() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            // Health visitor reviews at 6–8 weeks, 2025/26 Q4: 85.2% in warwickshire-observations.csv
            // (1085 of 1274), 85.6% in warwickshire-corrections.csv (1091 of 1274).
            let response = try await client.execute(uri: "\(Self.api)?\(Self.q1)", method: .get)
            #expect(response.status == .ok)
            let published = try #require(response.json as? [String: Any])
            let listed = try #require(published["revisions"] as? [[String: Any]])
            #expect(listed.map(Self.summary) == ["2025/26 Q4 85.2% (warwickshire-observations.csv) → 85.6% (warwickshire-corrections.csv)"])
            #expect(listed.first?["before"] as? Double == 85.2 && listed.first?["after"] as? Double == 85.6 && listed.first?["breakdown"] as? String == "")
            #expect(published["breakdownRevisionsWithheld"] as? Int == 0)
            let since = try #require(published["sincePublication"] as? [String: Any], "a published report says what was revised since")
            #expect((since["revisions"] as? [[String: Any]])?.isEmpty == true && since["breakdownRevisionsWithheld"] as? Int == 0)

            let page = try await client.execute(uri: "\(Self.measurePage)?\(Self.q1)", method: .get).text
            #expect(page.contains(#"<h2 id="m-WARKS_HV_68WK-revisions">Revised figures</h2>"#))
            #expect(page.contains("When this report was published, Warwickshire&#39;s figures for this measure had been revised once since they were first imported, most recently on "))
            #expect(page.contains(#"<h3 id="m-WARKS_HV_68WK-revised-since">Revised since this report was published</h3>"#))
            #expect(page.contains("Warwickshire&#39;s figures for this measure have not been revised since this report was published on "))
            #expect(!page.contains("revised-since-table") && !page.contains(#"class="revised-notice""#))
            #expect(page.contains(#"<table id="m-WARKS_HV_68WK-revisions-table""#))
            #expect(page.contains("<td><span class=\"line\">85.2%</span></td><td><span class=\"line\">85.6%</span></td>"))

            // The report's data: revisions.csv, as the pages list them when it was published (the
            // correction made after publication is not among them), and a sheet of pack.xlsx.
            let csv = try await client.execute(uri: "/committees/WARKS-CYP/data/revisions.csv?\(Self.q1)", method: .get)
            #expect(csv.status == .ok)
            #expect(csv.text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == [
                "WARKS_HV_68WK,Health visitor 6–8 week reviews completed by 8 weeks (%),2025/26 Q4",
                "WARKS_EH_ASSESS45,Early help assessments completed within 45 working days (%),2025/26 Q2",
            ])
            let home = try await client.execute(uri: "/committees/WARKS-CYP?\(Self.q1)", method: .get).text
            #expect(home.contains(#"<a href="/committees/WARKS-CYP/data/revisions.csv?period=2026%2F27%20Q1">"#))
            let workbook = try XLSXWorkbook(
                data: Data(buffer: try await client.execute(uri: "/committees/WARKS-CYP/data/pack.xlsx?\(Self.q1)", method: .get).body), fileName: "pack.xlsx"
            )
            #expect(workbook.sheetNames.last == "Revisions")

            let other = try await client.execute(uri: "/committees/WARKS-CYP/measures/ReReferral?\(Self.q1)", method: .get).text
            #expect(other.contains("When this report was published, Warwickshire&#39;s figures for this measure had not been revised since they were first imported."))
            #expect(!other.contains("revisions-table"))
            let unknownParameter = try await client.execute(uri: "\(Self.api)?quarter=Q1", method: .get)
            #expect(unknownParameter.status == .badRequest)
        }

        // After the Q1 report is published, the analyst corrects its Q1 figure (1118 of 1318 →
        // 1125 of 1318, 85.4%), perhaps in the same second: audit ids, not times, tell it apart.
        try await withStore(url) { store in
            let query = ObservationQuery(measureCode: "WARKS_HV_68WK", areaCode: "E10000031", periodLabel: "2026/27 Q1")
            var figure = try #require(try await store.observations(query).first)
            #expect(figure.value == 84.8)
            figure.value = 85.4
            figure.numerator = 1125
            figure.source = "q1-correction.csv"
            _ = try await store.importBatch(ImportBatch(kind: .local, files: ["q1-correction.csv"], rowsRead: 1, observations: [figure]), by: "warks.analyst")
        }
        try await withApplication(url) { client in
            let published = try #require(try await client.execute(uri: "\(Self.api)?\(Self.q1)", method: .get).json as? [String: Any])
            #expect((published["revisions"] as? [[String: Any]])?.map(Self.summary) == [
                "2025/26 Q4 85.2% (warwickshire-observations.csv) → 85.6% (warwickshire-corrections.csv)",
            ], "the published report lists what was known when it was published")
            let since = try #require(published["sincePublication"] as? [String: Any])
            #expect((since["revisions"] as? [[String: Any]])?.map(Self.summary) == ["2026/27 Q1 84.8% (warwickshire-observations.csv) → 85.4% (q1-correction.csv)"])
            let page = try await client.execute(uri: "\(Self.measurePage)?\(Self.q1)", method: .get).text
            #expect(page.contains(#"<p class="revised-notice"><strong>Revised since publication:</strong> Warwickshire&#39;s figures for this measure have been revised once since this report was published on "#))
            #expect(page.contains(##"<a href="#m-WARKS_HV_68WK-revised-since">What the figures became</a>"##))
            #expect(page.contains(#"<table id="m-WARKS_HV_68WK-revised-since-table""#))
            #expect(page.contains("<td><span class=\"line\">84.8%</span></td><td><span class=\"line\">85.4%</span></td>"))

            let committee = try await client.execute(uri: "/committees/WARKS-CYP?\(Self.q1)", method: .get).text
            #expect(committee.contains(#"<h2 id="revised-since-publication">Figures revised since publication</h2>"#))
            #expect(committee.contains("later imports have revised figures of two of its measures"))
            #expect(committee.contains(#"<a href="/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=2026%2F27%20Q1#m-WARKS_HV_68WK-revised-since">"#))

            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let draft = try #require(try await analyst.get(client, "\(Self.api)?\(Self.q2)").json as? [String: Any])
            #expect((draft["revisions"] as? [[String: Any]])?.map(Self.summary) == [
                "2026/27 Q1 84.8% (warwickshire-observations.csv) → 85.4% (q1-correction.csv)",
                "2025/26 Q4 85.2% (warwickshire-observations.csv) → 85.6% (warwickshire-corrections.csv)",
            ])
            #expect(draft["sincePublication"] == nil, "a report in preparation has no publication to compare with")
            let draftPage = try await analyst.get(client, "\(Self.measurePage)?\(Self.q2)").text
            #expect(draftPage.contains("have been revised twice since they were first imported"))
            #expect(!draftPage.contains("Revised since this report was published"))
            let draftCommittee = try await analyst.get(client, "/committees/WARKS-CYP?\(Self.q2)").text
            #expect(!draftCommittee.contains("revised-since-publication"))
        }
    }

    @Test("the demo's correction after publication: the published report keeps the figure the committee read, and its pages and the API say what it became")
    func correctedAfterPublication() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            // Return home interviews, 2026/27 Q1: 79.6% (253 of 318) in warwickshire-observations.csv,
            // 79.9% (254 of 318) in warwickshire-corrections-after-publication.csv.
            let page = try await client.execute(uri: "/committees/WARKS-CYP/measures/WARKS_MISS_RHI?\(Self.q1)", method: .get).text
            #expect(page.contains(#"<p class="revised-notice"><strong>Revised since publication:</strong> Warwickshire&#39;s figures for this measure have been revised once since this report was published on "#))
            #expect(page.contains("<td><span class=\"line\">79.6%</span></td><td><span class=\"line\">79.9%</span></td>"))
            #expect(page.contains("When this report was published, Warwickshire&#39;s figures for this measure had not been revised since they were first imported."))
            let api = try #require(try await client.execute(
                uri: "/api/v1/committees/WARKS-CYP/measures/WARKS_MISS_RHI/revisions?\(Self.q1)", method: .get
            ).json as? [String: Any])
            #expect((api["revisions"] as? [[String: Any]])?.isEmpty == true)
            let since = try #require(api["sincePublication"] as? [String: Any])
            #expect((since["revisions"] as? [[String: Any]])?.map(Self.summary) == [
                "2026/27 Q1 79.6% (warwickshire-observations.csv) → 79.9% (warwickshire-corrections-after-publication.csv)",
            ])
            // The published assessment still reads 79.6% as the latest figure.
            let assessment = try #require(try await client.execute(uri: "/api/v1/committees/WARKS-CYP/assessment?\(Self.q1)", method: .get).json as? [String: Any])
            let measure = try #require((assessment["measures"] as? [[String: Any]])?.first { $0["code"] as? String == "WARKS_MISS_RHI" })
            #expect((measure["latest"] as? [String: Any])?["value"] as? Double == 79.6)

            let committee = try await client.execute(uri: "/committees/WARKS-CYP?\(Self.q1)", method: .get).text
            #expect(committee.contains("later imports have revised figures of one of its measures"))
            #expect(committee.contains(#"<a href="/committees/WARKS-CYP/measures/WARKS_MISS_RHI?period=2026%2F27%20Q1#m-WARKS_MISS_RHI-revised-since">"#))
            // Wokingham's figures were not revised since: its page names none.
            let wokingham = try await client.execute(uri: "/committees/WOK-CS", method: .get).text
            #expect(!wokingham.contains("revised-since-publication"))
        }
    }
}
