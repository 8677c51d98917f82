import Foundation

/// The 100 plotting points of a funnel limits table, spread geometrically so they sit closer
/// together at small denominators (METHODS.md §6.2; PHE `calculate_funnel_limits` axis logic).
enum FunnelAxis {
    /// How many rows every funnel limits table has.
    static let pointCount = 100

    /// The axis minimum: 0 when the largest denominator is more than twice the smallest, otherwise
    /// the smallest rounded down "neatly" after taking 5% off (PHE `signif.floor`).
    static func minimum(smallest: Double, largest: Double) -> Double {
        largest > 2 * smallest ? 0 : neatFloor(smallest)
    }

    /// The largest denominator plus 5%, rounded up to two significant figures (PHE `signif.ceiling`).
    static func neatCeiling(_ x: Double) -> Double {
        if x == 0 { return 0 }
        let raised = x * 1.05
        let scale = pow(10, Double(digitCount(raised.rounded(.up)) - 2))
        return (raised / scale).rounded(.up) * scale
    }

    /// 95% of the smallest denominator, rounded down to one significant figure (PHE `signif.floor`).
    static func neatFloor(_ x: Double) -> Double {
        if x == 0 { return 0 }
        let lowered = x * 0.95
        let scale = pow(10, Double(digitCount(lowered.rounded(.down)) - 1))
        return (lowered / scale).rounded(.down) * scale
    }

    /// The number of decimal digits of a non-negative whole number (1 for 0).
    ///
    /// PHE counts characters of R's printed number, which prints e.g. 100000 as "1e+05"; that only
    /// happens for numbers ending in zeros, where rounding to fewer figures gives the same result.
    static func digitCount(_ whole: Double) -> Int {
        var digits = 1
        var remaining = whole
        while remaining >= 10 {
            remaining = (remaining / 10).rounded(.down)
            digits += 1
        }
        return digits
    }

    /// The 100 points from max(1, minimum) towards `maximum`: each is the previous times the
    /// remaining geometric step, rounded half to even as R does, and at least one more than the
    /// previous. Proportions and rates reach `maximum` at the last point; ratios use a step one
    /// place further on (PHE's `offset = j − 1`), so their last point falls short of it.
    static func points(minimum: Double, maximum: Double, ratioSpacing: Bool) -> [Double] {
        var points = [max(1, minimum)]
        points.reserveCapacity(pointCount)
        for j in 2...pointCount {
            let offset = ratioSpacing ? j - 1 : j
            let previous = points[j - 2]
            let step = pow(maximum / previous, 1 / Double(101 - offset))
            points.append(max((step * previous).rounded(.toNearestOrEven), previous + 1))
        }
        return points
    }
}
