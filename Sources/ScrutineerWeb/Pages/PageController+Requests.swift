import Foundation
import Hummingbird
import ScrutineerCore
import ScrutineerStorage
import ScrutineerViews

/// The forms that record the committee's requests (PRODUCT.md R12) from its page: a new request,
/// a delivery, an amendment, a closure. Analysts and administrators of the committee's council may use them;
/// each change is audited by the store. The form fields are named as the command's flags are.
extension PageController {
    func addRoutesForRequests(to router: Router<WebRequestContext>) {
        // Each form's refusal names the form, and its fields by the labels the page shows.
        let asked = ["request": "What the committee asked for", "asked-by": "Asked by", "due-by": "Promised by"]
        router.on(RouterPath(SiteRoutes.requests.pattern), method: .post) { request, context in
            let labels = asked.merging(["raised-on": "Day of the meeting that asked", "provided-by": "Who agreed to provide it", "measure": "The measure it is about"]) { $1 }
            return try await Self.labelled("The new request was not recorded", labels) { try await addRequest(request, context) }
        }
        router.on(RouterPath(SiteRoutes.requestDelivery.pattern), method: .post) { request, context in
            try await Self.labelled("The delivery of \(Self.named(context)) was not recorded", ["on": "Day it was delivered", "note": "What was delivered"]) {
                try await deliverRequest(request, context)
            }
        }
        router.on(RouterPath(SiteRoutes.requestAmendment.pattern), method: .post) { request, context in
            try await Self.labelled("The change to \(Self.named(context)) was not recorded", asked.merging(["provided-by": "Who provides it"]) { $1 }) {
                try await amendRequest(request, context)
            }
        }
        router.on(RouterPath(SiteRoutes.requestClosure.pattern), method: .post) { request, context in
            try await Self.labelled("The closing of \(Self.named(context)) was not recorded", ["on": "Day it was closed", "reason": "Why it is closed"]) {
                try await closeRequest(request, context)
            }
        }
    }

    /// "request 2", the request a form's address names.
    private static func named(_ context: WebRequestContext) -> String {
        "request " + ((try? context.parameter("number")) ?? "")
    }

    /// Every field is checked before the request is recorded, and every problem is said at once.
    func addRequest(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let (form, account, definition, period) = try await requestForm(request, context)
        var problems = FormProblems()
        let raised = problems.check { try form.requiredDate("raised-on") }
        let due = problems.check { try form.optionalDate("due-by") } ?? nil
        let measure = form["measure"].flatMap { $0.isEmpty ? nil : $0 }
        if let measure, !definition.committee.measureCodes.contains(measure) {
            problems.add(WebError.badParameter("measure", "measure: \(measure) is not one of \(definition.committee.code)'s measures (expected one of: \(definition.committee.measureCodes.joined(separator: ", ")))"))
        }
        if let raised { problems.check { try CommitteeRequest.checkHasCome(raised, field: "raised-on", today: today) } }
        // The request's own fields, checked as the store checks them (a day promised before an
        // unreadable meeting day is not judged).
        let asked = CommitteeRequest(
            committeeCode: definition.committee.code, raisedOn: raised ?? due ?? today, request: form.text("request"), askedBy: form.text("asked-by"),
            providedBy: form.text("provided-by"), dueBy: due, recurrence: form["every-report"] == "yes" ? .everyReport : .once,
            measureCode: measure, recordedBy: account.username
        )
        problems.check { _ = try asked.validated() }
        try problems.refuseAny()
        try await refusalsAsBadParameters {
            _ = try await cache.store.addRequest(asked, by: account.username)
        }
        return requestsPage(definition, period)
    }

    func deliverRequest(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let (form, account, definition, period) = try await requestForm(request, context)
        let (code, number) = (definition.committee.code, try requestNumber(context))
        let day = try Self.dayThatHasCome(form, "on", today: today, alsoChecking: "note")
        try await refusalsAsBadParameters {
            // A request for every report is answered for the report the form was on.
            let recurring = try await cache.store.requests(committeeCode: code).first { $0.number == number }?.recurrence == .everyReport
            _ = try await cache.store.deliverRequest(
                committeeCode: code, number: number, .init(periodLabel: recurring ? period.label : nil, deliveredOn: day, note: form.text("note"), recordedBy: account.username),
                by: account.username
            )
        }
        return requestsPage(definition, period)
    }

    /// The amendment form sends every field as it now stands; an empty promised day is none.
    func amendRequest(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let (form, account, definition, period) = try await requestForm(request, context)
        let number = try requestNumber(context)
        let due = try form.optionalDate("due-by")
        let amendment = CommitteeRequest.Amendment(
            request: form.text("request"), askedBy: form.text("asked-by"), providedBy: form.text("provided-by"), dueBy: due.map { .on($0) } ?? .none
        )
        try await refusalsAsBadParameters {
            _ = try await cache.store.amendRequest(committeeCode: definition.committee.code, number: number, amendment, by: account.username)
        }
        return requestsPage(definition, period)
    }

    func closeRequest(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let (form, account, definition, period) = try await requestForm(request, context)
        let number = try requestNumber(context)
        let day = try Self.dayThatHasCome(form, "on", today: today, alsoChecking: "reason")
        try await refusalsAsBadParameters {
            _ = try await cache.store.closeRequest(committeeCode: definition.committee.code, number: number, on: day, reason: form.text("reason"), by: account.username)
        }
        return requestsPage(definition, period)
    }

    /// A request form's refusal (400) as its reader reads it: which form was not saved, then each
    /// problem led by the label of its field as the form shows it rather than the field's name, with
    /// days written as the page writes them ("1 Jan 2030", not 2030-01-01). The API's `parameter`
    /// still names the field.
    private static func labelled(
        _ form: String, _ labels: [String: String], _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch let error as WebError where error.status == .badRequest {
            let lines = error.message.split(separator: "\n").map { line -> String in
                var text = String(line)
                if let colon = text.range(of: ": "), let label = labels[String(text[..<colon.lowerBound])] {
                    text = label + ": " + text[colon.upperBound...]
                }
                return daysInWords(text)
            }
            throw WebError(.badRequest, (["\(form):"] + lines).joined(separator: "\n"), parameter: error.parameter)
        }
    }

    /// `text` with each ISO day in it (2030-01-01) written as the page writes days (1 Jan 2030).
    private static func daysInWords(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let match = rest.firstMatch(of: /\d{4}-\d{2}-\d{2}/) {
            out += rest[..<match.range.lowerBound]
            let iso = String(rest[match.range])
            out += CalendarDate(iso: iso)?.displayText ?? iso
            rest = rest[match.range.upperBound...]
        }
        return out + rest
    }

    /// A request form's fields, checked: the CSRF token, a signed-in analyst or administrator of
    /// the committee's council, and the report the form was on (`period`).
    private func requestForm(_ request: Request, _ context: WebRequestContext) async throws -> (FormFields, UserAccount, CommitteeDefinition, Period) {
        let form = try await FormFields.read(request, context)
        try CSRF.check(form, context.viewer)
        guard let account = context.viewer.account else { throw WebError.signInRequired }
        let definition = try await access.committee(try context.parameter("committee"), for: account)
        guard AccessPolicy.canRecordRequests(account, definition.committee) else {
            throw WebError(.forbidden, "Only an analyst or an administrator of the committee's council may record its requests.")
        }
        return (form, account, definition, try form.period())
    }

    /// The form's day `name`, which must be given and have come; refused together with an empty
    /// `text` field, so both are said at once (the store checks the text again, with the request).
    private static func dayThatHasCome(_ form: FormFields, _ name: String, today: CalendarDate, alsoChecking text: String) throws -> CalendarDate {
        var problems = FormProblems()
        let day = problems.check { try form.requiredDate(name) }
        let answer = CommitteeRequest.answerProblems(day: day ?? today, dayField: name, today: today, text: form.text(text), textField: text)
        if let refusal = CommitteeRequestError(answer) { problems.add(refusal) }
        try problems.refuseAny()
        return day ?? today
    }

    private func requestNumber(_ context: WebRequestContext) throws -> Int {
        let text = try context.parameter("number")
        guard let number = Int(text), number >= 1 else { throw WebError.notFound("There is no request \(text).") }
        return number
    }

    /// Runs a change, answering a refused one with 400 naming the field, and an unknown request with 404.
    private func refusalsAsBadParameters(_ change: () async throws -> Void) async throws {
        do {
            try await change()
        } catch let StoreError.requestRefused(error) {
            throw WebError.badParameter(error.field, error.description)
        } catch let error as CommitteeRequestError {
            throw WebError.badParameter(error.field, error.description)
        } catch let StoreError.unknownRequest(committee, number) {
            throw WebError.notFound("Committee \(committee) has no request \(number).")
        }
        cache.invalidate()
    }

    /// Back to the committee's page for the report, at its requests.
    private func requestsPage(_ definition: CommitteeDefinition, _ period: Period) -> Response {
        .redirect(to: SiteRoutes.committee.href(["committee": definition.committee.code], query: [("period", period.label)]) + "#requests", type: .normal)
    }
}
