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
        var counts = RecordCounts()
        counts += try await upsertMeasures(batch.measures)
        counts += try await upsertAreas(batch.areas)
        counts += try await replaceNeighbourLists(batch.neighbourLists)
        let observations = try await planObservations(batch.observations)
        counts += observations.counts
        let summary = ImportSummary(
            rowsRead: batch.rowsRead, added: counts.added, changed: counts.changed, unchanged: counts.unchanged, rejected: 0
        )
        let auditId = try await AuditWriter.insert(
            into: session, action: "import \(batch.kind.rawValue)", user: user, at: timestamp, files: batch.files, summary: summary
        )
        try await supersede(observations.supersededIds, by: auditId)
        try await insert(observations.toWrite, importedBy: auditId, progress: progress)
        return summary
    }

    // MARK: Measures and areas

    /// Adds new measures and updates changed ones (with their committees).
    private func upsertMeasures(_ measures: [Measure]) async throws -> RecordCounts {
        guard !measures.isEmpty else { return RecordCounts() }
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
        let plan = UpsertPlan(measures, stored: stored, key: \.code, same: ==)
        guard !plan.toWrite.isEmpty else { return plan.counts }
        try await session.insertRows(
            into: M.table, columns: M.columns, cells: plan.toWrite.flatMap(MeasureRecord.cells),
            tail: Self.updateOnConflict(key: M.code, columns: M.columns)
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

    /// Adds new areas and updates changed ones.
    private func upsertAreas(_ areas: [Area]) async throws -> RecordCounts {
        guard !areas.isEmpty else { return RecordCounts() }
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
                tail: Self.updateOnConflict(key: A.code, columns: A.columns)
            )
        }
        return plan.counts
    }

    /// `ON CONFLICT (key) DO UPDATE SET …` for every other column: the upsert both engines spell alike.
    private static func updateOnConflict(key: String, columns: [String]) -> String {
        "ON CONFLICT (\(key)) DO UPDATE SET "
            + columns.filter { $0 != key }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }

    // MARK: Statistical neighbours

    /// Adds new lists and replaces lists that differ from the stored one of the same edition and area.
    private func replaceNeighbourLists(_ lists: [StatisticalNeighbours]) async throws -> RecordCounts {
        guard !lists.isEmpty else { return RecordCounts() }
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

    // MARK: Observations

    /// What to do with a batch's observations.
    private struct ObservationPlan {
        var toWrite: [Observation] = []
        var supersededIds: [Int] = []
        var counts = RecordCounts()
    }

    /// Reads the stored cells of the batch's measures in one query per chunk of measure codes and
    /// sorts each observation into added, changed (its stored row to be superseded) or unchanged.
    /// A stored cell is matched at most once, so a key the batch holds twice always reaches the
    /// unique key and fails the import (the caller then names the key).
    private func planObservations(_ observations: [Observation]) async throws -> ObservationPlan {
        var plan = ObservationPlan()
        guard !observations.isEmpty else { return plan }
        typealias O = Schema.Observations
        var stored: [ObservationKey: (id: Int, observation: Observation)] = [:]
        let columns = [O.id] + O.fieldColumns
        try await session.forEachChunk(of: Set(observations.map(\.measureCode)).sorted()) { codes in
            let rows = try await session.cells("""
                SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM \(unsafeRaw: O.table) WHERE \(unsafeRaw: O.measureCode) IN (\(binds: codes))
                """)
            stored.reserveCapacity(stored.count + rows.count)
            for cells in rows {
                var row = CellReader(cells, table: O.table, columns: columns)
                let id = try row.integer()
                let observation = try ObservationRecord.decode(&row)
                stored[ObservationRecord.key(observation)] = (id, observation)
            }
        }
        guard !stored.isEmpty else {
            plan.toWrite = observations
            plan.counts.added = observations.count
            return plan
        }
        plan.toWrite.reserveCapacity(observations.count)
        for observation in observations {
            if let old = stored.removeValue(forKey: ObservationRecord.key(observation)) {
                if old.observation == observation {
                    plan.counts.unchanged += 1
                } else {
                    plan.counts.changed += 1
                    plan.supersededIds.append(old.id)
                    plan.toWrite.append(observation)
                }
            } else {
                plan.counts.added += 1
                plan.toWrite.append(observation)
            }
        }
        return plan
    }

    /// Moves the stored rows `ids` into history, marked as superseded by the audit row `auditId`.
    private func supersede(_ ids: [Int], by auditId: Int) async throws {
        typealias O = Schema.Observations
        typealias H = Schema.ObservationHistory
        let fields = O.fieldColumns.joined(separator: ", ")
        try await session.forEachChunk(of: ids) { chunk in
            try await database.raw("""
                INSERT INTO \(unsafeRaw: H.table) (\(unsafeRaw: fields), \(unsafeRaw: O.importedBy), \(unsafeRaw: H.supersededBy))
                SELECT \(unsafeRaw: fields), \(unsafeRaw: O.importedBy), \(literal: auditId) FROM \(unsafeRaw: O.table)
                WHERE \(unsafeRaw: O.id) IN (\(binds: chunk))
                """).run()
            try await database.raw("DELETE FROM \(unsafeRaw: O.table) WHERE \(unsafeRaw: O.id) IN (\(binds: chunk))").run()
        }
    }

    /// Observations planned and written per chunk: the statements of one chunk are planned while
    /// the database writes the previous one, so on two cores the Swift work hides behind SQLite's.
    static let observationsPerChunk = 4_096

    /// Inserts observations as written by the audit row `auditId`, reporting each chunk written
    /// to `progress`. (Writing them in the unique key's order was tried: grouping the rows cost more
    /// than SQLite saved.)
    private func insert(
        _ observations: [Observation], importedBy auditId: Int, progress: (@Sendable (_ written: Int, _ toWrite: Int) -> Void)?
    ) async throws {
        guard !observations.isEmpty else { return }
        typealias O = Schema.Observations
        let session = self.session
        var record = ObservationRecord()
        var texts = StoreSession.InsertTexts()
        func statements(from start: Int) -> [StoreSession.BoundStatement] {
            let end = min(observations.count, start + Self.observationsPerChunk)
            var cells: [SQLCell] = []
            cells.reserveCapacity((end - start) * O.insertColumns.count)
            for position in start..<end {
                record.appendCells(of: observations[position], importedBy: auditId, to: &cells)
            }
            return session.insertStatements(into: O.table, columns: O.insertColumns, cells: cells, texts: &texts)
        }
        var planned = statements(from: 0)
        var start = 0
        while true {
            let chunk = planned
            let written = min(observations.count, start + Self.observationsPerChunk)
            async let writing: Void = {
                for statement in chunk { try await session.run(statement) }
            }()
            start = written
            if start < observations.count { planned = statements(from: start) }
            try await writing
            progress?(written, observations.count)
            if start >= observations.count { break }
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
