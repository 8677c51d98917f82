import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresKit
import SQLKit

/// How long a statement on a PostgreSQL connection may go unanswered before the connection is
/// given up, and what the wait was for, to say so.
struct AnswerWait: Sendable {
    let limit: TimeAmount
    /// Why nothing came, for `StoreError.connectionLost`'s reason ("it did not answer within 1 minute").
    let reason: String

    /// The wait for the database itself: a statement it does not answer in `limit` means the
    /// database, or the network to it, has gone silent.
    static func answer(within limit: TimeAmount) -> AnswerWait {
        AnswerWait(limit: limit, reason: "the database did not answer within \(limit.spoken), so this program closed the connection")
    }

    /// The wait for a statement that may rightly take long: one waiting its turn behind other
    /// work (the write lock an import holds), which may last as long as that work does, or a
    /// migration rewriting a table. `limit` is the wait for a connection to come free, which is
    /// the same kind of wait.
    static func longWork(within limit: TimeAmount) -> AnswerWait {
        AnswerWait(
            limit: limit,
            reason: "the database did not answer within \(limit.spoken), waiting for another change to it to finish or making a long one, so this program closed the connection"
        )
    }
}

/// Starts work on a PostgreSQL connection only while it is open, says so when it is not, and
/// gives the connection up when the work goes unanswered too long.
///
/// PostgresNIO 1.33 hands a query to a closed connection's channel without anything to report
/// the failed write back, so a query asked of a connection the server has ended (a restart, a
/// failover, `pg_terminate_backend`) never answers, and an import or a request waiting on it
/// hangs for good: the `ROLLBACK` after a failed statement is such a query. Each query is
/// therefore started on the connection's event loop, where the connection is closed or not for
/// certain (the loop is what closes it), and refused as `StoreError.connectionLost` when closed.
///
/// A connection can also go silent without being closed: after a failover the old server's
/// address may drop everything sent to it, and a query then waits for good, as does a server
/// stopping the site on SIGTERM, which waits for its requests (found by exploratory testing).
/// So a query not answered within its `AnswerWait` closes its connection, which fails the query
/// at once; it is reported as `StoreError.connectionLost` with the wait's reason, and the pool
/// opens a new connection for the next work.
enum OpenPostgresConnection {
    static func start<Value: Sendable>(
        on connection: PostgresConnection, waiting wait: AnswerWait, _ query: @escaping @Sendable () -> EventLoopFuture<Value>
    ) -> EventLoopFuture<Value> {
        connection.eventLoop.flatSubmit {
            guard !connection.isClosed else {
                return connection.eventLoop.makeFailedFuture(StoreError.connectionLost(reason: "PostgreSQL had closed the connection"))
            }
            let gaveUp = NIOLockedValueBox(false)
            let watchdog = connection.eventLoop.scheduleTask(in: wait.limit) {
                gaveUp.withLockedValue { $0 = true }
                let _: EventLoopFuture<Void> = connection.close()
            }
            return query().flatMapErrorThrowing { error in
                if gaveUp.withLockedValue({ $0 }) { throw StoreError.connectionLost(reason: wait.reason) }
                throw error
            }.always { _ in watchdog.cancel() }
        }
    }
}

/// SQLKit's database over one PostgreSQL connection, each query started by `OpenPostgresConnection`.
struct OpenPostgresSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let connection: PostgresConnection
    let wait: AnswerWait

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let base = self.base
        return OpenPostgresConnection.start(on: connection, waiting: wait) { base.execute(sql: query, onRow) }
    }
    // The async `execute` is SQLKit's, which waits on this one.
}
