import ScrutineerCore
import Testing

/// A measure's SPC chart in its assessment (METHODS.md §9; docs/STATISTICS.md: "moving ranges
/// never cross a gap; a missing point carries its group's limits but no flags").
@Suite struct AssessmentSPCTests {
    @Test("A period published without a figure (LAIT's -) between two figures is a gap in the chart: no moving range crosses it (found by exploratory testing)")
    func gapInTheSeries() throws {
        let values: [Double?] = [20, 14, 18, 12, nil, 19, 13, 17, 22, 15, 16, 21, 14, 18, 15, 22]
        let labels = (2021...2024).flatMap { year in (1...4).map { "\(year)/\(String(year + 1).suffix(2)) Q\($0)" } }
        let observations = try zip(labels, values).map { label, value in
            var observation = try Build.observation("GAP", label, value, published: "2025-05-01")
            if value == nil { observation.statusSymbol = .laitDash }
            return observation
        }
        let m = try #require(try Build.assess([Build.percentage("GAP")], observations, period: "2024/25 Q4", today: "2025-05-20").measures.first)
        let spc = try #require(m.spc)
        #expect(spc.analysis.points.map(\.period) == labels)
        #expect(spc.analysis.points[4].value == nil)
        // The limits of the documented rule: XmRChart given the gap, not the figures run together.
        let options = XmROptions(improvementDirection: .increase)
        let withGap = try XmRChart.analyse(zip(labels, values).map { XmRObservation(period: $0, value: $1) }, options: options)
        let runTogether = try XmRChart.analyse(zip(labels, values).compactMap { label, value in value.map { XmRObservation(period: label, value: $0) } }, options: options)
        let upper = try #require(spc.analysis.points.last?.upperProcessLimit)
        #expect(upper == withGap.points.last?.upperProcessLimit)
        #expect(upper != runTogether.points.last?.upperProcessLimit, "the moving range from 12 to 19 would cross the gap")
        // A period without a figure before the first figure is no gap between figures: the chart starts after it.
        var leading = observations
        leading[4].value = 12
        leading[4].statusSymbol = nil
        leading[0].value = nil
        leading[0].statusSymbol = .laitDash
        let started = try #require(try Build.assess([Build.percentage("GAP")], leading, period: "2024/25 Q4", today: "2025-05-20").measures.first?.spc)
        #expect(started.analysis.points.map(\.period) == Array(labels.dropFirst()))
    }
}
