import Foundation
import Mustache
import ScrutineerCore
import ScrutineerFormats

/// Renders the web application's pages (PRODUCT.md R13): pure functions from an assessment and
/// the site's links to HTML, built from the same models and templates as the committee pack, so
/// the pages and the pack always say the same thing.
public enum SiteRenderer {
    /// The OGL attribution every page carries.
    public static let attribution = PackRenderer.attribution

    // MARK: Pages

    /// The front page: the committees the reader may see.
    public static func home(committees: [SiteCommitteeEntry], chrome: SiteChrome) throws -> String {
        let content = try render([
            "hasCommittees": !committees.isEmpty,
            "committees": committees.map { ["name": $0.name, "councilName": $0.councilName, "href": $0.href, "status": $0.status] },
        ], "siteHome")
        return try page(title: "Committee performance reports", bodyClass: "home-page", chrome: chrome, content: content)
    }

    /// A committee's home: the headline, a tile per theme and the counts. Like the assessment,
    /// `requests`, `risks` and `finance` come as its audience reads them (`redacted(for:)`).
    public static func committeeHome(
        _ a: CommitteeAssessment, links: SiteLinks, state: SiteReportState, requests: [ReportedRequest]? = nil, risks: [ReportedRisk]? = nil,
        finance: [FinanceLine]? = nil, revisions: [String: FigureRevisions] = [:], chrome: SiteChrome
    ) throws -> String {
        var symbols = PackSymbols(key: a.key)
        let summary = summaryBuilder(a, links: links, requests: requests, risks: risks, finance: finance).build(symbols: &symbols, fullKey: false)
        let tiles: [[String: Any]] = a.themes.enumerated().map { index, theme in
            [
                "name": theme.name, "href": links.theme(index), "owner": theme.owner ?? "", "hasOwner": theme.owner != nil,
                "sentence": a.headline.themes.first { $0.name == theme.name }?.sentence ?? "",
            ]
        }
        // Only the moves the report may make: a draft is published once checked.
        let current = state.standing.stage
        let stages: [[String: Any]] = ReportPublication.Stage.allCases.filter { $0 == current || current.moves.contains($0) }.map {
            ["value": $0.rawValue, "text": $0.label, "isCurrent": $0 == current]
        }
        var model: [String: Any] = [
            "heading": "\(a.committee.name): \(a.reportingPeriod.label)",
            "facts": summary.facts,
            "stageClass": PackWording.stageClass(state.standing), "stageLabel": state.standing.label, "stageNote": state.standing.note,
            "audienceNote": summary.audienceNote,
            "committeeHref": links.committee,
            "periods": state.periods.map { ["label": $0.label, "text": $0.text, "isCurrent": $0.label == a.reportingPeriod.label] },
            "canPublish": state.publishAction != nil, "publishAction": state.publishAction ?? "", "csrfToken": chrome.csrfToken,
            "hasImport": state.importHref != nil, "importHref": state.importHref ?? "",
            "hasSmallCounts": state.smallCountsInText.contains { !$0.isWithheldFigure },
            "smallCounts": state.smallCountsInText.filter { !$0.isWithheldFigure }.map { ["text": $0.text] },
            "hasUncommented": !state.offTrackWithoutCommentary.isEmpty, "uncommented": state.offTrackWithoutCommentary,
            "hasWithheldFigures": state.smallCountsInText.contains(where: \.isWithheldFigure),
            "withheldFigures": state.smallCountsInText.filter(\.isWithheldFigure).map { ["text": $0.text] },
            "hasPublications": !state.publications.isEmpty,
            "publications": state.publications.map { ["text": $0.text, "href": $0.href, "isCurrent": $0.isCurrent] as [String: Any] },
            // Each links to the part of its page that lists what its figures became.
            "hasRevisedSincePublication": !state.revisedSincePublication.isEmpty,
            "revisedSincePublication": a.measures.filter { state.revisedSincePublication.contains($0.measure.code) }.map { m in
                SiteLink(m.measure.title, href: links.measure(m.measure.code) + "#\(PackMeasureBuilder.anchor(fileName: measurePageFileName(m.measure.code)))-revised-since").model
            },
            "revisedSincePublicationSentence": RevisionsSincePublication.committeeSentence(revisedMeasures: state.revisedSincePublication.count),
            "periodLabel": a.reportingPeriod.label, "stages": stages, "isDraft": current == .draft,
            "headline": a.headline.sentence,
            "tiles": tiles,
            "statusTable": summary.statusTable, "directionTable": summary.directionTable,
            "dataLinks": PackDataTables.files(PackOptions(requests: requests, risks: risks, finance: finance, revisions: revisions)).map { ["text": $0.description, "href": links.reportData($0.fileName)] }
                + [["text": "Every table in one workbook (Excel, XLSX)", "href": links.reportData(PackDataTables.workbookName)]],
        ]
        // Only when given: a nil in the model would still open the section.
        if let section = summary.requests { model["requests"] = section }
        if let section = summary.finance { model["finance"] = section }
        if let section = summary.risks { model["risks"] = section }
        if let forms = state.requestForms {
            model["requestForms"] = [
                "addAction": forms.addAction, "csrfToken": chrome.csrfToken, "periodLabel": a.reportingPeriod.label,
                "longestText": CommitteeRequest.longestText,
                "measures": forms.measures.map { ["code": $0.code, "title": $0.title] },
                "outstanding": forms.outstanding.map {
                    [
                        "number": $0.request.number, "request": $0.request.request, "isRecurring": $0.request.recurrence == .everyReport,
                        "askedBy": $0.request.askedBy, "providedBy": $0.request.providedBy, "dueBy": $0.request.dueBy?.iso ?? "",
                        "deliverAction": $0.deliverAction, "amendAction": $0.amendAction, "closeAction": $0.closeAction,
                        "csrfToken": chrome.csrfToken, "periodLabel": a.reportingPeriod.label,
                    ] as [String: Any]
                },
            ] as [String: Any]
        }
        return try page(title: PackWording.titlePrefix(state.standing) + "\(a.committee.name), \(a.reportingPeriod.label)", bodyClass: "committee-page", chrome: chrome, content: try withGlossary(render(model, "siteCommittee")))
    }

    /// A theme's dashboard, by its position in the report; nil when there is no such theme.
    public static func theme(_ a: CommitteeAssessment, index: Int, links: SiteLinks, chrome: SiteChrome) throws -> String? {
        guard a.themes.indices.contains(index) else { return nil }
        let theme = a.themes[index]
        var symbols = PackSymbols(key: a.key)
        let table = summaryBuilder(a, links: links).themeTable(theme, number: index + 1, symbols: &symbols)
        let model: [String: Any] = [
            "name": theme.name, "committeeName": a.committee.name, "councilName": a.councilName, "periodLabel": a.reportingPeriod.label,
            "owner": theme.owner ?? "", "hasOwner": theme.owner != nil,
            "sentence": a.headline.themes.first { $0.name == theme.name }?.sentence ?? "",
            "audienceNote": PackWording.audienceNote(a.audience),
            "table": table,
            "key": symbols.keyTable(a.key, id: "key-table", caption: "Key to the symbols on this page"),
        ]
        return try page(title: PackWording.titlePrefix(chrome.standing) + "\(theme.name): \(a.committee.name), \(a.reportingPeriod.label)", bodyClass: "theme-page", chrome: chrome, content: try withGlossary(render(model, "siteTheme")))
    }

    /// A measure's page; nil when the committee does not report it.
    public static func measure(_ a: CommitteeAssessment, code: String, links: SiteLinks, extras: SiteMeasureExtras, chrome: SiteChrome) throws -> String? {
        guard let m = a.measures.first(where: { $0.measure.code == code }) else { return nil }
        let fileName = measurePageFileName(code)
        var symbols = PackSymbols(key: a.key)
        let builder = PackMeasureBuilder(
            assessment: a, measure: m, fileName: fileName, commentary: extras.commentary?.text, revisions: extras.revisions, sincePublication: extras.sincePublication
        )
        let model = builder.build(symbols: &symbols)
        var meta = ""
        if let c = extras.commentary {
            meta = "version \(extras.commentaryVersions), written by \(c.author) on \(CalendarDate.displayText(ofTimestamp: c.writtenAt))."
        }
        let targetHistory = extras.targetHistory.compactMap { PackWording.seen($0, in: a) }
        let extrasModel: [String: Any] = [
            "compareHref": links.compare(code), "csvHref": links.measureData(code, "csv"), "xlsxHref": links.measureData(code, "xlsx"),
            "hasCommentaryMeta": !meta.isEmpty, "commentaryMeta": meta,
            "hasSavedNotice": extras.commentarySaved && extras.commentary != nil,
            "savedNotice": extras.commentary.map { "Saved: the commentary for \(a.reportingPeriod.label) is now version \(extras.commentaryVersions), written by \($0.author) on \(CalendarDate.displayText(ofTimestampWithTime: $0.writtenAt)). It shows above, under Commentary." } ?? "",
            "canEdit": extras.commentaryAction != nil, "commentaryAction": extras.commentaryAction ?? "", "csrfToken": chrome.csrfToken,
            "periodLabel": a.reportingPeriod.label, "commentaryText": extras.commentary?.text ?? "", "commentaryLongest": Commentary.longestText,
            "hasTargetHistory": !targetHistory.isEmpty, "targetHistory": targetHistoryTable(targetHistory, format: m.format, today: a.today),
        ]
        let content = try render(model, "measure") + (try render(extrasModel, "siteMeasureExtras")) + (try render(model, "measureKey"))
        return try page(title: PackWording.titlePrefix(chrome.standing) + "\(m.measure.title): \(a.committee.name), \(a.reportingPeriod.label)", bodyClass: "measure-page-body", chrome: chrome, content: try withGlossary(content))
    }

    /// One measure across the council's statistical neighbours, region and comparator groups.
    public static func compare(_ c: SiteComparison, chrome: SiteChrome) throws -> String {
        let rows = sorted(c.rows, by: c.sort, descending: c.descending)
        let headers: [[String: Any]] = [(SiteComparison.SortKey.area, "Area"), (.group, "Compared as"), (.value, "Value")].map { key, text in
            let isSorted = key == c.sort
            let nextDescending = isSorted ? !c.descending : (key == .value)
            return [
                "text": text, "href": c.sortHref(key, nextDescending), "isNumeric": key == .value,
                "ariaSort": isSorted ? (c.descending ? "descending" : "ascending") : "none",
                "sortHint": "sort \(nextDescending ? "descending" : "ascending")",
            ]
        }
        let comparedWithParts = ["statistical neighbours", "the region"] + c.groupNames
        let comparedWith = comparedWithParts.dropLast().joined(separator: ", ") + " and " + comparedWithParts[comparedWithParts.count - 1]
        let withValues = c.rows.filter { $0.value != nil }.count
        // The figures are the measure's latest in the report, which for an annual statistic is
        // often a year before the report's quarter: say which.
        let figures = c.figuresPeriodLabel == c.periodLabel ? c.periodLabel : "\(c.figuresPeriodLabel), the latest in the \(c.periodLabel) report"
        let summary = "\(withValues) of \(c.rows.count) areas \(withValues == 1 ? "has" : "have") a figure for \(figures). Sorted by \(c.sort.rawValue), \(c.descending ? "descending" : "ascending"); choose a column heading to sort by it."
        let model: [String: Any] = [
            "title": c.measureTitle, "comparedWith": comparedWith, "periodLabel": c.periodLabel, "about": c.about, "summary": summary,
            "caption": "\(c.measureTitle) (\(c.measureCode)), \(c.figuresPeriodLabel): this council compared with \(comparedWith)",
            "headers": headers,
            "rows": rows.map { ["areaName": $0.areaName, "group": $0.group, "valueText": $0.valueText, "isCouncil": $0.isCouncil] as [String: Any] },
            "measureHref": c.measureHref,
        ]
        return try page(title: PackWording.titlePrefix(chrome.standing) + "Compare \(c.measureTitle), \(c.periodLabel)", bodyClass: "compare-page", chrome: chrome, content: try render(model, "siteCompare"))
    }

    /// The search page with its results.
    public static func search(query: String, results: [SiteSearchResult], chrome: SiteChrome) throws -> String {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let heading = results.isEmpty ? "No measures match “\(trimmed)”" : "\(results.count) measure\(results.count == 1 ? "" : "s") match “\(trimmed)”"
        let model: [String: Any] = [
            "searchHref": chrome.searchHref, "query": query, "hasQuery": !trimmed.isEmpty, "resultsHeading": heading,
            "hasResults": !results.isEmpty,
            "results": results.map { ["title": $0.title, "code": $0.code, "context": $0.context, "href": $0.href] },
        ]
        return try page(title: trimmed.isEmpty ? "Search measures" : "Search: \(trimmed)", bodyClass: "search-page", chrome: chrome, content: try render(model, "siteSearch"))
    }

    /// The sign-in form, with what went wrong last time.
    public static func signIn(username: String, error: String?, chrome: SiteChrome) throws -> String {
        let model: [String: Any] = [
            "signInHref": chrome.signInHref, "csrfToken": chrome.csrfToken, "username": username,
            "hasError": error != nil, "error": error ?? "",
        ]
        return try page(title: error == nil ? "Sign in" : "Error: sign in", bodyClass: "sign-in-page", chrome: chrome, content: try render(model, "siteSignIn"))
    }

    /// The file name a measure's own page builds its anchors from (a page holds one measure, so no
    /// other code's name can clash with it).
    static func measurePageFileName(_ code: String) -> String {
        PackRoute.fileNames(for: [code])[code] ?? code
    }

    /// The import form for a committee's own spreadsheets, with what the last import did.
    public static func importPage(_ p: SiteImportPage, chrome: SiteChrome) throws -> String {
        var model: [String: Any] = [
            "committeeName": p.committeeName, "councilName": p.councilName, "formAction": p.formAction, "committeeHref": p.committeeHref,
            "csrfToken": chrome.csrfToken, "sheet": p.sheet,
            "isLocal": p.kind == "local", "isRisks": p.kind == "risks", "isFinance": p.kind == "finance", "wholeReturn": p.wholeReturn, "replaceNewer": p.replaceNewer,
            "localTemplateHref": p.templateHrefs[.local] ?? "", "risksTemplateHref": p.templateHrefs[.risks] ?? "",
            "financeTemplateHref": p.templateHrefs[.finance] ?? "",
        ]
        var title = "Import data: \(p.committeeName)"
        switch p.outcome {
        case let .imported(summary)?:
            model["isImported"] = true
            model["summary"] = summary
            title = "Imported: \(p.committeeName)"
        case let .refused(problems, digest)?:
            let total = problems.count
            model["isRefused"] = true
            model["problemCountText"] = total == 1 ? "problem" : "\(total) problems"
            model["digest"] = digest
            let listed = problems.prefix(SiteImportPage.problemsListed)
            model["problemsCaption"] = listed.count < total
                ? "The first \(listed.count) of \(total) problems, by file, row and column" : "Problems found, by file, row and column"
            // A problem with the whole file or a whole measure has no row or column (row 0, column "-").
            model["problems"] = listed.map {
                ["file": $0.file, "row": $0.row > 0 ? String($0.row) : "", "column": $0.column == "-" ? "" : $0.column, "message": $0.message]
            }
            title = "Error: nothing imported: \(p.committeeName)"
        case nil:
            break
        }
        return try page(title: title, bodyClass: "import-page", chrome: chrome, content: try render(model, "siteImport"))
    }

    /// A page of explanation: not found, not allowed, a bad request.
    public static func message(title: String, paragraphs: [String], chrome: SiteChrome) throws -> String {
        try page(title: title, bodyClass: "message-page", chrome: chrome, content: try render(["heading": title, "paragraphs": paragraphs, "homeHref": chrome.homeHref], "siteMessage"))
    }

    // MARK: Data

    /// One of the report's data files (`measures.csv`, `finance.csv`, `pack.xlsx`…), as the pack
    /// with the committee's `requests`, `risks` and `finance` (as the assessment's audience reads
    /// them) writes it; nil for another name, or for a section's file when it is not given.
    public static func reportData(
        _ a: CommitteeAssessment, fileName: String, requests: [ReportedRequest]? = nil, risks: [ReportedRisk]? = nil, finance: [FinanceLine]? = nil,
        revisions: [String: FigureRevisions] = [:]
    ) throws -> Data? {
        let tables = PackDataTables.tables(a, options: PackOptions(requests: requests, risks: risks, finance: finance, revisions: revisions))
        if fileName == PackDataTables.workbookName { return try XLSXWriter.data(for: tables.map(\.sheet)) }
        return tables.first { $0.file.fileName == fileName }.map { Data($0.csv.utf8) }
    }

    /// One measure's data: as CSV, its trend (the figures its chart draws); as XLSX, every table
    /// of the report cut to its rows. nil when the committee does not report the measure.
    public static func measureData(_ a: CommitteeAssessment, code: String, fileExtension: String) throws -> Data? {
        guard a.measures.contains(where: { $0.measure.code == code }) else { return nil }
        let tables = PackDataTables.tables(a).compactMap { $0.rows(forMeasure: code) }
        switch fileExtension {
        case "csv": return tables.first { $0.file == PackDataTables.trend }.map { Data($0.csv.utf8) }
        case "xlsx": return try XLSXWriter.data(for: tables.map(\.sheet))
        default: return nil
        }
    }

    /// The site's stylesheet: the pack's, with the site's header, forms and tiles.
    public static let stylesheet: String = PackStylesheet.css(runningHeader: "Scrutineer", runningTitle: "Committee performance report", attribution: attribution) + SiteStylesheet.css

    // MARK: Parts

    static func render(_ model: Any, _ template: String) throws -> String {
        let library = try SiteTemplates.library.get()
        guard let text = library.render(model, withTemplate: template) else { throw PackRenderError.template(name: template, message: "not registered") }
        return text
    }

    /// `content` followed by the words and abbreviations it uses, explained (`PackGlossary`).
    static func withGlossary(_ content: String) throws -> String {
        var failure: (any Error)?
        let glossary = PackGlossary.section(for: content) { model, template in
            do { return try render(model, template) } catch { failure = error; return "" }
        }
        if let failure { throw failure }
        return content + glossary
    }

    static func page(title: String, bodyClass: String, chrome: SiteChrome, content: String) throws -> String {
        var model: [String: Any] = [
            "title": title, "bodyClass": bodyClass, "stylesheet": chrome.stylesheetHref, "homeHref": chrome.homeHref,
            "searchHref": chrome.searchHref, "query": chrome.query,
            "isSignedIn": chrome.signedInAs != nil, "signedInAs": chrome.signedInAs ?? "", "csrfToken": chrome.csrfToken,
            "signOutHref": chrome.signOutHref, "signInHref": chrome.signInHref, "apiHref": chrome.apiHref,
            "hasBreadcrumbs": !chrome.breadcrumbs.isEmpty, "breadcrumbs": chrome.breadcrumbs.map(\.model),
            "hasNavigation": !chrome.navigation.isEmpty, "navigation": chrome.navigation.map(\.model), "navigationLabel": chrome.navigationLabel,
            "content": content, "attribution": attribution,
        ]
        if let standing = chrome.standing, standing.shown != .published {
            model["hasStanding"] = true
            model["stageClass"] = PackWording.stageClass(standing)
            model["stageLabel"] = standing.label
            model["stageNote"] = standing.note
        }
        return try render(model, "sitePage")
    }

    static func summaryBuilder(
        _ a: CommitteeAssessment, links: SiteLinks, requests: [ReportedRequest]? = nil, risks: [ReportedRisk]? = nil,
        finance: [FinanceLine]? = nil
    ) -> PackSummaryBuilder {
        let options = PackOptions(requests: requests, risks: risks, finance: finance)
        var builder = PackSummaryBuilder(assessment: a, fileNames: [:], page: .index, options: options, generated: a.today)
        builder.measureLink = links.measure
        return builder
    }

    /// Every target version the reader sees (`PackWording.seen`); one with no end is "In force", or
    /// "Not yet in force" before `today`.
    static func targetHistoryTable(_ targets: [Target], format: ValueFormat, today: CalendarDate) -> PackTable {
        PackTable(
            id: "target-history-table", caption: "Every version of every target the council has set for this measure, oldest first",
            headers: ["Target", "Value", "Tolerance", "Valid from", "Valid to", "Version", "Set by", "Set on", "Reason", "Decision"].map { PackHeader($0) },
            rows: targets.map { t in
                let name = PackWording.targetKind(t.kind) + (t.periodLabel.map { " for \($0)" } ?? "")
                return PackRow(header: PackCell(name), cells: [
                    PackCell(format.text(t.value)), PackCell(t.tolerance.map { format.amountText($0) } ?? "None"),
                    PackCell(t.validFrom.displayText), PackCell(t.validTo?.displayText ?? (t.validFrom > today ? "Not yet in force" : "In force")), PackCell(String(t.version)),
                    PackCell(t.setBy), PackCell(t.setOn.displayText), PackCell(t.reason), PackCell(t.decision ?? "Not recorded"),
                ])
            }
        )
    }

    static func sorted(_ rows: [SiteComparison.Row], by key: SiteComparison.SortKey, descending: Bool) -> [SiteComparison.Row] {
        rows.sorted { l, r in
            switch key {
            case .area:
                return descending ? l.areaName > r.areaName : l.areaName < r.areaName
            case .group:
                if l.group != r.group { return descending ? l.group > r.group : l.group < r.group }
                return l.areaName < r.areaName
            case .value:
                // Areas without a figure go last either way.
                switch (l.value, r.value) {
                case let (lv?, rv?): return lv != rv ? (descending ? lv > rv : lv < rv) : l.areaName < r.areaName
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return l.areaName < r.areaName
                }
            }
        }
    }
}

extension PackDataTable {
    /// The table cut to one measure's rows (by its `Code` column); nil for a table without one.
    func rows(forMeasure code: String) -> PackDataTable? {
        guard let column = header.firstIndex(of: "Code") else { return nil }
        return PackDataTable(file: file, header: header, rows: rows.filter { $0.indices.contains(column) && $0[column].csvField == code })
    }
}
