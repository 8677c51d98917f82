/// What a measure's direction of travel is worked out against (PRODUCT.md R4).
public enum DirectionBasis: String, Sendable, Hashable, CaseIterable, Codable {
    /// The latest figure against the one before it (the default; LAIT's change from previous).
    case previousPeriod = "previous-period"
    /// The latest figure against the same period a year earlier (for seasonal quarterly or
    /// monthly measures; for an annual measure it is the previous period).
    case samePeriodLastYear = "same-period-last-year"
}

/// How one measure is assessed, beyond what `Measure` says: the choices an analyst makes for the
/// Integrated Performance Report (PRODUCT.md R2–R4). Every field has a default, so a measure with
/// no settings is assessed sensibly.
public struct MeasureAssessmentSettings: Sendable, Hashable, Codable {
    /// The measure these settings are for.
    public var measureCode: String
    /// What the direction of travel compares the latest figure with.
    public var directionBasis: DirectionBasis
    /// For the simple direction method: a change no bigger than this, in the measure's unit
    /// (percentage points for percentages), is "static". nil = 0: only a change that shows as
    /// zero at the measure's decimal places is static.
    public var staticTolerance: Double?
    /// A milestone measure (a strategy approved, a service opened): a value of 1 means completed,
    /// 0 not yet. Completed milestones get the status "completed".
    public var isMilestone: Bool
    /// The kind of target the committee reports against when several apply; nil = the default
    /// order trajectory, local, statutory, national.
    public var reportAgainst: TargetKind?

    /// Settings with Scrutineer's defaults unless stated.
    public init(
        measureCode: String, directionBasis: DirectionBasis = .previousPeriod, staticTolerance: Double? = nil,
        isMilestone: Bool = false, reportAgainst: TargetKind? = nil
    ) {
        self.measureCode = measureCode
        self.directionBasis = directionBasis
        self.staticTolerance = staticTolerance
        self.isMilestone = isMilestone
        self.reportAgainst = reportAgainst
    }

    /// A definition file may leave out any field but `measureCode` (the defaults above).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            measureCode: try container.decode(String.self, forKey: .measureCode),
            directionBasis: try container.decodeIfPresent(DirectionBasis.self, forKey: .directionBasis) ?? .previousPeriod,
            staticTolerance: try container.decodeIfPresent(Double.self, forKey: .staticTolerance),
            isMilestone: try container.decodeIfPresent(Bool.self, forKey: .isMilestone) ?? false,
            reportAgainst: try container.decodeIfPresent(TargetKind.self, forKey: .reportAgainst)
        )
    }
}
