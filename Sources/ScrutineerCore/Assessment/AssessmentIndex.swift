/// A measure's figures for one area.
struct SeriesKey: Hashable, Sendable {
    let measure: String
    let area: String
}

/// Every area's figure for a measure in one period.
struct CellKey: Hashable, Sendable {
    let measure: String
    let period: String
}

/// The breakdowns of a measure for one area and period.
struct BreakdownKey: Hashable, Sendable {
    let measure: String
    let area: String
    let period: String
}

/// Measures, observations, targets and reference data indexed once, so any number of councils and
/// committees can be assessed from them without scanning the observations again (PRODUCT.md R18).
///
/// The index holds each observation once and finds it by measure and area (the series, sorted by
/// period), by measure and period (every area's figure, for England, region, neighbours, ranks and
/// bands), and by measure, area and period (breakdowns). When one cell (measure, area, period,
/// breakdown) is given twice, the later publication is kept (then the later in the input).
public struct AssessmentIndex: Sendable {
    let observations: [Observation]
    let measuresByCode: [String: Measure]
    let settingsByCode: [String: MeasureAssessmentSettings]
    let targetsByMeasure: [String: [Target]]
    let neighboursByArea: [String: StatisticalNeighbours]
    let areasByCode: [String: Area]
    /// Total-population observations by measure and area, sorted by period, one per period.
    let series: [SeriesKey: [Int]]
    /// Total-population observations by measure and period label, then area.
    let cells: [CellKey: [String: Int]]
    /// Breakdown observations by measure, area and period label, one per breakdown.
    let breakdownCells: [BreakdownKey: [Int]]

    /// Indexes the data. `areas` adds to (and overrides) England, the regions and the London
    /// sub-regions, which are always known; of several statistical-neighbour lists for one area
    /// the latest edition is used.
    public init(
        measures: [Measure], observations: [Observation], targets: [Target] = [],
        statisticalNeighbours: [StatisticalNeighbours] = [], areas: [Area] = [], settings: [MeasureAssessmentSettings] = []
    ) {
        self.observations = observations
        measuresByCode = Dictionary(measures.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        settingsByCode = Dictionary(settings.map { ($0.measureCode, $0) }, uniquingKeysWith: { _, last in last })
        targetsByMeasure = Dictionary(grouping: targets, by: \.measureCode)
        var neighbours: [String: StatisticalNeighbours] = [:]
        for list in statisticalNeighbours where (neighbours[list.areaCode]?.edition ?? "") <= list.edition {
            neighbours[list.areaCode] = list
        }
        neighboursByArea = neighbours
        areasByCode = Dictionary((Area.englandAndRegions + areas).map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })

        func supersedes(_ new: Int, _ old: Int) -> Bool {
            switch (observations[new].published, observations[old].published) {
            case let (a?, b?): a != b ? a > b : new > old
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): new > old
            }
        }

        var grouped: [SeriesKey: [Int]] = [:]
        var breakdowns: [BreakdownKey: [Int]] = [:]
        for (i, observation) in observations.enumerated() {
            if observation.breakdown.isTotal {
                grouped[SeriesKey(measure: observation.measureCode, area: observation.areaCode), default: []].append(i)
            } else {
                breakdowns[BreakdownKey(measure: observation.measureCode, area: observation.areaCode, period: observation.period.label), default: []].append(i)
            }
        }
        var cells: [CellKey: [String: Int]] = [:]
        var series: [SeriesKey: [Int]] = [:]
        series.reserveCapacity(grouped.count)
        for (key, indices) in grouped {
            let sorted = indices.sorted { a, b in
                let pa = observations[a].period, pb = observations[b].period
                return pa != pb ? pa < pb : supersedes(b, a)
            }
            var kept: [Int] = []
            kept.reserveCapacity(sorted.count)
            for i in sorted {
                // Equal periods are adjacent, the superseding one last.
                if let last = kept.last, observations[last].period == observations[i].period { kept.removeLast() }
                kept.append(i)
            }
            series[key] = kept
            for i in kept {
                cells[CellKey(measure: key.measure, period: observations[i].period.label), default: [:]][key.area] = i
            }
        }
        self.series = series
        self.cells = cells
        self.breakdownCells = breakdowns.mapValues { indices in
            var byBreakdown: [String: Int] = [:]
            for i in indices {
                let key = observations[i].breakdown.key
                if let old = byBreakdown[key], !supersedes(i, old) { continue }
                byBreakdown[key] = i
            }
            return byBreakdown.values.sorted()
        }
    }

    /// Every local authority with at least one figure, sorted by code: the councils
    /// `assess(councils:…)` can be asked about.
    public var localAuthorityCodes: [String] {
        Set(series.keys.map(\.area)).filter(isLocalAuthority).sorted()
    }

    /// Every measure's code, sorted.
    public var measureCodes: [String] { measuresByCode.keys.sorted() }

    /// True for a local authority: an area known as one, or an unknown area that is not England,
    /// a region or a London sub-region.
    func isLocalAuthority(_ code: String) -> Bool {
        guard let area = areasByCode[code] else { return true }
        return area.type == .localAuthority
    }

    /// Assesses `committee` for `reportingPeriod` as on `today` for `audience`: every theme's
    /// measures, the headline and the key, with each measure's history for its chart.
    public func assess(
        committee: Committee, reportingPeriod: Period, today: CalendarDate, audience: Audience
    ) throws(AssessmentError) -> CommitteeAssessment {
        var seen = Set<String>()
        for code in committee.measureCodes {
            guard measuresByCode[code] != nil else { throw .unknownMeasure(code) }
            guard seen.insert(code).inserted else { throw .duplicateMeasure(code) }
        }
        var run = AssessmentRun(index: self, reportingPeriod: reportingPeriod, today: today, audience: audience, includeHistory: true)
        var themes: [ThemeAssessment] = []
        for theme in committee.themes {
            var measures: [MeasureAssessment] = []
            for code in theme.measureCodes {
                // Present: checked above.
                guard let measure = measuresByCode[code] else { continue }
                measures.append(run.assess(measure, council: committee.councilAreaCode, theme: theme.name))
            }
            themes.append(ThemeAssessment(name: theme.name, owner: theme.owner, measures: measures))
        }
        return CommitteeAssessment(
            committee: committee,
            councilName: areasByCode[committee.councilAreaCode]?.name ?? committee.councilAreaCode,
            reportingPeriod: reportingPeriod, today: today, audience: audience, themes: themes,
            headline: Headline(themes: themes, noun: committee.measureNoun, singular: committee.measureNounSingular),
            key: Key(measures: themes.flatMap(\.measures))
        )
    }

    /// Assesses one council's `measureCodes` (no theme); `includeHistory` adds each measure's
    /// chart series.
    public func assess(
        council: String, measureCodes: [String], reportingPeriod: Period, today: CalendarDate,
        audience: Audience, includeHistory: Bool = true
    ) throws(AssessmentError) -> [MeasureAssessment] {
        try assess(
            councils: [council], measureCodes: measureCodes, reportingPeriod: reportingPeriod, today: today,
            audience: audience, includeHistory: includeHistory
        )[0].measures
    }

    /// Assesses many councils at once, sharing the work that does not depend on the council (each
    /// measure's ranks and quartile bands per period are worked out once). Without history by
    /// default: the fast path for benchmarking every council.
    public func assess(
        councils: [String], measureCodes: [String], reportingPeriod: Period, today: CalendarDate,
        audience: Audience, includeHistory: Bool = false
    ) throws(AssessmentError) -> [CouncilAssessment] {
        var measures: [Measure] = []
        for code in measureCodes {
            guard let measure = measuresByCode[code] else { throw .unknownMeasure(code) }
            measures.append(measure)
        }
        var run = AssessmentRun(
            index: self, reportingPeriod: reportingPeriod, today: today, audience: audience, includeHistory: includeHistory
        )
        return councils.map { council in
            CouncilAssessment(councilAreaCode: council, measures: measures.map { run.assess($0, council: council, theme: nil) })
        }
    }
}
