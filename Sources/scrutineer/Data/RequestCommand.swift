import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerStorage

/// `scrutineer committee request add|amend|deliver|close|list`: what a committee asked for at its
/// meetings, tracked until it is delivered (PRODUCT.md R12). Every change is audited.
struct RequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Track what a committee asked for until it is delivered: briefing notes, reports, a breakdown for every report.",
        discussion: """
        Each report lists the committee's requests that were open on its day and those delivered or \
        closed since its period began; a request for every report is listed in each one for a period ending after the meeting that asked, due or \
        provided, until it is closed.
        """,
        subcommands: [Add.self, Amend.self, Deliver.self, Close.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a request from the minutes; prints its number.")

        @OptionGroup var committee: CommitteeOption

        @Option(name: .customLong("raised-on"), help: "The day of the meeting that asked (YYYY-MM-DD).")
        var raisedOn: String

        @Option(help: "What was asked for, in the minutes' words.")
        var request: String

        @Option(name: .customLong("asked-by"), help: "Who asked, e.g. \"Councillor Kam Kaur\" (default: the committee).")
        var askedBy: String = ""

        @Option(name: .customLong("provided-by"), help: "Who agreed to provide it.")
        var providedBy: String = ""

        @Option(name: .customLong("due-by"), help: "The day it was promised for (YYYY-MM-DD).")
        var dueBy: String?

        @Flag(name: .customLong("every-report"), help: "Asked for every report (a recurring breakdown), not once.")
        var everyReport = false

        @Option(help: "The committee measure it is about, if any.")
        var measure: String?

        @OptionGroup var database: DatabaseOption
        @OptionGroup var user: AuditUserOption

        func run() async throws {
            let raised = try CommitteeOption.date(raisedOn, flag: "--raised-on")
            let due = try dueBy.map { try CommitteeOption.date($0, flag: "--due-by") }
            var stored: CommitteeRequest?
            try await withStore(database, existing: true) { store in
                let definition = try await committee.definition(in: store)
                let asked = CommitteeRequest(
                    committeeCode: definition.committee.code, raisedOn: raised, request: request, askedBy: askedBy, providedBy: providedBy, dueBy: due,
                    recurrence: everyReport ? .everyReport : .once, measureCode: measure, recordedBy: user.user
                )
                // Every problem at once: the meeting's day, the measure, then the request's own fields.
                var problems: [CommitteeRequestError] = []
                do throws(CommitteeRequestError) { try CommitteeRequest.checkHasCome(raised, field: "raised-on", today: .todayUTC) } catch { problems.append(error) }
                if let measure, !definition.committee.measureCodes.contains(measure) {
                    problems.append(CommitteeRequestError(
                        field: "--measure", problem: "\(measure) is not one of \(definition.committee.code)'s measures",
                        expected: "one of: \(definition.committee.measureCodes.joined(separator: ", "))"
                    ))
                }
                do throws(CommitteeRequestError) { _ = try asked.validated() } catch { problems.append(error) }
                if let refusal = CommitteeRequestError(problems) { throw StoreError.requestRefused(refusal) }
                stored = try await store.addRequest(asked, by: user.user)
            }
            if let stored { print("Recorded request \(stored.number) of \(stored.committeeCode).") }
        }
    }

    struct Amend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a request not yet answered: its wording, who asked, who provides it, or the day it is promised for.",
            discussion: """
                Give only what changes. The audit trail keeps what each was (scrutineer export audit); a published report keeps the request as it stood. \
                When the promised day moves, the day first promised is kept, and reports show it beside the day now promised.
                """
        )

        @OptionGroup var committee: CommitteeOption

        @Option(help: "The request's number (scrutineer committee request list shows them).")
        var number: Int

        @Option(help: "What was asked for, in the minutes' words, as now agreed.")
        var request: String?

        @Option(name: .customLong("asked-by"), help: "Who asked (an empty value: the committee).")
        var askedBy: String?

        @Option(name: .customLong("provided-by"), help: "Who now provides it.")
        var providedBy: String?

        @Option(name: .customLong("due-by"), help: "The day it is now promised for (YYYY-MM-DD).")
        var dueBy: String?

        @Flag(name: .customLong("no-due-by"), help: "No day is promised now.")
        var noDueBy = false

        @OptionGroup var database: DatabaseOption
        @OptionGroup var user: AuditUserOption

        func validate() throws {
            if dueBy != nil, noDueBy { throw ValidationError("--no-due-by: a request has one promised day or none (expected --due-by or --no-due-by, not both)") }
            if request == nil, askedBy == nil, providedBy == nil, dueBy == nil, !noDueBy {
                throw ValidationError("nothing to change (expected at least one of --request, --asked-by, --provided-by, --due-by, --no-due-by)")
            }
        }

        func run() async throws {
            let due: CommitteeRequest.Amendment.DueBy = try dueBy.map { .on(try CommitteeOption.date($0, flag: "--due-by")) } ?? (noDueBy ? .none : .unchanged)
            let amendment = CommitteeRequest.Amendment(request: request, askedBy: askedBy, providedBy: providedBy, dueBy: due)
            var amended: CommitteeRequest?
            try await withStore(database, existing: true) { store in
                let code = try await committee.definition(in: store).committee.code
                amended = try await store.amendRequest(committeeCode: code, number: number, amendment, by: user.user)
            }
            if let amended {
                print("Amended request \(amended.number) of \(amended.committeeCode)" + (amended.dueBy.map { ", now due by \($0.iso)" } ?? "")
                    + (amended.firstDueBy.map { " (first promised by \($0.iso))" } ?? "") + ".")
            }
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a request was delivered; for a request for every report, name the report with --period."
        )

        @OptionGroup var committee: CommitteeOption

        @Option(help: "The request's number (scrutineer committee request list shows them).")
        var number: Int

        @Option(help: "The day it was delivered (YYYY-MM-DD).")
        var on: String

        @Option(help: "What was delivered and where members can find it.")
        var note: String

        @Option(help: "For a request for every report: the report it was provided for, e.g. 2026/27 Q1.")
        var period: String?

        @OptionGroup var database: DatabaseOption
        @OptionGroup var user: AuditUserOption

        func run() async throws {
            let day = try CommitteeOption.date(on, flag: "--on")
            let report = try period.map { try ReportOptions.reportingPeriod($0).label }
            try await withStore(database, existing: true) { store in
                try refuseAnswerProblems(day: day, text: note, textField: "note")
                let code = try await committee.definition(in: store).committee.code
                _ = try await store.deliverRequest(
                    committeeCode: code, number: number, .init(periodLabel: report, deliveredOn: day, note: note, recordedBy: user.user), by: user.user
                )
            }
            print("Recorded the delivery of request \(number) of \(committee.committee)\(report.map { " for \($0)" } ?? "").")
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a request no longer needed, or end a request for every report.")

        @OptionGroup var committee: CommitteeOption

        @Option(help: "The request's number.")
        var number: Int

        @Option(help: "The day it was closed (YYYY-MM-DD).")
        var on: String

        @Option(help: "Why, e.g. the committee's decision.")
        var reason: String

        @OptionGroup var database: DatabaseOption
        @OptionGroup var user: AuditUserOption

        func run() async throws {
            let day = try CommitteeOption.date(on, flag: "--on")
            try await withStore(database, existing: true) { store in
                try refuseAnswerProblems(day: day, text: reason, textField: "reason")
                let code = try await committee.definition(in: store).committee.code
                _ = try await store.closeRequest(committeeCode: code, number: number, on: day, reason: reason, by: user.user)
            }
            print("Closed request \(number) of \(committee.committee).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a committee's requests, or those one report lists (--period), as tab-separated lines.",
            discussion: "Columns: number, once or every-report, status (open, overdue, delivered, due, provided or closed), the day it was raised, the request."
        )

        @OptionGroup var committee: CommitteeOption

        @Option(help: "Only the requests the report for this period lists, as they stand in it, e.g. 2026/27 Q2.")
        var period: String?

        @Option(name: .customLong("as-of"), help: "With --period: the report's day (YYYY-MM-DD; default: today).")
        var asOf: String?

        @OptionGroup var database: DatabaseOption

        func validate() throws {
            if asOf != nil && period == nil { throw ValidationError("--as-of is for a report's requests (expected --period with it)") }
        }

        func run() async throws {
            let report = try period.map { try ReportOptions.reportingPeriod($0) }
            var today = try ReportOptions.day(asOf)
            var requests: [CommitteeRequest] = []
            try await withStore(database, existing: true) { store in
                let code = try await committee.definition(in: store).committee.code
                // A published report lists its requests as they stood when it was published, as its
                // pack and pages do (PRODUCT.md R15).
                if let report, try await store.publications(committeeCode: code).first(where: { $0.periodLabel == report.label })?.stage == .published,
                   let snapshot = try await store.reportSnapshot(committeeCode: code, periodLabel: report.label),
                   let judgedOn = snapshot.assessments.first?.today {
                    guard asOf == nil else {
                        StandardError.write("--as-of: the report of \(code) for \(report.label) is published, judged as on \(judgedOn.iso), and lists its requests as they stood then (expected no --as-of for a published report)\n")
                        throw ExitCode(64)
                    }
                    requests = snapshot.requests ?? []
                    today = judgedOn
                    return
                }
                requests = try await store.requests(committeeCode: code)
            }
            let listed: [(CommitteeRequest, String)]
            if let report {
                listed = ReportedRequest.inReport(requests, period: report, on: today).map { ($0.request, $0.standing.code) }
            } else {
                listed = requests.map { request in
                    let status = request.closedOn != nil ? "closed" : request.recurrence == .once && !request.deliveries.isEmpty ? "delivered" : "open"
                    return (request, status)
                }
            }
            for (request, status) in listed {
                let oneLine = request.request.split(whereSeparator: \.isNewline).joined(separator: " ")
                print([String(request.number), request.recurrence.rawValue, status, request.raisedOn.iso, oneLine].joined(separator: "\t"))
            }
        }
    }
}

/// Refuses a delivery or closure day after today and an empty note or reason, both at once
/// (`CommitteeRequest.answerProblems`), in the words and with the exit status of the store's own
/// refusals.
private func refuseAnswerProblems(day: CalendarDate, text: String, textField: String) throws {
    if let refusal = CommitteeRequestError(CommitteeRequest.answerProblems(day: day, dayField: "on", today: .todayUTC, text: text, textField: textField)) {
        throw StoreError.requestRefused(refusal)
    }
}
