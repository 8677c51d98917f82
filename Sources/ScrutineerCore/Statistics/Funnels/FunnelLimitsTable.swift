/// One point on a funnel line: the limit and the denominator it belongs to.
public struct FunnelLinePoint: Sendable, Hashable {
    /// Population (proportions, rates per year) or expected events (ratios) at which the limit holds.
    public var denominator: Double
    /// The limit, in the unit the funnel is drawn in (percentage, O/E − 1, ISR × 100, rate per N).
    public var limit: Double

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(denominator: Double, limit: Double) {
        self.denominator = denominator
        self.limit = limit
    }
}

/// One of the 100 plotting rows of a funnel limits table (PHE `calculate_funnel_limits`).
public struct FunnelLimitsRow: Sendable, Hashable {
    /// The value the row was built from: PHE's "Population" (proportions), "Observed_events"
    /// (ratios) or "Events" (rates). For proportions it is also every line point's denominator.
    public var axisValue: Double
    /// The lower 95% funnel (PHE `lower_2s_limit`).
    public var lower95: FunnelLinePoint
    /// The upper 95% funnel (PHE `upper_2s_limit`).
    public var upper95: FunnelLinePoint
    /// The lower 99.8% funnel (PHE `lower_3s_limit`).
    public var lower99_8: FunnelLinePoint
    /// The upper 99.8% funnel (PHE `upper_3s_limit`).
    public var upper99_8: FunnelLinePoint

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(axisValue: Double, lower95: FunnelLinePoint, upper95: FunnelLinePoint, lower99_8: FunnelLinePoint, upper99_8: FunnelLinePoint) {
        self.axisValue = axisValue
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower99_8 = lower99_8
        self.upper99_8 = upper99_8
    }

    /// The lower funnel point at `level`.
    public func lower(_ level: ConfidenceLevel) -> FunnelLinePoint {
        level == .ninetyFive ? lower95 : lower99_8
    }

    /// The upper funnel point at `level`.
    public func upper(_ level: ConfidenceLevel) -> FunnelLinePoint {
        level == .ninetyFive ? upper95 : upper99_8
    }
}

/// How the funnel lines were computed (PHE's `method` column).
public enum FunnelLimitMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Wilson score limits around the pooled proportion.
    case wilson = "Wilson"
    /// Exact Poisson limits (the Poisson funnel) for ratios and rates.
    case poisson = "Poisson"
}

/// The lines of a funnel plot: 100 plotting rows and the baseline (PHE `calculate_funnel_limits`,
/// METHODS.md §6.2).
public struct FunnelLimitsTable: Sendable, Hashable {
    /// Wilson (proportions) or Poisson (ratios and rates).
    public var method: FunnelLimitMethod
    /// The centre line in the funnel's unit: pooled proportion × multiplier, 0 for O/E − 1,
    /// 100 for ISRs, or the weighted average rate × multiplier.
    public var baseline: Double
    /// The 100 plotting rows, in increasing `axisValue`.
    public var rows: [FunnelLimitsRow]

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(method: FunnelLimitMethod, baseline: Double, rows: [FunnelLimitsRow]) {
        self.method = method
        self.baseline = baseline
        self.rows = rows
    }
}
