import Foundation
import ScrutineerCore
import Testing

/// `scrutineer committee request`, as a clerk or analyst runs it (PRODUCT.md R12): requests from
/// the minutes are recorded, delivered and closed; refusals name the field and write nothing; the
/// pack lists them, and a published pack keeps them as they stood.
@Suite("scrutineer committee request")
struct RequestCommandTests {
    @Test("add, deliver, list, pack, publish and close, end to end; refusals exit 65 naming the field, with the database byte for byte as it was")
    func requestsEndToEnd() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (file, db) = try warwickshireCommitteeDatabase(in: folder, named: "requests.sqlite")
        func request(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(["committee", "request"] + arguments + ["--committee", "WARKS-CYP", "--db", db])
        }

        // Two requests modelled on Warwickshire's minutes (shared/seeds): a briefing note, and a
        // breakdown of permanent exclusions for every report.
        let note = try request([
            "add", "--raised-on", "2026-06-10", "--request", "A briefing note to outline the work that was going on.",
            "--asked-by", "Councillor Kam Kaur", "--provided-by", "Becky Hale", "--due-by", "2026-07-31", "--user", "clerk",
        ])
        #expect(note.status == 0, "\(note.standardError)")
        #expect(note.standardOutput == "Recorded request 1 of WARKS-CYP.\n")
        let breakdown = try request([
            "add", "--raised-on", "2026-06-10", "--request", "A breakdown of permanent exclusions of children with SEND, by gender and ethnicity.",
            "--every-report", "--measure", "TotPermEx", "--provided-by", "Carol Cammiss", "--user", "clerk",
        ])
        #expect(breakdown.standardOutput == "Recorded request 2 of WARKS-CYP.\n", "\(breakdown.standardError)")

        // Refused: each names what was wrong and leaves the database as it was.
        let before = try Data(contentsOf: file)
        let refusals: [([String], Int32, String)] = [
            (["add", "--raised-on", "2026-06-10", "--request", "More.", "--measure", "NotOurs"], 65,
             "--measure: NotOurs is not one of WARKS-CYP's measures (expected one of: Under18concep, "),
            (["add", "--raised-on", "2026-06-10", "--request", "More.", "--due-by", "2026-06-01"], 65,
             "due-by: 2026-06-01 is before the meeting that asked (2026-06-10) (expected a day on or after 2026-06-10); nothing was written\n"),
            (["add", "--raised-on", "10/06/2026", "--request", "More."], 64, "--raised-on 10/06/2026 is not a date (expected YYYY-MM-DD)"),
            (["deliver", "--number", "2", "--on", "2026-08-05", "--note", "Appendix B."], 65,
             "period: request 2 of WARKS-CYP is asked for every report (expected the report it was provided for, such as 2026/27 Q1); nothing was written\n"),
            (["deliver", "--number", "7", "--on", "2026-08-05", "--note", "Sent."], 65,
             "number: committee WARKS-CYP has no request 7 (expected a number that scrutineer committee request list shows); nothing was written\n"),
            (["deliver", "--number", "2", "--on", "2026-08-05", "--note", "Sent.", "--period", "2026/27 Q5"], 64, "--period: \"2026/27 Q5\" is not a reporting period"),
            // The minutes record what was asked and answered, so a day to come is refused.
            (["add", "--raised-on", "2099-09-16", "--request", "More."], 65, "raised-on: 2099-09-16 is after today (\(CalendarDate.todayUTC.iso)) (expected a day that has come, on or before \(CalendarDate.todayUTC.iso)); nothing was written\n"),
            (["deliver", "--number", "2", "--period", "2026/27 Q1", "--on", "2099-01-01", "--note", "Sent."], 65, "on: 2099-01-01 is after today"),
            (["close", "--number", "2", "--on", "2099-01-01", "--reason", "Done."], 65, "on: 2099-01-01 is after today"),
            // Every problem at once, a line each.
            (["add", "--raised-on", "2099-09-16", "--request", " ", "--measure", "NotOurs", "--due-by", "2020-01-01"], 65,
             "raised-on: 2099-09-16 is after today (\(CalendarDate.todayUTC.iso)) (expected a day that has come, on or before \(CalendarDate.todayUTC.iso))\n"
                + "--measure: NotOurs is not one of WARKS-CYP's measures (expected one of: "),
            (["add", "--raised-on", "2099-09-16", "--request", " ", "--measure", "NotOurs", "--due-by", "2020-01-01"], 65,
             "\nrequest: empty (expected what the committee asked for, in the minutes' words)\ndue-by: 2020-01-01 is before the meeting that asked (2099-09-16) (expected a day on or after 2099-09-16); nothing was written\n"),
            (["deliver", "--number", "2", "--period", "2026/27 Q1", "--on", "2099-01-01", "--note", ""], 65,
             "on: 2099-01-01 is after today (\(CalendarDate.todayUTC.iso)) (expected a day that has come, on or before \(CalendarDate.todayUTC.iso))\nnote: empty (expected what was delivered and where members can find it); nothing was written\n"),
            (["close", "--number", "2", "--on", "2099-01-01", "--reason", ""], 65,
             "\nreason: empty (expected why the request is closed, such as the committee's decision); nothing was written\n"),
        ]
        for (arguments, status, message) in refusals {
            let refused = try request(arguments)
            #expect(refused.status == status, "\(arguments): \(refused.standardError)")
            #expect(refused.standardError.hasPrefix(message) || refused.standardError.contains(message), "\(arguments): \(refused.standardError)")
        }
        #expect(try Data(contentsOf: file) == before)

        let delivered = try request(["deliver", "--number", "2", "--period", "2026/27 Q1", "--on", "2026-08-05", "--note", "Table in appendix B.", "--user", "carol"])
        #expect(delivered.standardOutput == "Recorded the delivery of request 2 of WARKS-CYP for 2026/27 Q1.\n", "\(delivered.standardError)")
        #expect(try request(["list"]).standardOutput == """
            1\tonce\topen\t2026-06-10\tA briefing note to outline the work that was going on.
            2\tevery-report\topen\t2026-06-10\tA breakdown of permanent exclusions of children with SEND, by gender and ethnicity.

            """)
        #expect(try request(["list", "--period", "2026/27 Q1", "--as-of", "2026-08-15"]).standardOutput.split(separator: "\n").map { $0.split(separator: "\t")[2] } == ["overdue", "provided"])
        #expect(try request(["list", "--period", "2026/27 Q2", "--as-of", "2026-11-10"]).standardOutput.split(separator: "\n").map { $0.split(separator: "\t")[2] } == ["overdue", "due"])

        // The pack lists them after the themes, as they stand on its day.
        let report = ["--committee", "WARKS-CYP", "--period", "2026/27 Q1", "--db", db]
        let packed = try CommandRunner.run(["pack"] + report + ["--out", folder.appendingPathComponent("live").path, "--no-pdf", "--as-of", "2026-08-15"])
        #expect(packed.status == 0, "\(packed.standardError)")
        let index = try String(contentsOf: folder.appendingPathComponent("live/index.html"), encoding: .utf8)
        for text in [
            "<h2 id=\"requests\">Requests from the committee</h2>",
            "2 requests are listed: those open on 15 Aug 2026 and those answered during 2026/27 Q1 or since; 1 still needs an answer for this report (1 overdue).",
            "1. A briefing note to outline the work that was going on.", "Asked by Councillor Kam Kaur on 10 Jun 2026", "Overdue: promised by 31 Jul 2026",
            "Asked on 10 Jun 2026; for every report", "<a href=\"measures/TotPermEx.html\">About: ", "Provided for 2026/27 Q1 on 5 Aug 2026", "Table in appendix B.",
        ] {
            #expect(index.contains(text), "\(text)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("live/print.html"), encoding: .utf8).contains("Requests from the committee"))

        // Published, then the briefing note delivered: the published pack still shows it as the committee read it.
        #expect(try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "checked"]).status == 0)
        #expect(try CommandRunner.run(["committee", "sign-off"] + report + ["--stage", "published", "--as-of", "2026-08-15"]).status == 0)
        #expect(try request(["deliver", "--number", "1", "--on", "2026-08-20", "--note", "Emailed to members."]).status == 0)
        #expect(try CommandRunner.run(["pack"] + report + ["--out", folder.appendingPathComponent("published").path, "--no-pdf"]).status == 0)
        // The same report, apart from where it stands in sign-off, which every page says.
        #expect(PackCommandTests.content(try PackCommandTests.files(folder.appendingPathComponent("published"))) == PackCommandTests.content(try PackCommandTests.files(folder.appendingPathComponent("live"))))
        #expect(try request(["list", "--period", "2026/27 Q2", "--as-of", "2026-11-10"]).standardOutput.split(separator: "\n").map { $0.split(separator: "\t")[2] } == ["delivered", "due"])
        // The published report's list is the one it was published with, as its pack's.
        #expect(try request(["list", "--period", "2026/27 Q1"]).standardOutput.split(separator: "\n").map { $0.split(separator: "\t")[2] } == ["overdue", "provided"])
        let rejudged = try request(["list", "--period", "2026/27 Q1", "--as-of", "2026-09-01"])
        #expect(rejudged.status == 64 && rejudged.standardError.contains("is published, judged as on 2026-08-15, and lists its requests as they stood then"), "\(rejudged.standardError)")

        let closed = try request(["close", "--number", "2", "--on", "2026-11-20", "--reason", "The committee agreed the termly dashboard now shows it."])
        #expect(closed.standardOutput == "Closed request 2 of WARKS-CYP.\n", "\(closed.standardError)")
        #expect(try request(["list"]).standardOutput.split(separator: "\n").map { $0.split(separator: "\t")[2] } == ["delivered", "closed"])
        let audit = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput
        for action in ["record request WARKS-CYP 1", "record request WARKS-CYP 2", "record delivery of request WARKS-CYP 2 for 2026/27 Q1", "record delivery of request WARKS-CYP 1", "close request WARKS-CYP 2"] {
            #expect(audit.contains(action), "\(action)")
        }
    }

    @Test("amend moves the promised day and names someone else to provide it; the request is then listed as open, not overdue; refusals exit 64 or 65 and write nothing; the audit keeps what it was")
    func amend() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (file, db) = try warwickshireCommitteeDatabase(in: folder, named: "amend.sqlite")
        func request(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(["committee", "request"] + arguments + ["--committee", "WARKS-CYP", "--db", db])
        }
        #expect(try request([
            "add", "--raised-on", "2026-06-10", "--request", "A briefing note to outline the work that was going on.",
            "--provided-by", "Becky Hale", "--due-by", "2026-07-31", "--user", "clerk",
        ]).status == 0)
        func standing() throws -> String {
            String(try request(["list", "--period", "2026/27 Q1", "--as-of", "2026-08-15"]).standardOutput.split(separator: "\t")[2])
        }
        #expect(try standing() == "overdue")

        let before = try Data(contentsOf: file)
        let refusals: [([String], Int32, String)] = [
            (["amend", "--number", "1"], 64, "nothing to change (expected at least one of --request, --asked-by, --provided-by, --due-by, --no-due-by)"),
            (["amend", "--number", "1", "--due-by", "2026-09-30", "--no-due-by"], 64, "--no-due-by: a request has one promised day or none"),
            (["amend", "--number", "1", "--due-by", "2026-06-01"], 65,
             "due-by: 2026-06-01 is before the meeting that asked (2026-06-10) (expected a day on or after 2026-06-10); nothing was written\n"),
            (["amend", "--number", "1", "--provided-by", "Becky Hale"], 65,
             "number: the amendment changes nothing in request 1 of WARKS-CYP (expected a new wording, asker, provider or promised day); nothing was written\n"),
            (["amend", "--number", "4", "--no-due-by"], 65, "number: committee WARKS-CYP has no request 4"),
        ]
        for (arguments, status, message) in refusals {
            let refused = try request(arguments)
            #expect(refused.status == status, "\(arguments): \(refused.standardError)")
            #expect(refused.standardError.contains(message), "\(arguments): \(refused.standardError)")
        }
        #expect(try Data(contentsOf: file) == before)

        let amended = try request(["amend", "--number", "1", "--due-by", "2026-09-30", "--provided-by", "John Coleman", "--user", "clerk"])
        #expect(amended.status == 0, "\(amended.standardError)")
        #expect(amended.standardOutput == "Amended request 1 of WARKS-CYP, now due by 2026-09-30 (first promised by 2026-07-31).\n")
        #expect(try standing() == "open", "due by 30 September now, so not overdue on 15 August")
        let audit = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput
        #expect(audit.contains(#"clerk,"amend request WARKS-CYP 1: provided by ""Becky Hale"" → ""John Coleman""; due by 2026-07-31 → 2026-09-30""#), "\(audit)")
    }
}
