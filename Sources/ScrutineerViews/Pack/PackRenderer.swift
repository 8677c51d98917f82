import Foundation
import Mustache
import ScrutineerCore
import ScrutineerFormats

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
private struct Rendering {
    let assessment: CommitteeAssessment
    let options: PackOptions
    let library: MustacheLibrary
    let fileNames: [String: String]
    let generated: CalendarDate

    init(assessment: CommitteeAssessment, options: PackOptions, library: MustacheLibrary) {
        self.assessment = assessment
        self.options = options
        self.library = library
        fileNames = PackRoute.fileNames(for: assessment.measures.map(\.measure.code))
        generated = options.generatedOn ?? assessment.today
    }

    var reportName: String { "\(assessment.committee.name): \(options.reportTitle), \(assessment.reportingPeriod.label)" }

    func render(_ model: Any, _ template: String) -> String {
        library.render(model, withTemplate: template) ?? ""
    }

    /// A whole page around `content`.
    func page(_ route: PackRoute, title: String, bodyClass: String, navigation: [PackLink], content: String) -> PackFile {
        let model = PackPageModel(
            title: title, stylesheet: PackRoute.stylesheet.href(from: route), bodyClass: bodyClass,
            committeeName: assessment.committee.name, councilName: assessment.councilName,
            periodLabel: assessment.reportingPeriod.label, audienceLabel: PackWording.audience(assessment.audience),
            navigation: navigation, content: content, generated: generated.displayText, attribution: PackRenderer.attribution
        )
        return PackFile(path: route.path, text: render(model, "page"))
    }

    func files() throws(PackRenderError) -> [PackFile] {
        var files: [PackFile] = []
        let measures = assessment.measures
        let dataLink = { (from: PackRoute) in
            options.includeData ? [PackLink("Data (Excel workbook)", href: PackRoute.data(PackDataTables.workbookName).href(from: from))] : []
        }

        // The summary page.
        var indexSymbols = PackSymbols(key: assessment.key)
        let summary = PackSummaryBuilder(assessment: assessment, fileNames: fileNames, page: .index, options: options, generated: generated)
            .build(symbols: &indexSymbols, fullKey: false)
        files.append(page(
            .index, title: reportName, bodyClass: "summary-page",
            navigation: [
                PackLink("Summary", href: PackRoute.index.href(from: .index), isCurrent: true),
                PackLink("Key", href: PackRoute.index.href(from: .index, anchor: "key")),
                PackLink("Print version", href: PackRoute.print.href(from: .index)),
            ] + dataLink(.index),
            content: render(summary, "summary")
        ))

        // A page per measure; each measure's content is kept for the printed pack.
        var printed: [String] = []
        var charts: [String: (trend: LineChart?, spc: LineChart?)] = [:]
        for (i, m) in measures.enumerated() {
            let name = fileNames[m.measure.code] ?? m.measure.code
            let route = PackRoute.measure(fileName: name)
            var symbols = PackSymbols(key: assessment.key)
            let builder = PackMeasureBuilder(assessment: assessment, measure: m, fileName: name, commentary: options.commentary[m.measure.code])
            var model = builder.build(titleLevel: 1, withKey: true, symbols: &symbols)
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
            files.append(page(
                route, title: "\(m.measure.title): \(reportName)", bodyClass: "measure-page-body",
                navigation: navigation + dataLink(route), content: render(model, "measure")
            ))
            model.hTitle = "2"
            model.hSection = "3"
            model.hasKey = false
            printed.append(render(model, "measure"))
            charts[m.measure.code] = (
                PackCharts.trend(m, councilName: assessment.councilName, id: ""),
                m.spc.map { PackCharts.spc(m, $0, councilName: assessment.councilName, id: "") }
            )
        }

        // The whole pack in one document, for print and PDF: it draws every symbol, so its key is the whole key.
        var printSymbols = PackSymbols(key: assessment.key)
        let printSummary = PackSummaryBuilder(assessment: assessment, fileNames: fileNames, page: .print, options: options, generated: generated)
            .build(symbols: &printSymbols, fullKey: true)
        files.append(page(
            .print, title: "\(reportName) (print version)", bodyClass: "print-pack",
            navigation: [
                PackLink("Summary", href: PackRoute.index.href(from: .print)),
                PackLink("Key", href: PackRoute.print.href(from: .print, anchor: "key")),
            ],
            content: render(PackPrintModel(summary: render(printSummary, "summary"), measures: printed), "print")
        ))

        files.append(PackFile(path: PackRoute.stylesheet.path, text: PackStylesheet.css(
            runningHeader: "\(assessment.committee.name) · \(assessment.reportingPeriod.label)",
            runningTitle: "\(assessment.councilName) · \(options.reportTitle)",
            attribution: PackRenderer.attribution
        )))

        if options.includeData {
            let tables = PackDataTables.tables(assessment, charts: charts)
            for table in tables { files.append(PackFile(path: PackRoute.data(table.file.fileName).path, text: table.csv)) }
            do {
                files.append(PackFile(path: PackRoute.data(PackDataTables.workbookName).path, data: try XLSXWriter.data(for: tables.map(\.sheet))))
            } catch {
                throw .workbook(error.description)
            }
        }
        return files
    }
}
