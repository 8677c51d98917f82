import SQLKit

extension SQLStore {
    /// Applies, in one transaction, every migration the database has not had yet; does nothing
    /// when it is up to date. Refuses a database migrated by a newer Scrutineer.
    public func migrate() async throws {
        try await migrate(through: nil)
    }

    /// `migrate()`, stopping after migration `last` when given (for tests that build a database
    /// as an earlier Scrutineer left it).
    func migrate(through last: Int?) async throws {
        let engine = self.engine, logger = self.logger
        let history = Migration.history.filter { last == nil || $0.number <= last! }
        let at = SQLStore.timestamp()
        typealias S = Schema.Migrations
        try await inTransaction { session in
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
            let newestKnown = Migration.history.last?.number ?? 0
            if let newestApplied = applied.max(), newestApplied > newestKnown {
                throw StoreError.schemaNewerThanProgram(databaseMigration: newestApplied, programMigration: newestKnown)
            }
            for migration in history where !applied.contains(migration.number) {
                logger.info("applying migration \(migration.number): \(migration.name)")
                for statement in migration.statements(engine) {
                    try await database.raw(SQLQueryString(statement)).run()
                }
                try await database.raw("""
                    INSERT INTO \(unsafeRaw: S.table) (\(unsafeRaw: S.number), \(unsafeRaw: S.name), \(unsafeRaw: S.appliedAt))
                    VALUES (\(bind: migration.number), \(bind: migration.name), \(bind: at))
                    """).run()
            }
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
