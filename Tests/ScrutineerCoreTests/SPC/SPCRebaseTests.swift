import Testing
import ScrutineerCore

/// Rebasing: a recorded human decision starting a new group with its own limits; rules never cross a
/// rebase (METHODS.md §9.1, §13.5; NHSRplotthedots rebase groups).
@Suite("SPC rebasing (METHODS.md §9.1, §13.5)")
struct SPCRebaseTests {
    /// 1, 2, ... ten times then 11, 12, ... ten times.
    let stepChange: [Double?] = (0..<10).map { Double(1 + $0 % 2) } + (0..<10).map { Double(11 + $0 % 2) }

    @Test("each group has its own limits; by index or by period label alike")
    func ownLimits() throws {
        let byIndex = try XmRChart.analyse(spcSeries(stepChange), options: XmROptions(improvementDirection: .increase, rebaseAt: [.index(10)]))
        let byPeriod = try XmRChart.analyse(spcSeries(stepChange), options: XmROptions(improvementDirection: .increase, rebaseAt: [.period("11")]))
        #expect(byIndex == byPeriod)
        #expect(byIndex.groups.count == 2)
        #expect(byIndex.groups[0].positions == 0..<10 && byIndex.groups[1].positions == 10..<20)
        #expect(byIndex.groups[1].firstPeriod == "11")
        #expect(byIndex.groups[0].limits.mean == 1.5 && byIndex.groups[1].limits.mean == 11.5)
        #expect(byIndex.points[9].groupIndex == 0 && byIndex.points[10].groupIndex == 1)
        #expect(byIndex.points[12].mean == 11.5)
        #expect(byIndex.points.allSatisfy { $0.specialCause == .commonCause })
        // Without the rebase, the step change is special cause.
        let single = try XmRChart.analyse(spcSeries(stepChange), options: XmROptions(improvementDirection: .increase))
        #expect(single.groups.count == 1)
        #expect(single.points.contains { $0.isSpecialCause == true })
    }

    @Test("rules do not run across a rebase")
    func rulesStayInGroup() throws {
        // Group A: limits from 0, 2, ... (mean 1); it ends 2, 1.5 × 5 (six above). Group B: 2, 0, ... (mean 1)
        // starts with 2 (above). Seven above across the boundary, but not within a group.
        let groupA: [Double?] = [0, 2, 0, 2, 0, 2, 0, 2, 1.5, 1.5, 1.5, 1.5, 1.5]
        let groupB: [Double?] = [2, 0, 2, 0, 2, 0, 2, 0]
        let together = try XmRChart.analyse(spcSeries(groupA + groupB), options: XmROptions(improvementDirection: .increase, fixAfterPoints: 8))
        #expect(together.points[7...13].allSatisfy { $0.specialCause == .sevenPointsAboveMean })
        let rebased = try XmRChart.analyse(
            spcSeries(groupA + groupB),
            options: XmROptions(improvementDirection: .increase, fixAfterPoints: 8, rebaseAt: [.index(13)])
        )
        #expect(rebased.groups[1].limits.mean == 1)
        #expect(rebased.points.allSatisfy { $0.specialCause == .commonCause })
    }

    @Test("fixAfterPoints applies within each group")
    func fixAfterPerGroup() throws {
        let rebased = try XmRChart.analyse(
            spcSeries(stepChange),
            options: XmROptions(improvementDirection: .increase, fixAfterPoints: 4, rebaseAt: [.index(10)])
        )
        #expect(rebased.groups[1].limits.valueCount == 4)
        #expect(rebased.groups[1].lastPeriodInLimits == "14")
    }

    @Test("a rebase at the first point changes nothing; repeated rebase points are one")
    func redundantRebase() throws {
        let plain = try XmRChart.analyse(spcSeries(stepChange), options: XmROptions(improvementDirection: .increase))
        let atZero = try XmRChart.analyse(spcSeries(stepChange), options: XmROptions(improvementDirection: .increase, rebaseAt: [.index(0)]))
        #expect(plain.points == atZero.points && plain.groups == atZero.groups)
        let repeated = try XmRChart.analyse(
            spcSeries(stepChange),
            options: XmROptions(improvementDirection: .increase, rebaseAt: [.period("15"), .index(10), .index(10), .period("11")])
        )
        #expect(repeated.groups.map(\.positions) == [0..<10, 10..<14, 14..<20])
    }

    @Test("a rebase point must name a point in the series; period labels must be unique")
    func invalidRebase() {
        let options = { (rebase: XmRRebasePoint) in XmROptions(improvementDirection: .increase, rebaseAt: [rebase]) }
        #expect(throws: XmRError.rebaseIndexOutOfRange(index: 20, pointCount: 20)) {
            try XmRChart.analyse(spcSeries(stepChange), options: options(.index(20)))
        }
        #expect(throws: XmRError.rebaseIndexOutOfRange(index: -1, pointCount: 20)) {
            try XmRChart.analyse(spcSeries(stepChange), options: options(.index(-1)))
        }
        #expect(throws: XmRError.rebasePeriodNotFound("2031-01")) {
            try XmRChart.analyse(spcSeries(stepChange), options: options(.period("2031-01")))
        }
        let duplicated = [XmRObservation(period: "2024", value: 1), XmRObservation(period: "2024", value: 2)]
        #expect(throws: XmRError.duplicatePeriod("2024")) {
            try XmRChart.analyse(duplicated, options: XmROptions(improvementDirection: .increase))
        }
        #expect(XmRError.rebasePeriodNotFound("2031-01").description.contains("2031-01"))
    }

    @Test("an empty series gives an empty analysis")
    func empty() throws {
        let analysis = try XmRChart.analyse([], options: XmROptions(improvementDirection: .increase, target: 1))
        #expect(analysis.points.isEmpty && analysis.groups.isEmpty)
        #expect(analysis.variationIcon == nil && analysis.assuranceIcon == nil)
    }
}
