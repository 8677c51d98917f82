import Foundation
import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

@Suite("Storage contract (SQLite and PostgreSQL)")
struct StorageContractTests {
    @Test("migrating twice changes nothing", arguments: TestEngine.available)
    func migrateTwice(engine: TestEngine) async throws {
        try await withStore(engine) { store, database in
            let bytesBefore = engine == .sqlite ? try database.fileBytes() : nil
            try await store.migrate()
            #expect(try await store.appliedMigrations() == Array(1...16))
            #expect(try await store.areas() == Area.englandAndRegions.sorted { $0.code < $1.code })
            #expect(try await store.auditTrail().isEmpty)
            if let bytesBefore { #expect(try database.fileBytes() == bytesBefore) }
        }
    }

    @Test("an import adds every record; the same batch again adds and changes nothing", arguments: TestEngine.available)
    func importTwice(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = data.sampleLaitBatch
        try await withStore(engine) { store, _ in
            let areas = try await store.importBatch(data.areasBatch, by: "analyst")
            #expect(areas == ImportSummary(rowsRead: data.localAuthorities.count, records: [.area: ImportTally(added: data.localAuthorities.count)]))

            let first = try await store.importBatch(batch, by: "analyst")
            #expect(first == ImportSummary(
                rowsRead: batch.rowsRead, records: [.measure: ImportTally(added: 3), .observation: ImportTally(added: batch.observations.count)]
            ))
            #expect(first.added == 3 + batch.observations.count)
            let second = try await store.importBatch(batch, by: "analyst")
            #expect(second == ImportSummary(
                rowsRead: batch.rowsRead, records: [.measure: ImportTally(unchanged: 3), .observation: ImportTally(unchanged: batch.observations.count)]
            ))
            #expect(second.changedNothing)

            #expect(try await store.observations(ObservationQuery()) == batch.observations.sorted(by: Observation.storeOrder))
            #expect(try await store.measures() == batch.measures.sorted { $0.code < $1.code })
            #expect(try await store.areas() == (Area.englandAndRegions + data.localAuthorities).sorted { $0.code < $1.code })
            // Figures as lait_kpi_subset_long.csv lines 2698 and 2868 give them.
            let warwickshire = try await store.observations(ObservationQuery(measureCode: "PrevRegCPR", areaCode: "E10000031"))
            #expect(warwickshire.suffix(2).map(\.period.label) == ["2024", "2025"])
            #expect(warwickshire.suffix(2).map(\.value) == [20.1, 23.0])
            #expect(warwickshire.last?.period.start.iso == "2024-04-01")
            #expect(warwickshire.last?.period.end.iso == "2025-03-31")
        }
    }

    @Test("the whole LAIT subset imports once, then re-imports unchanged", arguments: TestEngine.available)
    func wholeLAITSubset(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = data.fullLaitBatch
        #expect(batch.observations.count == 56_100)
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            let first = try await store.importBatch(batch, by: "analyst")
            #expect(first == ImportSummary(rowsRead: 56_100, records: [.measure: ImportTally(added: 36), .observation: ImportTally(added: 56_100)]))
            let second = try await store.importBatch(batch, by: "analyst")
            #expect(second == ImportSummary(rowsRead: 56_100, records: [.measure: ImportTally(unchanged: 36), .observation: ImportTally(unchanged: 56_100)]))
            #expect(second.totals == ImportSummary(rowsRead: 56_100, added: 0, changed: 0, unchanged: 36 + 56_100))
            let stored = try await store.observations(ObservationQuery())
            #expect(stored == batch.observations.sorted(by: Observation.storeOrder))
            #expect(stored.filter { $0.statusSymbol == .laitDash }.count == batch.observations.filter { $0.statusSymbol == .laitDash }.count)
        }
    }

    /// The LAIT sample, and a copy with one figure corrected (Warwickshire's 2024 PrevRegCPR, 20.1
    /// in the subset, as 20.4), with the figure's index.
    static func sampleWithCorrection(_ data: RealData) throws -> (batch: ImportBatch, corrected: ImportBatch, index: Int) {
        let batch = data.sampleLaitBatch
        let index = try #require(batch.observations.firstIndex {
            $0.measureCode == "PrevRegCPR" && $0.areaCode == "E10000031" && $0.period.label == "2024"
        })
        #expect(batch.observations[index].value == 20.1)
        var corrected = batch
        corrected.observations[index].value = 20.4
        return (batch, corrected, index)
    }

    @Test("a corrected value is changed once and the old value stays in history", arguments: TestEngine.available)
    func correctedValue(engine: TestEngine) async throws {
        let data = try RealData.load()
        let (batch, corrected, index) = try Self.sampleWithCorrection(data)
        let original = batch.observations[index]
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(batch, by: "analyst")
            let summary = try await store.importBatch(corrected, by: "reviewer")
            #expect(summary == ImportSummary(
                rowsRead: batch.rowsRead,
                records: [.measure: ImportTally(unchanged: 3), .observation: ImportTally(changed: 1, unchanged: batch.observations.count - 1)]
            ))

            let trail = try await store.auditTrail()
            #expect(trail.count == 3)
            let history = try await store.observationHistory(original.key)
            #expect(history.map(\.observation) == [original])
            #expect(history.map(\.importedBy) == [trail[1].id])
            #expect(history.map(\.supersededBy) == [trail[2].id])
            #expect(history.map(\.supersededAt) == [trail[2].at])
            let current = try await store.observations(ObservationQuery(measureCode: "PrevRegCPR", areaCode: "E10000031", periodLabel: "2024"))
            #expect(current == [corrected.observations[index]])
            #expect(try await store.observations(ObservationQuery()).count == batch.observations.count)

            // The same correction again changes nothing and adds no history.
            let again = try await store.importBatch(corrected, by: "reviewer")
            #expect(again.changedNothing)
            #expect(try await store.observationHistory(original.key).count == 1)

            // Each import's source row stays while a current cell names it: the first import's
            // for the cells not corrected, the correction's for its cell…
            let sources = { try await store.read { session in try await session.cells("SELECT imported_by FROM observation_sources ORDER BY imported_by") } }
            #expect(try await sources() == [[.integer(trail[1].id)], [.integer(trail[2].id)]])
            // …and goes when its last cell is corrected again; the history keeps the file's name.
            _ = try await store.importBatch(batch, by: "analyst")
            let undoneBy = try #require(try await store.auditTrail().last?.id)
            #expect(try await sources() == [[.integer(trail[1].id)], [.integer(undoneBy)]])
            #expect(try await store.observationHistory(original.key).map(\.observation.source) == [original.source, original.source])
        }
    }

    @Test("two stores writing to one database at once take turns: the later import plans from what the earlier committed, so history keeps both corrections", arguments: TestEngine.available)
    func concurrentWritersTakeTurns(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = data.sampleLaitBatch
        func corrected(by difference: Double) -> ImportBatch {
            var copy = batch
            for index in copy.observations.indices {
                copy.observations[index].value = copy.observations[index].value.map { $0 + difference }
            }
            return copy
        }
        let first = corrected(by: 1), second = corrected(by: 2)
        let valued = batch.observations.filter { $0.value != nil }.count
        #expect(valued > 50)
        try await withStore(engine) { store, database in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(batch, by: "analyst")
            // Another server (another store on the same database) imports its correction while
            // this one's is written but not yet committed.
            let otherServer = try await database.open()
            do {
                let secondImport = try await store.inTransaction { session in
                    _ = try await ImportWriter(session: session).write(first, by: "first", at: StoreTimestamp.now(), progress: nil)
                    let secondImport = Task { try await otherServer.importBatch(second, by: "second") }
                    try await Task.sleep(for: .milliseconds(300))
                    return secondImport
                }
                let summary = try await secondImport.value
                #expect(summary.records[.observation] == ImportTally(changed: valued, unchanged: batch.observations.count - valued))
            } catch {
                try await otherServer.close()
                throw error
            }
            try await otherServer.close()

            let trail = try await store.auditTrail()
            #expect(trail.map(\.user) == ["analyst", "analyst", "first", "second"])
            #expect(trail[2].at <= trail[3].at)
            #expect(try await store.observations(ObservationQuery()) == second.observations.sorted(by: Observation.storeOrder))
            let history = Dictionary(grouping: try await store.observationHistory(ObservationQuery()), by: \.observation.key)
            #expect(history.count == valued)
            for (index, original) in batch.observations.enumerated() where original.value != nil {
                let versions = (history[original.key] ?? []).sorted { $0.supersededBy < $1.supersededBy }
                #expect(versions.map(\.observation.value) == [original.value, first.observations[index].value])
                #expect(versions.map(\.supersededBy) == [trail[2].id, trail[3].id])
            }
        }
    }

    @Test("observations as they stood at a time (the revision of the data then): the version written by then and not yet replaced, and the history replaced by then", arguments: TestEngine.available)
    func observationsAsOf(engine: TestEngine) async throws {
        let data = try RealData.load()
        let (batch, correctedFigure, index) = try Self.sampleWithCorrection(data)
        let original = batch.observations[index]
        var added = original
        added.areaCode = "E10000016"
        var corrected = correctedFigure
        corrected.observations.append(added)
        let july = "2026-07-01T09:00:00Z", august = "2026-08-01T09:00:00Z"
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            // Imports at chosen times (the store takes the time itself, to the second).
            for (batch, time) in [(batch, july), (corrected, august)] {
                _ = try await store.inTransaction { session in
                    try await ImportWriter(session: session).write(batch, by: "analyst", at: time, progress: nil)
                }
            }
            func asOf(_ time: String?, measure: String? = nil) async throws -> [Observation] {
                var revision: Int?
                if let time { revision = try await store.revision(at: time) }
                return try await store.observations(ObservationQuery(measureCode: measure, asOfRevision: revision))
            }
            let before = batch.observations.sorted(by: Observation.storeOrder)
            let after = corrected.observations.sorted(by: Observation.storeOrder)
            #expect(try await asOf("2026-07-01T08:59:59Z").isEmpty)
            #expect(try await asOf(july) == before)
            #expect(try await asOf("2026-07-31T23:59:59Z") == before)
            #expect(try await asOf(august) == after)
            #expect(try await asOf(nil) == after)
            #expect(try await asOf("2026-07-15T00:00:00Z", measure: "PrevRegCPR") == before.filter { $0.measureCode == "PrevRegCPR" })

            let replacedBy = { (time: String) in
                try await store.observationHistory(ObservationQuery(asOfRevision: try await store.revision(at: time))).map(\.observation)
            }
            #expect(try await replacedBy("2026-07-31T23:59:59Z").isEmpty)
            #expect(try await replacedBy(august) == [original])
            #expect(try await store.revision(at: "2026-07-01T08:59:59Z") == 0)
        }
    }

    @Test("two imports in the same second: the revision of the data after the first reads its figures, not the second's, which times to the second cannot tell apart", arguments: TestEngine.available)
    func observationsAsOfRevisionInOneSecond(engine: TestEngine) async throws {
        let data = try RealData.load()
        let (batch, corrected, index) = try Self.sampleWithCorrection(data)
        let second = "2026-08-01T09:00:00Z"
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            var revisions: [Int] = []
            for batch in [batch, corrected] {
                _ = try await store.inTransaction { session in
                    try await ImportWriter(session: session).write(batch, by: "analyst", at: second, progress: nil)
                }
                revisions.append(try await store.revision())
            }
            #expect(revisions[0] < revisions[1])
            #expect(try await store.revision(at: second) == revisions[1], "a time names the newest change in its second")
            let first = try await store.observations(ObservationQuery(asOfRevision: revisions[0]))
            #expect(first == batch.observations.sorted(by: Observation.storeOrder))
            #expect(try await store.observations(ObservationQuery(asOfRevision: revisions[1])) == corrected.observations.sorted(by: Observation.storeOrder))
            #expect(try await store.observationHistory(ObservationQuery(asOfRevision: revisions[0])).isEmpty)
            #expect(try await store.observationHistory(ObservationQuery(asOfRevision: revisions[1])).map(\.observation) == [batch.observations[index]])
        }
    }

    @Test("a later release under another file name changes only the cells whose figures differ; the others keep the file that first published them", arguments: TestEngine.available)
    func laterReleaseUnderAnotherName(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = data.sampleLaitBatch
        var release = batch
        release.files = ["lait_kpi_2025_release.csv"]
        for index in release.observations.indices { release.observations[index].source = "lait_kpi_2025_release.csv" }
        let index = try #require(release.observations.firstIndex {
            $0.measureCode == "PrevRegCPR" && $0.areaCode == "E10000031" && $0.period.label == "2024"
        })
        release.observations[index].value = 20.4
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(batch, by: "analyst")
            let summary = try await store.importBatch(release, by: "analyst")
            #expect(summary.records[.observation] == ImportTally(changed: 1, unchanged: batch.observations.count - 1))
            let current = try await store.observations(ObservationQuery())
            #expect(current.filter { $0.source == "lait_kpi_2025_release.csv" }.map(\.key) == [release.observations[index].key])
            #expect(current.filter { $0.source == batch.observations[0].source }.count == batch.observations.count - 1)
            let history = try await store.observationHistory(ObservationQuery())
            #expect(history.map(\.observation) == [batch.observations[index]])
        }
    }

    /// `scrutineer import … --published DATE --next-update DATE` dates a release's figures: those it
    /// adds or changes take its dates; those it repeats keep the dates they were first published
    /// with, or take its dates when they had none. A local file's dates are its own cells.
    @Test("a release's publication dates go to the figures it adds or changes; repeated figures keep their first dates unless they had none; a local file's dates are data", arguments: TestEngine.available)
    func releaseDates(engine: TestEngine) async throws {
        let data = try RealData.load()
        func dated(_ batch: ImportBatch, _ published: String, _ next: String, kind: ImportKind = .lait) -> ImportBatch {
            var batch = batch
            batch.kind = kind
            for i in batch.observations.indices {
                batch.observations[i].published = CalendarDate(iso: published)
                batch.observations[i].nextUpdateDue = CalendarDate(iso: next)
            }
            return batch
        }
        let undated = data.sampleLaitBatch
        let count = undated.observations.count
        let index = try #require(undated.observations.firstIndex {
            $0.measureCode == "PrevRegCPR" && $0.areaCode == "E10000031" && $0.period.label == "2024"
        })
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(undated, by: "analyst")
            // Dates given to figures stored without any: every cell takes them, the undated kept in history.
            let first = dated(undated, "2025-03-20", "2026-03-19")
            #expect(try await store.importBatch(first, by: "analyst").records[.observation] == ImportTally(changed: count))
            #expect(try await store.observations(ObservationQuery()) == first.observations.sorted(by: Observation.storeOrder))
            // A later release repeating the figures changes nothing, and one figure revised takes the new dates.
            var later = dated(undated, "2026-03-19", "2027-03-18")
            #expect(try await store.importBatch(later, by: "analyst").changedNothing)
            later.observations[index].value = 20.4
            #expect(try await store.importBatch(later, by: "analyst").records[.observation] == ImportTally(changed: 1, unchanged: count - 1))
            let current = try await store.observations(ObservationQuery())
            #expect(current.filter { $0.published == CalendarDate(iso: "2026-03-19") }.map(\.key) == [later.observations[index].key])
            #expect(current.filter { $0.published == CalendarDate(iso: "2025-03-20") }.count == count - 1)
            // Imported again without dates, the figures keep theirs.
            #expect(try await store.importBatch(undated.replacing(index, with: later.observations[index].value), by: "analyst").changedNothing)
            // A local file's date is a cell like any other: correcting it is a change.
            let local = dated(undated, "2025-03-21", "2026-03-19", kind: .local)
            let localSummary = try await store.importBatch(local.replacing(index, with: later.observations[index].value), by: "analyst")
            #expect(localSummary.records[.observation] == ImportTally(changed: count))
        }
    }

    @Test("a figure published before the stored figure it would change is refused with nothing written, unless the batch may replace newer figures", arguments: TestEngine.available)
    func olderRelease(engine: TestEngine) async throws {
        let data = try RealData.load()
        var newer = data.sampleLaitBatch
        for i in newer.observations.indices { newer.observations[i].published = CalendarDate(iso: "2025-03-20") }
        let index = try #require(newer.observations.firstIndex { $0.measureCode == "PrevRegCPR" && $0.areaCode == "E10000031" && $0.period.label == "2024" })
        var older = newer
        for i in older.observations.indices { older.observations[i].published = CalendarDate(iso: "2024-03-21") }
        older.observations[index].value = 20.4
        // Rows as the parser numbers them, the header being row 1.
        older.observationRows = older.observations.indices.map { RowReference(file: "lait_2024.csv", row: $0 + 2) }
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(newer, by: "analyst")
            let stored = try await store.observations(ObservationQuery())
            await #expect {
                try await store.importBatch(older, by: "analyst")
            } throws: { error in
                guard case let .olderThanStored(figures) = error as? StoreError else { return false }
                return figures.map(\.key) == ["PrevRegCPR E10000031 2024"] && figures[0].figure == "20.4" && figures[0].published == "2024-03-21"
                    && figures[0].storedPublished == "2025-03-20" && figures[0].file == "lait_2024.csv" && figures[0].row == index + 2
                    && (error as? StoreError)?.description.hasPrefix("lait_2024.csv: 1 figure in this import was published before the stored figure it would replace (row \(index + 2), PrevRegCPR") == true
            }
            #expect(try await store.observations(ObservationQuery()) == stored, "nothing was written")
            // Repeated figures of the older release change nothing, and are no refusal.
            older.observations[index].value = newer.observations[index].value
            #expect(try await store.importBatch(older, by: "analyst").changedNothing)
            older.observations[index].value = 20.4
            older.mayReplaceNewerFigures = true
            #expect(try await store.importBatch(older, by: "analyst").records[.observation] == ImportTally(changed: 1, unchanged: stored.count - 1))
            let current = try await store.observations(ObservationQuery(measureCode: "PrevRegCPR", areaCode: "E10000031", periodLabel: "2024"))
            #expect(current.map(\.value) == [20.4])
        }
    }

    @Test("a local row with no date keeps the stored figure's dates, and one that would change a dated figure is refused as not known to be newer (found by exploratory testing: an old sheet saved without its dates undid corrections and blanked every date)", arguments: TestEngine.available)
    func undatedLocalRows(engine: TestEngine) async throws {
        let data = try RealData.load()
        var dated = data.sampleLaitBatch
        dated.kind = .local
        for i in dated.observations.indices {
            dated.observations[i].published = CalendarDate(iso: "2025-03-20")
            dated.observations[i].nextUpdateDue = CalendarDate(iso: "2026-03-19")
        }
        let index = try #require(dated.observations.firstIndex { $0.measureCode == "PrevRegCPR" && $0.areaCode == "E10000031" && $0.period.label == "2024" })
        var undated = dated
        for i in undated.observations.indices {
            undated.observations[i].published = nil
            undated.observations[i].nextUpdateDue = nil
        }
        undated.observationRows = undated.observations.indices.map { RowReference(file: "old.csv", row: $0 + 2) }
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(dated, by: "analyst")
            let stored = try await store.observations(ObservationQuery())
            // The same figures undated: nothing changes, the dates stay.
            #expect(try await store.importBatch(undated, by: "analyst").changedNothing)
            #expect(try await store.observations(ObservationQuery()) == stored)
            // One figure changed undated: refused, naming its row, nothing written.
            undated.observations[index].value = 20.4
            await #expect {
                try await store.importBatch(undated, by: "analyst")
            } throws: { error in
                guard case let .olderThanStored(figures) = error as? StoreError else { return false }
                return figures.map(\.key) == ["PrevRegCPR E10000031 2024"] && figures[0].published.isEmpty && figures[0].row == index + 2
                    && (error as? StoreError)?.description.hasPrefix("old.csv: 1 figure in this import was published before the stored figure it would replace, or given no date where it is dated, (row \(index + 2), PrevRegCPR E10000031 2024: 20.4, with no publication date, would replace") == true
            }
            #expect(try await store.observations(ObservationQuery()) == stored, "nothing was written")
            // Put back on purpose, the figure has no date: none is known for it.
            undated.mayReplaceNewerFigures = true
            #expect(try await store.importBatch(undated, by: "analyst").records[.observation] == ImportTally(changed: 1, unchanged: stored.count - 1))
            let current = try await store.observations(ObservationQuery(measureCode: "PrevRegCPR", areaCode: "E10000031", periodLabel: "2024"))
            #expect(current.map(\.value) == [20.4] && current.map(\.published) == [nil])
        }
    }

    @Test("a figure for a period its series holds under another label (2023/24 for the financial year stored as 2024) is refused, nothing written, naming its row", arguments: TestEngine.available)
    func periodUnderAnotherLabel(engine: TestEngine) async throws {
        let data = try RealData.load()
        let lait = data.sampleLaitBatch
        let stored = try #require(lait.observations.first { $0.measureCode == "PrevRegCPR" && $0.areaCode == "E10000031" && $0.period.label == "2024" })
        var relabelled = stored
        relabelled.period = try Period.parse("2023/24", yearType: .financial)
        #expect(relabelled.period.start == stored.period.start && relabelled.period.end == stored.period.end)
        relabelled.value = 21.0
        var release = ImportBatch(kind: .ees, files: ["c1.csv"], rowsRead: 1, observations: [relabelled])
        release.observationRows = [RowReference(file: "c1.csv", row: 7)]
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(lait, by: "analyst")
            let before = try await store.observations(ObservationQuery())
            await #expect {
                try await store.importBatch(release, by: "analyst")
            } throws: { error in
                guard case let .periodStoredUnderAnotherLabel(figures) = error as? StoreError else { return false }
                return figures.map(\.storedLabel) == ["2024"] && figures[0].row == 7
                    && (error as? StoreError)?.description.hasPrefix("c1.csv: 1 figure in this import is for a period the database holds under another label (row 7, PrevRegCPR E10000031 2023/24: ") == true
            }
            #expect(try await store.observations(ObservationQuery()) == before, "nothing was written")
        }
    }

    @Test("the audit row keeps who, when (UTC), which files and the summary", arguments: TestEngine.available)
    func auditRow(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = data.sampleLaitBatch
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            let before = Date()
            let summary = try await store.importBatch(batch, by: "j.smith@warwickshire.gov.uk")
            let after = Date()
            let trail = try await store.auditTrail()
            #expect(trail.map(\.action) == ["import areas", "import lait"])
            #expect(trail.map(\.user) == ["analyst", "j.smith@warwickshire.gov.uk"])
            #expect(trail.map(\.files) == [["la_lookup_from_ees.csv"], ["lait_kpi_subset_long.csv", "lait_kpi_measures.csv"]])
            #expect(trail.last?.summary == summary.totals)
            #expect(trail[0].id < trail[1].id)
            let at = try #require(trail.last?.at)
            #expect(at.hasSuffix("Z"))
            let when = try #require(try? Date(at, strategy: .iso8601))
            #expect(when >= before.addingTimeInterval(-1) && when <= after.addingTimeInterval(1))
        }
    }

    @Test("a foreign-key violation rolls the whole import back; the SQLite file is byte-for-byte unchanged", arguments: TestEngine.available)
    func foreignKeyRollsBack(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = data.sampleLaitBatch
        try await withStore(engine) { store, database in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(batch, by: "analyst")
            let observationsBefore = try await store.observations(ObservationQuery())
            let trailBefore = try await store.auditTrail()
            let bytesBefore = engine == .sqlite ? try database.fileBytes() : nil

            var bad = batch
            bad.observations[0].value = 99.9 // a change, so history would be written
            var unknownArea = bad.observations[1]
            unknownArea.areaCode = "E06999999" // no such area
            bad.observations.append(unknownArea)
            bad.measures[0].title = "Renamed" // a measure change, written before the observations

            let error = await #expect(throws: StoreError.self) { try await store.importBatch(bad, by: "analyst") }
            let message = error.map(String.init(describing:)) ?? ""
            #expect(message.hasPrefix("the import was rolled back and nothing was written: "))
            #expect(message.lowercased().contains("foreign key"))

            #expect(try await store.observations(ObservationQuery()) == observationsBefore)
            #expect(try await store.auditTrail() == trailBefore)
            #expect(try await store.observationHistory(batch.observations[0].key).isEmpty)
            #expect(try await store.measures() == batch.measures.sorted { $0.code < $1.code })
            if let bytesBefore {
                #expect(try database.fileBytes() == bytesBefore)
                #expect(!FileManager.default.fileExists(atPath: try #require(database.sqliteFile).path + "-journal"))
            }
        }
    }

    @Test("the database refuses values its CHECK constraints forbid", arguments: TestEngine.available)
    func checkConstraints(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = data.sampleLaitBatch
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            var negative = batch
            negative.observations[0].denominator = -1
            var crossed = batch
            crossed.observations[0].lower95 = 30
            crossed.observations[0].upper95 = 10
            var badUnit = batch
            badUnit.measures[0].unit = .rate(per: 0)
            for bad in [negative, crossed, badUnit] {
                let error = await #expect(throws: StoreError.self) { try await store.importBatch(bad, by: "analyst") }
                let message = error.map(String.init(describing:))?.lowercased() ?? ""
                #expect(message.contains("check constraint"), "\(message)")
            }
            #expect(try await store.observations(ObservationQuery()).isEmpty)
            #expect(try await store.auditTrail().count == 1)
        }
    }

    @Test("a batch holding one cell twice, or a number that is not finite, is refused before anything is written", arguments: TestEngine.available)
    func refusedBatches(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = data.sampleLaitBatch
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            var twice = batch
            twice.observations.append(batch.observations[5])
            let key = batch.observations[5].key
            await #expect(throws: StoreError.duplicateInBatch(record: "observation", key: "\(key.measureCode) \(key.areaCode) \(key.periodLabel)")) {
                try await store.importBatch(twice, by: "analyst")
            }
            // The same cell again under another period of the same label: the primary key (series,
            // period) does not see it, the writer must.
            var relabelled = batch
            var other = batch.observations[5]
            other.period = Period(label: other.period.label, kind: other.period.kind, start: other.period.start, end: .lastDay(ofMonth: 12, year: 2099))
            relabelled.observations.append(other)
            await #expect(throws: StoreError.duplicateInBatch(record: "observation", key: "\(key.measureCode) \(key.areaCode) \(key.periodLabel)")) {
                try await store.importBatch(relabelled, by: "analyst")
            }
            var infinite = batch
            infinite.observations[0].numerator = .infinity
            let first = batch.observations[0].key
            await #expect(throws: StoreError.notFinite(record: "\(first.measureCode) \(first.areaCode) \(first.periodLabel)", field: "numerator")) {
                try await store.importBatch(infinite, by: "analyst")
            }
            #expect(try await store.observations(ObservationQuery()).isEmpty)
            #expect(try await store.measures().isEmpty)
        }
    }

    @Test("a new target version closes the one in force; earlier versions are never rewritten", arguments: TestEngine.available)
    func targetVersions(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            let day = { (text: String) in CalendarDate(iso: text)! }
            let first = Target(
                measureCode: "PrevRegCPR", councilAreaCode: "E10000031", kind: .local, value: 20, tolerance: 2, validFrom: day("2024-04-01"),
                setBy: "Director of Children's Services", setOn: day("2024-03-15"), reason: "Council Plan 2024–27",
                decision: "Cabinet 12 March 2024, minute 7"
            )
            let national = Target(
                measureCode: "PrevRegCPR", councilAreaCode: "E10000031", kind: .national, value: 22.5, validFrom: day("2023-04-01"), setBy: "DfE",
                setOn: day("2023-03-01"), reason: "England average"
            )
            let trajectory = Target(
                measureCode: "PrevRegCPR", councilAreaCode: "E10000031", kind: .trajectory, value: 21, periodLabel: "2024/25 Q2", validFrom: day("2024-04-01"),
                setBy: "Head of Service", setOn: day("2024-04-02"), reason: "Quarterly trajectory"
            )
            var second = first
            second.value = 18.5
            second.tolerance = nil
            second.validFrom = day("2025-04-01")
            second.setOn = day("2025-03-20")
            second.reason = "Stretch after the 2024/25 outturn"
            second.decision = nil

            #expect(try await store.setTarget(first, by: "officer").version == 1)
            #expect(try await store.setTarget(national, by: "officer").version == 1)
            #expect(try await store.setTarget(trajectory, by: "officer").version == 1)
            let stored = try await store.setTarget(second, by: "officer")
            #expect(stored.version == 2)

            // The first version ends the day before the second starts (1 April 2025).
            var closedFirst = first
            closedFirst.validTo = day("2025-03-31")
            var secondVersion = second
            secondVersion.version = 2
            #expect(try await store.targets(for: "PrevRegCPR", council: "E10000031") == [closedFirst, national, trajectory, secondVersion])

            // Another council's local target for the same measure is its own first version and
            // closes nothing of Warwickshire's.
            var wokingham = first
            wokingham.councilAreaCode = "E06000041"
            wokingham.value = 30
            wokingham.validFrom = day("2025-06-01")
            #expect(try await store.setTarget(wokingham, by: "officer").version == 1)
            #expect(try await store.targets(for: "PrevRegCPR", council: "E10000031") == [closedFirst, national, trajectory, secondVersion])
            #expect(try await store.targets(for: "PrevRegCPR", council: "E06000041") == [wokingham])
            #expect(try await store.targets(for: "PrevRegCPR", council: nil) == [closedFirst, national, trajectory, secondVersion, wokingham])

            var noCouncil = first
            noCouncil.councilAreaCode = nil
            await #expect(throws: StoreError.targetWithoutCouncil(measureCode: "PrevRegCPR", kind: "local")) {
                try await store.setTarget(noCouncil, by: "officer")
            }

            var tooEarly = second
            tooEarly.validFrom = day("2025-01-01")
            await #expect(throws: StoreError.targetStartsBeforePrevious(
                measureCode: "PrevRegCPR", kind: "local", validFrom: "2025-01-01", previousValidFrom: "2025-04-01"
            )) { try await store.setTarget(tooEarly, by: "officer") }
            #expect(try await store.targets(for: "PrevRegCPR", council: nil) == [closedFirst, national, trajectory, secondVersion, wokingham])

            var unknownMeasure = first
            unknownMeasure.measureCode = "NoSuchMeasure"
            let error = await #expect(throws: StoreError.self) { try await store.setTarget(unknownMeasure, by: "officer") }
            #expect(error.map(String.init(describing:))?.hasPrefix("the change was rolled back and nothing was written: ") == true)

            let actions = try await store.auditTrail().map(\.action)
            #expect(actions == [
                "import areas", "import lait", "set target PrevRegCPR local of E10000031 version 1",
                "set target PrevRegCPR national of E10000031 version 1", "set target PrevRegCPR trajectory 2024/25 Q2 of E10000031 version 1",
                "set target PrevRegCPR local of E10000031 version 2", "set target PrevRegCPR local of E06000041 version 1",
            ])
            #expect(try await store.auditTrail().last?.summary == nil)
        }
    }

    @Test("a neighbour list for an edition and area is replaced when it differs; other editions stay", arguments: TestEngine.available)
    func neighboursReplace(engine: TestEngine) async throws {
        let data = try RealData.load()
        let warwickshire2025 = try #require(data.neighbours(of: "E10000031", edition: "2025"))
        let barnsley2025 = try #require(data.neighbours(of: "E08000038", edition: "2025"))
        let warwickshire2021 = try #require(data.neighbours(of: "E10000031", edition: "2021"))
        // statistical_neighbours_2025_long.csv lines 1392–1401: Gloucestershire first, Essex tenth.
        #expect(warwickshire2025.neighbours.map(\.areaCode).first == "E10000013")
        #expect(warwickshire2025.neighbours.map(\.areaCode).last == "E10000012")
        #expect(warwickshire2025.neighbours.first?.closeness == "Extremely close")
        let lists = [warwickshire2025, barnsley2025, warwickshire2021]
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            let first = try await store.importBatch(ImportBatch(kind: .neighbours, files: ["n.csv"], rowsRead: 30, neighbourLists: lists), by: "analyst")
            #expect(first == ImportSummary(rowsRead: 30, records: [.neighbourList: ImportTally(added: 3)]))

            var revised = warwickshire2025
            revised.neighbours.swapAt(0, 1)
            revised.neighbours[0].rank = 1
            revised.neighbours[1].rank = 2
            revised.neighbours.removeLast()
            let second = try await store.importBatch(
                ImportBatch(kind: .neighbours, files: ["n2.csv"], rowsRead: 19, neighbourLists: [barnsley2025, revised]), by: "analyst"
            )
            #expect(second == ImportSummary(rowsRead: 19, records: [.neighbourList: ImportTally(changed: 1, unchanged: 1)]))
            #expect(try await store.statisticalNeighbours(edition: "2025") == [barnsley2025, revised])
            #expect(try await store.statisticalNeighbours(edition: "2021") == [warwickshire2021])
            #expect(try await store.statisticalNeighbours(edition: "2019").isEmpty)
            #expect(try await store.statisticalNeighbourEditions() == ["2021", "2025"])
            #expect(try await store.newestStatisticalNeighbours() == [barnsley2025, revised])

            // A later edition DfE publishes is the newest: the one the reports use.
            var warwickshire2026 = warwickshire2025
            warwickshire2026.edition = "2026"
            _ = try await store.importBatch(ImportBatch(kind: .neighbours, files: ["n3.csv"], rowsRead: 10, neighbourLists: [warwickshire2026]), by: "analyst")
            #expect(try await store.statisticalNeighbourEditions() == ["2021", "2025", "2026"])
            #expect(try await store.newestStatisticalNeighbours() == [warwickshire2026])
        }
    }

    @Test("successions of councils: added, unchanged again, a corrected day changed, and read back on both engines; the database refuses one naming no area", arguments: TestEngine.available)
    func areaSuccessions(engine: TestEngine) async throws {
        let data = try RealData.load()
        func on(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
        // The Cumbria (Structural Changes) Order 2022: Cumberland and Westmorland and Furness from 1 April 2023.
        let cumbria = [
            AreaSuccession(predecessorCode: "E10000006", successorCode: "E06000063", from: on("2023-04-01")),
            AreaSuccession(predecessorCode: "E10000006", successorCode: "E06000064", from: on("2023-04-02")),
        ]
        func batch(_ successions: [AreaSuccession]) -> ImportBatch {
            var batch = ImportBatch(kind: .areas, files: ["s.csv"], rowsRead: successions.count)
            batch.successions = successions
            return batch
        }
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            #expect(try await store.areaSuccessions().all.isEmpty)
            #expect(try await store.importBatch(batch(cumbria), by: "analyst") == ImportSummary(rowsRead: 2, records: [.succession: ImportTally(added: 2)]))
            #expect(try await store.importBatch(batch(cumbria), by: "analyst") == ImportSummary(rowsRead: 2, records: [.succession: ImportTally(unchanged: 2)]))
            var corrected = cumbria
            corrected[1].from = on("2023-04-01")
            #expect(try await store.importBatch(batch(corrected), by: "analyst") == ImportSummary(rowsRead: 2, records: [.succession: ImportTally(changed: 1, unchanged: 1)]))
            #expect(try await store.areaSuccessions() == AreaSuccessions(corrected))
            await #expect(throws: StoreError.self) {
                try await store.importBatch(batch([AreaSuccession(predecessorCode: "E10000006", successorCode: "E99999999", from: on("2023-04-01"))]), by: "analyst")
            }
            #expect(try await store.areaSuccessions() == AreaSuccessions(corrected), "nothing written")
        }
    }

    @Test("comparator groups: added, unchanged again, replaced members and all when changed; another owner's code is refused; the database refuses a member that is not an area", arguments: TestEngine.available)
    func comparatorGroups(engine: TestEngine) async throws {
        let data = try RealData.load()
        let warwickshire = "E10000031"
        // statistical_neighbours_2025_long.csv: Warwickshire's first three neighbours are Gloucestershire, Cheshire East, Oxfordshire.
        let nearest = try #require(data.neighbours(of: warwickshire, edition: "2025")).neighbours.prefix(3).map(\.areaCode)
        #expect(nearest == ["E10000013", "E06000049", "E10000025"])
        let own = ComparatorGroup(code: "WARKS_NEAREST", name: "Nearest shire neighbours", ownerAreaCode: warwickshire, memberCodes: [warwickshire] + nearest)
        let shared = ComparatorGroup(code: "SHIRES", name: "Shire counties", memberCodes: ["E10000031", "E10000013", "E10000025", "E10000034"])
        func batch(_ groups: [ComparatorGroup]) -> ImportBatch {
            ImportBatch(kind: .groups, files: ["groups.csv"], rowsRead: groups.reduce(0) { $0 + $1.memberCodes.count }, comparatorGroups: groups)
        }
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            let first = try await store.importBatch(batch([own, shared]), by: "analyst")
            #expect(first == ImportSummary(rowsRead: 8, records: [.comparatorGroup: ImportTally(added: 2)]))
            #expect(try await store.comparatorGroups() == [shared, own])
            #expect(own.memberCodes == ["E06000049", "E10000013", "E10000025", "E10000031"], "members are kept in code order")

            let again = try await store.importBatch(batch([own, shared]), by: "analyst")
            #expect(again.changedNothing && again.unchanged == 2)

            var fewer = own
            fewer.memberCodes.removeLast()
            fewer.name = "Nearest neighbours"
            let changed = try await store.importBatch(batch([fewer]), by: "analyst")
            #expect(changed == ImportSummary(rowsRead: 3, records: [.comparatorGroup: ImportTally(changed: 1)]))
            #expect(try await store.comparatorGroups() == [shared, fewer])

            let taken = ComparatorGroup(code: "WARKS_NEAREST", name: "Ours", ownerAreaCode: "E10000013", memberCodes: ["E10000013"])
            await #expect(throws: StoreError.groupOfAnotherOwner(groupCode: "WARKS_NEAREST", owner: warwickshire, importedFor: "E10000013", definedAt: nil)) {
                try await store.importBatch(batch([taken]), by: "analyst")
            }
            var unknownMember = shared
            unknownMember.memberCodes.append("E99999999")
            await #expect(throws: (any Error).self) { try await store.importBatch(batch([unknownMember]), by: "analyst") }
            #expect(try await store.comparatorGroups() == [shared, fewer], "both refusals wrote nothing")
        }
    }

    @Test("every field of every record reads back exactly", arguments: TestEngine.available)
    func roundTrip(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = try RoundTripBatch.make(data)
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            let summary = try await store.importBatch(batch, by: "analyst")
            #expect(summary.added == batch.measures.count + batch.areas.count + batch.observations.count)
            let stored = try await store.observations(ObservationQuery())
            let expected = batch.observations.sorted(by: Observation.storeOrder)
            #expect(stored == expected)
            // Exactly the same bits, not merely equal after rounding.
            #expect(stored.map { $0.value?.bitPattern } == expected.map { $0.value?.bitPattern })
            #expect(stored.map { $0.numerator?.bitPattern } == expected.map { $0.numerator?.bitPattern })
            #expect(try await store.measures() == batch.measures.sorted { $0.code < $1.code })
            let areas = try await store.areas()
            for area in batch.areas { #expect(areas.contains(area)) }
            #expect(try await store.importBatch(batch, by: "analyst").changedNothing)

            // What the next import is checked against: the measures, the areas and every
            // breakdown group stored, by dimension (RoundTripBatch's cuts).
            let context = try await store.importContext()
            #expect(context.measures == Dictionary(uniqueKeysWithValues: batch.measures.map { ($0.code, $0) }))
            #expect(Set(context.areas.values) == Set(areas))
            #expect(context.breakdownGroups == [
                "district": ["North Warwickshire"], "SEND": ["EHC plan"], "age": ["17-18"], "sex": ["Female"],
                "case": Set((1...StatusSymbol.allCases.count).map(String.init)),
            ])
        }
    }
}

extension ImportBatch {
    /// This batch with observation `index`'s value replaced.
    func replacing(_ index: Int, with value: Double?) -> ImportBatch {
        var batch = self
        batch.observations[index].value = value
        return batch
    }
}
