import Foundation

/// Something a committee asked for at a meeting, as its minutes record it (PRODUCT.md R12): "a
/// briefing note to outline the work that was going on", "a detailed report … added to the
/// committee's work programme", "a breakdown of the number of children with SEND who are
/// permanently excluded … every quarter". It is tracked until it is delivered or closed; a
/// recurring request is due again for every report and reappears in each one.
public struct CommitteeRequest: Sendable, Hashable, Codable {
    /// Once (a briefing note, a report), or for every report (a recurring breakdown).
    public enum Recurrence: String, Sendable, Hashable, Codable, CaseIterable {
        case once
        case everyReport = "every-report"
    }

    /// One answer to the request: the briefing note sent, the report taken, the breakdown given
    /// for one report.
    public struct Delivery: Sendable, Hashable, Codable {
        /// The report a recurring request was answered for ("2026/27 Q1"); nil for a one-off request.
        public var periodLabel: String?
        /// When it was delivered.
        public var deliveredOn: CalendarDate
        /// What was delivered and where to find it: "Briefing note emailed to members; in the
        /// committee's document library."
        public var note: String
        /// Who recorded it, and when (ISO 8601, UTC; set by the store).
        public var recordedBy: String
        public var recordedAt: String

        /// A delivery as recorded.
        public init(periodLabel: String? = nil, deliveredOn: CalendarDate, note: String, recordedBy: String, recordedAt: String = "") {
            self.periodLabel = periodLabel
            self.deliveredOn = deliveredOn
            self.note = note
            self.recordedBy = recordedBy
            self.recordedAt = recordedAt
        }
    }

    /// The committee that asked.
    public var committeeCode: String
    /// 1 for the committee's first request, then 2, 3… (set by the store).
    public var number: Int
    /// The day of the meeting that asked.
    public var raisedOn: CalendarDate
    /// Who asked ("Councillor Kam Kaur"); empty when the minutes record the committee's request.
    public var askedBy: String
    /// What was asked for, in the minutes' words.
    public var request: String
    /// Who agreed to provide it ("Becky Hale"); empty when the minutes do not say.
    public var providedBy: String
    /// When it was promised for, if a date was given.
    public var dueBy: CalendarDate?
    /// The day first promised, once the promise has moved (to another day, or to none); nil while
    /// it has not, or when no day was promised before. Set by `amending(_:)`, so a slipped
    /// deadline is shown beside the one now promised.
    public var firstDueBy: CalendarDate?
    public var recurrence: Recurrence
    /// The committee measure it is about, if any (a breakdown of one measure).
    public var measureCode: String?
    /// When the committee agreed it was no longer needed (or a recurring one was ended), and why.
    public var closedOn: CalendarDate?
    public var closedReason: String?
    /// Its answers, oldest first.
    public var deliveries: [Delivery]
    /// Who recorded the request, and when (ISO 8601, UTC; set by the store).
    public var recordedBy: String
    public var recordedAt: String

    /// A request as the minutes record it, not yet delivered or closed.
    public init(
        committeeCode: String, raisedOn: CalendarDate, request: String, askedBy: String = "", providedBy: String = "", dueBy: CalendarDate? = nil,
        recurrence: Recurrence = .once, measureCode: String? = nil, recordedBy: String, number: Int = 0, recordedAt: String = "",
        closedOn: CalendarDate? = nil, closedReason: String? = nil, deliveries: [Delivery] = [], firstDueBy: CalendarDate? = nil
    ) {
        self.committeeCode = committeeCode
        self.number = number
        self.raisedOn = raisedOn
        self.askedBy = askedBy
        self.request = request
        self.providedBy = providedBy
        self.dueBy = dueBy
        self.firstDueBy = firstDueBy
        self.recurrence = recurrence
        self.measureCode = measureCode
        self.closedOn = closedOn
        self.closedReason = closedReason
        self.deliveries = deliveries
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// The longest request, note or reason kept: a paragraph of minutes, not a report.
    public static let longestText = 2_000
    /// The longest name or job title kept for who asked and who provides.
    public static let longestName = 200

    /// The request checked before it is recorded: what it asks is written, the promised day is
    /// not before the meeting. Every field's problem is found, not only the first, so that a form
    /// is corrected in one go.
    public func validated() throws(CommitteeRequestError) -> CommitteeRequest {
        var checked = self
        var problems: [CommitteeRequestError] = []
        checked.request = Self.text(request, field: "request", expected: "what the committee asked for, in the minutes' words", problems: &problems)
        checked.askedBy = askedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        checked.providedBy = providedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        for (field, name) in [("asked-by", checked.askedBy), ("provided-by", checked.providedBy)] where name.count > Self.longestName {
            problems.append(CommitteeRequestError(field: field, problem: "\(name.count) characters", expected: "a name or job title of at most \(Self.longestName)"))
        }
        for (field, day) in [("due-by", dueBy), ("first-due-by", firstDueBy)] {
            if let day, let early = beforeMeeting(day, field: field) { problems.append(early) }
        }
        if let refusal = CommitteeRequestError(problems) { throw refusal }
        return checked
    }

    /// What a delivery's note and a closure's reason should say, by field.
    public static let expectedText = [
        "note": "what was delivered and where members can find it",
        "reason": "why the request is closed, such as the committee's decision",
    ]

    /// The problems of a delivery or closure that are plain before the request is read: its day
    /// (`dayField`) not yet come, its note or reason (`textField`) empty; each said at once.
    public static func answerProblems(day: CalendarDate, dayField: String, today: CalendarDate, text: String, textField: String) -> [CommitteeRequestError] {
        var problems: [CommitteeRequestError] = []
        do { try checkHasCome(day, field: dayField, today: today) } catch { problems.append(error) }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(CommitteeRequestError(field: textField, problem: "empty", expected: expectedText[textField] ?? ""))
        }
        return problems
    }

    /// Refuses a meeting, delivery or closure on a day that has not come: the minutes record what
    /// was asked and answered, never what is planned (a promised day is `dueBy`).
    public static func checkHasCome(_ day: CalendarDate, field: String, today: CalendarDate) throws(CommitteeRequestError) {
        if day > today {
            throw CommitteeRequestError(field: field, problem: "\(day.iso) is after today (\(today.iso))", expected: "a day that has come, on or before \(today.iso)")
        }
    }

    /// The request with `delivery` added: a one-off request is then delivered; a recurring one is
    /// answered for the report `delivery.periodLabel` names and stays open for the next.
    public func delivering(_ delivery: Delivery) throws(CommitteeRequestError) -> CommitteeRequest {
        try checkOpen()
        var answer = delivery
        var problems: [CommitteeRequestError] = []
        answer.note = Self.text(delivery.note, field: "note", expected: Self.expectedText["note"] ?? "", problems: &problems)
        if let early = beforeMeeting(delivery.deliveredOn, field: "on") { problems.append(early) }
        if let refusal = CommitteeRequestError(problems) { throw refusal }
        switch recurrence {
        case .once:
            if delivery.periodLabel != nil {
                throw CommitteeRequestError(field: "period", problem: "request \(number) of \(committeeCode) is asked for once, not for each report", expected: "no period")
            }
            try checkNotDelivered()
        case .everyReport:
            guard let label = delivery.periodLabel else {
                throw CommitteeRequestError(field: "period", problem: "request \(number) of \(committeeCode) is asked for every report", expected: "the report it was provided for, such as 2026/27 Q1")
            }
            if let earlier = deliveries.first(where: { $0.periodLabel == label }) {
                throw CommitteeRequestError(field: "period", problem: "request \(number) of \(committeeCode) was provided for \(label) on \(earlier.deliveredOn.iso)", expected: "a report it has not been provided for")
            }
            // A report it could be provided for: one whose period ends after the meeting that
            // asked, and that has begun by the day it was provided.
            guard let report = try? Period.parse(label, yearType: .financial), [.quarter, .year, .month].contains(report.kind) else {
                throw CommitteeRequestError(field: "period", problem: "\(label) is not a reporting period", expected: "a report's period, such as 2026/27 Q1")
            }
            if report.end <= raisedOn {
                throw CommitteeRequestError(
                    field: "period", problem: "the report for \(report.label) covers a period that ended before the meeting that asked (\(raisedOn.iso))",
                    expected: "a report for a period ending after \(raisedOn.iso)"
                )
            }
            if delivery.deliveredOn < report.start {
                throw CommitteeRequestError(
                    field: "period", problem: "the report for \(report.label) had not begun on \(delivery.deliveredOn.iso), the day it was provided",
                    expected: "a report whose period began by \(delivery.deliveredOn.iso)"
                )
            }
            answer.periodLabel = report.label
        }
        var delivered = self
        delivered.deliveries.append(answer)
        return delivered
    }

    /// The request closed on `day` for `reason`: no longer needed, or a recurring request ended.
    public func closing(on day: CalendarDate, reason: String) throws(CommitteeRequestError) -> CommitteeRequest {
        try checkOpen()
        try checkNotDelivered()
        var closed = self
        var problems: [CommitteeRequestError] = []
        closed.closedReason = Self.text(reason, field: "reason", expected: Self.expectedText["reason"] ?? "", problems: &problems)
        if let early = beforeMeeting(day, field: "on") { problems.append(early) }
        if let refusal = CommitteeRequestError(problems) { throw refusal }
        closed.closedOn = day
        return closed
    }

    /// A change to what the minutes recorded, agreed since: the wording corrected, someone else to
    /// provide it, a new promised day (or none). A field left nil stays as it is.
    public struct Amendment: Sendable, Hashable {
        public var request: String?
        public var askedBy: String?
        public var providedBy: String?
        public var dueBy: DueBy

        /// The promised day: kept, moved to a day, or no day now.
        public enum DueBy: Sendable, Hashable {
            case unchanged
            case on(CalendarDate)
            case none
        }

        public init(request: String? = nil, askedBy: String? = nil, providedBy: String? = nil, dueBy: DueBy = .unchanged) {
            self.request = request
            self.askedBy = askedBy
            self.providedBy = providedBy
            self.dueBy = dueBy
        }
    }

    /// The request with `amendment` made, and what changed in words for the audit trail
    /// (`due by 2025-10-31 → 2025-11-30`, `provided by "Becky Hale" → "John Coleman"`, `request
    /// reworded (was "…")`), so that what it was stays on record. When the promised day moves, the
    /// day first promised is kept in `firstDueBy` (and forgotten if the promise moves back to it).
    /// Refused for a closed request, a one-off request already delivered, and an amendment that
    /// changes nothing; the amended request is checked as a new one is.
    public func amending(_ amendment: Amendment) throws(CommitteeRequestError) -> (amended: CommitteeRequest, changes: [String]) {
        try checkOpen()
        try checkNotDelivered()
        var changed = self
        if let request = amendment.request { changed.request = request }
        if let askedBy = amendment.askedBy { changed.askedBy = askedBy }
        if let providedBy = amendment.providedBy { changed.providedBy = providedBy }
        switch amendment.dueBy {
        case .unchanged: break
        case let .on(day): changed.dueBy = day
        case .none: changed.dueBy = nil
        }
        if changed.dueBy != dueBy {
            changed.firstDueBy = firstDueBy ?? dueBy
            if changed.firstDueBy == changed.dueBy { changed.firstDueBy = nil }
        }
        let checked = try changed.validated()
        func quoted(_ name: String) -> String { name.isEmpty ? "nobody named" : "\"\(name)\"" }
        var changes: [String] = []
        if checked.request != request { changes.append("request reworded (was \(quoted(request)))") }
        if checked.askedBy != askedBy { changes.append("asked by \(quoted(askedBy)) → \(quoted(checked.askedBy))") }
        if checked.providedBy != providedBy { changes.append("provided by \(quoted(providedBy)) → \(quoted(checked.providedBy))") }
        if checked.dueBy != dueBy { changes.append("due by \(dueBy?.iso ?? "no day") → \(checked.dueBy?.iso ?? "no day")") }
        if changes.isEmpty {
            throw CommitteeRequestError(field: "number", problem: "the amendment changes nothing in request \(number) of \(committeeCode)", expected: "a new wording, asker, provider or promised day")
        }
        return (checked, changes)
    }

    /// Refused once the request is closed.
    private func checkOpen() throws(CommitteeRequestError) {
        if let closedOn {
            throw CommitteeRequestError(field: "number", problem: "request \(number) of \(committeeCode) was closed on \(closedOn.iso)", expected: "an open request")
        }
    }

    /// Refused for a one-off request once it is delivered (a recurring one stays open for the next report).
    private func checkNotDelivered() throws(CommitteeRequestError) {
        if recurrence == .once, let first = deliveries.first {
            throw CommitteeRequestError(field: "number", problem: "request \(number) of \(committeeCode) was delivered on \(first.deliveredOn.iso)", expected: "a request not yet delivered")
        }
    }

    /// `text` without surrounding white space; refused when empty or longer than `longestText`.
    private static func text(_ text: String, field: String, expected: String) throws(CommitteeRequestError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw CommitteeRequestError(field: field, problem: "empty", expected: expected) }
        if trimmed.count > longestText {
            throw CommitteeRequestError(field: field, problem: "\(trimmed.count) characters", expected: "at most \(longestText)")
        }
        return trimmed
    }

    /// `text` trimmed, or as given with its problem added to `problems`.
    private static func text(_ text: String, field: String, expected: String, problems: inout [CommitteeRequestError]) -> String {
        do {
            return try Self.text(text, field: field, expected: expected)
        } catch {
            problems.append(error)
            return text
        }
    }

    /// The refusal of `day` in `field` when it is before the meeting that asked.
    private func beforeMeeting(_ day: CalendarDate, field: String) -> CommitteeRequestError? {
        day < raisedOn
            ? CommitteeRequestError(field: field, problem: "\(day.iso) is before the meeting that asked (\(raisedOn.iso))", expected: "a day on or after \(raisedOn.iso)")
            : nil
    }
}

/// A request, delivery or closure refused: the field, what was wrong and what was expected, and
/// any other fields' problems found in the same check (`more`), a line each in `description`.
public struct CommitteeRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    public let field: String
    public let problem: String
    public let expected: String
    /// The other problems found with it, in the form's order.
    public private(set) var more: [CommitteeRequestError] = []

    public init(field: String, problem: String, expected: String) {
        self.field = field
        self.problem = problem
        self.expected = expected
    }

    /// `problems` (each with its own `more`) as one refusal: the first, with the rest; nil when
    /// there are none.
    public init?(_ problems: [CommitteeRequestError]) {
        let all = problems.flatMap(\.all)
        guard let first = all.first else { return nil }
        self.init(field: first.field, problem: first.problem, expected: first.expected)
        more = Array(all.dropFirst())
    }

    /// Each problem on its own.
    public var all: [CommitteeRequestError] {
        [CommitteeRequestError(field: field, problem: problem, expected: expected)] + more
    }

    /// "field: problem (expected …)", one line per problem.
    public var description: String {
        all.map { "\($0.field): \($0.problem) (expected \($0.expected))" }.joined(separator: "\n")
    }
}

/// How a request stands in one report, judged as on the report's day.
public enum RequestStanding: Sendable, Hashable {
    /// A one-off request not yet delivered; overdue when its promised day has passed.
    case open(overdue: Bool)
    /// A one-off request delivered during the report's period or since.
    case delivered(CommitteeRequest.Delivery)
    /// A recurring request not yet provided for this report.
    case due
    /// A recurring request provided for this report.
    case provided(CommitteeRequest.Delivery)
    /// Closed during the report's period or since.
    case closed(on: CalendarDate, reason: String)

    /// One word for data files and the API: open, overdue, delivered, due, provided or closed.
    public var code: String {
        switch self {
        case .open(false): "open"
        case .open(true): "overdue"
        case .delivered: "delivered"
        case .due: "due"
        case .provided: "provided"
        case .closed: "closed"
        }
    }

    /// Every `code`, in the order of the cases.
    public static let codes = ["open", "overdue", "delivered", "due", "provided", "closed"]

    /// Whether the request still needs an answer for this report.
    public var isOutstanding: Bool {
        switch self {
        case .open, .due: true
        case .delivered, .provided, .closed: false
        }
    }
}

/// A request as one report lists it.
public struct ReportedRequest: Sendable, Hashable {
    public let request: CommitteeRequest
    public let standing: RequestStanding

    public init(request: CommitteeRequest, standing: RequestStanding) {
        self.request = request
        self.standing = standing
    }

    /// The requests the report for `period`, judged as on `day`, lists, by number: every request
    /// raised by `day` that was still open then, and those delivered or closed since the period
    /// began, so each answer is reported at least once. A recurring request is listed in every
    /// report for a period ending after the meeting that asked, until it is closed. Deliveries and
    /// closures after `day` are not yet known to it.
    public static func inReport(_ requests: [CommitteeRequest], period: Period, on day: CalendarDate) -> [ReportedRequest] {
        requests.sorted { $0.number < $1.number }.compactMap { request in
            standing(of: request, period: period, on: day).map { ReportedRequest(request: request, standing: $0) }
        }
    }

    private static func standing(of request: CommitteeRequest, period: Period, on day: CalendarDate) -> RequestStanding? {
        guard request.raisedOn <= day else { return nil }
        if let closedOn = request.closedOn, closedOn <= day {
            return closedOn >= period.start ? .closed(on: closedOn, reason: request.closedReason ?? "") : nil
        }
        let known = request.deliveries.filter { $0.deliveredOn <= day }
        switch request.recurrence {
        case .once:
            if let delivery = known.first {
                return delivery.deliveredOn >= period.start ? .delivered(delivery) : nil
            }
            return .open(overdue: request.dueBy.map { $0 < day } ?? false)
        case .everyReport:
            // Asked for the reports after the meeting: one whose period ended by then (the report
            // that meeting read) is not due it, as a delivery for it would be refused.
            guard period.end > request.raisedOn else { return nil }
            if let delivery = known.first(where: { $0.periodLabel == period.label }) { return .provided(delivery) }
            return .due
        }
    }

    /// The standing in words, with the dates: "Overdue: promised by 30 Sep 2026". While it needs an
    /// answer, a promise that has moved says so: "Open: promised by 30 Nov 2026 (first promised by
    /// 31 Oct 2026)", "Open: no day promised now (first promised by 31 Oct 2026)".
    public var statusText: String {
        let first = request.firstDueBy.map { " (first promised by \($0.displayText))" } ?? ""
        switch standing {
        case .open(overdue: false):
            return request.dueBy.map { "Open: promised by \($0.displayText)\(first)" } ?? (first.isEmpty ? "Open" : "Open: no day promised now\(first)")
        case .open(overdue: true):
            return "Overdue: promised by \(request.dueBy?.displayText ?? "")\(first)"
        case let .delivered(delivery):
            return "Delivered on \(delivery.deliveredOn.displayText)"
        case .due:
            return "Due for this report"
        case let .provided(delivery):
            return "Provided for \(delivery.periodLabel ?? "this report") on \(delivery.deliveredOn.displayText)"
        case let .closed(day, _):
            return "Closed on \(day.displayText)"
        }
    }

    /// What was delivered, or why the request was closed; empty otherwise.
    public var detail: String {
        switch standing {
        case let .delivered(delivery), let .provided(delivery): delivery.note
        case let .closed(_, reason): reason
        case .open, .due: ""
        }
    }

    /// The day of the delivery or closure the status reports; nil while it still needs an answer.
    public var answeredOn: CalendarDate? {
        switch standing {
        case let .delivered(delivery), let .provided(delivery): delivery.deliveredOn
        case let .closed(day, _): day
        case .open, .due: nil
        }
    }

    /// "Asked by Councillor Kam Kaur on 3 Jun 2026" or "Asked on 3 Jun 2026"; with "; for every
    /// report" for a recurring request.
    public var askedText: String {
        let who = request.askedBy.isEmpty ? "" : " by \(request.askedBy)"
        let every = request.recurrence == .everyReport ? "; for every report" : ""
        return "Asked\(who) on \(request.raisedOn.displayText)\(every)"
    }
}
