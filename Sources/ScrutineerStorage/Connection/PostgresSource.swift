import AsyncKit
import Logging
import NIOCore
import PostgresKit

/// Opens PostgreSQL connections as PostgresKit does, telling a server that will not take one
/// now apart from one that cannot be reached or refuses who asks.
///
/// A server with every connection slot taken (SQLSTATE 53300, also a role's or a database's
/// connection limit), one starting up or shutting down (57P03), or a database closed to
/// connections for maintenance (55000, `ALLOW_CONNECTIONS false`) refuses a new connection for a
/// while: that is `StoreError.unavailable`, which the site answers with 503 and a command with
/// exit status 75, as a lost connection, since trying again later may work. Any other failure
/// (a wrong password or host) passes as PostgresNIO raised it.
struct PostgresSource: ConnectionPoolSource {
    let base: PostgresConnectionSource

    /// The SQLSTATEs of a server refusing a new connection for a while.
    static let refusedForAWhile: Set<String> = ["53300", "57P03", "55000"]

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<PostgresConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMapErrorThrowing { error in
            if let state = (error as? PSQLError)?.serverInfo?[.sqlState], Self.refusedForAWhile.contains(state) {
                throw StoreError.unavailable(reason: StoreError.databaseReason(error))
            }
            throw error
        }
    }
}
