import Foundation
import Logging
import SQLKit
import Synchronization

/// Scrutineer's store on SQLite or PostgreSQL: one set of SQLKit queries for both engines.
/// Open it with `StoreConnection.open(url:logger:)`; close it when done.
public final class SQLStore: ScrutineerStore {
    /// Where the database is.
    public let location: DatabaseLocation
    /// Which engine it runs on.
    public var engine: DatabaseEngine { location.engine }
    let sessions: any DatabaseSessions
    let logger: Logger
    private let isClosed = Mutex(false)

    init(location: DatabaseLocation, sessions: any DatabaseSessions, logger: Logger) {
        self.location = location
        self.sessions = sessions
        self.logger = logger
    }

    /// Releases the connections and stops the store's threads; later calls do nothing.
    public func close() async throws {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        try await sessions.shutdown()
    }

    /// Runs read-only work on one connection.
    func read<Result: Sendable>(_ body: @escaping @Sendable (StoreSession) async throws -> Result) async throws -> Result {
        try await sessions.withSession(body)
    }

    /// Runs `body` in one transaction, once no other write to the database is under way (see
    /// `DatabaseEngine.beginWriteTransaction`): committed when it returns, rolled back when
    /// anything in it (or the commit itself, e.g. a deferred foreign key) fails. Take the time a
    /// change is recorded at inside `body`, so changes are recorded in the order they are made.
    /// `takingTurns: false` is for bookkeeping no other write plans from (see
    /// `DatabaseEngine.beginBookkeepingTransaction`).
    func inTransaction<Result: Sendable>(
        takingTurns: Bool = true, _ body: @escaping @Sendable (StoreSession) async throws -> Result
    ) async throws -> Result {
        let engine = self.engine, logger = self.logger
        let begin = takingTurns ? engine.beginWriteTransaction : engine.beginBookkeepingTransaction
        return try await sessions.withSession { session in
            let database = session.sql
            do {
                for statement in begin {
                    try await session.sqlForLongWork.raw(SQLQueryString(statement)).run()
                }
                let result = try await body(session)
                do {
                    try await database.raw("COMMIT").run()
                } catch where StoreError.isConnectionLoss(error) {
                    // PostgreSQL may have committed before the connection went: say so, not "nothing was written".
                    throw StoreError.connectionLostWhileCommitting(reason: StoreError.databaseReason(error))
                }
                return result
            } catch {
                do {
                    try await database.raw("ROLLBACK").run()
                } catch let rollbackError {
                    logger.debug("rollback after a failed transaction: \(StoreError.databaseReason(rollbackError))")
                }
                throw error
            }
        }
    }
}

extension SQLDatabase {
    /// Runs `query` and returns its rows, each read by name through `StoredRow`.
    func rows(_ query: SQLQueryString, table: String) async throws -> [StoredRow] {
        try await raw(query).all().map { StoredRow(row: $0, table: table) }
    }
}
