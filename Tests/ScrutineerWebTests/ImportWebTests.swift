import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerDemo
import ScrutineerFormats
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// Importing a committee's own spreadsheets from the site (PRODUCT.md R14): the form on
/// `/committees/{code}/imports`, the figures it writes (all or nothing, audited under the
/// analyst's name), the cells it refuses, and the published statistics it leaves to the command.
@Suite("Imports from the site")
struct ImportWebTests {
    static let imports = "/committees/WARKS-CYP/imports"
    static let header = "measure_code,area_code,period,value,numerator,denominator,published,next_update_due\n"
    /// A corrected 2026/27 Q2 figure for health visitor reviews (DemoData/local/warwickshire-observations.csv
    /// has 83.7%, 1148 of 1371).
    static let corrected = header + "WARKS_HV_68WK,E10000031,2026/27 Q2,84.1,1153,1371,2026-10-25,2027-01-25\n"

    static func value(_ client: any TestClientProtocol, _ browser: Browser, period: String) async throws -> Double? {
        let figures = try await browser.jsonList(client, "/api/v1/observations?measure=WARKS_HV_68WK&area=E10000031")
        return figures.first { $0["period"] as? String == period }?["value"] as? Double
    }

    @Test("An analyst imports a corrected figure: the summary says what changed, the report reads it, the audit names the analyst and the file; the same file again changes nothing")
    func localFigures() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let member = try await Browser.signIn(client, username: "warks.member", password: "demo-warks-member")
            let link = "<a href=\"\(Self.imports)\">Import the committee's figures, risk register or finance return</a>"
            #expect(try await analyst.get(client, "/committees/WARKS-CYP").text.contains(link))
            #expect(try await member.get(client, "/committees/WARKS-CYP").text.contains(link) == false, "members do not import")

            let form = try await analyst.get(client, Self.imports)
            #expect(form.status == .ok)
            for text in [
                "<form class=\"import-form\" method=\"post\" action=\"\(Self.imports)\" enctype=\"multipart/form-data\">",
                "<label for=\"import-files\">", "<input id=\"import-kind-local\" name=\"kind\" type=\"radio\" value=\"local\" checked/>",
            ] {
                #expect(form.text.contains(text), "\(text)")
            }
            #expect(try await Self.value(client, analyst, period: "2026/27 Q2") == 83.7)

            let imported = try await analyst.upload(client, Self.imports, [("kind", "local")], files: [("hv-correction.csv", Data(Self.corrected.utf8))])
            #expect(imported.status == .ok, "\(imported.text.prefix(400))")
            #expect(imported.text.contains("<h2 id=\"import-result\">Imported</h2>"))
            #expect(imported.text.contains("<li>1 row read: 0 added, 1 changed, 0 unchanged, 0 rejected.</li>"), "\(imported.text)")
            #expect(imported.text.contains("<li>Imported hv-correction.csv.</li>"))
            #expect(try await Self.value(client, analyst, period: "2026/27 Q2") == 84.1)
            let page = try await analyst.get(client, "/committees/WARKS-CYP/measures/WARKS_HV_68WK?period=2026%2F27%20Q2").text
            #expect(page.contains("84.1%"), "the report in preparation reads the new figure")

            let again = try await analyst.upload(client, Self.imports, [("kind", "local")], files: [("hv-correction.csv", Data(Self.corrected.utf8))])
            #expect(again.status == .ok)
            #expect(again.text.contains("<li>Nothing changed: the database already held exactly this.</li>"))
        }
        let audit = try await withStore(url) { store in try await store.auditTrail() }
        let imports = audit.filter { $0.files == ["hv-correction.csv"] }
        #expect(imports.count == 2 && imports.allSatisfy { $0.user == "warks.analyst" }, "\(imports)")
    }

    @Test("A figure dated before the stored one it would replace is refused, nothing written, unless \"Put older figures back\" is ticked")
    func olderFigure() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        // The stored 2026/27 Q2 figure (83.7%) was published on 2026-10-25; this one on 2026-10-20.
        let older = Self.header + "WARKS_HV_68WK,E10000031,2026/27 Q2,82.9,1137,1371,2026-10-20,2027-01-25\n"
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            #expect(try await analyst.get(client, Self.imports).text.contains(
                #"<input id="import-replace-newer" name="replace-newer" type="checkbox" value="yes"/> <label for="import-replace-newer">Put older figures back: "#
            ))
            let audited = try await withStore(url) { try await $0.auditTrail().count }
            let refused = try await analyst.upload(client, Self.imports, [("kind", "local")], files: [("hv-older.csv", Data(older.utf8))])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<tr><td>hv-older.csv</td><td class=\"num\"></td><td></td><td>1 figure in this import was published before the stored figure it would replace (row 2, WARKS_HV_68WK E10000031 2026/27 Q2: 82.9, published 2026-10-20, would replace 83.7, published 2026-10-25 by warwickshire-observations.csv)"), "the file once, in its column: \(refused.text)")
            #expect(refused.text.contains("on the site with &quot;Put older figures back&quot; ticked"))
            #expect(refused.text.contains("<li>To put the older figures back on purpose, tick &quot;Put older figures back&quot; below and import the file again; the newer figures stay in history.</li>"), "the page says what to do")
            #expect(try await withStore(url) { try await $0.auditTrail().count } == audited, "nothing written")
            #expect(try await Self.value(client, analyst, period: "2026/27 Q2") == 83.7)

            let putBack = try await analyst.upload(client, Self.imports, [("kind", "local"), ("replace-newer", "yes")], files: [("hv-older.csv", Data(older.utf8))])
            #expect(putBack.status == .ok, "\(putBack.text.prefix(400))")
            #expect(putBack.text.contains("<li>1 row read: 0 added, 1 changed, 0 unchanged, 0 rejected.</li>"))
            #expect(putBack.text.contains(#"name="replace-newer" type="checkbox" value="yes" checked/>"#), "the box stays as sent")
            #expect(try await Self.value(client, analyst, period: "2026/27 Q2") == 82.9)
        }
        let audit = try await withStore(url) { try await $0.auditTrail() }
        #expect(audit.last?.action == "import local; put back 1 figure published before the stored one (--replace-newer)", "the audit says it was on purpose")
    }

    @Test("Refused: a cell that is not a number, a published measure's figure, another council's measure; nothing is written and each problem names its file, row and column")
    func refusals() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let before = try await withStore(url) { store in try await store.revision() }
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let notANumber = Self.header + "WARKS_HV_68WK,E10000031,2026/27 Q3,about 84,,,2026-11-20,2027-02-20\n"
            let refused = try await analyst.upload(client, Self.imports, [("kind", "local")], files: [("hv.csv", Data(notANumber.utf8))])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<h2 id=\"import-result\">Nothing was imported</h2>"))
            #expect(refused.text.contains("<li>1 problem found; nothing was written.</li>"))
            #expect(refused.text.contains("<tr><td>hv.csv</td><td class=\"num\">2</td><td>value</td><td>"), "\(refused.text)")
            #expect(refused.text.contains("<title>Error: nothing imported"))

            // Re-referrals are a published LAIT measure, which other councils' reports compare with.
            let published = Self.header + "WARKS_HV_68WK,E10000031,2026/27 Q3,84.0,,,2026-11-20,2027-02-20\nReReferral,E10000031,2025,19.0,,,2025-12-01,2026-12-01\n"
            let refusedPublished = try await analyst.upload(client, Self.imports, [("kind", "local")], files: [("mixed.csv", Data(published.utf8))])
            #expect(refusedPublished.status == .unprocessableContent)
            #expect(refusedPublished.text.contains(
                "<tr><td>mixed.csv</td><td class=\"num\">3</td><td>measure_code</td><td>ReReferral is a published measure, which every council&#39;s reports compare with"
            ), "\(refusedPublished.text)")

            let wokingham = Self.header + "WOK_EHCP_20WK,E06000041,2026/27 Q3,60.0,,,2026-11-20,2027-02-20\n"
            let refusedOther = try await analyst.upload(client, Self.imports, [("kind", "local")], files: [("wok.csv", Data(wokingham.utf8))])
            #expect(refusedOther.status == .unprocessableContent)
            #expect(refusedOther.text.contains("WOK_EHCP_20WK is E06000041&#39;s own measure"), "\(refusedOther.text)")
            // Defining another council's measure is refused at the cell that defines it.
            let measures = try String(contentsOf: DemoDataFolder.url.appending(path: "local/warwickshire-measures.csv"), encoding: .utf8)
                .split(separator: "\n").prefix(2).joined(separator: "\n").replacingOccurrences(of: "WARKS_HV_68WK,", with: "WOK_EHCP_20WK,") + "\n"
            let redefined = try await analyst.upload(client, Self.imports, [("kind", "local")], files: [("measures.csv", Data(measures.utf8))])
            #expect(redefined.status == .unprocessableContent)
            #expect(redefined.text.contains(
                "<tr><td>measures.csv</td><td class=\"num\">2</td><td>code</td><td>WOK_EHCP_20WK is already council E06000041 Wokingham&#39;s own measure"
            ), "\(redefined.text)")

            // The form itself: a kind, a file, and multipart/form-data.
            let noKind = try await analyst.upload(client, Self.imports, [], files: [("hv.csv", Data(Self.corrected.utf8))])
            #expect(noKind.status == .badRequest && noKind.text.contains("kind: not chosen (expected local, risks or finance)"))
            let noFile = try await analyst.upload(client, Self.imports, [("kind", "local")], files: [])
            #expect(noFile.status == .badRequest && noFile.text.contains("file: no file chosen"))
            let urlEncoded = try await analyst.post(client, Self.imports, [("kind", "local")])
            #expect(urlEncoded.status == .badRequest && urlEncoded.text.contains("not sent as multipart/form-data"))
        }
        #expect(try await withStore(url) { store in try await store.revision() } == before, "nothing was written")
    }

    @Test("The committee's risk register and finance return, as the command reads them, for the committee the page is for")
    func risksAndFinance() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let folder = DemoDataFolder.url
            let risks = try Data(contentsOf: folder.appendingPathComponent("risks/warwickshire-cyp-risks.csv"))
            let same = try await analyst.upload(client, Self.imports, [("kind", "risks")], files: [("warwickshire-cyp-risks.csv", risks)])
            #expect(same.status == .ok, "\(same.text.prefix(400))")
            #expect(same.text.contains("Nothing changed: the database already held exactly this."), "the demo imported this register")

            let finance = try String(contentsOf: folder.appendingPathComponent("finance/warwickshire-cyp-finance.csv"), encoding: .utf8)
            let lines = finance.split(separator: "\n", omittingEmptySubsequences: false)
            // The first line of the newest quarter's return, alone, as the whole return: every other line of that quarter goes.
            let newest = try #require(lines.dropFirst().filter { !$0.isEmpty }.map { String($0.prefix { $0 != "," }) }.max())
            let kept = lines.dropFirst().first { $0.hasPrefix(newest + ",") }.map(String.init) ?? ""
            let whole = try await analyst.upload(
                client, Self.imports, [("kind", "finance"), ("whole-return", "yes")], files: [("return.csv", Data((lines[0] + "\n" + kept + "\n").utf8))]
            )
            #expect(whole.status == .ok, "\(whole.text.prefix(600))")
            #expect(whole.text.contains("removed (no longer in the file)"), "\(whole.text)")
            #expect(whole.text.contains(#"<input id="import-whole-return" name="whole-return" type="checkbox" value="yes" checked/>"#), "the box stays as it was sent")
            #expect(whole.text.contains(#"<input id="import-kind-finance" name="kind" type="radio" value="finance" checked/>"#))
            let api = try await analyst.jsonList(client, "/api/v1/committees/WARKS-CYP/finance?period=\(RouteTemplate.encodeQueryValue(newest))")
            #expect(api.count == 1, "\(api)")
        }
    }

    @Test("The import page links each kind's template workbook, the one `scrutineer template` writes; an unknown one is 404")
    func templates() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let page = try await analyst.get(client, Self.imports).text
            #expect(!page.contains(#"checked/> <label for="import-whole-return""#), "the whole-return box starts unticked")
            for (template, link, sheets) in [
                (ImportTemplate.local, "Download the measures template", ["observations", "measures", "guidance"]),
                (.risks, "Download the risk register template", ["risks", "guidance"]), (.finance, "Download the finance return template", ["finance", "guidance"]),
            ] {
                let href = "\(Self.imports)/templates/\(template.fileName)"
                #expect(page.contains(#"<a href="\#(href)">\#(link)</a>"#), "\(template)")
                let response = try await analyst.get(client, href)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(response.headers[.contentDisposition]?.contains("filename=\"\(template.fileName)\"") == true, "\(response.headers)")
                let workbook = try XLSXWorkbook(data: Data(buffer: response.body), fileName: template.fileName)
                #expect(workbook.sheetNames == sheets)
                #expect(try workbook.sheets().map(\.rows) == (try XLSXWorkbook(data: try template.xlsxData(), fileName: template.fileName).sheets().map(\.rows)))
            }
            let unknown = try await analyst.get(client, "\(Self.imports)/templates/budget.xlsx")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("There is no template budget.xlsx (expected measures.xlsx, risks.xlsx, finance.xlsx)."), "\(unknown.text.prefix(2000))")
            let member = try await Browser.signIn(client, username: "warks.member", password: "demo-warks-member")
            #expect(try await member.get(client, "\(Self.imports)/templates/risks.xlsx").status == .forbidden)
        }
    }

    @Test("A form's parameters: quoted names with semicolons, a file name with a Windows path, the boundary")
    func formParameters() {
        let disposition = UploadedForm.parameters(of: #"form-data; name="file"; filename="C:\fakepath\Q2; final.xlsx""#)
        #expect(disposition == ["name": "file", "filename": #"C:\fakepath\Q2; final.xlsx"#])
        #expect(UploadedForm.parameters(of: "form-data; name=kind") == ["name": "kind"])
        #expect(UploadedForm.boundary(of: "multipart/form-data; boundary=----abc") == "----abc")
        #expect(UploadedForm.boundary(of: #"Multipart/Form-Data; charset=utf-8; boundary="a b""#) == "a b")
        #expect(UploadedForm.boundary(of: "application/x-www-form-urlencoded") == nil)
        #expect(UploadedForm.boundary(of: "multipart/form-data") == nil)
    }
}
