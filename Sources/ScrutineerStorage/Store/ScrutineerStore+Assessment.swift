import ScrutineerCore

extension ScrutineerStore {
    /// Everything the assessment of a committee reads, from the store: its measures, their
    /// observations for every area, its council's targets for them, the newest statistical-neighbour edition (2025,
    /// else 2021), the areas and the committee's settings.
    public func assessmentIndex(for definition: CommitteeDefinition) async throws -> AssessmentIndex {
        let codes = Set(definition.committee.measureCodes)
        let measures = try await self.measures().filter { codes.contains($0.code) }
        var observations: [Observation] = []
        var targets: [Target] = []
        for code in codes.sorted() {
            observations += try await self.observations(ObservationQuery(measureCode: code))
            targets += try await self.targets(for: code, council: definition.committee.councilAreaCode)
        }
        return AssessmentIndex(
            measures: measures, observations: observations, targets: targets,
            statisticalNeighbours: try await newestStatisticalNeighbours(), areas: try await areas(), settings: definition.settings
        )
    }

    /// The newest snapshot of a committee's report for a period; nil when it was never published.
    public func reportSnapshot(committeeCode: String, periodLabel: String) async throws -> ReportSnapshot? {
        try await reportSnapshot(committeeCode: committeeCode, periodLabel: periodLabel, version: nil)
    }

    /// A committee's report for one period as it stands now, judged as on `today` for every
    /// audience, with its newest commentary, its council's target history, and the committee's
    /// requests, risk register and finance returns: what `publishReport(_:)` keeps (PRODUCT.md R15).
    public func reportSnapshot(of definition: CommitteeDefinition, period: Period, today: CalendarDate, by user: String) async throws -> ReportSnapshot {
        let committee = definition.committee
        let index = try await assessmentIndex(for: definition)
        var targets: [Target] = []
        for code in committee.measureCodes {
            targets += try await self.targets(for: code, council: committee.councilAreaCode)
        }
        let assessments = try CommitteeAssessment.forEveryAudience(index, committee: committee, reportingPeriod: period, today: today)
        return ReportSnapshot(
            committeeCode: committee.code, periodLabel: period.label, takenBy: user, assessments: assessments,
            commentary: try await commentary(committeeCode: committee.code, periodLabel: period.label), targets: targets,
            requests: try await requests(committeeCode: committee.code), risks: try await risks(committeeCode: committee.code),
            finance: try await finance(committeeCode: committee.code),
            comparisons: try await comparisons(of: assessments.first, council: committee.councilAreaCode, period: period)
        )
    }

    /// Each measure of `assessment` compared with the council's neighbours, region and comparator
    /// groups at the period of its latest figure (the reporting period when it has none).
    public func comparisons(of assessment: CommitteeAssessment?, council: String, period: Period) async throws -> [MeasureComparison] {
        guard let assessment else { return [] }
        let areas = try await areas()
        let neighbours = try await newestStatisticalNeighbours()
        let groups = try await comparatorGroups()
        var comparisons: [MeasureComparison] = []
        for measure in assessment.measures {
            let label = (measure.latest?.period ?? period).label
            comparisons.append(MeasureComparison(
                measureCode: measure.measure.code, periodLabel: label, councilAreaCode: council, areas: areas, neighbours: neighbours, groups: groups,
                observations: try await observations(ObservationQuery(measureCode: measure.measure.code, periodLabel: label))
            ))
        }
        return comparisons
    }

    /// The newest edition of the DfE's statistical-neighbour lists: 2025, else 2021.
    public func newestStatisticalNeighbours() async throws -> [StatisticalNeighbours] {
        let newest = try await statisticalNeighbours(edition: "2025")
        return newest.isEmpty ? try await statisticalNeighbours(edition: "2021") : newest
    }

    /// Moves a committee's report for one period to a stage of sign-off; publishing keeps the
    /// report as it stands, judged as on `today` (`reportSnapshot(of:period:today:by:)`).
    public func moveReport(_ definition: CommitteeDefinition, period: Period, to stage: ReportPublication.Stage, by user: String, today: CalendarDate) async throws -> ReportPublication {
        guard stage == .published else {
            return try await setPublication(ReportPublication(committeeCode: definition.committee.code, periodLabel: period.label, stage: stage, changedBy: user))
        }
        return try await publishReport(try await reportSnapshot(of: definition, period: period, today: today, by: user))
    }
}
