/// The Making Data Count variation icon: the point type of the latest point, oriented by the
/// improvement direction (METHODS.md §9.3; NHSRplotthedots `geom_ptd_icon.R`). Raw values are the
/// icon file names without ".svg".
public enum VariationIcon: String, Sendable, Hashable, CaseIterable, Codable {
    /// Grey: common cause, no significant change.
    case commonCause = "common_cause"
    /// Blue, high: special cause improvement where higher is better.
    case improvementHigh = "improvement_high"
    /// Blue, low: special cause improvement where lower is better.
    case improvementLow = "improvement_low"
    /// Orange, high: special cause concern where lower is better.
    case concernHigh = "concern_high"
    /// Orange, low: special cause concern where higher is better.
    case concernLow = "concern_low"
    /// Purple, high: special cause with higher values, no improvement direction.
    case neutralHigh = "neutral_high"
    /// Purple, low: special cause with lower values, no improvement direction.
    case neutralLow = "neutral_low"

    /// The icon for the latest point's type when improvement is `direction`.
    public init(latestPointType: XmRPointType, direction: ImprovementDirection) {
        switch latestPointType {
        case .commonCause: self = .commonCause
        case .specialCauseNeutralHigh: self = .neutralHigh
        case .specialCauseNeutralLow: self = .neutralLow
        case .specialCauseImprovement: self = direction == .decrease ? .improvementLow : .improvementHigh
        case .specialCauseConcern: self = direction == .decrease ? .concernHigh : .concernLow
        }
    }

    /// Plain-English words for the icon, as the Making Data Count tool's icon descriptions word them.
    public var words: String {
        switch self {
        case .commonCause:
            "Common cause: no significant change"
        case .improvementHigh:
            "Special cause of improving nature or lower pressure due to higher values"
        case .improvementLow:
            "Special cause of improving nature or lower pressure due to lower values"
        case .concernHigh:
            "Special cause of concerning nature or higher pressure due to higher values"
        case .concernLow:
            "Special cause of concerning nature or higher pressure due to lower values"
        case .neutralHigh:
            "Special cause of neither improving nor concerning nature due to higher values"
        case .neutralLow:
            "Special cause of neither improving nor concerning nature due to lower values"
        }
    }
}

/// The Making Data Count assurance icon: whether the process, as it stands, will meet its target
/// (METHODS.md §9.3; NHSRplotthedots `ptd_calculate_assurance_type`). Raw values are PTD's labels.
public enum AssuranceIcon: String, Sendable, Hashable, CaseIterable, Codable {
    /// The target lies beyond the limits on the good side: every point is expected to pass.
    case consistentPass = "consistent_pass"
    /// The target lies beyond the limits on the bad side: every point is expected to fail.
    case consistentFail = "consistent_fail"
    /// The target lies between the limits: it will be hit and missed.
    case inconsistent

    /// The icon for `target` against the latest limits, or nil when the direction is neutral
    /// (assurance needs a direction): target above the upper limit fails when increase is good and
    /// passes when decrease is good; below the lower limit the reverse; otherwise hit and miss.
    public init?(target: Double, lowerProcessLimit: Double, upperProcessLimit: Double, direction: ImprovementDirection) {
        switch direction {
        case .neutral:
            return nil
        case .increase, .decrease:
            let increase = direction == .increase
            if target > upperProcessLimit {
                self = increase ? .consistentFail : .consistentPass
            } else if target < lowerProcessLimit {
                self = increase ? .consistentPass : .consistentFail
            } else {
                self = .inconsistent
            }
        }
    }

    /// Plain-English words for the icon, as the Making Data Count tool's icon descriptions word them.
    public var words: String {
        switch self {
        case .consistentPass: "Variation indicates consistently passing the target"
        case .consistentFail: "Variation indicates consistently falling short of the target"
        case .inconsistent: "Variation indicates inconsistently passing and falling short of the target (hit and miss)"
        }
    }
}
