import Foundation
import Testing
@testable import ScrutineerViews

@Suite("SVG line charts")
struct LineChartTests {
    static let chart = LineChart(
        id: "rereferrals",
        title: "Re-referrals within 12 months, Warwickshire <2025>",
        summary: "Re-referrals fell from 24.1% in 2021 to 19.9% in 2025; England was 22.6% in 2025.",
        categories: ["2021", "2022", "2023", "2024", "2025"],
        series: [
            ChartSeries(name: "Warwickshire", values: [24.1, 22.0, nil, 20.5, 19.9], style: .primary),
            ChartSeries(name: "England", values: [22.7, 21.5, 22.4, 22.4, 22.6], style: .england),
            ChartSeries(name: "Target", values: [20, 20, 20, 20, 20], style: .target),
        ],
        unitLabel: "%"
    )

    @Test("the SVG has a role, a title and a text summary, with text escaped")
    func accessibleText() {
        let svg = Self.chart.svg
        #expect(svg.hasPrefix(#"<svg class="chart" id="rereferrals""#))
        #expect(svg.contains(#"role="img" aria-labelledby="rereferrals-title rereferrals-desc""#))
        #expect(svg.contains("<title id=\"rereferrals-title\">Re-referrals within 12 months, Warwickshire &lt;2025&gt;</title>"))
        #expect(svg.contains("<desc id=\"rereferrals-desc\">Re-referrals fell"))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test("the data table rounds a half away from zero, as the text beside the chart does (found by exploratory testing: £1.25m read 1.2 beside £1.3m)")
    func halvesRoundAway() {
        var chart = Self.chart
        chart.decimalPlaces = 1
        #expect(chart.label(1.25) == "1.3")
        #expect(chart.label(-102.25) == "-102.3")
        chart.decimalPlaces = 0
        #expect(chart.label(-102.5) == "-103")
        #expect(chart.label(0.5) == "1")
    }

    @Test("a missing value breaks the line into two pieces and draws no marker there")
    func gaps() throws {
        let svg = Self.chart.svg
        let start = try #require(svg.range(of: #"<g class="series series-primary series-0">"#))
        let end = try #require(svg[start.upperBound...].range(of: "</g>"))
        let group = svg[start.upperBound..<end.lowerBound]
        let path = try #require(group.range(of: #"d=""#))
        let d = group[path.upperBound...].prefix { $0 != "\"" }
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(d.filter { $0 == "L" }.count == 2)
        #expect(group.components(separatedBy: "<circle").count - 1 == 4)
    }

    @Test("a point alone in a series drawn without markers (a target in force only at the latest figure) is a short level stroke within the plot")
    func isolatedPoint() throws {
        var chart = Self.chart
        chart.series[2] = ChartSeries(name: "Target", values: [nil, 20, nil, nil, 21], style: .target)
        let svg = chart.svg
        let start = try #require(svg.range(of: #"<g class="series series-target series-2">"#))
        let group = svg[start.upperBound...].prefix { $0 != ">" }
        let d = try #require(group.range(of: #"d=""#).map { group[$0.upperBound...].prefix { $0 != "\"" } })
        let points = d.split(whereSeparator: { $0 == "M" || $0 == "L" }).map { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(points.count == 4, "two strokes of two ends: \(d)")
        #expect(points[0][1] == points[1][1] && points[0][0] < points[1][0], "level, left to right: \(d)")
        #expect(points[3][0] <= LineChart.width - 20, "the latest's stroke ends within the plot: \(d)")
    }

    @Test("every series is told apart by pattern and marker, not colour alone, and named in the legend")
    func notColourAlone() {
        let svg = Self.chart.svg
        #expect(svg.contains(#"stroke-dasharray="2 3""#)) // England dotted
        #expect(svg.contains(#"stroke-dasharray="8 4""#)) // target dashed
        #expect(svg.contains("<rect class=\"marker\"")) // England squares
        for name in ["Warwickshire", "England", "Target"] {
            #expect(svg.contains(">\(name)</text>"), "legend names \(name)")
        }
    }

    @Test("the data table holds the same numbers, with a dash for a gap")
    func table() {
        let table = Self.chart.table
        #expect(table.header == ["Period", "Warwickshire", "England", "Target"])
        #expect(table.rows[2] == ["2023", "–", "22.4", "20.0"])
        #expect(table.rows.count == 5)
    }

    @Test("value axis ticks are round numbers that cover the data")
    func scale() {
        let scale = ChartScale(covering: [19.9, 24.1])
        #expect(scale.ticks.first! <= 19.9 && scale.ticks.last! >= 24.1)
        #expect(ChartScale(covering: [3, 87]).ticks == [0, 25, 50, 75, 100])
    }
}
