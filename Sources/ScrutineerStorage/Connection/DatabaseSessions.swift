import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// Lends the store one database connection at a time, for one piece of work.
protocol DatabaseSessions: Sendable {
    /// Runs `body` with a connection no other work uses until it returns.
    func withSession<Result: Sendable>(_ body: @escaping @Sendable (StoreSession) async throws -> Result) async throws -> Result
    /// Closes every connection, then stops the threads the connections ran on.
    func shutdown() async throws
}

/// A pool of connections to one database, on an event loop group (and, for SQLite, a thread
/// pool for its blocking calls) that belong to this pool alone and stop with it.
final class PooledSessions<Source: ConnectionPoolSource>: DatabaseSessions, @unchecked Sendable where Source.Connection: Sendable {
    // @unchecked Sendable: `EventLoopGroupConnectionPool` is not marked Sendable but guards its
    // state with a lock and runs each per-loop pool on that loop, so sharing it across tasks is
    // safe; every other stored property is immutable and Sendable.
    private let pool: EventLoopGroupConnectionPool<Source>
    private let eventLoopGroup: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool?
    private let makeSession: @Sendable (Source.Connection) -> StoreSession
    private let connectionWait: TimeAmount

    /// `connectionWait`: how long work waits for a connection to come free when every one is busy.
    init(
        source: Source, maxConnections: Int, connectionWait: TimeAmount, eventLoopGroup: MultiThreadedEventLoopGroup, threadPool: NIOThreadPool?,
        logger: Logger, makeSession: @escaping @Sendable (Source.Connection) -> StoreSession
    ) {
        // The pool logs a connection it cannot open at `error`, then fails the work that asked for
        // it with the same error, which the store reports in its own words. Unless debug or trace
        // logging is asked for, only that report speaks, so a user sees the problem once.
        var poolLogger = logger
        if poolLogger.logLevel > .debug { poolLogger.logLevel = .critical }
        self.pool = EventLoopGroupConnectionPool(
            source: source, maxConnectionsPerEventLoop: maxConnections, requestTimeout: connectionWait, logger: poolLogger,
            on: eventLoopGroup
        )
        self.eventLoopGroup = eventLoopGroup
        self.threadPool = threadPool
        self.makeSession = makeSession
        self.connectionWait = connectionWait
    }

    /// A connection whose work failed for its loss is closed before the pool has it back, so the
    /// next work is given a new one, not the dead one again (the server's closing may not have
    /// reached this side yet: found by exploratory testing, a sign-in's next step failing so).
    /// Work that waited `connectionWait` for a busy pool is `StoreError.unavailable` (503 on the
    /// site, exit 75), not the pool's own error (found by exploratory testing: 500 after 10 minutes).
    func withSession<Result: Sendable>(_ body: @escaping @Sendable (StoreSession) async throws -> Result) async throws -> Result {
        let makeSession = self.makeSession
        do {
            return try await lending(makeSession, body)
        } catch is ConnectionPoolTimeoutError {
            throw StoreError.unavailable(reason: "no connection to it came free within \(connectionWait.spoken), every one of this program's being busy")
        }
    }

    private func lending<Result: Sendable>(
        _ makeSession: @escaping @Sendable (Source.Connection) -> StoreSession, _ body: @escaping @Sendable (StoreSession) async throws -> Result
    ) async throws -> Result {
        try await pool.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                do {
                    return try await body(makeSession(connection))
                } catch where StoreError.isConnectionLoss(error) {
                    try? await connection.close().get()
                    throw error
                }
            }
        }.get()
    }

    func shutdown() async throws {
        try await pool.shutdownAsync()
        try await threadPool?.shutdownGracefully()
        try await eventLoopGroup.shutdownGracefully()
    }
}
