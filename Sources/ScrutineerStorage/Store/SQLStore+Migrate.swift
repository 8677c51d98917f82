import SQLKit

extension SQLStore {
    /// Applies, in one transaction, every migration the database has not had yet; does nothing
    /// when it is up to date. Refuses a database migrated by a newer Scrutineer.
    public func migrate() async throws {
        try await migrate(through: nil)
    }

    /// `migrate()`, stopping after migration `last` when given (for tests that build a database
    /// as an earlier Scrutineer left it). On SQLite, a migration that left more than a quarter of
    /// the file free (migration 5 moves every observation to new tables) is followed by a VACUUM,
    /// so the file shrinks to what it holds.
    func migrate(through last: Int?) async throws {
        let appliedNow = try await applyMigrations(through: last)
        if engine == .sqlite, appliedNow > 0 { try await reclaimFreePages() }
    }

    /// Applies the migrations not yet applied, in one transaction; returns how many. A database
    /// that already has every one is seen to by a read, without the write lock, so a command that
    /// only reads (an export, a pack, a server starting) does not wait for an import under way.
    private func applyMigrations(through last: Int?) async throws -> Int {
        let engine = self.engine, logger = self.logger
        let history = Migration.history.filter { last == nil || $0.number <= last! }
        if let applied = try await migrationsRecorded() {
            try Self.refuseNewerSchema(applied)
            if history.allSatisfy({ applied.contains($0.number) }) { return 0 }
        }
        let at = StoreTimestamp.now()
        typealias S = Schema.Migrations
        return try await inTransaction { session in
            let database = session.sql
            try await database.raw("""
                CREATE TABLE IF NOT EXISTS \(unsafeRaw: S.table) (
                    \(unsafeRaw: S.number) INTEGER PRIMARY KEY CHECK (\(unsafeRaw: S.number) >= 1),
                    \(unsafeRaw: S.name) \(unsafeRaw: engine.text) NOT NULL,
                    \(unsafeRaw: S.appliedAt) \(unsafeRaw: engine.text) NOT NULL
                )
                """).run()
            let applied = Set(try await database.rows("SELECT \(unsafeRaw: S.number) FROM \(unsafeRaw: S.table)", table: S.table)
                .map { try $0.integer(S.number) })
            try Self.refuseNewerSchema(applied)
            let toApply = history.filter { !applied.contains($0.number) }
            for migration in toApply {
                logger.info("applying migration \(migration.number): \(migration.name)")
                for statement in migration.statements(engine) {
                    try await session.sqlForLongWork.raw(SQLQueryString(statement)).run()
                }
                try await database.raw("""
                    INSERT INTO \(unsafeRaw: S.table) (\(unsafeRaw: S.number), \(unsafeRaw: S.name), \(unsafeRaw: S.appliedAt))
                    VALUES (\(bind: migration.number), \(bind: migration.name), \(bind: at))
                    """).run()
            }
            return toApply.count
        }
    }

    /// Refuses a database migrated by a newer Scrutineer: one that has had migrations this one
    /// does not know.
    private static func refuseNewerSchema(_ applied: Set<Int>) throws {
        let newestKnown = Migration.history.last?.number ?? 0
        if let newestApplied = applied.max(), newestApplied > newestKnown {
            throw StoreError.schemaNewerThanProgram(databaseMigration: newestApplied, programMigration: newestKnown)
        }
    }

    /// The numbers of the migrations applied, read without a transaction; nil when the database
    /// has no table of them yet (a new database), or the read failed (the locked path then tries
    /// again and reports it). A role refused the schema is told so at once, in PostgreSQL's words
    /// (creating the table would say only that no schema was selected).
    private func migrationsRecorded() async throws -> Set<Int>? {
        do {
            return Set(try await appliedMigrations())
        } catch where StoreError.isRefusedRights(error) {
            throw error
        } catch {
            return nil
        }
    }

    /// Rewrites a SQLite file without its free pages when more than a quarter of it is free.
    private func reclaimFreePages() async throws {
        let logger = self.logger
        try await read { session in
            func pragma(_ name: String) async throws -> Int {
                guard case let .integer(value)? = try await session.cells(SQLQueryString("PRAGMA \(unsafeRaw: name)")).first?.first else { return 0 }
                return value
            }
            let free = try await pragma("freelist_count"), pages = try await pragma("page_count")
            guard free * 4 > pages else { return }
            logger.info("reclaiming \(free) free pages of \(pages) left by the migration (VACUUM)")
            try await session.sql.raw("VACUUM").run()
        }
    }

    /// The numbers of the migrations applied, in order.
    func appliedMigrations() async throws -> [Int] {
        typealias S = Schema.Migrations
        return try await read { session in
            let database = session.sql
            return try await database.rows("SELECT \(unsafeRaw: S.number) FROM \(unsafeRaw: S.table) ORDER BY \(unsafeRaw: S.number)", table: S.table)
                .map { try $0.integer(S.number) }
        }
    }
}
