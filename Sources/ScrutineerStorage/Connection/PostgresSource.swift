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
/// exit status 75, as a lost connection, since trying again later may work; so is a connection
/// closed during the start-up handshake (`StoreError.connectionLost`). Any other failure (a wrong
/// password or host, a port nothing listens on) passes as PostgresNIO raised it.
///
/// A connection not ready within `answerWait` (a server, or a proxy before it, that takes the
/// connection and then says nothing) is `StoreError.unavailable` too: PostgresNIO's own limit
/// covers only reaching the server, so the pool's place for the connection would otherwise stay
/// taken for good. Should it open later, it is closed.
struct PostgresSource: ConnectionPoolSource {
    let base: PostgresConnectionSource
    let answerWait: TimeAmount

    /// The SQLSTATEs of a server refusing a new connection for a while.
    static let refusedForAWhile: Set<String> = ["53300", "57P03", "55000"]

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<PostgresConnection> {
        let opening = opened(base.makeConnection(logger: logger, on: eventLoop))
        let ready = eventLoop.makePromise(of: PostgresConnection.self)
        let answerWait = self.answerWait
        let watchdog = eventLoop.scheduleTask(in: answerWait) {
            ready.fail(StoreError.unavailable(reason: "it did not finish opening a connection within \(answerWait.spoken)"))
            opening.whenSuccess { let _: EventLoopFuture<Void> = $0.close() }
        }
        opening.whenComplete { result in
            watchdog.cancel()
            ready.completeWith(result)
        }
        return ready.futureResult
    }

    /// `opening`, with a refusal for a while and a connection closed while opening told apart.
    private func opened(_ opening: EventLoopFuture<PostgresConnection>) -> EventLoopFuture<PostgresConnection> {
        opening.flatMapErrorThrowing { error in
            guard let error = error as? PSQLError else { throw error }
            if let state = error.serverInfo?[.sqlState], Self.refusedForAWhile.contains(state) {
                throw StoreError.unavailable(reason: StoreError.databaseReason(error))
            }
            // Reached, then closed before it was ready (a load balancer in front of a cluster
            // failing over): lost, as a connection is later, not a URL to correct.
            if Self.closedDuringStartUp(error) {
                throw StoreError.connectionLost(reason: StoreError.databaseReason(error) + ", before the database was ready")
            }
            throw error
        }
    }

    /// Whether the other side closed or reset a connection it had accepted, during the start-up
    /// handshake.
    static func closedDuringStartUp(_ error: PSQLError) -> Bool {
        if [.serverClosedConnection, .uncleanShutdown].contains(error.code) { return true }
        guard error.code == .connectionError, let underlying = error.underlying as? IOError else { return false }
        return [ECONNRESET, EPIPE].contains(underlying.errnoCode)
    }
}
