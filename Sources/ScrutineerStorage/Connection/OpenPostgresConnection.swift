import Logging
import NIOCore
import PostgresKit
import SQLKit

/// Starts work on a PostgreSQL connection only while it is open, and says so when it is not.
///
/// PostgresNIO 1.33 hands a query to a closed connection's channel without anything to report
/// the failed write back, so a query asked of a connection the server has ended (a restart, a
/// failover, `pg_terminate_backend`) never answers, and an import or a request waiting on it
/// hangs for good: the `ROLLBACK` after a failed statement is such a query. Each query is
/// therefore started on the connection's event loop, where the connection is closed or not for
/// certain (the loop is what closes it), and refused as `StoreError.connectionLost` when closed.
enum OpenPostgresConnection {
    static func start<Value: Sendable>(
        on connection: PostgresConnection, _ query: @escaping @Sendable () -> EventLoopFuture<Value>
    ) -> EventLoopFuture<Value> {
        connection.eventLoop.flatSubmit {
            guard !connection.isClosed else {
                return connection.eventLoop.makeFailedFuture(StoreError.connectionLost(reason: "PostgreSQL had closed the connection"))
            }
            return query()
        }
    }
}

/// SQLKit's database over one PostgreSQL connection, each query started by `OpenPostgresConnection`.
struct OpenPostgresSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let connection: PostgresConnection

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let base = self.base
        return OpenPostgresConnection.start(on: connection) { base.execute(sql: query, onRow) }
    }
    // The async `execute` is SQLKit's, which waits on this one.
}
