/// Everything one committee's assessment needs, gathered by the caller from storage: the assessment
/// itself is a pure function of this (ARCHITECTURE.md: the core never calls storage).
public struct AssessmentData: Sendable {
    /// The committee: its council, themes and measures.
    public var committee: Committee
    /// The period reported on, e.g. `2023/24 Q4` (`Period.parse("2023/24 Q4", yearType: .financial)`).
    public var reportingPeriod: Period
    /// The day the report is prepared: decides what counts as published and what is stale.
    public var today: CalendarDate
    /// Who will read it.
    public var audience: Audience
    /// At least every measure of the committee.
    public var measures: [Measure]
    /// The council's series, England, the regions and every local authority for the measures
    /// (every LA's value is needed for ranks and quartile bands), with any breakdowns.
    public var observations: [Observation]
    /// Every version of every target for the measures (the council is judged against its own,
    /// and against those that name no council).
    public var targets: [Target]
    /// One edition of the statistical-neighbour lists (at least the council's).
    public var statisticalNeighbours: [StatisticalNeighbours]
    /// The areas: at least the council (for its region), England and the regions.
    public var areas: [Area]
    /// Assessment choices per measure; a measure without an entry gets the defaults.
    public var settings: [MeasureAssessmentSettings]

    /// A bundle; `areas` defaults to England and the regions only.
    public init(
        committee: Committee, reportingPeriod: Period, today: CalendarDate, audience: Audience,
        measures: [Measure], observations: [Observation], targets: [Target] = [],
        statisticalNeighbours: [StatisticalNeighbours] = [], areas: [Area] = Area.englandAndRegions,
        settings: [MeasureAssessmentSettings] = []
    ) {
        self.committee = committee
        self.reportingPeriod = reportingPeriod
        self.today = today
        self.audience = audience
        self.measures = measures
        self.observations = observations
        self.targets = targets
        self.statisticalNeighbours = statisticalNeighbours
        self.areas = areas
        self.settings = settings
    }

    /// Assesses the committee: builds an `AssessmentIndex` and asks it (build the index yourself
    /// to assess several committees or councils from the same data).
    public func assess() throws(AssessmentError) -> CommitteeAssessment {
        try AssessmentIndex(
            measures: measures, observations: observations, targets: targets,
            statisticalNeighbours: statisticalNeighbours, areas: areas, settings: settings
        ).assess(committee: committee, reportingPeriod: reportingPeriod, today: today, audience: audience)
    }
}

/// Why an assessment could not be made: the request names something the data do not hold.
public enum AssessmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A committee or request names a measure that is not among the measures given.
    case unknownMeasure(String)
    /// A committee lists the same measure twice.
    case duplicateMeasure(String)

    public var description: String {
        switch self {
        case let .unknownMeasure(code):
            "unknown measure \"\(code)\": the committee lists it but the data hold no such measure (expected one of the measures given)"
        case let .duplicateMeasure(code):
            "measure \"\(code)\" appears more than once in the committee (expected each measure once)"
        }
    }
}
