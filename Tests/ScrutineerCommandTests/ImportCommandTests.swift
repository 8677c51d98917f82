import Foundation
import ScrutineerStorage
import ScrutineerTestSupport
import Testing

/// Issue 4's "done when", through the command a user runs: every file in shared/data imported into
/// SQLite and PostgreSQL, identical exports, idempotent re-imports, and malformed files rejected
/// with the database left byte for byte as it was.
@Suite("scrutineer import and export", .serialized)
struct ImportCommandTests {
    static func data(_ path: String) -> String { SharedFiles.data(path).path }
    static let mapping = SharedFiles.repositoryRoot.appendingPathComponent("examples/ees-mapping.csv").path

    /// Every shipped file, in the order a council would load them.
    static let imports: [[String]] = [
        ["areas", data("reference/la_lookup_from_ees.csv")],
        ["neighbours", data("reference/statistical_neighbours_2021_long.csv"), data("reference/statistical_neighbours_2025_long.csv"),
         data("reference/New_Statistical_Neighbour_Groupings_April_2021.csv")],
        ["lait", data("lait/lait_kpi_subset_long.csv"), data("lait/lait_kpi_measures.csv")],
        ["ees", data("ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"),
         data("ees/d3_cpps_subsequent_plan_2013_to_2025.csv"), data("ees/b1_children_in_need_2013_to_2025.csv"), "--mapping", mapping],
        ["fingertips", data("fingertips/la_hospital_admissions_2324.csv"), "--unit", "rate:10000", "--polarity", "low"],
    ]

    /// A SQLite database at `file` holding the areas, the neighbour lists and LAIT; its URL.
    static func databaseWithLAIT(_ file: URL) throws -> String {
        let db = "sqlite://" + file.path
        for arguments in imports.prefix(3) {
            let result = try CommandRunner.run(["import"] + arguments + ["--db", db])
            #expect(result.status == 0, "import \(arguments[0]): \(result.standardError)")
        }
        return db
    }

    /// Imports everything into `db` and returns the full export.
    static func importEverything(into db: String) throws -> String {
        for arguments in imports {
            let result = try CommandRunner.run(["import"] + arguments + ["--db", db])
            #expect(result.status == 0, "import \(arguments[0]) into \(db): \(result.standardError)")
        }
        let export = try CommandRunner.run(["export", "observations", "--db", db])
        #expect(export.status == 0, "\(export.standardError)")
        return export.standardOutput
    }

    @Test("a refused import into a database not there yet leaves no file behind; an accepted one makes it (found by exploratory testing)")
    func refusedImportMakesNoDatabase() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let bad = folder.appendingPathComponent("bad.csv"), file = folder.appendingPathComponent("new.sqlite")
        try Data("x\n".utf8).write(to: bad)
        let refused = try CommandRunner.run(["import", "lait", bad.path, "--db", "sqlite://" + file.path])
        #expect(refused.status == 65 && refused.standardError.hasSuffix("1 problem found; nothing was written.\n"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let areas = try CommandRunner.run(["import", "areas", Self.data("reference/la_lookup_from_ees.csv"), "--db", "sqlite://" + file.path])
        #expect(areas.status == 0, "\(areas.standardError)")
        #expect(FileManager.default.fileExists(atPath: file.path))
    }

    @Test("a refused import whose standard error nobody reads any more (2>&1 | head) exits with its status, not a crash (found by exploratory testing)")
    func closedStandardError() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("x\n".utf8).write(to: bad)
        // A server's libraries ignore SIGPIPE (PostgreSQL's do), so a write to a closed pipe fails
        // instead of ending the program; the shell's trap makes it so here too.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", CommandRunner.executable.path, "import", "lait", bad.path,
                             "--db", "sqlite://" + folder.appendingPathComponent("db.sqlite").path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try err.fileHandleForReading.close()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 65)
    }

    @Test("every shipped file imports into SQLite and PostgreSQL, and the two exports are identical")
    func everythingOnBothEngines() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try Self.importEverything(into: "sqlite://" + folder.appendingPathComponent("all.sqlite").path)
        let lines = sqlite.split(separator: "\n")
        #expect(lines.first == "measure_code,area_code,period,breakdown,value,numerator,denominator,status_symbol,source,published")
        // 56,100 LAIT rows; 8,528 EES cells for the four measures of examples/ees-mapping.csv; 6,505
        // distinct Fingertips cells (its repeated England rows collapse) — the importers' tests count each file.
        #expect(lines.count - 1 == 56_100 + 8_528 + 6_505)
        // Locally without a server the PostgreSQL half is skipped (the test then says so); in CI it fails.
        let postgres = try TestEngine.newPostgresSchema(prefix: "import_everything_").url
        let fromPostgres = try Self.importEverything(into: postgres)
        #expect(fromPostgres == sqlite)
    }

    @Test("importing the same file twice changes nothing and says so; the audit keeps both imports")
    func idempotent() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.databaseWithLAIT(folder.appendingPathComponent("twice.sqlite"))
        let again = try CommandRunner.run(["import"] + Self.imports[2] + ["--db", db])
        #expect(again.status == 0)
        #expect(again.standardOutput == """
            56136 rows read: 0 added, 0 changed, 56136 unchanged, 0 rejected.
              measures: 0 added, 0 changed, 36 unchanged.
              observations: 0 added, 0 changed, 56100 unchanged.
            Nothing changed: the database already held exactly this.

            """)
    }

    @Test("export audit keeps text that a spreadsheet would run as a formula (a user, a file's name) as text, with a leading ', as export observations does its sources and breakdowns (found by exploratory testing)")
    func exportsKeepFormulasAsText() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("formula.sqlite").path
        let lookup = folder.appendingPathComponent("=1+2.csv")
        try FileManager.default.copyItem(at: SharedFiles.data("reference/la_lookup_from_ees.csv"), to: lookup)
        #expect(try CommandRunner.run(["import", "areas", lookup.path, "--user", "@SUM(1,2)", "--db", db]).status == 0)
        let audit = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput
        #expect(audit.contains(#","'@SUM(1,2)","#) && audit.contains(",'=1+2.csv,"), "\(audit)")
    }

    @Test("an EES measure imported by its mapping and again by --measure --indicator --numerator --denominator is unchanged, counts and all; --numerator without --indicator is refused (exit 64)")
    func eesCountsByOptions() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("ees.sqlite").path
        let referrals = Self.data("ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv")
        // examples/ees-mapping.csv's first measure: rereferral_percent over rereferral_count and referral_count.
        let mapping = folder.appendingPathComponent("one.csv")
        try (String(contentsOfFile: Self.mapping, encoding: .utf8).split(separator: "\n").prefix(2).joined(separator: "\n") + "\n").write(to: mapping, atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db]).status == 0)
        #expect(try CommandRunner.run(["import", "ees", referrals, "--mapping", mapping.path, "--db", db]).status == 0)
        let options = ["import", "ees", referrals, "--measure", "EES_REREFERRAL_PC", "--indicator", "rereferral_percent", "--db", db]
        let again = try CommandRunner.run(options + ["--numerator", "rereferral_count", "--denominator", "referral_count"])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.hasSuffix("Nothing changed: the database already held exactly this.\n"), "\(again.standardOutput)")
        // The measure the figures belong to is counted as unchanged, as LAIT's are.
        #expect(again.standardOutput.contains("\n  measure: 0 added, 0 changed, 1 unchanged.\n"), "\(again.standardOutput)")
        let warwickshire = try CommandRunner.run(["export", "observations", "--measure", "EES_REREFERRAL_PC", "--area", "E10000031", "--db", db])
        // c1_…csv: Warwickshire 2025, 878 re-referrals of 5,152 referrals, 17%.
        #expect(warwickshire.standardOutput.contains("EES_REREFERRAL_PC,E10000031,2025,,17,878,5152,"))
        let alone = try CommandRunner.run(["import", "ees", referrals, "--numerator", "rereferral_count", "--db", db])
        #expect(alone.status == 64)
        #expect(alone.standardError.contains("--numerator and --denominator name the counts of --indicator's measure"))
    }

    @Test("a later release under another name changes only the figure that differs; export --history shows the value it replaced, and --as-of the figures as they stood")
    func laterReleaseAndHistory() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.databaseWithLAIT(folder.appendingPathComponent("release.sqlite"))
        // Line 3 of the subset: Under18concep,2016,Local authority,Barnet,302,E09000003,Outer London,10.2,
        let release = try Self.malformedLAIT(folder, "lait_release.csv") { $0[2] = $0[2].replacingOccurrences(of: ",10.2,", with: ",10.4,") }
        Thread.sleep(forTimeInterval: 1.1) // the audit records times to the second: the release comes a second later
        let imported = try CommandRunner.run(["import", "lait", release, Self.data("lait/lait_kpi_measures.csv"), "--db", db])
        #expect(imported.standardOutput.hasPrefix("""
            56136 rows read: 0 added, 1 changed, 56135 unchanged, 0 rejected.
              measures: 0 added, 0 changed, 36 unchanged.
              observations: 0 added, 1 changed, 56099 unchanged.
            """), "\(imported.standardOutput)")
        let export = try CommandRunner.run(["export", "observations", "--measure", "Under18concep", "--area", "E09000003", "--history", "--db", db])
        #expect(export.status == 0, "\(export.standardError)")
        let lines = export.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0] == ExportCommandColumns.header + ",superseded_at")
        #expect(lines[1] == "Under18concep,E09000003,2016,,10.4,,,,lait_release.csv,,")
        #expect(lines[2].hasPrefix("Under18concep,E09000003,2016,,10.2,,,,lait_kpi_subset_long.csv,,20"), "\(lines[2])")
        #expect(lines[3] == "Under18concep,E09000003,2017,,11.2,,,,lait_kpi_subset_long.csv,,")
        #expect(lines.count == 2 + lines.dropFirst().filter { $0.hasSuffix(",") }.count, "one replaced value, the rest current")
        // Without --history the layout is the issue's, exactly.
        // Several measures and areas at once, in the order of one export; a mistyped code among them is
        // said, not left out without a word (found by exploratory testing: a second --measure replaced the first).
        let several = try CommandRunner.run(["export", "observations", "--measure", "ReReferral", "--measure", "Under18concep", "--area", "E09000003", "--area", "E10000031", "--db", db])
        #expect(several.status == 0, "\(several.standardError)")
        let pairs = several.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(pairs.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } == [
            "ReReferral,E09000003", "ReReferral,E10000031", "Under18concep,E09000003", "Under18concep,E10000031",
        ])
        let mistyped = try CommandRunner.run(["export", "observations", "--measure", "ReReferral", "--measure", "ReRefferal", "--db", db])
        #expect(mistyped.status == 64 && mistyped.standardError.hasPrefix("--measure ReRefferal: the database holds no measure of this code"), "\(mistyped.standardError)")
        let plain = try CommandRunner.run(["export", "observations", "--measure", "Under18concep", "--area", "E09000003", "--db", db])
        #expect(plain.standardOutput.hasPrefix(ExportCommandColumns.header + "\nUnder18concep,E09000003,2016,,10.4,,,,lait_release.csv,\nUnder18concep,E09000003,2017,"))

        // --as-of: the figures as they stood when each import was recorded (export audit's times),
        // the day before the first import (none), and the history replaced by then.
        let times = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",")[1]) }.suffix(2)
        #expect(times.count == 2 && times.first! < times.last!, "\(times)")
        let (lait, releaseTime) = (times.first!, times.last!)
        func asOf(_ time: String, history: Bool = false) throws -> [String] {
            let run = try CommandRunner.run(["export", "observations", "--measure", "Under18concep", "--area", "E09000003", "--as-of", time, "--db", db]
                + (history ? ["--history"] : []))
            #expect(run.status == 0, "\(run.standardError)")
            return run.standardOutput.split(separator: "\n").map(String.init)
        }
        #expect(try asOf(lait)[1] == "Under18concep,E09000003,2016,,10.2,,,,lait_kpi_subset_long.csv,")
        #expect(try asOf(lait).dropFirst().dropFirst() == plain.standardOutput.split(separator: "\n").map(String.init).dropFirst().dropFirst())
        #expect(try asOf(releaseTime) == plain.standardOutput.split(separator: "\n").map(String.init))
        #expect(try asOf(lait, history: true).dropFirst().allSatisfy { $0.hasSuffix(",") }, "nothing replaced by then")
        #expect(try asOf(releaseTime, history: true) == lines)
        let dayBefore = try Date(lait, strategy: .iso8601).addingTimeInterval(-86_400).formatted(.iso8601.year().month().day())
        #expect(try asOf(dayBefore) == [ExportCommandColumns.header])
        for bad in ["2026-02-30", "2026-07-01T10:00:00", "July 2026", "2026-07-01T25:00:00Z", "2026-06-31T10:00:00Z"] {
            let refused = try CommandRunner.run(["export", "observations", "--as-of", bad, "--db", db])
            #expect(refused.status == 64 && refused.standardError.contains("--as-of \(bad) is not a date or a time (expected YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SSZ"), "\(refused.standardError)")
        }
    }

    @Test("--published and --next-update date a release's figures, shown in the export and the audit trail; a date that is not one, a release after today or a next update before it is refused (exit 64)")
    func releaseDates() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("dated.sqlite").path
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db]).status == 0)
        let fingertips = Self.imports[4] + ["--db", db]
        for (flags, message) in [
            (["--published", "2024-02-30"], "--published 2024-02-30 is not a date (expected YYYY-MM-DD)"),
            (["--published", "2999-01-01"], "--published 2999-01-01 is after today"),
            (["--published", "2025-03-04", "--next-update", "2025-03-04"], "--next-update 2025-03-04 is not after --published 2025-03-04 (expected the date the next release is due)"),
        ] {
            let refused = try CommandRunner.run(["import"] + fingertips + flags)
            #expect(refused.status == 64 && refused.standardError.contains(message), "\(flags): \(refused.standardError)")
        }
        let areas = try CommandRunner.run(["import"] + Self.imports[0] + ["--published", "2025-03-04", "--db", db])
        #expect(areas.status == 64 && areas.standardError.contains("--published and --next-update date a LAIT, EES or Fingertips release"), "\(areas.standardError)")

        let dated = try CommandRunner.run(["import"] + fingertips + ["--published", "2025-03-04", "--next-update", "2026-03-03"])
        #expect(dated.status == 0, "\(dated.standardError)")
        let export = try CommandRunner.run(["export", "observations", "--area", "E10000031", "--db", db])
        let rows = export.standardOutput.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasSuffix(",la_hospital_admissions_2324.csv,2025-03-04") }, "\(rows.prefix(3))")
        // The same release again, with no dates or later ones, changes nothing: its figures keep their first date.
        let again = try CommandRunner.run(["import"] + fingertips + ["--published", "2025-06-01"])
        #expect(again.standardOutput.contains("Nothing changed"), "\(again.standardOutput)")
        #expect(again.standardOutput.contains("\n  measure: 0 added, 0 changed, 1 unchanged.\n"), "\(again.standardOutput)")
        // The audit trail records each import with the release dates it was given.
        let audit = try CommandRunner.run(["export", "audit", "--db", db])
        #expect(audit.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[3] } == [
            "import areas", "import fingertips (release of 2025-03-04; next update due 2026-03-03)", "import fingertips (release of 2025-06-01)",
        ], "\(audit.standardOutput)")
    }

    @Test("an older release's figures do not replace stored figures published after them unless --replace-newer is given; the refusal names the file, the row, the cell, both figures and both dates, and writes nothing")
    func olderRelease() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("older.sqlite").path
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db]).status == 0)
        let fingertips = Self.imports[4] + ["--db", db]
        #expect(try CommandRunner.run(["import"] + fingertips + ["--published", "2025-03-04"]).status == 0)
        // The same file with Warwickshire's 2010/11 rate as an earlier release gave it.
        let shipped = try String(contentsOfFile: Self.data("fingertips/la_hospital_admissions_2324.csv"), encoding: .utf8)
        let row = "E10000031,Warwickshire,Counties & UAs (from Apr 2023),Persons,<15 yrs,,,2010/11,105.173394,"
        #expect(shipped.components(separatedBy: row).count == 2)
        // The row as an editor numbers it, the header being row 1.
        let line = shipped.components(separatedBy: row)[0].filter { $0 == "\n" }.count + 1
        let older = folder.appendingPathComponent("la_hospital_admissions_2324.csv")
        try shipped.replacingOccurrences(of: row, with: row.replacingOccurrences(of: "105.173394", with: "104.9")).write(to: older, atomically: true, encoding: .utf8)
        let before = try CommandRunner.run(["export", "observations", "--db", db]).standardOutput
        let olderImport = ["import", "fingertips", older.path, "--unit", "rate:10000", "--polarity", "low", "--db", db]

        let refused = try CommandRunner.run(olderImport + ["--published", "2024-03-05"])
        #expect(refused.status == 65, "\(refused.standardError)")
        #expect(refused.standardError.contains(
            "la_hospital_admissions_2324.csv: 1 figure in this import was published before the stored figure it would replace (row \(line), FT90284 E10000031 2010/11"
        ), "\(refused.standardError)")
        #expect(refused.standardError.contains(": 104.9, published 2024-03-05, would replace 105.173394, published 2025-03-04 by la_hospital_admissions_2324.csv)"), "\(refused.standardError)")
        #expect(refused.standardError.contains("import again with --replace-newer, or on the site with \"Put older figures back\" ticked; the newer ones stay in history); nothing was written"), "\(refused.standardError)")
        #expect(try CommandRunner.run(["export", "observations", "--db", db]).standardOutput == before, "nothing was written")

        // A later release correcting the figure is no older figure; nor is a release with no date.
        for dates in [["--published", "2025-06-01"], []] {
            let scratch = folder.appendingPathComponent("scratch.sqlite")
            try? FileManager.default.removeItem(at: scratch)
            try FileManager.default.copyItem(at: folder.appendingPathComponent("older.sqlite"), to: scratch)
            let corrected = try CommandRunner.run(olderImport.dropLast() + ["sqlite://" + scratch.path] + dates)
            #expect(corrected.status == 0 && corrected.standardOutput.contains("observations: 0 added, 1 changed,"), "\(dates): \(corrected.standardOutput) \(corrected.standardError)")
        }

        let putBack = try CommandRunner.run(olderImport + ["--published", "2024-03-05", "--replace-newer"])
        #expect(putBack.status == 0 && putBack.standardOutput.contains("observations: 0 added, 1 changed,"), "\(putBack.standardOutput) \(putBack.standardError)")
        let export = try CommandRunner.run(["export", "observations", "--area", "E10000031", "--measure", "FT90284", "--db", db]).standardOutput
        #expect(export.contains("FT90284,E10000031,2010/11,,104.9,"), "\(export)")
        #expect(try CommandRunner.run(["export", "audit", "--db", db]).standardOutput.contains(
            ",import fingertips (release of 2024-03-05); put back 1 figure published before the stored one (--replace-newer),"
        ))

        let areas = try CommandRunner.run(["import"] + Self.imports[0] + ["--replace-newer", "--db", db])
        #expect(areas.status == 64 && areas.standardError.contains("--replace-newer is for lait, ees, fingertips and local imports"), "\(areas.standardError)")
    }

    @Test("a Fingertips measure first imported without --unit and --polarity is restated by importing again with them (the measure changed, its figures not); its years cannot change")
    func fingertipsRestated() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("ft.sqlite").path
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db]).status == 0)
        let file = Self.data("fingertips/la_hospital_admissions_2324.csv")
        #expect(try CommandRunner.run(["import", "fingertips", file, "--db", db]).status == 0)
        let restated = try CommandRunner.run(["import", "fingertips", file, "--unit", "rate:10000", "--polarity", "low", "--db", db])
        #expect(restated.status == 0, "\(restated.standardError)")
        #expect(restated.standardOutput.contains("\n  measure: 0 added, 1 changed, 0 unchanged.\n"), "\(restated.standardOutput)")
        #expect(restated.standardOutput.contains("observations: 0 added, 0 changed,"), "\(restated.standardOutput)")
        let again = try CommandRunner.run(["import", "fingertips", file, "--unit", "rate:10000", "--polarity", "low", "--db", db])
        #expect(again.standardOutput.contains("Nothing changed"), "\(again.standardOutput)")
        let years = try CommandRunner.run(["import", "fingertips", file, "--year-type", "academic", "--db", db])
        #expect(years.status == 65)
        #expect(years.standardError.contains(":Indicator ID: --year-type academic: FT90284 is stored with financial years"), "\(years.standardError)")
    }

    @Test("A blank --user is a usage error on every command that writes, before any database is opened")
    func blankAuditUser() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("blank-user.sqlite").path
        let db = "sqlite://" + path
        let commands: [[String]] = [
            ["import"] + Self.imports[0],
            ["committee", "add", "committee.json"],
            ["committee", "sign-off", "--committee", "WARKS-CYP", "--period", "2025/26 Q2", "--stage", "checked"],
            ["committee", "request", "add", "--committee", "WARKS-CYP", "--raised-on", "2025-09-16", "--request", "A note"],
            ["backup", "restore", "backup.sqlite"],
        ]
        for command in commands {
            for blank in ["", "   "] {
                let result = try CommandRunner.run(command + ["--user", blank, "--db", db], in: folder)
                #expect(result.status == 64, "\(command): \(result.standardError)")
                #expect(result.standardError.contains("--user is blank (expected the name of the person making the change"), "\(command): \(result.standardError)")
            }
        }
        let twoLines = try CommandRunner.run(commands[0] + ["--user", "j.smith\nforged line", "--db", db], in: folder)
        #expect(twoLines.status == 64 && twoLines.standardError.contains("--user holds a line break"), "\(twoLines.standardError)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("export audit lists every import, oldest first: when, who, what, which files and the counts; filters are refused (exit 64)")
    func exportAudit() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("audit.sqlite").path
        for arguments in [Self.imports[0], Self.imports[4], Self.imports[4]] {
            #expect(try CommandRunner.run(["import"] + arguments + ["--user", "j.smith", "--db", db]).status == 0)
        }
        let export = try CommandRunner.run(["export", "audit", "--db", db])
        #expect(export.status == 0, "\(export.standardError)")
        let lines = export.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,recorded_at,user,action,files,rows_read,added,changed,unchanged,rejected")
        // Each line's time is the import's; the rest is what it did (the lookup's 165 rows hold 163 areas).
        let withoutTimes = lines.dropFirst().map { line -> String in
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells[1].count == 20 && cells[1].hasSuffix("Z"), "\(line)")
            cells[1] = "T"
            return cells.joined(separator: ",")
        }
        let fingertipsRows = try String(contentsOfFile: Self.data("fingertips/la_hospital_admissions_2324.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(withoutTimes.count == 3)
        #expect(withoutTimes[0] == "1,T,j.smith,import areas,la_lookup_from_ees.csv,165,163,0,0,0")
        #expect(withoutTimes[1].hasPrefix("2,T,j.smith,import fingertips,la_hospital_admissions_2324.csv,\(fingertipsRows),"), "\(withoutTimes[1])")
        #expect(withoutTimes[2].hasPrefix("3,T,j.smith,import fingertips,la_hospital_admissions_2324.csv,\(fingertipsRows),0,0,"), "\(withoutTimes[2])")
        let filtered = try CommandRunner.run(["export", "audit", "--measure", "LAC", "--db", db])
        #expect(filtered.status == 64 && filtered.standardError.contains("export audit writes the whole audit trail"), "\(filtered.standardError)")
    }

    @Test("LAIT before the areas: every LA row refused, and the report ends with what the problems are mostly about; nothing written")
    func problemsDigest() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("no-areas.sqlite")
        let db = "sqlite://" + file.path
        // A new database, migrated, with no areas.
        let store = try await StoreConnection.open(url: db)
        try await store.closing(after: { try await store.migrate() })
        let before = try Data(contentsOf: file)
        let result = try CommandRunner.run(["import"] + Self.imports[2] + ["--db", db])
        #expect(result.status == 65)
        // lait_kpi_subset_long.csv has 52,140 rows at geographic_level "Local authority" (and 3,960
        // for England, its regions and Inner and Outer London, which every database knows); the first is row 2.
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 52_140 + 4)
        let expected = "unknown area code E09000002 (expected the ONS code of England, a region or an LA already imported with scrutineer import areas)"
        #expect(lines.first.map(String.init) == "lait_kpi_subset_long.csv:2:new_la_code: " + expected)
        #expect(lines.suffix(4).map(String.init) == [
            "By file and column, most first:",
            "  lait_kpi_subset_long.csv new_la_code: 52140 problems, the first on row 2: " + expected,
            "52140 problems found; nothing was written.",
            "",
        ])
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("the summary says what the counts are made of, and which rows were read but not stored and why")
    func summaryAccountsForEveryRow() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("summary.sqlite").path
        var output: [String] = []
        for arguments in Self.imports {
            let result = try CommandRunner.run(["import"] + arguments + ["--db", db])
            #expect(result.status == 0, "\(result.standardError)")
            output.append(result.standardOutput)
        }
        // la_lookup_from_ees.csv: 165 rows, of which lines 63 (940 / 941) and 161 (314 / 318) combine two LAs.
        #expect(output[0].hasPrefix("""
            165 rows read: 163 added, 0 changed, 0 unchanged, 0 rejected.
              areas: 163 added, 0 changed, 0 unchanged.
              2 rows that combine several LAs skipped: each of those LAs has its own row, which is imported.

            """), "\(output[0])")
        // The 2021 long file: 1,590 rows, 30 of them `nan` (lines 1522–1551), so 156 lists of 10; the
        // 2025 file: 153 lists of 10; DfE's wide 2021 sheet: 159 rows, 3 of them blank or the "Old SNs:"
        // heading, and 156 lists, each the same as the 2021 long file's.
        #expect(output[1].hasPrefix("""
            3279 rows read: 309 added, 0 changed, 0 unchanged, 0 rejected.
              statistical-neighbour lists: 309 added, 0 changed, 0 unchanged.
              33 rows that name no LA and no neighbour skipped: blank rows and headings such as DfE's "Old SNs:".
              156 repeated lists skipped: the same LA, edition and neighbours as a list read earlier, stored once.

            """), "\(output[1])")
        // 2,132 rows in each EES file; c1 gives two measures of examples/ees-mapping.csv, d3 and b1 one each.
        #expect(output[3].hasPrefix("""
            6396 rows read: 8532 added, 0 changed, 0 unchanged, 0 rejected.
              measures: 4 added, 0 changed, 0 unchanged.
              observations: 8528 added, 0 changed, 0 unchanged.
            Imported c1_
            """), "\(output[3])")
        // The Fingertips export's 7,208 rows hold 6,505 distinct cells: England's rows repeat.
        #expect(output[4] == """
            7208 rows read: 6506 added, 0 changed, 0 unchanged, 0 rejected.
              measure: 1 added, 0 changed, 0 unchanged.
              observations: 6505 added, 0 changed, 0 unchanged.
              703 repeated figures skipped: the same measure, area, period and breakdown as an earlier row, with identical figures, stored once.
            Imported la_hospital_admissions_2324.csv.

            """)
    }

    @Test("an EES file's .meta.csv is read once, whether found beside the file or named too by any path")
    func eesMetadataReadOnce() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "d3_cpps_subsequent_plan_2013_to_2025"
        try FileManager.default.copyItem(at: SharedFiles.data("ees/\(name).csv"), to: folder.appendingPathComponent("\(name).csv"))
        try Data("""
            col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column
            category,Filter,Category,,,,,
            CPP_start,Indicator,Child protection plans starting,,,0,,
            CPP_subsequent,Indicator,Second or subsequent plans,,,0,,
            CPP_subsequent_percent,Indicator,Second or subsequent plans (%),,%,1,,

            """.utf8).write(to: folder.appendingPathComponent("\(name).meta.csv"))
        // 2,132 data rows and the metadata's 4 rows: the metadata counted, and named, once.
        for (run, files) in [["\(name).csv"], ["\(name).csv", "\(name).meta.csv"], ["./\(name).meta.csv", folder.appendingPathComponent("\(name).csv").path]].enumerated() {
            let db = "sqlite://" + folder.appendingPathComponent("ees\(run).sqlite").path
            let areas = try CommandRunner.run(["import", "areas", Self.data("reference/la_lookup_from_ees.csv"), "--db", db])
            #expect(areas.status == 0, "\(areas.standardError)")
            let result = try CommandRunner.run(["import", "ees"] + files + ["--filter", "category=Child Protection Plans which are a second or subsequent plan", "--db", db], in: folder)
            #expect(result.status == 0, "\(files): \(result.standardError)")
            #expect(result.standardOutput.hasPrefix("2136 rows read: "), "\(files): \(result.standardOutput)")
            #expect(result.standardOutput.components(separatedBy: "\(name).meta.csv").count == 2, "\(files): \(result.standardOutput)")
        }
    }

    @Test("LAIT and EES publish the same re-referral and repeat-plan percentages: imported, they are equal for every LA and year")
    func laitEqualsEES() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("same.sqlite").path
        for arguments in Self.imports.prefix(4) {
            #expect(try CommandRunner.run(["import"] + arguments + ["--db", db]).status == 0)
        }
        func values(_ measure: String) throws -> [String: String] {
            let export = try CommandRunner.run(["export", "observations", "--measure", measure, "--db", db]).standardOutput
            var byCell: [String: String] = [:]
            for line in export.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if !fields[4].isEmpty { byCell[fields[1] + "|" + fields[2]] = fields[4] }
            }
            return byCell
        }
        for (lait, ees, minimum) in [("ReReferral", "EES_REREFERRAL_PC", 1_500), ("PrevRegCPR", "EES_CPP_SUBSEQUENT_PC", 1_500)] {
            let fromLAIT = try values(lait), fromEES = try values(ees)
            let shared = Set(fromLAIT.keys).intersection(fromEES.keys)
            #expect(shared.count >= minimum, "\(lait): only \(shared.count) cells published by both")
            for cell in shared.sorted() {
                #expect(Double(fromLAIT[cell]!) == Double(fromEES[cell]!), "\(lait) vs \(ees) at \(cell)")
            }
        }
    }

    /// A copy of the LAIT subset with `edit` applied to its lines.
    static func malformedLAIT(_ folder: URL, _ name: String, encoding: String.Encoding = .utf8, _ edit: (inout [String]) -> Void) throws -> String {
        var lines = try String(contentsOfFile: data("lait/lait_kpi_subset_long.csv"), encoding: .utf8).components(separatedBy: "\n")
        edit(&lines)
        let path = folder.appendingPathComponent(name).path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: encoding)
        return path
    }

    @Test("malformed files each give the documented error, exit 65, and leave the database byte for byte as it was")
    func malformedFilesChangeNothing() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("kept.sqlite")
        let db = try Self.databaseWithLAIT(file)
        let before = try Data(contentsOf: file)
        // Line 2 of the subset: Under18concep,2016,Local authority,Barking and Dagenham,301,E09000002,Outer London,27.9,
        let cases: [(String, (inout [String]) -> Void, String)] = [
            ("truncated.csv", { $0[1] = "Under18concep,2016,Local authority" }, "truncated.csv:2:"),
            ("text.csv", { $0[1] = $0[1].replacingOccurrences(of: ",27.9,", with: ",twenty,") }, "text.csv:2:value:"),
            ("period.csv", { $0[1] = $0[1].replacingOccurrences(of: "Under18concep,2016,", with: "Under18concep,2016 Q9,") }, "period.csv:2:period:"),
            ("area.csv", { $0[1] = $0[1].replacingOccurrences(of: "E09000002", with: "E09999999") }, "area.csv:2:new_la_code:"),
            ("duplicate.csv", { $0.insert($0[1].replacingOccurrences(of: ",27.9,", with: ",28.1,"), at: 2) }, "duplicate.csv:3:"),
        ]
        for (name, edit, expected) in cases {
            let path = try Self.malformedLAIT(folder, name, edit)
            let result = try CommandRunner.run(["import", "lait", path, Self.data("lait/lait_kpi_measures.csv"), "--db", db])
            #expect(result.status == 65, "\(name): \(result.standardError)")
            #expect(result.standardError.hasPrefix(expected), "\(name): \(result.standardError.prefix(300))")
            #expect(result.standardError.contains("nothing was written"), "\(name)")
            #expect(try Data(contentsOf: file) == before, "\(name) changed the database")
        }
        // Saved as Windows-1252 (Excel's "CSV (Comma delimited)"), with an en dash on line 3: refused there, not stored as "?".
        let excel = try Self.malformedLAIT(folder, "excel.csv", encoding: .windowsCP1252) { $0[2] = $0[2].replacingOccurrences(of: "Barnet", with: "Barnet – North") }
        let notUTF8 = try CommandRunner.run(["import", "lait", excel, Self.data("lait/lait_kpi_measures.csv"), "--db", db])
        #expect(notUTF8.status == 65)
        #expect(notUTF8.standardError.hasPrefix("excel.csv:3:*: the file is not UTF-8 text: byte 0x96 (– in Windows-1252"), "\(notUTF8.standardError)")
        #expect(try Data(contentsOf: file) == before)
        // A workbook without the named sheet.
        let workbook = folder.appendingPathComponent("measures.xlsx")
        let template = try CommandRunner.run(["template", "local"])
        try template.standardOutputData.write(to: workbook)
        let wrongSheet = try CommandRunner.run(["import", "local", workbook.path, "--sheet", "Data", "--db", db])
        #expect(wrongSheet.status == 65)
        #expect(wrongSheet.standardError.hasPrefix("measures.xlsx:1:-: no sheet named \"Data\""), "\(wrongSheet.standardError)")
        #expect(try Data(contentsOf: file) == before)
        // A publication given to another import is named as what it is, once.
        let wrongImport = try CommandRunner.run(["import", "lait", Self.data("fingertips/la_hospital_admissions_2324.csv"), "--db", db])
        #expect(wrongImport.status == 65)
        #expect(wrongImport.standardError.hasPrefix("""
            la_hospital_admissions_2324.csv:1:*: this is a Fingertips data export, not a file scrutineer import lait reads (expected scrutineer import fingertips FILE…)
            1 problem found; nothing was written.
            """), "\(wrongImport.standardError)")
        #expect(try Data(contentsOf: file) == before)
    }
    @Test("a council's own measures: another council's import of a code is refused by row, exit 65, nothing written; --council names the council; figures of a published or another council's measure are refused at their row")
    func councilsOwnMeasures() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("councils.sqlite")
        let db = "sqlite://" + file.path
        let local = SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData/local")
        let measures = local.appendingPathComponent("warwickshire-measures.csv").path
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db]).status == 0)
        let warwickshire = try CommandRunner.run(["import", "local", measures, local.appendingPathComponent("warwickshire-observations.csv").path, "--db", db])
        #expect(warwickshire.status == 0, "\(warwickshire.standardError)")
        let before = try Data(contentsOf: file)

        // The same measures with figures for Wokingham: its import may not redefine Warwickshire's.
        let figures = try String(contentsOf: local.appendingPathComponent("warwickshire-observations.csv"), encoding: .utf8)
        let wokingham = folder.appendingPathComponent("wokingham-figures.csv")
        try figures.replacingOccurrences(of: "E10000031", with: "E06000041").write(to: wokingham, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["import", "local", measures, wokingham.path, "--db", db])
        #expect(refused.status == 65)
        #expect(refused.standardError.hasPrefix(
            "warwickshire-measures.csv:2:code: WARKS_HV_68WK is already council E10000031 Warwickshire's own measure (expected a code of this council's own"
        ), "\(refused.standardError)")
        #expect(try Data(contentsOf: file) == before)
        // Named with --council, it is refused all the same; with no figures and no --council, the council cannot be told.
        let named = try CommandRunner.run(["import", "local", measures, "--council", "E06000041", "--db", db])
        #expect(named.status == 65)
        #expect(named.standardError.hasPrefix("warwickshire-measures.csv:2:code: WARKS_HV_68WK is already council E10000031"), "\(named.standardError)")
        let owner = try CommandRunner.run(["import", "local", measures, "--council", "E10000031", "--db", db])
        #expect(owner.status == 0, "\(owner.standardError)")
        #expect(owner.standardOutput.contains("Nothing changed"), "\(owner.standardOutput)")
        #expect(try CommandRunner.run(["import", "lait", Self.data("lait/lait_kpi_measures.csv"), "--council", "E10000031", "--db", db]).status == 64)

        // A local import holds figures of council's own measures only: not a published statistic's
        // (England's or the council's own LAIT figure), not another council's measure.
        #expect(try CommandRunner.run(["import", "lait", Self.data("lait/lait_kpi_measures.csv"), "--db", db]).status == 0)
        let withLAIT = try Data(contentsOf: file)
        let header = "measure_code,area_code,period,value\n"
        for (rows, council, message) in [
            ("ReReferral,E10000031,2025,20\n", ["--council", "E10000031"], "published.csv:2:measure_code: ReReferral is a published measure, which every council's reports compare with (expected a measure of E10000031's own;"),
            ("WARKS_HV_68WK,E10000031,2026/27 Q3,84\nReReferral,E92000001,2025,50\n", [], "published.csv:3:measure_code: ReReferral is a published measure"),
            ("WARKS_HV_68WK,E06000041,2026/27 Q3,84\n", ["--council", "E06000041"], "published.csv:2:measure_code: WARKS_HV_68WK is E10000031's own measure (expected a measure of E06000041's own;"),
        ] {
            let published = folder.appendingPathComponent("published.csv")
            try (header + rows).write(to: published, atomically: true, encoding: .utf8)
            let refusedFigures = try CommandRunner.run(["import", "local", published.path, "--db", db] + council)
            #expect(refusedFigures.status == 65, "\(rows)")
            #expect(refusedFigures.standardError.hasPrefix(message), "\(refusedFigures.standardError)")
            #expect(try Data(contentsOf: file) == withLAIT)
        }
    }

    @Test("a district written another way than the database holds it is refused at its cell (exit 65), nothing written; spelled as stored, its figures join the same series")
    func breakdownSpelling() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("districts.sqlite")
        let db = "sqlite://" + file.path
        let measures = SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData/local/warwickshire-measures.csv").path
        func figures(_ name: String, _ row: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try "measure_code,area_code,period,value,numerator,denominator,breakdown:district\n\(row)\n".write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db]).status == 0)
        let first = try CommandRunner.run(["import", "local", measures, try figures("q1.csv", "WARKS_HV_68WK,E10000031,2025/26 Q1,80.2,401,500,Nuneaton and Bedworth"), "--db", db])
        #expect(first.status == 0, "\(first.standardError)")
        let before = try Data(contentsOf: file)

        let respelled = try CommandRunner.run(["import", "local", try figures("q2.csv", "WARKS_HV_68WK,E10000031,2025/26 Q2,81.0,405,500,Nuneaton & Bedworth"), "--db", db])
        #expect(respelled.status == 65)
        #expect(respelled.standardError.hasPrefix(
            "q2.csv:2:breakdown:district: \"Nuneaton & Bedworth\" is \"Nuneaton and Bedworth\" written another way (expected \"Nuneaton and Bedworth\", as the database holds it, so its figures form one series)\n"
        ), "\(respelled.standardError)")
        #expect(try Data(contentsOf: file) == before)

        let spelledAsStored = try CommandRunner.run(["import", "local", try figures("q2.csv", "WARKS_HV_68WK,E10000031,2025/26 Q2,81.0,405,500,Nuneaton and Bedworth"), "--db", db])
        #expect(spelledAsStored.status == 0, "\(spelledAsStored.standardError)")
        let export = try CommandRunner.run(["export", "observations", "--measure", "WARKS_HV_68WK", "--db", db])
        #expect(export.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2...3].joined(separator: ",") } == [
            "2025/26 Q1,district=Nuneaton and Bedworth", "2025/26 Q2,district=Nuneaton and Bedworth",
        ])
    }

    @Test("a published measure with LAIT's figures is not a council's own: the claim is refused at its code cell; a code a council took first is refused in LAIT's dictionary")
    func publishedMeasureNotClaimed() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dictionary = Self.data("lait/lait_kpi_measures.csv")
        let figures = folder.appendingPathComponent("lait-figures.csv")
        try """
        measure_code,period,geographic_level,area_name,old_la_code,new_la_code,region,value,value_note
        ReReferral,2025,Local authority,Warwickshire,937,E10000031,West Midlands,17.0,

        """.write(to: figures, atomically: true, encoding: .utf8)
        let claim = folder.appendingPathComponent("claim-measures.csv")
        try "code,title,unit,polarity,year_type\nReReferral,Re-referrals within 12 months (%),percentage,low,financial\n"
            .write(to: claim, atomically: true, encoding: .utf8)

        // LAIT first: Warwickshire's claim of LAIT's code is refused, naming the cell.
        let laitFirst = folder.appendingPathComponent("lait-first.sqlite")
        let db = "sqlite://" + laitFirst.path
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db]).status == 0)
        #expect(try CommandRunner.run(["import", "lait", figures.path, dictionary, "--db", db]).status == 0)
        let before = try Data(contentsOf: laitFirst)
        let refused = try CommandRunner.run(["import", "local", claim.path, "--council", "E10000031", "--db", db])
        #expect(refused.status == 65)
        #expect(refused.standardError.hasPrefix(
            "claim-measures.csv:2:code: measure ReReferral holds figures from published data or from other councils, so it cannot become council E10000031's own"
        ), "\(refused.standardError)")
        #expect(try Data(contentsOf: laitFirst) == before)

        // The council first: LAIT's dictionary may not redefine the council's own measure.
        let councilFirst = folder.appendingPathComponent("council-first.sqlite")
        let db2 = "sqlite://" + councilFirst.path
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db2]).status == 0)
        let claimed = try CommandRunner.run(["import", "local", claim.path, "--council", "E10000031", "--db", db2])
        #expect(claimed.status == 0, "\(claimed.standardError)")
        #expect(claimed.standardOutput.hasPrefix("1 row read: 1 added, 0 changed, 0 unchanged, 0 rejected.\n"), "\(claimed.standardOutput)")
        let before2 = try Data(contentsOf: councilFirst)
        let lait = try CommandRunner.run(["import", "lait", figures.path, dictionary, "--db", db2])
        #expect(lait.status == 65)
        let line = try #require(String(contentsOfFile: dictionary, encoding: .utf8).split(separator: "\n").firstIndex { $0.hasPrefix("ReReferral,") }) + 1
        #expect(lait.standardError.hasPrefix(
            "lait_kpi_measures.csv:\(line):measure_code: ReReferral is council E10000031 Warwickshire's own measure, so LAIT's dictionary may not redefine it"
        ), "\(lait.standardError)")
        #expect(try Data(contentsOf: councilFirst) == before2)
    }

    @Test("export observations filters by measure and area; a filter naming nothing stored is an error (exit 64), not a header alone; a database that cannot be opened is said once (exit 78)")
    func exportFilters() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("export.sqlite").path
        #expect(try CommandRunner.run(["import"] + Self.imports[0] + ["--db", db]).status == 0)
        #expect(try CommandRunner.run(["import"] + Self.imports[2] + ["--db", db]).status == 0)
        let header = "measure_code,area_code,period,breakdown,value,numerator,denominator,status_symbol,source,published"
        // lait_kpi_subset_long.csv: ReReferral,2025,Local authority,Warwickshire,937,E10000031,West Midlands,17.0,
        let warwickshire = try CommandRunner.run(["export", "observations", "--measure", "ReReferral", "--area", "E10000031", "--db", db])
        #expect(warwickshire.status == 0)
        let lines = warwickshire.standardOutput.split(separator: "\n")
        #expect(lines.first == Substring(header))
        #expect(lines.contains("ReReferral,E10000031,2025,,17,,,,lait_kpi_subset_long.csv,"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("ReReferral,E10000031,") })

        let mistyped = try CommandRunner.run(["export", "observations", "--measure", "rereferral", "--area", "E1", "--db", db])
        #expect(mistyped.status == 64)
        #expect(mistyped.standardOutput.isEmpty)
        #expect(mistyped.standardError == """
            --measure rereferral: the database holds no measure of this code (expected a measure code it holds, e.g. ReReferral)
            --area E1: the database holds no area of this code (expected an area's ONS code it holds, e.g. E06000001)

            """)
        // Buckinghamshire's old code (to 2020): its figures are its current code's, which is named (found by exploratory testing).
        let none = try CommandRunner.run(["export", "observations", "--measure", "ReReferral", "--area", "E10000002", "--db", db])
        #expect(none.status == 64)
        #expect(none.standardError == "--area E10000002 is Buckinghamshire's former code; since its recode the council is E06000060 (DfE 825), under which its figures are kept (expected E06000060)\n")

        // --output into a folder that is not there, or at a folder, is said in words, exit 73.
        let nowhere = folder.appendingPathComponent("no-such-folder/a.csv").path
        let unwritten = try CommandRunner.run(["export", "audit", "--output", nowhere, "--db", db])
        #expect(unwritten.status == 73)
        #expect(unwritten.standardError == "\(nowhere): there is no folder \(folder.path)/no-such-folder to write it in\n")
        let atFolder = try CommandRunner.run(["export", "audit", "-o", folder.path, "--db", db])
        #expect(atFolder.status == 73)
        #expect(atFolder.standardError == "\(folder.path): is a folder (expected the name of a file to write)\n")

        // A database that cannot be opened (here a folder) is said once, in the store's words (the
        // connection pool's own log line of the same failure is not shown), exit 78.
        let unopened = try CommandRunner.run(["export", "observations", "--db", "sqlite://" + folder.path])
        #expect(unopened.status == 78)
        #expect(unopened.standardError.hasPrefix("db.url: cannot open sqlite://\(folder.path): "), "\(unopened.standardError)")
        #expect(unopened.standardError.split(separator: "\n").count == 1, "\(unopened.standardError)")
    }

    @Test("a command that reads or changes what a database holds refuses a mistyped SQLite path (exit 66) rather than answer from a new, empty database, and makes no file there")
    func missingDatabaseRefused() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let typo = folder.appendingPathComponent("typo.sqlite").path
        let report = ["--committee", "WARKS-CYP", "--period", "2025/26 Q2"]
        for command in [
            ["export", "observations"], ["export", "groups"], ["export", "audit"], ["committee", "list"],
            ["committee", "snapshots"] + report, ["committee", "sign-off"] + report + ["--stage", "checked"],
            ["committee", "request", "list", "--committee", "WARKS-CYP"], ["pack"] + report + ["--out", folder.appendingPathComponent("pack").path],
        ] {
            let result = try CommandRunner.run(command + ["--db", "sqlite://" + typo])
            #expect(result.status == 66, "\(command)")
            #expect(result.standardError == "--db: there is no database at \(typo) (expected an existing Scrutineer database; scrutineer import or scrutineer committee add makes one)\n", "\(command)")
            #expect(result.standardOutput.isEmpty, "\(command)")
            #expect(!FileManager.default.fileExists(atPath: typo), "\(command)")
        }
    }
}

/// The header `scrutineer export observations` writes (issue 4).
enum ExportCommandColumns {
    static let header = "measure_code,area_code,period,breakdown,value,numerator,denominator,status_symbol,source,published"
}
