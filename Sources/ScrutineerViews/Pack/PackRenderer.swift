import Dispatch
import Foundation
import Mustache
import ScrutineerCore
import ScrutineerFormats
import Synchronization

/// Renders a committee's assessment as its pack (PRODUCT.md R13): a pure function from the
/// assessment to files, with no I/O and no clock.
///
/// The pack is:
/// - `index.html` — the summary: committee, reporting period, audience, dates, the headline, a
///   table per theme with a row per measure (every lens as words and a symbol), the data files and
///   the key to the symbols on the page;
/// - `measures/<name>.html` — a page per measure (`<name>` is the code made safe for a file name,
///   see `PackRenderer.fileNames(for:)`);
/// - `print.html` — the summary and every measure in one document for printing and the PDF
///   (`chromium --headless --no-pdf-header-footer --print-to-pdf=pack.pdf print.html`);
/// - `pack.css` — screen and A4 print styles, with the running header;
/// - `data/*.csv` and `data/pack.xlsx` — the data behind every table and chart.
public enum PackRenderer {
    /// The pack's files, in a fixed order: `index.html`, the measure pages in report order,
    /// `print.html`, `pack.css`, then the data files. The same assessment and options always give
    /// the same bytes.
    public static func render(_ assessment: CommitteeAssessment, options: PackOptions = PackOptions()) throws(PackRenderError) -> [PackFile] {
        let library = try PackTemplates.library.get()
        let renderer = Rendering(assessment: assessment, options: options, library: library)
        return try renderer.files()
    }

    /// The file name (without `.html`) of each measure's page, by measure code: the code with
    /// anything but letters, digits, `-`, `_` and `.` replaced by `_` (and made unique).
    public static func fileNames(for assessment: CommitteeAssessment) -> [String: String] {
        PackRoute.fileNames(for: assessment.measures.map(\.measure.code))
    }

    /// The path of the document to print to PDF: `print.html`.
    public static let printDocumentPath = PackRoute.print.path

    /// The OGL attribution every page carries for the shipped national statistics.
    public static let attribution = "Contains public sector information licensed under the Open Government Licence v3.0."
}

/// One rendering: the assessment, its measures' file names and the parsed templates.
struct Rendering {
    let assessment: CommitteeAssessment
    let options: PackOptions
    let library: MustacheLibrary
    let fileNames: [String: String]
    let generated: CalendarDate

    init(assessment: CommitteeAssessment, options: PackOptions, library: MustacheLibrary) {
        self.assessment = assessment
        self.options = options.redacted(for: assessment.audience)
        self.library = library
        fileNames = PackRoute.fileNames(for: assessment.measures.map(\.measure.code))
        generated = options.generatedOn ?? assessment.today
    }

    var reportName: String { "\(assessment.committee.name): \(options.reportTitle), \(assessment.reportingPeriod.label)" }

    func render(_ model: Any, _ template: String) -> String {
        library.render(model, withTemplate: template) ?? ""
    }

    /// The words and abbreviations `html` uses, explained; "" when it uses none (`PackGlossary`).
    func glossary(_ html: String) -> String {
        PackGlossary.section(for: html) { render($0, $1) }
    }

    /// The navigation's link to a page's glossary, when it has one.
    func glossaryLink(_ glossary: String, from page: PackRoute) -> [PackLink] {
        glossary.isEmpty ? [] : [PackLink("Words and abbreviations", href: page.href(from: page, anchor: "glossary"))]
    }

    /// A whole page around `content`.
    func page(_ route: PackRoute, title: String, bodyClass: String, navigation: [PackLink], content: String) -> PackFile {
        let model = PackPageModel(
            title: PackWording.audiencePrefix(assessment.audience) + PackWording.titlePrefix(options.standing) + title, stylesheet: PackRoute.stylesheet.href(from: route), bodyClass: bodyClass,
            committeeName: assessment.committee.name, councilName: assessment.councilName,
            periodLabel: assessment.reportingPeriod.label, audienceLabel: PackWording.audience(assessment.audience),
            stageLabel: options.standing?.label ?? "", stageClass: PackWording.stageClass(options.standing), navigation: navigation, content: content, generated: generated.displayText, attribution: PackRenderer.attribution
        )
        return PackFile(path: route.path, text: render(model, "page"))
    }

    /// `html` with every heading one level lower (h1 → h2, h2 → h3): a measure's page content as a
    /// section of the printed pack. Only markup can hold `<h1`…: text is escaped (`&lt;`).
    static func headingsOneLevelDown(_ html: String) -> String {
        var bytes = Array(html.utf8)
        let lt = UInt8(ascii: "<"), slash = UInt8(ascii: "/"), h = UInt8(ascii: "h")
        let one = UInt8(ascii: "1"), five = UInt8(ascii: "5")
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == lt {
                let at = bytes[i + 1] == slash ? i + 2 : i + 1
                if at + 1 < bytes.count, bytes[at] == h, (one...five).contains(bytes[at + 1]) {
                    bytes[at + 1] += 1
                    i = at + 2
                    continue
                }
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The link to the workbook, for a page's navigation (none without data).
    func dataLink(from page: PackRoute) -> [PackLink] {
        options.includeData ? [PackLink("Data (Excel workbook)", href: PackRoute.data(PackDataTables.workbookName).href(from: page))] : []
    }

    /// The summary page.
    func indexPage() -> PackFile {
        var symbols = PackSymbols(key: assessment.key)
        let summary = PackSummaryBuilder(assessment: assessment, fileNames: fileNames, page: .index, options: options, generated: generated)
            .build(symbols: &symbols, fullKey: false)
        let content = render(summary, "summary")
        let words = glossary(content)
        return page(
            .index, title: reportName, bodyClass: "summary-page",
            navigation: [
                PackLink("Summary", href: PackRoute.index.href(from: .index), isCurrent: true),
                PackLink("Key", href: PackRoute.index.href(from: .index, anchor: "key")),
            ] + glossaryLink(words, from: .index) + [
                PackLink("Print version", href: PackRoute.print.href(from: .index)),
            ] + dataLink(from: .index),
            content: content + words
        )
    }

    /// The summary as the printed pack opens: measure links go to the measures' sections, and the
    /// key is the whole key (the printed pack draws every symbol).
    func printSummary() -> String {
        var symbols = PackSymbols(key: assessment.key)
        let summary = PackSummaryBuilder(assessment: assessment, fileNames: fileNames, page: .print, options: options, generated: generated)
            .build(symbols: &symbols, fullKey: true)
        return render(summary, "summary")
    }

    /// One measure's page and its section of the printed pack (the same content, headings one level down).
    func measure(_ i: Int) -> (page: PackFile, printed: String) {
        let measures = assessment.measures
        let m = measures[i]
        let name = fileNames[m.measure.code] ?? m.measure.code
        let route = PackRoute.measure(fileName: name)
        var symbols = PackSymbols(key: assessment.key)
        let builder = PackMeasureBuilder(
            assessment: assessment, measure: m, fileName: name, commentary: options.commentary[m.measure.code], revisions: options.revisions[m.measure.code]
        )
        let model = builder.build(symbols: &symbols)
        let content = render(model, "measure")
        var navigation = [PackLink("Summary", href: PackRoute.index.href(from: route))]
        if i > 0 {
            let previous = measures[i - 1].measure
            navigation.append(PackLink("Previous: \(previous.title)", href: PackRoute.measure(fileName: fileNames[previous.code] ?? previous.code).href(from: route)))
        }
        if i + 1 < measures.count {
            let next = measures[i + 1].measure
            navigation.append(PackLink("Next: \(next.title)", href: PackRoute.measure(fileName: fileNames[next.code] ?? next.code).href(from: route)))
        }
        navigation.append(PackLink("Print version", href: PackRoute.print.href(from: route, anchor: builder.anchor)))
        let pageContent = content + render(model, "measureKey")
        let file = page(
            route, title: "\(m.measure.title): \(reportName)", bodyClass: "measure-page-body",
            navigation: navigation + dataLink(from: route), content: pageContent + glossary(pageContent)
        )
        return (file, Self.headingsOneLevelDown(content))
    }

    /// The data files: a CSV per table and the workbook.
    func dataFiles() -> Result<[PackFile], PackRenderError> {
        let tables = PackDataTables.tables(assessment, options: options)
        var files = tables.map { PackFile(path: PackRoute.data($0.file.fileName).path, text: $0.csv) }
        do {
            files.append(PackFile(path: PackRoute.data(PackDataTables.workbookName).path, data: try XLSXWriter.data(for: tables.map(\.sheet))))
        } catch {
            return .failure(.workbook(error.description))
        }
        return .success(files)
    }

    /// What the jobs produced.
    struct Outputs: Sendable {
        var index: PackFile?
        var printSummary = ""
        var measures: [(page: PackFile, printed: String)?]
        var data: Result<[PackFile], PackRenderError> = .success([])
    }

    /// Every file. The pages are independent, so they are rendered on all cores
    /// (`DispatchQueue.concurrentPerform`); the files come back in the same order every time.
    func files() throws(PackRenderError) -> [PackFile] {
        let count = assessment.measures.count
        // The longest jobs first, so that no core is left with one at the end: the data (every
        // table, and the workbook), the summary page, the print summary; then the measures.
        let outputs = Mutex(Outputs(measures: Array(repeating: nil, count: count)))
        DispatchQueue.concurrentPerform(iterations: count + 3) { job in
            switch job {
            case 0:
                guard options.includeData else { return }
                let data = dataFiles()
                outputs.withLock { $0.data = data }
            case 1:
                let file = indexPage()
                outputs.withLock { $0.index = file }
            case 2:
                let summary = printSummary()
                outputs.withLock { $0.printSummary = summary }
            default:
                let output = measure(job - 3)
                outputs.withLock { $0.measures[job - 3] = output }
            }
        }
        let done = outputs.withLock { $0 }
        let measures = done.measures.compactMap { $0 }
        var files: [PackFile] = done.index.map { [$0] } ?? []
        files += measures.map(\.page)
        let printed = render(PackPrintModel(summary: done.printSummary, measures: measures.map(\.printed)), "print")
        let words = glossary(printed)
        files.append(page(
            .print, title: "\(reportName) (print version)", bodyClass: "print-pack",
            navigation: [
                PackLink("Summary", href: PackRoute.index.href(from: .print)),
                PackLink("Key", href: PackRoute.print.href(from: .print, anchor: "key")),
            ] + glossaryLink(words, from: .print),
            content: printed + words
        ))
        files.append(PackFile(path: PackRoute.stylesheet.path, text: PackStylesheet.css(
            runningHeader: PackWording.audiencePrefix(assessment.audience, separator: " · ") + PackWording.titlePrefix(options.standing, separator: " · ")
                + "\(assessment.committee.name) · \(assessment.reportingPeriod.label)",
            runningTitle: "\(assessment.councilName) · \(options.reportTitle)",
            attribution: PackRenderer.attribution
        )))
        files += try done.data.get()
        return files
    }
}
