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
            return try DatabaseLocation(url: Settings.load(databaseOption: url).databaseURL)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(78)
        }
    }

    /// Opens the store named by `--db`, the environment or the default.
    func openStore() async throws -> SQLStore {
        let location = try location()
        do {
            return try await StoreConnection.open(location)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(78)
        }
    }

    /// Opens and migrates the store, runs `body` on it and closes it, also when `body` or the
    /// migration throws (the error is passed on).
    func withStore<Result>(_ body: (SQLStore) async throws -> Result) async throws -> Result {
        let store = try await openStore()
        return try await store.closing {
            try await store.migrate()
            return try await body(store)
        }
    }
}
