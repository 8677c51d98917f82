/// The four Making Data Count special-cause rules, each applied to one unbroken stretch of points
/// (one rebase group, no missing values) (METHODS.md §9.2; NHSRplotthedots `ptd_calculate_point_type.R`).
/// `XmRChart.analyse` calls these; they are public so a rule can be checked on its own.
public enum XmRSpecialCauseRules {
    /// Points in a run or trend: 7, as in NHSRplotthedots and Making Data Count.
    public static let runLength = 7

    /// Rule 2 (7-point trend): true for every point in some window of 7 consecutive points that are
    /// strictly increasing (6 successive rises) or strictly decreasing; an equal neighbour breaks the trend.
    public static func pointsInSevenPointTrend(_ values: [Double]) -> [Bool] {
        trendDirections(values).map { $0 != 0 }
    }

    /// Rule 2 with its direction: +1 for a point in a rising trend, −1 falling, 0 not in a trend.
    /// A point's direction is read from the step to its right when the next point is also in a trend
    /// (and that step is not flat), otherwise from the step on its left (METHODS.md §9.2). So the
    /// shared peak of a rise followed by a fall reads as falling, as in NHSRplotthedots.
    public static func trendDirections(_ values: [Double]) -> [Int] {
        let n = values.count
        var inTrend = [Bool](repeating: false, count: n)
        if n >= runLength {
            for end in (runLength - 1)..<n {
                let start = end - runLength + 1
                var rising = true
                var falling = true
                for i in (start + 1)...end {
                    if !(values[i] > values[i - 1]) { rising = false }
                    if !(values[i] < values[i - 1]) { falling = false }
                }
                if rising || falling {
                    for i in start...end { inTrend[i] = true }
                }
            }
        }
        func step(_ from: Int, _ to: Int) -> Int {
            values[to] > values[from] ? 1 : (values[to] < values[from] ? -1 : 0)
        }
        return (0..<n).map { i in
            guard inTrend[i] else { return 0 }
            if i + 1 < n, inTrend[i + 1], step(i, i + 1) != 0 { return step(i, i + 1) }
            return i > 0 ? step(i - 1, i) : step(i, i + 1)
        }
    }

    /// Rule 3 (2 of 3 close to limits): true for a point that is close to a limit (beyond the near
    /// limit but not outside) and lies in a window of 3 consecutive points of which at least 2 are
    /// close and all 3 are on the same side of the mean. Only the close points are flagged.
    public static func pointsInTwoOfThreeCloseToLimits(closeToLimits: [Bool], sides: [SideOfMean]) -> [Bool] {
        let n = min(closeToLimits.count, sides.count)
        var flagged = [Bool](repeating: false, count: n)
        guard n >= 3 else { return flagged }
        for start in 0...(n - 3) {
            let window = start...(start + 2)
            let closeCount = window.filter { closeToLimits[$0] }.count
            let side = sides[start]
            let sameSide = side != .onMean && window.allSatisfy { sides[$0] == side }
            if closeCount >= 2 && sameSide {
                for i in window where closeToLimits[i] { flagged[i] = true }
            }
        }
        return flagged
    }

    /// Rule 4 (7 points one side of the mean): true for every point in some run of 7 consecutive
    /// points on the same side of the mean; a point exactly on the mean breaks the run.
    public static func pointsInSevenOnOneSideOfMean(_ sides: [SideOfMean]) -> [Bool] {
        let n = sides.count
        var flagged = [Bool](repeating: false, count: n)
        guard n >= runLength else { return flagged }
        for end in (runLength - 1)..<n {
            let start = end - runLength + 1
            let side = sides[end]
            if side != .onMean && (start...end).allSatisfy({ sides[$0] == side }) {
                for i in start...end { flagged[i] = true }
            }
        }
        return flagged
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
