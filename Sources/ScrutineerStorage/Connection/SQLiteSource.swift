import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLiteNIO

/// Opens SQLite connections (a file, or memory) with foreign keys enforced, which SQLite
/// leaves off unless each connection asks.
struct SQLiteSource: ConnectionPoolSource {
    let storage: SQLiteConnection.Storage
    let threadPool: NIOThreadPool

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: storage, threadPool: threadPool, logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA foreign_keys = ON")
                .map { _ in connection }
                .flatMapError { error in connection.close().flatMapThrowing { throw error } }
        }
    }
}
