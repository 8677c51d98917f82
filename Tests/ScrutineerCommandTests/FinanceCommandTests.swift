import Foundation
import Testing

/// `scrutineer import finance`, as an analyst runs it with the committee's quarterly finance
/// returns (PRODUCT.md R10, R14): refusals name the cell and write nothing, a repeat changes
/// nothing, and the pack shows the newest return of the report's year, a published pack as it stood.
@Suite("scrutineer import finance")
struct FinanceCommandTests {
    @Test("--whole-return: a corrected quarter's return without a line removes it, says so and names it in the audit trail; without the flag a file may hold only corrections")
    func wholeReturn() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (file, db) = try warwickshireCommitteeDatabase(in: folder, named: "whole-return.sqlite")
        let header = "period,kind,service,line,budget,forecast\n"
        let first = folder.appendingPathComponent("q2.csv"), correction = folder.appendingPathComponent("q2-correction.csv")
        let corrected = folder.appendingPathComponent("q2-corrected.csv")
        try Data((header + "2025/26 Q2,revenue,Children and Families,Staffing,62000000,68000000\n2025/26 Q2,revenue,Children and Families,Agency,4000000,6000000\n2025/26 Q2,revenue,Children and Families,Placements,80000000,88500000\n2025/26 Q1,revenue,Children and Families,Agency,4000000,5000000\n").utf8).write(to: first)
        try Data((header + "2025/26 Q2,revenue,Children and Families,Placements,80000000,88000000\n").utf8).write(to: correction)
        // Finance merged agency staff into staffing: the corrected return has no Agency line.
        try Data((header + "2025/26 Q2,revenue,Children and Families,Staffing,66000000,74000000\n2025/26 Q2,revenue,Children and Families,Placements,80000000,88000000\n").utf8).write(to: corrected)
        let committee = ["--committee", "WARKS-CYP", "--db", db]
        #expect(try CommandRunner.run(["import", "finance", first.path] + committee).status == 0)

        // A file of corrections alone changes the line it holds and removes nothing.
        let partial = try CommandRunner.run(["import", "finance", correction.path] + committee)
        #expect(partial.standardOutput.hasPrefix("1 row read: 0 added, 1 changed, 0 unchanged, 0 rejected.\n  finance line: 0 added, 1 changed, 0 unchanged.\n"), "\(partial.standardOutput)")

        let before = try Data(contentsOf: file)
        let refused = try CommandRunner.run(["import", "lait", corrected.path, "--whole-return", "--db", db])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("--whole-return is for finance imports"), "\(refused.standardError)")
        #expect(try Data(contentsOf: file) == before)

        let whole = try CommandRunner.run(["import", "finance", corrected.path, "--whole-return", "--user", "finance.officer"] + committee)
        #expect(whole.status == 0, "\(whole.standardError)")
        #expect(whole.standardOutput.hasPrefix("2 rows read: 0 added, 1 changed, 1 unchanged, 0 rejected.\n  finance lines: 0 added, 1 changed, 1 unchanged, 1 removed (no longer in the file).\n"), "\(whole.standardOutput)")
        let audit = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput
        #expect(audit.contains("import finance for WARKS-CYP; removed, no longer in the file: WARKS-CYP 2025/26 Q2 revenue line Children and Families: Agency"), "\(audit)")
        let again = try CommandRunner.run(["import", "finance", corrected.path, "--whole-return"] + committee)
        #expect(again.standardOutput.contains("Nothing changed"), "\(again.standardOutput)")
    }

    @Test("import the demo's returns, refusals first; a repeat changes nothing; the pack shows the return; a published pack keeps it")
    func financeEndToEnd() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (file, db) = try warwickshireCommitteeDatabase(in: folder, named: "finance.sqlite")
        let returns = CommitteeCommandTests.demoData.appendingPathComponent("finance/warwickshire-cyp-finance.csv").path
        let register = CommitteeCommandTests.demoData.appendingPathComponent("risks/warwickshire-cyp-risks.csv").path

        // Refused: each says what is wrong and leaves the database as it was.
        let bad = folder.appendingPathComponent("bad-finance.csv")
        try Data("period,kind,service,line,budget,forecast\n2025/26 Q2,revenue,Children and Families,Staffing,62000000,lots\n".utf8).write(to: bad)
        let template = folder.appendingPathComponent("finance.xlsx")
        try CommandRunner.run(["template", "finance"]).standardOutputData.write(to: template)
        let before = try Data(contentsOf: file)
        let refusals: [([String], Int32, String)] = [
            (["finance", returns], 64, "import finance needs --committee CODE"),
            (["finance", returns, "--committee", "NO-SUCH"], 65, "--committee: no committee NO-SUCH (expected one of: WARKS-CYP)\n"),
            (["finance", bad.path, "--committee", "WARKS-CYP"], 65, "bad-finance.csv:2:forecast: \"lots\" is not a number (expected a number such as 1250000)\n"),
            (["finance", register, "--committee", "WARKS-CYP"], 65, "warwickshire-cyp-risks.csv:1:*: this is a risk register, not a file scrutineer import finance reads"),
            (["finance", template.path, "--committee", "WARKS-CYP"], 65, "finance.xlsx[finance]:2:service: EXAMPLE marks an example row of the template"),
            (["lait", returns, "--sheet", "Q2"], 64, "--sheet names a workbook's sheet, for local, risks and finance imports"),
        ]
        for (arguments, status, message) in refusals {
            let refused = try CommandRunner.run(["import"] + arguments + ["--db", db])
            #expect(refused.status == status, "\(arguments): \(refused.standardError)")
            #expect(refused.standardError.contains(message), "\(arguments): \(refused.standardError)")
        }
        #expect(try Data(contentsOf: file) == before)

        let imported = try CommandRunner.run(["import", "finance", returns, "--committee", "WARKS-CYP", "--user", "analyst", "--db", db])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.hasPrefix("76 rows read: 76 added, 0 changed, 0 unchanged, 0 rejected.\n  finance lines: 76 added"), "\(imported.standardOutput)")
        let again = try CommandRunner.run(["import", "finance", returns, "--committee", "WARKS-CYP", "--db", db])
        #expect(again.standardOutput.contains("Nothing changed"), "\(again.standardOutput)")
        #expect(try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.contains("import finance for WARKS-CYP"))

        // The pack for 2025/26 Q2 shows Q2's return beside Q1's.
        let report = ["--committee", "WARKS-CYP", "--period", "2025/26 Q2", "--db", db]
        let packed = try CommandRunner.run(["pack"] + report + ["--out", folder.appendingPathComponent("live").path, "--no-pdf", "--as-of", "2025-11-23"])
        #expect(packed.status == 0, "\(packed.standardError)")
        let index = try String(contentsOf: folder.appendingPathComponent("live/index.html"), encoding: .utf8)
        // Expected from the returns (Sources/ScrutineerDemo/DemoData/finance): at Q2, Children and
        // Families' lines add to £200.3m against £185.3m, £15.0m over (15 / 185.3 = 8.09%), £10.0m
        // over at Q1; placements £8.5m of it. Savings: £3.4m of £5.0m, £1.6m short (32.0%). The
        // children's homes were due on 31 Mar 2026 and are forecast for 30 Sep 2026.
        for text in [
            "<h2 id=\"finance\">Finance</h2>",
            "The finance return for 2025/26 Q2 forecasts the whole financial year. Each variance is shown beside that of the same lines in the return before, for 2025/26 Q1.",
            "Children and Families is forecast to overspend by £15.0m, 8.1% of its £185.3m budget (at 2025/26 Q1, £10.0m over budget); the largest part, £8.5m, is Placements.",
            "£3.4m of the £5.0m of savings planned is forecast to be delivered: £1.6m short of plan (32.0%).",
            "One scheme is forecast to finish late: Two council-owned children&#39;s homes, 6 months late.",
            "<th scope=\"row\"><span class=\"line\">Children and Families: total</span></th>",
            "Forecast: 30 Sep 2026",
        ] {
            #expect(index.contains(text), "\(text)")
        }
        #expect(!index.contains("2025/26 Q3"), "Q3's return is after the report's period")
        // The data behind the section: Q2's 13 lines, each beside its variance at Q1 (staffing £4.5m over then).
        let financeData = try String(contentsOf: folder.appendingPathComponent("live/data/finance.csv"), encoding: .utf8)
        #expect(financeData.split(separator: "\n").count == 14)
        #expect(financeData.contains("\n2025/26 Q2,revenue,Children and Families,Staffing,62000000.00,68000000.00,6000000.00,9.7,£6.0m over budget (9.7%),2025/26 Q1,4500000.00,,,,"))
        #expect(index.contains("href=\"data/finance.csv\""))
        #expect(try String(contentsOf: folder.appendingPathComponent("live/print.html"), encoding: .utf8).contains("<h2 id=\"finance\">Finance</h2>"))

        // Published, then a line corrected: the published pack still shows the return as it stood.
        #expect(try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "checked"]).status == 0)
        #expect(try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "published", "--as-of", "2025-11-23"]).status == 0)
        let correction = folder.appendingPathComponent("correction.csv")
        try Data("period,kind,service,line,budget,forecast\n2025/26 Q2,revenue,Children and Families,Staffing,62000000,62000000\n".utf8).write(to: correction)
        let corrected = try CommandRunner.run(["import", "finance", correction.path, "--committee", "WARKS-CYP", "--db", db])
        #expect(corrected.standardOutput.contains("0 added, 1 changed"), "\(corrected.standardOutput)")
        #expect(try CommandRunner.run(["pack"] + report + ["--out", folder.appendingPathComponent("published").path, "--no-pdf"]).status == 0)
        // The same report, apart from where it stands in sign-off, which every page says.
        #expect(PackCommandTests.content(try PackCommandTests.files(folder.appendingPathComponent("published"))) == PackCommandTests.content(try PackCommandTests.files(folder.appendingPathComponent("live"))))
        // A report in preparation shows the correction.
        let nextReport = ["--committee", "WARKS-CYP", "--period", "2025/26 Q3", "--db", db, "--no-pdf", "--as-of", "2025-12-20"]
        #expect(try CommandRunner.run(["pack"] + nextReport + ["--out", folder.appendingPathComponent("q3").path]).status == 0)
        let q3 = try String(contentsOf: folder.appendingPathComponent("q3/index.html"), encoding: .utf8)
        #expect(q3.contains("The finance return for 2025/26 Q3 forecasts the whole financial year."))

        // A 2026/27 Q3 return of revenue alone, without Placements (£4.5m over budget at Q2): the
        // report names what it dropped and compares like with like (found by exploratory testing).
        let dropped = folder.appendingPathComponent("q3-revenue.csv")
        try Data("""
            period,kind,service,line,budget,forecast
            2026/27 Q3,revenue,Children and Families,Staffing,66000000,68000000
            2026/27 Q3,revenue,Children and Families,Other costs,26000000,26000000
            2026/27 Q3,revenue,Education Services,Home to school transport,30000000,30600000
            2026/27 Q3,revenue,Education Services,SEND and inclusion,43000000,42800000

            """.utf8).write(to: dropped)
        let droppedImport = try CommandRunner.run(["import", "finance", dropped.path, "--committee", "WARKS-CYP", "--db", db])
        #expect(droppedImport.status == 0, "\(droppedImport.standardError)")
        let laterReport = ["--committee", "WARKS-CYP", "--period", "2026/27 Q3", "--db", db, "--no-pdf", "--as-of", "2026-11-20"]
        #expect(try CommandRunner.run(["pack"] + laterReport + ["--out", folder.appendingPathComponent("dropped").path]).status == 0)
        let later = try String(contentsOf: folder.appendingPathComponent("dropped/index.html"), encoding: .utf8)
        for text in [
            "Each variance is shown beside that of the same lines in the return before, for 2026/27 Q2.",
            "This return has no savings, income or capital programme lines, which the return for 2026/27 Q2 had.",
            "Not in this return, though in the return for 2026/27 Q2: Children and Families, Placements (£4.5m over budget then).",
            // Staffing and other costs at Q2: £2.5m over, not £7.0m with placements.
            "Children and Families is forecast to overspend by £2.0m, 2.2% of its £92.0m budget (at 2026/27 Q2, £2.5m over budget); the largest part, £2.0m, is Staffing.",
        ] {
            #expect(later.contains(text), "\(text)")
        }
    }
}
