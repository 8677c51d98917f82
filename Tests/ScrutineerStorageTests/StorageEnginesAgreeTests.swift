import Foundation
import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

@Suite("Storage on both engines")
struct StorageEnginesAgreeTests {
    @Test(
        "PostgreSQL server for the storage contract",
        .enabled(if: TestEngine.postgresRuns, TestEngine.skippedPostgresMessage)
    )
    func postgresIsConfigured() async throws {
        let url = try TestEngine.requirePostgres()
        let store = try await StoreConnection.open(url: url, logger: quietLogger)
        #expect(store.engine == .postgresql)
        try await store.close()
    }

    @Test(
        "SQLite and PostgreSQL return identical records for the same batches",
        .enabled(if: TestEngine.postgresRuns, TestEngine.skippedPostgresMessage)
    )
    func enginesAgree() async throws {
        let data = try RealData.load()
        let batches = [
            data.areasBatch, data.sampleLaitBatch, try RoundTripBatch.make(data),
            ImportBatch(kind: .neighbours, files: ["statistical_neighbours_2025_long.csv"], rowsRead: 0,
                        neighbourLists: data.neighbourLists.filter { $0.edition == "2025" }),
        ]
        var results: [TestEngine: Snapshot] = [:]
        for engine in TestEngine.allCases {
            try await withStore(engine) { store, _ in
                var summaries: [ImportSummary] = []
                for batch in batches { summaries.append(try await store.importBatch(batch, by: "analyst")) }
                results[engine] = Snapshot(
                    summaries: summaries,
                    observations: try await store.observations(ObservationQuery()),
                    measures: try await store.measures(),
                    areas: try await store.areas(),
                    neighbours: try await store.statisticalNeighbours(edition: "2025")
                )
            }
        }
        let sqlite = try #require(results[.sqlite]), postgres = try #require(results[.postgresql])
        #expect(sqlite.observations.count == batches[1].observations.count + batches[2].observations.count)
        #expect(sqlite.observations.map { $0.value?.bitPattern } == postgres.observations.map { $0.value?.bitPattern })
        #expect(sqlite == postgres)
    }

    /// Everything one engine returned.
    struct Snapshot: Equatable {
        var summaries: [ImportSummary]
        var observations: [Observation]
        var measures: [Measure]
        var areas: [Area]
        var neighbours: [StatisticalNeighbours]
    }
}
