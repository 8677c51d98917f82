import Testing
import ScrutineerCore

/// The special-cause rules and their precedence (METHODS.md §9.2; NHSRplotthedots
/// `ptd_special_cause_type`). Hand-made cases.
@Suite("SPC special-cause rules (METHODS.md §9.2)")
struct SPCRuleTests {
    // MARK: Rule 1, outside limits

    @Test("rule 1: above the upper limit and below the lower limit")
    func outsideLimits() throws {
        let analysis = try spcAnalyseAfterBase([7, -5])
        #expect(analysis.points[10].isOutsideLimits == true)
        #expect(analysis.points[10].specialCause == .aboveUpperLimit)
        #expect(analysis.points[10].pointType == .specialCauseImprovement)
        #expect(analysis.points[11].specialCause == .belowLowerLimit)
        #expect(analysis.points[11].pointType == .specialCauseConcern)
        // A point just inside the limit is close, not outside.
        let inside = try spcAnalyseAfterBase([6.3])
        #expect(inside.points[10].isOutsideLimits == false)
        #expect(inside.points[10].isCloseToLimits == true)
    }

    // MARK: Rule 2, 7-point trend

    @Test("rule 2: seven strictly rising or falling points are all flagged; six are not")
    func sevenPointTrend() {
        #expect(XmRSpecialCauseRules.pointsInSevenPointTrend([1, 2, 3, 4, 5, 6, 7]) == Array(repeating: true, count: 7))
        #expect(XmRSpecialCauseRules.trendDirections([1, 2, 3, 4, 5, 6, 7]) == Array(repeating: 1, count: 7))
        #expect(XmRSpecialCauseRules.trendDirections([7, 6, 5, 4, 3, 2, 1]) == Array(repeating: -1, count: 7))
        #expect(XmRSpecialCauseRules.pointsInSevenPointTrend([1, 2, 3, 4, 5, 6]) == Array(repeating: false, count: 6))
        #expect(XmRSpecialCauseRules.pointsInSevenPointTrend([2, 1, 2, 3, 4, 5, 6, 7, 3])
                == [false, true, true, true, true, true, true, true, false])
    }

    @Test("rule 2: an equal neighbour breaks the trend")
    func equalNeighbourBreaksTrend() {
        #expect(XmRSpecialCauseRules.pointsInSevenPointTrend([1, 2, 3, 4, 4, 5, 6, 7, 8]) == Array(repeating: false, count: 9))
        #expect(XmRSpecialCauseRules.pointsInSevenPointTrend([1, 2, 3, 4, 5, 6, 7, 7])
                == [true, true, true, true, true, true, true, false])
        #expect(XmRSpecialCauseRules.pointsInSevenPointTrend([7, 6, 5, 5, 4, 3, 2, 1]) == Array(repeating: false, count: 8))
    }

    @Test("rule 2: direction is read from the step to the right when the next point is in a trend, else from the left")
    func trendDirectionReading() {
        // A rise then a fall sharing the peak: the peak reads as falling (its right step), as in NHSRplotthedots.
        #expect(XmRSpecialCauseRules.trendDirections([1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1])
                == [1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1])
        // A rise to 7, a repeated 7, then a fall: the flat step is not a direction, so the first 7
        // reads from its left (rising) and the second from its right (falling).
        #expect(XmRSpecialCauseRules.trendDirections([1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1])
                == [1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1])
    }

    // MARK: Rule 3, 2 of 3 close to limits

    @Test("rule 3: two of three close on the same side flags only the close points")
    func twoOfThree() {
        let above = [SideOfMean](repeating: .above, count: 3)
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: [true, false, true], sides: above) == [true, false, true])
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: [true, true, false], sides: above) == [true, true, false])
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: [true, true, true], sides: above) == [true, true, true])
        // Close points more than one apart are not in one window of three.
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: [true, false, false, true], sides: above + [.above])
                == [false, false, false, false])
        // One close point is not enough.
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: [true, false, false], sides: above) == [false, false, false])
    }

    @Test("rule 3: all three points must be on the same side of the mean")
    func twoOfThreeNeedsOneSide() {
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: [true, false, true], sides: [.above, .below, .above])
                == [false, false, false])
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: [true, true, false], sides: [.above, .above, .onMean])
                == [false, false, false])
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: [true, false, true], sides: [.below, .below, .below])
                == [true, false, true])
    }

    @Test("rule 3 in a chart: close points are beyond the near limit but inside the limits")
    func twoOfThreeInChart() throws {
        // Limits 1 ± 5.32, near limits 1 ± 3.5467: 5 is close, 3 is not, 7 would be outside.
        let analysis = try spcAnalyseAfterBase([5, 3, 5, 0])
        #expect(analysis.points[10].isCloseToLimits == true)
        #expect(analysis.points[11].isCloseToLimits == false)
        #expect(analysis.points[10].specialCause == .twoOfThreeCloseAboveMean)
        #expect(analysis.points[11].specialCause == .commonCause)
        #expect(analysis.points[12].specialCause == .twoOfThreeCloseAboveMean)
        // Two close points below, but each window of three holds a point above the mean (2 before, 2 after).
        let mixed = try spcAnalyseAfterBase([-3, -3, 2])
        #expect(mixed.points[10].isCloseToLimits == true && mixed.points[11].isCloseToLimits == true)
        #expect(mixed.points.allSatisfy { $0.specialCause == .commonCause })
        let below = try spcAnalyseAfterBase([-3, -3, -1])
        #expect(below.points[10].specialCause == .twoOfThreeCloseBelowMean)
        #expect(below.points[11].specialCause == .twoOfThreeCloseBelowMean)
        #expect(below.points[10].pointType == .specialCauseConcern)
    }

    // MARK: Rule 4, 7 points one side of the mean

    @Test("rule 4: seven points on one side are all flagged; six are not")
    func sevenOneSide() {
        #expect(XmRSpecialCauseRules.pointsInSevenOnOneSideOfMean(Array(repeating: .above, count: 7)) == Array(repeating: true, count: 7))
        #expect(XmRSpecialCauseRules.pointsInSevenOnOneSideOfMean(Array(repeating: .below, count: 8) + [.above])
                == Array(repeating: true, count: 8) + [false])
        #expect(XmRSpecialCauseRules.pointsInSevenOnOneSideOfMean(Array(repeating: .above, count: 6) + [.below])
                == Array(repeating: false, count: 7))
    }

    @Test("rule 4: a point exactly on the mean breaks the run, and points on the mean never make one")
    func onTheMeanBreaksRun() throws {
        let broken: [SideOfMean] = [.above, .above, .above, .onMean, .above, .above, .above]
        #expect(XmRSpecialCauseRules.pointsInSevenOnOneSideOfMean(broken) == Array(repeating: false, count: 7))
        #expect(XmRSpecialCauseRules.pointsInSevenOnOneSideOfMean(Array(repeating: .onMean, count: 7)) == Array(repeating: false, count: 7))
        // In a chart (mean 1): 2 then six 1.5s is seven above the mean; a 1 among them breaks the run.
        let run = try spcAnalyseAfterBase([1.5, 1.5, 1.5, 1.5, 1.5, 1.5])
        #expect(run.points[9...15].allSatisfy { $0.specialCause == .sevenPointsAboveMean })
        #expect(run.points[15].pointType == .specialCauseImprovement)
        let onMean = try spcAnalyseAfterBase([1.5, 1.5, 1.5, 1, 1.5, 1.5, 1.5])
        #expect(onMean.points[13].sideOfMean == .onMean)
        #expect(onMean.points.allSatisfy { $0.specialCause == .commonCause })
    }

    // MARK: Precedence

    @Test("precedence: outside limits, then trend, then 2 of 3, then run")
    func precedenceInChart() throws {
        // 0, 2, 3, 4, 5, 6, 7 rise (positions 8–14); 7 is outside; 5 and 6 are close and, with 4,
        // on one side of the mean, so rule 3 would also apply, but the trend comes first.
        let trend = try spcAnalyseAfterBase([3, 4, 5, 6, 7])
        #expect(trend.points[14].specialCause == .aboveUpperLimit)
        #expect(trend.points[8...13].allSatisfy { $0.specialCause == .increasingTrend })
        #expect(trend.points[12].isCloseToLimits == true && trend.points[13].isCloseToLimits == true)
        #expect(trend.points[8].sideOfMean == .below) // a trend point below the mean is still in the trend
        #expect(trend.points[0...7].allSatisfy { $0.specialCause == .commonCause })

        // Positions 9–16 are all above the mean (rule 4); 5 at 11 and 13 are 2 of 3 close (rule 3 wins there).
        let run = try spcAnalyseAfterBase([3, 5, 3, 5, 3, 3.5, 3])
        #expect(run.points[11].specialCause == .twoOfThreeCloseAboveMean)
        #expect(run.points[13].specialCause == .twoOfThreeCloseAboveMean)
        for i in [9, 10, 12, 14, 15, 16] {
            #expect(run.points[i].specialCause == .sevenPointsAboveMean, "position \(i)")
        }
        #expect(run.points[8].specialCause == .commonCause)
    }

    @Test("precedence on flags alone: each rule outranks the ones after it")
    func precedenceOnFlags() {
        // Seven rising points, all above the mean, two close, the last outside.
        let types = XmRSpecialCauseRules.specialCauseTypes(
            values: [1, 2, 3, 4, 5, 6, 7],
            sides: Array(repeating: .above, count: 7),
            closeToLimits: [false, false, false, false, true, true, false],
            outsideLimits: [false, false, false, false, false, false, true]
        )
        #expect(types == Array(repeating: .increasingTrend, count: 6) + [.aboveUpperLimit])
        let noTrend = XmRSpecialCauseRules.specialCauseTypes(
            values: [1, 2, 1, 2, 1, 2, 1],
            sides: Array(repeating: .above, count: 7),
            closeToLimits: [false, false, false, false, true, true, false],
            outsideLimits: [false, false, false, false, false, false, false]
        )
        #expect(noTrend == Array(repeating: .sevenPointsAboveMean, count: 4) + [.twoOfThreeCloseAboveMean, .twoOfThreeCloseAboveMean, .sevenPointsAboveMean])
    }

    // MARK: Point type

    @Test("point type follows the improvement direction")
    func pointTypes() {
        #expect(XmRPointType(specialCause: .aboveUpperLimit, direction: .increase) == .specialCauseImprovement)
        #expect(XmRPointType(specialCause: .aboveUpperLimit, direction: .decrease) == .specialCauseConcern)
        #expect(XmRPointType(specialCause: .aboveUpperLimit, direction: .neutral) == .specialCauseNeutralHigh)
        #expect(XmRPointType(specialCause: .decreasingTrend, direction: .increase) == .specialCauseConcern)
        #expect(XmRPointType(specialCause: .decreasingTrend, direction: .decrease) == .specialCauseImprovement)
        #expect(XmRPointType(specialCause: .sevenPointsBelowMean, direction: .neutral) == .specialCauseNeutralLow)
        #expect(XmRPointType(specialCause: .twoOfThreeCloseAboveMean, direction: .increase) == .specialCauseImprovement)
        for direction in ImprovementDirection.allCases {
            #expect(XmRPointType(specialCause: .commonCause, direction: direction) == .commonCause)
        }
        #expect(ImprovementDirection(polarity: .highIsGood) == .increase)
        #expect(ImprovementDirection(polarity: .lowIsGood) == .decrease)
        #expect(ImprovementDirection(polarity: .noJudgement) == .neutral)
    }
}

/// The window-level rule functions behind the per-point flags (METHODS.md §9.2), in the shapes
/// NHSRplotthedots' and nhspy-plotthedots' rule functions use. Hand-made cases.
@Suite("SPC rule windows (METHODS.md §9.2)")
struct SPCRuleWindowTests {
    @Test("trend window ends mark the 7th point of each rising or falling window")
    func trendEnds() {
        #expect(XmRSpecialCauseRules.sevenPointTrendEnds([]) == [])
        #expect(XmRSpecialCauseRules.sevenPointTrendEnds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 1])
        #expect(XmRSpecialCauseRules.sevenPointTrendEnds([2, 7, 6, 5, 4, 3, 2, 1, 3]) == [0, 0, 0, 0, 0, 0, 0, -1, 0])
        #expect(XmRSpecialCauseRules.sevenPointTrendEnds([1, 2, 3, 3, 4, 5, 6]) == [0, 0, 0, 0, 0, 0, 0])
    }

    @Test("one-side window ends need a non-zero side")
    func oneSideEnds() {
        #expect(XmRSpecialCauseRules.sevenOnOneSideOfMeanEnds(Array(repeating: .above, count: 8) + [.below])
                == [false, false, false, false, false, false, true, true, false])
        #expect(XmRSpecialCauseRules.sevenOnOneSideOfMeanEnds(Array(repeating: .onMean, count: 7)) == Array(repeating: false, count: 7))
    }

    @Test("window ends spread back over the 7 points of their window")
    func spread() {
        let ends = [false, false, false, false, false, false, false, true, false]
        #expect(XmRSpecialCauseRules.pointsInSevenPointWindows(ends: ends) == [false] + Array(repeating: true, count: 7) + [false])
    }

    @Test("2-of-3 windows include the point that is not close; the rule flags only the close ones")
    func twoOfThreeWindows() {
        let close = [false, false, true, false, true, false, false]
        let sides = [SideOfMean](repeating: .above, count: 7)
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeWindows(closeToLimits: close, sides: sides)
                == [false, false, true, true, true, false, false])
        #expect(XmRSpecialCauseRules.pointsInTwoOfThreeCloseToLimits(closeToLimits: close, sides: sides) == close)
    }
}
