/// Which kind of target (PRODUCT.md R3): several can apply to one measure at once.
public enum TargetKind: String, Sendable, Hashable, CaseIterable, Codable {
    case local, national, statutory
    /// A value for one period on the way to a goal ("trajectory through the year").
    case trajectory
}

/// One version of a target. Changing a target adds a version; earlier versions are kept.
public struct Target: Sendable, Hashable, Codable {
    public var measureCode: String
    /// The council whose target this is (its ONS area code): one measure can have a different
    /// local target in every council a shared database serves. Every stored target has one; a
    /// committee definition may leave it out, as its targets are its own council's. nil here means
    /// a target for whichever council is assessed.
    public var councilAreaCode: String?
    public var kind: TargetKind
    /// The value to meet, in the measure's unit.
    public var value: Double
    /// How far short still counts as amber, in the measure's unit (percentage points for
    /// percentages); nil = no amber band.
    public var tolerance: Double?
    /// For a trajectory, the period label this value applies to.
    public var periodLabel: String?
    public var validFrom: CalendarDate
    /// nil while in force.
    public var validTo: CalendarDate?
    public var setBy: String
    public var setOn: CalendarDate
    public var reason: String
    /// The decision that approved it (a committee minute, a delegated decision reference).
    public var decision: String?
    /// 1 for the first version of this council's target for this measure, of this kind (and
    /// period), then 2, 3…
    public var version: Int

    public init(
        measureCode: String, councilAreaCode: String? = nil, kind: TargetKind, value: Double, tolerance: Double? = nil,
        periodLabel: String? = nil, validFrom: CalendarDate, validTo: CalendarDate? = nil, setBy: String, setOn: CalendarDate, reason: String,
        decision: String? = nil, version: Int = 1
    ) {
        self.measureCode = measureCode
        self.councilAreaCode = councilAreaCode
        self.kind = kind
        self.value = value
        self.tolerance = tolerance
        self.periodLabel = periodLabel
        self.validFrom = validFrom
        self.validTo = validTo
        self.setBy = setBy
        self.setOn = setOn
        self.reason = reason
        self.decision = decision
        self.version = version
    }

    /// A definition file may leave out `version` (the store numbers versions as it records them),
    /// and the fields that may be blank: `councilAreaCode`, `tolerance`, `periodLabel`, `validTo`,
    /// `decision`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            measureCode: try container.decode(String.self, forKey: .measureCode),
            councilAreaCode: try container.decodeIfPresent(String.self, forKey: .councilAreaCode),
            kind: try container.decode(TargetKind.self, forKey: .kind), value: try container.decode(Double.self, forKey: .value),
            tolerance: try container.decodeIfPresent(Double.self, forKey: .tolerance),
            periodLabel: try container.decodeIfPresent(String.self, forKey: .periodLabel),
            validFrom: try container.decode(CalendarDate.self, forKey: .validFrom), validTo: try container.decodeIfPresent(CalendarDate.self, forKey: .validTo),
            setBy: try container.decode(String.self, forKey: .setBy), setOn: try container.decode(CalendarDate.self, forKey: .setOn),
            reason: try container.decode(String.self, forKey: .reason), decision: try container.decodeIfPresent(String.self, forKey: .decision),
            version: try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        )
    }
}

extension Target {
    /// What a figure is judged against: the target, and the edges of its tolerance, so that a
    /// sentence can write a figure to the places that part it from them (`ValueFormat.apart`).
    public var edges: [Double] {
        [value] + (tolerance.map { $0 > 0 ? [value - $0, value + $0] : [] } ?? [])
    }

    /// This version as the public sees it when the council's reports have been published through
    /// `limit` (the last day of the newest period reported): nil when it takes effect after `limit`
    /// (a target agreed for next year is a draft until a report uses it), and its end left out
    /// when that is on or after `limit`, as it would give away the day the unseen version starts:
    /// a version ending on the last day reported (30 September, the next from 1 October, as
    /// targets change at quarters) tells the next one's first day as plainly as a later end.
    public func seenPublicly(through limit: CalendarDate) -> Target? {
        guard validFrom <= limit else { return nil }
        var seen = self
        if let end = validTo, end >= limit { seen.validTo = nil }
        return seen
    }
}
