import Foundation
import Hummingbird
import ScrutineerCore
import ScrutineerFormats
import ScrutineerStorage
import ScrutineerViews

/// Importing a committee's own spreadsheets from the site (PRODUCT.md R14): figures of the
/// council's own measures, the committee's risk register, its finance return, as `scrutineer
/// import local | risks | finance` reads them, all or nothing and audited under the analyst's
/// name. Analysts and administrators of the committee's council may import. Figures of published
/// statistics, which every council's reports compare with, are left to `scrutineer import`: the
/// local import refuses a figure of any measure not the council's own, on the site as at the
/// command line.
extension PageController {
    /// The kinds of file the site imports, as the form names them: a council's own files.
    static let siteImportKinds = OwnDataImport.kinds

    func addRoutesForImports(to router: Router<WebRequestContext>) {
        router.on(RouterPath(SiteRoutes.importForm.pattern), method: .get) { request, context in try await importForm(request, context) }
        router.on(RouterPath(SiteRoutes.imports.pattern), method: .post) { request, context in try await importFiles(request, context) }
        router.on(RouterPath(SiteRoutes.importTemplate.pattern), method: .get) { request, context in try await importTemplate(request, context) }
    }

    func importForm(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let page = try await importPage(try await importer(context).committee)
        return try render(page, context, status: .ok)
    }

    /// A kind's template workbook (`ImportTemplate`), as `scrutineer template KIND` writes it.
    func importTemplate(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try await importer(context)
        let file = try context.parameter("file")
        guard let template = ImportTemplate(fileName: file) else {
            throw WebError.notFound("There is no template \(file) (expected \(ImportTemplate.allCases.map(\.fileName).joined(separator: ", "))).")
        }
        return Response.download(try template.xlsxData(), fileExtension: "xlsx", fileName: template.fileName)
    }

    func importFiles(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        // Who asks is checked before the files are read.
        let (account, committee) = try await importer(context)
        let form = try await UploadedForm.read(request, fileField: "file")
        try CSRF.check(form.fields, context.viewer)
        let kindText = form.fields["kind"] ?? ""
        guard let kind = ImportKind(rawValue: kindText), Self.siteImportKinds.contains(kind) else {
            throw WebError.badParameter("kind", "kind: \(kindText.isEmpty ? "not chosen" : kindText) (expected local, risks or finance)")
        }
        guard !form.files.isEmpty else {
            throw WebError.badParameter("file", "file: no file chosen (expected one or more CSV or XLSX files)")
        }
        let sheet = form.fields.text("sheet").trimmingCharacters(in: .whitespaces)
        let store = cache.store
        let importContext = try await store.importContext()
        let stored = OwnDataImport.Stored(
            riskReviews: kind == .risks ? try await store.risks(committeeCode: committee.code) : [],
            financeLines: kind == .finance ? try await store.finance(committeeCode: committee.code) : []
        )
        let wholeReturn = form.fields["whole-return"] == "yes", replaceNewer = form.fields["replace-newer"] == "yes"
        var page = try await importPage(committee, kind: kind.rawValue, sheet: sheet, wholeReturn: wholeReturn, replaceNewer: replaceNewer)
        func refused(_ errors: BatchInputErrors, advice: [String] = []) throws -> Response {
            page.outcome = .refused(problems: errors.errors, digest: ImportProblemsDigest(errors).lines + advice)
            return try render(page, context, status: .unprocessableContent)
        }
        // Read as the command reads the council's own files, for this committee and its council.
        let parsed: ImportBatch?
        do {
            parsed = try OwnDataImport.parse(
                kind, files: form.files, sheet: sheet.isEmpty ? nil : sheet, council: committee.councilAreaCode, committeeCode: committee.code,
                wholeReturn: wholeReturn, context: importContext, today: today, stored: stored
            )
        } catch {
            return try refused(PublishedFileLayout.namingMisplacedFiles(error, kind: kind, files: form.files))
        }
        guard var batch = parsed else { throw WebError.badParameter("kind", "kind: \(kind.rawValue) is not a council's own file (expected local, risks or finance)") }
        batch.mayReplaceNewerFigures = replaceNewer
        let summary: ImportSummary
        do {
            summary = try await store.importBatch(batch, by: account.username)
        } catch let error as StoreError {
            // A lost database is not a problem in the file: the error page says to try again (503).
            if error.isConnectionLost { throw error }
            // The store rolled the whole import back; its words name the record, and the cell
            // when a file defined what was refused.
            let refusals = error.refusals.map { error in
                if let cell = error.cell {
                    BatchInputError(file: cell.file, row: cell.row, column: cell.column, message: error.problem)
                } else {
                    BatchInputError(file: error.files ?? form.files.map(\.name).joined(separator: ", "), row: 0, column: "-", message: error.files == nil ? error.description : error.problem)
                }
            }
            // Older figures are not a mistake in the file: the choice is the box.
            let older = error.refusals.contains { if case .olderThanStored = $0 { true } else { false } }
            return try refused(BatchInputErrors(refusals), advice: older ? [
                "To put the older figures back on purpose, tick \"Put older figures back\" below and import the file again; the newer figures stay in history.",
            ] : [])
        }
        cache.invalidate()
        page.outcome = .imported(summary: ImportReport(files: form.files.map(\.name), summary: summary, skipped: batch.skipped).lines)
        return try render(page, context, status: .ok)
    }

    /// The signed-in analyst or administrator of the committee's council, and the committee.
    private func importer(_ context: WebRequestContext) async throws -> (account: UserAccount, committee: Committee) {
        guard let account = context.viewer.account else { throw WebError.signInRequired }
        let committee = try await access.committee(try context.parameter("committee"), for: account).committee
        guard AccessPolicy.canImport(account, committee) else {
            throw WebError(.forbidden, "Only an analyst or an administrator of the committee's council may import its data.")
        }
        return (account, committee)
    }

    /// The import page for `committee`, with the kind, the sheet and the boxes the form last
    /// sent, and no outcome yet.
    private func importPage(
        _ committee: Committee, kind: String = "local", sheet: String = "", wholeReturn: Bool = false, replaceNewer: Bool = false
    ) async throws -> SiteImportPage {
        let templates = ImportTemplate.allCases.map { ($0, SiteRoutes.importTemplate.href(["committee": committee.code, "file": $0.fileName])) }
        return SiteImportPage(
            committeeName: committee.name, councilName: councilName(committee.councilAreaCode, try await cache.areas()),
            formAction: SiteRoutes.imports.href(["committee": committee.code]), committeeHref: SiteRoutes.committee.href(["committee": committee.code]),
            templateHrefs: Dictionary(uniqueKeysWithValues: templates), kind: kind, sheet: sheet, wholeReturn: wholeReturn, replaceNewer: replaceNewer
        )
    }

    private func render(_ page: SiteImportPage, _ context: WebRequestContext, status: HTTPResponse.Status) throws -> Response {
        let crumbs = [
            SiteLink("Committees", href: SiteRoutes.home.href()), SiteLink(page.committeeName, href: page.committeeHref),
            SiteLink("Import data", href: "", isCurrent: true),
        ]
        return .html(try SiteRenderer.importPage(page, chrome: chrome(context, breadcrumbs: crumbs)), status: status)
    }
}
