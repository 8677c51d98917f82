/// One point of an analysed XmR chart: its group's limits and how the Making Data Count rules read it
/// (METHODS.md §9). Every judgement is nil when the value is missing or its group has no limits.
public struct XmRPointResult: Sendable, Hashable, Codable {
    /// The point's period label.
    public let period: String
    /// The point's value; nil when missing.
    public let value: Double?
    /// Which rebase group (0-based) the point belongs to.
    public let groupIndex: Int
    /// The group's centre line.
    public let mean: Double?
    /// The group's lower process limit.
    public let lowerProcessLimit: Double?
    /// The group's upper process limit.
    public let upperProcessLimit: Double?
    /// The group's lower near limit (2/3 of the way from the mean to the lower limit).
    public let lowerNearLimit: Double?
    /// The group's upper near limit (2/3 of the way from the mean to the upper limit).
    public let upperNearLimit: Double?
    /// True when the group's limits rest on fewer than 13 values.
    public let isTrialLimits: Bool
    /// Above the upper or below the lower process limit (PTD `outside_limits`).
    public let isOutsideLimits: Bool?
    /// Beyond a near limit but not outside the limits (PTD `close_to_limits`).
    public let isCloseToLimits: Bool?
    /// Side of the group's mean (PTD `relative_to_mean`).
    public let sideOfMean: SideOfMean?
    /// The first special-cause rule that applies, or common cause (PTD `special_cause_type`).
    public let specialCause: SpecialCauseType?
    /// The point's colour (PTD `point_type`).
    public let pointType: XmRPointType?

    /// True when a special-cause rule applies (PTD `special_cause_flag`).
    public var isSpecialCause: Bool? { specialCause?.isSpecialCause }
}

/// One rebase group: a run of points sharing one set of limits (METHODS.md §9.1).
public struct XmRGroup: Sendable, Hashable, Codable {
    /// 0-based group number, in time order.
    public let index: Int
    /// Positions (0-based) of the group's points in the series.
    public let positions: Range<Int>
    /// Period label of the group's first point.
    public let firstPeriod: String
    /// Period label of the last point the limits were calculated from.
    public let lastPeriodInLimits: String
    /// The group's mean and limits.
    public let limits: XmRLimits
}

/// An analysed XmR chart: every point, every group's limits, and the two summary icons
/// (METHODS.md §9.3).
public struct XmRAnalysis: Sendable, Hashable, Codable {
    /// Each point in the order given.
    public let points: [XmRPointResult]
    /// Each rebase group in time order.
    public let groups: [XmRGroup]
    /// The variation icon from the last point's type; nil when the last point has no type
    /// (its value is missing, or its group has no limits) or the series is empty.
    public let variationIcon: VariationIcon?
    /// The assurance icon from the target against the last point's limits; nil with no target,
    /// a neutral direction, or no limits.
    public let assuranceIcon: AssuranceIcon?

    /// True when any group's limits are trial limits (fewer than 13 values).
    public var hasTrialLimits: Bool { groups.contains { $0.limits.isTrialLimits } }
}
