import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage

/// `scrutineer backup FILE`, `backup check FILE`, `backup restore FILE`: the administrator's
/// backups of an SQLite database (see `StoreBackup`). Refusals go to standard error with exit
/// status 65 (74 when a file could not be written), and change nothing.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up the SQLite database to a file, check a backup, or restore one.",
        discussion: """
            scrutineer backup FILE copies the database (it may be in use: the copy is consistent) and checks the copy.
            Stop every scrutineer serve on the database before restoring. PostgreSQL is backed up with pg_dump.
            """,
        subcommands: [Write.self, Check.self, Restore.self],
        defaultSubcommand: Write.self
    )

    struct Write: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write", abstract: "Write a consistent copy of the database to a new file and check it."
        )

        @Argument(help: "The backup file to write; it must not exist yet.") var file: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let location = try database.location()
            if let path = try database.missingSQLiteFile() {
                try BackupCommand.refuse("\(location.redacted): there is no database at \(path) to back up")
            }
            let contents = try await BackupCommand.reporting {
                guard case .sqliteFile = location else { throw BackupError.notAnSQLiteFile(location.redacted) }
                let store = try await database.openStore()
                return try await store.closing { try await StoreBackup.write(from: store, to: file) }
            }
            print("Backed up \(location.redacted) to \(file) and checked the copy.")
            print(BackupCommand.describe(contents))
            print("It holds people's password hashes: keep it as safe as the database.")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a backup without changing it: SQLite's integrity and foreign key checks, and a schema this Scrutineer knows."
        )

        @Argument(help: "The backup file.") var file: String

        func run() async throws {
            let contents = try await BackupCommand.reporting { try await StoreBackup.check(path: file) }
            print("\(file) is a sound Scrutineer backup.")
            print(BackupCommand.describe(contents))
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a backup and put it in place of the database; the database there is kept beside it, renamed.",
            discussion: "Stop every scrutineer serve on the database first. Everyone signed in signs in again."
        )

        @Argument(help: "The backup file.") var file: String
        @OptionGroup var database: DatabaseOption

        @OptionGroup var audit: AuditUserOption

        func run() async throws {
            let location = try database.location()
            let result = try await BackupCommand.reporting { try await StoreBackup.restore(from: file, to: location, by: audit.user) }
            print("Restored \(location.redacted) from \(file).")
            print(BackupCommand.describe(result.backup))
            if let kept = result.replacedKeptAt { print("The database it replaced is kept as \(kept).") }
            if result.migratedTo > result.migratedFrom {
                print("Brought up from schema \(result.migratedFrom) to \(result.migratedTo).")
            }
            print("Everyone signed in will sign in again.")
        }
    }

    /// What a checked backup holds, in two lines.
    static func describe(_ contents: BackupContents) -> String {
        let counts = contents.counts.map { "\($0.what) \($0.count)" }.joined(separator: ", ")
        let last = contents.lastChange.map { "Its last recorded change: \(CalendarDate.displayText(ofTimestampWithTime: $0))." }
            ?? "It records no change yet."
        return "\(contents.bytes) bytes, schema \(contents.schema): \(counts).\n\(last)"
    }

    /// Runs `body`, turning a refusal into its message on standard error and exit status 65, or
    /// 74 when a file could not be written.
    static func reporting<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as BackupError {
            if case .notWritten = error {
                StandardError.write("\(error)\n")
                throw ExitCode(74)
            }
            try refuse("\(error)")
        } catch let error as StoreError {
            try refuse("\(error)")
        }
    }

    /// Writes `message` to standard error and exits with status 65.
    static func refuse(_ message: String) throws -> Never {
        StandardError.write("\(message)\n")
        throw ExitCode(65)
    }
}
