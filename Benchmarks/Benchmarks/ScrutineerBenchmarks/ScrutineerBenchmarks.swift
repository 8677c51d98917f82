import Benchmark
import Foundation
import ScrutineerCore
import ScrutineerFormats
import ScrutineerStorage
import ScrutineerViews

/// `../shared/data` beside the repository (or `$SCRUTINEER_SHARED/data`).
let sharedData: URL = {
    if let shared = ProcessInfo.processInfo.environment["SCRUTINEER_SHARED"] {
        return URL(fileURLWithPath: shared).appendingPathComponent("data")
    }
    return URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // ScrutineerBenchmarks
        .deletingLastPathComponent() // Benchmarks (sources)
        .deletingLastPathComponent() // Benchmarks (package)
        .deletingLastPathComponent() // repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data")
}()

func file(_ path: String) throws -> PublishedFile {
    try PublishedFile(contentsOf: sharedData.appendingPathComponent(path))
}

/// The LA lookup, parsed: every benchmark starts from known areas, as a real import does.
func knownAreas() throws -> [Area] {
    Area.englandAndRegions + (try NationalImport.parse(.areas, files: [try file("reference/la_lookup_from_ees.csv")], context: ImportContext())).areas
}

/// Reads and validates the LAIT long table and its measure dictionary, as `scrutineer import lait` does.
func readLAIT(areas: [Area]) throws -> ImportBatch {
    let files = [try file("lait/lait_kpi_subset_long.csv"), try file("lait/lait_kpi_measures.csv")]
    return try NationalImport.parse(.lait, files: files, context: ImportContext(areas: areas))
}

/// DfE's 2025 statistical-neighbour lists, parsed.
func statisticalNeighbours2025(areas: [Area]) throws -> [StatisticalNeighbours] {
    try NationalImport.parse(
        .neighbours, files: [try file("reference/statistical_neighbours_2025_long.csv")],
        options: NationalImportOptions(edition: "2025"), context: ImportContext(areas: areas)
    ).neighbourLists
}

/// Runs `body` on `store`, new and empty, once it is migrated and holds the known areas (added
/// unmeasured, as a real import finds them), then closes it.
func withPreparedStore(_ store: SQLStore, areas: [Area], _ body: (SQLStore) async throws -> Void) async throws {
    try await store.migrate()
    _ = try await store.importBatch(ImportBatch(kind: .areas, files: ["lookup"], rowsRead: areas.count, areas: areas), by: "benchmark")
    try await body(store)
    try await store.close()
}

/// `withPreparedStore` on a new SQLite database in a directory of its own, removed afterwards;
/// with `keep` (a path), the database is first copied there.
func withNewSQLiteStore(areas: [Area], keepingCopyAt keep: String? = nil, _ body: (SQLStore) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scrutineer-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let database = directory.appendingPathComponent("bench.sqlite")
    defer {
        if let keep, !keep.isEmpty {
            try? FileManager.default.removeItem(atPath: keep)
            try? FileManager.default.copyItem(at: database, to: URL(fileURLWithPath: keep))
        }
        try? FileManager.default.removeItem(at: directory)
    }
    try await withPreparedStore(try await StoreConnection.open(url: "sqlite://" + database.path), areas: areas, body)
}

/// Measures importing the LAIT batch into `store`: `batch` when given (already read and
/// validated), otherwise reading and validating the LAIT files as part of the measurement.
func measureLAITImport(into store: SQLStore, areas: [Area], batch: ImportBatch? = nil, _ benchmark: Benchmark) async throws {
    benchmark.startMeasurement()
    let summary = try await store.importBatch(batch ?? readLAIT(areas: areas), by: "benchmark")
    benchmark.stopMeasurement()
    precondition(summary.added >= 56_100, "the import added \(summary.added) records")
}

/// For the benchmarks measured in a few milliseconds: the same settings in microseconds.
func fineConfiguration() -> Benchmark.Configuration {
    .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .microseconds, maxDuration: .seconds(30), maxIterations: 15)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        maxDuration: .seconds(30),
        maxIterations: 15
    )

    // Issue 4: the 56,100-row LAIT subset into a new SQLite database, every cell validated and
    // the import audited; the baseline is ../shared/baselines/pandas_import.py (read_csv + to_sql).
    Benchmark("LAIT import into SQLite (read, validate, write, audit)") { benchmark in
        let areas = try knownAreas()
        for _ in benchmark.scaledIterations {
            // scripts/benchmark keeps one imported database for SQLite's floor (Benchmarks/SQLiteFloor).
            try await withNewSQLiteStore(areas: areas, keepingCopyAt: ProcessInfo.processInfo.environment["SCRUTINEER_BENCH_KEEP_SQLITE"]) { store in
                try await measureLAITImport(into: store, areas: areas, benchmark)
            }
        }
    }

    // The second half of the benchmark above alone: writing (with every constraint) and auditing
    // the LAIT batch already read and validated, so the two halves can be read against the goal.
    Benchmark("LAIT write into SQLite (the batch already read and validated)") { benchmark in
        let areas = try knownAreas()
        let batch = try readLAIT(areas: areas)
        for _ in benchmark.scaledIterations {
            try await withNewSQLiteStore(areas: areas) { store in
                try await measureLAITImport(into: store, areas: areas, batch: batch, benchmark)
            }
        }
    }

    // Issue 4: the same import into PostgreSQL, each iteration into a new schema of the database
    // SCRUTINEER_BENCH_POSTGRES_URL names (scripts/benchmark starts a throwaway PostgreSQL 15
    // cluster and sets it); skipped, with a note, when it is not set.
    if let postgresURL = ProcessInfo.processInfo.environment["SCRUTINEER_BENCH_POSTGRES_URL"], !postgresURL.isEmpty {
        Benchmark("LAIT import into PostgreSQL (read, validate, write, audit)") { benchmark in
            let areas = try knownAreas()
            for _ in benchmark.scaledIterations {
                let schema = "scrutineer_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
                let store = try await StoreConnection.open(url: postgresURL + (postgresURL.contains("?") ? "&" : "?") + "schema=" + schema)
                try await withPreparedStore(store, areas: areas) { store in
                    try await measureLAITImport(into: store, areas: areas, benchmark)
                }
            }
        }
    } else {
        FileHandle.standardError.write(Data("Note: the LAIT import into PostgreSQL is skipped: SCRUTINEER_BENCH_POSTGRES_URL is not set (scripts/benchmark sets it when it can start PostgreSQL).\n".utf8))
    }

    // Issue 5: every LAIT measure for every LA at each measure's latest period (England, region,
    // SN mean, rank, quartile band, change), the work of ../shared/baselines/pandas_assess.py
    // (compared with its compute_s; loading is measured separately below, like its load_s).
    Benchmark("Assess every LAIT measure for every LA (index + assess)", configuration: fineConfiguration()) { benchmark in
        let areas = try knownAreas()
        let batch = try readLAIT(areas: areas)
        let neighbours = try statisticalNeighbours2025(areas: areas)
        let period = try Period.parse("2025/26 Q2", yearType: .financial)
        let today = CalendarDate(year: 2025, month: 11, day: 23)!
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let index = AssessmentIndex(measures: batch.measures, observations: batch.observations, statisticalNeighbours: neighbours, areas: areas)
            let result = try index.assess(
                councils: index.localAuthorityCodes, measureCodes: index.measureCodes,
                reportingPeriod: period, today: today, audience: .officer
            )
            blackHole(result)
            benchmark.stopMeasurement()
        }
    }

    // The first half of the benchmark above alone: building the assessment index.
    Benchmark("Index LAIT for assessment (the index alone)", configuration: fineConfiguration()) { benchmark in
        let areas = try knownAreas()
        let batch = try readLAIT(areas: areas)
        let neighbours = try statisticalNeighbours2025(areas: areas)
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            blackHole(AssessmentIndex(measures: batch.measures, observations: batch.observations, statisticalNeighbours: neighbours, areas: areas))
            benchmark.stopMeasurement()
        }
    }

    // The load half of pandas_assess.py (its load_s): read and validate the LAIT files.
    Benchmark("Load LAIT for assessment (read + validate)") { benchmark in
        let areas = try knownAreas()
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            blackHole(try readLAIT(areas: areas))
            benchmark.stopMeasurement()
        }
    }

    // Issue 5: rendering the 22-measure Warwickshire pack (HTML pages, SVG charts, CSV and XLSX data)
    // from its assessment; goal under 100 ms. Database reads and the PDF are not included.
    Benchmark("Render the 22-measure committee pack") { benchmark in
        let areas = try knownAreas()
        let batch = try readLAIT(areas: areas)
        let neighbours = try statisticalNeighbours2025(areas: areas)
        // The demo's committee: 18 LAIT measures and 4 with the demo's illustrative local values.
        let demoData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/ScrutineerDemo/DemoData")
        let definition = try JSONDecoder().decode(
            CommitteeDefinition.self, from: Data(contentsOf: demoData.appendingPathComponent("committees/warwickshire-cyp.json"))
        )
        let local = try LocalMeasuresImporter.importBatch(
            try ["warwickshire-measures.csv", "warwickshire-observations.csv"].map {
                LocalImportFile(name: $0, data: try Data(contentsOf: demoData.appendingPathComponent("local/\($0)")))
            },
            options: LocalImportOptions(), context: ImportContext(measures: batch.measures, areas: areas)
        )
        let index = AssessmentIndex(
            measures: batch.measures + local.measures, observations: batch.observations + local.observations,
            targets: definition.targets, statisticalNeighbours: neighbours, areas: areas, settings: definition.settings
        )
        let assessment = try index.assess(
            committee: definition.committee, reportingPeriod: try Period.parse("2026/27 Q2", yearType: .financial),
            today: CalendarDate(year: 2026, month: 11, day: 23)!, audience: .member
        )
        precondition(assessment.measures.count == 22, "the pack has \(assessment.measures.count) measures")
        for _ in benchmark.scaledIterations {
            blackHole(try PackRenderer.render(assessment))
        }
    }
}
