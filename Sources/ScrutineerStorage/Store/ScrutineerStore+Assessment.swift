import ScrutineerCore

extension ScrutineerStore {
    /// Everything the assessment of a committee reads, from the store: its measures, their
    /// observations for every area, its council's targets for them, the newest statistical-neighbour edition held, the
    /// areas and the committee's settings.
    public func assessmentIndex(for definition: CommitteeDefinition) async throws -> AssessmentIndex {
        try await assessmentInputs(for: definition).index
    }

    /// What the assessment of a committee reads, each read once: a publication also keeps the
    /// targets and compares the observations.
    private func assessmentInputs(for definition: CommitteeDefinition) async throws -> AssessmentInputs {
        let codes = Set(definition.committee.measureCodes)
        var inputs = AssessmentInputs(
            definition: definition, measures: try await self.measures().filter { codes.contains($0.code) },
            neighbours: try await newestStatisticalNeighbours(), areas: try await areas()
        )
        for code in codes.sorted() {
            let current = try await self.observations(ObservationQuery(measureCode: code))
            inputs.observations[code] = current
            inputs.earlierPublications[code] = Self.earlierPublications(try await observationHistory(ObservationQuery(measureCode: code)), current: current)
            inputs.targets[code] = try await self.targets(for: code, council: definition.committee.councilAreaCode)
        }
        return inputs
    }

    /// The versions a cell's figure had before it was corrected or revised, each dated so the
    /// assessment shows it as on a day before the next version was published (a report as on an
    /// earlier day shows the figure as it then stood). A version is left out where it would wrongly
    /// outrank a later one: it was published after the version that replaced it, or the later
    /// version carries no publication date.
    static func earlierPublications(_ history: [SupersededObservation], current: [Observation]) -> [Observation] {
        let now = Dictionary(current.map { ($0.key, $0.published) }, uniquingKeysWith: { a, _ in a })
        var byCell: [ObservationKey: [Observation]] = [:]
        var cells: [ObservationKey] = []
        for version in history {
            if byCell[version.observation.key] == nil { cells.append(version.observation.key) }
            byCell[version.observation.key, default: []].append(version.observation)
        }
        var kept: [Observation] = []
        // In the history's order, so the index is built the same way every time.
        for key in cells {
            let versions = byCell[key] ?? []
            // Each cell's versions oldest first, then the one that stands now.
            guard let standing = now[key] else { continue }
            var next = standing
            var chain: [Observation] = []
            for version in versions.reversed() {
                guard let published = version.published, let nextPublished = next, published <= nextPublished else { break }
                chain.append(version)
                next = version.published
            }
            kept += chain.reversed()
        }
        return kept
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
        let inputs = try await assessmentInputs(for: definition)
        let assessments = try CommitteeAssessment.forEveryAudience(inputs.index, committee: committee, reportingPeriod: period, today: today)
        // Each measure compared with the council's neighbours, region and comparator groups at the
        // period of its latest figure, from the observations the assessment read.
        let groups = try await comparatorGroups()
        let successions = try await areaSuccessions()
        let comparisons = (assessments.first?.measures ?? []).map { measure in
            MeasureComparison(
                measureCode: measure.measure.code, periodLabel: MeasureComparison.period(of: measure, reportingPeriod: period).label,
                councilAreaCode: committee.councilAreaCode, areas: inputs.areas, neighbours: inputs.neighbours, groups: groups,
                observations: inputs.observations[measure.measure.code] ?? [], successions: successions
            )
        }
        return ReportSnapshot(
            committeeCode: committee.code, periodLabel: period.label, takenBy: user, assessments: assessments,
            commentary: try await commentary(committeeCode: committee.code, periodLabel: period.label),
            targets: committee.measureCodes.flatMap { inputs.targets[$0] ?? [] },
            requests: try await requests(committeeCode: committee.code), risks: try await risks(committeeCode: committee.code),
            finance: try await finance(committeeCode: committee.code), comparisons: comparisons
        )
    }

    /// The newest edition of the DfE's statistical-neighbour lists the database holds (editions are
    /// years: 2021, 2025, and any DfE publishes later).
    public func newestStatisticalNeighbours() async throws -> [StatisticalNeighbours] {
        guard let newest = try await statisticalNeighbourEditions().max(by: { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }) else { return [] }
        return try await statisticalNeighbours(edition: newest)
    }

    /// Moves a committee's report for one period to a stage of sign-off; publishing keeps the
    /// report as it stands, judged as on `today` (`reportSnapshot(of:period:today:by:)`).
    public func moveReport(_ definition: CommitteeDefinition, period: Period, to stage: ReportPublication.Stage, by user: String, today: CalendarDate) async throws -> ReportPublication {
        // A report of a quarter to come has nothing to sign off, and would open the public site.
        guard period.start <= today else {
            throw StoreError.reportingPeriodNotBegun(committee: definition.committee.code, period: period.label, today: today.iso)
        }
        guard stage == .published else {
            return try await setPublication(ReportPublication(committeeCode: definition.committee.code, periodLabel: period.label, stage: stage, changedBy: user))
        }
        return try await publishReport(try await reportSnapshot(of: definition, period: period, today: today, by: user))
    }
}

/// What the assessment of a committee reads from the store, by measure code.
private struct AssessmentInputs {
    let definition: CommitteeDefinition
    let measures: [Measure]
    let neighbours: [StatisticalNeighbours]
    let areas: [Area]
    /// The figures as they stand now.
    var observations: [String: [Observation]] = [:]
    /// The versions figures had before they were replaced (`earlierPublications`).
    var earlierPublications: [String: [Observation]] = [:]
    var targets: [String: [Target]] = [:]

    /// The index the assessment reads, with each measure's observations (earlier versions first, so
    /// that of two versions published the same day the later stands) and targets in order of code.
    var index: AssessmentIndex {
        let codes = observations.keys.sorted()
        return AssessmentIndex(
            measures: measures, observations: codes.flatMap { (earlierPublications[$0] ?? []) + (observations[$0] ?? []) }, targets: codes.flatMap { targets[$0] ?? [] },
            statisticalNeighbours: neighbours, areas: areas, settings: definition.settings
        )
    }
}
