/// Ranks and quartile bands of every local authority for one measure and period.
struct RankTable {
    let bounds: LAITQuartileBounds?
    let byArea: [String: LAITAreaBenchmark]
    let rankedCount: Int
}

/// One assessment request over an index: the reporting period, the day, the audience, and the
/// per-period rank tables shared by every council assessed in it.
struct AssessmentRun {
    let index: AssessmentIndex
    let reportingPeriod: Period
    let today: CalendarDate
    let audience: Audience
    let includeHistory: Bool
    var rankTables: [CellKey: RankTable] = [:]

    init(index: AssessmentIndex, reportingPeriod: Period, today: CalendarDate, audience: Audience, includeHistory: Bool) {
        self.index = index
        self.reportingPeriod = reportingPeriod
        self.today = today
        self.audience = audience
        self.includeHistory = includeHistory
    }

    /// Published by `today` (or with no publication date).
    private func isPublished(_ observation: Observation) -> Bool {
        observation.published.map { $0 <= today } ?? true
    }

    /// Counts for this report: published by `today`, for a period ending by the reporting period's end.
    private func isAvailable(_ observation: Observation) -> Bool {
        observation.period.end <= reportingPeriod.end && isPublished(observation)
    }

    /// The whole assessment of one measure for one council.
    mutating func assess(_ measure: Measure, council: String, theme: String?) -> MeasureAssessment {
        let code = measure.code
        let settings = index.settingsByCode[code] ?? MeasureAssessmentSettings(measureCode: code)
        let format = ValueFormat(measure)
        let policy = DisclosurePolicy.dfe
        let seriesIndices = index.series[SeriesKey(measure: code, area: council)] ?? []

        var latest: Observation?
        for i in seriesIndices.reversed() {
            let observation = index.observations[i]
            if observation.value != nil && isAvailable(observation) { latest = observation; break }
        }
        // The council's figures of the latest's period kind, oldest first, ending with the latest.
        var shown: [Observation] = []
        var comparable: [Observation] = []
        if let latest {
            for i in seriesIndices {
                let observation = index.observations[i]
                guard observation.period.kind == latest.period.kind, observation.period <= latest.period,
                      isAvailable(observation) else { continue }
                shown.append(observation)
                if observation.value != nil { comparable.append(observation) }
            }
        }

        let latestCell = latest.map { policy.cell(for: $0, unit: measure.unit, audience: audience) }
        let withheld = latestCell?.isSuppressed ?? false
        let latestFigure: LatestFigure? = latest.flatMap { observation in
            latestCell.map { cell in
                LatestFigure(
                    period: observation.period, cell: cell,
                    numerator: withheld ? nil : observation.numerator, denominator: withheld ? nil : observation.denominator,
                    interval: withheld ? .none : FigureInterval.of(observation, unit: measure.unit),
                    published: observation.published, nextUpdateDue: observation.nextUpdateDue, source: observation.source,
                    format: format, isMilestone: settings.isMilestone
                )
            }
        }

        let currency = DataCurrency.assess(latest: latest, measure: measure, reportingPeriod: reportingPeriod, today: today)
        let targets = index.targetsByMeasure[code] ?? []
        let status = StatusAssessment.assess(
            latest: latest, shownValue: withheld ? nil : latest?.value, currency: currency, measure: measure,
            settings: settings, targets: targets, reportingPeriod: reportingPeriod
        )
        let direction = DirectionOfTravel.assess(series: comparable, measure: measure, settings: settings, audience: audience)

        var benchmarks: Benchmarks?
        if let latest, !settings.isMilestone {
            benchmarks = self.benchmarks(latest, measure: measure, council: council, withheld: withheld, format: format)
        }

        var spc: SPCSummary?
        if !settings.isMilestone, comparable.count >= SPCSummary.minimumPoints,
           !comparable.contains(where: { policy.cell(for: $0, unit: measure.unit, audience: audience).isSuppressed }) {
            spc = SPCSummary.analyse(comparable, polarity: measure.polarity, target: status.reportedTarget?.target.value, format: format)
        }

        var breakdowns: [BreakdownFigure] = []
        if let latest, let indices = index.breakdownCells[BreakdownKey(measure: code, area: council, period: latest.period.label)] {
            let observations = indices.map { index.observations[$0] }.filter(isPublished)
            breakdowns = BreakdownFigure.figures(observations, unit: measure.unit, audience: audience, format: format)
        }

        var history: [HistoryPoint] = []
        if includeHistory {
            history = shown.map { observation in
                let period = observation.period
                let trajectory = TargetJudgement.targetsInForce(targets, for: period, at: reportingPeriod.end)
                    .first { $0.kind == .trajectory }
                return HistoryPoint(
                    period: period,
                    council: policy.cell(for: observation, unit: measure.unit, audience: audience),
                    england: value(code, Area.englandCode, period.label),
                    region: region(code, council: council, period: period.label)?.value,
                    statisticalNeighbourMean: neighbours(code, council: council, period: period.label)?.mean,
                    trajectoryTarget: trajectory?.value
                )
            }
        }

        return MeasureAssessment(
            measure: measure, settings: settings, theme: theme, councilAreaCode: council, latest: latestFigure,
            currency: currency, status: status, direction: direction, benchmarks: benchmarks, spc: spc,
            breakdowns: breakdowns, history: history
        )
    }

    /// A published figure for `area` in the cell, if any.
    private func value(_ measure: String, _ area: String, _ period: String) -> Double? {
        guard let i = index.cells[CellKey(measure: measure, period: period)]?[area] else { return nil }
        let observation = index.observations[i]
        return isPublished(observation) ? observation.value : nil
    }

    /// The council's region's figure: its own region (Inner or Outer London for a London borough),
    /// falling back to the parent region (London) when that has none (METHODS.md §7.1).
    private func region(_ measure: String, council: String, period: String) -> RegionBenchmark? {
        var chain: [Area] = []
        var next = index.areasByCode[council]?.regionCode
        while let code = next, let area = index.areasByCode[code], chain.count < 3, !chain.contains(area) {
            chain.append(area)
            next = area.regionCode
        }
        guard let own = chain.first else { return nil }
        for area in chain {
            if let figure = value(measure, area.code, period) {
                return RegionBenchmark(areaCode: area.code, name: area.name, value: figure, fellBackFrom: area == own ? nil : own.name)
            }
        }
        return RegionBenchmark(areaCode: own.code, name: own.name, value: nil, fellBackFrom: nil)
    }

    /// The mean of the council's statistical neighbours' figures (LAIT: unweighted, missing ignored).
    private func neighbours(_ measure: String, council: String, period: String) -> NeighbourBenchmark? {
        guard let list = index.neighboursByArea[council] else { return nil }
        let values = list.neighbours.map { value(measure, $0.areaCode, period) }
        return NeighbourBenchmark(
            edition: list.edition, mean: (try? LAITBenchmarking.statisticalNeighbourAverage(values)) ?? nil,
            neighboursWithFigure: values.compactMap { $0 }.count, neighbourCount: list.neighbours.count
        )
    }

    /// Every local authority's rank and band for the cell, worked out once per run.
    private mutating func rankTable(_ cell: CellKey, polarity: Polarity) -> RankTable {
        if let table = rankTables[cell] { return table }
        var entries: [(area: String, value: Double?)] = []
        for (area, i) in index.cells[cell] ?? [:] where index.isLocalAuthority(area) {
            let observation = index.observations[i]
            entries.append((area, isPublished(observation) ? observation.value : nil))
        }
        let table: RankTable
        if let result = try? LAITBenchmarking.rankAndBand(entries, polarity: polarity) {
            table = RankTable(
                bounds: result.bounds,
                byArea: Dictionary(result.areas.map { ($0.area, $0) }, uniquingKeysWith: { first, _ in first }),
                rankedCount: entries.count { $0.value != nil }
            )
        } else {
            table = RankTable(bounds: nil, byArea: [:], rankedCount: 0)
        }
        rankTables[cell] = table
        return table
    }

    /// England, region, neighbours, rank, band and the comparison with England for the council's latest figure.
    private mutating func benchmarks(
        _ latest: Observation, measure: Measure, council: String, withheld: Bool, format: ValueFormat
    ) -> Benchmarks {
        let period = latest.period.label
        let england = value(measure.code, Area.englandCode, period)
        let table = rankTable(CellKey(measure: measure.code, period: period), polarity: measure.polarity)
        let position = withheld ? nil : table.byArea[council]
        return Benchmarks(
            period: latest.period,
            councilName: index.areasByCode[council]?.name ?? council,
            councilValue: withheld ? nil : latest.value,
            england: england,
            region: region(measure.code, council: council, period: period),
            statisticalNeighbours: neighbours(measure.code, council: council, period: period),
            rank: position?.rank, rankedCount: table.rankedCount, band: position?.band, bounds: table.bounds,
            comparison: comparison(latest, england: england, measure: measure, withheld: withheld),
            polarity: measure.polarity, format: format
        )
    }

    /// Better / similar / worse than England by the measure's method and the council's interval.
    private func comparison(_ latest: Observation, england: Double?, measure: Measure, withheld: Bool) -> EnglandComparison {
        let interval = withheld ? FigureInterval.none : FigureInterval.of(latest, unit: measure.unit)
        func notCompared(_ reason: NotComparedReason) -> EnglandComparison {
            EnglandComparison(choice: measure.benchmarkComparison, outcome: .notCompared, notComparedReason: reason, interval: interval)
        }
        let method: BenchmarkMethod
        switch measure.benchmarkComparison {
        case .notCompared: return notCompared(.measureNotCompared)
        case .fingertips95: method = .singleOverlappingCI95
        case .fingertips95And99_8: method = .singleOverlappingCI95And99_8
        }
        if withheld { return notCompared(.withheld) }
        guard let england else { return notCompared(.noEnglandFigure) }
        guard interval.has95 else { return notCompared(.noInterval) }
        let area = ValueWithConfidenceLimits(
            value: latest.value, lower95: interval.lower95, upper95: interval.upper95,
            lower99_8: interval.lower99_8, upper99_8: interval.upper99_8
        )
        guard let outcome = try? BenchmarkComparison.compare(
            area, with: ValueWithConfidenceLimits(value: england), method: method, polarity: measure.polarity
        ) else { return notCompared(.invalidData) }
        if outcome == .notCompared { return notCompared(.noInterval) }
        return EnglandComparison(choice: measure.benchmarkComparison, outcome: outcome, notComparedReason: nil, interval: interval)
    }
}
