import Foundation
import ScrutineerTestSupport
import Testing

/// `scrutineer backup FILE`, `backup check FILE` and `backup restore FILE`, run as an
/// administrator would: what each prints, and that a refusal changes nothing.
@Suite("scrutineer backup")
struct BackupCommandTests {
    @Test("Back up a database, check the copy, refuse to write over it, restore it and keep what it replaced")
    func backUpAndRestore() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scrutineer.sqlite").path
        let db = "sqlite://\(file)"
        let areas = try CommandRunner.run(["import", "areas", SharedFiles.data("reference/la_lookup_from_ees.csv").path, "--db", db, "--user", "analyst"])
        #expect(areas.status == 0, "\(areas.standardError)")
        // A sign-in name with a space at its end is refused before anything is written.
        #expect(try CommandRunner.run(["user", "add", "ada ", "--role", "administrator", "--db", db], input: "a long enough passphrase\n").status == 64)
        let added = try CommandRunner.run(["user", "add", "ada", "--role", "administrator", "--db", db], input: "a long enough passphrase\n")
        #expect(added.status == 0, "\(added.standardError)")

        let backup = folder.appendingPathComponent("monday.sqlite").path
        let written = try CommandRunner.run(["backup", backup, "--db", db])
        #expect(written.status == 0, "\(written.standardError)")
        let lines = written.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first == "Backed up \(db) to \(backup) and checked the copy.")
        let size = try #require((try FileManager.default.attributesOfItem(atPath: backup)[.size] as? NSNumber)?.intValue)
        // The lookup's 163 areas and the 12 that the first migration adds (England and its regions).
        #expect(lines.dropFirst().first?.hasPrefix("\(size) bytes, schema 16: measures 0, areas 175, observations 0, earlier versions of observations 0, targets 0, committees 0, publications of reports 0, people 1, audit entries 2.") == true)
        #expect(lines.dropFirst(2).first?.hasPrefix("Its last recorded change: ") == true)
        #expect(lines.last == "It holds people's password hashes: keep it as safe as the database.")

        let check = try CommandRunner.run(["backup", "check", backup])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput == "\(backup) is a sound Scrutineer backup.\n" + lines[1...2].joined(separator: "\n") + "\n")

        let backupBytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        let again = try CommandRunner.run(["backup", backup, "--db", db])
        #expect(again.status == 65)
        #expect(again.standardError == "\(backup): the file already exists (expected a new file name; a backup never overwrites a file)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == backupBytes)

        let missing = try CommandRunner.run(["backup", folder.appendingPathComponent("b.sqlite").path, "--db", "sqlite://\(folder.path)/none.sqlite"])
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("there is no database at \(folder.path)/none.sqlite to back up"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/none.sqlite"), "no empty database is made")
        let postgres = try CommandRunner.run(["backup", folder.appendingPathComponent("b.sqlite").path, "--db", "postgres://scrutineer@127.0.0.1:1/scrutineer"])
        #expect(postgres.status == 65)
        #expect(postgres.standardError.contains("Back up PostgreSQL with its own tools (e.g. pg_dump"))

        let later = try CommandRunner.run(["user", "add", "bo", "--role", "administrator", "--db", db], input: "another long passphrase\n")
        #expect(later.status == 0, "\(later.standardError)")
        let replacedBytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let restored = try CommandRunner.run(["backup", "restore", backup, "--db", db, "--user", "admin"])
        #expect(restored.status == 0, "\(restored.standardError)")
        let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("scrutineer.sqlite.before-restore-") })
        #expect(restored.standardOutput == """
            Restored \(db) from \(backup).
            \(lines[1...2].joined(separator: "\n"))
            The database it replaced is kept as \(folder.appendingPathComponent(kept).path).
            Everyone signed in will sign in again.

            """)
        #expect(try Data(contentsOf: folder.appendingPathComponent(kept)) == replacedBytes)
        let users = try CommandRunner.run(["user", "list", "--db", db])
        #expect(users.standardOutput.split(separator: "\n").map { $0.prefix { $0 != "\t" } } == ["ada"], "bo was added after the backup")
        let audit = try CommandRunner.run(["export", "audit", "--db", db])
        #expect(audit.standardOutput.split(separator: "\n").last?.contains(",admin,restore from backup monday.sqlite; the database it replaced kept as \(kept),\(backup),") == true)
    }
}
