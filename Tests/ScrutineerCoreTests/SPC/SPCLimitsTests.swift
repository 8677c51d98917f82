import Testing
import ScrutineerCore

/// Hand-made limit cases: screening default, the collapse case, fixAfterPoints and trial limits
/// (METHODS.md §9.1 and §13.5).
@Suite("SPC XmR limits, screening, fixAfterPoints and trial limits (METHODS.md §9.1)")
struct SPCLimitsTests {
    @Test("Scrutineer's default is not to screen outliers: Making Data Count Excel parity (§13.5)")
    func defaultDoesNotScreen() throws {
        let options = XmROptions(improvementDirection: .increase)
        #expect(options.screenOutliers == false)
        #expect(options.fixAfterPoints == nil && options.rebaseAt.isEmpty && options.target == nil)
        // The deviations vignette series: unscreened UPL 6.95 and LPL −3.06; screened 4.6 and −0.72.
        let values: [Double?] = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
        let unscreened = try XmRChart.analyse(spcSeries(values), options: options).groups[0].limits
        #expect(abs(unscreened.upperProcessLimit! - 6.95) < 0.005)
        #expect(unscreened.screenedOutMovingRangeCount == 0)
        let screened = try XmRChart.analyse(spcSeries(values), options: XmROptions(improvementDirection: .increase, screenOutliers: true)).groups[0].limits
        #expect(abs(screened.upperProcessLimit! - 4.6) < 0.005)
        #expect(screened.screenedOutMovingRangeCount == 2) // |10 − 2| and |1 − 10|
        #expect(screened.movingRangeCount == 17)
    }

    @Test("every moving range screened out: mean moving range 0, limits collapse onto the mean")
    func collapse() throws {
        let screen = XmROptions(improvementDirection: .increase, screenOutliers: true)
        // Constant values: every moving range is 0, and 0 ≥ 3.267 × 0, so all are screened.
        let constant = try XmRChart.analyse(spcSeries([5, 5, 5, 5, 5]), options: screen)
        let limits = constant.groups[0].limits
        #expect(limits.screenedOutMovingRangeCount == 4)
        #expect(limits.averageMovingRange == 0)
        #expect(limits.lowerProcessLimit == 5 && limits.upperProcessLimit == 5)
        #expect(limits.lowerNearLimit == 5 && limits.upperNearLimit == 5)
        #expect(constant.points.allSatisfy { $0.sideOfMean == .onMean && $0.isOutsideLimits == false && $0.specialCause == .commonCause })
        // 1, 1, 1, 1, 2: the one moving range of 1 is screened, the rest are 0, so every point off the mean is outside.
        let spike = try XmRChart.analyse(spcSeries([1, 1, 1, 1, 2]), options: screen)
        #expect(spike.groups[0].limits.averageMovingRange == 0)
        #expect(spike.points[0...3].allSatisfy { $0.specialCause == .belowLowerLimit })
        #expect(spike.points[4].specialCause == .aboveUpperLimit)
        #expect(spike.variationIcon == .improvementHigh)
        // Without screening the same series has limits 1.2 ± 2.66 × 0.25 (0.535 to 1.865): the 1s are inside.
        let unscreened = try XmRChart.analyse(spcSeries([1, 1, 1, 1, 2]), options: XmROptions(improvementDirection: .increase))
        #expect(isClose(unscreened.groups[0].limits.averageMovingRange, 0.25))
        #expect(unscreened.points[0...3].allSatisfy { $0.isOutsideLimits == false })
        #expect(unscreened.points[4].isOutsideLimits == true)
    }

    @Test("fixAfterPoints: limits from the first n points only; later points are judged against them")
    func fixAfter() throws {
        let values: [Double?] = [1, 2, 3, 4, 5, 6, 7, 8]
        let fixed = try XmRChart.analyse(spcSeries(values), options: XmROptions(improvementDirection: .increase, fixAfterPoints: 3))
        let limits = fixed.groups[0].limits
        #expect(limits.mean == 2 && limits.averageMovingRange == 1 && limits.valueCount == 3)
        #expect(fixed.groups[0].lastPeriodInLimits == "3")
        #expect(fixed.points[7].upperProcessLimit == limits.upperProcessLimit)
        #expect(fixed.points[4...7].allSatisfy { $0.isOutsideLimits == true })
        // n larger than the series: every point.
        let all = try XmRChart.analyse(spcSeries(values), options: XmROptions(improvementDirection: .increase, fixAfterPoints: 11))
        #expect(all.groups[0].limits.mean == 4.5 && all.groups[0].limits.valueCount == 8)
        #expect(all.groups[0].lastPeriodInLimits == "8")
        // Any n ≥ 2 is allowed; below 2 there is no moving range.
        #expect(throws: Never.self) { try XmRChart.analyse(spcSeries(values), options: XmROptions(improvementDirection: .increase, fixAfterPoints: 2)) }
        #expect(throws: XmRError.fixAfterPointsTooSmall(1)) {
            try XmRChart.analyse(spcSeries(values), options: XmROptions(improvementDirection: .increase, fixAfterPoints: 1))
        }
        #expect(XmRError.fixAfterPointsTooSmall(1).description.contains("at least 2"))
    }

    @Test("trial limits: flagged when limits rest on fewer than 13 values")
    func trialLimits() throws {
        func analyse(_ count: Int, fixAfter: Int? = nil) throws -> XmRAnalysis {
            let values: [Double?] = (0..<count).map { Double($0 % 3) }
            return try XmRChart.analyse(spcSeries(values), options: XmROptions(improvementDirection: .increase, fixAfterPoints: fixAfter))
        }
        #expect(try analyse(12).groups[0].limits.isTrialLimits)
        #expect(try analyse(12).points.allSatisfy(\.isTrialLimits))
        #expect(try analyse(12).hasTrialLimits)
        #expect(try !analyse(13).groups[0].limits.isTrialLimits)
        #expect(try !analyse(13).hasTrialLimits)
        // A small fixAfterPoints gives trial limits however long the series.
        #expect(try analyse(20, fixAfter: 12).groups[0].limits.isTrialLimits)
        #expect(try !analyse(20, fixAfter: 13).groups[0].limits.isTrialLimits)
    }
}
