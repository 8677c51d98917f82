import Foundation
import Logging
import ScrutineerCore
import SQLKit
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

/// A fresh database for one test, removed afterwards.
struct TestDatabase: Sendable {
    let engine: TestEngine
    /// The SQLite file, for byte-for-byte checks.
    let sqliteFile: URL?
    let url: String
    private let cleanUp: @Sendable () async throws -> Void

    /// Creates an empty database (a temporary SQLite file, or a new PostgreSQL schema).
    static func make(_ engine: TestEngine) async throws -> TestDatabase {
        switch engine {
        case .sqlite:
            let folder = try TemporaryFolder.make(prefix: "scrutineer-storage-")
            let file = folder.appendingPathComponent("test.sqlite")
            return TestDatabase(engine: engine, sqliteFile: file, url: "sqlite://\(file.path)") {
                try FileManager.default.removeItem(at: folder)
            }
        case .postgresql:
            let (url, base, schema) = try TestEngine.newPostgresSchema(prefix: "scrutineer_test_")
            return TestDatabase(engine: engine, sqliteFile: nil, url: url) {
                let admin = try await StoreConnection.open(url: base, logger: quietLogger)
                do {
                    try await admin.read { try await $0.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
                } catch {
                    try await admin.close()
                    throw error
                }
                try await admin.close()
            }
        }
    }

    private init(engine: TestEngine, sqliteFile: URL?, url: String, cleanUp: @escaping @Sendable () async throws -> Void) {
        self.engine = engine
        self.sqliteFile = sqliteFile
        self.url = url
        self.cleanUp = cleanUp
    }

    /// Opens a store on this database.
    func open() async throws -> SQLStore {
        try await StoreConnection.open(url: url, logger: quietLogger)
    }

    /// The SQLite file's bytes.
    func fileBytes() throws -> Data {
        try Data(contentsOf: try #require(sqliteFile))
    }

    /// Removes the database.
    func remove() async throws { try await cleanUp() }
}

/// Logs only errors, so test output stays readable.
let quietLogger: Logger = {
    var logger = Logger(label: "scrutineer.storage.tests")
    logger.logLevel = .error
    return logger
}()

/// Runs `body` with a migrated store on a fresh database of `engine` (migrated only as far as
/// `migration` when given), then closes and removes it whether `body` succeeded or not.
func withStore(_ engine: TestEngine, migratedThrough migration: Int? = nil, _ body: (SQLStore, TestDatabase) async throws -> Void) async throws {
    let database = try await TestDatabase.make(engine)
    var failure: (any Error)?
    do {
        let store = try await database.open()
        do {
            try await store.migrate(through: migration)
            try await body(store, database)
        } catch {
            failure = error
        }
        try await store.close()
    } catch {
        failure = failure ?? error
    }
    try await database.remove()
    if let failure { throw failure }
}

/// `withStore`, with the real LA lookup and the LAIT sample already imported (by "analyst"): the
/// measures and areas that targets and committees name.
func withSampleStore(_ engine: TestEngine, migratedThrough migration: Int? = nil, _ body: (SQLStore) async throws -> Void) async throws {
    let data = try RealData.load()
    try await withStore(engine, migratedThrough: migration) { store, _ in
        _ = try await store.importBatch(data.areasBatch, by: "analyst")
        try await importBatch(data.sampleLaitBatch, into: store, migratedThrough: migration, by: "analyst")
        try await body(store)
    }
}

/// Imports `batch` into a store migrated only through `migration`: before migration 7 the
/// measures table has no council column, so the measures are written as migrations 1–6 kept
/// them, and the rest of the batch by the store.
func importBatch(_ batch: ImportBatch, into store: SQLStore, migratedThrough migration: Int?, by user: String) async throws {
    guard let migration, migration < 7 else {
        _ = try await store.importBatch(batch, by: user)
        return
    }
    typealias M = Schema.Measures
    let kept = M.columns.indices.filter { M.columns[$0] != M.councilAreaCode }
    try await store.inTransaction { session in
        try await session.insertRows(
            into: M.table, columns: kept.map { M.columns[$0] },
            cells: batch.measures.flatMap { measure in
                let cells = MeasureRecord.cells(measure)
                return kept.map { cells[$0] }
            }
        )
        let committees = batch.measures.flatMap(MeasureRecord.committeeCells)
        if !committees.isEmpty {
            try await session.insertRows(into: Schema.MeasureCommittees.table, columns: Schema.MeasureCommittees.columns, cells: committees)
        }
    }
    var rest = batch
    rest.measures = []
    _ = try await store.importBatch(rest, by: user)
}
