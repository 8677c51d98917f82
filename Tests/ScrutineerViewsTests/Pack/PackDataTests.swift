import Foundation
import ScrutineerCore
import ScrutineerFormats
import Testing
import ScrutineerTestSupport
@testable import ScrutineerViews

/// The data behind the pack (`data/*.csv`, `data/pack.xlsx`): every number equals the one the
/// pages show, the workbook holds the same tables with numbers as numbers, and the benchmarks
/// equal an independent computation from the shipped LAIT files.
@Suite struct PackDataTests {
    static func csv(_ pages: PackPages, _ name: String) throws -> CSVTable {
        try CSVReader.table(from: try pages.rendered.file("data/\(name)").data, fileName: name)
    }

    /// The CSV number written as the measure writes it ("40.6 per 10,000"), or `empty` for an empty field.
    static func shown(_ field: String, _ format: ValueFormat, empty: String = "") -> String {
        Double(field).map(format.text) ?? empty
    }

    @Test("summary.csv holds the headline tables' counts, theme by theme")
    func summary() throws {
        let pages = try PackPages.of(.officer)
        let csv = try Self.csv(pages, "summary.csv")
        let index = try pages.tree("index.html")
        let status = PackPages.rows(index, table: try #require(PackPages.element(index, id: "headline-status")))
        let direction = PackPages.rows(index, table: try #require(PackPages.element(index, id: "headline-direction")))
        #expect(csv.records.map(\.fields) == zip(status, direction).map { $0 + $1.dropFirst() })
        #expect(csv.records.count == pages.assessment.themes.count + 1)
    }

    @Test("measures.csv: each measure's latest figure, England, region, neighbours, rank and band as the summary rows show them", arguments: [Audience.officer, .public])
    func measures(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        let rows = try Self.csv(pages, "measures.csv").dictionaries()
        let index = try pages.tree("index.html")
        var htmlRows: [[String]] = []
        for n in pages.assessment.themes.indices {
            htmlRows += PackPages.firstLines(index, table: try #require(PackPages.element(index, id: "theme-\(n + 1)-table")))
        }
        let measures = pages.assessment.measures
        #expect(rows.count == measures.count && htmlRows.count == measures.count)
        for ((row, html), m) in zip(zip(rows, htmlRows), measures) {
            let code = m.measure.code
            #expect(row["Code"] == code && html[0] == m.measure.title)
            #expect((row["Latest symbol"] ?? "").isEmpty ? Self.shown(row["Latest figure"] ?? "", m.format) == html[1] : row["Latest symbol"] == html[1], "\(code) latest")
            guard m.benchmarks != nil else { continue }
            #expect(Self.shown(row["England"] ?? "", m.format, empty: "No figure") == html[4], "\(code) England")
            #expect(Self.shown(row["Region figure"] ?? "", m.format, empty: "No figure") == html[5], "\(code) region")
            #expect(Self.shown(row["Statistical neighbours' mean"] ?? "", m.format, empty: "No figure") == html[6], "\(code) SN mean")
            let rank = row["Rank"] ?? ""
            #expect(rank.isEmpty ? html[7].hasPrefix("Not ranked") : html[7] == "\(rank) of \(row["Local authorities ranked"] ?? "")", "\(code) rank")
            #expect(row["Quartile band"] == m.benchmarks?.band?.rawValue ?? "")
        }
    }

    @Test("trend.csv, spc.csv, targets.csv and breakdowns.csv hold the numbers of each measure page's tables", arguments: [Audience.officer, .public])
    func pageTables(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        let trend = try Self.csv(pages, "trend.csv")
        let spc = try Self.csv(pages, "spc.csv")
        let targets = try Self.csv(pages, "targets.csv")
        let breakdowns = try Self.csv(pages, "breakdowns.csv")
        func ungrouped(_ text: String) -> String { text.replacingOccurrences(of: ",", with: "") }
        var trendAt = 0, spcAt = 0, targetsAt = 0, breakdownsAt = 0
        for m in pages.assessment.measures {
            let tree = try pages.tree(pages.measurePath(m.measure.code))
            let anchor = "m-\(pages.fileNames[m.measure.code] ?? "")"
            if let table = PackPages.element(tree, id: "\(anchor)-trend-chart-table") {
                let headers = PackPages.headers(tree, table: table)
                for html in PackPages.firstLines(tree, table: table) {
                    let row = trend.records[trendAt].fields
                    trendAt += 1
                    #expect(row[0] == m.measure.code && row[2] == html[0])
                    // The council's figure, or its symbol.
                    #expect((row[3].isEmpty ? row[4] : row[3]) == ungrouped(html[1]), "\(m.measure.code) \(html[0])")
                    for (name, column) in [("England", 7), ("Statistical neighbours' mean", 9)] {
                        if let i = headers.firstIndex(of: name) { #expect(row[column] == ungrouped(html[i]).replacingOccurrences(of: "–", with: "")) }
                    }
                }
            }
            if let table = PackPages.element(tree, id: "\(anchor)-spc-chart-table") {
                for html in PackPages.rows(tree, table: table) {
                    let row = spc.records[spcAt].fields
                    spcAt += 1
                    // A blank (the target before it took effect) is a dash on the page.
                    #expect(Array(row[2...8]) == html.map { ungrouped($0) == "–" ? "" : ungrouped($0) })
                }
            }
            if let table = PackPages.element(tree, id: "\(anchor)-targets") {
                for html in PackPages.rows(tree, table: table) {
                    let row = targets.records[targetsAt].fields
                    targetsAt += 1
                    #expect(html[0].hasPrefix(row[2]))
                    #expect(Double(row[3]).map(m.format.trimmedText) == html[1] || m.status.isMilestone)
                }
            }
            if let table = PackPages.element(tree, id: "\(anchor)-breakdowns-table") {
                for html in PackPages.firstLines(tree, table: table) {
                    let row = breakdowns.records[breakdownsAt].fields
                    breakdownsAt += 1
                    #expect(row[3] == html[0])
                    #expect((row[4].isEmpty ? row[5] : Self.shown(row[4], m.format)) == html[1])
                }
            }
        }
        #expect(trendAt == trend.records.count && trendAt > 150)
        #expect(spcAt == spc.records.count && spcAt == 18)
        #expect(targetsAt == targets.records.count && targetsAt == 5)
        #expect(breakdownsAt == breakdowns.records.count && breakdownsAt == 7)
    }

    @Test("pack.xlsx has one sheet per CSV file holding the same rows, numbers as numbers", arguments: [Audience.officer, .public])
    func workbook(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        let workbook = try XLSXWorkbook(data: try pages.rendered.file("data/pack.xlsx").data, fileName: "pack.xlsx")
        #expect(workbook.sheetNames == ["Summary", "Measures", "Targets", "Trend", "SPC", "Breakdowns"])
        var numbers = 0
        for (sheetName, file) in zip(workbook.sheetNames, ["summary", "measures", "targets", "trend", "spc", "breakdowns"]) {
            let csv = try Self.csv(pages, "\(file).csv")
            let sheet = try workbook.sheet(named: sheetName)
            let rows = [csv.header] + csv.records.map(\.fields)
            #expect(sheet.rows.count == rows.count, "\(sheetName)")
            for (r, fields) in rows.enumerated() {
                for (c, field) in fields.enumerated() {
                    let cell = sheet.cell(row: r + 1, column: c)
                    switch cell {
                    case let .number(value):
                        numbers += 1
                        #expect(Double(field) == value, "\(sheetName) row \(r + 1) column \(c + 1)")
                    case let .text(text):
                        // Only labels (a period such as "2025") may look like numbers and be text.
                        let isLabel = r == 0 || ["Period", "Latest period", "Compared period", "Applies to"].contains(csv.header[c])
                        #expect(text == field && (isLabel || Double(field) == nil), "\(sheetName) row \(r + 1) column \(c + 1): \(text) is text")
                    case .empty:
                        #expect(field.isEmpty, "\(sheetName) row \(r + 1) column \(c + 1)")
                    default:
                        Issue.record("\(sheetName) row \(r + 1) column \(c + 1): unexpected \(cell)")
                    }
                }
            }
        }
        #expect(numbers > 1000)
    }

    @Test("The benchmarks in measures.csv equal an independent computation from the shipped LAIT files")
    func independentBenchmarks() throws {
        let pages = try PackPages.of(.officer)
        let script = SharedFiles.repositoryRoot.appendingPathComponent("Tests/ScrutineerCoreTests/Assessment/Fixtures/independent_assess.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, SharedFiles.data("").path, WarwickshireCommittee.council]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = Dictionary(try CSVReader.table(from: data, fileName: "independent_assess.py").dictionaries().map { ($0["measure"] ?? "", $0) },
                                  uniquingKeysWith: { a, _ in a })
        let rows = try Self.csv(pages, "measures.csv").dictionaries()
        var compared = 0
        for (row, m) in zip(rows, pages.assessment.measures) where m.measure.source == "DfE LAIT" {
            let want = try #require(expected[m.measure.code], "\(m.measure.code): the script printed no row")
            // The pack reports the latest figure up to the reporting period; the script the latest of all.
            guard want["period"] == row["Latest period"] else { continue }
            compared += 1
            func rounded(_ column: String) -> String { Double(want[column] ?? "").map { (try? DfERounding.formatted($0, decimalPlaces: m.format.decimalPlaces)) ?? "" } ?? "" }
            #expect(row["Latest figure"] == rounded("value"), "\(m.measure.code) value")
            #expect(row["England"] == rounded("england"), "\(m.measure.code) England")
            #expect(row["Region figure"] == rounded("region"), "\(m.measure.code) region")
            #expect(row["Statistical neighbours' mean"] == rounded("sn_mean"), "\(m.measure.code) SN mean")
            #expect(row["Neighbours with a figure"] == want["sn_with_value"], "\(m.measure.code) SNs with a figure")
            #expect(row["Local authorities ranked"] == want["ranked"], "\(m.measure.code) LAs ranked")
            if m.measure.polarity != .noJudgement {
                #expect(row["Rank"] == want["rank"], "\(m.measure.code) rank")
                #expect(row["Quartile band"] == want["band"], "\(m.measure.code) band")
            }
        }
        #expect(compared >= 18, "only \(compared) of the 20 LAIT measures had the script's period")
    }
}
