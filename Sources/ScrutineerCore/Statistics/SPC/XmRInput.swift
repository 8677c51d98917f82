/// One point of a series for an XmR chart: its period label and its value (nil when missing).
/// METHODS.md §9; the series is given in time order.
public struct XmRObservation: Sendable, Hashable, Codable {
    /// The period the value belongs to, as the analyst labels it (e.g. "2024-04" or "Q1 2024/25").
    public var period: String
    /// The value for the period; nil when it is missing (see `XmRChart` for how gaps are handled).
    public var value: Double?

    /// A point with its period label and value.
    public init(period: String, value: Double?) {
        self.period = period
        self.value = value
    }
}

/// Where a recorded human decision to rebase the chart starts a new set of limits (METHODS.md §13.5:
/// rebasing only as a recorded decision, never automatic; NHSRplotthedots `ptd_rebase`).
public enum XmRRebasePoint: Sendable, Hashable, Codable {
    /// The new limits start at this 0-based position in the series.
    case index(Int)
    /// The new limits start at the point with this period label.
    case period(String)
}

/// The choices an analyst makes for an XmR chart (METHODS.md §9 and §13.5).
public struct XmROptions: Sendable, Hashable, Codable {
    /// Which way is improvement; decides improvement/concern colours and the icons.
    public var improvementDirection: ImprovementDirection
    /// The target for the assurance icon; nil for no target (then no assurance icon).
    public var target: Double?
    /// Drop moving ranges at or above 3.267 × the mean moving range before setting the limits
    /// (NHSRplotthedots default). Scrutineer's default is false: Making Data Count Excel parity (§13.5).
    public var screenOutliers: Bool
    /// Calculate each group's limits from its first n points only (n ≥ 2); nil uses every point.
    public var fixAfterPoints: Int?
    /// Where new groups of limits start (recorded rebasing decisions).
    public var rebaseAt: [XmRRebasePoint]

    /// Options with Scrutineer's defaults: no target, no outlier screening, limits over all points, no rebasing.
    public init(
        improvementDirection: ImprovementDirection,
        target: Double? = nil,
        screenOutliers: Bool = false,
        fixAfterPoints: Int? = nil,
        rebaseAt: [XmRRebasePoint] = []
    ) {
        self.improvementDirection = improvementDirection
        self.target = target
        self.screenOutliers = screenOutliers
        self.fixAfterPoints = fixAfterPoints
        self.rebaseAt = rebaseAt
    }
}
