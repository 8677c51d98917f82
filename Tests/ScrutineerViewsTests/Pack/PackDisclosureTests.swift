import Foundation
import ScrutineerCore
import ScrutineerFormats
import Testing
@testable import ScrutineerViews

/// The public pack never shows a suppressed count or anything derived from one, and says why a
/// cell is blank (PRODUCT.md R8, METHODS.md §13.7); officers and members see every figure.
@Suite struct PackDisclosureTests {
    /// The breakdown rows of the exclusions page: breakdown, figure lines as text.
    static func breakdownRows(_ pages: PackPages) throws -> [String: String] {
        let tree = try pages.tree(pages.measurePath(WarwickshireCommittee.exclusions))
        let table = try #require(PackPages.element(tree, id: "m-PermEx_SEND-breakdowns-table"))
        return Dictionary(uniqueKeysWithValues: PackPages.rows(tree, table: table).map { ($0[0], $0[1]) })
    }

    @Test("Officers see the small breakdown counts")
    func officerSeesCounts() throws {
        let rows = try Self.breakdownRows(try PackPages.of(.officer))
        #expect(rows["Sex: Female"] == "3")
        #expect(rows["Sex: Male"] == "14")
        #expect(rows["District: Stratford-on-Avon"] == "1")
        let csv = try CSVReader.table(from: try PackPages.of(.officer).rendered.file("data/breakdowns.csv").data, fileName: "breakdowns.csv")
        #expect(csv.dictionaries().first { $0["Breakdown"] == "Sex: Female" }?["Figure"] == "3")
    }

    @Test("The public page shows c and why instead of a small count, and of the count that would reveal it")
    func publicPageHidesCounts() throws {
        let rows = try Self.breakdownRows(try PackPages.of(.public))
        #expect(rows["Sex: Female"] == "c Blank: withheld so that no one can be identified: a small number or a figure from which one could be worked out")
        #expect(rows["Sex: Male"] == "c Blank: withheld so that no one can be identified: a small number or a figure from which one could be worked out")
        #expect(rows["District: Stratford-on-Avon"] == "c Blank: withheld so that no one can be identified: a small number or a figure from which one could be worked out")
        #expect(rows["District: Nuneaton and Bedworth"] == "6")
        for (breakdown, figure) in rows where figure.hasPrefix("c") {
            let hasDigit = figure.contains { $0.isNumber }
            #expect(!hasDigit, "\(breakdown): \(figure)")
        }
    }

    @Test("The public data files leave a withheld figure blank, with its symbol and why", arguments: ["breakdowns.csv"])
    func publicDataHidesCounts(file: String) throws {
        let pages = try PackPages.of(.public)
        let csv = try CSVReader.table(from: try pages.rendered.file("data/\(file)").data, fileName: file).dictionaries()
        let female = try #require(csv.first { $0["Breakdown"] == "Sex: Female" })
        #expect(female["Figure"] == "" && female["Symbol"] == "c" && female["Why blank"] == "withheld so that no one can be identified: a small number or a figure from which one could be worked out")
        for row in csv where row["Symbol"] == "c" { #expect(row["Figure"] == "", "\(row["Breakdown"] ?? "")") }
        let workbook = try XLSXWorkbook(data: try pages.rendered.file("data/pack.xlsx").data, fileName: "pack.xlsx")
        let sheet = try workbook.sheet(named: "Breakdowns")
        for row in sheet.rows.dropFirst() where row[5] == .text("c") {
            #expect(row[4] == .empty, "row \(row.number)")
        }
    }

    @Test("No public page holds a breakdown count of 1 to 5 in a figure cell")
    func noSmallCountAnywhere() throws {
        let pages = try PackPages.of(.public)
        for (path, tree) in pages.trees {
            for table in tree.elements("table") where (tree[table].attributes["id"] ?? "").hasSuffix("-breakdowns-table") {
                for row in PackPages.firstLines(tree, table: table) {
                    #expect(!["1", "2", "3", "4", "5"].contains(row[1]), "\(path): \(row)")
                }
            }
        }
    }

    @Test("A withheld latest figure: the summary row, the page, the chart's table and the data show c and why, never the count")
    func withheldLatestFigure() throws {
        let code = WarwickshireCommittee.exclusions
        let measure = WarwickshireCommittee.localMeasures[1]
        let observations = try WarwickshireCommittee.localObservations()
            .filter { $0.measureCode == code && $0.breakdown.isTotal }
            .map { observation -> Observation in
                var changed = observation
                if observation.period.label == "2025/26 Q2" { changed.value = 4 }
                return changed
            }
        let committee = Committee(
            code: "T", name: "Test committee", councilAreaCode: WarwickshireCommittee.council,
            themes: [CommitteeTheme(name: "Education", measureCodes: [code])]
        )
        let assessment = try AssessmentData(
            committee: committee, reportingPeriod: try WarwickshireCommittee.reportingPeriod, today: WarwickshireCommittee.today,
            audience: .public, measures: [measure], observations: observations, settings: WarwickshireCommittee.settings
        ).assess()
        #expect(assessment.measures[0].latest?.cell == .suppressed(symbol: .confidential, reason: .smallCount))
        let files = try PackRenderer.render(assessment)
        func file(_ path: String) throws -> PackFile { try #require(files.first { $0.path == path }) }

        let index = try HTMLTree(try file("index.html").text, name: "index.html")
        let themeTable = try #require(PackPages.element(index, id: "theme-1-table"))
        let row = try #require(PackPages.rows(index, table: themeTable).first)
        #expect(row[1].hasPrefix("c Blank: withheld so that no one can be identified: a small number or a figure from which one could be worked out"))
        #expect(!row.joined(separator: " ").contains("4"), "\(row)")
        let page = try HTMLTree(try file("measures/\(code).html").text, name: code)
        let trendTable = try #require(PackPages.element(page, id: "m-\(code)-trend-chart-table"))
        let trend = PackPages.rows(page, table: trendTable)
        #expect(trend.last?[1] == "c Blank: withheld so that no one can be identified: a small number or a figure from which one could be worked out")
        let main = page.text(page.elements("main")[0])
        #expect(main.contains("Latest figure c Blank: withheld so that no one can be identified: a small number or a figure from which one could be worked out"))
        #expect(!main.contains(" 4 ") && !main.contains("to 4 ") && !main.contains("+8") && !main.contains("-5"), "nothing derived from the withheld 4")

        let measures = try CSVReader.table(from: try file("data/measures.csv").data, fileName: "measures.csv").dictionaries()
        #expect(measures[0]["Latest figure"] == "" && measures[0]["Latest symbol"] == "c" && measures[0]["Change"] == "" && measures[0]["Rank"] == "")
        let trendCSV = try CSVReader.table(from: try file("data/trend.csv").data, fileName: "trend.csv").records.map(\.fields)
        #expect(trendCSV.last.map { Array($0[3...4]) } == ["", "c"])
    }
}
