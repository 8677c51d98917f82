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
        #expect(saved.standardOutput == "Saved committee WARKS-CYP: 22 measures in 8 themes, 17 targets.\n")
    }
}
