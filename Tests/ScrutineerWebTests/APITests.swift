import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerCore
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// The JSON API and its OpenAPI description (PRODUCT.md R17): the two agree, errors are JSON that
/// name the parameter, and the public sees only published, suppressed council data.
@Suite("JSON API and OpenAPI")
struct APITests {
    @Test("The OpenAPI document describes exactly the routes the router answers")
    func documentMatchesRouter() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get)
            let document = try #require(response.json as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            // Every documented path is answered by the router (not its "no such page" 404)…
            for (path, item) in paths {
                let operations = try #require(item as? [String: Any])
                #expect(Array(operations.keys) == ["get"], "\(path) documents \(operations.keys)")
                let uri = path.replacingOccurrences(of: "{committee}", with: "WARKS-CYP").replacingOccurrences(of: "{measure}", with: "ReReferral")
                    .replacingOccurrences(of: "{area}", with: "E10000031") + (path.hasSuffix("/observations") ? "?measure=ReReferral" : "")
                let answer = try await client.execute(uri: uri, method: .get)
                #expect(answer.status == .ok, "\(uri): \(answer.status.code) \(answer.text.prefix(200))")
                #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            // …and every API route the router registers is documented (the router is built from the same list).
            let registered = Set(APIRoutes.endpoints.map(\.route.pattern))
            #expect(Set(paths.keys) == registered)
            // A path under /api/v1 that is not documented is not answered.
            let missing = try await client.execute(uri: "/api/v1/nothing-here", method: .get)
            #expect(missing.status == .notFound)
            #expect((missing.json as? [String: Any])?["error"] != nil)
        }
    }

    @Test("A bad parameter is a 400 in JSON that names it")
    func badParameters() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let cases: [(String, String)] = [
                ("/api/v1/committees/WARKS-CYP/assessment?period=2026%2F27%20Q9", "period"),
                ("/api/v1/observations", "measure"),
                ("/api/v1/areas?type=planet", "type"),
                ("/api/v1/measures?colour=red", "colour"),
                // Found by exploratory testing: a filter given twice, or not UTF-8 (£ as Latin-1), or
                // a period no figure could have, was dropped or matched nothing without a word.
                ("/api/v1/observations?measure=ReReferral&area=E10000031&area=E06000041", "area"),
                ("/api/v1/measures?committee=WARKS-CYP&committee=WOK-CS", "committee"),
                ("/api/v1/observations?measure=ReReferral&area=%A3", "area"),
                ("/api/v1/measures?committee=%A3", "committee"),
                ("/api/v1/committees/WARKS-CYP/assessment?period=%FF", "period"),
                ("/api/v1/observations?measure=ReReferral&period=nonsense", "period"),
                ("/api/v1/observations?area=E10000031&period=2025%2F26%20Q9", "period"),
            ]
            for (uri, parameter) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                let error = try #require((response.json as? [String: Any])?["error"] as? [String: Any], "\(uri): \(response.text)")
                #expect(error["parameter"] as? String == parameter, "\(uri)")
                #expect((error["message"] as? String)?.hasPrefix("\(parameter):") == true, "\(uri): \(error)")
            }
            for uri in [
                "/api/v1/observations?measure=ReReferral&area=E10000031&period=2025", "/api/v1/observations?area=E10000031&period=2026%2F27%20Q1",
                // Put in standard form, as the figures store it (found by exploratory re-testing).
                "/api/v1/observations?area=E10000031&period=Q1%202026%2F27", "/api/v1/observations?measure=WARKS_HV_68WK&period=Q1%202026-27",
            ] {
                let found = try #require(try await client.execute(uri: uri, method: .get).json as? [[String: Any]], "\(uri)")
                #expect(!found.isEmpty, "\(uri)")
            }
            let unknown = try await client.execute(uri: "/api/v1/measures/NOPE", method: .get)
            #expect(unknown.status == .notFound)
            #expect(((unknown.json as? [String: Any])?["error"] as? [String: Any])?["message"] as? String == "There is no measure NOPE.")
        }
    }

    @Test("Targets are each council's own: the list names the council, and ?council= gives one council's")
    func targetsByCouncil() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            // Both demo committees record the statutory 20-week target for new EHC plans.
            let all = try #require(try await client.execute(uri: "/api/v1/measures/SEN_EHC_Excpt_20wks/targets", method: .get).json as? [[String: Any]])
            #expect(Set(all.compactMap { $0["councilAreaCode"] as? String }) == ["E10000031", "E06000041"])
            #expect(all.allSatisfy { $0["kind"] as? String == "statutory" && $0["version"] as? Int == 1 })
            let wokingham = try #require(
                try await client.execute(uri: "/api/v1/measures/SEN_EHC_Excpt_20wks/targets?council=E06000041", method: .get).json as? [[String: Any]]
            )
            #expect(wokingham.compactMap { $0["councilAreaCode"] as? String } == ["E06000041"])
            let unknown = try await client.execute(uri: "/api/v1/measures/SEN_EHC_Excpt_20wks/targets?council=E99999999", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("A council's target agreed for a period no published report reaches is its staff's: the public and other councils do not see it")
    func draftTargets() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withStore(url) { store in
            _ = try await store.setTarget(Target(
                measureCode: "SEN_EHC_Excpt_20wks", councilAreaCode: "E10000031", kind: .local, value: 70, validFrom: CalendarDate(iso: "2027-04-01")!,
                setBy: "Director of Education", setOn: CalendarDate(iso: "2026-11-20")!, reason: "Draft for 2027/28, not yet agreed"
            ), by: "warks.analyst")
            // A new version of the statutory target from the same day, which closes the one in force.
            _ = try await store.setTarget(Target(
                measureCode: "SEN_EHC_Excpt_20wks", councilAreaCode: "E10000031", kind: .statutory, value: 100, validFrom: CalendarDate(iso: "2027-04-01")!,
                setBy: "Children and Families Act 2014", setOn: CalendarDate(iso: "2026-11-20")!, reason: "Restated for 2027/28"
            ), by: "warks.analyst")
        }
        try await withApplication(url) { client in
            let uri = "/api/v1/measures/SEN_EHC_Excpt_20wks/targets?council=E10000031"
            func reasons(_ rows: [[String: Any]]) -> [String] { rows.compactMap { $0["reason"] as? String } }
            let publicRows = try #require(try await client.execute(uri: uri, method: .get).json as? [[String: Any]])
            let other = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let staff = try await Browser.signIn(client, username: "warks.officer", password: "demo-warks-officer")
            #expect(!publicRows.isEmpty && !reasons(publicRows).contains("Draft for 2027/28, not yet agreed"))
            #expect(reasons(try await other.jsonList(client, uri)) == reasons(publicRows))
            #expect(reasons(try await staff.jsonList(client, uri)) == reasons(publicRows) + ["Draft for 2027/28, not yet agreed", "Restated for 2027/28"])
            // Nor does the version it closes give away the day it starts.
            #expect(!publicRows.contains { $0["validTo"] as? String == "2027-03-31" }, "\(publicRows)")
            // Staff see it end the day before the next version starts (1 April 2027).
            let staffRows = try await staff.jsonList(client, uri)
            #expect(staffRows.contains { $0["validTo"] as? String == "2027-03-31" }, "\(staffRows)")
        }
    }

    @Test("An area's comparator groups: England, its region, its neighbours, and its council's own groups, which no other council sees")
    func comparatorGroups() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            // DemoData/local/warwickshire-groups.csv: Warwickshire's two groups.
            let warwickshire = try #require(try await client.execute(uri: "/api/v1/areas/E10000031/comparator-groups", method: .get).json as? [[String: Any]])
            #expect(warwickshire.compactMap { $0["kind"] as? String } == ["england", "region", "statisticalNeighbours", "statisticalNeighbours", "council", "council"])
            let own = warwickshire.filter { $0["kind"] as? String == "council" }
            #expect(own.compactMap { $0["code"] as? String } == ["WARKS_MIDLANDS_COUNTIES", "WARKS_WM_SHIRES"])
            #expect(own.allSatisfy { $0["ownerAreaCode"] as? String == "E10000031" })
            #expect(own[0]["memberCodes"] as? [String] == ["E10000007", "E10000018", "E10000024", "E10000028", "E10000031", "E10000034"])
            let wokingham = try #require(try await client.execute(uri: "/api/v1/areas/E06000041/comparator-groups", method: .get).json as? [[String: Any]])
            #expect(!wokingham.contains { $0["kind"] as? String == "council" })
            // la_lookup_from_ees.csv: Buckinghamshire's county council E10000002 was replaced by
            // E06000060 (both DfE 825), so the South East lists Buckinghamshire once.
            let southEast = try #require(wokingham.first { $0["kind"] as? String == "region" }?["memberCodes"] as? [String])
            #expect(southEast.contains("E06000060") && !southEast.contains("E10000002"))
            // DemoData/national/reference/la_successions.csv: Bournemouth, Poole and Dorset's county council were
            // succeeded in 2019, Northamptonshire in 2021 and Cumbria in 2023, so England and the South West list
            // today's councils only: 153 (found by exploratory testing).
            let bcp = try #require(try await client.execute(uri: "/api/v1/areas/E06000058/comparator-groups", method: .get).json as? [[String: Any]])
            let england = try #require(bcp.first { $0["kind"] as? String == "england" }?["memberCodes"] as? [String])
            #expect(england.count == 153)
            #expect(Set(england).isDisjoint(with: ["E06000028", "E06000029", "E10000009", "E10000021", "E10000006"]))
            let southWest = try #require(bcp.first { $0["kind"] as? String == "region" }?["memberCodes"] as? [String])
            #expect(southWest.count == 15 && southWest.contains("E06000058"))
            // An area says who succeeded it and whom it succeeded.
            let cumbria = try #require(try await client.execute(uri: "/api/v1/areas/E10000006", method: .get).json as? [String: Any])
            #expect((cumbria["successors"] as? [[String: String]]) == [["code": "E06000063", "from": "2023-04-01"], ["code": "E06000064", "from": "2023-04-01"]])
            #expect((cumbria["predecessors"] as? [[String: String]]) == [])
            let cumberland = try #require(try await client.execute(uri: "/api/v1/areas/E06000063", method: .get).json as? [String: Any])
            #expect((cumberland["predecessors"] as? [[String: String]]) == [["code": "E10000006", "from": "2023-04-01"]])
            // Barnsley's former code holds none of its figures, so asking for them by it is refused, naming the current one.
            let former = try await client.execute(uri: "/api/v1/observations?area=E08000016", method: .get)
            #expect(former.status == .badRequest)
            #expect(former.text.contains("since its recode the council is E08000038"), "\(former.text)")
        }
    }

    @Test("A measure says whose own it is: a council's local measure names the council, a published one names none")
    func measureCouncil() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            // The demo's local measures come from each council's own import (DemoData/local).
            let local = try #require(try await client.execute(uri: "/api/v1/measures/WOK_EHCP_20WK", method: .get).json as? [String: Any])
            #expect(local["councilAreaCode"] as? String == "E06000041")
            let published = try #require(try await client.execute(uri: "/api/v1/measures/SEN_EHC_Excpt_20wks", method: .get).json as? [String: Any])
            #expect(published["code"] as? String == "SEN_EHC_Excpt_20wks")
            #expect(published["councilAreaCode"] == nil)
        }
    }

    @Test("The public sees a council's own measure only up to its newest published report; its staff see all")
    func councilDataIsScoped() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let uri = "/api/v1/observations?measure=WARKS_HV_68WK"
            let publicRows = try #require(try await client.execute(uri: uri, method: .get).json as? [[String: Any]])
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let staffRows = try #require(try await analyst.get(client, uri).json as? [[String: Any]])
            let other = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let otherRows = try #require(try await other.get(client, uri).json as? [[String: Any]])
            // The demo's local values run to 2026/27 Q2; the published report is 2026/27 Q1.
            let publicPeriods = Set(publicRows.compactMap { $0["period"] as? String })
            let staffPeriods = Set(staffRows.compactMap { $0["period"] as? String })
            #expect(staffPeriods.contains("2026/27 Q2"))
            #expect(publicPeriods.contains("2026/27 Q1"))
            #expect(!publicPeriods.contains("2026/27 Q2"))
            #expect(staffRows.count == publicRows.count + 1)
            #expect(otherRows.count == publicRows.count, "another council's analyst sees only what the public sees")
            // National statistics are public in full.
            let lait = try #require(try await client.execute(uri: "/api/v1/observations?measure=ReReferral&area=E10000031", method: .get).json as? [[String: Any]])
            #expect(!lait.isEmpty)
        }
    }

    @Test("The public API withholds exactly the figures the public pages withhold: a count measure's count of 1–5, and a percentage whose counts or their difference are 1–5")
    func apiWithholdsWhatPagesDo() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            for measure in ["WOK_CME", "WOK_EHCP_20WK", "WARKS_HV_68WK"] {
                let committee = measure.hasPrefix("WOK") ? "WOK-CS" : "WARKS-CYP"
                let csv = try await client.execute(uri: "/committees/\(committee)/measures/\(measure)/data.csv", method: .get).text
                let withheldOnPage = Set(csv.split(separator: "\n").dropFirst().compactMap { line -> String? in
                    let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                    return cells.contains("c") ? String(cells[cells.count - 8]) : nil
                })
                let rows = try #require(try await client.execute(uri: "/api/v1/observations?measure=\(measure)", method: .get).json as? [[String: Any]])
                let withheldByAPI = Set(rows.filter { $0["statusSymbol"] as? String == "c" }.compactMap { $0["period"] as? String })
                #expect(withheldByAPI == withheldOnPage, "\(measure)")
                #expect(rows.filter { $0["statusSymbol"] as? String == "c" }.allSatisfy { $0["value"] == nil && $0["numerator"] == nil }, "\(measure)")
            }
            // WOK_CME counts children missing education: 2022/23 Q1 is 5 (DemoData/local), never shown to the public.
            let cme = try #require(try await client.execute(uri: "/api/v1/observations?measure=WOK_CME&period=2022%2F23%20Q1", method: .get).json as? [[String: Any]])
            #expect(cme.count == 1 && cme[0]["value"] == nil && cme[0]["statusSymbol"] as? String == "c")
            // Wokingham's analyst reads the count.
            let analyst = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let own = try #require(try await analyst.get(client, "/api/v1/observations?measure=WOK_CME&period=2022%2F23%20Q1").json as? [[String: Any]])
            #expect(own.first?["value"] as? Double == 5)
        }
    }

    @Test("A figure a council gives only as a symbol keeps its counts from the public, and its own measure no committee reports is its staff's in every measures endpoint (found by exploratory testing)")
    func symbolsAndUnreportedMeasures() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withStore(url) { store in
            // Wokingham's 2025/26 Q3 figure (before the published 2026/27 Q1), given as x with its counts 3 of 40.
            var figure = try #require(try await store.observations(ObservationQuery(measureCode: "WOK_EHCP_20WK", areaCode: "E06000041", periodLabel: "2025/26 Q3")).first)
            figure.value = nil
            figure.statusSymbol = .unavailable
            figure.numerator = 3
            figure.denominator = 40
            figure.source = "correction.csv"
            // A pilot measure of Warwickshire's that no committee reports yet.
            var pilot = try #require(try await store.measures().first { $0.code == "WARKS_HV_68WK" })
            pilot.code = "WARKS_PILOT"
            pilot.title = "Pilot of a new measure"
            pilot.committees = []
            var pilotFigure = try #require(try await store.observations(ObservationQuery(measureCode: "WARKS_HV_68WK", areaCode: "E10000031")).first)
            pilotFigure.measureCode = "WARKS_PILOT"
            // The published measure's figure by district: Rugby 3 of 40 and Warwick 340 of 400.
            let published = try #require(try await store.observations(ObservationQuery(measureCode: "WARKS_HV_68WK", areaCode: "E10000031", periodLabel: "2026/27 Q1")).first)
            var cells: [Observation] = []
            for (district, numerator, denominator) in [("Rugby", 3.0, 40.0), ("Warwick", 340.0, 400.0)] {
                var cell = published
                cell.breakdown = Breakdown(["district": district])
                cell.numerator = numerator
                cell.denominator = denominator
                cell.value = (numerator / denominator * 1000).rounded() / 10
                cells.append(cell)
            }
            _ = try await store.importBatch(ImportBatch(kind: .local, files: ["correction.csv"], rowsRead: 4, measures: [pilot], observations: [figure, pilotFigure] + cells), by: "tests")
        }
        try await withApplication(url) { client in
            let rows = try #require(try await client.execute(uri: "/api/v1/observations?measure=WOK_EHCP_20WK&area=E06000041&period=2025%2F26%20Q3", method: .get).json as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["statusSymbol"] as? String == "x")
            #expect(rows.first?["numerator"] == nil && rows.first?["denominator"] == nil && rows.first?["value"] == nil, "\(rows)")
            // Secondary suppression of a breakdown, as the pages apply it: with Rugby's 3 of 40
            // withheld, Warwick's 340 of 400 is withheld too, or the total would give Rugby back.
            let districts = try #require(try await client.execute(uri: "/api/v1/observations?measure=WARKS_HV_68WK&area=E10000031&period=2026%2F27%20Q1", method: .get).json as? [[String: Any]])
            #expect(districts.count == 3, "\(districts)")
            for row in districts where row["breakdown"] as? String != "" {
                #expect(row["value"] == nil && row["numerator"] == nil && row["statusSymbol"] as? String == "c", "\(row)")
            }
            let analyst = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let own = try await analyst.jsonList(client, "/api/v1/observations?measure=WOK_EHCP_20WK&area=E06000041&period=2025%2F26%20Q3")
            #expect(own.first?["numerator"] as? Double == 3, "its staff read the counts")

            for uri in ["/api/v1/measures/WARKS_PILOT", "/api/v1/measures/WARKS_PILOT/targets", "/api/v1/observations?measure=WARKS_PILOT"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .notFound, "\(uri)")
                #expect(try await analyst.get(client, uri).status == .notFound, "another council's analyst: \(uri)")
            }
            let listed = try #require(try await client.execute(uri: "/api/v1/measures?q=pilot", method: .get).json as? [[String: Any]])
            #expect(listed.isEmpty, "\(listed)")
            #expect(try await client.execute(uri: "/api/v1/measures", method: .get).text.contains("WARKS_HV_68WK"), "a published own measure stays listed")
            let staff = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            #expect(try await staff.jsonList(client, "/api/v1/measures?q=pilot").map { $0["code"] as? String } == ["WARKS_PILOT"])
            #expect(try await staff.get(client, "/api/v1/measures/WARKS_PILOT").status == .ok)
            #expect(try await staff.jsonList(client, "/api/v1/observations?measure=WARKS_PILOT").count == 1)
        }
    }

    @Test("A council's own measure is published only by its own council's committees, and only once a published report holds it: not by another council's committee of the same name, and not when added to a draft (found by exploratory testing)")
    func ownMeasuresPublishedByTheirReports() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let q2 = try Period.parse("2026/27 Q2", yearType: .financial)
        try await withStore(url) { store in
            // Wokingham's committee of the same name as Warwickshire's, which lists WARKS_HV_68WK's
            // committee by name, published for 2026/27 Q2, while Warwickshire's Q2 is a draft.
            let warwickshire = try #require(try await store.committee(code: "WARKS-CYP"))
            let namesake = CommitteeDefinition(committee: Committee(
                code: "WOK-CYP", name: warwickshire.committee.name, councilAreaCode: "E06000041", themes: [CommitteeTheme(name: "Care", measureCodes: ["LAC"])]
            ))
            _ = try await store.saveCommittee(namesake, by: "wok.analyst")
            for stage in [ReportPublication.Stage.checked, .published] {
                _ = try await store.moveReport(namesake, period: q2, to: stage, by: "wok.analyst", today: demoDay)
            }
            // A new measure of Warwickshire's, with figures to 2026/27 Q1, added to the Q2 draft.
            var added = try #require(try await store.measures().first { $0.code == "WARKS_HV_68WK" })
            added.code = "WARKS_NEW_REVIEWS"
            added.title = "Reviews of a new kind"
            let figures = try await store.observations(ObservationQuery(measureCode: "WARKS_HV_68WK", areaCode: "E10000031")).filter { $0.period.end < q2.start }.map {
                var figure = $0
                figure.measureCode = added.code
                return figure
            }
            _ = try await store.importBatch(ImportBatch(kind: .local, files: ["new.csv"], rowsRead: figures.count, measures: [added], observations: figures), by: "warks.analyst")
            var definition = warwickshire
            definition.committee.themes[0].measureCodes.append(added.code)
            _ = try await store.saveCommittee(definition, by: "warks.analyst")
        }
        try await withApplication(url) { client in
            let other = try await Browser.signIn(client, username: "wok.analyst", password: "demo-wok-analyst")
            let staff = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let hv = "/api/v1/observations?measure=WARKS_HV_68WK&area=E10000031"
            for (who, rows) in [
                ("the public", try #require(try await client.execute(uri: hv, method: .get).json as? [[String: Any]])), ("Wokingham's analyst", try await other.jsonList(client, hv)),
            ] {
                let periods = Set(rows.compactMap { $0["period"] as? String })
                #expect(periods.contains("2026/27 Q1") && !periods.contains("2026/27 Q2"), "\(who): Warwickshire's Q2 is a draft")
            }
            #expect(Set(try await staff.jsonList(client, hv).compactMap { $0["period"] as? String }).contains("2026/27 Q2"))

            let newFigures = "/api/v1/observations?measure=WARKS_NEW_REVIEWS"
            #expect(try await client.execute(uri: newFigures, method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/measures/WARKS_NEW_REVIEWS", method: .get).status == .notFound)
            #expect(!(try await client.execute(uri: "/api/v1/committees/WARKS-CYP", method: .get).text.contains("WARKS_NEW_REVIEWS")))
            #expect(!(try await client.execute(uri: "/api/v1/committees", method: .get).text.contains("WARKS_NEW_REVIEWS")))
            #expect(!(try await client.execute(uri: "/search?q=reviews+of+a+new+kind", method: .get).text.contains("WARKS_NEW_REVIEWS")))
            #expect(!(try await other.get(client, "/api/v1/committees/WARKS-CYP").text.contains("WARKS_NEW_REVIEWS")))
            // Its council's staff read it all.
            #expect(!(try await staff.jsonList(client, newFigures)).isEmpty)
            #expect(try await staff.get(client, "/api/v1/committees/WARKS-CYP").text.contains("WARKS_NEW_REVIEWS"))
            #expect(try await staff.get(client, "/search?q=reviews+of+a+new+kind").text.contains("WARKS_NEW_REVIEWS"))
        }
    }

    @Test("What a script needs to reproduce the figures: the decimal places shown, the committees reporting a measure, each figure's period dates and next update, derived figures without binary noise (found by exploratory testing)")
    func scriptMetadata() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let measure = try #require(try await client.execute(uri: "/api/v1/measures/PrevRegCPR", method: .get).json as? [String: Any])
            #expect(measure["shownDecimalPlaces"] as? Int == 1)
            #expect(measure["reportedBy"] as? [String] == ["WARKS-CYP", "WOK-CS"], "both demo committees report it")
            let listed = try #require(try await client.execute(uri: "/api/v1/measures?committee=WOK-CS", method: .get).json as? [[String: Any]])
            #expect(listed.allSatisfy { ($0["reportedBy"] as? [String])?.contains("WOK-CS") == true })
            // LAIT's 2025 for a financial-year measure is April 2024 to March 2025.
            let rows = try #require(try await client.execute(uri: "/api/v1/observations?measure=ReReferral&area=E10000031&period=2025", method: .get).json as? [[String: Any]])
            #expect(rows.first?["periodStart"] as? String == "2024-04-01" && rows.first?["periodEnd"] as? String == "2025-03-31", "\(rows)")
            let local = try #require(try await client.execute(uri: "/api/v1/observations?measure=WARKS_HV_68WK&area=E10000031&period=2026%2F27%20Q1", method: .get).json as? [[String: Any]])
            // DemoData/local/warwickshire-observations.csv: 2026/27 Q1, next update due 2026-10-25.
            #expect(local.first?["nextUpdateDue"] as? String == "2026-10-25", "\(local)")
            let assessment = try #require(try await client.execute(uri: "/api/v1/committees/WARKS-CYP/assessment", method: .get).json as? [String: Any])
            let measures = try #require(assessment["measures"] as? [[String: Any]])
            let hv = try #require(measures.first { $0["code"] as? String == "WARKS_HV_68WK" })
            #expect(hv["nextUpdateDue"] as? String == "2026-10-25" && hv["nextUpdateEstimated"] as? Bool == false, "\(hv)")
            // A mean or change is given as the pages round it from: 12 significant digits at most.
            for m in measures {
                let benchmarks = m["benchmarks"] as? [String: Any]
                for value in [m["change"] as? Double, benchmarks?["statisticalNeighbourMean"] as? Double].compactMap({ $0 }) {
                    #expect(Double(String(format: "%.12g", value)) == value, "\(m["code"] ?? ""): \(value)")
                }
            }
        }
    }

    @Test("The assessment answers with the same headline as the committee's page")
    func assessmentMatchesPage() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let json = try #require(try await client.execute(uri: "/api/v1/committees/WARKS-CYP/assessment", method: .get).json as? [String: Any])
            #expect(json["period"] as? String == "2026/27 Q1")
            #expect(json["stage"] as? String == "published")
            #expect(json["audience"] as? String == "public")
            let headline = try #require((json["headline"] as? [String: Any])?["sentence"] as? String)
            let page = try await client.execute(uri: "/committees/WARKS-CYP", method: .get).text
            #expect(page.contains(headline.replacingOccurrences(of: "'", with: "&#39;")), "the page shows the API's headline: \(headline)")
            let measures = try #require(json["measures"] as? [[String: Any]])
            #expect(measures.count == 22)
        }
    }

    @Test("The assessment gives each measure's counts, 95% interval and SPC chart, as its page shows them (PRODUCT.md R17)")
    func assessmentIntervalsAndSPC() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let query = "?period=2026%2F27%20Q2"
            let json = try #require(try await analyst.get(client, "/api/v1/committees/WARKS-CYP/assessment" + query).json as? [String: Any])
            let measures = try #require(json["measures"] as? [[String: Any]])
            let visits = try #require(measures.first { $0["code"] as? String == "WARKS_HV_68WK" })
            let latest = try #require(visits["latest"] as? [String: Any])
            let n = try #require(latest["numerator"] as? Double), d = try #require(latest["denominator"] as? Double)
            let lower = try #require(latest["lower95"] as? Double), upper = try #require(latest["upper95"] as? Double)
            #expect(latest["intervalSource"] as? String == "wilson")
            // METHODS.md §1: Wilson's score interval, z = qnorm(0.975), in percentage points.
            let z = 1.959963984540054, p = n / d
            let centre = p + z * z / (2 * d), spread = z * ((p * (1 - p) + z * z / (4 * d)) / d).squareRoot()
            #expect(abs(lower - 100 * (centre - spread) / (1 + z * z / d)) < 1e-9 && abs(upper - 100 * (centre + spread) / (1 + z * z / d)) < 1e-9)
            let page = try await analyst.get(client, "/committees/WARKS-CYP/measures/WARKS_HV_68WK" + query).text
            let shown = "\(String(format: "%.1f", lower))% to \(String(format: "%.1f", upper))%"
            #expect(page.contains(shown), "the page shows the API's interval, \(shown)")

            let spc = try #require(visits["spc"] as? [String: Any])
            let points = try #require(spc["points"] as? [[String: Any]])
            #expect(spc["pointCount"] as? Int == points.count && points.count >= 12)
            #expect(points.last?["period"] as? String == "2026/27 Q2" && points.last?["value"] as? Double == latest["value"] as? Double)
            #expect(points.allSatisfy { $0["mean"] is Double && $0["lowerProcessLimit"] is Double && $0["upperProcessLimit"] is Double })
            let variation = try #require(spc["variationText"] as? String)
            #expect(page.contains(variation.replacingOccurrences(of: "'", with: "&#39;")), "the page shows the API's variation: \(variation)")
            #expect(visits["spcNotDrawn"] == nil)
            // A measure with too few figures for a chart says why instead.
            let undrawn = measures.filter { $0["spc"] == nil }
            #expect(!undrawn.isEmpty && undrawn.allSatisfy { ($0["spcNotDrawn"] as? String)?.hasPrefix("No statistical process control chart") == true })

            // Each target judged, as figures: the reported one is the one the status names.
            for measure in measures {
                let targets = try #require(measure["targets"] as? [[String: Any]], "\(measure["code"] ?? "")")
                let reported = targets.filter { $0["reported"] as? Bool == true }
                #expect(reported.count <= 1)
                let status = measure["status"] as? [String: Any]
                let reason = status?["reason"] as? String ?? "", label = status?["label"] as? String ?? ""
                for target in reported where label.hasPrefix("On track") || label.hasPrefix("Not on track") {
                    let kind = try #require(target["kind"] as? String)
                    #expect(reason.contains("\(kind) target"), "\(measure["code"] ?? ""): \(reason)")
                    #expect(["met", "within-tolerance", "missed", "not-compared"].contains(target["result"] as? String ?? ""))
                }
            }
            #expect(measures.contains { ($0["targets"] as? [[String: Any]])?.isEmpty == false })
        }
    }
}
