import Foundation
import ScrutineerCore
import SQLKit
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

@Suite("Migrating databases an earlier Scrutineer left (SQLite and PostgreSQL)")
struct StorageMigrationTests {
    /// A database as migrations 1–4 left it, with observations written in migration 1's table (one
    /// row per observation, every field as text or number) and one superseded version in history:
    /// migration 5 must move every field of every row, and the reads must not change.
    @Test("migration 5 moves every stored observation to series and periods; every read and re-import is unchanged", arguments: TestEngine.available)
    func observationsBySeriesAndPeriod(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = try RoundTripBatch.make(data)
        var parents = batch
        parents.observations = []
        // Written by a published file's import, so migration 7 keeps every measure published (as
        // the round trip's re-import defines them).
        parents.kind = .ees
        try await withStore(engine, migratedThrough: 4) { store, _ in
            #expect(try await store.appliedMigrations() == [1, 2, 3, 4])
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            try await importBatch(parents, into: store, migratedThrough: 4, by: "analyst")
            let importedBy = try #require(try await store.auditTrail().last?.id)
            _ = try await store.importBatch(data.areasBatch, by: "reviewer")
            let supersededBy = try #require(try await store.auditTrail().last?.id)
            let old = try #require(batch.observations.first)
            var older = old
            older.value = 99.5
            older.source = "an earlier file.csv"
            let (rows, historyRow) = (batch.observations, older)
            try await store.inTransaction { session in
                try await session.insertRows(
                    into: "observations", columns: Self.migration1Columns + ["imported_by"],
                    cells: rows.flatMap { Self.migration1Cells($0) + [.integer(importedBy)] }
                )
                try await session.insertRows(
                    into: "observation_history", columns: Self.migration1Columns + ["imported_by", "superseded_by"],
                    cells: Self.migration1Cells(historyRow) + [.integer(importedBy - 1), .integer(supersededBy)]
                )
            }

            try await store.migrate()
            #expect(try await store.appliedMigrations() == Array(1...16))
            let stored = try await store.observations(ObservationQuery())
            let expected = batch.observations.sorted(by: Observation.storeOrder)
            #expect(stored == expected)
            #expect(stored.map { $0.value?.bitPattern } == expected.map { $0.value?.bitPattern })
            #expect(stored.map { $0.upper99_8?.bitPattern } == expected.map { $0.upper99_8?.bitPattern })
            let history = try await store.observationHistory(old.key)
            #expect(history.map(\.observation) == [older])
            #expect(history.map(\.supersededBy) == [supersededBy])

            // The moved rows are the stored cells a re-import compares with.
            #expect(try await store.importBatch(batch, by: "analyst").changedNothing)
            var corrected = batch
            corrected.observations[0].value = 0.25
            let summary = try await store.importBatch(corrected, by: "reviewer")
            #expect(summary.changed == 1)
            #expect(try await store.observationHistory(old.key).map(\.observation) == [older, old])
            #expect(try await store.observations(ObservationQuery()) == corrected.observations.sorted(by: Observation.storeOrder))
        }
    }

    /// The whole LAIT subset as migrations 1–4 stored it: migration 5 moves it into tables a third
    /// of the size, and the file gives the old table's pages back.
    @Test("after migration 5 of the whole LAIT subset, the SQLite file holds no free pages and is smaller")
    func migratedFileShrinks() async throws {
        let data = try RealData.load()
        var parents = data.fullLaitBatch
        parents.observations = []
        try await withStore(.sqlite, migratedThrough: 4) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            try await importBatch(parents, into: store, migratedThrough: 4, by: "analyst")
            let importedBy = try #require(try await store.auditTrail().last?.id)
            let rows = data.fullLaitBatch.observations
            try await store.inTransaction { session in
                try await session.insertRows(
                    into: "observations", columns: Self.migration1Columns + ["imported_by"],
                    cells: rows.flatMap { Self.migration1Cells($0) + [.integer(importedBy)] }
                )
            }
            let pagesBefore = try await Self.pragma("page_count", of: store)
            try await store.migrate()
            #expect(try await Self.pragma("freelist_count", of: store) == 0)
            #expect(try await Self.pragma("page_count", of: store) < pagesBefore / 2)
            #expect(try await store.observations(ObservationQuery()).count == rows.count)
        }
    }

    /// Targets as migration 1 stored them, for the measure only: after migration 6 each version is
    /// kept for every council with a committee, and each council's history goes on by itself.
    @Test("migration 6 keeps every target version for every council with a committee", arguments: TestEngine.available)
    func targetsByCouncil(engine: TestEngine) async throws {
        try await withSampleStore(engine, migratedThrough: 5) { store in
            let first = Self.target(value: 20, from: "2024-04-01", to: "2025-04-01", version: 1)
            let second = Self.target(value: 18, from: "2025-04-01", to: nil, version: 2)
            try await store.inTransaction { session in
                for (code, council) in [("WARKS-CYP", "E10000031"), ("WOK-CS", "E06000041")] {
                    try await session.insertRows(
                        into: "committees", columns: ["code", "name", "council_area_code", "definition", "updated_at"],
                        cells: [.text(code), .text("Children's OSC"), .text(council), .text("{}"), .text("2025-01-01T00:00:00Z")]
                    )
                }
                try await session.insertRows(into: "targets", columns: Self.migration1TargetColumns, cells: Self.migration1Cells(first) + Self.migration1Cells(second))
            }

            try await store.migrate()
            #expect(try await store.appliedMigrations() == Array(1...16))
            for council in ["E10000031", "E06000041"] {
                let expected = [first, second].map { target in
                    var target = target
                    target.councilAreaCode = council
                    return target
                }
                #expect(try await store.targets(for: "PrevRegCPR", council: council) == expected)
            }

            // A new version for one council closes its own version in force, not the other's.
            var third = Self.target(value: 16, from: "2026-04-01", to: nil, version: 1)
            third.councilAreaCode = "E06000041"
            #expect(try await store.setTarget(third, by: "analyst").version == 3)
            #expect(try await store.targets(for: "PrevRegCPR", council: "E06000041").map(\.validTo) == [
                CalendarDate(iso: "2025-04-01"), CalendarDate(iso: "2026-03-31"), nil,
            ])
            #expect(try await store.targets(for: "PrevRegCPR", council: "E10000031").map(\.validTo) == [CalendarDate(iso: "2025-04-01"), nil])
        }
    }

    @Test("migration 6 refuses targets no committee's council can own, and keeps them", arguments: TestEngine.available)
    func targetsWithoutCommittees(engine: TestEngine) async throws {
        try await withSampleStore(engine, migratedThrough: 5) { store in
            let target = Self.target(value: 20, from: "2024-04-01", to: nil, version: 1)
            try await store.inTransaction { session in
                try await session.insertRows(into: "targets", columns: Self.migration1TargetColumns, cells: Self.migration1Cells(target))
            }
            await #expect(throws: (any Error).self) { try await store.migrate() }
            #expect(try await store.appliedMigrations() == [1, 2, 3, 4, 5])
            let kept = try await store.read { session in
                try await session.cells("SELECT measure_code, value FROM targets")
            }
            #expect(kept == [[.text("PrevRegCPR"), .double(20)]])
        }
    }

    /// Observations, a superseded version and their periods as migrations 1–8 stored them:
    /// migration 9 (school-term periods) rebuilds `periods` and `observation_history` on SQLite and
    /// alters their CHECKs on PostgreSQL; every row and key must come through, and a term can then
    /// be stored.
    @Test("migration 9 keeps every period, observation and superseded version, and lets a school term be stored", arguments: TestEngine.available)
    func schoolTermPeriods(engine: TestEngine) async throws {
        let data = try RealData.load()
        try await withSampleStore(engine, migratedThrough: 8) { store in
            var corrected = data.sampleLaitBatch
            let first = try #require(corrected.observations.firstIndex { $0.value != nil })
            corrected.observations[first].value! += 1
            #expect(try await store.importBatch(corrected, by: "reviewer").changed == 1)
            let periodsQuery: SQLQueryString = "SELECT id, label, kind, start_date, end_date FROM periods ORDER BY id"
            let periods = try await store.read { session in try await session.cells(periodsQuery) }
            let observations = try await store.observations(ObservationQuery())
            let history = try await store.observationHistory(ObservationQuery())
            #expect(periods.count > 10 && history.count == 1)

            try await store.migrate()
            #expect(try await store.appliedMigrations() == Array(1...16))
            #expect(try await store.read { session in try await session.cells(periodsQuery) } == periods)
            #expect(try await store.observations(ObservationQuery()) == observations)
            #expect(try await store.observationHistory(ObservationQuery()) == history)
            if engine == .sqlite {
                #expect(try await store.read { session in try await session.cells("PRAGMA foreign_key_check") }.isEmpty)
            }

            // Total absence (an academic measure) for the autumn term, then corrected: the term is
            // stored, read back as a term, and superseded into history like any period.
            var autumn = try #require(data.sampleLaitBatch.observations.first { $0.measureCode == "TotAbs" && $0.areaCode == "E10000031" })
            autumn.period = Period.term(.autumn, ofAcademicYearStartingIn: 2025)
            autumn.value = 3.9
            autumn.source = "absence_autumn_term.csv"
            let termBatch = ImportBatch(kind: .ees, files: [autumn.source], rowsRead: 1, observations: [autumn])
            #expect(try await store.importBatch(termBatch, by: "analyst").added == 1)
            var revised = termBatch
            revised.observations[0].value = 4.1
            #expect(try await store.importBatch(revised, by: "analyst").changed == 1)
            let stored = try await store.observations(ObservationQuery(measureCode: "TotAbs", areaCode: "E10000031", periodLabel: "2025/26 Autumn term"))
            #expect(stored == revised.observations)
            #expect(stored.first?.period.kind == .term)
            #expect(try await store.observationHistory(autumn.key).map(\.observation) == [autumn])
        }
    }

    /// Migration 10 adds the snapshots of published reports. A report published before it, as
    /// migration 4 stored its stage, stays published with no snapshot (the site then assesses it
    /// afresh, as before); publishing it again keeps its first snapshot.
    @Test("migration 10 keeps a report published before it as published, with no snapshot until it is published again", arguments: TestEngine.available)
    func publishedBeforeSnapshots(engine: TestEngine) async throws {
        try await withSampleStore(engine, migratedThrough: 9) { store in
            let definition = StorageCommitteeTests.definition(target: 20)
            try await store.saveCommittee(definition, by: "analyst")
            typealias P = Schema.Publications
            try await store.change { session in
                try await session.insertRows(into: P.table, columns: P.columns, cells: [
                    .text("WARKS-CYP"), .text("2024/25 Q4"), .text("published"), .text("Analyst"), .text("2025-05-20T10:00:00Z"),
                ])
            }
            let before = try await store.publications(committeeCode: "WARKS-CYP")

            try await store.migrate()
            #expect(try await store.appliedMigrations() == Array(1...16))
            #expect(try await store.publications(committeeCode: "WARKS-CYP") == before)
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4") == nil)
            _ = try await store.moveReport(definition, period: try Period.parse("2024/25 Q4", yearType: .financial), to: .published, by: "Analyst", today: CalendarDate(year: 2026, month: 1, day: 5)!)
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4")?.version == 1)
        }
    }

    /// Migration 14 adds the day a request was first promised for. A request recorded before it
    /// keeps every field, with no first day; its next move of the promise records one, and the
    /// database refuses a first day before the meeting that asked.
    @Test("migration 14 keeps every request as it was, and the next move of a promise keeps the day first promised", arguments: TestEngine.available)
    func firstPromisedDays(engine: TestEngine) async throws {
        try await withSampleStore(engine, migratedThrough: 13) { store in
            try await store.saveCommittee(StorageCommitteeTests.definition(target: 20), by: "analyst")
            typealias R = Schema.Requests
            let migration13Columns = Array(R.columns.dropLast())
            #expect(!migration13Columns.contains(R.firstDueBy))
            try await store.change { session in
                try await session.insertRows(into: R.table, columns: migration13Columns, cells: [
                    .text("WARKS-CYP"), .integer(1), .text("2025-01-15"), .text("Councillor Kam Kaur"), .text("A briefing note."), .text("Becky Hale"),
                    .text("2025-03-01"), .text("once"), .null, .null, .null, .text("clerk"), .text("2025-01-16T09:00:00Z"),
                ])
            }
            try await store.migrate()
            #expect(try await store.appliedMigrations().last == 16)
            let kept = try #require(try await store.requests(committeeCode: "WARKS-CYP").first)
            #expect(kept == CommitteeRequest(
                committeeCode: "WARKS-CYP", raisedOn: CalendarDate(iso: "2025-01-15")!, request: "A briefing note.", askedBy: "Councillor Kam Kaur",
                providedBy: "Becky Hale", dueBy: CalendarDate(iso: "2025-03-01")!, recordedBy: "clerk", number: 1, recordedAt: "2025-01-16T09:00:00Z"
            ))
            let moved = try await store.amendRequest(committeeCode: "WARKS-CYP", number: 1, .init(dueBy: .on(CalendarDate(iso: "2025-04-30")!)), by: "clerk")
            #expect(try await store.requests(committeeCode: "WARKS-CYP") == [moved])
            #expect(moved.firstDueBy == CalendarDate(iso: "2025-03-01")!)
            await #expect(throws: (any Error).self, "the database refuses a first day before the meeting") {
                try await store.change { session in
                    try await session.sql.raw("UPDATE \(unsafeRaw: R.table) SET \(unsafeRaw: R.firstDueBy) = '2025-01-01'").run()
                }
            }
            #expect(try await store.requests(committeeCode: "WARKS-CYP") == [moved])
        }
    }

    /// Migration 15 gives each earlier publication the revision of the data it was taken at: the
    /// audit entry its publication wrote, else the newest at or before its time. A publication
    /// after it records its own entry.
    @Test("migration 15 gives each earlier publication the audit entry that recorded it, else the newest at or before its time", arguments: TestEngine.available)
    func publishedRevisions(engine: TestEngine) async throws {
        try await withSampleStore(engine, migratedThrough: 14) { store in
            let definition = StorageCommitteeTests.definition(target: 20)
            try await store.saveCommittee(definition, by: "analyst")
            typealias S = Schema.Snapshots
            let migration14Columns = Array(S.columns.dropLast())
            #expect(!migration14Columns.contains(S.revision))
            let body = String(decoding: try JSONEncoder().encode(ReportSnapshot(
                committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4", takenBy: "analyst", assessments: [], commentary: [], targets: []
            )), as: UTF8.self)
            let first = "2025-05-20T10:00:00Z", second = "2025-06-20T10:00:00Z"
            let (recorded, sameSecond, beforeSecond) = try await store.change { session in
                let recorded = try await AuditWriter.insert(
                    into: session, action: "mark report WARKS-CYP 2024/25 Q4 published (snapshot 1)", user: "analyst", at: first, files: [], summary: nil
                )
                // An import in the same second, after the publication: not part of it.
                let sameSecond = try await AuditWriter.insert(into: session, action: "import local", user: "analyst", at: first, files: [], summary: nil)
                // The second publication has no entry of its own here: it falls back to its time.
                let beforeSecond = try await AuditWriter.insert(into: session, action: "import local", user: "analyst", at: second, files: [], summary: nil)
                _ = try await AuditWriter.insert(into: session, action: "import local", user: "analyst", at: "2025-06-21T10:00:00Z", files: [], summary: nil)
                for (version, at) in [(1, first), (2, second)] {
                    try await session.insertRows(into: S.table, columns: migration14Columns, cells: [
                        .text("WARKS-CYP"), .text("2024/25 Q4"), .integer(version), .text("analyst"), .text(at), .integer(ReportSnapshot.format), .text(body),
                    ])
                }
                return (recorded, sameSecond, beforeSecond)
            }
            #expect(recorded < sameSecond)

            try await store.migrate()
            #expect(try await store.appliedMigrations().last == 16)
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4", version: 1)?.revision == recorded)
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4", version: 2)?.revision == beforeSecond)

            _ = try await store.moveReport(definition, period: try Period.parse("2024/25 Q4", yearType: .financial), to: .checked, by: "analyst", today: CalendarDate(year: 2026, month: 1, day: 5)!)
            _ = try await store.moveReport(definition, period: try Period.parse("2024/25 Q4", yearType: .financial), to: .published, by: "analyst", today: CalendarDate(year: 2026, month: 1, day: 5)!)
            let third = try #require(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4", version: 3))
            let newest = try await store.revision()
            #expect(third.revision == newest)
            #expect(try await store.auditTrail().last.map { [$0.id, $0.action] as [AnyHashable] } == [newest, "mark report WARKS-CYP 2024/25 Q4 published (snapshot 3), judged as on 2026-01-05"])
        }
    }

    /// A SQLite pragma's number.
    static func pragma(_ name: String, of store: SQLStore) async throws -> Int {
        let cells = try await store.read { session in try await session.cells(SQLQueryString("PRAGMA \(unsafeRaw: name)")) }
        return try #require({ if case let .integer(value)? = cells.first?.first { value } else { nil } }())
    }

    /// A local target for PrevRegCPR, naming no council, as migration 1 stored it.
    static func target(value: Double, from: String, to: String?, version: Int) -> Target {
        Target(
            measureCode: "PrevRegCPR", kind: .local, value: value, tolerance: 2, validFrom: CalendarDate(iso: from)!,
            validTo: to.flatMap(CalendarDate.init(iso:)), setBy: "Director", setOn: CalendarDate(iso: "2024-03-15")!, reason: "Council Plan",
            version: version
        )
    }

    /// The columns of migration 1's targets table (less its key), in order.
    static let migration1TargetColumns = [
        "measure_code", "kind", "value", "tolerance", "period_label", "valid_from", "valid_to", "set_by", "set_on", "reason",
        "decision", "version",
    ]

    /// A target as Scrutineer wrote it into migration 1's table.
    static func migration1Cells(_ target: Target) -> [SQLCell] {
        [
            .text(target.measureCode), .text(target.kind.rawValue), .double(target.value), SQLCell(target.tolerance),
            .text(target.periodLabel ?? ""), .text(target.validFrom.iso), SQLCell(target.validTo?.iso), .text(target.setBy),
            .text(target.setOn.iso), .text(target.reason), SQLCell(target.decision), .integer(target.version),
        ]
    }

    /// The columns of migration 1's observations table (and of observation_history), in order.
    static let migration1Columns = [
        "measure_code", "area_code", "period_label", "period_kind", "period_start", "period_end", "breakdown_key",
        "value", "numerator", "denominator", "lower_95", "upper_95", "lower_99_8", "upper_99_8",
        "status_symbol", "compared_to_england", "source", "published", "next_update_due",
    ]

    /// An observation as Scrutineer wrote it into migration 1's table.
    static func migration1Cells(_ observation: Observation) -> [SQLCell] {
        [
            .text(observation.measureCode), .text(observation.areaCode), .text(observation.period.label),
            .text(observation.period.kind.rawValue), .text(observation.period.start.iso), .text(observation.period.end.iso),
            .text(observation.breakdown.key), SQLCell(observation.value), SQLCell(observation.numerator),
            SQLCell(observation.denominator), SQLCell(observation.lower95), SQLCell(observation.upper95),
            SQLCell(observation.lower99_8), SQLCell(observation.upper99_8), SQLCell(observation.statusSymbol?.rawValue),
            SQLCell(observation.comparedToEnglandAsPublished), .text(observation.source), SQLCell(observation.published?.iso),
            SQLCell(observation.nextUpdateDue?.iso),
        ]
    }
}
