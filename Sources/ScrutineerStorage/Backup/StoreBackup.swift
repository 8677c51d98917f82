import Foundation
import SQLKit

/// What a backup file holds, as checked: SQLite found every page and index sound and no row
/// that breaks a foreign key, and it is a Scrutineer database this program can open.
public struct BackupContents: Sendable, Hashable {
    /// The backup file.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int
    /// The newest migration applied to it (`schema_migrations`).
    public var schema: Int
    /// How many rows its main tables hold, in the order a summary lists them.
    public var counts: [BackupCount]
    /// When the last change it holds was recorded (the newest audit row; ISO 8601, UTC), nil when
    /// its audit trail is empty.
    public var lastChange: String?

    public init(path: String, bytes: Int, schema: Int, counts: [BackupCount], lastChange: String?) {
        self.path = path
        self.bytes = bytes
        self.schema = schema
        self.counts = counts
        self.lastChange = lastChange
    }
}

/// How many rows one kind of record has in a backup.
public struct BackupCount: Sendable, Hashable {
    /// What is counted, plural, in words: "observations", "publications of reports"…
    public var what: String
    public var count: Int

    public init(what: String, count: Int) {
        self.what = what
        self.count = count
    }
}

/// What a restore did.
public struct RestoreResult: Sendable, Hashable {
    /// The backup as checked before anything was moved.
    public var backup: BackupContents
    /// Where the database that was there before now is (the file renamed, nothing deleted); nil
    /// when there was none.
    public var replacedKeptAt: String?
    /// The migrations applied to the restored copy to bring it up to this program's schema.
    public var migratedFrom: Int
    public var migratedTo: Int
}

/// Backs up and restores an SQLite database (PRODUCT.md: the administrator's "backups"). A backup
/// is a whole, consistent copy of the database file, written by SQLite itself (`VACUUM INTO`)
/// inside one read transaction, so it can be taken while the server runs and imports go on; it is
/// checked as soon as it is written. PostgreSQL has its own tools for this (`pg_dump`,
/// `pg_restore`), which a shared service's administrators already run; Scrutineer refuses rather
/// than half-doing it.
public enum StoreBackup {
    /// Writes a copy of the database `store` opened to `path`, which must not exist yet, readable
    /// and writable by its owner only (it holds password hashes), and checks it.
    public static func write(from store: SQLStore, to path: String) async throws -> BackupContents {
        guard case .sqliteFile = store.location else { throw BackupError.notAnSQLiteFile(store.location.redacted) }
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.fileExists(path) }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BackupError.noFolder(path)
        }
        do {
            try await store.read { session in
                try await session.sql.raw("VACUUM INTO \(bind: path)").run()
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw BackupError.notWritten(path: path, reason: StoreError.databaseReason(error))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return try await check(path: path)
    }

    /// Opens the backup at `path` without changing it and checks it: SQLite's integrity check,
    /// its foreign key check, and a schema this program knows.
    public static func check(path: String) async throws -> BackupContents {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular
        else { throw BackupError.noSuchFile(path) }
        let bytes = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let store: SQLStore
        do {
            store = try await StoreConnection.open(.sqliteFile(path: path))
        } catch let StoreError.cannotConnect(_, reason) {
            throw BackupError.notADatabase(path: path, reason: reason)
        }
        return try await store.closing(after: {
            try await Self.contents(of: store, path: path, bytes: bytes)
        })
    }

    /// Puts the backup at `path` in place of the SQLite database at `location`, once it has been
    /// checked: the database there now, if any, is renamed (never deleted) to `NAME.before-restore-STAMP`,
    /// the copy is written beside it and renamed into place, and then migrated to this program's
    /// schema. Signed-in sessions kept in the backup are ended (everyone signs in again), and the
    /// restore is written to the restored database's audit trail. Stop every server on the
    /// database first: a server keeps the file it opened.
    public static func restore(from path: String, to location: DatabaseLocation, by user: String) async throws -> RestoreResult {
        guard case let .sqliteFile(target) = location else { throw BackupError.notAnSQLiteFile(location.redacted) }
        let backup = try await check(path: path)
        let files = FileManager.default
        if files.fileExists(atPath: target) {
            for suffix in ["-journal", "-wal"] where files.fileExists(atPath: target + suffix) {
                throw BackupError.transactionUnderWay(database: target, file: target + suffix)
            }
            if let same = try? sameFile(path, target), same { throw BackupError.restoreOntoItself(path) }
        }
        let stamp = StoreTimestamp.now().filter { $0.isNumber || $0 == "T" || $0 == "Z" }
        let incoming = target + ".restoring-\(stamp)"
        let keptAt = target + ".before-restore-\(stamp)"
        do {
            try files.copyItem(atPath: path, toPath: incoming)
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: incoming)
        } catch {
            try? files.removeItem(atPath: incoming)
            throw BackupError.notWritten(path: incoming, reason: "\(error)")
        }
        var replaced: String?
        do {
            if files.fileExists(atPath: target) {
                try files.moveItem(atPath: target, toPath: keptAt)
                replaced = keptAt
            }
            try files.moveItem(atPath: incoming, toPath: target)
        } catch {
            if let replaced, !files.fileExists(atPath: target) { try? files.moveItem(atPath: replaced, toPath: target) }
            try? files.removeItem(atPath: incoming)
            throw BackupError.notWritten(path: target, reason: "\(error)")
        }
        let store = try await StoreConnection.open(location)
        let migratedTo = try await store.closing(after: {
            try await store.migrate()
            try await store.recordRestore(from: path, replacedKeptAt: replaced, by: user)
            return try await store.appliedMigrations().last ?? 0
        })
        return RestoreResult(backup: backup, replacedKeptAt: replaced, migratedFrom: backup.schema, migratedTo: migratedTo)
    }

    /// Whether two paths name the same file (a hard link or the same path written two ways).
    private static func sameFile(_ first: String, _ second: String) throws -> Bool {
        let files = FileManager.default
        let one = try files.attributesOfItem(atPath: first), other = try files.attributesOfItem(atPath: second)
        return (one[.systemFileNumber] as? NSNumber) == (other[.systemFileNumber] as? NSNumber)
            && (one[.systemNumber] as? NSNumber) == (other[.systemNumber] as? NSNumber)
    }

    /// The checks and counts of `check(path:)`, on the backup's store.
    private static func contents(of store: SQLStore, path: String, bytes: Int) async throws -> BackupContents {
        let problems: [String]
        let tables: Set<String>
        do {
            (problems, tables) = try await store.read { session in
                let integrity = try await session.cells("PRAGMA integrity_check").compactMap { row -> String? in
                    guard case let .text(text)? = row.first, text != "ok" else { return nil }
                    return text
                }
                let keys = try await session.cells("PRAGMA foreign_key_check").map { row in
                    let table = row.first?.text ?? "?"
                    let parent = row.count > 2 ? (row[2].text ?? "?") : "?"
                    return "a row of \(table) refers to a row of \(parent) that is not there"
                }
                let names = try await session.cells("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").compactMap { $0.first?.text }
                return (integrity + keys, Set(names))
            }
        } catch {
            throw BackupError.notADatabase(path: path, reason: StoreError.databaseReason(error))
        }
        guard problems.isEmpty else { throw BackupError.damaged(path: path, problems: problems) }
        guard tables.contains(Schema.Migrations.table) else { throw BackupError.notScrutineer(path) }
        let schema = try await store.appliedMigrations().last ?? 0
        let newestKnown = Migration.history.last?.number ?? 0
        guard schema <= newestKnown else {
            throw BackupError.newerSchema(path: path, backup: schema, program: newestKnown)
        }
        let counted: [(String, String)] = [
            ("measures", Schema.Measures.table), ("areas", Schema.Areas.table), ("observations", Schema.ObservationValues.table),
            ("earlier versions of observations", Schema.ObservationHistory.table), ("targets", Schema.Targets.table),
            ("committees", Schema.Committees.table), ("publications of reports", Schema.Snapshots.table),
            ("people", Schema.Users.table), ("audit entries", Schema.Audit.table),
        ].filter { tables.contains($0.1) }
        typealias U = Schema.Audit
        return try await store.read { session in
            var counts: [BackupCount] = []
            for (what, table) in counted {
                let count = try await session.cells("SELECT COUNT(*) FROM \(unsafeRaw: table)").first?.first?.integer ?? 0
                counts.append(BackupCount(what: what, count: count))
            }
            let last = try await session.cells("SELECT MAX(\(unsafeRaw: U.recordedAt)) FROM \(unsafeRaw: U.table)").first?.first?.text
            return BackupContents(path: path, bytes: bytes, schema: schema, counts: counts, lastChange: last)
        }
    }
}

extension SQLStore {
    /// Ends every signed-in session and writes the restore to the audit trail, in one transaction.
    func recordRestore(from path: String, replacedKeptAt: String?, by user: String) async throws {
        let action = "restore from backup \((path as NSString).lastPathComponent)"
            + (replacedKeptAt.map { "; the database it replaced kept as \(($0 as NSString).lastPathComponent)" } ?? "")
        try await inTransaction { session in
            try await session.sql.raw("DELETE FROM \(unsafeRaw: Schema.Sessions.table)").run()
            _ = try await AuditWriter.insert(into: session, action: action, user: user, at: StoreTimestamp.now(), files: [path], summary: nil)
        }
    }
}

/// Why a backup or restore was refused or failed, in words an administrator can act on. Nothing
/// was changed: a refused restore leaves the database where it was.
public enum BackupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `db.url` is PostgreSQL or an in-memory database.
    case notAnSQLiteFile(String)
    /// The backup would overwrite a file.
    case fileExists(String)
    /// The folder the backup is to go in does not exist.
    case noFolder(String)
    /// No backup file at this path.
    case noSuchFile(String)
    /// SQLite could not write the file.
    case notWritten(path: String, reason: String)
    /// The file is not an SQLite database.
    case notADatabase(path: String, reason: String)
    /// An SQLite database, but not one Scrutineer wrote.
    case notScrutineer(String)
    /// SQLite's integrity or foreign key check found problems.
    case damaged(path: String, problems: [String])
    /// Written by a newer Scrutineer.
    case newerSchema(path: String, backup: Int, program: Int)
    /// The database has a journal beside it: a transaction is under way or was cut short.
    case transactionUnderWay(database: String, file: String)
    /// The backup is the database itself.
    case restoreOntoItself(String)

    public var description: String {
        switch self {
        case let .notAnSQLiteFile(url):
            "db.url: \(url) is not an SQLite file; scrutineer backup copies SQLite databases. Back up PostgreSQL with its own tools "
                + "(e.g. pg_dump --format=custom --file=FILE DATABASE, and pg_restore to restore)"
        case let .fileExists(path):
            "\(path): the file already exists (expected a new file name; a backup never overwrites a file)"
        case let .noFolder(path):
            "\(path): there is no folder \((path as NSString).deletingLastPathComponent) to write the backup in"
        case let .noSuchFile(path):
            "\(path): no such file (expected a backup that scrutineer backup wrote)"
        case let .notWritten(path, reason):
            "\(path): could not be written: \(reason); nothing was changed"
        case let .notADatabase(path, reason):
            "\(path): not a database SQLite can read: \(reason) (expected a backup that scrutineer backup wrote)"
        case let .notScrutineer(path):
            "\(path): an SQLite database, but not a Scrutineer one (it has no schema_migrations table)"
        case let .damaged(path, problems):
            "\(path): the backup is damaged (\(problems.count) problem\(problems.count == 1 ? "" : "s"), first: \(problems[0])); "
                + "use another backup"
        case let .newerSchema(path, backup, program):
            "\(path): written by a newer Scrutineer (schema \(backup); this one knows schemas up to \(program)); "
                + "restore it with a Scrutineer at least as new"
        case let .transactionUnderWay(database, file):
            "\(database): \(file) is beside it, so a change is under way or was cut short; stop every scrutineer serve on it "
                + "(or open it once, e.g. scrutineer user list, so SQLite can finish the change) and restore again; nothing was changed"
        case let .restoreOntoItself(path):
            "\(path) is the database itself; name a backup file"
        }
    }
}
