/// The four Making Data Count special-cause rules, each applied to one unbroken stretch of points
/// (one rebase group, no missing values) (METHODS.md §9.2; NHSRplotthedots `ptd_calculate_point_type.R`).
/// `XmRChart.analyse` calls these; they are public so a rule can be checked on its own.
public enum XmRSpecialCauseRules {
    /// Points in a run or trend: 7, as in NHSRplotthedots and Making Data Count.
    public static let runLength = 7

    /// Rule 2 window ends: +1 at the last point of each window of 7 consecutive strictly rising values,
    /// −1 for strictly falling, 0 otherwise (so the first 6 points are always 0); an equal neighbour
    /// breaks the trend (PTD `ptd_seven_point_trend`).
    public static func sevenPointTrendEnds(_ values: [Double]) -> [Int] {
        let n = values.count
        var ends = [Int](repeating: 0, count: n)
        guard n >= runLength else { return ends }
        for end in (runLength - 1)..<n {
            let steps = (end - runLength + 2)...end
            if steps.allSatisfy({ values[$0] > values[$0 - 1] }) {
                ends[end] = 1
            } else if steps.allSatisfy({ values[$0] < values[$0 - 1] }) {
                ends[end] = -1
            }
        }
        return ends
    }

    /// Rule 4 window ends: true at the last point of each window of 7 consecutive points with the same
    /// non-zero side of the mean; a point on the mean breaks the run (PTD `ptd_seven_point_one_side_mean`).
    public static func sevenOnOneSideOfMeanEnds(_ sides: [SideOfMean]) -> [Bool] {
        let n = sides.count
        var ends = [Bool](repeating: false, count: n)
        guard n >= runLength else { return ends }
        for end in (runLength - 1)..<n {
            let side = sides[end]
            ends[end] = side != .onMean && ((end - runLength + 1)...end).allSatisfy { sides[$0] == side }
        }
        return ends
    }

    /// Spreads window ends back over their windows: true for a point when it, or one of the 6 points
    /// after it, ends a 7-point window (PTD `ptd_part_of_seven_trend`).
    public static func pointsInSevenPointWindows(ends: [Bool]) -> [Bool] {
        ends.indices.map { i in
            ends[i..<min(i + runLength, ends.count)].contains(true)
        }
    }

    /// Rule 2 (7-point trend): true for every point in some window of 7 consecutive points that are
    /// strictly increasing (6 successive rises) or strictly decreasing; an equal neighbour breaks the trend.
    public static func pointsInSevenPointTrend(_ values: [Double]) -> [Bool] {
        pointsInSevenPointWindows(ends: sevenPointTrendEnds(values).map { $0 != 0 })
    }

    /// Rule 2 with its direction: +1 for a point in a rising trend, −1 falling, 0 not in a trend.
    /// A point's direction is read from the step to its right when the next point is also in a trend
    /// (and that step is not flat), otherwise from the step on its left (METHODS.md §9.2). So the
    /// shared peak of a rise followed by a fall reads as falling, as in NHSRplotthedots.
    public static func trendDirections(_ values: [Double]) -> [Int] {
        let n = values.count
        let inTrend = pointsInSevenPointTrend(values)
        func step(_ from: Int, _ to: Int) -> Int {
            values[to] > values[from] ? 1 : (values[to] < values[from] ? -1 : 0)
        }
        return (0..<n).map { i in
            guard inTrend[i] else { return 0 }
            if i + 1 < n, inTrend[i + 1], step(i, i + 1) != 0 { return step(i, i + 1) }
            return i > 0 ? step(i - 1, i) : step(i, i + 1)
        }
    }

    /// Rule 3 windows: true for every point in some window of 3 consecutive points of which at least
    /// 2 are close to a limit and all 3 are on the same side of the mean (PTD `ptd_two_in_three`).
    public static func pointsInTwoOfThreeWindows(closeToLimits: [Bool], sides: [SideOfMean]) -> [Bool] {
        let n = min(closeToLimits.count, sides.count)
        var inWindow = [Bool](repeating: false, count: n)
        guard n >= 3 else { return inWindow }
        for start in 0...(n - 3) {
            let window = start...(start + 2)
            let closeCount = window.filter { closeToLimits[$0] }.count
            let side = sides[start]
            if closeCount >= 2, side != .onMean, window.allSatisfy({ sides[$0] == side }) {
                for i in window { inWindow[i] = true }
            }
        }
        return inWindow
    }

    /// Rule 3 (2 of 3 close to limits): true for a point that is close to a limit (beyond the near
    /// limit but not outside) and lies in a window of 3 consecutive points of which at least 2 are
    /// close and all 3 are on the same side of the mean. Only the close points are flagged
    /// (PTD `ptd_part_of_two_in_three`).
    public static func pointsInTwoOfThreeCloseToLimits(closeToLimits: [Bool], sides: [SideOfMean]) -> [Bool] {
        zip(pointsInTwoOfThreeWindows(closeToLimits: closeToLimits, sides: sides), closeToLimits).map { $0 && $1 }
    }

    /// Rule 4 (7 points one side of the mean): true for every point in some run of 7 consecutive
    /// points on the same side of the mean; a point exactly on the mean breaks the run.
    public static func pointsInSevenOnOneSideOfMean(_ sides: [SideOfMean]) -> [Bool] {
        pointsInSevenPointWindows(ends: sevenOnOneSideOfMeanEnds(sides))
    }

    /// Every point's special-cause type, taking the first rule that applies: outside limits, 7-point
    /// trend, 2 of 3 close to limits, 7 points one side of the mean, otherwise common cause.
    /// The four arrays describe the same unbroken stretch of points, in time order.
    public static func specialCauseTypes(
        values: [Double],
        sides: [SideOfMean],
        closeToLimits: [Bool],
        outsideLimits: [Bool]
    ) -> [SpecialCauseType] {
        let trend = trendDirections(values)
        let twoOfThree = pointsInTwoOfThreeCloseToLimits(closeToLimits: closeToLimits, sides: sides)
        let run = pointsInSevenOnOneSideOfMean(sides)
        return values.indices.map { i in
            if outsideLimits[i] {
                return sides[i] == .above ? .aboveUpperLimit : .belowLowerLimit
            }
            if trend[i] != 0 {
                return trend[i] > 0 ? .increasingTrend : .decreasingTrend
            }
            if twoOfThree[i] {
                return sides[i] == .above ? .twoOfThreeCloseAboveMean : .twoOfThreeCloseBelowMean
            }
            if run[i] {
                return sides[i] == .above ? .sevenPointsAboveMean : .sevenPointsBelowMean
            }
            return .commonCause
        }
    }
}
