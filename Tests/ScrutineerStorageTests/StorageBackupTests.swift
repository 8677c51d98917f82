import Foundation
import ScrutineerCore
import ScrutineerTestSupport
import SQLKit
import Testing
@testable import ScrutineerStorage

/// `StoreBackup`: the administrator's backups of an SQLite database (PRODUCT.md, who uses it:
/// "Administrator — users, roles, backups"). A backup is a checked, consistent copy; a refused
/// check or restore changes nothing; a restore never deletes the database it replaces.
@Suite("Storage: backing up, checking and restoring an SQLite database")
struct StorageBackupTests {
    static let newestSchema = Migration.history.last!.number

    @Test("a backup is a checked copy of the committed data, taken while another connection writes, never written over a file")
    func write() async throws {
        let data = try RealData.load()
        try await withStore(.sqlite) { store, database in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            let ada = try await store.addUser(UserAccount(username: "ada", displayName: "Ada", role: .administrator), passwordHash: "$2b$04$hash", by: "setup")
            try await store.createSession(StoredSession(tokenHash: "t", userId: ada.id, csrfToken: "c", createdAt: "2026-11-24T09:00:00Z", expiresAt: "2026-11-24T17:00:00Z"))
            let folder = try #require(database.sqliteFile).deletingLastPathComponent()
            let backup = folder.appendingPathComponent("backup.sqlite").path
            let before = try database.fileBytes()

            // A second store (a server, say) is part-way through adding a person when the backup
            // is taken: the copy holds what was committed, not the half-made change.
            // (The change is then abandoned, so the database's bytes can be compared.)
            struct Abandoned: Error { let contents: BackupContents }
            let server = try await database.open()
            let contents = try await server.closing {
                do {
                    try await server.inTransaction { session in
                        try await session.sql.raw("INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('bo', 'Bo', 'analyst', 'h', '2026-11-24T09:00:00Z', '2026-11-24T09:00:00Z')").run()
                        throw Abandoned(contents: try await StoreBackup.write(from: store, to: backup))
                    }
                    Issue.record("the change was abandoned")
                    throw CancellationError()
                } catch let abandoned as Abandoned {
                    return abandoned.contents
                }
            }
            #expect(try database.fileBytes() == before, "taking a backup changes nothing in the database")
            #expect(contents.path == backup)
            #expect(contents.schema == Self.newestSchema)
            #expect(contents.bytes == (try FileManager.default.attributesOfItem(atPath: backup)[.size] as? NSNumber)?.intValue)
            let count = Dictionary(uniqueKeysWithValues: contents.counts.map { ($0.what, $0.count) })
            #expect(count["areas"] == (try await store.areas().count))
            #expect(count["people"] == 1, "bo was not committed when the copy was taken")
            #expect(count["audit entries"] == 2)
            #expect(count["observations"] == 0)
            #expect(contents.lastChange == (try await store.auditTrail().last?.at))
            let permissions = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? NSNumber
            #expect(permissions?.intValue == 0o600, "it holds password hashes: its owner alone reads it")

            let copy = try await StoreConnection.open(.sqliteFile(path: backup), logger: quietLogger)
            let (areas, users, trail) = try await copy.closing { (try await copy.areas(), try await copy.users(), try await copy.auditTrail()) }
            #expect(areas == (try await store.areas()))
            #expect(users.map(\.username) == ["ada"])
            #expect(trail == (try await store.auditTrail()))

            let written = try Data(contentsOf: URL(fileURLWithPath: backup))
            await #expect(throws: BackupError.fileExists(backup)) { _ = try await StoreBackup.write(from: store, to: backup) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == written)
            let nowhere = folder.appendingPathComponent("no such folder/backup.sqlite").path
            await #expect(throws: BackupError.noFolder(nowhere)) { _ = try await StoreBackup.write(from: store, to: nowhere) }
        }
    }

    @Test("check refuses, naming the file, what is missing, not SQLite, not Scrutineer's, damaged or from a newer Scrutineer")
    func checkRefuses() async throws {
        try await withStore(.sqlite) { store, database in
            let folder = try #require(database.sqliteFile).deletingLastPathComponent()
            func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

            await #expect(throws: BackupError.noSuchFile(path("missing.sqlite"))) { _ = try await StoreBackup.check(path: path("missing.sqlite")) }
            await #expect(throws: BackupError.noSuchFile(folder.path), "a folder is not a backup") { _ = try await StoreBackup.check(path: folder.path) }

            try Data("measure_code,area_code\n".utf8).write(to: URL(fileURLWithPath: path("text.csv")))
            await #expect(throws: BackupError.notADatabase(path: path("text.csv"), reason: "file is not a database")) {
                _ = try await StoreBackup.check(path: path("text.csv"))
            }

            let other = try await StoreConnection.open(.sqliteFile(path: path("other.sqlite")), logger: quietLogger)
            try await other.closing { try await other.read { try await $0.sql.raw("CREATE TABLE notes (body TEXT)").run() } }
            await #expect(throws: BackupError.notScrutineer(path("other.sqlite"))) { _ = try await StoreBackup.check(path: path("other.sqlite")) }

            // A row that refers to an audit entry the backup does not hold (written with the
            // foreign keys switched off, as a hand edit or a damaged copy might leave it).
            _ = try await StoreBackup.write(from: store, to: path("orphan.sqlite"))
            try await editWithoutForeignKeys(path("orphan.sqlite"), "INSERT INTO audit_files (audit_id, ordinal, file_name) VALUES (9999, 1, 'lost.csv')")
            await #expect(throws: BackupError.damaged(path: path("orphan.sqlite"), problems: ["a row of audit_files refers to a row of audit that is not there"])) {
                _ = try await StoreBackup.check(path: path("orphan.sqlite"))
            }

            _ = try await StoreBackup.write(from: store, to: path("newer.sqlite"))
            try await editWithoutForeignKeys(path("newer.sqlite"), "INSERT INTO schema_migrations (number, name, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00Z')")
            await #expect(throws: BackupError.newerSchema(path: path("newer.sqlite"), backup: 99, program: Self.newestSchema)) {
                _ = try await StoreBackup.check(path: path("newer.sqlite"))
            }

            // Pages overwritten in the middle of the file: SQLite's checks find them.
            _ = try await StoreBackup.write(from: store, to: path("torn.sqlite"))
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path("torn.sqlite")))
            let pageSize = 4096
            #expect(bytes.count >= 8 * pageSize)
            bytes.replaceSubrange((2 * pageSize)..<(6 * pageSize), with: Data(repeating: 0x5A, count: 4 * pageSize))
            try bytes.write(to: URL(fileURLWithPath: path("torn.sqlite")))
            await #expect {
                _ = try await StoreBackup.check(path: path("torn.sqlite"))
            } throws: { error in
                switch error as? BackupError {
                case let .damaged(file, problems): file == path("torn.sqlite") && !problems.isEmpty
                case let .notADatabase(file, reason): file == path("torn.sqlite") && reason.contains("malformed")
                default: false
                }
            }
        }
    }

    @Test("restore puts a checked backup in place, keeps the database it replaces, ends sessions and audits itself")
    func restore() async throws {
        let data = try RealData.load()
        try await withStore(.sqlite) { store, database in
            let target = try #require(database.sqliteFile)
            let folder = target.deletingLastPathComponent()
            let backup = folder.appendingPathComponent("monday.sqlite").path
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            let ada = try await store.addUser(UserAccount(username: "ada", displayName: "Ada", role: .administrator), passwordHash: "$2b$04$hash", by: "setup")
            try await store.createSession(StoredSession(tokenHash: "t", userId: ada.id, csrfToken: "c", createdAt: "2026-11-24T09:00:00Z", expiresAt: "2099-11-24T17:00:00Z"))
            _ = try await StoreBackup.write(from: store, to: backup)
            _ = try await store.addUser(UserAccount(username: "bo", displayName: "Bo", role: .analyst), passwordHash: "$2b$04$hash", by: "setup")
            let auditBefore = try await store.auditTrail()
            try await store.close()
            let replacedBytes = try database.fileBytes()

            let result = try await StoreBackup.restore(from: backup, to: .sqliteFile(path: target.path), by: "admin")
            let kept = try #require(result.replacedKeptAt)
            #expect(kept.hasPrefix(target.path + ".before-restore-"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: kept)) == replacedBytes, "the replaced database is kept as it was")
            #expect(result.migratedFrom == Self.newestSchema && result.migratedTo == Self.newestSchema)
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [target.lastPathComponent, "monday.sqlite", (kept as NSString).lastPathComponent])

            let restored = try await database.open()
            let (users, session, trail) = try await restored.closing {
                (try await restored.users(), try await restored.session(tokenHash: "t", at: "2026-11-24T10:00:00Z"), try await restored.auditTrail())
            }
            #expect(users.map(\.username) == ["ada"], "bo was added after the backup")
            #expect(session == nil, "everyone signs in again")
            #expect(trail.dropLast() == auditBefore.dropLast(), "the backup's trail, then the restore")
            let last = try #require(trail.last)
            #expect(last.action == "restore from backup monday.sqlite; the database it replaced kept as \((kept as NSString).lastPathComponent)")
            #expect(last.user == "admin" && last.files == [backup])
        }
    }

    @Test("a backup from an earlier schema is restored and migrated; a refused restore changes nothing")
    func restoreEarlierAndRefused() async throws {
        try await withStore(.sqlite, migratedThrough: 11) { store, database in
            let folder = try #require(database.sqliteFile).deletingLastPathComponent()
            func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
            _ = try await StoreBackup.write(from: store, to: path("schema11.sqlite"))
            #expect(try await StoreBackup.check(path: path("schema11.sqlite")).schema == 11)

            let result = try await StoreBackup.restore(from: path("schema11.sqlite"), to: .sqliteFile(path: path("new.sqlite")), by: "admin")
            #expect(result.replacedKeptAt == nil)
            #expect((result.migratedFrom, result.migratedTo) == (11, Self.newestSchema))
            let restored = try await StoreConnection.open(.sqliteFile(path: path("new.sqlite")), logger: quietLogger)
            let migrations = try await restored.closing { try await restored.appliedMigrations() }
            #expect(migrations == Array(1...Self.newestSchema))
            #expect(try await StoreBackup.check(path: path("schema11.sqlite")).schema == 11, "the backup itself is not migrated")

            let targetBytes = try Data(contentsOf: URL(fileURLWithPath: path("new.sqlite")))
            let listing = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            func unchanged() throws -> Bool {
                try Data(contentsOf: URL(fileURLWithPath: path("new.sqlite"))) == targetBytes
                    && Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == listing
            }

            try Data("not a backup".utf8).write(to: URL(fileURLWithPath: path("junk.sqlite")))
            await #expect(throws: BackupError.notADatabase(path: path("junk.sqlite"), reason: "file is not a database")) {
                _ = try await StoreBackup.restore(from: path("junk.sqlite"), to: .sqliteFile(path: path("new.sqlite")), by: "admin")
            }
            try FileManager.default.removeItem(atPath: path("junk.sqlite"))
            #expect(try unchanged())

            await #expect(throws: BackupError.restoreOntoItself(path("new.sqlite"))) {
                _ = try await StoreBackup.restore(from: path("new.sqlite"), to: .sqliteFile(path: path("new.sqlite")), by: "admin")
            }
            #expect(try unchanged())

            try Data().write(to: URL(fileURLWithPath: path("new.sqlite-journal")))
            await #expect(throws: BackupError.transactionUnderWay(database: path("new.sqlite"), file: path("new.sqlite-journal"))) {
                _ = try await StoreBackup.restore(from: path("schema11.sqlite"), to: .sqliteFile(path: path("new.sqlite")), by: "admin")
            }
            try FileManager.default.removeItem(atPath: path("new.sqlite-journal"))
            #expect(try unchanged())

            let postgres = try DatabaseLocation(url: "postgres://scrutineer:secret@127.0.0.1:5432/scrutineer")
            await #expect(throws: BackupError.notAnSQLiteFile("postgres://scrutineer:***@127.0.0.1:5432/scrutineer")) {
                _ = try await StoreBackup.restore(from: path("schema11.sqlite"), to: postgres, by: "admin")
            }
            #expect(try unchanged())
        }
    }

    /// Runs `statement` on the SQLite file at `path` with its foreign keys switched off.
    private func editWithoutForeignKeys(_ path: String, _ statement: String) async throws {
        let store = try await StoreConnection.open(.sqliteFile(path: path), logger: quietLogger)
        try await store.closing {
            try await store.read { session in
                try await session.sql.raw("PRAGMA foreign_keys = OFF").run()
                try await session.sql.raw(SQLQueryString(statement)).run()
            }
        }
    }
}
