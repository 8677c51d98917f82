import Foundation
import ScrutineerCore
import ScrutineerStorage
import Testing

/// `scrutineer pack`, as a user runs it (the packs themselves are built by the CI script from the
/// shipped data and checked by the page tests).
@Suite("scrutineer pack")
struct PackCommandTests {
    @Test("pack --period that is not one of the council's reporting periods (a school term, a fifth quarter, a quarter without its year) is refused before the database is opened, exit 64")
    func packPeriodRefused() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for period in ["2024/25 Autumn term", "2024/25 Q5", "Q4"] {
            let result = try CommandRunner.run([
                "pack", "--committee", "WARKS-CYP", "--period", period, "--out", folder.appendingPathComponent("pack").path,
                "--db", "sqlite://" + folder.appendingPathComponent("none.sqlite").path,
            ])
            #expect(result.status == 64)
            #expect(result.standardError == "--period: \"\(period)\" is not a reporting period (expected a quarter of the council's financial year such as 2024/25 Q4, a financial year such as 2024/25, or a month such as 2025-03)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.sqlite").path))
    }

    @Test("pack --out refuses a file, or a folder holding anything but an earlier pack, before the database is opened (exit 73), and leaves them as they were")
    func packFolderRefused() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let report = folder.appendingPathComponent("report.txt"), kept = folder.appendingPathComponent("mine")
        try Data("my report\n".utf8).write(to: report)
        try fm.createDirectory(at: kept.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("notes\n".utf8).write(to: kept.appendingPathComponent("notes.txt"))
        try Data("more\n".utf8).write(to: kept.appendingPathComponent("sub/more.txt"))
        // A folder with an index page, but not a pack's other files, is not taken for a pack.
        let lookalike = folder.appendingPathComponent("site")
        try fm.createDirectory(at: lookalike, withIntermediateDirectories: true)
        try Data("<p>my site</p>".utf8).write(to: lookalike.appendingPathComponent("index.html"))
        let database = folder.appendingPathComponent("none.sqlite")
        func pack(_ out: URL) throws -> CommandRunner.Result {
            try CommandRunner.run(["pack", "--committee", "WARKS-CYP", "--period", "2025/26 Q2", "--no-pdf", "--out", out.path, "--db", "sqlite://" + database.path])
        }
        let file = try pack(report)
        #expect(file.status == 73)
        #expect(file.standardError == "--out: \(report.path) is a file, not a folder (expected a folder for the pack: a new one, an empty one or an earlier pack, which is replaced)\n")
        let other = try pack(kept)
        #expect(other.status == 73)
        #expect(other.standardError == "--out: \(kept.path) holds 2 files or folders that are not a pack, which writing the pack would delete (expected a new folder, an empty one or an earlier pack, which is replaced)\n")
        let site = try pack(lookalike)
        #expect(site.status == 73)
        #expect(site.standardError == "--out: \(lookalike.path) holds a file or folder that is not a pack, which writing the pack would delete (expected a new folder, an empty one or an earlier pack, which is replaced)\n")
        #expect(try String(contentsOf: report, encoding: .utf8) == "my report\n")
        #expect(try String(contentsOf: kept.appendingPathComponent("sub/more.txt"), encoding: .utf8) == "more\n")
        #expect(try fm.contentsOfDirectory(atPath: kept.path).sorted() == ["notes.txt", "sub"])
        #expect(try fm.contentsOfDirectory(atPath: lookalike.path) == ["index.html"])
        #expect(!fm.fileExists(atPath: database.path), "refused before the database is opened")
        // A period not yet begun has no report, as sign-off refuses it (found by exploratory testing).
        let early = try CommandRunner.run(["pack", "--committee", "WARKS-CYP", "--period", "2026/27 Q4", "--as-of", "2026-11-26", "--no-pdf", "--out", folder.appendingPathComponent("q4").path, "--db", "sqlite://" + database.path])
        #expect(early.status == 64)
        #expect(early.standardError.contains("--period 2026/27 Q4 begins on 2027-01-01, after --as-of, 2026-11-26 (expected a period that has begun)"), "\(early.standardError)")
        #expect(!fm.fileExists(atPath: database.path) && !fm.fileExists(atPath: folder.appendingPathComponent("q4").path))
        // An earlier pack with the agenda's other papers kept beside it (found by exploratory testing).
        let agenda = folder.appendingPathComponent("agenda")
        for path in ["index.html", "print.html", "pack.css", "data/pack.xlsx", "data/measures.csv", "measures/ReReferral.html", "cover-report.docx", "minutes/2026-09-16.pdf"] {
            try fm.createDirectory(at: agenda.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("kept\n".utf8).write(to: agenda.appendingPathComponent(path))
        }
        let beside = try pack(agenda)
        #expect(beside.status == 73)
        #expect(beside.standardError == "--out: \(agenda.path) is an earlier pack but also holds cover-report.docx, minutes/, which writing the pack would delete (expected a folder holding only a pack: move the other files, or give another --out)\n", "\(beside.standardError)")
        #expect(try String(contentsOf: agenda.appendingPathComponent("minutes/2026-09-16.pdf"), encoding: .utf8) == "kept\n")
    }

    /// Every file of a pack folder but the workbook (a ZIP whose entries carry the time written),
    /// by path.
    static func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension != "xlsx", (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// `files` without what says where the report stands in sign-off (`SignOffStanding`): each
    /// page's stage line, the summary's stage paragraph, the prefix of titles and of the printed
    /// running header. What is left is the report's content.
    static func content(_ files: [String: Data]) -> [String: String] {
        let prefix = #/(Draft, not published|Checked, not yet published|Earlier publication \(\d+ of \d+\))( – | · )/#
        return files.mapValues { data in
            String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("class=\"pack-header-stage") && !$0.contains("class=\"report-stage") }
                .map { $0.replacing(prefix, with: "") }
                .joined(separator: "\n")
        }
    }

    /// The sign-off stage line of the summary page in `folder`.
    static func stage(_ folder: URL) throws -> String {
        let index = String(decoding: try Data(contentsOf: folder.appendingPathComponent("index.html")), as: UTF8.self)
        return index.split(separator: "\n").first { $0.contains("class=\"report-stage") }.map(String.init) ?? ""
    }

    @Test("committee sign-off --stage published keeps the report: its pack, with the measure's newest commentary, is built as it stood on the day, --as-of is refused for it; moved back to checked, it is judged afresh")
    func publishedPack() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try warwickshireCommitteeDatabase(in: folder, named: "packs.sqlite").db
        let report = ["--committee", "WARKS-CYP", "--period", "2026/27 Q1", "--db", db]
        func pack(_ name: String, _ extra: [String] = []) throws -> CommandRunner.Result {
            try CommandRunner.run(["pack"] + report + ["--out", folder.appendingPathComponent(name).path, "--no-pdf"] + extra)
        }

        // Commentary as an officer writes it on the site: the newest version is the pack's.
        func comment(_ texts: [String]) async throws {
            let store = try await StoreConnection.open(url: db)
            for text in texts {
                _ = try await store.addCommentary(Commentary(committeeCode: "WARKS-CYP", measureCode: "ReReferral", periodLabel: "2026/27 Q1", text: text, author: "olu"), by: "olu")
            }
            try await store.close()
        }
        try await comment(["First draft.", "Re-referrals fell <b>this</b> quarter.\n\nThe audit of repeat referrals continues."])

        // The report as it stood on 15 August 2026, before and after it is published on that day's terms.
        let livePack = try pack("live", ["--as-of", "2026-08-15"])
        #expect(livePack.status == 0)
        #expect(livePack.standardOutput.contains(". Draft: not published. "), "\(livePack.standardOutput)")
        let commented = try #require(try Self.files(folder.appendingPathComponent("live"))["/measures/ReReferral.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(commented.contains("<p>Re-referrals fell &lt;b&gt;this&lt;/b&gt; quarter.</p><p>The audit of repeat referrals continues.</p>"), "the newest commentary, escaped, a paragraph each")
        #expect(!commented.contains("First draft.") && !commented.contains("No commentary was given."))
        // A draft is not published: draft, then checked, then published (R15).
        let unchecked = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "published", "--as-of", "2026-08-15", "--user", "wren"])
        #expect(unchecked.status == 65)
        #expect(unchecked.standardError == "the report of committee WARKS-CYP for 2026/27 Q1 is a draft, and a report is published only once it has been checked (expected it moved to checked first, then published); nothing was written\n")
        #expect(try CommandRunner.run(["committee", "snapshots"] + report).standardOutput.isEmpty, "no snapshot")
        let ready = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "checked", "--user", "wren"])
        #expect(ready.status == 0)
        // Checked, ready to publish: told beforehand what publishing will tell (found by exploratory re-testing).
        #expect(ready.standardOutput.hasPrefix("Marked the report of WARKS-CYP for 2026/27 Q1 checked.\n5 measures are not on track with no commentary"), "\(ready.standardOutput)")
        let published = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "published", "--as-of", "2026-08-15", "--user", "wren"])
        #expect(published.status == 0, "\(published.standardError)")
        // The measures not on track that the test's database has no commentary on are named (PRODUCT.md R9),
        // with one not due a new figure whose last was not on track.
        let uncommented = """
            5 measures are not on track with no commentary to say why and what is being done:
              Under18concep: Under 18 Conception rates
              WARKS_CPP_REPEAT2Y: Children becoming subject to a second child protection plan within two years (%)
              WARKS_MISS_RHI: Children missing from home offered a return home interview within 72 hours (%)
              %_2yr_olds: Percentage of 2 year old children benefitting from funded early education
              SEN_EHC_Excpt_20wks: New EHC plans issued within 20 weeks - excluding exceptions (not due a new figure; the last, for 2024, was not on track)

            """
        #expect(published.standardOutput == "Published the report of WARKS-CYP for 2026/27 Q1, as it stands judged as on 2026-08-15 (snapshot 1).\n" + uncommented)
        try await comment(["Written after publication: 2 children were referred again."])
        let asPublished = try pack("published")
        #expect(asPublished.status == 0, "\(asPublished.standardError)")
        let live = try Self.files(folder.appendingPathComponent("live"))
        #expect(live.count > 20)
        #expect(Self.content(try Self.files(folder.appendingPathComponent("published"))) == Self.content(live), "the published pack is the report as judged on the day")
        // Each says where it stood (PRODUCT.md R15): every page of the draft says so, in its title and header.
        let liveSummary = String(decoding: try #require(live["/index.html"]), as: UTF8.self)
        #expect(liveSummary.contains("<title>Draft, not published – Children and Young People"), "\(liveSummary.prefix(400))")
        #expect(try Self.stage(folder.appendingPathComponent("live")) == #"<p class="report-stage stage-draft"><strong>Draft: not published.</strong> Its figures, judgements and commentary may change before it is published.</p>"#)
        for (path, page) in live where path.hasSuffix(".html") {
            #expect(String(decoding: page, as: UTF8.self).contains(#"<p class="pack-header-stage stage-draft"><strong>Draft: not published</strong></p>"#), "\(path)")
        }
        #expect(String(decoding: try #require(live["/pack.css"]), as: UTF8.self).contains(#"@top-left { content: "Draft, not published · Children and Young People"#), "every printed page")
        let publishedFolder = folder.appendingPathComponent("published")
        let publishedStage = try Self.stage(publishedFolder)
        #expect(publishedStage.hasPrefix(#"<p class="report-stage stage-published"><strong>Published.</strong> wren published it on "# + CalendarDate.todayUTC.displayText), "\(publishedStage)")
        #expect(publishedStage.hasSuffix("Its figures, judgements and commentary are as they stood when it was published, judged as on 15 Aug 2026; later data does not change them.</p>"))
        #expect(!String(decoding: try Data(contentsOf: publishedFolder.appendingPathComponent("index.html")), as: UTF8.self).contains("<title>Draft"))
        // The public's pack says when, not who: a sign-in name shown to anyone would let anyone hold its sign-in back.
        #expect(try pack("published-public", ["--audience", "public"]).status == 0)
        let publicStage = try Self.stage(folder.appendingPathComponent("published-public"))
        #expect(publicStage.hasPrefix(#"<p class="report-stage stage-published"><strong>Published.</strong> It was published on "# + CalendarDate.todayUTC.displayText), "\(publicStage)")
        for (path, file) in try Self.files(folder.appendingPathComponent("published-public")) where !path.hasSuffix(".xlsx") && !path.hasSuffix(".pdf") {
            #expect(!String(decoding: file, as: UTF8.self).contains("wren"), "\(path)")
        }

        // A report of a quarter that has not begun by the day given cannot be signed off.
        let early = try CommandRunner.run(["committee", "sign-off", "--committee", "WARKS-CYP", "--period", "2026/27 Q3", "--db", db, "--stage", "published", "--as-of", "2026-09-30"])
        #expect(early.status == 65)
        #expect(early.standardError == "the report of committee WARKS-CYP for 2026/27 Q3 cannot be signed off on 2026-09-30, before its period begins (expected a reporting period that has begun); nothing was written\n")

        // Nor judged as on a day to come, which would freeze judgements of that day into the report.
        let future = try CommandRunner.run(["committee", "sign-off", "--committee", "WARKS-CYP", "--period", "2026/27 Q3", "--db", db, "--stage", "published", "--as-of", "2099-09-01"])
        #expect(future.status == 64)
        #expect(future.standardError.contains("--as-of 2099-09-01 is after today"), "\(future.standardError)")
        #expect(try pack("future", ["--as-of", "2099-09-01"]).status == 64)

        // Published again without being moved back: refused, the report stays as the committee read it.
        let twice = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "published", "--as-of", "2026-09-30", "--user", "wren"])
        #expect(twice.status == 65)
        #expect(twice.standardError == "the report of committee WARKS-CYP for 2026/27 Q1 is already published, and stays as the committee read it (expected it moved back to checked first, to publish it again); nothing was written\n")
        #expect(try CommandRunner.run(["committee", "snapshots"] + report).standardOutput.split(separator: "\n").count == 1, "one snapshot still")

        let reJudged = try pack("rejudged", ["--as-of", "2026-09-30"])
        #expect(reJudged.status == 64)
        #expect(reJudged.standardError == "--as-of: the report of WARKS-CYP for 2026/27 Q1 is published, judged as on 2026-08-15, and its pack is built as it stood then (expected no --as-of for a published report)\n")

        let checked = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "checked", "--user", "wren"])
        #expect(checked.standardOutput.hasPrefix("Marked the report of WARKS-CYP for 2026/27 Q1 checked.\n"), "\(checked.standardOutput)")
        #expect(checked.standardOutput.contains(
            "Once published, the public will read one small count of children in the text as \"a small number of\" them:\n  commentary on ReReferral: \"2 children\"\n"
        ), "\(checked.standardOutput)")
        // Saved again as it stands: nothing written, and the stage stays wren's.
        let auditLines = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput
        let unchanged = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "checked", "--user", "ash"])
        #expect(unchanged.status == 0)
        #expect(unchanged.standardOutput.hasPrefix("The report of WARKS-CYP for 2026/27 Q1 is already checked, marked by wren at 20"), "\(unchanged.standardOutput)")
        #expect(unchanged.standardOutput.contains("; nothing changed.\n"))
        #expect(try CommandRunner.run(["export", "audit", "--db", db]).standardOutput == auditLines, "no audit row")
        #expect(try pack("checked", ["--as-of", "2026-09-30"]).status == 0)
        let checkedFiles = try Self.files(folder.appendingPathComponent("checked"))
        #expect(try Self.stage(folder.appendingPathComponent("checked")).hasPrefix(#"<p class="report-stage stage-checked"><strong>Checked: not yet published.</strong> Marked checked by wren on "#))
        #expect(checkedFiles != live, "a report that is not published is judged as on the day asked")
        #expect(checkedFiles["/measures/ReReferral.html"].map { String(decoding: $0, as: UTF8.self).contains("<p>Written after publication: 2 children were referred again.</p>") } == true, "members read it as written")

        let audit = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput
        #expect(audit.contains("mark report WARKS-CYP 2026/27 Q1 published (snapshot 1)"))
        #expect(audit.contains("mark report WARKS-CYP 2026/27 Q1 checked"))
        let misplaced = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "checked", "--as-of", "2026-08-15"])
        #expect(misplaced.status == 64)

        // Published again, judged as on 30 September: the first publication can still be reproduced.
        let again = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "published", "--as-of", "2026-09-30", "--user", "ash"])
        #expect(again.standardOutput == """
            Published the report of WARKS-CYP for 2026/27 Q1, as it stands judged as on 2026-09-30 (snapshot 2).
            The public reads one small count of children in the text as "a small number of" them:
              commentary on ReReferral: "2 children"

            """ + uncommented)
        let publicPack = try pack("public", ["--audience", "public"])
        #expect(publicPack.status == 0, "\(publicPack.standardError)")
        let publicPage = try #require(try Self.files(folder.appendingPathComponent("public"))["/measures/ReReferral.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(publicPage.contains("<p>Written after publication: a small number of children were referred again.</p>"))
        let listed = try CommandRunner.run(["committee", "snapshots"] + report).standardOutput.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(listed.map { [$0[0], $0[2]] } == [["1", "wren"], ["2", "ash"]])
        #expect(listed.allSatisfy { $0.count == 3 && $0[1].count == 20 && $0[1].hasSuffix("Z") }, "\(listed)")
        #expect(try pack("first", ["--snapshot", "1"]).status == 0)
        #expect(Self.content(try Self.files(folder.appendingPathComponent("first"))) == Self.content(live), "snapshot 1 is the report as the committee first read it")
        let first = try Self.stage(folder.appendingPathComponent("first"))
        #expect(first.hasPrefix(#"<p class="report-stage stage-earlier"><strong>An earlier publication.</strong> You are reading publication 1 of 2, by wren on "# + CalendarDate.todayUTC.displayText), "\(first)")
        #expect(first.contains("its figures, judgements and commentary are as they stood then, judged as on 15 Aug 2026; later publications and data do not change them."))
        #expect(first.contains(" The report itself was last marked published by ash on \(CalendarDate.todayUTC.displayText) at "), "\(first)")
        #expect(try pack("newest").status == 0)
        // An earlier pack in the folder is replaced, a file it no longer has included.
        try Data("old".utf8).write(to: folder.appendingPathComponent("newest/measures/Removed.html"))
        #expect(try pack("newest").status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("newest/measures/Removed.html").path))
        #expect(try pack("second", ["--snapshot", "2"]).status == 0)
        let newest = try Self.files(folder.appendingPathComponent("newest"))
        let second = try Self.files(folder.appendingPathComponent("second"))
        #expect(Self.content(newest) == Self.content(checkedFiles) && newest == second, "the newest publication, as judged on 30 September")
        #expect(try Self.stage(folder.appendingPathComponent("newest")).contains("It has been published 2 times; this is the newest, and each earlier publication is kept as it stood."))
        let refusals: [([String], Int32, String)] = [
            (["--snapshot", "3"], 65, "--snapshot: the report of WARKS-CYP for 2026/27 Q1 has no snapshot 3 (expected a snapshot from 1 to 2)\n"),
            (["--snapshot", "0"], 64, "--snapshot: 0 is not a publication (expected 1 for the report's first, 2 for its second…)"),
            (["--snapshot", "1", "--as-of", "2026-08-15"], 64, "--as-of: a snapshot is judged as on the day it was published (expected --snapshot or --as-of, not both)"),
        ]
        for (extra, status, message) in refusals {
            let refused = try pack("refused", extra)
            #expect(refused.status == status && refused.standardError.contains(message), "\(extra): \(refused.standardError)")
        }
        let never = try CommandRunner.run(["pack", "--committee", "WARKS-CYP", "--period", "2026/27 Q2", "--db", db, "--out", folder.appendingPathComponent("q2").path, "--snapshot", "1"])
        #expect(never.status == 65 && never.standardError == "--snapshot: the report of WARKS-CYP for 2026/27 Q2 has no snapshot 1 (expected no --snapshot: it was never published)\n")
        #expect(try CommandRunner.run(["committee", "snapshots", "--committee", "WARKS-CYP", "--period", "2026/27 Q2", "--db", db]).standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("refused").path), "a refused pack writes nothing")
    }

    @Test("a report published as on an earlier day lists only the revisions published by then, as its figures are (found by exploratory re-testing)")
    func backDatedPublicationRevisions() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try warwickshireCommitteeDatabase(in: folder, named: "backdated.sqlite").db
        // Health visitor reviews 2025/26 Q4: 85.2 (25 Apr 2026), corrected to 85.6 (9 May), then to 85.9 (20 May).
        let corrections = CommitteeCommandTests.demoData.appendingPathComponent("local/warwickshire-corrections.csv").path
        #expect(try CommandRunner.run(["import", "local", corrections, "--db", db]).status == 0)
        let later = folder.appendingPathComponent("later.csv")
        try Data("measure_code,area_code,period,value,numerator,denominator,published,next_update_due\nWARKS_HV_68WK,E10000031,2025/26 Q4,85.9,1094,1274,2026-05-20,2026-07-25\n".utf8).write(to: later)
        #expect(try CommandRunner.run(["import", "local", later.path, "--db", db]).status == 0)
        let report = ["--committee", "WARKS-CYP", "--period", "2025/26 Q4", "--db", db]
        #expect(try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "checked"]).status == 0)
        let published = try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "published", "--as-of", "2026-05-15"])
        #expect(published.status == 0, "\(published.standardError)")
        #expect(try CommandRunner.run(["pack"] + report + ["--out", folder.appendingPathComponent("q4").path, "--no-pdf"]).status == 0)
        let files = try Self.files(folder.appendingPathComponent("q4")).mapValues { String(decoding: $0, as: UTF8.self) }
        let row = try #require(files["/data/measures.csv"]?.split(separator: "\n").first { $0.contains(",WARKS_HV_68WK,") })
        #expect(row.contains(",2025/26 Q4,85.6,"), "\(row)")
        let revisions = try #require(files["/data/revisions.csv"])
        #expect(revisions.contains("WARKS_HV_68WK,") && revisions.contains(",85.2,") && revisions.contains(",85.6,"), "\(revisions)")
        #expect(!revisions.contains(",85.9,"), "the correction published on 20 May is after the report's day: \(revisions)")
    }

    @Test("a figure revised after a report was published: the published pack reads as before, a later report's pack lists the revision on the measure's page and in print, for the public too")
    func revisedFigures() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try warwickshireCommitteeDatabase(in: folder, named: "revised.sqlite").db
        func pack(_ name: String, period: String, _ extra: [String] = []) throws -> [String: String] {
            let result = try CommandRunner.run(
                ["pack", "--committee", "WARKS-CYP", "--period", period, "--db", db, "--out", folder.appendingPathComponent(name).path, "--no-pdf"] + extra
            )
            #expect(result.status == 0, "\(result.standardError)")
            return try Self.files(folder.appendingPathComponent(name)).mapValues { String(decoding: $0, as: UTF8.self) }
        }
        #expect(try CommandRunner.run(["committee", "sign-off", "--committee", "WARKS-CYP", "--period", "2026/27 Q1", "--db", db, "--stage", "checked"]).status == 0)
        let published = try CommandRunner.run(["committee", "sign-off", "--committee", "WARKS-CYP", "--period", "2026/27 Q1", "--db", db, "--stage", "published", "--as-of", "2026-08-15"])
        #expect(published.status == 0, "\(published.standardError)")
        let before = try pack("before", period: "2026/27 Q1")
        #expect(!before.values.contains { $0.contains("Revised figures") }, "no figure had been revised when the report was published")

        #expect(before["/data/revisions.csv"] == nil, "no revisions.csv when no figure was revised")

        // The demo's corrections of health visitor reviews, 2025/26 Q4 (85.2% → 85.6%), and early help
        // assessments, 2025/26 Q2 (88.7% → 89.0%), imported after the publication, perhaps in the
        // same second: the publication's audit entry, not its time, says which came first.
        let corrections = CommitteeCommandTests.demoData.appendingPathComponent("local/warwickshire-corrections.csv").path
        let corrected = try CommandRunner.run(["import", "local", corrections, "--db", db])
        #expect(corrected.status == 0, "\(corrected.standardError)")

        #expect(try pack("published", period: "2026/27 Q1") == before, "the published pack is the report as it stood on the day")
        let year = try pack("2025-26", period: "2025/26 Q3")
        #expect(year["/measures/WARKS_EH_ASSESS45.html"]?.contains("Revised figures") == true && year["/measures/WARKS_HV_68WK.html"]?.contains("Revised figures") == false,
                "a report lists the revisions of the figures it could show, not of a later period's")
        for audience in ["member", "public"] {
            let q2 = try pack("q2-\(audience)", period: "2026/27 Q2", ["--audience", audience])
            let page = try #require(q2["/measures/WARKS_HV_68WK.html"])
            #expect(page.contains(#"<h2 id="m-WARKS_HV_68WK-revisions">Revised figures</h2>"#), "\(audience)")
            #expect(page.contains("Warwickshire&#39;s figures for this measure have been revised once since they were first imported, most recently on "))
            #expect(page.contains(#"<table id="m-WARKS_HV_68WK-revisions-table""#))
            #expect(page.contains(#"<td><span class="line">85.2%</span></td><td><span class="line">85.6%</span></td>"#))
            #expect(page.contains("<td><span class=\"line\">warwickshire-observations.csv</span></td><td><span class=\"line\">warwickshire-corrections.csv</span></td>"))
            let printed = try #require(q2["/print.html"])
            #expect(printed.contains(#"<h3 id="m-WARKS_HV_68WK-revisions">Revised figures</h3>"#), "in print, a section of the measure")
            #expect(try #require(q2["/measures/WARKS_EH_ASSESS45.html"]).contains(#"<td><span class="line">88.7%</span></td><td><span class="line">89.0%</span></td>"#))
            // revisions.csv: a row per revision, measures in the report's order (WARKS_HV_68WK is in
            // the Health theme, before Early Help's WARKS_EH_ASSESS45).
            let data = try #require(q2["/data/revisions.csv"], "\(audience)")
            let rows = data.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.first == ["Code", "Measure", "Period", "Breakdown", "Was", "Was symbol", "Became", "Became symbol", "Revised at", "Was from", "Became from"])
            #expect(rows.dropFirst().map { [$0[0], $0[2], $0[4], $0[6], $0[9], $0[10]] } == [
                ["WARKS_HV_68WK", "2025/26 Q4", "85.2", "85.6", "warwickshire-observations.csv", "warwickshire-corrections.csv"],
                ["WARKS_EH_ASSESS45", "2025/26 Q2", "88.7", "89.0", "warwickshire-observations.csv", "warwickshire-corrections.csv"],
            ])
            #expect(try #require(q2["/index.html"]).contains(#"<a href="data/revisions.csv">"#), "the summary links it")
            let revised: Set = ["/measures/WARKS_HV_68WK.html", "/measures/WARKS_EH_ASSESS45.html"]
            let unrevised = q2.filter { $0.key.hasPrefix("/measures/") && !revised.contains($0.key) }
            #expect(unrevised.count > 10 && !unrevised.values.contains { $0.contains("Revised figures") }, "a measure whose figures were not revised has no section")
        }
        // A draft judged as on a day between the figure's publication (25 Apr 2026) and its
        // correction's (9 May 2026) shows the figure as it then stood, current, and no revision;
        // judged after the correction, the corrected figure and its revision (found by exploratory testing).
        for (day, figure, revised) in [("2026-04-30", "85.2", false), ("2026-05-20", "85.6", true)] {
            let q4 = try pack("q4-\(day)", period: "2025/26 Q4", ["--as-of", day])
            let row = try #require(q4["/data/measures.csv"]?.split(separator: "\n").first { $0.contains(",WARKS_HV_68WK,") }, "\(day)")
            #expect(row.contains(",2025/26 Q4,\(figure),"), "\(day): \(row)")
            #expect(row.contains(",Current,"), "\(day): \(row)")
            #expect(q4["/measures/WARKS_HV_68WK.html"]?.contains("Revised figures") == revised, "\(day)")
        }
    }
}
