import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerViews

/// Every chart of the pack is a figure with a caption, an SVG with a role, title and text
/// summary, and the table of the numbers it draws; the numbers are the assessment's.
@Suite struct PackChartTests {
    @Test("The trend's summary says in which periods the neighbours' mean is of fewer than all of them, so its dip does not read as a fall (found by exploratory testing)")
    func partialNeighbourMean() throws {
        let pages = try PackPages.of(.member)
        let m = try #require(pages.assessment.measures.first { $0.measure.code == "ReReferral" })
        // lait_kpi_subset_long.csv: of Warwickshire's 2025 neighbours, one has no ReReferral figure for 2024, all ten for 2023 and 2025.
        let summary = PackCharts.trendSummary(m, councilName: "Warwickshire")
        #expect(summary.hasSuffix(" The statistical neighbours' mean is of those with a figure: 9 of the 10 in 2024."), "\(summary)")
        let point = try #require(m.history.first { $0.period.label == "2024" })
        #expect(point.statisticalNeighboursWithFigure == 9 && point.statisticalNeighbourCount == 10)
    }

    @Test("Every chart: a figure with a caption, an SVG image with title and description, and its data table", arguments: [Audience.officer, .public])
    func figures(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        var charts = 0
        for (path, tree) in pages.trees {
            for svg in tree.elements("svg") where tree[svg].attributes["class"] == "chart" {
                charts += 1
                let id = try #require(tree[svg].attributes["id"])
                #expect(tree[svg].attributes["role"] == "img", "\(path): \(id)")
                let labelledBy = (tree[svg].attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
                #expect(labelledBy == ["\(id)-title", "\(id)-desc"], "\(path): \(id)")
                for label in labelledBy {
                    let element = try #require(PackPages.element(tree, id: label), "\(path): no \(label)")
                    #expect(!tree.text(element).isEmpty, "\(path): \(label) is empty")
                }
                // The chart's figure holds its caption and the chart alone (a PDF tags it as one image);
                // its data table follows it in the same group (found by exploratory testing).
                let group = try #require(PackPages.element(tree, id: "\(id)-figure"))
                let figure = try #require(tree.descendants(group).first { tree[$0].name == "figure" }, "\(path): \(id)")
                #expect(tree.descendants(figure).contains { tree[$0].name == "figcaption" && !tree.text($0).isEmpty }, "\(path): \(id)")
                #expect(tree.descendants(figure).contains { $0 == svg }, "\(path): \(id)")
                #expect(!tree.descendants(figure).contains { tree[$0].name == "table" }, "\(path): \(id)'s table is outside its figure")
                #expect(tree.descendants(group).contains { tree[$0].attributes["id"] == "\(id)-table" && tree[$0].name == "table" }, "\(path): \(id) has no data table")
            }
        }
        // 20 trend charts (the milestone-free committee, every measure with history), one SPC chart, on the pages and in print.
        #expect(charts == 2 * (22 + 1))
    }

    @Test("Each trend table holds the assessment's numbers for every period, and the chart draws a marker for each council figure", arguments: [Audience.officer, .public])
    func trendNumbers(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        for m in pages.assessment.measures {
            let tree = try pages.tree(pages.measurePath(m.measure.code))
            let anchor = "m-\(pages.fileNames[m.measure.code] ?? "")"
            let table = try #require(PackPages.element(tree, id: "\(anchor)-trend-chart-table"), "\(m.measure.code)")
            let headers = PackPages.headers(tree, table: table)
            let rows = PackPages.firstLines(tree, table: table)
            #expect(rows.count == m.history.count, "\(m.measure.code)")
            func column(_ name: String) -> Int? { headers.firstIndex(of: name) }
            for (row, point) in zip(rows, m.history) {
                #expect(row[0] == point.period.label)
                let council = switch point.council {
                case let .value(v)?: m.format.number(v)
                case let .suppressed(symbol, _)?: symbol.rawValue
                case nil: "–"
                }
                #expect(row[1] == council, "\(m.measure.code) \(point.period.label)")
                if let i = column("England") { #expect(row[i] == (point.england.map(m.format.number) ?? "–"), "\(m.measure.code) England") }
                if let name = m.benchmarks?.region?.name, let i = column(name) {
                    #expect(row[i] == (point.region.map(m.format.number) ?? "–"), "\(m.measure.code) region")
                }
                if let i = column("Statistical neighbours' mean") {
                    #expect(row[i] == (point.statisticalNeighbourMean.map(m.format.number) ?? "–"), "\(m.measure.code) SN")
                }
            }
            let chart = try #require(PackPages.element(tree, id: "\(anchor)-trend-chart"))
            let council = try #require(tree.descendants(chart).first { tree[$0].attributes["class"] == "series series-primary series-0" })
            let markers = tree.descendants(council).filter { tree[$0].attributes["class"]?.hasPrefix("marker") == true }
            #expect(markers.count == m.history.count { $0.council?.value != nil }, "\(m.measure.code)")
        }
    }

    @Test("The SPC chart's table holds every point, its mean and limits and its type; the chart marks each type by shape")
    func spcNumbers() throws {
        let pages = try PackPages.of(.officer)
        let m = try #require(pages.assessment.measures.first { $0.measure.code == WarwickshireCommittee.earlyHelp })
        let spc = try #require(m.spc)
        let tree = try pages.tree(pages.measurePath(m.measure.code))
        let table = try #require(PackPages.element(tree, id: "m-EH_OUTCOMES-spc-chart-table"))
        // Each month's trajectory target from April 2025, the seventh month charted (`targetsWhereInForce`).
        #expect(PackPages.headers(tree, table: table) == ["Period", "Warwickshire", "Mean", "Lower process limit", "Upper process limit", "Target (as in force each period; 76.5% now)", "Point type"])
        // Each chart's table has a name of its own (WCAG 1.3.1: two tables named alike are not told apart).
        let captions = tree.elements("caption").map { tree.text($0) }
        #expect(captions.contains { $0.hasPrefix("The figures in the statistical process control chart") })
        #expect(captions.contains { $0.hasPrefix("The figures in the trend chart") })
        #expect(Set(captions).count == captions.count, "\(captions)")
        let rows = PackPages.rows(tree, table: table)
        #expect(rows.count == spc.analysis.points.count)
        for (row, point) in zip(rows, spc.analysis.points) {
            #expect(row[0] == point.period)
            #expect(row[1] == point.value.map(m.format.number))
            #expect(row[2] == point.mean.map(m.format.number))
            #expect(row[3] == point.lowerProcessLimit.map(m.format.number))
            #expect(row[4] == point.upperProcessLimit.map(m.format.number))
            #expect(row[6] == point.pointType.map(PackWording.pointType))
        }
        // Improvement points are triangles, concern points diamonds.
        let chart = try #require(PackPages.element(tree, id: "m-EH_OUTCOMES-spc-chart"))
        let markers = tree.descendants(chart).filter { tree[$0].attributes["class"]?.hasPrefix("marker point-") == true }
        #expect(markers.count == spc.analysis.points.count)
        for (marker, point) in zip(markers, spc.analysis.points) {
            let expected = PackCharts.marker(point.pointType)
            #expect(tree[marker].attributes["class"] == "marker \(expected.cssClass)")
            #expect(tree[marker].name == (expected.marker == .circle ? "circle" : expected.marker == .square ? "rect" : "polygon"))
        }
        let text = tree.text(tree.elements("main")[0])
        #expect(text.contains("Variation: \(spc.variationIcon!.words)"))
        #expect(text.contains("Assurance: \(spc.assuranceIcon!.words)"))
        #expect(text.contains("Special cause: improvement") && text.contains("Special cause: concern"))
    }

    @Test("A target is drawn only for the periods it was in force, and at the latest figure, which is judged against it; its name says when it took effect", arguments: [Audience.officer, .public])
    func targetsWhereInForce(audience: Audience) throws {
        let pages = try PackPages.of(audience)
        // Every fixture target takes effect on 1 April 2025 (WarwickshireCommittee.target).
        let from = CalendarDate(iso: "2025-04-01")!

        // Re-referrals: yearly figures to 2024/25 ("2025", ending 31 March 2025), all before the
        // local target of 18%, so only the latest figure has it, drawn as a short level stroke.
        let reReferral = try #require(pages.assessment.measures.first { $0.measure.code == "ReReferral" })
        #expect(reReferral.status.reportedTarget?.target.validFrom == from)
        let tree = try pages.tree(pages.measurePath("ReReferral"))
        let table = try #require(PackPages.element(tree, id: "m-ReReferral-trend-chart-table"))
        let headers = PackPages.headers(tree, table: table)
        let column = try #require(headers.firstIndex(of: "Local target (18%, from 1 Apr 2025)"), "\(headers)")
        let rows = PackPages.firstLines(tree, table: table)
        #expect(rows.count == reReferral.history.count && rows.count > 5)
        #expect(rows.dropLast().allSatisfy { $0[column] == "–" }, "no target before it existed: \(rows.map { $0[column] })")
        #expect(rows.last?[column] == reReferral.format.number(18))
        let chart = try #require(PackPages.element(tree, id: "m-ReReferral-trend-chart"))
        let target = try #require(tree.descendants(chart).first { tree[$0].attributes["class"]?.hasPrefix("series series-target") == true })
        let path = try #require(tree.descendants(target).first { tree[$0].name == "path" }.flatMap { tree[$0].attributes["d"] })
        #expect(path.filter { $0 == "M" }.count == 1 && path.filter { $0 == "L" }.count == 1, "one short stroke: \(path)")

        // Early Help's SPC chart: 18 months from April 2024; each month from April 2025 has its own
        // trajectory target (WarwickshireCommittee.targets), none before.
        let earlyHelp = try #require(pages.assessment.measures.first { $0.measure.code == WarwickshireCommittee.earlyHelp })
        let spc = try #require(earlyHelp.spc)
        let spcTree = try pages.tree(pages.measurePath(earlyHelp.measure.code))
        let spcTable = try #require(PackPages.element(spcTree, id: "m-EH_OUTCOMES-spc-chart-table"))
        let spcRows = PackPages.rows(spcTree, table: spcTable)
        #expect(spcRows.count == spc.analysis.points.count)
        let trajectory = Dictionary(uniqueKeysWithValues: WarwickshireCommittee.targets.compactMap { t in t.periodLabel.map { ($0, t.value) } })
        for (row, point) in zip(spcRows, spc.analysis.points) {
            let inForce = try Period.parse(point.period, yearType: .financial).end >= from
            #expect(row[5] == (inForce ? trajectory[point.period].map(earlyHelp.format.number) : "–"), "\(point.period)")
        }
        #expect(spcRows.filter { $0[5] != "–" }.count == 6)
    }
}
