import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit

/// Opens Scrutineer's store from the `db.url` setting.
public enum StoreConnection {
    /// PostgreSQL connections per store unless told (the `db.connections` setting): each piece of
    /// work the store does at once (a page being read, an import) holds one. SQLite always has
    /// one, so every write to the file is serialised.
    public static let defaultPostgresConnections = 4
    /// The most `db.connections` may ask for.
    public static let mostPostgresConnections = 100

    /// Opens the database at `url` (see `DatabaseLocation`) and checks it answers. Call
    /// `migrate()` before first use and `close()` when done.
    public static func open(url: String, logger: Logger = Logger(label: "scrutineer.storage")) async throws -> SQLStore {
        try await open(DatabaseLocation(url: url), logger: logger)
    }

    /// How long work finding every connection busy waits for one before it is refused as
    /// `StoreError.unavailable`, unless told.
    public static let defaultConnectionWait: TimeAmount = .minutes(10)

    /// How long PostgreSQL may leave a statement, or a new connection, unanswered before the
    /// connection is given up, unless told (the `db.timeout` setting).
    public static let defaultAnswerWait: TimeAmount = .seconds(60)
    /// The longest `db.timeout` may ask for, in seconds.
    public static let longestAnswerWaitSeconds = 3600

    /// Opens the database at `location` and checks it answers; on PostgreSQL with at most
    /// `postgresConnections` connections at once (work beyond them waits its turn, for at most
    /// `connectionWait`, as may a change waiting for another to finish, or a migration), giving up a
    /// connection on which the database leaves a statement unanswered for `answerWait`
    /// (`StoreError.connectionLost`), or a new connection unopened for as long
    /// (`StoreError.unavailable`). SQLite, in this process, is never waited on so.
    public static func open(
        _ location: DatabaseLocation, postgresConnections: Int = defaultPostgresConnections, connectionWait: TimeAmount = defaultConnectionWait,
        answerWait: TimeAmount = defaultAnswerWait, logger: Logger = Logger(label: "scrutineer.storage")
    ) async throws -> SQLStore {
        precondition((1...mostPostgresConnections).contains(postgresConnections), "db.connections is checked where it is read")
        let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let sessions: any DatabaseSessions
        switch location {
        case .sqliteFile, .sqliteMemory:
            let threadPool = NIOThreadPool(numberOfThreads: 1)
            threadPool.start()
            let storage: SQLiteConnection.Storage
            if case let .sqliteFile(path) = location { storage = .file(path: path) } else { storage = .memory }
            sessions = PooledSessions(
                source: SQLiteSource(storage: storage, threadPool: threadPool), maxConnections: 1, connectionWait: connectionWait,
                eventLoopGroup: eventLoopGroup, threadPool: threadPool, logger: logger,
                makeSession: { connection in
                    let sql = connection.sql(queryLogLevel: .trace)
                    return StoreSession(sql: sql, driver: SQLiteDriverConnection(connection: connection), engine: .sqlite, sqlForLongWork: sql)
                }
            )
        case let .postgresql(url, schema):
            var configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                try? await eventLoopGroup.shutdownGracefully()
                throw StoreError.invalidDatabaseURL(location.redacted)
            }
            configuration.searchPath = schema.map { [$0] }
            let answer = AnswerWait.answer(within: answerWait), longWork = AnswerWait.longWork(within: connectionWait)
            sessions = PooledSessions(
                source: PostgresSource(base: PostgresConnectionSource(sqlConfiguration: configuration), answerWait: answerWait),
                maxConnections: postgresConnections, connectionWait: connectionWait, eventLoopGroup: eventLoopGroup, threadPool: nil, logger: logger,
                makeSession: { connection in
                    let sql = connection.sql(queryLogLevel: .trace)
                    return StoreSession(
                        sql: OpenPostgresSQLDatabase(base: sql, connection: connection, wait: answer),
                        driver: PostgresDriverConnection(connection: connection, logger: logger, wait: answer),
                        engine: .postgresql,
                        sqlForLongWork: OpenPostgresSQLDatabase(base: sql, connection: connection, wait: longWork)
                    )
                }
            )
        }
        let store = SQLStore(location: location, sessions: sessions, logger: logger)
        let schema: String?
        if case let .postgresql(_, named) = location { schema = named } else { schema = nil }
        do {
            try await sessions.withSession { session in
                do {
                    try await prepare(session, schema: schema)
                } catch where StoreError.isConnectionLoss(error) {
                    throw StoreError.connectionLost(reason: StoreError.databaseReason(error))
                }
            }
        } catch {
            try? await store.close()
            // Refused for a while (`PostgresSource`), or lost once made: trying again may work,
            // which a wrong URL, password or host would not; a schema the role may not use.
            if let error = error as? StoreError, error.isConnectionLost || error.isNotPermitted { throw error }
            throw StoreError.cannotConnect(url: location.redacted, reason: StoreError.databaseReason(error))
        }
        return store
    }

    /// Sees that the database answers on a new connection, first creating the schema to use when
    /// it is not there yet.
    private static func prepare(_ session: StoreSession, schema: String?) async throws {
        let database = session.sql
        guard let schema else {
            try await database.raw("SELECT 1").run()
            return
        }
        // A schema that exists is used as it is: its creation needs CREATE on the whole
        // database, which a role kept to its schema lacks, and the write lock, which an
        // import under way holds.
        let usable = try await database.raw("SELECT has_schema_privilege(nspname, 'USAGE') AS usable FROM pg_namespace WHERE nspname = \(bind: schema)")
            .all().map { try $0.decode(column: "usable", as: Bool.self) }
        // A schema the role may not use is left out of its search path without a word, and
        // every query would then say only that no table or schema was found.
        if usable == [false] {
            throw StoreError.notPermitted(reason: "permission denied for schema \(schema): the role has no USAGE on it")
        }
        if usable.isEmpty {
            // Under the schema's write lock, so two servers starting on a new schema at
            // once do not both create it (a schema name is letters, digits and underscores).
            try await database.raw("BEGIN").run()
            try await session.sqlForLongWork.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: DatabaseEngine.writeLockKey("'\(schema)'")))").run()
            try await database.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            try await database.raw("COMMIT").run()
        }
    }
}
