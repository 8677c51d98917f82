import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerStorage

@Suite("Migrating databases an earlier Scrutineer left (SQLite and PostgreSQL)")
struct StorageMigrationTests {
    /// A database as migrations 1–4 left it, with observations written in migration 1's table (one
    /// row per observation, every field as text or number) and one superseded version in history:
    /// migration 5 must move every field of every row, and the reads must not change.
    @Test("migration 5 moves every stored observation to series and periods; every read and re-import is unchanged", arguments: TestEngine.contractEngines)
    func observationsBySeriesAndPeriod(engine: TestEngine) async throws {
        let data = try RealData.load()
        let batch = try RoundTripBatch.make(data)
        var parents = batch
        parents.observations = []
        try await withStore(engine, migratedThrough: 4) { store, _ in
            #expect(try await store.appliedMigrations() == [1, 2, 3, 4])
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(parents, by: "analyst")
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
            #expect(try await store.appliedMigrations() == [1, 2, 3, 4, 5])
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
