/// The plain data the pack's templates render: strings, flags and lists only, so a template never
/// decides anything. Fields are never optional: swift-mustache looks a missing (nil) name up in
/// the enclosing objects, so a flag says whether a value is there instead. `icon` and `svg`
/// fields hold markup Scrutineer generated (and escaped) itself; every other field is text the
/// templates escape.

/// One line of a cell or fact: an optional icon, words, an optional link, and whether it is a note.
struct PackLine: Sendable {
    let icon: String
    let text: String
    let href: String
    let hasLink: Bool
    let isNote: Bool
    /// What the template writes: the class (`line`, `line note`), the link (none or one) and the
    /// words when they are not linked.
    let cssClass: String
    let link: [PackLink]
    let unlinkedText: String

    /// `extraClass` is added to the line's class (`band-high`), for lines styled beyond a note.
    init(_ text: String, icon: String = "", href: String? = nil, isNote: Bool = false, extraClass: String? = nil) {
        self.icon = icon
        self.text = text
        self.href = href ?? ""
        self.hasLink = href != nil
        self.isNote = isNote
        cssClass = (isNote ? "line note" : "line") + (extraClass.map { " \($0)" } ?? "")
        link = href.map { [PackLink(text, href: $0)] } ?? []
        unlinkedText = href == nil ? text : ""
    }
}

/// A table cell: one or more lines. A cell of one line of plain words (most cells of a data
/// table) also gives them as `plain`, which the template writes without the line partial.
struct PackCell: Sendable {
    let lines: [PackLine]
    let isNumeric: Bool
    let isPlain: Bool
    let plain: String

    init(_ lines: [PackLine], isNumeric: Bool = false) {
        self.lines = lines
        self.isNumeric = isNumeric
        let single = lines.count == 1 ? lines[0] : nil
        isPlain = single.map { $0.icon.isEmpty && !$0.hasLink && $0.cssClass == "line" } ?? false
        plain = isPlain ? single?.text ?? "" : ""
    }

    init(_ text: String, isNumeric: Bool = false) {
        self.init([PackLine(text)], isNumeric: isNumeric)
    }
}

/// A column header, with the icon of what the column compares against where it has one.
struct PackHeader: Sendable {
    let text: String
    let icon: String
    let isNumeric: Bool

    init(_ text: String, icon: String = "", isNumeric: Bool = false) {
        self.text = text
        self.icon = icon
        self.isNumeric = isNumeric
    }
}

/// A row: its header cell (`th scope="row"`) and the data cells.
struct PackRow: Sendable {
    let header: PackCell
    let cells: [PackCell]
}

/// A data table with a caption, column headers and row headers, inside a keyboard-focusable
/// scrolling region.
struct PackTable: Sendable {
    let id: String
    let caption: String
    let cssClass: String
    let headers: [PackHeader]
    let rows: [PackRow]
    let note: String
    let hasNote: Bool

    init(id: String, caption: String, cssClass: String = "", headers: [PackHeader], rows: [PackRow], note: String? = nil) {
        self.id = id
        self.caption = caption
        self.cssClass = cssClass
        self.headers = headers
        self.rows = rows
        self.note = note ?? ""
        self.hasNote = note != nil
    }
}

/// A term and its description.
struct PackFact: Sendable {
    let label: String
    let lines: [PackLine]

    init(_ label: String, _ lines: [PackLine]) {
        self.label = label
        self.lines = lines
    }

    init(_ label: String, _ text: String) {
        self.init(label, [PackLine(text)])
    }
}

/// A list of terms and descriptions.
struct PackFacts: Sendable {
    let items: [PackFact]
}

/// A link in a list or the navigation.
struct PackLink: Sendable {
    let text: String
    let href: String
    let isCurrent: Bool

    init(_ text: String, href: String, isCurrent: Bool = false) {
        self.text = text
        self.href = href
        self.isCurrent = isCurrent
    }
}

/// A chart: its SVG, caption, summary in words and the table of the numbers it draws.
struct PackFigure: Sendable {
    let id: String
    let caption: String
    let svg: String
    let summary: String
    let table: PackTable
    let pointTypes: [PackLine]
    let hasPointTypes: Bool
}

extension PackFigure {
    /// A chart's figure: its SVG, caption, summary and data table (`cells` replaces the table's
    /// data cells when given; `extraHeaders` follow the series' names). The table is named after
    /// `chartName` ("trend chart"), so two charts' tables on one page have different names.
    init(
        _ chart: LineChart, caption: String, chartName: String = "chart", cells: [[PackCell]]? = nil, extraHeaders: [String] = [],
        pointTypes: [PackLine] = []
    ) {
        let table = chart.table
        let rows = table.rows.enumerated().map { i, row in
            PackRow(header: PackCell(row[0]), cells: cells?[i] ?? row.dropFirst().map { PackCell($0, isNumeric: true) })
        }
        let headers = table.header.enumerated().map { PackHeader($1, isNumeric: $0 > 0) } + extraHeaders.map { PackHeader($0) }
        self.init(
            id: chart.id, caption: caption, svg: chart.svg, summary: chart.summary,
            table: PackTable(id: "\(chart.id)-table", caption: "The figures in the \(chartName) (\(chart.unitLabel))", headers: headers, rows: rows),
            pointTypes: pointTypes, hasPointTypes: !pointTypes.isEmpty
        )
    }
}

/// The page around the content: head, skip link, running header, navigation and footer.
struct PackPageModel: Sendable {
    let title: String
    let stylesheet: String
    let bodyClass: String
    let committeeName: String
    let councilName: String
    let periodLabel: String
    let audienceLabel: String
    /// The report's sign-off stage in a few words ("Draft: not published"); empty when not known.
    let stageLabel: String
    /// `draft`, `checked`, `published` or `earlier`, for its style.
    let stageClass: String
    let navigation: [PackLink]
    let content: String
    let generated: String
    let attribution: String
}

/// One theme's section of the summary.
struct PackThemeSection: Sendable {
    let id: String
    let name: String
    let owner: String
    let hasOwner: Bool
    let sentence: String
    let table: PackTable
}

/// A list the report gives beside the measures, as a sentence and a table, or a sentence saying
/// there is nothing to list: the committee's requests (PRODUCT.md R12) and its risks (R11, with
/// the matrix of where the open risks sit before the list).
struct PackListSection: Sendable {
    let sentence: String
    let hasMatrix: Bool
    let matrix: PackTable
    let table: PackTable?

    init(sentence: String, matrix: PackTable? = nil, table: PackTable?) {
        self.sentence = sentence
        hasMatrix = matrix != nil
        self.matrix = matrix ?? PackMeasureBuilder.emptyTable
        self.table = table
    }
}

/// The summary: who and when, the headline, one table per theme, the data files and the key.
struct PackSummaryModel: Sendable {
    let heading: String
    /// The report's sign-off stage and what it means, as `stageLabel` and `stageNote`; empty when not known.
    let stageLabel: String
    let stageNote: String
    let stageClass: String
    let facts: PackFacts
    let audienceNote: String
    let headline: String
    let statusTable: PackTable
    let directionTable: PackTable
    let themes: [PackThemeSection]
    /// Nil when the pack was rendered without the committee's requests.
    let requests: PackListSection?
    /// Nil when the pack was rendered without the committee's risk register.
    let risks: PackListSection?
    /// Nil when the pack was rendered without the committee's finance returns.
    let finance: PackFinanceSection?
    let dataLinks: [PackLink]
    let hasData: Bool
    let key: PackTable
}

/// One measure's page (or its section of the printed pack).
struct PackMeasureModel: Sendable {
    let anchor: String
    let title: String
    let code: String
    let isIllustrative: Bool
    let theme: String
    let hasTheme: Bool
    /// Status, direction and SPC read together (`MeasureInShort`).
    let inShort: String
    let about: PackFacts
    let latest: PackFacts
    let currencyReason: String
    let status: [PackLine]
    let statusReason: String
    let hasTargets: Bool
    let targets: PackTable
    let direction: [PackLine]
    let directionReason: String
    let hasTrend: Bool
    let trend: PackFigure
    let noTrend: String
    let hasBenchmarks: Bool
    let benchmarks: PackTable
    let comparisonReason: String
    let noBenchmarks: String
    let hasSPC: Bool
    let spc: PackFigure
    let spcLines: [PackLine]
    let spcReason: String
    /// Why there is no SPC chart; empty with one, or for a milestone.
    let spcAbsence: String
    let hasBreakdowns: Bool
    let breakdowns: PackTable
    /// The revised figures: a sentence, and a table when there are any to list.
    let hasRevisions: Bool
    let revisionsSentence: String
    let hasRevisionsTable: Bool
    let revisions: PackTable
    /// On a published report's page, the figures revised since it was published: a sentence, and
    /// a table when there are any to list; `isRevisedSincePublication` opens the page with a note.
    let hasSincePublication: Bool
    let isRevisedSincePublication: Bool
    let sincePublicationSentence: String
    let hasSincePublicationTable: Bool
    let sincePublication: PackTable
    let commentary: [String]
    let hasCommentary: Bool
    /// The key to the symbols the measure draws, for the foot of its own page.
    let key: PackTable
}

/// The printed pack: the summary, then every measure.
struct PackPrintModel: Sendable {
    let summary: String
    let measures: [String]
}
