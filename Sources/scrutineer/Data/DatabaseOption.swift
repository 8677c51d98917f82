import ArgumentParser
import Foundation
import ScrutineerStorage

/// `--db URL`, shared by every command that opens the database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "The database: sqlite://./scrutineer.sqlite (default) or postgres://user:password@host:port/database. Also SCRUTINEER_DB_URL.")
    var url: String?

    /// Where `--db`, the environment or the default puts the database; exit 78 when the URL is
    /// not one Scrutineer reads.
    func location() throws -> DatabaseLocation {
        do {
            return try DatabaseLocation(url: Settings.databaseURL(option: url))
        } catch {
            StandardError.write("\(error)\n")
            throw ExitCode(78)
        }
    }

    /// The path of the SQLite file the database names when nothing is there (a mistyped path); nil
    /// for a file that exists, an in-memory database or PostgreSQL.
    func missingSQLiteFile() throws -> String? {
        guard case let .sqliteFile(path) = try location(), !FileManager.default.fileExists(atPath: path) else { return nil }
        return path
    }

    /// Opens the store named by `--db`, the environment or the default: exit 78 when it cannot
    /// (a wrong URL, password or host), 75 when the database would not take a connection for now
    /// or lost it (trying again may work), 77 when the role may not use the schema.
    func openStore() async throws -> SQLStore {
        let location = try location()
        let connections: Int, timeout: Int
        do {
            connections = try Settings.databaseConnections()
            timeout = try Settings.databaseTimeout()
        } catch {
            StandardError.write("\(error)\n")
            throw ExitCode(78)
        }
        do {
            return try await StoreConnection.open(location, postgresConnections: connections, answerWait: .seconds(Int64(timeout)))
        } catch let error as StoreError {
            StandardError.write("\(error)\n")
            throw error.isConnectionLost || error.isNotPermitted ? error.exitStatus : ExitCode(78)
        }
    }

    /// Opens and migrates the store, runs `body` on it and closes it, also when `body` or the
    /// migration throws (the error is passed on). With `existing`, an SQLite file that is not
    /// there is refused (exit 66) rather than made: a command that reads or changes what a
    /// database holds must not answer from a new, empty one at a mistyped path.
    func withStore<Result>(existing: Bool = false, _ body: (SQLStore) async throws -> Result) async throws -> Result {
        if existing, let path = try missingSQLiteFile() {
            StandardError.write("--db: there is no database at \(path) (expected an existing Scrutineer database; scrutineer import or scrutineer committee add makes one)\n")
            throw ExitCode(66)
        }
        let store = try await openStore()
        return try await store.closing {
            try await store.migrate()
            return try await body(store)
        }
    }
}

extension StoreError {
    /// The exit status of a command the store refused: EX_TEMPFAIL (75) when the connection to the
    /// database was lost, since trying again may work; EX_NOPERM (77) when the database does not
    /// let the role do it; otherwise 65, as for bad data.
    var exitStatus: ExitCode {
        if isConnectionLost { return ExitCode(75) }
        if isNotPermitted { return ExitCode(77) }
        return ExitCode(65)
    }
}
