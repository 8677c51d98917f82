import Synchronization

/// A council being assessed: its code, number in the index (nil when the data hold nothing for
/// it) and name.
struct CouncilReference {
    let code: String
    let id: Int?
    let name: String
}

/// Ranks and quartile bands of every local authority for one measure and period, by area id.
struct RankTable: Sendable {
    let bounds: LAITQuartileBounds?
    let ranks: [Int?]
    let bands: [LAITQuartileBand?]
    let rankedCount: Int
}

/// Rank tables shared by the runs that assess shares of the councils on several cores, so a table
/// one has worked out is not worked out again by another (two may still race to the same table at
/// first, and then agree).
final class SharedRankTables: Sendable {
    private let tables: Mutex<[[RankTable?]]>

    /// An empty table for each measure's period slots.
    init(index: AssessmentIndex) {
        tables = Mutex(index.tables.map { [RankTable?](repeating: nil, count: $0.slots.count) })
    }

    /// The table for measure `m` and `slot`, if worked out.
    func table(_ m: Int, _ slot: Int) -> RankTable? { tables.withLock { $0[m][slot] } }

    /// Keeps a table worked out.
    func keep(_ table: RankTable, _ m: Int, _ slot: Int) { tables.withLock { $0[m][slot] = table } }
}

/// Some of a measure's observations for one area, in period order, read from the index without copying.
struct ObservationSeries: RandomAccessCollection {
    let observations: [Observation]
    let positions: [Int32]

    var startIndex: Int { 0 }
    var endIndex: Int { positions.count }
    /// Lent in place (`_read`), so reading one field (`series[k].value`) copies nothing; a plain
    /// getter copied the whole observation, a fifth of the assessment's time.
    subscript(position: Int) -> Observation {
        _read { yield observations[Int(positions[position])] }
    }

    /// The points of an XmR chart of the series, each read in place (`map` over the series itself
    /// would copy every observation into its closure).
    var xmrPoints: [XmRObservation] {
        indices.map { XmRObservation(period: self[$0].period.label, value: self[$0].value) }
    }
}

/// One assessment request over an index: the reporting period, the day, the audience, and the
/// per-period rank tables shared by every council assessed in it.
struct AssessmentRun {
    let index: AssessmentIndex
    let reportingPeriod: Period
    let today: CalendarDate
    let audience: Audience
    let includeHistory: Bool
    /// `today` and the reporting period's last day as day numbers.
    let todayDay: Int32
    let reportingEndDay: Int32
    /// Rank tables by measure id and period slot, each worked out when first asked for.
    var rankTables: [[RankTable?]]
    /// The tables other runs of the same request have worked out, when councils are shared across cores.
    var sharedRankTables: SharedRankTables?
    /// The buffer each measure's comparable figures are gathered in, kept between measures.
    var comparableBuffer: [Int32] = []

    init(index: AssessmentIndex, reportingPeriod: Period, today: CalendarDate, audience: Audience, includeHistory: Bool) {
        self.index = index
        self.reportingPeriod = reportingPeriod
        self.today = today
        self.audience = audience
        self.includeHistory = includeHistory
        todayDay = Int32(clamping: today.dayNumber)
        reportingEndDay = Int32(clamping: reportingPeriod.end.dayNumber)
        rankTables = index.tables.map { [RankTable?](repeating: nil, count: $0.slots.count) }
    }

    /// The council with `code`, named from the areas given (its code when unknown).
    func council(_ code: String) -> CouncilReference {
        let id = index.areaIDs[code]
        return CouncilReference(code: code, id: id, name: id.flatMap { index.areaRecords[$0]?.name } ?? code)
    }

    /// Published by `today` (or with no publication date).
    private func isPublished(_ i: Int) -> Bool {
        index.publishedDays[i] <= todayDay
    }

    /// Counts for this report: published by `today`, for a period ending by the reporting period's end.
    private func isAvailable(_ i: Int) -> Bool {
        index.periodEndDays[i] <= reportingEndDay && isPublished(i)
    }

    /// True when two observations cover the same period (publications of one figure).
    private func samePeriod(_ a: Int, _ b: Int) -> Bool {
        index.periodEndDays[a] == index.periodEndDays[b] && index.periodStartDays[a] == index.periodStartDays[b]
            && index.periodKinds[a] == index.periodKinds[b]
    }

    /// Whether the `k`th of a series' observations is charted in a report whose latest figure is
    /// the `latestAt`th: of the latest's kind of period, counted for this report, and the newest
    /// such publication of its period.
    private func counts(_ series: SeriesPositions, _ k: Int, latestAt: Int, kind: Period.Kind) -> Bool {
        let i = Int(series[k])
        guard index.periodKinds[i] == kind, isAvailable(i) else { return false }
        return !(k < latestAt && samePeriod(Int(series[k + 1]), i) && isAvailable(Int(series[k + 1])))
    }

    /// The XmR points of a series charted up to its `latestAt`th observation, from its first
    /// figure (`first`, a position), with each period published without a figure as a gap.
    private func xmrPointsWithGaps(_ series: SeriesPositions, latestAt: Int, from first: Int32) -> [XmRObservation] {
        let kind = index.periodKinds[Int(series[latestAt])]
        var positions: [Int32] = []
        var started = false
        for k in 0...latestAt where counts(series, k, latestAt: latestAt, kind: kind) {
            started = started || series[k] == first
            if started { positions.append(series[k]) }
        }
        // Read in place, as the figures' own points are (an observation's copy retains its texts).
        return ObservationSeries(observations: index.observations, positions: positions).xmrPoints
    }

    /// The whole assessment of one measure for one council.
    mutating func assess(measure m: Int, council: CouncilReference, theme: String?) -> MeasureAssessment {
        let measure = index.tables[m].measure
        let settings = index.settingsByMeasure[m]
        let format = ValueFormat(measure)
        let policy = DisclosurePolicy.dfe
        let observations = index.observations
        let series = council.id.map { index.series(measure: m, area: $0) } ?? .empty

        // The latest figure: the last period's newest publication by today (publications of a
        // period are in order), with its value or the symbol published instead. A period published
        // as c, u or - is the latest all the same, as in LAIT, where the latest year is the newest
        // present and a council without a value there has no rank (METHODS.md §7.1): an older
        // figure is never shown as the latest.
        var latestAt = series.count - 1
        while latestAt >= 0 && !isAvailable(Int(series[latestAt])) { latestAt -= 1 }
        let latest: Observation? = latestAt >= 0 ? observations[Int(series[latestAt])] : nil
        let latestHasValue = latest?.value != nil
        // The council's figures of the latest's period kind up to it (the series is in period
        // order), oldest first, each period's newest publication by today; `comparable` those with
        // values; `shown` (for the chart) only when history is asked for.
        var shown: [Int32] = []
        // Reuses the last measure's buffer (an allocation per measure and council saved).
        var comparable: [Int32] = []
        // Where the figure of the period before the latest is, with or without a value (copied out
        // once, after the loop: an observation's copy retains each of its texts).
        var previousAt: Int?
        // Whether a period published without a figure (`c`, `-`) lies between two figures: the
        // SPC chart then has a gap there, which no moving range crosses (docs/STATISTICS.md).
        var pendingGap = false, gapInside = false
        swap(&comparable, &comparableBuffer)
        comparable.removeAll(keepingCapacity: true)
        defer { swap(&comparable, &comparableBuffer) }
        if latestAt >= 0 {
            let kind = index.periodKinds[Int(series[latestAt])]
            comparable.reserveCapacity(latestAt + 1)
            for k in 0...latestAt {
                let i = Int(series[k])
                guard counts(series, k, latestAt: latestAt, kind: kind) else { continue }
                if includeHistory { shown.append(series[k]) }
                if !index.values[i].isNaN {
                    gapInside = gapInside || pendingGap
                    comparable.append(series[k])
                } else if !comparable.isEmpty {
                    pendingGap = true
                }
                if k < latestAt { previousAt = i }
            }
        }
        let previous = previousAt.map { observations[$0] }
        let comparableSeries = ObservationSeries(observations: observations, positions: comparable)

        let latestCell = latest.map { policy.cell(for: $0, unit: measure.unit, audience: audience) }
        // A figure this audience may not see (a published symbol is no figure, not a withheld one).
        let withheld = latestHasValue && latestCell?.isSuppressed == true
        var latestFigure: LatestFigure?
        if let latest, let latestCell {
            // A figure published only as a symbol keeps its counts and interval from the public
            // too: they would give back what the symbol withholds.
            let countsWithheld = withheld || (!latestHasValue && audience.appliesDisclosureControl)
            latestFigure = LatestFigure(
                period: latest.period, cell: latestCell,
                numerator: countsWithheld ? nil : latest.numerator, denominator: countsWithheld ? nil : latest.denominator,
                interval: countsWithheld ? .none : FigureInterval.of(latest, unit: measure.unit),
                published: latest.published, nextUpdateDue: latest.nextUpdateDue, source: latest.source,
                format: format, isMilestone: settings.isMilestone
            )
        }

        let currency = DataCurrency.assess(latest: latest, measure: measure, reportingPeriod: reportingPeriod, today: today)
        // A target's reason and decision are officers' text like commentary: the public reads their
        // small counts of children as "a small number of" them (found by exploratory testing).
        let targets = index.targetsByMeasure[m].filter { $0.councilAreaCode == nil || $0.councilAreaCode == council.code }
            .map { $0.redacted(for: audience) }
        let status = StatusAssessment.assess(
            latest: latest, shownValue: withheld ? nil : latest?.value, currency: currency, measure: measure,
            settings: settings, targets: targets, reportingPeriod: reportingPeriod
        )
        let direction = DirectionOfTravel.assess(
            latest: latest, previous: previous, comparedAt: latestHasValue ? compared(comparable, basis: settings.directionBasis) : nil, series: comparableSeries,
            measure: measure, settings: settings, audience: audience
        )

        var benchmarks: Benchmarks?
        if let latest, !settings.isMilestone {
            benchmarks = self.benchmarks(
                latest, slot: Int(index.observationSlots[Int(series[latestAt])]), measure: m, council: council, withheld: withheld, format: format
            )
        }

        var spc: SPCSummary?
        var spcAbsence: String?
        if !settings.isMilestone {
            if comparable.count < SPCSummary.minimumPoints {
                spcAbsence = "No statistical process control chart: one needs at least \(SPCSummary.minimumPoints) figures of the same kind of period, and this measure has \(comparable.count)."
            } else if comparableSeries.contains(where: { policy.cell(for: $0, unit: measure.unit, audience: audience).isSuppressed }) {
                spcAbsence = "No statistical process control chart: some of the figures it would draw are withheld to protect individuals, and its limits would give them back."
            } else {
                let points = gapInside ? xmrPointsWithGaps(series, latestAt: latestAt, from: comparable[0]) : comparableSeries.xmrPoints
                spc = SPCSummary.analyse(points, polarity: measure.polarity, target: status.reportedTarget?.target.value, format: format)
            }
        }

        var breakdowns: [BreakdownFigure] = []
        if let latest, let id = council.id, let positions = index.breakdownCells[BreakdownKey(measure: m, area: id, period: latest.period.label)] {
            // Each breakdown's newest publication by today.
            var newest: [Int] = []
            for i in positions where isPublished(i) {
                if let last = newest.last, observations[last].breakdown == observations[i].breakdown { newest.removeLast() }
                newest.append(i)
            }
            breakdowns = BreakdownFigure.figures(newest.map { observations[$0] }, unit: measure.unit, audience: audience, format: format)
        }

        var history: [HistoryPoint] = []
        let reportedKind = status.reportedTarget?.target.kind
        if includeHistory, let id = council.id {
            history = shown.map { i in
                let observation = observations[Int(i)]
                let period = observation.period
                let slot = index.tables[m].slots[period.label]
                let trajectory = TargetJudgement.targetsInForce(targets, for: period, at: reportingPeriod.end)
                    .first { $0.kind == .trajectory }
                let peers = slot.flatMap { neighbours(m, $0, council: id) }
                return HistoryPoint(
                    period: period,
                    council: policy.cell(for: observation, unit: measure.unit, audience: audience),
                    england: slot.flatMap { value(m, $0, index.englandID) },
                    region: slot.flatMap { region(m, $0, council: id)?.value },
                    statisticalNeighbourMean: peers?.mean,
                    trajectoryTarget: trajectory?.value,
                    target: reportedKind.flatMap { kind in TargetJudgement.targetsInForce(targets, for: period, at: period.end).first { $0.kind == kind }?.value },
                    statisticalNeighboursWithFigure: peers?.neighboursWithFigure, statisticalNeighbourCount: peers?.neighbourCount
                )
            }
        }

        return MeasureAssessment(
            measure: measure, settings: settings, theme: theme, councilAreaCode: council.code, latest: latestFigure,
            currency: currency, status: status, direction: direction, benchmarks: benchmarks, spc: spc,
            spcAbsence: spcAbsence, breakdowns: breakdowns, history: history
        )
    }

    /// Where in `comparable` (the council's figures ending with the latest) the figure the direction
    /// of travel compares the latest with lies: the one before it, or the same period a year before.
    private func compared(_ comparable: [Int32], basis: DirectionBasis) -> Int? {
        guard comparable.count >= 2 else { return nil }
        switch basis {
        case .previousPeriod:
            return comparable.count - 2
        case .samePeriodLastYear:
            let latest = index.observations[Int(comparable[comparable.count - 1])].period
            return comparable.indices.dropLast().last { latest.isSamePeriodOneYearBefore(index.observations[Int(comparable[$0])].period) }
        }
    }

    /// A published figure for `area` in the measure's period `slot`, if any.
    private func value(_ m: Int, _ slot: Int, _ area: Int) -> Double? {
        var i = Int(index.tables[m].cells[slot * index.areaCodes.count + area])
        guard i >= 0 else { return nil }
        if !isPublished(i) {
            // Superseded later than today: the newest publication by today, if any.
            let newest = i
            i = -1
            for j in index.series(measure: m, area: area).reversed() where samePeriod(Int(j), newest) && isPublished(Int(j)) {
                i = Int(j)
                break
            }
            guard i >= 0 else { return nil }
        }
        let figure = index.values[i]
        guard !figure.isNaN else { return nil }
        // For the public, another area's figure of a small count is withheld as the council's own
        // is (a council's own measure may carry its neighbours' and England's figures, which no
        // publisher suppressed: found by exploratory testing), and so left out of means and ranks.
        if audience.appliesDisclosureControl,
           DisclosurePolicy.dfe.cell(for: index.observations[i], unit: index.tables[m].measure.unit, audience: audience).isSuppressed {
            return nil
        }
        return figure
    }

    /// The council's region's figure: its own region (Inner or Outer London for a London borough),
    /// falling back to the parent region (London) when that has none (METHODS.md §7.1).
    private func region(_ m: Int, _ slot: Int, council: Int) -> RegionBenchmark? {
        let chain = index.regionChains[council]
        guard let own = chain.first, let ownArea = index.areaRecords[own] else { return nil }
        for id in chain {
            if let figure = value(m, slot, id), let area = index.areaRecords[id] {
                return RegionBenchmark(areaCode: area.code, name: area.name, value: figure, fellBackFrom: id == own ? nil : ownArea.name)
            }
        }
        return RegionBenchmark(areaCode: ownArea.code, name: ownArea.name, value: nil, fellBackFrom: nil)
    }

    /// The mean of the council's statistical neighbours' figures (LAIT: unweighted, missing ignored).
    private func neighbours(_ m: Int, _ slot: Int, council: Int) -> NeighbourBenchmark? {
        guard let list = index.neighbourLists[council] else { return nil }
        // LAITBenchmarking.statisticalNeighbourAverage without its arrays: the same sum in the same
        // order, and no mean when a figure is not finite.
        var count = 0
        var sum = 0.0
        var allFinite = true
        for id in index.neighbourIDs[council] {
            guard let figure = value(m, slot, id) else { continue }
            count += 1
            sum += figure
            if !figure.isFinite { allFinite = false }
        }
        return NeighbourBenchmark(
            edition: list.edition, mean: count > 0 && allFinite ? sum / Double(count) : nil,
            neighboursWithFigure: count, neighbourCount: list.neighbours.count
        )
    }

    /// Every local authority's rank and band for the measure's period, worked out once per run.
    private mutating func rankTable(measure m: Int, slot: Int) -> RankTable {
        if let known = rankTables[m][slot] { return known }
        if let known = sharedRankTables?.table(m, slot) {
            rankTables[m][slot] = known
            return known
        }
        let areaCount = index.areaCodes.count
        var ids: [Int] = []
        var values: [Double?] = []
        for area in 0..<areaCount where index.isLocalAuthority[area] && index.tables[m].cells[slot * areaCount + area] >= 0 {
            ids.append(area)
            values.append(value(m, slot, area))
        }
        var ranks = [Int?](repeating: nil, count: areaCount)
        var bands = [LAITQuartileBand?](repeating: nil, count: areaCount)
        let polarity = index.tables[m].measure.polarity
        let rankedCount = values.count { $0 != nil }
        // LAITBenchmarking.rankAndBand, without naming each area and sorting once: the bounds come
        // from the sorted values, and a rank with ties at the lowest is one more than the number of
        // better values, found by binary search. Too few figures are neither ranked nor banded
        // (`Benchmarks.minimumRankedCount`); non-finite figures (which no import stores) give
        // neither, as LAITBenchmarking refuses them.
        var bounds: LAITQuartileBounds?
        var sorted = values.compactMap { $0 }
        if rankedCount >= Benchmarks.minimumRankedCount, sorted.allSatisfy(\.isFinite) {
            sorted.sort()
            let found = LAITQuartileBounds(sortedFiniteValues: sorted)
            bounds = found
            /// The number of sorted values below `value` (`orEqual`: not above it).
            func countBelow(_ value: Double, orEqual: Bool) -> Int {
                var low = 0, high = sorted.count
                while low < high {
                    let middle = (low + high) / 2
                    if orEqual ? sorted[middle] <= value : sorted[middle] < value { low = middle + 1 } else { high = middle }
                }
                return low
            }
            for (k, id) in ids.enumerated() {
                guard let value = values[k] else {
                    bands[id] = (try? found.band(for: nil, polarity: polarity)) ?? nil
                    continue
                }
                switch polarity {
                case .highIsGood: ranks[id] = 1 + sorted.count - countBelow(value, orEqual: true)
                case .lowIsGood: ranks[id] = 1 + countBelow(value, orEqual: false)
                case .noJudgement: break
                }
                bands[id] = (try? found.band(for: value, polarity: polarity)) ?? nil
            }
        }
        let rankTable = RankTable(bounds: bounds, ranks: ranks, bands: bands, rankedCount: rankedCount)
        rankTables[m][slot] = rankTable
        sharedRankTables?.keep(rankTable, m, slot)
        return rankTable
    }

    /// England, region, neighbours, rank, band and the comparison with England for the council's latest figure.
    private mutating func benchmarks(
        _ latest: Observation, slot latestSlot: Int, measure m: Int, council: CouncilReference, withheld: Bool, format: ValueFormat
    ) -> Benchmarks {
        let measure = index.tables[m].measure
        let slot: Int? = latestSlot >= 0 ? latestSlot : nil
        let england = slot.flatMap { value(m, $0, index.englandID) }
        var ranks: RankTable?
        if let slot { ranks = rankTable(measure: m, slot: slot) }
        // No rank or band for a figure withheld, or for a period published without one.
        let position = withheld || latest.value == nil ? nil : council.id
        return Benchmarks(
            period: latest.period,
            councilName: council.name,
            councilValue: withheld ? nil : latest.value,
            england: england,
            region: slot.flatMap { slot in council.id.flatMap { region(m, slot, council: $0) } },
            statisticalNeighbours: slot.flatMap { slot in council.id.flatMap { neighbours(m, slot, council: $0) } },
            rank: position.flatMap { ranks?.ranks[$0] }, rankedCount: ranks?.rankedCount ?? 0,
            band: position.flatMap { ranks?.bands[$0] }, bounds: ranks?.bounds,
            comparison: comparison(latest, england: england, measure: measure, withheld: withheld),
            polarity: measure.polarity, format: format
        )
    }

    /// Better / similar / worse than England by the measure's method and the council's interval.
    private func comparison(_ latest: Observation, england: Double?, measure: Measure, withheld: Bool) -> EnglandComparison {
        let interval = withheld ? FigureInterval.none : FigureInterval.of(latest, unit: measure.unit)
        // A count grows with the area: a council's is never better or worse than England's total.
        let choice: BenchmarkComparisonChoice = measure.unit == .count ? .notCompared : measure.benchmarkComparison
        func notCompared(_ reason: NotComparedReason) -> EnglandComparison {
            EnglandComparison(choice: choice, outcome: .notCompared, notComparedReason: reason, interval: interval)
        }
        if measure.unit == .count { return notCompared(withheld ? .withheld : .measureNotCompared) }
        let method: BenchmarkMethod
        switch measure.benchmarkComparison {
        case .notCompared: return notCompared(.measureNotCompared)
        case .fingertips95: method = .singleOverlappingCI95
        case .fingertips95And99_8: method = .singleOverlappingCI95And99_8
        }
        if withheld { return notCompared(.withheld) }
        if latest.value == nil { return notCompared(.noFigure) }
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
