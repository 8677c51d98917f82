import Foundation
import ScrutineerTestSupport
import Testing

/// `scrutineer user add|passwd|role|list`: the first administrator and everyone after, from the
/// command line, with the password on standard input.
@Suite("scrutineer user")
struct UserCommandTests {
    @Test("Add, list, change role and password; refuse a taken name and a short password")
    func lifecycle() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://\(folder.appendingPathComponent("people.sqlite").path)"

        let added = try CommandRunner.run(["user", "add", "ada", "--role", "administrator", "--name", "Ada Lovelace", "--db", db], input: "a long enough passphrase\n")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput == "Added ada as administrator.\n")

        let again = try CommandRunner.run(["user", "add", "ada", "--role", "administrator", "--db", db], input: "another long passphrase\n")
        #expect(again.status == 65)
        #expect(again.standardError.contains("a user ada already exists"))

        let short = try CommandRunner.run(["user", "add", "bob", "--role", "member", "--db", db], input: "short\n")
        #expect(short.status == 65)
        #expect(short.standardError == "a password needs at least 12 characters (expected a longer passphrase)\nnothing was written\n", "no usage text")
        let none = try CommandRunner.run(["user", "add", "bob", "--role", "member", "--db", db], input: "")
        #expect(none.status == 65)
        #expect(none.standardError.hasPrefix("no password on standard input"))

        let noCouncil = try CommandRunner.run(["user", "add", "cllr.b", "--role", "member", "--council", "E10000031", "--db", db], input: "councillor passphrase\n")
        #expect(noCouncil.status == 65)
        #expect(noCouncil.standardError.contains("--council E10000031 is not a local authority the database holds"), "\(noCouncil.standardError)")
        let areas = try CommandRunner.run(["import", "areas", SharedFiles.data("reference/la_lookup_from_ees.csv").path, "--db", db])
        #expect(areas.status == 0, "\(areas.standardError)")

        // Grants that could give nothing are refused: no council for a member, a committee or a
        // measure the database does not hold.
        let everyCouncil = try CommandRunner.run(["user", "add", "cllr.b", "--role", "member", "--db", db], input: "councillor passphrase\n")
        #expect(everyCouncil.status == 65)
        #expect(everyCouncil.standardError.hasPrefix("--council is needed for a member"), "\(everyCouncil.standardError)")
        let noCommittee = try CommandRunner.run(["user", "add", "cllr.b", "--role", "member", "--council", "E10000031", "--committee", "NOPE", "--db", db], input: "councillor passphrase\n")
        #expect(noCommittee.status == 65)
        #expect(noCommittee.standardError == "--committee NOPE is not a committee of E10000031 (expected one of: none defined yet)\nnothing was written\n")
        let member = try CommandRunner.run(["user", "add", "cllr.b", "--role", "member", "--council", "E10000031", "--db", db], input: "councillor passphrase\n")
        #expect(member.status == 0, "\(member.standardError)")
        let noMeasure = try CommandRunner.run(["user", "role", "cllr.b", "officer", "--council", "E10000031", "--measure", "ReReferral", "--db", db])
        #expect(noMeasure.status == 65)
        #expect(noMeasure.standardError.hasPrefix("--measure ReReferral is not a measure the database holds"), "\(noMeasure.standardError)")
        #expect(try CommandRunner.run(["import", "lait", SharedFiles.data("lait/lait_kpi_measures.csv").path, "--db", db]).status == 0)
        // Nor grants a role cannot use: a council for the public, committees for anyone but a
        // member, measures for anyone but an officer.
        let meaningless = try CommandRunner.run(["user", "role", "cllr.b", "public", "--council", "E10000031", "--committee", "NOPE", "--measure", "ReReferral", "--db", db])
        #expect(meaningless.status == 65)
        #expect(meaningless.standardError == """
            --council E10000031 is not for the public, who read only published reports (expected no --council)
            --committee is for a member, who reads the drafts of the committees named; the public read none (expected no --committee)
            --measure is for an officer, who writes the commentary on the measures named; the public write none (expected no --measure)
            --committee NOPE is not a committee of E10000031 (expected one of: none defined yet)
            nothing was written

            """, "\(meaningless.standardError)")
        let analyst = try CommandRunner.run(["user", "role", "cllr.b", "analyst", "--council", "E10000031", "--measure", "ReReferral", "--db", db])
        #expect(analyst.status == 65 && analyst.standardError.hasPrefix("--measure is for an officer, who writes the commentary on the measures named; an analyst writes on every measure of their council"), "\(analyst.standardError)")
        let role = try CommandRunner.run(["user", "role", "cllr.b", "officer", "--council", "E10000031", "--measure", "ReReferral", "--db", db])
        #expect(role.status == 0, "\(role.standardError)")
        let passwd = try CommandRunner.run(["user", "passwd", "cllr.b", "--db", db], input: "a brand new passphrase\n")
        #expect(passwd.status == 0, "\(passwd.standardError)")
        let unknown = try CommandRunner.run(["user", "passwd", "nobody", "--db", db], input: "a brand new passphrase\n")
        #expect(unknown.status == 65)
        #expect(unknown.standardError.contains("there is no user nobody"))

        let mistyped = try CommandRunner.run(["user", "list", "--db", db + "x"])
        #expect(mistyped.status == 66, "a listing makes no database at a mistyped path")
        let list = try CommandRunner.run(["user", "list", "--db", db])
        #expect(list.standardOutput == """
            ada\tadministrator\tevery council\tAda Lovelace
            cllr.b\tofficer\tE10000031\tcllr.b\tmeasures: ReReferral

            """)
    }
}
