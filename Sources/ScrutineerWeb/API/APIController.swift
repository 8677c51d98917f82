import Foundation
import Hummingbird
import ScrutineerCore
import ScrutineerStorage

/// The JSON API (PRODUCT.md R17): everything the pages show, with the same rules of who may see
/// what. Registered from `APIRoutes.endpoints`, the list the OpenAPI document is written from.
struct APIController: Sendable {
    let cache: ReportCache
    let settings: WebSettings

    var access: ReportAccess { ReportAccess(cache: cache, today: settings.asOf ?? CalendarDate.todayUTC) }

    func addRoutes(to router: Router<WebRequestContext>) {
        let handlers: [String: @Sendable (Request, WebRequestContext) async throws -> Data] = [
            "listCommittees": committees, "getCommittee": committee, "getAssessment": assessment, "listCommentary": commentary, "listRequests": requests, "listRisks": risks, "listFinance": finance,
            "listFinanceYear": financeYear, "getRevisions": revisions,
            "listMeasures": measures, "getMeasure": measure, "listTargets": targets, "listObservations": observations,
            "listAreas": areas, "getArea": area, "listComparatorGroups": comparatorGroups,
        ]
        for endpoint in APIRoutes.endpoints {
            guard let handler = handlers[endpoint.operationId] else { preconditionFailure("no handler for \(endpoint.operationId)") }
            router.on(RouterPath(endpoint.route.pattern), method: endpoint.route.method) { request, context in
                try Self.checkQuery(request, allowed: endpoint.query.map(\.name))
                return try await cache.publicResponse(request, context, contentType: "application/json; charset=utf-8") {
                    try await handler(request, context)
                }
            }
        }
        router.on(RouterPath(APIRoutes.openAPI.pattern), method: .get) { _, _ in Response.json(OpenAPIDocument.json) }
    }

    /// An unknown query parameter is an error that names it, so a typo is not silently ignored; so
    /// is one given twice (only one value would be used) and one whose value is not UTF-8 once
    /// percent-decoded (it would read as empty, and the filter be dropped).
    static func checkQuery(_ request: Request, allowed: [String]) throws {
        let expected = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
        var seen: Set<String> = []
        for (rawName, rawValue) in FormFields.rawPairs(request.uri.query ?? "") {
            guard let name = FormFields.decoded(rawName) else {
                let written = rawName.replacingOccurrences(of: "+", with: " ")
                throw WebError.badParameter(written, "\(written): a parameter name that is not UTF-8 once percent-decoded (expected one of \(expected))")
            }
            guard allowed.contains(name) else {
                throw WebError.badParameter(name, "\(name): not a parameter of this endpoint (expected \(expected))")
            }
            guard seen.insert(name).inserted else {
                throw WebError.badParameter(name, "\(name): given more than once (expected it once; ask once for each value)")
            }
            if let rawValue, FormFields.decoded(rawValue) == nil {
                throw WebError.badParameter(name, "\(name): \(rawValue) is not UTF-8 text once percent-decoded (expected UTF-8, such as %C2%A3 for £)")
            }
        }
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    func query(_ request: Request, _ name: String) -> String? {
        request.queryValue(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The report a committee's report endpoint asks for with its `period` and `snapshot` parameters.
    func report(_ request: Request, _ context: WebRequestContext) async throws -> ReportAccess.Report {
        try await access.report(try context.parameter("committee"), period: query(request, "period"), snapshot: query(request, "snapshot"), for: context.viewer.account)
    }

    // MARK: Handlers

    func committees(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        try Self.encode(try await visibleCommittees(for: context.viewer.account).map(CommitteeJSON.init))
    }

    func committee(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let definition = try await access.committee(try context.parameter("committee"), for: context.viewer.account)
        let readsDrafts = AccessPolicy.canReadDrafts(context.viewer.account, of: definition.committee)
        var reports: [ReportJSON] = []
        let code = definition.committee.code
        let names = AccessPolicy.readsSignInNames(context.viewer.account)
        for publication in try await cache.publications(code, readingDrafts: readsDrafts) {
            let versions = try await cache.snapshotVersions(code, period: publication.periodLabel)
            reports.append(ReportJSON(
                period: publication.periodLabel, stage: publication.stage.rawValue, changedBy: names ? publication.changedBy : "", changedAt: publication.changedAt,
                publications: versions.map { ReportJSON.Publication(number: $0.version, takenBy: names ? $0.takenBy : "", takenAt: $0.takenAt) }
            ))
        }
        let shown = try await ObservationAccess(cache: cache).shown(definition.committee, to: context.viewer.account)
        return try Self.encode(CommitteeDetailJSON(committee: CommitteeJSON(shown), reports: reports))
    }

    func assessment(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let report = try await report(request, context)
        let snapshot = try await access.snapshot(report)
        return try Self.encode(AssessmentJSON(try await access.assessment(report), stage: report.stage, snapshot: snapshot?.version))
    }

    func commentary(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let report = try await report(request, context)
        let items = try await access.commentary(report)
        return try Self.encode(items.map(CommentaryJSON.init))
    }

    func requests(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let report = try await report(request, context)
        return try Self.encode(try await access.requests(report).map(RequestJSON.init))
    }

    func risks(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let report = try await report(request, context)
        return try Self.encode(try await access.risks(report).map(RiskJSON.init))
    }

    func finance(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let report = try await report(request, context)
        guard let shown = FinanceReport.inReport(try await access.finance(report), reportingPeriod: report.period) else { return try Self.encode([FinanceLineJSON]()) }
        return try Self.encode(shown.lines.map { FinanceLineJSON($0, in: shown) })
    }

    func financeYear(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let report = try await report(request, context)
        guard let shown = FinanceReport.inReport(try await access.finance(report), reportingPeriod: report.period) else { return try Self.encode([FinanceTotalJSON]()) }
        return try Self.encode(shown.kinds.flatMap { FinanceTotalJSON.rows(shown.movement($0)) })
    }

    func revisions(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let report = try await report(request, context)
        let code = try context.parameter("measure")
        guard let assessed = try await access.assessment(report).measures.first(where: { $0.measure.code == code }) else {
            throw WebError.measureNotReported(code, committee: report.committee.code)
        }
        let revisions = try await access.revisions(report, measure: assessed.measure)
        let since = try await access.revisionsSincePublication(report, measures: [assessed.measure])?.first
        return try Self.encode(RevisionsJSON(revisions, sincePublication: since, format: assessed.format, isMilestone: assessed.status.isMilestone))
    }

    func measures(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        var measures = try await cache.measures()
        if let code = query(request, "committee") {
            let definition = try await access.committee(code, for: context.viewer.account)
            let codes = Set(definition.committee.measureCodes)
            measures = measures.filter { codes.contains($0.code) }
        }
        if let words = query(request, "q") {
            measures = measures.filter { MeasureSearch.matches($0.title, code: $0.code, words: words) }
        }
        measures = try await ObservationAccess(cache: cache).visible(measures, to: context.viewer.account)
        let reporting = try await reportingCommittees(for: context.viewer.account)
        return try Self.encode(measures.map { MeasureJSON($0, reportedBy: reporting[$0.code] ?? []) })
    }

    func measure(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let measure = try await findMeasure(try context.parameter("measure"), for: context.viewer.account)
        return try Self.encode(MeasureJSON(measure, reportedBy: try await reportingCommittees(for: context.viewer.account)[measure.code] ?? []))
    }

    func targets(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let measure = try await findMeasure(try context.parameter("measure"), for: context.viewer.account)
        var council: String?
        if let code = query(request, "council") { council = try await findArea(code).code }
        let targets = try await cache.store.targets(for: measure.code, council: council)
        // The council's own people read the reasons as written; anyone else as the public reads them (PRODUCT.md R8).
        let account = context.viewer.account
        return try Self.encode(try await visibleTargets(targets, to: account).map { target in
            let own = target.councilAreaCode.map { AccessPolicy.isOfCouncil(account, $0) } ?? (account?.role == .administrator && account?.councilAreaCode == nil)
            return TargetJSON(target.redacted(for: own ? account?.role.audience ?? .public : .public))
        })
    }

    /// The targets a caller may see: targets for every council are public; a council's own are seen
    /// in full by whoever may read the drafts of one of its committees, and by anyone else only
    /// those in force by the end of the newest period the council has published a report for (a
    /// target agreed for next year is a draft until a report uses it). A version closed by one
    /// not yet seen shows no end, which would give away the day the unseen one starts.
    func visibleTargets(_ targets: [Target], to account: UserAccount?) async throws -> [Target] {
        let committees = try await cache.committees()
        var publishedTo: [String: CalendarDate?] = [:]
        for council in Set(targets.compactMap(\.councilAreaCode)) {
            let own = committees.filter { $0.councilAreaCode == council }
            if AccessPolicy.isCouncilStaff(account, council) || own.contains(where: { AccessPolicy.canReadDrafts(account, of: $0) }) { continue }
            publishedTo[council] = .some(try await cache.publishedThrough(own))
        }
        return targets.compactMap { target in
            guard let council = target.councilAreaCode, let limit = publishedTo[council] else { return target }
            return limit.flatMap(target.seenPublicly)
        }
    }

    func observations(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let measureCode = query(request, "measure"), areaCode = query(request, "area"), period = query(request, "period")
        guard measureCode != nil || areaCode != nil else {
            throw WebError.badParameter("measure", "measure: give a measure code or an area code (area), or both; all observations at once are too many")
        }
        var measure: Measure?
        if let measureCode { measure = try await findMeasure(measureCode, for: context.viewer.account) }
        let periodLabel = try period.map { try Self.standardPeriodLabel($0, for: measure) }
        if let areaCode {
            _ = try await findArea(areaCode)
            // A council's former code holds none of its figures: they are its current code's.
            if let current = Area.current(ofFormer: areaCode, in: try await cache.areas()) {
                throw WebError.badParameter("area", "area: \(Area.formerCodeProblem(areaCode, current: current))")
            }
        }
        let found = try await cache.store.observations(ObservationQuery(measureCode: measureCode, areaCode: areaCode, periodLabel: periodLabel))
        let visible = try await ObservationAccess(cache: cache).visible(found, to: context.viewer.account)
        return try Self.encode(visible.map(ObservationJSON.init))
    }

    /// A period label no figure could have is refused (400), so a typo is not an empty success: it
    /// must read as a period of the measure's kind, or of any kind when no measure is given. The
    /// label in standard form is returned (`Q2 2026/27` is `2026/27 Q2`), as the figures store it.
    static func standardPeriodLabel(_ label: String, for measure: Measure?) throws -> String {
        let readings: [(YearType, Bool)] = measure.map { [($0.yearType, $0.periodicity == .monthly)] }
            ?? [YearType.financial, .academic, .calendar, .yearEndingSeptember].flatMap { [($0, false), ($0, true)] }
        var problem = ""
        for (yearType, monthly) in readings {
            do throws(PeriodError) {
                return try Period.parse(label, yearType: yearType, monthly: monthly).label
            } catch {
                problem = error.description
            }
        }
        guard measure != nil else {
            throw WebError.badParameter("period", "period: \"\(label)\" is not a period label (expected one as the figures give it, such as 2025, 2024/25, 2026/27 Q1, 2024-09 or 2021/22-23/24)")
        }
        throw WebError.badParameter("period", "period: \(problem)")
    }

    func areas(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        var areas = try await cache.areas()
        if let type = query(request, "type") {
            guard let areaType = AreaType(rawValue: type) else {
                throw WebError.badParameter("type", "type: \(type) is not an area type (expected \(AreaType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            areas = areas.filter { $0.type == areaType }
        }
        let successions = try await cache.store.areaSuccessions()
        return try Self.encode(areas.map { AreaJSON($0, successions: successions) })
    }

    func area(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        try Self.encode(AreaJSON(try await findArea(try context.parameter("area")), successions: try await cache.store.areaSuccessions()))
    }

    func comparatorGroups(_ request: Request, _ context: WebRequestContext) async throws -> Data {
        let area = try await findArea(try context.parameter("area"))
        let areas = try await cache.areas()
        // England and the region hold today's councils: none another replaced or split or merged
        // into others, none not yet begun.
        let successions = try await cache.store.areaSuccessions()
        let today = access.today
        let councils = areas.filter { $0.type == .localAuthority && $0.successorCode == nil && successions.serves($0.code, on: today) }
        var groups = [ComparatorGroupJSON(kind: "england", name: "England", edition: nil, memberCodes: councils.map(\.code))]
        if let region = area.regionCode, let regionArea = areas.first(where: { $0.code == region }) {
            groups.append(ComparatorGroupJSON(kind: "region", name: regionArea.name, edition: nil, memberCodes: councils.filter { $0.regionCode == region }.map(\.code)))
        }
        for edition in ["2021", "2025"] {
            if let list = try await cache.store.statisticalNeighbours(edition: edition).first(where: { $0.areaCode == area.code }) {
                groups.append(ComparatorGroupJSON(kind: "statisticalNeighbours", name: "Statistical neighbours (\(edition))", edition: edition, memberCodes: list.neighbours.sorted { $0.rank < $1.rank }.map(\.areaCode)))
            }
        }
        for group in try await cache.store.comparatorGroups() where group.isSeen(by: area.code) {
            groups.append(ComparatorGroupJSON(kind: "council", name: group.name, code: group.code, ownerAreaCode: group.ownerAreaCode, memberCodes: group.memberCodes))
        }
        return try Self.encode(groups)
    }

    /// The committees the caller may see, by code.
    func visibleCommittees(for account: UserAccount?) async throws -> [Committee] {
        var visible: [Committee] = []
        for committee in try await cache.committees() where (try? await access.committee(committee.code, for: account)) != nil {
            visible.append(try await ObservationAccess(cache: cache).shown(committee, to: account))
        }
        return visible
    }

    /// The codes of the committees the caller may see that report each measure, by measure code.
    func reportingCommittees(for account: UserAccount?) async throws -> [String: [String]] {
        var codes: [String: [String]] = [:]
        for committee in try await visibleCommittees(for: account) {
            for code in committee.measureCodes { codes[code, default: []].append(committee.code) }
        }
        return codes
    }

    /// A figure worked out here (a change, a mean) without the binary noise of its arithmetic:
    /// 12.149999999999999 is 12.15, as the pages round it from, to 12 significant digits.
    static func withoutBinaryNoise(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        return Double(String(format: "%.12g", value)) ?? value
    }

    /// The measure `code` if the caller may know of it (a council's own measure no committee has
    /// published is its staff's), else 404 as for a measure there is not.
    func findMeasure(_ code: String, for account: UserAccount?) async throws -> Measure {
        guard let measure = try await cache.measures().first(where: { $0.code == code }),
              try await !ObservationAccess(cache: cache).visible([measure], to: account).isEmpty
        else { throw WebError.notFound("There is no measure \(code).") }
        return measure
    }

    func findArea(_ code: String) async throws -> Area {
        guard let area = try await cache.areas().first(where: { $0.code == code }) else { throw WebError.notFound("There is no area \(code).") }
        return area
    }
}

/// Which measures and observations a caller may see. National statistics are public. A council's
/// own measures (those a council defined, or that name the committees they serve) are seen in full
/// by whoever may read the drafts of a committee reporting them, or, for one no committee reports
/// yet, by the council's staff; anyone else sees such a measure once a committee reporting it has
/// published a report, and its figures only up to the end of the newest published report, withheld
/// as the pages withhold them (small counts, METHODS.md §13.7; a figure published as a symbol
/// keeps its counts back too).
struct ObservationAccess {
    let cache: ReportCache

    /// What a caller may see of one measure's figures: all of them, or those up to `cutoff` (none
    /// when nil), withheld for the public.
    private struct Rule {
        var readsAll: Bool
        var cutoff: CalendarDate?
        var seesMeasure: Bool { readsAll || cutoff != nil }
    }

    private func rules(for codes: Set<String>, measures: [String: Measure], to account: UserAccount?) async throws -> [String: Rule] {
        let committees = try await cache.committees()
        var rules: [String: Rule] = [:]
        for code in codes {
            let names = measures[code]?.committees ?? []
            let council = measures[code]?.councilAreaCode
            guard !names.isEmpty || council != nil else { rules[code] = Rule(readsAll: true); continue }
            // A council's own measure is owned by its council's committees alone: another council's
            // committee of the same name does not read its drafts or publish its figures.
            let owners = committees.filter { committee in
                (council == nil || committee.councilAreaCode == council)
                    && (names.contains(committee.code) || names.contains(committee.name) || (council != nil && committee.measureCodes.contains(code)))
            }
            let councilsStaff = owners.isEmpty && council.map { AccessPolicy.isCouncilStaff(account, $0) } == true
            if (owners.isEmpty && council == nil) || councilsStaff || owners.contains(where: { AccessPolicy.canReadDrafts(account, of: $0) }) {
                rules[code] = Rule(readsAll: true)
                continue
            }
            rules[code] = Rule(readsAll: false, cutoff: try await cache.publishedThrough(owners, reporting: code))
        }
        return rules
    }

    private func measuresByCode() async throws -> [String: Measure] {
        Dictionary(try await cache.measures().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// `committee` with only the measures the caller may know of in its themes: a council's own
    /// measure added since the committee last published is left out for those who may not read
    /// its drafts, as its figures are.
    func shown(_ committee: Committee, to account: UserAccount?) async throws -> Committee {
        guard !AccessPolicy.canReadDrafts(account, of: committee) else { return committee }
        let measures = try await measuresByCode()
        let listed = Set(committee.measureCodes.filter { measures[$0] != nil })
        let rules = try await rules(for: listed, measures: measures, to: account)
        let unknown = listed.filter { rules[$0]?.seesMeasure != true }
        guard !unknown.isEmpty else { return committee }
        var shown = committee
        for i in shown.themes.indices { shown.themes[i].measureCodes.removeAll(where: unknown.contains) }
        return shown
    }

    /// The measures of `measures` the caller may know of.
    func visible(_ measures: [Measure], to account: UserAccount?) async throws -> [Measure] {
        let rules = try await rules(for: Set(measures.map(\.code)), measures: try await measuresByCode(), to: account)
        return measures.filter { rules[$0.code]?.seesMeasure == true }
    }

    func visible(_ observations: [Observation], to account: UserAccount?) async throws -> [Observation] {
        let measures = try await measuresByCode()
        let rules = try await rules(for: Set(observations.map(\.measureCode)), measures: measures, to: account)
        let policy = DisclosurePolicy.dfe
        // A breakdown's figures as the pages show them, with the secondary suppression within each
        // dimension that stops a withheld count being worked out from the others and the total.
        var breakdownCells: [ObservationKey: BreakdownFigure] = [:]
        let withheldBreakdowns = observations.filter { o in !o.breakdown.isTotal && rules[o.measureCode].map { !$0.readsAll } == true }
        for (_, group) in Dictionary(grouping: withheldBreakdowns, by: { "\($0.measureCode)\u{1F}\($0.areaCode)\u{1F}\($0.period.label)" }) {
            guard let measure = measures[group[0].measureCode] else { continue }
            let figures = BreakdownFigure.figures(group, unit: measure.unit, audience: .public, format: ValueFormat(measure))
            let byBreakdown = Dictionary(figures.map { ($0.breakdown, $0) }, uniquingKeysWith: { first, _ in first })
            for o in group { breakdownCells[o.key] = byBreakdown[o.breakdown] }
        }
        return observations.compactMap { o in
            guard let rule = rules[o.measureCode] else { return nil }
            if rule.readsAll { return o }
            guard let unit = measures[o.measureCode]?.unit else { return nil }
            guard let cutoff = rule.cutoff, o.period.end <= cutoff else { return nil }
            var shown = o
            // The pages' rule (a small count, or a figure derived from one), so the API withholds
            // what they do; a figure given only as a symbol keeps back the counts and limits
            // that would give it away.
            let shownAsBreakdown = breakdownCells[o.key]
            if o.value == nil || (shownAsBreakdown?.cell ?? policy.cell(for: o, unit: unit, audience: .public)).isSuppressed {
                shown.value = nil
                shown.numerator = nil
                shown.denominator = nil
                shown.lower95 = nil
                shown.upper95 = nil
                if o.value != nil { shown.statusSymbol = .confidential }
            } else if let figure = shownAsBreakdown {
                if figure.numerator?.isSuppressed == true { shown.numerator = nil }
                if figure.denominator?.isSuppressed == true { shown.denominator = nil }
                if figure.numerator?.isSuppressed == true || figure.denominator?.isSuppressed == true {
                    shown.lower95 = nil
                    shown.upper95 = nil
                }
            }
            return shown
        }
    }
}
