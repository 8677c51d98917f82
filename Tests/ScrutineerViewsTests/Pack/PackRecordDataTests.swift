import Foundation
import ScrutineerCore
import ScrutineerFormats
import ScrutineerTestSupport
import Testing
@testable import ScrutineerViews

/// The data behind the pack's requests, finance and risks sections (PRODUCT.md R13): a file each,
/// only when the pack has the section, holding the rows its table lists, amounts to the penny.
/// The finance and risks come from the demo's own illustrative files, read by their importers.
@Suite struct PackRecordDataTests {
    static let demoData = SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData")
    /// The importers refuse what is after their day; the report itself is judged as on 20 Nov 2025.
    static let importedOn = CalendarDate(iso: "2026-11-23")!

    struct Pack {
        let assessment: CommitteeAssessment
        let files: [PackFile]
        let index: HTMLTree
        let requests: [ReportedRequest]
        let risks: [ReportedRisk]

        func csv(_ name: String) throws -> CSVTable {
            guard let file = files.first(where: { $0.path == "data/\(name)" }) else { throw PackFixtureError(description: "no data/\(name)") }
            return try CSVReader.table(from: file.data, fileName: name)
        }

        func table(_ id: String) throws -> Int {
            try #require(PackPages.element(index, id: id))
        }
    }

    static func pack(_ audience: Audience) throws -> Pack {
        let assessment = try WarwickshireCommittee.rendered(audience).assessment
        let code = assessment.committee.code
        func file(_ path: String) throws -> [PublishedFile] {
            let url = demoData.appendingPathComponent(path)
            return [PublishedFile(name: url.lastPathComponent, data: try Data(contentsOf: url))]
        }
        let finance = try FinanceReturnImporter.parse(try file("finance/warwickshire-cyp-finance.csv"), committeeCode: code, today: importedOn).financeLines
        let reviews = try RiskRegisterImporter.parse(try file("risks/warwickshire-cyp-risks.csv"), committeeCode: code, today: importedOn).riskReviews
        let risks = ReportedRisk.inReport(reviews, period: assessment.reportingPeriod, on: assessment.today)
        let asked = CommitteeRequest(
            committeeCode: code, raisedOn: CalendarDate(iso: "2025-07-10")!,
            request: "A breakdown of permanent exclusions of children with SEND, by gender and ethnicity.", askedBy: "Councillor Jan Matecki",
            providedBy: "Head of Inclusion",
            recurrence: .everyReport, measureCode: WarwickshireCommittee.exclusions, recordedBy: "clerk", number: 1
        )
        let briefing = try CommitteeRequest(
            committeeCode: code, raisedOn: CalendarDate(iso: "2025-07-10")!, request: "A briefing note on agency social workers.",
            dueBy: CalendarDate(iso: "2025-08-31")!, recordedBy: "clerk", number: 2
        ).amending(.init(dueBy: .on(CalendarDate(iso: "2025-09-30")!))).amended.delivering(.init(deliveredOn: CalendarDate(iso: "2025-09-15")!, note: "Sent to members by email.", recordedBy: "clerk", recordedAt: "2025-09-15T10:00:00Z"))
        let requests = ReportedRequest.inReport([asked, briefing], period: assessment.reportingPeriod, on: assessment.today)
        let files = try PackRenderer.render(assessment, options: PackOptions(requests: requests, risks: risks, finance: finance))
        guard let index = files.first(where: { $0.path == "index.html" }) else { throw PackFixtureError(description: "no index.html") }
        return Pack(assessment: assessment, files: files, index: try HTMLTree(index.text, name: "index.html"), requests: requests, risks: risks)
    }

    @Test("A pack with requests, finance and risks has a file and a sheet for each, listed on the summary")
    func files() throws {
        let pack = try Self.pack(.officer)
        let data = pack.files.map(\.path).filter { $0.hasPrefix("data/") }
        #expect(data == ["data/summary.csv", "data/measures.csv", "data/targets.csv", "data/trend.csv", "data/spc.csv", "data/breakdowns.csv",
                         "data/requests.csv", "data/finance.csv", "data/finance-year.csv", "data/risks.csv", "data/pack.xlsx"])
        let workbookFile = try #require(pack.files.first { $0.path == "data/pack.xlsx" })
        let workbook = try XLSXWorkbook(data: workbookFile.data, fileName: "pack.xlsx")
        #expect(workbook.sheetNames == ["Summary", "Measures", "Targets", "Trend", "SPC", "Breakdowns", "Requests", "Finance", "Finance by return", "Risks"])
        let links = pack.index.all.filter { pack.index[$0].name == "a" }.compactMap { pack.index[$0].attributes["href"] }
        for name in ["requests.csv", "finance.csv", "finance-year.csv", "risks.csv"] { #expect(links.contains("data/\(name)"), "\(name)") }
        // The printed pack names every file's path, and links to none (in the PDF a link would lead
        // to the folder on the computer that built it).
        let printed = try #require(pack.files.first { $0.path == "print.html" }).text
        for path in data { #expect(printed.contains(": \(path), beside this document</li>"), "\(path)") }
        #expect(!printed.contains("href=\"data/"))

        // The same sheets as the files, amounts as numbers of pounds.
        for (sheetName, name) in [("Requests", "requests.csv"), ("Finance", "finance.csv"), ("Finance by return", "finance-year.csv"), ("Risks", "risks.csv")] {
            let csv = try pack.csv(name)
            let sheet = try workbook.sheet(named: sheetName)
            #expect(sheet.rows.count == csv.records.count + 1, "\(sheetName)")
            for (r, record) in csv.records.enumerated() {
                for (c, field) in record.fields.enumerated() {
                    switch sheet.cell(row: r + 2, column: c) {
                    case let .number(value): #expect(Double(field) == value, "\(sheetName) row \(r + 2) column \(c + 1)")
                    case let .text(text): #expect(text == field, "\(sheetName) row \(r + 2) column \(c + 1)")
                    case .empty: #expect(field.isEmpty, "\(sheetName) row \(r + 2) column \(c + 1)")
                    default: Issue.record("\(sheetName) row \(r + 2) column \(c + 1)")
                    }
                }
            }
        }
    }

    @Test("finance.csv holds each line of the return the section shows, to the penny, with its variance at the return before")
    func finance() throws {
        let pack = try Self.pack(.public)
        let rows = try pack.csv("finance.csv").dictionaries()
        // Expected from Sources/ScrutineerDemo/DemoData/finance/warwickshire-cyp-finance.csv: the
        // report for 2025/26 Q2 shows Q2's 13 lines beside Q1's. Staffing: £62,000,000 budget,
        // £68,000,000 forecast, £6,000,000 over (6 / 62 = 9.68%, 9.7 to one place).
        #expect(rows.count == 13)
        #expect(Set(rows.map { $0["Return"] ?? "" }) == ["2025/26 Q2"])
        #expect(Set(rows.map { $0["Previous return"] ?? "" }) == ["2025/26 Q1"])
        let staffing = try #require(rows.first { $0["Line"] == "Staffing" })
        #expect(staffing["Kind"] == "revenue" && staffing["Service"] == "Children and Families")
        #expect(staffing["Budget (£)"] == "62000000.00" && staffing["Forecast (£)"] == "68000000.00" && staffing["Variance (£)"] == "6000000.00")
        #expect(staffing["Variance (% of budget)"] == "9.7")
        #expect(staffing["Variance"] == "£6.0m over budget (9.7%)")
        // Children and Families' revenue lines add up to the £15.0m overspend the section reports.
        let overspend = rows.filter { $0["Kind"] == "revenue" && $0["Service"] == "Children and Families" }.compactMap { Double($0["Variance (£)"] ?? "") }
        #expect(overspend.reduce(0, +) == 15_000_000)
        let homes = try #require(rows.first { $0["Line"] == "Two council-owned children's homes" })
        #expect(homes["Planned completion"] == "2026-03-31" && homes["Forecast completion"] == "2026-09-30" && homes["Completion"] == "6 months late")
        #expect(homes["Variance"] == "£1.8m slipping into later years (30.0%)")
        #expect(rows.first { $0["Line"] == "Education safeguarding training" }?["Forecast (£)"] == "32000.00")

        // Each row is the line the section's tables show: the same service and line, amounts and words.
        var htmlLines: [[String]] = []
        for kind in FinanceLine.Kind.allCases {
            htmlLines += PackPages.firstLines(pack.index, table: try pack.table("finance-\(kind.rawValue)-table")).filter { !$0[0].hasSuffix(": total") }
        }
        #expect(htmlLines.count == rows.count)
        for (row, html) in zip(rows, htmlLines) {
            #expect(html[0] == "\(row["Service"] ?? ""): \(row["Line"] ?? "")")
            let budget = try #require(Double(row["Budget (£)"] ?? ""))
            #expect(Money(pounds: budget)?.text == html[1], "\(html[0]) budget")
            #expect(row["Variance"] == html[3], "\(html[0]) variance")
        }
    }

    @Test("Each kind of finance line has a chart of the forecast at each return of the year, its table the figures of finance-year.csv")
    func financeYear() throws {
        let pack = try Self.pack(.public)
        let rows = try pack.csv("finance-year.csv").dictionaries()
        // Expected from Sources/ScrutineerDemo/DemoData/finance/warwickshire-cyp-finance.csv, the
        // report for 2025/26 Q2: revenue at Q1, Children and Families 62 + 98 + 25.3 = £185.3m
        // budgeted, 66.5 + 103 + 25.8 = £195.3m forecast, £10.0m over (10 / 185.3 = 5.40%); at Q2
        // 68 + 106.5 + 25.8 = £200.3m, the minutes' "£15m overspend" (8.1%). Education Services
        // 28.5 + 41.2 = £69.7m budgeted: 29.4 + 41.0, £0.7m over at Q1; 29.9 + 41.1, £1.3m at Q2.
        let revenue = rows.filter { $0["Kind"] == "revenue" }
        #expect(revenue.map { "\($0["Return"] ?? "") \($0["Service"] ?? "") \($0["Variance (£)"] ?? "")" } == [
            "2025/26 Q1 Children and Families 10000000.00", "2025/26 Q1 Education Services 700000.00", "2025/26 Q1 All services 10700000.00",
            "2025/26 Q2 Children and Families 15000000.00", "2025/26 Q2 Education Services 1300000.00", "2025/26 Q2 All services 16300000.00",
        ])
        #expect(revenue[0]["Budget (£)"] == "185300000.00" && revenue[0]["Forecast (£)"] == "195300000.00" && revenue[0]["Variance (% of budget)"] == "5.4")
        #expect(revenue[3]["Variance"] == "£15.0m over budget (8.1%)")
        #expect(revenue[5]["Budget (£)"] == "255000000.00")
        // Savings at Q2: 1.4 + 1.2 of 2.0 + 1.5 (£0.9m short); 0.8 + 0 of 0.8 + 0.7 (£0.7m short).
        let savings = rows.filter { $0["Kind"] == "savings" && $0["Return"] == "2025/26 Q2" }
        #expect(savings.map { $0["Variance (£)"] ?? "" } == ["-900000.00", "-700000.00", "-1600000.00"])
        #expect(Set(rows.map { $0["Kind"] ?? "" }) == ["revenue", "savings", "income", "capital"])

        // The revenue chart: an SVG with its title, the summary in words, and a table of the same
        // variances in £m, with the line of no variance.
        let chart = try pack.table("finance-revenue-chart")
        #expect(pack.index[chart].name == "svg" && pack.index[chart].attributes["role"] == "img")
        let figure = try pack.table("finance-revenue-chart-figure")
        #expect(pack.index.text(figure).contains("All services together at each return: £10.7m over budget at 2025/26 Q1, £16.3m over budget at 2025/26 Q2."))
        let table = try pack.table("finance-revenue-chart-table")
        #expect(PackPages.headers(pack.index, table: table) == ["Return", "Children and Families", "Education Services", "All services", "On budget"])
        #expect(PackPages.firstLines(pack.index, table: table) == [["2025/26 Q1", "10.0", "0.7", "10.7", "0.0"], ["2025/26 Q2", "15.0", "1.3", "16.3", "0.0"]])
        // Income varies by less than £1m: drawn in £ thousands. Q2: 2.6m of 3.0m, 32,000 of 50,000.
        let income = try pack.table("finance-income-chart-table")
        #expect(PackPages.firstLines(pack.index, table: income).last == ["2025/26 Q2", "-400", "-18", "-418", "0"])
        #expect(pack.index.text(try pack.table("finance-income-chart-figure")).contains("£ thousand, above target (+), short (−)"))
    }

    @Test("A report at its year's first return has no finance chart, and finance-year.csv holds that return's totals")
    func financeFirstReturn() throws {
        let assessment = try WarwickshireCommittee.rendered(.public).assessment
        let lines = [
            FinanceLine(committeeCode: assessment.committee.code, period: assessment.reportingPeriod, kind: .revenue, service: "Children and Families",
                        line: "Staffing", budget: Money(pounds: 62_000_000)!, forecast: Money(pounds: 68_000_000)!),
        ]
        let files = try PackRenderer.render(assessment, options: PackOptions(finance: lines))
        let index = try #require(files.first { $0.path == "index.html" })
        #expect(index.text.contains(#"id="finance-revenue-table""#))
        #expect(!index.text.contains("finance-revenue-chart"))
        let file = try #require(files.first { $0.path == "data/finance-year.csv" })
        let rows = try CSVReader.table(from: file.data, fileName: "finance-year.csv").dictionaries()
        #expect(rows.map { $0["Service"] ?? "" } == ["Children and Families", "All services"])
        #expect(rows.map { $0["Variance (£)"] ?? "" } == ["6000000.00", "6000000.00"])
    }

    @Test("A pack whose year has no finance return yet writes finance.csv and finance-year.csv with their headers alone")
    func noReturn() throws {
        let assessment = try WarwickshireCommittee.rendered(.public).assessment
        let files = try PackRenderer.render(assessment, options: PackOptions(finance: []))
        for name in ["finance.csv", "finance-year.csv"] {
            let file = try #require(files.first { $0.path == "data/\(name)" })
            let csv = try CSVReader.table(from: file.data, fileName: name)
            #expect(csv.records.isEmpty && csv.header.first == "Return", "\(name)")
        }
        #expect(!files.contains { $0.path == "data/risks.csv" || $0.path == "data/requests.csv" })
    }

    @Test("risks.csv and requests.csv hold the rows of the sections' tables, in their order")
    func risksAndRequests() throws {
        let pack = try Self.pack(.member)
        let risks = try pack.csv("risks.csv").dictionaries()
        let riskRows = PackPages.firstLines(pack.index, table: try pack.table("risks-table"))
        #expect(risks.count == pack.risks.count && riskRows.count == risks.count && !risks.isEmpty)
        for (row, html) in zip(risks, riskRows) {
            #expect(html[0] == "\(row["Reference"] ?? ""): \(row["Risk"] ?? "")")
            #expect(html[1] == "\(row["Score"] ?? "") (\(row["Rating"] ?? ""))")
            #expect(html[2] == row["Since the review before"])
        }
        // Expected from Sources/ScrutineerDemo/DemoData/risks/warwickshire-cyp-risks.csv: CYP-R01
        // was scored 3 × 4 = 12 on 10 Jun 2025 and 4 × 4 = 16 on 9 Sep 2025, the newest by 20 Nov 2025.
        let placements = try #require(risks.first { $0["Reference"] == "CYP-R01" })
        #expect(placements["Score"] == "16" && placements["Likelihood"] == "4" && placements["Impact"] == "4" && placements["Rating"] == "high")
        #expect(placements["Trend"] == "worse" && placements["Previous score"] == "12" && placements["Previous review"] == "2025-06-10")
        #expect(placements["Reviewed on"] == "2025-09-09" && placements["Target score"] == "9")

        let requests = try pack.csv("requests.csv").dictionaries()
        let requestRows = PackPages.firstLines(pack.index, table: try pack.table("requests-table"))
        #expect(requests.count == 2 && requestRows.count == 2)
        for (row, html) in zip(requests, requestRows) {
            #expect(html[0] == "\(row["Number"] ?? ""). \(row["Request"] ?? "")")
            #expect(html[3] == row["Status text"])
        }
        let recurring = try #require(requests.first { $0["Number"] == "1" })
        #expect(recurring["Recurrence"] == "Every report" && recurring["Measure code"] == WarwickshireCommittee.exclusions)
        #expect(recurring["Asked by"] == "Councillor Jan Matecki" && recurring["Answered on"] == "")
        let briefing = try #require(requests.first { $0["Number"] == "2" })
        #expect(briefing["Status"] == "delivered" && briefing["Answered on"] == "2025-09-15" && briefing["Answer"] == "Sent to members by email.")
        #expect(briefing["Promised by"] == "2025-09-30" && briefing["First promised by"] == "2025-08-31", "first promised for 31 August, then moved")
        #expect(recurring["Promised by"] == "" && recurring["First promised by"] == "")
    }

    @Test("The risk matrix puts each open risk of risks.csv in the cell of its likelihood and impact, each cell with its score and band in words")
    func riskMatrix() throws {
        let pack = try Self.pack(.member)
        let matrix = try pack.table("risks-matrix")
        #expect(PackPages.headers(pack.index, table: matrix) == ["Impact", "Likelihood 1 (rare)", "Likelihood 2", "Likelihood 3", "Likelihood 4", "Likelihood 5 (almost certain)"])
        let rows = PackPages.rows(pack.index, table: matrix)
        #expect(rows.map { $0[0] } == ["Impact 5 (severe)", "Impact 4", "Impact 3", "Impact 2", "Impact 1 (negligible)"])
        // Each cell: likelihood × impact and its band (RiskRating: 1–4 low, 5–12 medium, 15–25 high).
        let lines = try PackPages.cellLines(pack.index, table: matrix)
        for (r, row) in lines.enumerated() {
            let impact = 5 - r
            for (c, cell) in row.enumerated() {
                let score = (c + 1) * impact
                #expect(cell.first == "\(score) \(score >= 15 ? "high" : score >= 5 ? "medium" : "low")", "impact \(impact), likelihood \(c + 1)")
            }
        }
        // Every open risk of risks.csv, and only those, where its likelihood and impact put it.
        let open = try pack.csv("risks.csv").dictionaries().filter { $0["Status"] == "open" }
        #expect(!open.isEmpty)
        var placed: [String] = []
        for (r, row) in lines.enumerated() {
            for (c, cell) in row.enumerated() {
                for reference in cell.dropFirst() {
                    let code = String(reference.split(separator: " ")[0])
                    let risk = try #require(open.first { $0["Reference"] == code }, "\(reference)")
                    #expect(risk["Likelihood"] == "\(c + 1)" && risk["Impact"] == "\(5 - r)", "\(reference)")
                    #expect(reference == (risk["Trend"] == "unchanged" ? code : "\(code) (\(risk["Trend"] ?? ""))"))
                    placed.append(code)
                }
            }
        }
        #expect(placed.sorted() == open.compactMap { $0["Reference"] }.sorted())
        // Expected from Sources/ScrutineerDemo/DemoData/risks/warwickshire-cyp-risks.csv, reviews by
        // the report's day: CYP-R01 3 × 4 on 10 Jun 2025, then 4 × 4 on 9 Sep 2025 (worse); CYP-R03
        // 4 × 4 at both; CYP-R02 4 × 3, first reviewed 9 Sep 2025 (new); CYP-R04 3 × 3 on 10 Jun 2025.
        #expect(lines[1][3] == ["16 high", "CYP-R01 (worse)", "CYP-R03"])
        #expect(lines[2][3] == ["12 medium", "CYP-R02 (new)"])
        #expect(lines[2][2] == ["9 medium", "CYP-R04 (new)"])
    }

    @Test("The public's pack reads a small count of children in officers' text as 'a small number of' them; the members' as written", arguments: [Audience.public, .member])
    func smallCountsInText(audience: Audience) throws {
        let assessment = try WarwickshireCommittee.rendered(audience).assessment
        let code = assessment.committee.code
        let measure = WarwickshireCommittee.earlyHelp
        let day = assessment.today
        let request = CommitteeRequest(committeeCode: code, raisedOn: day, request: "Why were 3 pupils excluded twice?", recordedBy: "clerk", number: 1)
        let risk = RiskReview(
            committeeCode: code, reference: "R1", title: "Placements", description: "Two children are placed far from home.", owner: "Director",
            reviewedOn: day, score: RiskScore(likelihood: 4, impact: 4), mitigation: "Homes."
        )
        let line = FinanceLine(
            committeeCode: code, period: assessment.reportingPeriod, kind: .revenue, service: "Children and Families", line: "Secure",
            budget: Money(pence: 100), forecast: Money(pence: 200), explanation: "One child in a secure placement."
        )
        let files = try PackRenderer.render(assessment, options: PackOptions(
            commentary: [measure: "Early help closed well. 4 families stepped up to social care."],
            requests: [ReportedRequest(request: request, standing: .open(overdue: false))],
            risks: [ReportedRisk(review: risk, trend: .new, reviewedThisPeriod: true)], finance: [line]
        ))
        let text = files.filter { !$0.path.hasSuffix(".xlsx") }.map(\.text).joined()
        let written = ["4 families stepped up", "3 pupils excluded", "Two children are placed", "One child in a secure placement"]
        let shown = [
            "A small number of families stepped up", "a small number of pupils excluded", "A small number of children are placed",
            "A small number of children in a secure placement",
        ]
        for (raw, redacted) in zip(written, shown) {
            #expect(text.contains(raw) == (audience == .member), "\(raw)")
            #expect(text.contains(redacted) == (audience == .public), "\(redacted)")
        }

        // A published report's pack reads the public's text as the snapshot kept it.
        let kept = try PackRenderer.render(assessment, options: PackOptions(
            commentary: [measure: "Early help closed well. 4 families stepped up to social care."],
            publicText: PublicTextRule(kept: ["Early help closed well. 4 families stepped up to social care.": "Kept on the day."])
        )).filter { !$0.path.hasSuffix(".xlsx") }.map(\.text).joined()
        #expect(kept.contains("Kept on the day.") == (audience == .public))
        #expect(kept.contains("A small number of families stepped up") == false)
    }

    @Test("Amounts are written to the penny from whole pence, below zero too")
    func money() {
        #expect(PackDataCell.money(Money(pence: 123_456_789)).csvField == "1234567.89")
        #expect(PackDataCell.money(Money(pence: -5)).csvField == "-0.05")
        #expect(PackDataCell.money(Money(pence: 100_000_000_000_000_000)).csvField == "1000000000000000.00")
        #expect(PackDataCell.money(Money(pence: -250)).spreadsheetCell == .number(-2.5))
    }

    @Test("Text in the data files that a spreadsheet would run as a formula (a risk titled =HYPERLINK(…)) is written inert in the CSV and as text in the workbook")
    func formulaText() {
        let title = PackDataCell.text("=HYPERLINK(\"http://evil.example/\",\"Open the register\")")
        #expect(title.csvField == "'=HYPERLINK(\"http://evil.example/\",\"Open the register\")")
        #expect(title.spreadsheetCell == .text("=HYPERLINK(\"http://evil.example/\",\"Open the register\")"))
        #expect(PackDataCell.money(Money(pence: -5)).csvField == "-0.05")
    }
}
