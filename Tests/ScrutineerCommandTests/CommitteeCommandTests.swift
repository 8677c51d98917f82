import Foundation
import ScrutineerTestSupport
import Testing

/// `scrutineer committee add`, as a user runs it: a definition naming measures the database does not
/// hold is refused, each unknown code named once, with nothing written; once the measures are
/// imported, the same definition is saved.
@Suite("scrutineer committee add", .serialized)
struct CommitteeCommandTests {
    static let demoData = SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData")
    static let definition = demoData.appendingPathComponent("committees/warwickshire-cyp.json").path

    @Test("measures not yet imported: each unknown code named once, exit 65, the database byte for byte as it was; imported: saved")
    func unknownMeasuresThenSaved() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("committee.sqlite")
        let db = "sqlite://" + file.path
        for arguments in ImportCommandTests.imports.prefix(3) {
            let result = try CommandRunner.run(["import"] + arguments + ["--db", db])
            #expect(result.status == 0, "\(result.standardError)")
        }
        let before = try Data(contentsOf: file)

        let refused = try CommandRunner.run(["committee", "add", Self.definition, "--db", db])
        #expect(refused.status == 65)
        // warwickshire-cyp.json names its four illustrative local measures in several themes and
        // targets; the local files define them (warwickshire-measures.csv).
        for code in ["WARKS_HV_68WK", "WARKS_EH_ASSESS45", "WARKS_CPP_REPEAT2Y", "WARKS_MISS_RHI"] {
            #expect(refused.standardError.components(separatedBy: code).count == 2, "\(code) named once: \(refused.standardError)")
        }
        #expect(refused.standardError.hasPrefix("\(Self.definition): unknown measure codes WARKS_HV_68WK, "), "\(refused.standardError)")
        #expect(refused.standardError.contains("(expected measures already imported"))
        #expect(try Data(contentsOf: file) == before)

        let local = ["warwickshire-measures.csv", "warwickshire-observations.csv"].map { Self.demoData.appendingPathComponent("local/\($0)").path }
        let imported = try CommandRunner.run(["import", "local"] + local + ["--db", db])
        #expect(imported.status == 0, "\(imported.standardError)")
        let saved = try CommandRunner.run(["committee", "add", Self.definition, "--db", db])
        #expect(saved.status == 0, "\(saved.standardError)")
        // The demo committee: 22 key business measures in eight themes (README), 17 targets in the file.
        let lines = saved.standardOutput.split(separator: "\n")
        #expect(lines.first == "Added committee WARKS-CYP: 22 measures in 8 themes, 17 targets; 17 new target versions:", "\(saved.standardOutput)")
        #expect(lines.count == 18 && lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
        #expect(lines.contains("  Under18concep local target 13 from 2022-04-01"), "\(saved.standardOutput)")

        // A definition with mistakes: every one named by where it is in the file, nothing written.
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.definition))) as? [String: Any])
        var committee = try #require(json["committee"] as? [String: Any])
        var themes = try #require(committee["themes"] as? [[String: Any]])
        themes[1]["measureCodes"] = (themes[1]["measureCodes"] as? [String] ?? []) + ["Under18concep"]
        committee["themes"] = themes
        json["committee"] = committee
        var targets = try #require(json["targets"] as? [[String: Any]])
        targets[0]["tolerance"] = -1
        json["targets"] = targets
        let mistaken = folder.appendingPathComponent("mistaken.json").path
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: mistaken))
        let stored = try Data(contentsOf: file)
        let refused2 = try CommandRunner.run(["committee", "add", mistaken, "--db", db])
        #expect(refused2.status == 65)
        #expect(refused2.standardError.contains("\(mistaken): committee.themes[1] (\""), "\(refused2.standardError)")
        #expect(refused2.standardError.contains("measure Under18concep is listed also in committee.themes[0]"), "\(refused2.standardError)")
        #expect(refused2.standardError.contains("\(mistaken): targets[0] (Under18concep, local).tolerance: -1 is negative"), "\(refused2.standardError)")
        #expect(refused2.standardError.hasSuffix("\nnothing was written\n"))
        #expect(try Data(contentsOf: file) == stored)
    }

    @Test("a definition may list a target's history: versions already held are not written again, so the council's first file can be saved after a target changed; one that would rewrite history is refused naming the file, exit 65")
    func targetHistory() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("committee.sqlite")
        let db = "sqlite://" + file.path
        let local = ["warwickshire-measures.csv", "warwickshire-observations.csv"].map { Self.demoData.appendingPathComponent("local/\($0)").path }
        for arguments in ImportCommandTests.imports.prefix(3) + [["local"] + local] {
            #expect(try CommandRunner.run(["import"] + arguments + ["--db", db]).status == 0)
        }
        #expect(try CommandRunner.run(["committee", "add", Self.definition, "--db", db]).status == 0)

        // The first target (Under18concep's local 13 per 1,000 from April 2022) changes from April 2026.
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.definition))) as? [String: Any])
        var targets = try #require(json["targets"] as? [[String: Any]])
        var changed = targets[0]
        changed["value"] = 12.0
        changed["validFrom"] = "2026-04-01"
        changed["setOn"] = "2026-03-12"
        changed["reason"] = "Lowered for 2026/27"
        func write(_ targets: [[String: Any]], _ name: String) throws -> String {
            json["targets"] = targets
            let path = folder.appendingPathComponent(name).path
            try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
            return path
        }
        let history = try write(targets + [changed], "history.json")
        let added = try CommandRunner.run(["committee", "add", history, "--db", db])
        #expect(added.standardOutput == "Saved committee WARKS-CYP: 22 measures in 8 themes, 18 targets; 1 new target version:\n  Under18concep local target 12 from 2026-04-01\n", "\(added.standardOutput)")
        // The audit trail names the file and the version added.
        let audit = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.split(separator: "\n")
        #expect(audit.contains { $0.contains(",save committee WARKS-CYP (new target versions: Under18concep local target 12 from 2026-04-01),history.json,") }, "\(audit.suffix(3))")
        func versions() throws -> Int {
            try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.components(separatedBy: "set target Under18concep").count - 1
        }
        let written = try versions()
        // The council's first file, and the history again: nothing rewritten, the change kept.
        let audited = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.split(separator: "\n").count
        for (path, output) in [
            (Self.definition, "Saved committee WARKS-CYP: 22 measures in 8 themes, 17 targets; no new target version.\n"),
            (history, "Saved committee WARKS-CYP: 22 measures in 8 themes, 18 targets; no new target version.\n"),
            (history, "Nothing changed: committee WARKS-CYP is stored as \(history) defines it, with every target version it lists.\n"),
        ] {
            let again = try CommandRunner.run(["committee", "add", path, "--db", db])
            #expect(again.status == 0, "\(again.standardError)")
            #expect(again.standardOutput == output)
        }
        #expect(try versions() == written, "no target version written again")
        #expect(try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.split(separator: "\n").count == audited + 2, "the unchanged save wrote no audit row")

        // A version that starts before the one in force, and is not one held: refused whole.
        targets[0]["value"] = 14.0
        let rewrite = try write(targets, "rewrite.json")
        let before = try Data(contentsOf: file)
        let refused = try CommandRunner.run(["committee", "add", rewrite, "--db", db])
        #expect(refused.status == 65)
        #expect(refused.standardError.hasPrefix("\(rewrite): the new local target for Under18concep starts on 2022-04-01, before the version it replaces (from 2026-04-01)"), "\(refused.standardError)")
        #expect(refused.standardError.hasSuffix("; nothing was written\n"))
        #expect(try Data(contentsOf: file) == before)

        // Another council's: the stored committee under its code, or a council's own measures.
        var moved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.definition))) as? [String: Any])
        var committee = try #require(moved["committee"] as? [String: Any])
        committee["councilAreaCode"] = "E06000041"
        moved["committee"] = committee
        moved["targets"] = []
        let movedPath = folder.appendingPathComponent("moved.json").path
        try JSONSerialization.data(withJSONObject: moved).write(to: URL(fileURLWithPath: movedPath))
        let movedRefused = try CommandRunner.run(["committee", "add", movedPath, "--db", db])
        #expect(movedRefused.status == 65)
        #expect(movedRefused.standardError == "\(movedPath): committee WARKS-CYP is council E10000031's, and this definition would make it council E06000041's (expected councilAreaCode E10000031, or a new committee code for council E06000041); nothing was written\n", "\(movedRefused.standardError)")
        committee["code"] = "WOK-X"
        moved["committee"] = committee
        try JSONSerialization.data(withJSONObject: moved).write(to: URL(fileURLWithPath: movedPath))
        let borrowed = try CommandRunner.run(["committee", "add", movedPath, "--db", db])
        #expect(borrowed.status == 65)
        let lines = borrowed.standardError.split(separator: "\n")
        #expect(lines.count == 4, "each of Warwickshire's four own measures: \(borrowed.standardError)")
        #expect(lines.first == "\(movedPath): measure WARKS_HV_68WK is council E10000031's own, and committee WOK-X of council E06000041 cannot report it or set its targets (expected a published measure or one of council E06000041's own)", "\(borrowed.standardError)")
        #expect(borrowed.standardError.hasSuffix("; nothing was written\n"))
        #expect(try Data(contentsOf: file) == before)
        #expect(try CommandRunner.run(["committee", "list", "--db", db]).standardOutput.split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: " ") } == ["WARKS-CYP E10000031"])
    }
}
