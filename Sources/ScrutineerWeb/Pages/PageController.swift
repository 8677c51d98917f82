import Foundation
import Hummingbird
import ScrutineerCore
import ScrutineerStorage
import ScrutineerViews

/// The site's pages (PRODUCT.md R13): the list of committees, a committee's home, its theme
/// dashboards, measure pages with their downloads, the comparison page and search; and the forms
/// that write commentary and move a report through sign-off.
struct PageController: Sendable {
    let cache: ReportCache
    let settings: WebSettings

    var today: CalendarDate { settings.asOf ?? CalendarDate.todayUTC }
    var access: ReportAccess { ReportAccess(cache: cache, today: today) }

    func addRoutes(to router: Router<WebRequestContext>) {
        router.on(RouterPath(SiteRoutes.home.pattern), method: .get) { request, context in try await home(request, context) }
        router.on(RouterPath(SiteRoutes.committee.pattern), method: .get) { request, context in try await committeeHome(request, context) }
        router.on(RouterPath(SiteRoutes.theme.pattern), method: .get) { request, context in try await theme(request, context) }
        router.on(RouterPath(SiteRoutes.measure.pattern), method: .get) { request, context in try await measure(request, context) }
        router.on(RouterPath(SiteRoutes.compare.pattern), method: .get) { request, context in try await compare(request, context) }
        router.on(RouterPath(SiteRoutes.measureCSV.pattern), method: .get) { request, context in try await measureData(request, context, fileExtension: "csv") }
        router.on(RouterPath(SiteRoutes.measureXLSX.pattern), method: .get) { request, context in try await measureData(request, context, fileExtension: "xlsx") }
        router.on(RouterPath(SiteRoutes.reportData.pattern), method: .get) { request, context in try await reportData(request, context) }
        router.on(RouterPath(SiteRoutes.search.pattern), method: .get) { request, context in try await search(request, context) }
        router.on(RouterPath(SiteRoutes.commentary.pattern), method: .post) { request, context in try await writeCommentary(request, context) }
        router.on(RouterPath(SiteRoutes.publication.pattern), method: .post) { request, context in try await setStage(request, context) }
        addRoutesForRequests(to: router)
        addRoutesForImports(to: router)
        router.on(RouterPath(SiteRoutes.stylesheet.pattern), method: .get) { _, _ in
            Response.body(Data(SiteRenderer.stylesheet.utf8), contentType: "text/css; charset=utf-8", cacheControl: "public, max-age=3600")
        }
    }

    // MARK: Pages

    func home(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await publicCached(request, context) {
            var entries: [SiteCommitteeEntry] = []
            let areas = try await cache.areas()
            for committee in try await cache.committees() {
                guard let report = try? await access.report(committee.code, period: nil, for: context.viewer.account) else { continue }
                entries.append(SiteCommitteeEntry(
                    name: committee.name, councilName: councilName(committee.councilAreaCode, areas),
                    href: SiteRoutes.committee.href(["committee": committee.code]),
                    status: "\(report.stage == .published ? "Published report" : "Report in preparation") for \(report.period.label)"
                ))
            }
            return try SiteRenderer.home(committees: entries, chrome: chrome(context, breadcrumbs: []))
        }
    }

    func committeeHome(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await publicCached(request, context) {
            let (report, assessment) = try await load(request, context)
            let code = report.committee.code
            // An earlier publication is read, not changed: no forms on it.
            let readsEarlier = report.snapshotVersion != nil
            let canPublish = AccessPolicy.canPublish(context.viewer.account, report.committee) && !readsEarlier
            let versions = try await cache.snapshotVersions(code, period: report.period.label)
            let standing = try await standing(report, assessment, for: context.viewer)
            let publications = versions.count > 1 || readsEarlier ? versions.map { v in
                SitePublication(
                    text: "Publication \(v.version)," + (AccessPolicy.readsSignInNames(context.viewer.account) ? " by \(v.takenBy)" : "")
                        + " on \(CalendarDate.displayText(ofTimestampWithTime: v.takenAt))",
                    href: SiteRoutes.committee.href(["committee": code], query: [("period", report.period.label), ("snapshot", String(v.version))]),
                    isCurrent: v.version == (report.snapshotVersion ?? (report.stage == .published ? versions.last?.version : nil))
                )
            } : []
            let requests = try await access.requests(report)
            var forms: SiteRequestForms?
            // Recorded from a report in preparation: a published one keeps its requests as they stood.
            if AccessPolicy.canRecordRequests(context.viewer.account, report.committee), report.stage != .published, !readsEarlier {
                forms = SiteRequestForms(
                    addAction: SiteRoutes.requests.href(["committee": code]),
                    measures: assessment.measures.map { ($0.measure.code, $0.measure.title) },
                    outstanding: requests.filter(\.standing.isOutstanding).map { listed in
                        let path = ["committee": code, "number": String(listed.request.number)]
                        return SiteRequestForms.Outstanding(
                            listed.request, deliverAction: SiteRoutes.requestDelivery.href(path), amendAction: SiteRoutes.requestAmendment.href(path),
                            closeAction: SiteRoutes.requestClosure.href(path)
                        )
                    }
                )
            }
            let risks = try await access.risks(report)
            let finance = try await access.finance(report)
            // Before publishing: what the public will read differently (PRODUCT.md R8).
            var smallCounts: [SmallCountInText] = []
            var uncommented: [String] = []
            if canPublish && report.stage != .published {
                let commentary = try await access.commentary(report)
                uncommented = assessment.offTrackWithoutCommentary(commentary).map { $0.measure.title + $0.status.offTrackNote }
                smallCounts = SmallCountInText.find(commentary: commentary, requests: requests, risks: risks, finance: finance, reportingPeriod: report.period)
                    + SmallCountInText.withheldFigures(
                        commentary: commentary, report: assessment,
                        publicReport: try await cache.assessment(report.definition, period: report.period, audience: .public, today: access.today)
                    )
            }
            // A published report keeps its figures; it names the measures revised since.
            let measures = assessment.measures.map(\.measure)
            let revisedSince = zip(measures, try await access.revisionsSincePublication(report, measures: measures) ?? []).compactMap { measure, since in
                since.anyRevised ? measure.code : nil
            }
            var state = SiteReportState(
                periods: report.periods, standing: standing,
                publishAction: canPublish ? SiteRoutes.publication.href(["committee": code]) : nil, requestForms: forms,
                importHref: AccessPolicy.canImport(context.viewer.account, report.committee) && !readsEarlier ? SiteRoutes.importForm.href(["committee": code]) : nil,
                smallCountsInText: smallCounts,
                publications: publications, revisedSincePublication: revisedSince
            )
            state.offTrackWithoutCommentary = uncommented
            return try SiteRenderer.committeeHome(
                assessment, links: links(report), state: state, requests: requests, risks: risks,
                finance: finance, revisions: try await access.revisedFigures(report, assessment), chrome: chrome(context, breadcrumbs: [SiteLink("Committees", href: SiteRoutes.home.href()), SiteLink(report.committee.name, href: "", isCurrent: true)],
                               navigation: themeNavigation(report, current: nil), navigationLabel: "Dashboards")
            )
        }
    }

    func theme(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await publicCached(request, context) {
            let (report, assessment) = try await load(request, context)
            let slug = try context.parameter("theme")
            guard let index = report.committee.themes.firstIndex(where: { Self.slug($0.name) == slug }),
                  let html = try SiteRenderer.theme(assessment, index: index, links: links(report), chrome: chrome(
                    context, breadcrumbs: committeeCrumbs(report) + [SiteLink(report.committee.themes[index].name, href: "", isCurrent: true)],
                    navigation: themeNavigation(report, current: index), navigationLabel: "Dashboards", standing: try await standing(report, assessment, for: context.viewer)))
            else { throw WebError.notFound("Committee \(report.committee.code) has no theme \(slug).") }
            return html
        }
    }

    func measure(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await publicCached(request, context) {
            let (report, assessment) = try await load(request, context)
            let measure = try reportedMeasure(context, in: report, assessment).measure
            let code = measure.code
            let viewer = context.viewer
            let revisions = try await access.revisions(report, measure: measure)
            var extras: SiteMeasureExtras
            if let snapshot = try await access.snapshot(report) {
                // As published: the commentary and targets the committee read, and no form to change them.
                let commentary = snapshot.commentary(on: code)?.redacted(for: report.audience, rule: snapshot.publicTextRule)
                extras = SiteMeasureExtras(
                    commentary: commentary, commentaryVersions: commentary?.version ?? 0, commentaryAction: nil, targetHistory: snapshot.targets(of: code).map { $0.redacted(for: report.audience, rule: snapshot.publicTextRule) },
                    revisions: revisions, sincePublication: try await access.revisionsSincePublication(report, measures: [measure])?.first
                )
            } else {
                let history = try await cache.store.commentaryHistory(committeeCode: report.committee.code, measureCode: code, periodLabel: report.period.label)
                let canWrite = AccessPolicy.canWriteCommentary(viewer.account, measureCode: code, in: report.committee)
                extras = SiteMeasureExtras(
                    commentary: history.last?.redacted(for: report.audience), commentaryVersions: history.count,
                    commentaryAction: canWrite ? SiteRoutes.commentary.href(["committee": report.committee.code, "measure": code]) : nil,
                    targetHistory: try await cache.store.targets(for: code, council: report.committee.councilAreaCode).map { $0.redacted(for: report.audience) },
                    revisions: revisions
                )
                extras.commentarySaved = request.uri.queryParameters.get("saved") == "commentary"
            }
            guard let html = try SiteRenderer.measure(assessment, code: code, links: links(report), extras: extras, chrome: chrome(
                context, breadcrumbs: committeeCrumbs(report) + [SiteLink(measure.title, href: "", isCurrent: true)], standing: try await standing(report, assessment, for: context.viewer)))
            else { throw WebError.measureNotReported(code, committee: report.committee.code) }
            return html
        }
    }

    func compare(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await publicCached(request, context) {
            let (report, assessment) = try await load(request, context)
            let m = try reportedMeasure(context, in: report, assessment)
            let code = m.measure.code
            let sortText = request.queryValue("sort") ?? "value"
            guard let sort = SiteComparison.SortKey(rawValue: sortText) else {
                throw WebError.badParameter("sort", "sort: \(sortText) is not a column (expected area, group or value)")
            }
            let orderText = request.queryValue("order") ?? (m.measure.polarity == .lowIsGood ? "asc" : "desc")
            guard orderText == "asc" || orderText == "desc" else { throw WebError.badParameter("order", "order: \(orderText) is not an order (expected asc or desc)") }
            let comparison = try await ComparisonBuilder(cache: cache).comparison(
                report: report, published: try await access.snapshot(report), measure: m, councilName: assessment.councilName, sort: sort, descending: orderText == "desc",
                sortHref: { key, descending in
                    SiteRoutes.compare.href(["committee": report.committee.code, "measure": code], query: Self.query(report) + [("sort", key.rawValue), ("order", descending ? "desc" : "asc")])
                },
                measureHref: SiteRoutes.measure.href(["committee": report.committee.code, "measure": code], query: Self.query(report))
            )
            return try SiteRenderer.compare(comparison, chrome: chrome(
                context, breadcrumbs: committeeCrumbs(report) + [
                    SiteLink(m.measure.title, href: comparison.measureHref), SiteLink("Compare", href: "", isCurrent: true),
                ], standing: try await standing(report, assessment, for: context.viewer)))
        }
    }

    func measureData(_ request: Request, _ context: WebRequestContext, fileExtension: String) async throws -> Response {
        let (report, assessment) = try await load(request, context)
        let code = try measureCode(context, in: report)
        guard let data = try SiteRenderer.measureData(assessment, code: code, fileExtension: fileExtension) else { throw WebError.notFound("No data for measure \(code).") }
        let name = "\(RouteTemplate.encodeSegment(code))-\(report.period.label.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "-")).\(fileExtension)"
        return Response.download(data, fileExtension: fileExtension, fileName: name)
    }

    func reportData(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let (report, assessment) = try await load(request, context)
        let file = try context.parameter("file")
        guard let data = try SiteRenderer.reportData(
            assessment, fileName: file, requests: try await access.requests(report), risks: try await access.risks(report), finance: try await access.finance(report),
            revisions: try await access.revisedFigures(report, assessment)
        ) else { throw WebError.notFound("The report has no data file \(file).") }
        return Response.download(data, fileExtension: (file as NSString).pathExtension, fileName: file)
    }

    func search(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let query = request.queryValue("q") ?? ""
        let words = query.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        var results: [SiteSearchResult] = []
        if !words.isEmpty {
            let measures = Dictionary(try await cache.measures().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            for listed in try await cache.committees() {
                guard (try? await access.committee(listed.code, for: context.viewer.account)) != nil else { continue }
                // The measures the searcher may know of: not one added since the last publication.
                let committee = try await ObservationAccess(cache: cache).shown(listed, to: context.viewer.account)
                for theme in committee.themes {
                    for code in theme.measureCodes {
                        let title = measures[code]?.title ?? code
                        guard MeasureSearch.matches(title, code: code, words: words) else { continue }
                        results.append(SiteSearchResult(
                            title: title, code: code, context: "\(committee.name) · \(theme.name)",
                            href: SiteRoutes.measure.href(["committee": committee.code, "measure": code])
                        ))
                    }
                }
            }
        }
        return .html(try SiteRenderer.search(query: query, results: results, chrome: chrome(context, query: query, breadcrumbs: [SiteLink("Committees", href: SiteRoutes.home.href()), SiteLink("Search", href: "", isCurrent: true)])))
    }

    // MARK: Forms

    func writeCommentary(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context)
        try CSRF.check(form, context.viewer)
        guard let account = context.viewer.account else { throw WebError.signInRequired }
        let committeeCode = try context.parameter("committee")
        let definition = try await access.committee(committeeCode, for: account)
        let code = try context.parameter("measure")
        guard definition.committee.measureCodes.contains(code) else { throw WebError.measureNotReported(code, committee: committeeCode) }
        guard AccessPolicy.canWriteCommentary(account, measureCode: code, in: definition.committee) else {
            throw WebError(.forbidden, "Only the measure's owner, an analyst or an administrator of \(definition.committee.councilAreaCode) may write its commentary.")
        }
        let period = try form.period()
        if try await cache.publications(committeeCode).contains(where: { $0.periodLabel == period.label && $0.stage == .published }) {
            throw WebError(.conflict, "The report of \(definition.committee.name) for \(period.label) is published, so its commentary stays as the committee read it (expected a report that is not published; an analyst can move it back to checked first).")
        }
        let text = form["text"]?.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard text.count <= Commentary.longestText else {
            throw WebError.badParameter("text", "text: the commentary is longer than \(Commentary.longestText) characters (expected a shorter text)")
        }
        _ = try await cache.store.addCommentary(Commentary(committeeCode: committeeCode, measureCode: code, periodLabel: period.label, text: text, author: account.displayName), by: account.username)
        cache.invalidate()
        // Back to the form, which says which version was saved.
        return .redirect(to: SiteRoutes.measure.href(["committee": committeeCode, "measure": code], query: [("period", period.label), ("saved", "commentary")]) + "#commentary-edit", type: .normal)
    }

    func setStage(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context)
        try CSRF.check(form, context.viewer)
        guard let account = context.viewer.account else { throw WebError.signInRequired }
        let committeeCode = try context.parameter("committee")
        let definition = try await access.committee(committeeCode, for: account)
        guard AccessPolicy.canPublish(account, definition.committee) else {
            throw WebError(.forbidden, "Only an analyst or an administrator of the committee's council may change a report's stage.")
        }
        let period = try form.period()
        guard let stage = ReportPublication.Stage(rawValue: form["stage"] ?? "") else {
            throw WebError.badParameter("stage", "stage: \(form["stage"] ?? "nothing") is not a stage (expected draft, checked or published)")
        }
        do {
            _ = try await cache.store.moveReport(definition, period: period, to: stage, by: account.username, today: today)
        } catch StoreError.alreadyPublished {
            throw WebError(.conflict, "The report of \(definition.committee.name) for \(period.label) is already published, and stays as the committee read it (expected it moved back to checked first, to publish it again).")
        } catch StoreError.publishedUnchecked {
            throw WebError(.conflict, "The report of \(definition.committee.name) for \(period.label) is a draft, and a report is published only once it has been checked (expected it moved to checked first, then published).")
        } catch StoreError.reportingPeriodNotBegun {
            throw WebError.badParameter("period", "period: \(period.label) has not begun on \(today.displayText) (expected a reporting period that has begun)")
        }
        cache.invalidate()
        return .redirect(to: SiteRoutes.committee.href(["committee": committeeCode], query: [("period", period.label)]), type: .normal)
    }

    // MARK: Parts

    /// The report and assessment a committee page asks for.
    func load(_ request: Request, _ context: WebRequestContext) async throws -> (ReportAccess.Report, CommitteeAssessment) {
        let code = try context.parameter("committee")
        let report = try await access.report(code, period: request.queryValue("period"), snapshot: request.queryValue("snapshot"), for: context.viewer.account)
        return (report, try await access.assessment(report))
    }

    func measureCode(_ context: WebRequestContext, in report: ReportAccess.Report) throws -> String {
        let code = try context.parameter("measure")
        guard report.committee.measureCodes.contains(code) else { throw WebError.measureNotReported(code, committee: report.committee.code) }
        return code
    }

    /// The measure the route names, as the report assesses it; 404 when the committee does not report it.
    func reportedMeasure(_ context: WebRequestContext, in report: ReportAccess.Report, _ assessment: CommitteeAssessment) throws -> MeasureAssessment {
        let code = try measureCode(context, in: report)
        guard let measure = assessment.measures.first(where: { $0.measure.code == code }) else {
            throw WebError.measureNotReported(code, committee: report.committee.code)
        }
        return measure
    }

    /// A public page from the cache, or rendered and kept (see `ReportCache.publicResponse`).
    func publicCached(_ request: Request, _ context: WebRequestContext, render: () async throws -> String) async throws -> Response {
        try await cache.publicResponse(request, context, contentType: "text/html; charset=utf-8") { Data(try await render().utf8) }
    }

    /// The query that keeps a page on the report it shows: its period, and the publication read when
    /// an earlier one was asked for.
    static func query(_ report: ReportAccess.Report) -> [(String, String)] {
        [("period", report.period.label)] + (report.snapshotVersion.map { [("snapshot", String($0))] } ?? [])
    }

    func links(_ report: ReportAccess.Report) -> SiteLinks {
        let code = report.committee.code, query = Self.query(report)
        let themes = report.committee.themes.map { Self.slug($0.name) }
        return SiteLinks(
            committee: SiteRoutes.committee.href(["committee": code]),
            theme: { SiteRoutes.theme.href(["committee": code, "theme": themes[$0]], query: query) },
            measure: { SiteRoutes.measure.href(["committee": code, "measure": $0], query: query) },
            compare: { SiteRoutes.compare.href(["committee": code, "measure": $0], query: query) },
            measureData: { measure, ext in (ext == "csv" ? SiteRoutes.measureCSV : SiteRoutes.measureXLSX).href(["committee": code, "measure": measure], query: query) },
            reportData: { SiteRoutes.reportData.href(["committee": code, "file": $0], query: query) }
        )
    }

    func committeeCrumbs(_ report: ReportAccess.Report) -> [SiteLink] {
        [
            SiteLink("Committees", href: SiteRoutes.home.href()),
            SiteLink(report.committee.name, href: SiteRoutes.committee.href(["committee": report.committee.code], query: Self.query(report))),
        ]
    }

    func themeNavigation(_ report: ReportAccess.Report, current: Int?) -> [SiteLink] {
        let l = links(report)
        return [SiteLink("Summary", href: SiteRoutes.committee.href(["committee": report.committee.code], query: Self.query(report)), isCurrent: current == nil)]
            + report.committee.themes.enumerated().map { SiteLink($1.name, href: l.theme($0), isCurrent: current == $0) }
    }

    func chrome(
        _ context: WebRequestContext, query: String = "", breadcrumbs: [SiteLink], navigation: [SiteLink] = [], navigationLabel: String = "Pages",
        standing: SignOffStanding? = nil
    ) -> SiteChrome {
        var chrome = SiteChrome.make(context.viewer, query: query, breadcrumbs: breadcrumbs, navigation: navigation, navigationLabel: navigationLabel)
        chrome.standing = standing
        return chrome
    }

    /// Where the report read stands in sign-off: its stage, who marked it, and the publication read,
    /// naming who marked or published it to those `AccessPolicy.readsSignInNames` tells.
    func standing(_ report: ReportAccess.Report, _ assessment: CommitteeAssessment, for viewer: Viewer) async throws -> SignOffStanding {
        let standing = SignOffStanding(
            stage: report.stage, marking: report.publication, publication: try await access.snapshot(report)?.publication,
            publicationCount: try await cache.snapshotVersions(report.committee.code, period: report.period.label).count, judgedOn: assessment.today
        )
        return AccessPolicy.readsSignInNames(viewer.account) ? standing : standing.withoutNames()
    }

    func councilName(_ code: String, _ areas: [Area]) -> String {
        areas.first { $0.code == code }?.name ?? code
    }

    /// A theme's name as a URL segment: "Children in Care" → "children-in-care".
    static func slug(_ name: String) -> String {
        CommitteeTheme.slug(name)
    }
}

extension SiteChrome {
    /// The chrome for `viewer`, with links from the site's routes.
    static func make(_ viewer: Viewer, query: String = "", breadcrumbs: [SiteLink] = [], navigation: [SiteLink] = [], navigationLabel: String = "Pages") -> SiteChrome {
        SiteChrome(
            homeHref: SiteRoutes.home.href(), stylesheetHref: SiteRoutes.stylesheet.href(), searchHref: SiteRoutes.search.href(),
            signInHref: SiteRoutes.signInForm.href(), signOutHref: SiteRoutes.signOut.href(), apiHref: APIRoutes.openAPI.href(),
            signedInAs: viewer.account.map { "\($0.displayName) (\($0.role.displayName))" }, csrfToken: viewer.csrfToken, query: query,
            breadcrumbs: breadcrumbs, navigation: navigation, navigationLabel: navigationLabel
        )
    }
}

