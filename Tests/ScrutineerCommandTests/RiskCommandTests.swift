import Foundation
import Testing

/// `scrutineer import risks`, as an analyst runs it with the council's risk register (PRODUCT.md
/// R11, R14): refusals name the cell and write nothing, a repeat changes nothing, and the pack
/// lists the risks the committee owns, a published pack as they stood.
@Suite("scrutineer import risks")
struct RiskCommandTests {
    @Test("import the demo's register, refusals first; a repeat changes nothing; the pack lists the risks; a published pack keeps them")
    func risksEndToEnd() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (file, db) = try warwickshireCommitteeDatabase(in: folder, named: "risks.sqlite")
        let register = CommitteeCommandTests.demoData.appendingPathComponent("risks/warwickshire-cyp-risks.csv").path

        // Refused: each says what is wrong and leaves the database as it was.
        let bad = folder.appendingPathComponent("bad-risks.csv")
        try Data("reference,title,owner,reviewed_on,likelihood,impact,mitigation\nR1,Placements,Director,2026-06-09,4,7,Homes.\n".utf8).write(to: bad)
        let template = folder.appendingPathComponent("risks.xlsx")
        try CommandRunner.run(["template", "risks"]).standardOutputData.write(to: template)
        let before = try Data(contentsOf: file)
        let refusals: [([String], Int32, String)] = [
            (["risks", register], 64, "import risks needs --committee CODE"),
            (["risks", register, "--committee", "NO-SUCH"], 65, "--committee: no committee NO-SUCH (expected one of: WARKS-CYP)\n"),
            (["risks", bad.path, "--committee", "WARKS-CYP"], 65, "bad-risks.csv:2:impact: 7 is outside the five-by-five matrix (expected a whole number from 1 to 5)\n"),
            (["local", register, "--committee", "WARKS-CYP"], 64, "--committee is for risks and finance imports"),
            (["risks", template.path, "--committee", "WARKS-CYP"], 65, "risks.xlsx[risks]:2:reference: EXAMPLE marks an example row of the template"),
        ]
        for (arguments, status, message) in refusals {
            let refused = try CommandRunner.run(["import"] + arguments + ["--db", db])
            #expect(refused.status == status, "\(arguments): \(refused.standardError)")
            #expect(refused.standardError.contains(message), "\(arguments): \(refused.standardError)")
        }
        #expect(try Data(contentsOf: file) == before)

        let imported = try CommandRunner.run(["import", "risks", register, "--committee", "WARKS-CYP", "--user", "analyst", "--db", db])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.hasPrefix("19 rows read: 19 added, 0 changed, 0 unchanged, 0 rejected.\n  risk reviews: 19 added"), "\(imported.standardOutput)")
        let again = try CommandRunner.run(["import", "risks", register, "--committee", "WARKS-CYP", "--db", db])
        #expect(again.standardOutput.contains("Nothing changed"), "\(again.standardOutput)")
        #expect(try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.contains("import risks for WARKS-CYP"))

        // The pack for 2025/26 Q2 lists the four risks open on its day, highest score first.
        let report = ["--committee", "WARKS-CYP", "--period", "2025/26 Q2", "--db", db]
        let packed = try CommandRunner.run(["pack"] + report + ["--out", folder.appendingPathComponent("live").path, "--no-pdf", "--as-of", "2025-11-23"])
        #expect(packed.status == 0, "\(packed.standardError)")
        let index = try String(contentsOf: folder.appendingPathComponent("live/index.html"), encoding: .utf8)
        // Expected from the register (Sources/ScrutineerDemo/DemoData/risks): CYP-R01 went from 3 × 4 on
        // 10 Jun 2025 to 4 × 4 on 9 Sep 2025; CYP-R04 was last reviewed on 10 Jun 2025.
        for text in [
            "<h2 id=\"risks\">Risks the committee owns</h2>",
            "4 risks are open (2 high, 2 medium); 1 is worse than at its review before; 1 was last reviewed before 2025/26 Q2.",
            "CYP-R01: Not enough suitable placements for children in care", "16 (high)", "Likelihood 4 × impact 4",
            "Worse: up from 12 (medium) on 10 Jun 2025", "Reviewed on 9 Sep 2025", "Unchanged since 10 Jun 2025", "New to the register",
            "Last reviewed on 10 Jun 2025, before this period", "No target set", "1–4 is low, 5–12 medium and 15–25 high",
        ] {
            #expect(index.contains(text), "\(text)")
        }
        let order = ["CYP-R01:", "CYP-R03:", "CYP-R02:", "CYP-R04:"].map { index.range(of: $0)?.lowerBound }
        #expect(order.compactMap(\.self) == order.compactMap(\.self).sorted() && order.allSatisfy { $0 != nil }, "highest score first, then by reference")
        #expect(!index.contains("CYP-R05"), "reviewed first in 2026: not yet known on 23 Nov 2025")
        #expect(try String(contentsOf: folder.appendingPathComponent("live/print.html"), encoding: .utf8).contains("Risks the committee owns"))

        // Published, then a review corrected: the published pack still shows the register as it stood.
        #expect(try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "checked"]).status == 0)
        #expect(try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "published", "--as-of", "2025-11-23"]).status == 0)
        let correction = folder.appendingPathComponent("correction.csv")
        try Data("reference,title,owner,reviewed_on,likelihood,impact,mitigation\nCYP-R01,Placements,Director,2025-09-09,2,2,Homes.\n".utf8).write(to: correction)
        let corrected = try CommandRunner.run(["import", "risks", correction.path, "--committee", "WARKS-CYP", "--db", db])
        #expect(corrected.standardOutput.hasPrefix("1 rows read: 0 added, 1 changed") || corrected.standardOutput.hasPrefix("1 row read: 0 added, 1 changed"), "\(corrected.standardOutput)")
        #expect(try CommandRunner.run(["pack"] + report + ["--out", folder.appendingPathComponent("published").path, "--no-pdf"]).status == 0)
        // The same report, apart from where it stands in sign-off, which every page says.
        #expect(PackCommandTests.content(try PackCommandTests.files(folder.appendingPathComponent("published"))) == PackCommandTests.content(try PackCommandTests.files(folder.appendingPathComponent("live"))))

        // A review recorded on the wrong day is removed, audited with what it was; asking again, or
        // for a risk the register does not hold, is refused naming what it holds (found by exploratory testing).
        let remove = ["committee", "risk", "remove", "--committee", "WARKS-CYP", "--reference", "CYP-R01", "--reviewed-on", "2026-09-08", "--user", "analyst", "--db", db]
        let removed = try CommandRunner.run(remove)
        #expect(removed.status == 0, "\(removed.standardError)")
        #expect(removed.standardOutput == "Removed the review of risk CYP-R01 of WARKS-CYP on 2026-09-08 (score 16 (high)).\n", "\(removed.standardOutput)")
        #expect(try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.contains(#",analyst,"remove risk review WARKS-CYP CYP-R01 of 2026-09-08 (score 16, open)","#))
        let unchanged = try Data(contentsOf: file)
        let removedAgain = try CommandRunner.run(remove)
        #expect(removedAgain.status == 65)
        #expect(removedAgain.standardError == "reviewed-on: risk CYP-R01 of WARKS-CYP was not reviewed on 2026-09-08 (expected one of the days it was: 2025-06-10, 2025-09-09, 2026-03-10, 2026-06-09); nothing was written\n", "\(removedAgain.standardError)")
        let unknown = try CommandRunner.run(["committee", "risk", "remove", "--committee", "WARKS-CYP", "--reference", "CYP-R99", "--reviewed-on", "2026-09-08", "--db", db])
        #expect(unknown.status == 65 && unknown.standardError.hasPrefix("reference: committee WARKS-CYP's register has no risk CYP-R99 (expected one it holds: CYP-R01, CYP-R02"), "\(unknown.standardError)")
        #expect(try Data(contentsOf: file) == unchanged)
        #expect(PackCommandTests.content(try PackCommandTests.files(folder.appendingPathComponent("published"))) == PackCommandTests.content(try PackCommandTests.files(folder.appendingPathComponent("live"))))
    }
}
