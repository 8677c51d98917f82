import ScrutineerCore
import SQLKit

/// Writes one `ImportBatch` inside the caller's transaction: reads what is stored for the
/// batch's measures, areas and editions in a few queries, compares in memory, then writes only
/// what is new or changed in multi-row statements.
struct ImportWriter {
    let session: StoreSession
    private var database: any SQLDatabase { session.sql }

    init(session: StoreSession) {
        self.session = session
    }

    /// Writes the batch and its audit row; returns the summary the audit row keeps.
    func write(
        _ batch: ImportBatch, by user: String, at timestamp: String,
        progress: (@Sendable (_ written: Int, _ toWrite: Int) -> Void)? = nil
    ) async throws -> ImportSummary {
        for observation in batch.observations where !ObservationRecord.isFinite(observation) {
            if let field = ObservationRecord.nonFiniteField(of: observation) {
                throw StoreError.notFinite(record: Self.describe(ObservationRecord.key(observation)), field: field)
            }
        }
        var measures = try await upsertMeasures(batch.measures, definedAt: batch.measuresDefinedAt)
        measures.unchanged += batch.measuresUsedAsStored.subtracting(batch.measures.map(\.code)).count
        let areas = try await upsertAreas(batch.areas)
        let successions = try await upsertSuccessions(batch.successions)
        let neighbourLists = try await replaceNeighbourLists(batch.neighbourLists)
        let groups = try await replaceComparatorGroups(batch.comparatorGroups, definedAt: batch.groupsDefinedAt)
        let risks = try await replaceCommitteeRecords(batch.riskReviews, RiskReviewRecord.self)
        let finance = try await replaceCommitteeRecords(batch.financeLines, FinanceLineRecord.self, removingMissing: batch.financeReturnsAreWhole)
        let removed = risks.removedKeys + finance.removedKeys
        let observations = try await planObservations(batch.observations, rows: batch.observationRows, datesAreData: batch.kind == .local)
        if !observations.relabelled.isEmpty {
            throw StoreError.periodStoredUnderAnotherLabel(observations.relabelled)
        }
        if !batch.mayReplaceNewerFigures, !observations.replacingNewer.isEmpty {
            throw StoreError.olderThanStored(observations.replacingNewer)
        }
        let summary = ImportSummary(
            rowsRead: batch.rowsRead,
            records: [
                .measure: measures, .area: areas, .succession: successions, .neighbourList: neighbourLists, .comparatorGroup: groups, .riskReview: risks.counts, .financeLine: finance.counts,
                .observation: observations.counts,
            ]
        )
        let putBack = observations.replacingNewer.count
        let action = Self.auditAction(batch) + (removed.isEmpty ? "" : "; removed, no longer in the file: " + removed.joined(separator: "; "))
            + (putBack == 0 ? "" : "; put back \(putBack == 1 ? "1 figure" : "\(putBack) figures") published before the stored \(putBack == 1 ? "one" : "ones") (--replace-newer)")
        let auditId = try await AuditWriter.insert(into: session, action: action, user: user, at: timestamp, files: batch.files, summary: summary)
        try await supersede(observations.superseded, by: auditId)
        try await insert(observations.toWrite, importedBy: auditId, progress: progress)
        if !observations.superseded.isEmpty { try await removeUnusedSources() }
        return summary
    }

    // MARK: Measures and areas

    /// Adds new measures and updates changed ones (with their committees); `definedAt` names the
    /// cell that defined each, for a refusal.
    private func upsertMeasures(_ measures: [Measure], definedAt: [String: CellReference]) async throws -> ImportTally {
        guard !measures.isEmpty else { return ImportTally() }
        try Self.requireUnique(measures.map(\.code), record: "measure")
        typealias M = Schema.Measures
        typealias C = Schema.MeasureCommittees
        var committees: [String: [String]] = [:]
        var storedRows: [StoredRow] = []
        try await session.forEachChunk(of: measures.map(\.code)) { codes in
            storedRows += try await database.rows(
                "SELECT \(unsafeRaw: M.columns.joined(separator: ", ")) FROM \(unsafeRaw: M.table) WHERE \(unsafeRaw: M.code) IN (\(binds: codes))",
                table: M.table
            )
            for row in try await database.rows("""
                SELECT \(unsafeRaw: C.measureCode), \(unsafeRaw: C.committee) FROM \(unsafeRaw: C.table)
                WHERE \(unsafeRaw: C.measureCode) IN (\(binds: codes)) ORDER BY \(unsafeRaw: C.measureCode), \(unsafeRaw: C.ordinal)
                """, table: C.table) {
                committees[try row.text(C.measureCode), default: []].append(try row.text(C.committee))
            }
        }
        var stored: [String: Measure] = [:]
        for row in storedRows {
            let code = try row.text(M.code)
            stored[code] = try MeasureRecord.decode(row, committees: committees[code] ?? [])
        }
        try await requireEachCouncilsOwn(measures, stored: stored, definedAt: definedAt)
        let plan = UpsertPlan(measures, stored: stored, key: \.code, same: ==)
        guard !plan.toWrite.isEmpty else { return plan.counts }
        try await session.insertRows(
            into: M.table, columns: M.columns, cells: plan.toWrite.flatMap(MeasureRecord.cells),
            tail: Self.updateOnConflict(key: [M.code], columns: M.columns)
        )
        try await session.forEachChunk(of: plan.changedKeys) { codes in
            try await database.raw("DELETE FROM \(unsafeRaw: C.table) WHERE \(unsafeRaw: C.measureCode) IN (\(binds: codes))").run()
        }
        let committeeCells = plan.toWrite.flatMap(MeasureRecord.committeeCells)
        if !committeeCells.isEmpty {
            try await session.insertRows(into: C.table, columns: C.columns, cells: committeeCells)
        }
        return plan.counts
    }

    /// Refuses to redefine a council's own measure for another council or as a published one, and
    /// to make a stored published measure a council's own unless every figure stored for it came
    /// from a local import for that council (so a local measure stored before migration 7 can be
    /// claimed by its council's next import, but a published one cannot).
    private func requireEachCouncilsOwn(_ measures: [Measure], stored: [String: Measure], definedAt: [String: CellReference]) async throws {
        var claims: [String: [String]] = [:]
        var refusals: [StoreError] = []
        for measure in measures {
            guard let existing = stored[measure.code] else { continue }
            if let owner = existing.councilAreaCode {
                if owner != measure.councilAreaCode {
                    refusals.append(.measureOfAnotherCouncil(
                        measureCode: measure.code, council: owner, importedFor: measure.councilAreaCode, definedAt: definedAt[measure.code]
                    ))
                }
            } else if let council = measure.councilAreaCode {
                claims[council, default: []].append(measure.code)
            }
        }
        try StoreError.refusing(refusals)
        typealias S = Schema.Series
        typealias V = Schema.ObservationValues
        typealias R = Schema.ObservationSources
        typealias U = Schema.Audit
        typealias A = Schema.Areas
        for (council, codes) in claims.sorted(by: { $0.key < $1.key }) {
            try await session.forEachChunk(of: codes.sorted()) { codes in
                let others = try await database.rows("""
                    SELECT s.\(unsafeRaw: S.measureCode) FROM \(unsafeRaw: S.table) s
                    JOIN \(unsafeRaw: V.table) v ON v.\(unsafeRaw: V.seriesId) = s.\(unsafeRaw: S.id)
                    JOIN \(unsafeRaw: R.table) r ON r.\(unsafeRaw: R.id) = v.\(unsafeRaw: V.sourceId)
                    JOIN \(unsafeRaw: U.table) u ON u.\(unsafeRaw: U.id) = r.\(unsafeRaw: R.importedBy)
                    JOIN \(unsafeRaw: A.table) a ON a.\(unsafeRaw: A.code) = s.\(unsafeRaw: S.areaCode)
                    WHERE s.\(unsafeRaw: S.measureCode) IN (\(binds: codes))
                    AND (u.\(unsafeRaw: U.action) <> \(bind: Self.auditAction(.local))
                        OR (a.\(unsafeRaw: A.type) = 'localAuthority' AND s.\(unsafeRaw: S.areaCode) <> \(bind: council)))
                    ORDER BY s.\(unsafeRaw: S.measureCode) LIMIT 1
                    """, table: S.table)
                if let first = others.first {
                    let code = try first.text(S.measureCode)
                    throw StoreError.measureNotOnlyCouncils(measureCode: code, council: council, definedAt: definedAt[code])
                }
            }
        }
    }

    /// The audit action of an import of `kind` (`import local` for `scrutineer import local`).
    static func auditAction(_ kind: ImportKind) -> String { "import \(kind.rawValue)" }

    /// The audit action of `batch`, with the release dates the user gave:
    /// `import lait (release of 2025-03-20; next update due 2026-03-19)`; a risk register's or finance
    /// return's with its committee: `import risks for WARKS-CYP`.
    static func auditAction(_ batch: ImportBatch) -> String {
        let committees = Set(batch.riskReviews.map(\.committeeCode) + batch.financeLines.map(\.committeeCode)).sorted()
        if !committees.isEmpty { return auditAction(batch.kind) + " for " + committees.joined(separator: ", ") }
        let release = [
            batch.releasePublished.map { "release of \($0.iso)" }, batch.releaseNextUpdateDue.map { "next update due \($0.iso)" },
        ].compactMap(\.self)
        return auditAction(batch.kind) + (release.isEmpty ? "" : " (\(release.joined(separator: "; ")))")
    }

    /// Adds new areas and updates changed ones.
    private func upsertAreas(_ areas: [Area]) async throws -> ImportTally {
        guard !areas.isEmpty else { return ImportTally() }
        try Self.requireUnique(areas.map(\.code), record: "area")
        typealias A = Schema.Areas
        var stored: [String: Area] = [:]
        try await session.forEachChunk(of: areas.map(\.code)) { codes in
            for row in try await database.rows(
                "SELECT \(unsafeRaw: A.columns.joined(separator: ", ")) FROM \(unsafeRaw: A.table) WHERE \(unsafeRaw: A.code) IN (\(binds: codes))",
                table: A.table
            ) {
                let area = try AreaRecord.decode(row)
                stored[area.code] = area
            }
        }
        let plan = UpsertPlan(areas, stored: stored, key: \.code, same: ==)
        if !plan.toWrite.isEmpty {
            try await session.insertRows(
                into: A.table, columns: A.columns, cells: plan.toWrite.flatMap(AreaRecord.cells),
                tail: Self.updateOnConflict(key: [A.code], columns: A.columns)
            )
        }
        return plan.counts
    }

    /// Adds new successions and updates the day of changed ones (the same two councils).
    private func upsertSuccessions(_ successions: [AreaSuccession]) async throws -> ImportTally {
        guard !successions.isEmpty else { return ImportTally() }
        typealias S = Schema.AreaSuccessions
        func key(_ succession: AreaSuccession) -> String { succession.predecessorCode + " " + succession.successorCode }
        try Self.requireUnique(successions.map(key), record: "succession")
        var stored: [String: AreaSuccession] = [:]
        try await session.forEachChunk(of: Set(successions.map(\.predecessorCode)).sorted()) { codes in
            for row in try await database.rows(
                "SELECT \(unsafeRaw: S.columns.joined(separator: ", ")) FROM \(unsafeRaw: S.table) WHERE \(unsafeRaw: S.predecessorCode) IN (\(binds: codes))",
                table: S.table
            ) {
                let succession = try AreaRecord.decodeSuccession(row)
                stored[key(succession)] = succession
            }
        }
        let plan = UpsertPlan(successions, stored: stored, key: key, same: ==)
        if !plan.toWrite.isEmpty {
            try await session.insertRows(
                into: S.table, columns: S.columns, cells: plan.toWrite.flatMap(AreaRecord.successionCells),
                tail: Self.updateOnConflict(key: [S.predecessorCode, S.successorCode], columns: S.columns)
            )
        }
        return plan.counts
    }

    /// `ON CONFLICT (key columns) DO UPDATE SET …` for every other column: the upsert both engines spell alike.
    private static func updateOnConflict(key: [String], columns: [String]) -> String {
        "ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET "
            + columns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }

    // MARK: Statistical neighbours

    /// Adds new lists and replaces lists that differ from the stored one of the same edition and area.
    private func replaceNeighbourLists(_ lists: [StatisticalNeighbours]) async throws -> ImportTally {
        guard !lists.isEmpty else { return ImportTally() }
        typealias N = Schema.Neighbours
        func key(_ list: StatisticalNeighbours) -> String { "\(list.edition) \(list.areaCode)" }
        try Self.requireUnique(lists.map(key), record: "neighbour list of edition and area")
        let ranked = lists.map { list in
            StatisticalNeighbours(edition: list.edition, areaCode: list.areaCode, neighbours: list.neighbours.sorted { $0.rank < $1.rank })
        }
        var stored: [String: StatisticalNeighbours] = [:]
        let editions = Set(lists.map(\.edition)).sorted()
        let rows = try await database.rows("""
            SELECT \(unsafeRaw: N.columns.joined(separator: ", ")) FROM \(unsafeRaw: N.table)
            WHERE \(unsafeRaw: N.edition) IN (\(binds: editions)) ORDER BY \(unsafeRaw: N.edition), \(unsafeRaw: N.areaCode), \(unsafeRaw: N.rank)
            """, table: N.table)
        for list in try NeighbourRecord.decode(rows) { stored[key(list)] = list }
        let plan = UpsertPlan(ranked, stored: stored, key: key, same: ==)
        let changedKeys = Set(plan.changedKeys)
        let changed = Dictionary(grouping: ranked.filter { changedKeys.contains(key($0)) }, by: \.edition)
        for (edition, changedLists) in changed.sorted(by: { $0.key < $1.key }) {
            try await session.forEachChunk(of: changedLists.map(\.areaCode)) { areaCodes in
                try await database.raw("""
                    DELETE FROM \(unsafeRaw: N.table) WHERE \(unsafeRaw: N.edition) = \(bind: edition) AND \(unsafeRaw: N.areaCode) IN (\(binds: areaCodes))
                    """).run()
            }
        }
        let cells = plan.toWrite.flatMap(NeighbourRecord.cells)
        if !cells.isEmpty {
            try await session.insertRows(into: N.table, columns: N.columns, cells: cells)
        }
        return plan.counts
    }

    // MARK: Comparator groups

    /// Adds new groups and replaces changed ones, members and all; refuses to change whose own a
    /// stored group is.
    private func replaceComparatorGroups(_ groups: [ComparatorGroup], definedAt: [String: CellReference]) async throws -> ImportTally {
        guard !groups.isEmpty else { return ImportTally() }
        typealias G = Schema.ComparatorGroups
        typealias B = Schema.ComparatorGroupMembers
        try Self.requireUnique(groups.map(\.code), record: "comparator group")
        var stored: [String: ComparatorGroup] = [:]
        try await session.forEachChunk(of: groups.map(\.code)) { codes in
            let rows = try await database.rows(
                "SELECT \(unsafeRaw: G.columns.joined(separator: ", ")) FROM \(unsafeRaw: G.table) WHERE \(unsafeRaw: G.code) IN (\(binds: codes))",
                table: G.table
            )
            let members = try await database.rows(
                "SELECT \(unsafeRaw: B.columns.joined(separator: ", ")) FROM \(unsafeRaw: B.table) WHERE \(unsafeRaw: B.groupCode) IN (\(binds: codes))",
                table: B.table
            )
            for group in try ComparatorGroupRecord.decode(rows, members: members) { stored[group.code] = group }
        }
        try StoreError.refusing(groups.compactMap { group in
            guard let existing = stored[group.code], existing.ownerAreaCode != group.ownerAreaCode else { return nil }
            return .groupOfAnotherOwner(
                groupCode: group.code, owner: existing.ownerAreaCode, importedFor: group.ownerAreaCode, definedAt: definedAt[group.code]
            )
        })
        let plan = UpsertPlan(groups, stored: stored, key: \.code, same: ==)
        guard !plan.toWrite.isEmpty else { return plan.counts }
        try await session.forEachChunk(of: plan.changedKeys) { codes in
            try await database.raw("DELETE FROM \(unsafeRaw: B.table) WHERE \(unsafeRaw: B.groupCode) IN (\(binds: codes))").run()
        }
        try await session.insertRows(
            into: G.table, columns: G.columns, cells: plan.toWrite.flatMap(ComparatorGroupRecord.cells),
            tail: Self.updateOnConflict(key: [G.code], columns: G.columns)
        )
        try await session.insertRows(into: B.table, columns: B.columns, cells: plan.toWrite.flatMap(ComparatorGroupRecord.memberCells))
        return plan.counts
    }

    // MARK: Risk registers and finance returns

    /// Adds new records a committee keeps and replaces changed ones (the same key): reads the
    /// stored rows of each committee's `narrowingColumn` values in the batch, compares in memory,
    /// and writes only what is new or changed in one upsert. With `removingMissing`, also removes
    /// the stored records of those values that the batch does not hold, and names them.
    private func replaceCommitteeRecords<Mapping: CommitteeRecordMapping>(
        _ records: [Mapping.Record], _ mapping: Mapping.Type, removingMissing: Bool = false
    ) async throws -> (counts: ImportTally, removedKeys: [String]) {
        guard !records.isEmpty else { return (ImportTally(), []) }
        try Self.requireUnique(records.map(Mapping.key), record: Mapping.recordName)
        var stored: [String: Mapping.Record] = [:]
        for committee in Set(records.map(Mapping.committeeCode)).sorted() {
            let values = Array(Set(records.filter { Mapping.committeeCode(of: $0) == committee }.map(Mapping.narrowingValue))).sorted()
            try await session.forEachChunk(of: values) { chunk in
                let rows = try await database.rows("""
                    SELECT \(unsafeRaw: Mapping.columns.joined(separator: ", ")) FROM \(unsafeRaw: Mapping.table)
                    WHERE \(unsafeRaw: Mapping.keyColumns[0]) = \(bind: committee) AND \(unsafeRaw: Mapping.narrowingColumn) IN (\(binds: chunk))
                    """, table: Mapping.table)
                for row in rows {
                    let record = try Mapping.decode(row)
                    stored[Mapping.key(record)] = record
                }
            }
        }
        var plan = UpsertPlan(records, stored: stored, key: Mapping.key, same: ==)
        if !plan.toWrite.isEmpty {
            try await session.insertRows(
                into: Mapping.table, columns: Mapping.columns, cells: plan.toWrite.flatMap(Mapping.cells),
                tail: Self.updateOnConflict(key: Mapping.keyColumns, columns: Mapping.columns)
            )
        }
        // Files that hold every record of each narrowing value they name (a quarter's whole finance
        // return) remove the stored records of those values they no longer hold.
        guard removingMissing else { return (plan.counts, []) }
        let held = Set(records.map(Mapping.key))
        let missing = stored.filter { !held.contains($0.key) }.sorted { $0.key < $1.key }
        let keyPositions = Mapping.keyColumns.map { Mapping.columns.firstIndex(of: $0)! }
        try await session.deleteRows(from: Mapping.table, columns: Mapping.keyColumns, keys: missing.map { _, record in
            let cells = Mapping.cells(record)
            return keyPositions.map { cells[$0] }
        })
        plan.counts.removed = missing.count
        return (plan.counts, missing.map(\.key))
    }

    // MARK: Observations

    /// Where a stored observation is: its series and period keys.
    private struct StoredPlace: Hashable {
        let series: Int
        let period: Int
    }

    /// What to do with a batch's observations.
    private struct ObservationPlan {
        var toWrite: [Observation] = []
        var superseded: [StoredPlace] = []
        /// The changes whose figures were published before the stored figures they replace.
        var replacingNewer: [OlderFigure] = []
        /// New figures for a period the same series holds under another label.
        var relabelled: [RelabelledFigure] = []
        var counts = ImportTally()
    }

    /// Reads the stored cells of the batch's measures in one query per chunk of measure codes and
    /// sorts each observation into added, changed (its stored row to be superseded) or unchanged
    /// (the same figures, whichever file they come from). A published release's dates
    /// (`--published`, `--next-update`) belong to the figures it adds or changes: a figure it
    /// repeats keeps the dates it was first published with, unless it had none. A local file's
    /// dates are its own cells (`datesAreData`), so a corrected date there is a change.
    /// A stored cell is matched at most once, so a key the batch holds twice always reaches the
    /// primary key (or `requireOnePeriodPerLabel`) and fails the import (the caller then names the key).
    /// `rows` names the row each observation was read from, where the parser said, for an older
    /// figure refused.
    private func planObservations(_ observations: [Observation], rows: [RowReference], datesAreData: Bool) async throws -> ObservationPlan {
        var plan = ObservationPlan()
        guard !observations.isEmpty else { return plan }
        typealias O = Schema.Observations
        typealias V = Schema.ObservationValues
        var stored: [ObservationKey: (place: StoredPlace, observation: Observation)] = [:]
        let columns = [V.seriesId, V.periodId] + O.fieldColumns
        try await session.forEachChunk(of: Self.measureCodes(of: observations)) { codes in
            let rows = try await session.cells("""
                SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM \(unsafeRaw: O.table) WHERE \(unsafeRaw: O.measureCode) IN (\(binds: codes))
                """)
            stored.reserveCapacity(stored.count + rows.count)
            for cells in rows {
                var row = CellReader(cells, table: O.table, columns: columns)
                let place = StoredPlace(series: try row.integer(), period: try row.integer())
                let observation = try ObservationRecord.decode(&row)
                stored[ObservationRecord.key(observation)] = (place, observation)
            }
        }
        guard !stored.isEmpty else {
            plan.toWrite = observations
            plan.counts.added = observations.count
            return plan
        }
        plan.toWrite.reserveCapacity(observations.count)
        let rows = rows.count == observations.count ? rows : []
        // Each stored period by its series and dates, so a figure for one of them under another
        // label (EES's "2024/25" for a financial year stored as "2025") is not a second series.
        var storedLabels: [PeriodSpan: String] = [:]
        storedLabels.reserveCapacity(stored.count)
        for (key, cell) in stored {
            storedLabels[PeriodSpan(key, cell.observation.period)] = key.periodLabel
        }
        for (index, observation) in observations.enumerated() {
            if let old = stored.removeValue(forKey: ObservationRecord.key(observation)) {
                // The same figures from another file (a later release repeating them) are
                // unchanged: the cell keeps the file that first published them.
                var figures = observation
                figures.source = old.observation.source
                if !datesAreData, old.observation.published != nil || observation.published == nil {
                    figures.published = old.observation.published
                    figures.nextUpdateDue = old.observation.nextUpdateDue
                } else if datesAreData, observation.published == nil, old.observation.published != nil {
                    // A local row with no date (a blank cell, or a file saved without the
                    // column) says nothing about when its figure was published: the stored dates
                    // stay, and a figure it would change is not known to be newer (found by
                    // exploratory testing: an old sheet without its dates undid corrections).
                    figures.published = old.observation.published
                    if observation.nextUpdateDue == nil { figures.nextUpdateDue = old.observation.nextUpdateDue }
                }
                if old.observation == figures {
                    plan.counts.unchanged += 1
                } else {
                    let undated = datesAreData && observation.published == nil
                    if let storedPublished = old.observation.published, undated || observation.published.map({ $0 < storedPublished }) == true,
                       !Self.sameFigures(old.observation, observation) {
                        let row = rows.isEmpty ? nil : rows[index]
                        plan.replacingNewer.append(OlderFigure(
                            key: Self.describe(ObservationRecord.key(observation)), file: row?.file ?? observation.source, row: row?.row,
                            published: observation.published?.description ?? "",
                            figure: Self.figure(observation), stored: Self.figure(old.observation),
                            storedPublished: storedPublished.description, storedFile: old.observation.source
                        ))
                    }
                    plan.counts.changed += 1
                    plan.superseded.append(old.place)
                    // The same figures undated (a note changed, say) keep the stored dates.
                    var written = observation
                    if undated, Self.sameFigures(old.observation, observation) {
                        written.published = figures.published
                        written.nextUpdateDue = figures.nextUpdateDue
                    }
                    plan.toWrite.append(written)
                }
            } else {
                let key = ObservationRecord.key(observation)
                if let storedLabel = storedLabels[PeriodSpan(key, observation.period)], storedLabel != key.periodLabel {
                    let row = rows.isEmpty ? nil : rows[index]
                    plan.relabelled.append(RelabelledFigure(
                        key: Self.describe(key), file: row?.file ?? observation.source, row: row?.row, span: observation.period.spanText, storedLabel: storedLabel
                    ))
                }
                plan.counts.added += 1
                plan.toWrite.append(observation)
            }
        }
        return plan
    }

    /// A series (measure, area, breakdown) and a period's dates and kind, whatever its label.
    private struct PeriodSpan: Hashable {
        let measure: String, area: String, breakdown: String
        let start: CalendarDate, end: CalendarDate
        let kind: Period.Kind

        init(_ key: ObservationKey, _ period: Period) {
            measure = key.measureCode
            area = key.areaCode
            breakdown = key.breakdownKey
            start = period.start
            end = period.end
            kind = period.kind
        }
    }

    /// True when `a` and `b` differ at most in their file and dates: a local file correcting only
    /// a figure's date is not an older figure put back.
    private static func sameFigures(_ a: Observation, _ b: Observation) -> Bool {
        var dated = b
        dated.source = a.source
        dated.published = a.published
        dated.nextUpdateDue = a.nextUpdateDue
        return a == dated
    }

    /// An observation's figure as a refusal shows it: its value, else its status symbol.
    private static func figure(_ observation: Observation) -> String {
        if let value = observation.value { return PlainNumber.text(value) }
        return observation.statusSymbol.map { "\"\($0.rawValue)\"" } ?? "blank"
    }

    /// The measure codes of `observations`, sorted, each once (rows come grouped by measure, so
    /// only a change of code is looked up).
    private static func measureCodes(of observations: [Observation]) -> [String] {
        var codes = Set<String>()
        var last: String?
        for observation in observations where observation.measureCode != last {
            last = observation.measureCode
            codes.insert(observation.measureCode)
        }
        return codes.sorted()
    }

    /// Moves the stored observations at `places` into history, marked as superseded by the audit
    /// row `auditId`. (Their series, periods and sources stay: other rows and history may share them.)
    private func supersede(_ places: [StoredPlace], by auditId: Int) async throws {
        typealias O = Schema.Observations
        typealias H = Schema.ObservationHistory
        typealias V = Schema.ObservationValues
        let fields = O.fieldColumns.joined(separator: ", ")
        try await session.forEachChunk(of: places, size: (session.engine.maximumBindsPerStatement - 16) / 2) { chunk in
            let pairs = chunk.map { "(\($0.series), \($0.period))" }.joined(separator: ", ")
            // The keys are integers the database gave, written as literals.
            try await database.raw("""
                INSERT INTO \(unsafeRaw: H.table) (\(unsafeRaw: fields), \(unsafeRaw: O.importedBy), \(unsafeRaw: H.supersededBy))
                SELECT \(unsafeRaw: fields), \(unsafeRaw: O.importedBy), \(literal: auditId) FROM \(unsafeRaw: O.table)
                WHERE (\(unsafeRaw: V.seriesId), \(unsafeRaw: V.periodId)) IN (VALUES \(unsafeRaw: pairs))
                """).run()
            try await database.raw("""
                DELETE FROM \(unsafeRaw: V.table) WHERE (\(unsafeRaw: V.seriesId), \(unsafeRaw: V.periodId)) IN (VALUES \(unsafeRaw: pairs))
                """).run()
        }
    }

    /// Removes the sources no current observation names any more (every cell an earlier import
    /// wrote from a file has been corrected): history keeps each superseded row's source as text.
    private func removeUnusedSources() async throws {
        typealias R = Schema.ObservationSources
        typealias V = Schema.ObservationValues
        try await database.raw("""
            DELETE FROM \(unsafeRaw: R.table) WHERE \(unsafeRaw: R.id) NOT IN (SELECT \(unsafeRaw: V.sourceId) FROM \(unsafeRaw: V.table))
            """).run()
    }

    /// A measure for an area and breakdown, as the series table keys it.
    private struct SeriesKey: Hashable {
        let measureCode: String
        let areaCode: String
        let breakdownKey: String
    }

    /// A file and its publication dates, as the observation_sources table keys them (with the import).
    private struct SourceKey: Hashable {
        let source: String
        let published: CalendarDate?
        let nextUpdateDue: CalendarDate?
    }

    /// The distinct series, periods and sources of a batch's observations, in the order first
    /// met, and for each observation the position of its own in those lists.
    private struct DistinctParents {
        var series: [SeriesKey] = []
        var periods: [Period] = []
        var sources: [SourceKey] = []
        var positions: [(series: Int32, period: Int32, source: Int32)] = []

        /// One hash lookup per observation (its series): rows come grouped by period and source,
        /// so those are compared with the previous row's first.
        init(_ observations: [Observation]) {
            var seriesPositions: [SeriesKey: Int32] = [:], periodPositions: [Period: Int32] = [:], sourcePositions: [SourceKey: Int32] = [:]
            var lastPeriod: (period: Period, position: Int32)?
            var lastSource: (key: SourceKey, position: Int32)?
            positions.reserveCapacity(observations.count)
            for observation in observations {
                let seriesKey = SeriesKey(
                    measureCode: observation.measureCode, areaCode: observation.areaCode,
                    breakdownKey: ObservationRecord.breakdownKey(observation.breakdown)
                )
                let seriesPosition: Int32
                if let known = seriesPositions[seriesKey] {
                    seriesPosition = known
                } else {
                    seriesPosition = Int32(series.count)
                    seriesPositions[seriesKey] = seriesPosition
                    series.append(seriesKey)
                }
                let periodPosition: Int32
                if let lastPeriod, lastPeriod.period == observation.period {
                    periodPosition = lastPeriod.position
                } else if let known = periodPositions[observation.period] {
                    periodPosition = known
                } else {
                    periodPosition = Int32(periods.count)
                    periodPositions[observation.period] = periodPosition
                    periods.append(observation.period)
                }
                lastPeriod = (observation.period, periodPosition)
                let sourceKey = SourceKey(source: observation.source, published: observation.published, nextUpdateDue: observation.nextUpdateDue)
                let sourcePosition: Int32
                if let lastSource, lastSource.key == sourceKey {
                    sourcePosition = lastSource.position
                } else if let known = sourcePositions[sourceKey] {
                    sourcePosition = known
                } else {
                    sourcePosition = Int32(sources.count)
                    sourcePositions[sourceKey] = sourcePosition
                    sources.append(sourceKey)
                }
                lastSource = (sourceKey, sourcePosition)
                positions.append((seriesPosition, periodPosition, sourcePosition))
            }
        }
    }

    /// The database's keys for `parents`' series, periods and sources, in the order of those lists:
    /// series and periods already stored keep theirs (read in a query per chunk), the others are
    /// added; the sources are always added, as each import's are its own (the audit row says which
    /// import wrote a figure).
    private func keys(of parents: DistinctParents, importedBy auditId: Int) async throws -> (series: [Int], periods: [Int], sources: [Int]) {
        typealias S = Schema.Series
        typealias P = Schema.Periods
        typealias R = Schema.ObservationSources
        var seriesIds = try await storedKeys(
            in: S.table, columns: S.columns, where: S.measureCode, isOneOf: Set(parents.series.map(\.measureCode))
        ) { row in SeriesKey(measureCode: try row.text(), areaCode: try row.text(), breakdownKey: try row.text()) }
        var periodIds = try await storedKeys(
            in: P.table, columns: P.columns, where: P.label, isOneOf: Set(parents.periods.map(\.label)), ObservationRecord.decodePeriod
        )
        let newSeries = parents.series.filter { seriesIds[$0] == nil }
        for (cells, id) in try await insertReturningIds(
            into: S.table, columns: S.columns, rows: newSeries.map { [.text($0.measureCode), .text($0.areaCode), .text($0.breakdownKey)] }
        ) {
            seriesIds[SeriesKey(measureCode: try Self.text(cells[0]), areaCode: try Self.text(cells[1]), breakdownKey: try Self.text(cells[2]))] = id
        }
        let newPeriods = parents.periods.filter { periodIds[$0] == nil }
        for (cells, id) in try await insertReturningIds(into: P.table, columns: P.columns, rows: newPeriods.map(ObservationRecord.periodCells)) {
            var row = CellReader(cells, table: P.table, columns: P.columns)
            periodIds[try ObservationRecord.decodePeriod(&row)] = id
        }
        let sourceRows: [[SQLCell]] = parents.sources.map {
            [.text($0.source), SQLCell($0.published?.iso), SQLCell($0.nextUpdateDue?.iso), .integer(auditId)]
        }
        var sourceIds: [SourceKey: Int] = [:]
        for (cells, id) in try await insertReturningIds(into: R.table, columns: R.columns, rows: sourceRows) {
            var row = CellReader(cells, table: R.table, columns: R.columns)
            let source = try row.text()
            let published = try row.optionalParsed { CalendarDate(iso: $0) }
            let nextUpdateDue = try row.optionalParsed { CalendarDate(iso: $0) }
            sourceIds[SourceKey(source: source, published: published, nextUpdateDue: nextUpdateDue)] = id
        }
        func ids<Key: Hashable>(_ keys: [Key], _ known: [Key: Int], _ table: String) throws -> [Int] {
            try keys.map { key in
                guard let id = known[key] else { throw StoreError.importRolledBack(reason: "\(table) did not read back a row just written") }
                return id
            }
        }
        return (try ids(parents.series, seriesIds, S.table), try ids(parents.periods, periodIds, P.table), try ids(parents.sources, sourceIds, R.table))
    }

    /// The stored rows of `table` whose `column` is one of `values` (a query per chunk), each as
    /// `decode` reads its `columns`, with the row's key.
    private func storedKeys<Key: Hashable>(
        in table: String, columns: [String], where column: String, isOneOf values: Set<String>,
        _ decode: (inout CellReader) throws -> Key
    ) async throws -> [Key: Int] {
        var keys: [Key: Int] = [:]
        try await session.forEachChunk(of: values.sorted()) { chunk in
            for cells in try await session.cells("""
                SELECT id, \(unsafeRaw: columns.joined(separator: ", ")) FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) IN (\(binds: chunk))
                """) {
                var row = CellReader(cells, table: table, columns: ["id"] + columns)
                let id = try row.integer()
                keys[try decode(&row)] = id
            }
        }
        return keys
    }

    /// Inserts `rows` and returns each row's cells (as stored) with the key the database gave it.
    private func insertReturningIds(into table: String, columns: [String], rows: [[SQLCell]]) async throws -> [([SQLCell], Int)] {
        var result: [([SQLCell], Int)] = []
        result.reserveCapacity(rows.count)
        try await session.forEachChunk(of: rows, size: session.engine.maximumBindsPerStatement / columns.count) { chunk in
            let returned = try await session.insertReturning(
                into: table, columns: columns, cells: chunk.flatMap { $0 }, returning: (["id"] + columns).joined(separator: ", ")
            )
            for cells in returned {
                guard case let .integer(id) = cells.first else { throw StoreError.importRolledBack(reason: "\(table) gave no key") }
                result.append((Array(cells.dropFirst()), id))
            }
        }
        return result
    }

    private static func text(_ cell: SQLCell) throws -> String {
        guard case let .text(text) = cell else { throw StoreError.importRolledBack(reason: "a key column read back as \(cell)") }
        return text
    }

    /// Refuses a batch that holds one cell (measure, area, period label, breakdown) twice with
    /// different periods of the same label, which the primary key (series, period) would not see.
    /// Only a label shared by two of the batch's periods (a financial and a calendar `2025`) needs
    /// checking, by series.
    private static func requireOnePeriodPerLabel(_ observations: [Observation], parents: DistinctParents) throws {
        var labelNumbers: [String: Int] = [:], periodsPerLabel: [Int: Int] = [:]
        let labelOfPeriod = parents.periods.map { period in
            let number = labelNumbers[period.label] ?? labelNumbers.count
            labelNumbers[period.label] = number
            periodsPerLabel[number, default: 0] += 1
            return number
        }
        guard periodsPerLabel.values.contains(where: { $0 > 1 }) else { return }
        var seen = Set<Int>()
        for (position, parent) in parents.positions.enumerated() {
            let label = labelOfPeriod[Int(parent.period)]
            guard periodsPerLabel[label]! > 1 else { continue }
            if !seen.insert(Int(parent.series) << 24 | label).inserted {
                throw StoreError.duplicateInBatch(record: "observation", key: describe(ObservationRecord.key(observations[position])))
            }
        }
    }

    /// Observations planned and written per chunk: the statements of one chunk are planned while
    /// the database writes the previous one, so on two cores the Swift work hides behind SQLite's.
    static let observationsPerChunk = 4_096

    /// Inserts observations as written by the audit row `auditId`, in the order of their series and
    /// period keys (SQLite then appends to its B-tree instead of splitting pages all over it),
    /// reporting each chunk written to `progress`.
    private func insert(
        _ observations: [Observation], importedBy auditId: Int, progress: (@Sendable (_ written: Int, _ toWrite: Int) -> Void)?
    ) async throws {
        guard !observations.isEmpty else { return }
        typealias V = Schema.ObservationValues
        let parents = DistinctParents(observations)
        try Self.requireOnePeriodPerLabel(observations, parents: parents)
        let keys = try await keys(of: parents, importedBy: auditId)
        var places: [(series: Int, period: Int, source: Int, position: Int)] = []
        places.reserveCapacity(observations.count)
        for (position, parent) in parents.positions.enumerated() {
            places.append((keys.series[Int(parent.series)], keys.periods[Int(parent.period)], keys.sources[Int(parent.source)], position))
        }
        places.sort { ($0.series, $0.period) < ($1.series, $1.period) }
        let session = self.session
        var texts = StoreSession.InsertTexts()
        func statements(from start: Int) -> [StoreSession.BoundStatement] {
            let end = min(places.count, start + Self.observationsPerChunk)
            var cells: [SQLCell] = []
            cells.reserveCapacity((end - start) * V.columns.count)
            for place in places[start..<end] {
                ObservationRecord.appendValueCells(
                    of: observations[place.position], series: place.series, period: place.period, source: place.source, to: &cells
                )
            }
            return session.insertStatements(into: V.table, columns: V.columns, cells: cells, texts: &texts)
        }
        var planned = statements(from: 0)
        var start = 0
        while true {
            let chunk = planned
            let written = min(places.count, start + Self.observationsPerChunk)
            async let writing: Void = {
                for statement in chunk { try await session.run(statement) }
            }()
            start = written
            if start < places.count { planned = statements(from: start) }
            try await writing
            progress?(written, places.count)
            if start >= places.count { break }
        }
    }

    // MARK: Checks

    /// Refuses a batch that holds one record twice.
    private static func requireUnique(_ keys: [String], record: String) throws {
        var seen = Set<String>()
        for key in keys where !seen.insert(key).inserted {
            throw StoreError.duplicateInBatch(record: record, key: key)
        }
    }

    /// The first observation key a batch holds twice, if any: asked only after an import failed,
    /// to say which cell the unique key refused.
    static func duplicateObservation(in observations: [Observation]) -> ObservationKey? {
        var seen = Set<ObservationKey>(minimumCapacity: observations.count)
        for observation in observations {
            let key = ObservationRecord.key(observation)
            if !seen.insert(key).inserted { return key }
        }
        return nil
    }

    /// An observation's key as a user reads it.
    static func describe(_ key: ObservationKey) -> String {
        "\(key.measureCode) \(key.areaCode) \(key.periodLabel)" + (key.breakdownKey.isEmpty ? "" : " [\(key.breakdownKey)]")
    }
}
