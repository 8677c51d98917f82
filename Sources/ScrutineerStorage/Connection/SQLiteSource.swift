import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLiteNIO

/// Opens SQLite connections (a file, or memory) with foreign keys enforced, which SQLite
/// leaves off unless each connection asks, and a page cache large enough for a whole import.
struct SQLiteSource: ConnectionPoolSource {
    let storage: SQLiteConnection.Storage
    let threadPool: NIOThreadPool

    /// Run on every new connection. The 56,100-row LAIT import writes about 6 MB of pages; with
    /// SQLite's default 2 MB cache they would spill to the file before the commit.
    static let setUp = ["PRAGMA foreign_keys = ON", "PRAGMA cache_size = -65536"]

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: storage, threadPool: threadPool, logger: logger, on: eventLoop).flatMap { connection in
            Self.setUp.reduce(eventLoop.makeSucceededVoidFuture()) { previous, pragma in
                previous.flatMap { connection.query(pragma).map { _ in } }
            }
            .map { connection }
            .flatMapError { error in connection.close().flatMapThrowing { throw error } }
        }
    }
}
