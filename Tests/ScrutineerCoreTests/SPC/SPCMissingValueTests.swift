import Testing
import ScrutineerCore

/// Missing values (nil): left out of the mean, never bridged by a moving range, no judgement, and
/// a gap breaks runs and trends. NHSRplotthedots propagates NA/NaN (METHODS.md §9.1); Scrutineer
/// must not leak NaN.
@Suite("SPC missing values (METHODS.md §9.1)")
struct SPCMissingValueTests {
    @Test("a missing value is left out of the mean and no moving range crosses it")
    func leftOut() throws {
        let analysis = try XmRChart.analyse(spcSeries([1, nil, 3, 4]), options: XmROptions(improvementDirection: .increase))
        let limits = analysis.groups[0].limits
        #expect(isClose(limits.mean, 8.0 / 3.0))
        #expect(limits.valueCount == 3)
        #expect(limits.movingRangeCount == 1) // only |4 − 3|
        #expect(limits.averageMovingRange == 1)
        let gap = analysis.points[1]
        #expect(gap.value == nil && gap.mean == limits.mean && gap.upperProcessLimit == limits.upperProcessLimit)
        #expect(gap.isOutsideLimits == nil && gap.isCloseToLimits == nil && gap.sideOfMean == nil)
        #expect(gap.specialCause == nil && gap.pointType == nil && gap.isSpecialCause == nil)
        #expect(analysis.points[3].pointType == .commonCause)
    }

    @Test("all values missing: everything nil, never NaN")
    func allMissing() throws {
        let analysis = try XmRChart.analyse(spcSeries([nil, nil]), options: XmROptions(improvementDirection: .increase, target: 1))
        let limits = analysis.groups[0].limits
        #expect(limits.mean == nil && limits.averageMovingRange == nil)
        #expect(limits.lowerProcessLimit == nil && limits.upperProcessLimit == nil)
        #expect(limits.lowerNearLimit == nil && limits.upperNearLimit == nil)
        #expect(analysis.points.allSatisfy { $0.pointType == nil && $0.mean == nil })
        #expect(analysis.variationIcon == nil && analysis.assuranceIcon == nil)
    }

    @Test("one value: a mean but no moving range, so no limits and no judgement")
    func oneValue() throws {
        let analysis = try XmRChart.analyse(spcSeries([4]), options: XmROptions(improvementDirection: .increase, target: 1))
        #expect(analysis.groups[0].limits.mean == 4)
        #expect(analysis.groups[0].limits.upperProcessLimit == nil)
        #expect(analysis.points[0].sideOfMean == .onMean)
        #expect(analysis.points[0].pointType == nil && analysis.variationIcon == nil && analysis.assuranceIcon == nil)
    }

    @Test("a gap breaks a run of points on one side of the mean")
    func gapBreaksRun() throws {
        let unbroken = try spcAnalyseAfterBase([1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5])
        #expect(unbroken.points[9...16].allSatisfy { $0.specialCause == .sevenPointsAboveMean })
        let gapped = try spcAnalyseAfterBase([1.5, 1.5, 1.5, nil, 1.5, 1.5, 1.5])
        #expect(gapped.points.allSatisfy { $0.specialCause == nil || $0.specialCause == .commonCause })
        #expect(gapped.points[13].specialCause == nil)
    }

    @Test("a gap breaks a trend")
    func gapBreaksTrend() throws {
        let options = XmROptions(improvementDirection: .increase)
        let unbroken = try XmRChart.analyse(spcSeries([1, 2, 3, 4, 5, 6, 7]), options: options)
        #expect(unbroken.points.allSatisfy { $0.specialCause == .increasingTrend || $0.specialCause == .aboveUpperLimit || $0.specialCause == .belowLowerLimit })
        let gapped = try XmRChart.analyse(spcSeries([1, 2, 3, nil, 4, 5, 6, 7]), options: options)
        #expect(!gapped.points.contains { $0.specialCause == .increasingTrend })
    }

    @Test("the latest value missing: no variation icon, but the assurance icon uses the group's limits")
    func latestMissing() throws {
        let analysis = try XmRChart.analyse(
            spcSeries(spcAlternatingBase + [nil]),
            options: XmROptions(improvementDirection: .increase, target: 10)
        )
        #expect(analysis.variationIcon == nil)
        #expect(analysis.assuranceIcon == .consistentFail)
    }

    @Test("non-finite values are rejected; nil is how a value is missing")
    func nonFinite() {
        #expect(throws: XmRError.valueNotFinite(period: "2")) {
            try XmRChart.analyse(spcSeries([1, .nan, 3]), options: XmROptions(improvementDirection: .increase))
        }
        #expect(throws: XmRError.valueNotFinite(period: "1")) {
            try XmRChart.analyse(spcSeries([.infinity]), options: XmROptions(improvementDirection: .increase))
        }
        #expect(throws: XmRError.targetNotFinite) {
            try XmRChart.analyse(spcSeries([1, 2]), options: XmROptions(improvementDirection: .increase, target: .nan))
        }
        #expect(XmRError.valueNotFinite(period: "2").description.contains("missing"))
    }
}
