/// Where a point sits against its group's mean (PTD `relative_to_mean` = sign(y − mean), METHODS.md §9.2).
public enum SideOfMean: Int, Sendable, Hashable, CaseIterable, Codable {
    /// Below the mean (−1).
    case below = -1
    /// Exactly on the mean (0); breaks a run of points on one side.
    case onMean = 0
    /// Above the mean (+1).
    case above = 1

    /// The side of `mean` that `value` is on.
    public init(value: Double, mean: Double) {
        self = value > mean ? .above : (value < mean ? .below : .onMean)
    }
}

/// Which Making Data Count rule, if any, marks a point as special cause, in the order of precedence
/// NHSRplotthedots `ptd_special_cause_type` applies (METHODS.md §9.2).
public enum SpecialCauseType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Rule 1: above the upper process limit.
    case aboveUpperLimit
    /// Rule 1: below the lower process limit.
    case belowLowerLimit
    /// Rule 2: part of 7 consecutive strictly rising points.
    case increasingTrend
    /// Rule 2: part of 7 consecutive strictly falling points.
    case decreasingTrend
    /// Rule 3: a close point in 2 of 3 consecutive points close to the upper limit, all 3 above the mean.
    case twoOfThreeCloseAboveMean
    /// Rule 3: a close point in 2 of 3 consecutive points close to the lower limit, all 3 below the mean.
    case twoOfThreeCloseBelowMean
    /// Rule 4: part of 7 consecutive points above the mean.
    case sevenPointsAboveMean
    /// Rule 4: part of 7 consecutive points below the mean.
    case sevenPointsBelowMean
    /// No rule applies.
    case commonCause

    /// True for every type except common cause (PTD `special_cause_flag`).
    public var isSpecialCause: Bool { self != .commonCause }

    /// +1 when the signal is high or rising, −1 when low or falling, 0 for common cause.
    public var highOrLow: Int {
        switch self {
        case .aboveUpperLimit, .increasingTrend, .twoOfThreeCloseAboveMean, .sevenPointsAboveMean: 1
        case .belowLowerLimit, .decreasingTrend, .twoOfThreeCloseBelowMean, .sevenPointsBelowMean: -1
        case .commonCause: 0
        }
    }

    /// The label NHSRplotthedots gives, e.g. "Above UCL", "7 Point Trend (Increasing)", "Common Cause".
    public var plotTheDotsLabel: String {
        switch self {
        case .aboveUpperLimit: "Above UCL"
        case .belowLowerLimit: "Below LCL"
        case .increasingTrend: "7 Point Trend (Increasing)"
        case .decreasingTrend: "7 Point Trend (Decreasing)"
        case .twoOfThreeCloseAboveMean: "2 in 3 Above CL"
        case .twoOfThreeCloseBelowMean: "2 in 3 Below CL"
        case .sevenPointsAboveMean: "7 Points Above CL"
        case .sevenPointsBelowMean: "7 Points Below CL"
        case .commonCause: "Common Cause"
        }
    }
}

/// A point's Making Data Count colour, from its special-cause type and the improvement direction
/// (PTD `ptd_point_type`, METHODS.md §9.2).
public enum XmRPointType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Grey: common cause variation.
    case commonCause = "common_cause"
    /// Blue: special cause in the improving direction.
    case specialCauseImprovement = "special_cause_improvement"
    /// Orange: special cause in the concerning direction.
    case specialCauseConcern = "special_cause_concern"
    /// Purple: special cause, high or rising, for a measure with no improvement direction.
    case specialCauseNeutralHigh = "special_cause_neutral_high"
    /// Purple: special cause, low or falling, for a measure with no improvement direction.
    case specialCauseNeutralLow = "special_cause_neutral_low"

    /// The point type for `specialCause` when improvement is `direction`: high/rising is improvement
    /// for "increase", concern for "decrease", neutral high for "neutral" (and the reverse for low).
    public init(specialCause: SpecialCauseType, direction: ImprovementDirection) {
        let sign = specialCause.highOrLow
        switch direction {
        case .neutral:
            self = sign > 0 ? .specialCauseNeutralHigh : (sign < 0 ? .specialCauseNeutralLow : .commonCause)
        case .increase, .decrease:
            let oriented = direction == .increase ? sign : -sign
            self = oriented > 0 ? .specialCauseImprovement : (oriented < 0 ? .specialCauseConcern : .commonCause)
        }
    }
}
