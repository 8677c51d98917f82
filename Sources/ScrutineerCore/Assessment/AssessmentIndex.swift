import Dispatch
import Foundation
import Synchronization

/// The breakdowns of a measure for one area and period.
struct BreakdownKey: Hashable, Sendable {
    let measure: Int
    let area: Int
    let period: String
}

/// One measure's observations, indexed by period (its series by area are in `AssessmentIndex.series`).
struct MeasureTable: Sendable {
    let measure: Measure
    /// Slot of each period label in `cells`.
    var slots: [String: Int]
    /// Observation index (the superseding publication) by slot × area count + area id; −1 where
    /// there is none.
    var cells: [Int32]
}

/// A measure's total-population observation indices for one area, sorted by period; several
/// publications of one period are adjacent, the superseding one last. A window on the index's one
/// array of every series, so the series cost no allocation each.
struct SeriesPositions: RandomAccessCollection {
    let all: [Int32]
    let start: Int
    let endIndex: Int

    var startIndex: Int { 0 }
    subscript(position: Int) -> Int32 { all[start + position] }

    static let empty = SeriesPositions(all: [], start: 0, endIndex: 0)
}

/// Measures, observations, targets and reference data indexed once, so any number of councils and
/// committees can be assessed from them without scanning the observations again (PRODUCT.md R18).
///
/// Measure and area codes are numbered once; each observation is then found by measure and area
/// (the series, sorted by period) or by measure, period and area (England, region, neighbours,
/// ranks and bands) through arrays, and breakdowns by measure, area and period. When one cell
/// (measure, area, period, breakdown) is given more than once, the later publication supersedes the
/// earlier (then the later in the input), but only once it is published: an assessment as on an
/// earlier day sees the figure published by then. Observations of measures not given are ignored.
public struct AssessmentIndex: Sendable {
    let observations: [Observation]
    /// Columns of the observations read on every assessment, kept apart so the lookups stay in
    /// cache: the value (NaN when missing), the day number of publication (`Int32.min` when
    /// unknown) and of the period's end, and the period's kind.
    let values: [Double]
    let publishedDays: [Int32]
    let periodStartDays: [Int32]
    let periodEndDays: [Int32]
    let periodKinds: [Period.Kind]
    let tables: [MeasureTable]
    /// Every (measure, area) series one after another, measure by measure and area by area, and where
    /// each starts (`seriesStarts[m × area count + area]`, with the end after the last).
    let seriesPositions: [Int32]
    let seriesStarts: [Int32]
    let measureIDs: [String: Int]
    let areaIDs: [String: Int]
    let areaCodes: [String]
    /// The area's record, when known, by area id.
    let areaRecords: [Area?]
    let isLocalAuthority: [Bool]
    /// Region, then its parent (Inner London, London), by area id.
    let regionChains: [[Int]]
    /// The statistical-neighbour list and its neighbours' ids, by area id.
    let neighbourLists: [StatisticalNeighbours?]
    let neighbourIDs: [[Int]]
    let englandID: Int
    /// The period slot of each total-population observation in its measure's table (−1 for breakdowns
    /// and observations of measures not given), so the assessment never looks a label up.
    let observationSlots: [Int32]
    /// Each measure's settings (the defaults when none were given) and targets, by measure id (a
    /// council is judged against its own targets and those that name no council).
    let settingsByMeasure: [MeasureAssessmentSettings]
    let targetsByMeasure: [[Target]]
    let breakdownCells: [BreakdownKey: [Int]]

    /// Indexes the data. `areas` adds to (and overrides) England, the regions and the London
    /// sub-regions, which are always known; of several statistical-neighbour lists for one area
    /// the latest edition is used.
    public init(
        measures: [Measure], observations: [Observation], targets: [Target] = [],
        statisticalNeighbours: [StatisticalNeighbours] = [], areas: [Area] = [], settings: [MeasureAssessmentSettings] = []
    ) {
        self.observations = observations
        let settingsByCode = Dictionary(settings.map { ($0.measureCode, $0) }, uniquingKeysWith: { _, last in last })
        let targetsByCode = Dictionary(grouping: targets, by: \.measureCode)

        // Number the areas and measures.
        var areaIDs: [String: Int] = [:]
        var areaCodes: [String] = []
        var areaRecords: [Area?] = []
        func areaID(_ code: String) -> Int {
            if let id = areaIDs[code] { return id }
            areaIDs[code] = areaCodes.count
            areaCodes.append(code)
            areaRecords.append(nil)
            return areaCodes.count - 1
        }
        for area in Area.englandAndRegions + areas { areaRecords[areaID(area.code)] = area }
        var lists: [String: StatisticalNeighbours] = [:]
        for list in statisticalNeighbours where (lists[list.areaCode]?.edition ?? "") <= list.edition {
            lists[list.areaCode] = list
        }
        for list in lists.values {
            _ = areaID(list.areaCode)
            for neighbour in list.neighbours { _ = areaID(neighbour.areaCode) }
        }
        var measureIDs: [String: Int] = [:]
        var uniqueMeasures: [Measure] = []
        for measure in measures {
            if let id = measureIDs[measure.code] { uniqueMeasures[id] = measure; continue }
            measureIDs[measure.code] = uniqueMeasures.count
            uniqueMeasures.append(measure)
        }

        // Two passes over the observations, side by side on two cores (each is mostly waiting for
        // memory): the columns (`ObservationColumns`) on another thread, and here each one's
        // measure and area and each total's period slot. Rows usually come grouped by measure and
        // period with the areas in the same order in every group, so the area that followed the
        // previous row's area last time and the last label are tried before any dictionary.
        let count = observations.count
        let columnsDone = DispatchGroup()
        let columnsBox = ObservationColumns.Box()
        DispatchQueue.global().async(group: columnsDone) {
            columnsBox.columns.withLock { $0 = ObservationColumns(observations) }
        }
        var observationSlots = [Int32](repeating: -1, count: count)
        var slotMaps = [[String: Int]](repeating: [:], count: uniqueMeasures.count)
        var keys: [(measure: Int, area: Int)] = []
        keys.reserveCapacity(count)
        var lastMeasureCode = ""
        var lastMeasureID = -1
        var groupLabel = "", groupMeasure = -1, groupSlot = -1
        var previousArea = -1
        var following: [Int] = []
        for i in 0..<count {
            if observations[i].measureCode != lastMeasureCode {
                lastMeasureCode = observations[i].measureCode
                lastMeasureID = measureIDs[lastMeasureCode] ?? -1
            }
            guard lastMeasureID >= 0 else {
                keys.append((-1, -1))
                continue
            }
            if lastMeasureID != groupMeasure || observations[i].period.label != groupLabel {
                groupMeasure = lastMeasureID
                groupLabel = observations[i].period.label
                groupSlot = -1
            }
            var area = -1
            if previousArea >= 0, previousArea < following.count {
                let guess = following[previousArea]
                if guess >= 0, areaCodes[guess] == observations[i].areaCode { area = guess }
            }
            if area < 0 {
                area = areaID(observations[i].areaCode)
                if previousArea >= 0 {
                    if previousArea >= following.count { following += repeatElement(-1, count: previousArea + 1 - following.count) }
                    following[previousArea] = area
                }
            }
            previousArea = area
            keys.append((lastMeasureID, area))
            if observations[i].breakdown.isTotal {
                if groupSlot < 0 {
                    if let known = slotMaps[lastMeasureID][groupLabel] {
                        groupSlot = known
                    } else {
                        groupSlot = slotMaps[lastMeasureID].count
                        slotMaps[lastMeasureID][groupLabel] = groupSlot
                    }
                }
                observationSlots[i] = Int32(groupSlot)
            }
        }
        columnsDone.wait()
        // Present: the other pass has finished.
        let columns = columnsBox.columns.withLock { $0 } ?? ObservationColumns(observations)
        let periodStartDays = columns.periodStartDays, periodEndDays = columns.periodEndDays
        self.values = columns.values
        self.publishedDays = columns.publishedDays
        self.periodStartDays = periodStartDays
        self.periodEndDays = periodEndDays
        self.periodKinds = columns.periodKinds
        self.observationSlots = observationSlots

        let areaCount = areaCodes.count
        // Every (measure, area) series in one array, placed from a count (tens of thousands of small
        // arrays cost an allocation each, and a third of the index when grown one element at a time).
        var seriesStarts = [Int32](repeating: 0, count: uniqueMeasures.count * areaCount + 1)
        for (i, key) in keys.enumerated() where key.measure >= 0 && observationSlots[i] >= 0 {
            seriesStarts[key.measure * areaCount + key.area + 1] += 1
        }
        for group in 0..<(seriesStarts.count - 1) { seriesStarts[group + 1] += seriesStarts[group] }
        var seriesPositions = [Int32](repeating: 0, count: Int(seriesStarts[seriesStarts.count - 1]))
        var filled = seriesStarts
        var breakdowns: [BreakdownKey: [Int]] = [:]
        for (i, key) in keys.enumerated() where key.measure >= 0 {
            if observationSlots[i] >= 0 {
                let group = key.measure * areaCount + key.area
                seriesPositions[Int(filled[group])] = Int32(i)
                filled[group] += 1
            } else {
                breakdowns[BreakdownKey(measure: key.measure, area: key.area, period: observations[i].period.label), default: []].append(i)
            }
        }

        func supersedes(_ new: Int, _ old: Int) -> Bool {
            switch (observations[new].published, observations[old].published) {
            case let (a?, b?): a != b ? a > b : new > old
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): new > old
            }
        }

        var tables: [MeasureTable] = []
        tables.reserveCapacity(uniqueMeasures.count)
        for (m, measure) in uniqueMeasures.enumerated() {
            let slots = slotMaps[m]
            var table = MeasureTable(measure: measure, slots: slots, cells: [Int32](repeating: -1, count: slots.count * areaCount))
            for area in 0..<areaCount {
                let range = Int(seriesStarts[m * areaCount + area])..<Int(seriesStarts[m * areaCount + area + 1])
                // Usually already in period order with one figure per period: then nothing to do.
                let inOrder = range.dropFirst().allSatisfy { k in
                    let a = Int(seriesPositions[k - 1]), b = Int(seriesPositions[k])
                    return (periodEndDays[a], periodStartDays[a]) < (periodEndDays[b], periodStartDays[b])
                }
                if !inOrder {
                    seriesPositions[range].sort { a, b in
                        let pa = observations[Int(a)].period, pb = observations[Int(b)].period
                        return pa != pb ? pa < pb : supersedes(Int(b), Int(a))
                    }
                }
                for k in range {
                    let i = seriesPositions[k]
                    table.cells[Int(observationSlots[Int(i)]) * areaCount + area] = i
                }
            }
            tables.append(table)
        }

        var chains: [[Int]] = []
        var localAuthority: [Bool] = []
        for id in 0..<areaCount {
            localAuthority.append(areaRecords[id].map { $0.type == .localAuthority } ?? true)
            var chain: [Int] = []
            var next = areaRecords[id]?.regionCode
            while let code = next, let regionID = areaIDs[code], let region = areaRecords[regionID], chain.count < 3, !chain.contains(regionID) {
                chain.append(regionID)
                next = region.regionCode
            }
            chains.append(chain)
        }
        var neighbourLists = [StatisticalNeighbours?](repeating: nil, count: areaCount)
        var neighbourIDs = [[Int]](repeating: [], count: areaCount)
        for list in lists.values {
            // Present: numbered above.
            guard let id = areaIDs[list.areaCode] else { continue }
            neighbourLists[id] = list
            neighbourIDs[id] = list.neighbours.compactMap { areaIDs[$0.areaCode] }
        }

        self.tables = tables
        self.seriesPositions = seriesPositions
        self.seriesStarts = seriesStarts
        self.settingsByMeasure = uniqueMeasures.map { settingsByCode[$0.code] ?? MeasureAssessmentSettings(measureCode: $0.code) }
        self.targetsByMeasure = uniqueMeasures.map { targetsByCode[$0.code] ?? [] }
        self.measureIDs = measureIDs
        self.areaIDs = areaIDs
        self.areaCodes = areaCodes
        self.areaRecords = areaRecords
        self.isLocalAuthority = localAuthority
        self.regionChains = chains
        self.neighbourLists = neighbourLists
        self.neighbourIDs = neighbourIDs
        self.englandID = areaIDs[Area.englandCode] ?? 0
        self.breakdownCells = breakdowns.mapValues { indices in
            // By breakdown, each breakdown's publications oldest first.
            indices.sorted { a, b in
                let ka = observations[a].breakdown.key, kb = observations[b].breakdown.key
                return ka != kb ? ka < kb : supersedes(b, a)
            }
        }
    }


    /// Measure `m`'s series for `area`.
    func series(measure m: Int, area: Int) -> SeriesPositions {
        let group = m * areaCodes.count + area
        return SeriesPositions(all: seriesPositions, start: Int(seriesStarts[group]), endIndex: Int(seriesStarts[group + 1] - seriesStarts[group]))
    }

    /// Every local authority with at least one figure, sorted by code: the councils
    /// `assess(councils:…)` can be asked about.
    public var localAuthorityCodes: [String] {
        areaCodes.indices.filter { area in
            isLocalAuthority[area] && tables.indices.contains { !series(measure: $0, area: area).isEmpty }
        }.map { areaCodes[$0] }.sorted()
    }

    /// Every measure's code, sorted.
    public var measureCodes: [String] { measureIDs.keys.sorted() }

    /// Assesses `committee` for `reportingPeriod` as on `today` for `audience`: every theme's
    /// measures, the headline and the key, with each measure's history for its chart.
    public func assess(
        committee: Committee, reportingPeriod: Period, today: CalendarDate, audience: Audience
    ) throws(AssessmentError) -> CommitteeAssessment {
        var seen = Set<String>()
        for code in committee.measureCodes {
            guard measureIDs[code] != nil else { throw .unknownMeasure(code) }
            guard seen.insert(code).inserted else { throw .duplicateMeasure(code) }
        }
        var run = AssessmentRun(index: self, reportingPeriod: reportingPeriod, today: today, audience: audience, includeHistory: true)
        let council = run.council(committee.councilAreaCode)
        var themes: [ThemeAssessment] = []
        for theme in committee.themes {
            var measures: [MeasureAssessment] = []
            for code in theme.measureCodes {
                // Present: checked above.
                guard let id = measureIDs[code] else { continue }
                measures.append(run.assess(measure: id, council: council, theme: theme.name))
            }
            themes.append(ThemeAssessment(name: theme.name, owner: theme.owner, measures: measures))
        }
        return CommitteeAssessment(
            committee: committee, councilName: council.name, reportingPeriod: reportingPeriod, today: today,
            audience: audience, themes: themes,
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
    /// default: the fast path for assessing every council.
    public func assess(
        councils: [String], measureCodes: [String], reportingPeriod: Period, today: CalendarDate,
        audience: Audience, includeHistory: Bool = false
    ) throws(AssessmentError) -> [CouncilAssessment] {
        var ids: [Int] = []
        for code in measureCodes {
            guard let id = measureIDs[code] else { throw .unknownMeasure(code) }
            ids.append(id)
        }
        let measureNumbers = ids
        let run = AssessmentRun(
            index: self, reportingPeriod: reportingPeriod, today: today, audience: audience, includeHistory: includeHistory
        )
        /// Assesses `codes`, each council's measures from the `first`th on (then from the start), so
        /// two cores starting together work out different measures' rank tables and then share them;
        /// each council's measures are still returned in the order asked.
        @Sendable func assessShare(_ codes: ArraySlice<String>, startingAt first: Int, with run: inout AssessmentRun) -> [CouncilAssessment] {
            let count = measureNumbers.count
            var result: [CouncilAssessment] = []
            result.reserveCapacity(codes.count)
            for code in codes {
                let council = run.council(code)
                let measures = [MeasureAssessment](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for step in 0..<count {
                        let k = (first + step) % count
                        (buffer.baseAddress! + k).initialize(to: run.assess(measure: measureNumbers[k], council: council, theme: nil))
                    }
                    initialized = count
                }
                result.append(CouncilAssessment(councilAreaCode: code, measures: measures))
            }
            return result
        }
        // Councils are independent: with many, the cores assess contiguous shares, each with its own
        // run (sharing the rank tables worked out), and the shares are joined in the order asked.
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, councils.count / Self.councilsPerWorker)
        guard workers > 1 else {
            var single = run
            return assessShare(councils[...], startingAt: 0, with: &single)
        }
        // Four shares per core, handed out as cores come free, so a core another process holds up
        // does not hold up the whole assessment. (Assessing the first share alone first, so the
        // others find its rank tables, was tried: slower than the two first shares both working
        // out the tables.)
        let shareCount = min(councils.count, workers * 4)
        let shares = Mutex([[CouncilAssessment]](repeating: [], count: shareCount))
        let sharedRankTables = SharedRankTables(index: self)
        DispatchQueue.concurrentPerform(iterations: shareCount) { part in
            let range = (councils.count * part / shareCount)..<(councils.count * (part + 1) / shareCount)
            var own = run
            own.sharedRankTables = sharedRankTables
            let share = assessShare(councils[range], startingAt: part.isMultiple(of: 2) ? 0 : measureNumbers.count / 2, with: &own)
            shares.withLock { $0[part] = share }
        }
        return shares.withLock { $0 }.flatMap { $0 }
    }

    /// The fewest councils worth a core of their own in `assess(councils:…)`.
    static let councilsPerWorker = 16
}

/// The columns of the observations the assessment reads on every lookup, kept apart so they stay in
/// cache: the value (NaN when missing), the day numbers of publication (`Int32.min` when unknown)
/// and of the period's start and end, and the period's kind.
struct ObservationColumns: Sendable {
    var values: [Double]
    var publishedDays: [Int32]
    var periodStartDays: [Int32]
    var periodEndDays: [Int32]
    var periodKinds: [Period.Kind]

    /// Reads the columns; a period like the previous row's reuses its day numbers.
    init(_ observations: [Observation]) {
        let count = observations.count
        values = [Double](repeating: .nan, count: count)
        publishedDays = [Int32](repeating: .min, count: count)
        periodStartDays = [Int32](repeating: 0, count: count)
        periodEndDays = [Int32](repeating: 0, count: count)
        periodKinds = [Period.Kind](repeating: .year, count: count)
        for i in 0..<count {
            if let value = observations[i].value { values[i] = value }
            if let published = observations[i].published { publishedDays[i] = Int32(clamping: published.dayNumber) }
            if i > 0 && observations[i].period == observations[i - 1].period {
                periodStartDays[i] = periodStartDays[i - 1]
                periodEndDays[i] = periodEndDays[i - 1]
            } else {
                periodStartDays[i] = Int32(clamping: observations[i].period.start.dayNumber)
                periodEndDays[i] = Int32(clamping: observations[i].period.end.dayNumber)
            }
            periodKinds[i] = observations[i].period.kind
        }
    }

    /// Hands the columns from the thread that reads them to the index.
    final class Box: Sendable {
        let columns = Mutex<ObservationColumns?>(nil)
    }
}
