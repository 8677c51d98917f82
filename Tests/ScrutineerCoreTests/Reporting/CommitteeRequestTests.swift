import ScrutineerCore
import Testing

/// Which requests a report lists and how each stands (PRODUCT.md R12: "tracked until delivered; a
/// recurring one reappears in each pack"), and the changes a request allows.
@Suite("Committee requests")
struct CommitteeRequestTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static let q1 = try! Period.parse("2026/27 Q1", yearType: .financial)  // April–June 2026
    static let q2 = try! Period.parse("2026/27 Q2", yearType: .financial)  // July–September 2026

    static func request(_ number: Int, raised: String = "2026-05-12", due: String? = nil, recurrence: CommitteeRequest.Recurrence = .once) -> CommitteeRequest {
        CommitteeRequest(
            committeeCode: "WARKS-CYP", raisedOn: day(raised), request: "Request \(number).", askedBy: "Councillor Kam Kaur", dueBy: due.map(day),
            recurrence: recurrence, recordedBy: "clerk", number: number
        )
    }

    static func codes(_ requests: [CommitteeRequest], _ period: Period, on iso: String) -> [String] {
        ReportedRequest.inReport(requests, period: period, on: day(iso)).map { "\($0.request.number) \($0.standing.code)" }
    }

    @Test("a one-off request is listed while open, overdue once its day has passed, and once more in the report of the period it was delivered in")
    func oneOff() throws {
        let open = Self.request(1, due: "2026-07-31")
        #expect(Self.codes([open], Self.q1, on: "2026-05-11") == [], "not yet asked on the report's day")
        #expect(Self.codes([open], Self.q1, on: "2026-07-31") == ["1 open"])
        #expect(Self.codes([open], Self.q1, on: "2026-08-01") == ["1 overdue"])
        let delivered = try open.delivering(.init(deliveredOn: Self.day("2026-08-20"), note: "Emailed.", recordedBy: "clerk"))
        #expect(Self.codes([delivered], Self.q1, on: "2026-08-15") == ["1 overdue"], "a delivery after the report's day is not yet known to it")
        #expect(Self.codes([delivered], Self.q1, on: "2026-09-01") == ["1 delivered"], "delivered after the period began: reported")
        #expect(Self.codes([delivered], Self.q2, on: "2026-11-10") == ["1 delivered"])
        let q3 = try Period.parse("2026/27 Q3", yearType: .financial)
        #expect(Self.codes([delivered], q3, on: "2027-02-10") == [], "delivered before Q3 began: reported already")
        let listed = try #require(ReportedRequest.inReport([delivered], period: Self.q2, on: Self.day("2026-11-10")).first)
        #expect(listed.statusText == "Delivered on 20 Aug 2026")
        #expect(listed.detail == "Emailed.")
        #expect(listed.askedText == "Asked by Councillor Kam Kaur on 12 May 2026")
        let overdue = try #require(ReportedRequest.inReport([open], period: Self.q1, on: Self.day("2026-08-01")).first)
        #expect(overdue.statusText == "Overdue: promised by 31 Jul 2026")
    }

    @Test("a recurring request is listed in every report until it is closed: due, or provided for that report")
    func recurring() throws {
        var breakdown = Self.request(2, recurrence: .everyReport)
        breakdown = try breakdown.delivering(.init(periodLabel: "2026/27 Q1", deliveredOn: Self.day("2026-08-05"), note: "Appendix B.", recordedBy: "clerk"))
        #expect(Self.codes([breakdown], Self.q1, on: "2026-08-15") == ["2 provided"])
        #expect(Self.codes([breakdown], Self.q2, on: "2026-11-10") == ["2 due"], "due again for the next report")
        let listed = try #require(ReportedRequest.inReport([breakdown], period: Self.q1, on: Self.day("2026-08-15")).first)
        #expect(listed.statusText == "Provided for 2026/27 Q1 on 5 Aug 2026")
        #expect(listed.askedText == "Asked by Councillor Kam Kaur on 12 May 2026; for every report")
        let ended = try breakdown.closing(on: Self.day("2026-09-20"), reason: "Now in the dashboard.")
        #expect(Self.codes([ended], Self.q2, on: "2026-11-10") == ["2 closed"], "closed after Q2 began: reported once")
        #expect(Self.codes([ended], try Period.parse("2026/27 Q3", yearType: .financial), on: "2027-02-10") == [])
        #expect(Self.codes([ended, Self.request(1)], Self.q2, on: "2026-09-15") == ["1 open", "2 due"], "in number order, and a closure after the report's day is not yet known")
    }

    @Test("refused changes name the field, the problem and what was expected")
    func refusals() throws {
        let once = Self.request(1)
        #expect(throws: CommitteeRequestError(field: "due-by", problem: "2026-05-01 is before the meeting that asked (2026-05-12)", expected: "a day on or after 2026-05-12")) {
            try Self.request(1, due: "2026-05-01").validated()
        }
        #expect(throws: CommitteeRequestError(field: "period", problem: "request 1 of WARKS-CYP is asked for once, not for each report", expected: "no period")) {
            try once.delivering(.init(periodLabel: "2026/27 Q1", deliveredOn: Self.day("2026-06-01"), note: "x", recordedBy: "clerk"))
        }
        #expect(throws: CommitteeRequestError(field: "on", problem: "2026-05-01 is before the meeting that asked (2026-05-12)", expected: "a day on or after 2026-05-12")) {
            try once.delivering(.init(deliveredOn: Self.day("2026-05-01"), note: "x", recordedBy: "clerk"))
        }
        #expect(throws: CommitteeRequestError(field: "note", problem: "empty", expected: "what was delivered and where members can find it")) {
            try once.delivering(.init(deliveredOn: Self.day("2026-06-01"), note: "  ", recordedBy: "clerk"))
        }
        #expect(throws: CommitteeRequestError(field: "reason", problem: "2001 characters", expected: "at most 2000")) {
            try once.closing(on: Self.day("2026-06-01"), reason: String(repeating: "x", count: 2_001))
        }
        var named = once
        named.providedBy = String(repeating: "y", count: 201)
        #expect(throws: CommitteeRequestError(field: "provided-by", problem: "201 characters", expected: "a name or job title of at most 200")) {
            try named.validated()
        }
        #expect(CommitteeRequestError(field: "on", problem: "p", expected: "e").description == "on: p (expected e)")
    }

    @Test("every field's problem is found at once, in the form's order, a line each")
    func everyProblem() throws {
        var request = Self.request(1, due: "2026-05-01")
        request.request = " "
        request.askedBy = String(repeating: "a", count: 201)
        let error = try #require(throws: CommitteeRequestError.self) { try request.validated() }
        #expect(error.all.map(\.field) == ["request", "asked-by", "due-by"])
        #expect(error.field == "request")
        #expect(error.description == """
            request: empty (expected what the committee asked for, in the minutes' words)
            asked-by: 201 characters (expected a name or job title of at most 200)
            due-by: 2026-05-01 is before the meeting that asked (2026-05-12) (expected a day on or after 2026-05-12)
            """)
        let delivery = try #require(throws: CommitteeRequestError.self) {
            try Self.request(1).delivering(.init(deliveredOn: Self.day("2026-05-01"), note: "", recordedBy: "clerk"))
        }
        #expect(delivery.all.map(\.field) == ["note", "on"])
        let closure = try #require(throws: CommitteeRequestError.self) { try Self.request(1).closing(on: Self.day("2026-05-01"), reason: "") }
        #expect(closure.all.map(\.field) == ["reason", "on"])
        #expect(CommitteeRequestError([]) == nil)
    }

    @Test("an amendment changes the wording, who asked, who provides or the promised day, and says what changed; it is refused once the request is answered, closed, or when it changes nothing")
    func amendments() throws {
        let once = Self.request(1, due: "2026-06-30")
        let (moved, changes) = try once.amending(.init(providedBy: " Becky Hale ", dueBy: .on(Self.day("2026-07-31"))))
        #expect(moved.dueBy == Self.day("2026-07-31") && moved.providedBy == "Becky Hale" && moved.request == once.request && moved.askedBy == once.askedBy)
        #expect(changes == [#"provided by nobody named → "Becky Hale""#, "due by 2026-06-30 → 2026-07-31"])
        let (reworded, more) = try moved.amending(.init(request: "Request 1, as the minutes were corrected.", askedBy: "", dueBy: .none))
        #expect(reworded.dueBy == nil && reworded.askedBy == "")
        #expect(more == [#"request reworded (was "Request 1.")"#, #"asked by "Councillor Kam Kaur" → nobody named"#, "due by 2026-07-31 → no day"])

        #expect(throws: CommitteeRequestError(field: "number", problem: "the amendment changes nothing in request 1 of WARKS-CYP", expected: "a new wording, asker, provider or promised day")) {
            try once.amending(.init(request: "  Request 1.  ", dueBy: .on(Self.day("2026-06-30"))))
        }
        #expect(throws: CommitteeRequestError(field: "due-by", problem: "2026-05-01 is before the meeting that asked (2026-05-12)", expected: "a day on or after 2026-05-12")) {
            try once.amending(.init(dueBy: .on(Self.day("2026-05-01"))))
        }
        #expect(throws: CommitteeRequestError(field: "request", problem: "empty", expected: "what the committee asked for, in the minutes' words")) {
            try once.amending(.init(request: " "))
        }
        let delivered = try once.delivering(.init(deliveredOn: Self.day("2026-06-01"), note: "Sent.", recordedBy: "clerk"))
        #expect(throws: CommitteeRequestError(field: "number", problem: "request 1 of WARKS-CYP was delivered on 2026-06-01", expected: "a request not yet delivered")) {
            try delivered.amending(.init(dueBy: .none))
        }
        let closed = try once.closing(on: Self.day("2026-06-01"), reason: "No longer needed.")
        #expect(throws: CommitteeRequestError(field: "number", problem: "request 1 of WARKS-CYP was closed on 2026-06-01", expected: "an open request")) {
            try closed.amending(.init(dueBy: .none))
        }
        // A recurring request answered for one report can still be amended for the next.
        let recurring = try Self.request(2, recurrence: .everyReport)
            .delivering(.init(periodLabel: "2026/27 Q1", deliveredOn: Self.day("2026-06-01"), note: "Table B.", recordedBy: "clerk"))
        #expect(try recurring.amending(.init(providedBy: "Head of Education Services")).changes == [#"provided by nobody named → "Head of Education Services""#])
    }

    @Test("a recurring request is provided for a report it could be: one ending after the meeting that asked and begun by the day (found by exploratory testing)")
    func deliveredForAReport() throws {
        let recurring = Self.request(2, raised: "2026-09-15", recurrence: .everyReport)
        func deliver(_ label: String, on iso: String = "2026-11-10") throws -> CommitteeRequest {
            try recurring.delivering(.init(periodLabel: label, deliveredOn: Self.day(iso), note: "Table B.", recordedBy: "clerk"))
        }
        #expect(try deliver("Q2 2026/27").deliveries.last?.periodLabel == "2026/27 Q2", "stored in standard form")
        #expect(throws: CommitteeRequestError(
            field: "period", problem: "the report for 2026/27 Q1 covers a period that ended before the meeting that asked (2026-09-15)",
            expected: "a report for a period ending after 2026-09-15"
        )) { try deliver("2026/27 Q1") }
        #expect(throws: CommitteeRequestError(
            field: "period", problem: "the report for 2030/31 Q2 had not begun on 2026-11-10, the day it was provided",
            expected: "a report whose period began by 2026-11-10"
        )) { try deliver("2030/31 Q2") }
        #expect(throws: CommitteeRequestError(field: "period", problem: "2026/27 Q5 is not a reporting period", expected: "a report's period, such as 2026/27 Q1")) {
            try deliver("2026/27 Q5")
        }
        #expect(throws: CommitteeRequestError(field: "period", problem: "2026/27-27/28 is not a reporting period", expected: "a report's period, such as 2026/27 Q1")) {
            try deliver("2026/27-27/28")
        }
        // Listed in the reports it can be provided for: not the one the meeting that asked read.
        #expect(Self.codes([recurring], Self.q1, on: "2026-11-20") == [], "2026/27 Q1 ended before the meeting on 15 Sep 2026")
        #expect(Self.codes([recurring], Self.q2, on: "2026-11-20") == ["2 due"], "2026/27 Q2 ends after it")
    }

    @Test("a moved promise keeps the day first promised, which the status shows while the request needs an answer")
    func movedPromise() throws {
        func status(_ request: CommitteeRequest, on iso: String) throws -> String {
            try #require(ReportedRequest.inReport([request], period: Self.q1, on: Self.day(iso)).first).statusText
        }
        let once = Self.request(1, due: "2026-06-30")
        #expect(once.firstDueBy == nil)
        let moved = try once.amending(.init(dueBy: .on(Self.day("2026-07-31")))).amended
        #expect(moved.firstDueBy == Self.day("2026-06-30"))
        #expect(try status(moved, on: "2026-07-01") == "Open: promised by 31 Jul 2026 (first promised by 30 Jun 2026)")
        #expect(try status(moved, on: "2026-08-01") == "Overdue: promised by 31 Jul 2026 (first promised by 30 Jun 2026)")
        // Moved again: the first promise is still the one kept; a change of provider leaves it alone.
        let again = try moved.amending(.init(providedBy: "Becky Hale", dueBy: .on(Self.day("2026-08-31")))).amended
        #expect(again.firstDueBy == Self.day("2026-06-30") && again.dueBy == Self.day("2026-08-31"))
        #expect(try again.amending(.init(providedBy: "John Coleman")).amended.firstDueBy == Self.day("2026-06-30"))
        // No day now.
        let noDay = try again.amending(.init(dueBy: .none)).amended
        #expect(noDay.firstDueBy == Self.day("2026-06-30") && noDay.dueBy == nil)
        #expect(try status(noDay, on: "2026-09-01") == "Open: no day promised now (first promised by 30 Jun 2026)")
        // Moved back to the first day: it has not moved after all.
        let back = try again.amending(.init(dueBy: .on(Self.day("2026-06-30")))).amended
        #expect(back.firstDueBy == nil)
        #expect(try status(back, on: "2026-06-01") == "Open: promised by 30 Jun 2026")
        // A day given where none was: nothing was promised before, so nothing has moved.
        let dated = try Self.request(2).amending(.init(dueBy: .on(Self.day("2026-07-31")))).amended
        #expect(dated.firstDueBy == nil)
        #expect(try status(Self.request(2), on: "2026-06-01") == "Open")
        // Once answered, the status is the answer.
        let delivered = try moved.delivering(.init(deliveredOn: Self.day("2026-06-20"), note: "Sent.", recordedBy: "clerk"))
        #expect(try status(delivered, on: "2026-07-01") == "Delivered on 20 Jun 2026")
    }
}
