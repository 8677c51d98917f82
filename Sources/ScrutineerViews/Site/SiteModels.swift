import ScrutineerCore
import ScrutineerFormats

/// A link the site's pages show: its words, where it goes, and whether it is the page itself.
public struct SiteLink: Sendable, Hashable {
    public var text: String
    public var href: String
    public var isCurrent: Bool

    public init(_ text: String, href: String, isCurrent: Bool = false) {
        self.text = text
        self.href = href
        self.isCurrent = isCurrent
    }

    var model: [String: Any] { ["text": text, "href": href, "isCurrent": isCurrent] }
}

/// What every page of the site carries around its content: the links of the header, who is
/// signed in (and the CSRF token their forms carry), the breadcrumbs and the section navigation.
/// The web application builds it from its typed routes, so a link and its route cannot disagree.
public struct SiteChrome: Sendable {
    public var homeHref: String
    public var stylesheetHref: String
    public var searchHref: String
    public var signInHref: String
    public var signOutHref: String
    public var apiHref: String
    /// "Asha Patel (Analyst)" when someone is signed in.
    public var signedInAs: String?
    /// The session's CSRF token, written into every form that changes something.
    public var csrfToken: String
    /// The search box's current words.
    public var query: String
    public var breadcrumbs: [SiteLink]
    /// Links between the pages of one section (a committee's dashboards), with its label.
    public var navigation: [SiteLink]
    public var navigationLabel: String
    /// On a page of one report (a dashboard, a measure): where the report stands in sign-off, said
    /// above the content when the page may change or is an earlier publication
    /// (`SignOffStanding.shown` is not `.published`); nil, or a published report, says nothing.
    public var standing: SignOffStanding?

    public init(
        homeHref: String, stylesheetHref: String, searchHref: String, signInHref: String, signOutHref: String, apiHref: String,
        signedInAs: String? = nil, csrfToken: String = "", query: String = "", breadcrumbs: [SiteLink] = [],
        navigation: [SiteLink] = [], navigationLabel: String = "Pages"
    ) {
        self.homeHref = homeHref
        self.stylesheetHref = stylesheetHref
        self.searchHref = searchHref
        self.signInHref = signInHref
        self.signOutHref = signOutHref
        self.apiHref = apiHref
        self.signedInAs = signedInAs
        self.csrfToken = csrfToken
        self.query = query
        self.breadcrumbs = breadcrumbs
        self.navigation = navigation
        self.navigationLabel = navigationLabel
    }
}

/// Where a committee report's links go on the site, given by the web application's routes.
public struct SiteLinks: Sendable {
    /// The committee's home for this period.
    public var committee: String
    /// A theme's dashboard, by its position in the report (0 first).
    public var theme: @Sendable (Int) -> String
    /// A measure's page, by code.
    public var measure: @Sendable (String) -> String
    /// A measure's comparison with its neighbours and region, by code.
    public var compare: @Sendable (String) -> String
    /// A measure's data, by code and file extension (`csv`, `xlsx`).
    public var measureData: @Sendable (String, String) -> String
    /// The report's data files, by file name (`measures.csv`, `pack.xlsx`).
    public var reportData: @Sendable (String) -> String

    public init(
        committee: String, theme: @escaping @Sendable (Int) -> String, measure: @escaping @Sendable (String) -> String,
        compare: @escaping @Sendable (String) -> String, measureData: @escaping @Sendable (String, String) -> String,
        reportData: @escaping @Sendable (String) -> String
    ) {
        self.committee = committee
        self.theme = theme
        self.measure = measure
        self.compare = compare
        self.measureData = measureData
        self.reportData = reportData
    }
}

/// A committee on the site's home page.
public struct SiteCommitteeEntry: Sendable {
    public var name: String
    public var councilName: String
    public var href: String
    /// "Draft report for 2026/27 Q2" or "Published report for 2026/27 Q1".
    public var status: String

    public init(name: String, councilName: String, href: String, status: String) {
        self.name = name
        self.councilName = councilName
        self.href = href
        self.status = status
    }
}

/// The report's sign-off stage as the committee home shows it, the periods a reader may choose,
/// and, for those who may publish, the form that moves it on.
public struct SiteReportState: Sendable {
    /// Every period the reader may see, newest first, with its stage ("2026/27 Q2 (draft)").
    public var periods: [(label: String, text: String)]
    /// Where it stands in sign-off, and who moved it there when.
    public var standing: SignOffStanding
    /// The form's action when the reader may change the stage; nil otherwise.
    public var publishAction: String?

    /// The forms that record the committee's requests, when the reader may; nil otherwise.
    public var requestForms: SiteRequestForms?
    /// The page that imports the committee's own spreadsheets, when the reader may; nil otherwise.
    public var importHref: String?
    /// For whoever may publish a report in preparation: each small count of children in its text
    /// that the public will read as "a small number of" them.
    public var smallCountsInText: [SmallCountInText]
    /// For whoever may publish a report in preparation: each measure not on track with no
    /// commentary for the period to say why and what is being done (PRODUCT.md R9), by title.
    public var offTrackWithoutCommentary: [String] = []
    /// Each publication of the report, oldest first, when there is more than one or an earlier
    /// one is read; empty otherwise.
    public var publications: [SitePublication]
    /// On a published report, the code of each measure with figures revised since it was
    /// published (PRODUCT.md R15), in the report's order; empty otherwise.
    public var revisedSincePublication: [String]

    public init(
        periods: [(label: String, text: String)], standing: SignOffStanding, publishAction: String?,
        requestForms: SiteRequestForms? = nil, importHref: String? = nil, smallCountsInText: [SmallCountInText] = [], publications: [SitePublication] = [],
        revisedSincePublication: [String] = []
    ) {
        self.periods = periods
        self.standing = standing
        self.publishAction = publishAction
        self.requestForms = requestForms
        self.importHref = importHref
        self.smallCountsInText = smallCountsInText
        self.publications = publications
        self.revisedSincePublication = revisedSincePublication
    }
}

/// One publication of a report, as the committee page lists it (PRODUCT.md R15).
public struct SitePublication: Sendable {
    /// "Publication 1, by Ann Analyst on 1 July 2026".
    public var text: String
    public var href: String
    /// True for the publication the page shows.
    public var isCurrent: Bool

    public init(text: String, href: String, isCurrent: Bool) {
        self.text = text
        self.href = href
        self.isCurrent = isCurrent
    }
}

/// The forms on a committee's page that record its requests (PRODUCT.md R12): a new one, and an
/// answer, an amendment or a closure for each the report lists as still needing one.
public struct SiteRequestForms: Sendable {
    /// A request still needing an answer, with where its three forms post.
    public struct Outstanding: Sendable {
        public var request: CommitteeRequest
        public var deliverAction: String
        public var amendAction: String
        public var closeAction: String

        public init(_ request: CommitteeRequest, deliverAction: String, amendAction: String, closeAction: String) {
            self.request = request
            self.deliverAction = deliverAction
            self.amendAction = amendAction
            self.closeAction = closeAction
        }
    }

    public var addAction: String
    /// The committee's measures a request may be about, in report order.
    public var measures: [(code: String, title: String)]
    public var outstanding: [Outstanding]

    public init(addAction: String, measures: [(code: String, title: String)], outstanding: [Outstanding]) {
        self.addAction = addAction
        self.measures = measures
        self.outstanding = outstanding
    }
}

/// What a measure's page shows beyond the pack's: the commentary and who may change it, and every
/// version of every target.
public struct SiteMeasureExtras: Sendable {
    /// The newest commentary for the period, if any, as the reader's audience reads it (`redacted(for:)`).
    public var commentary: Commentary?
    /// How many versions of it there are.
    public var commentaryVersions: Int
    /// The form's action when the reader may write commentary; nil otherwise.
    public var commentaryAction: String?
    /// Every version of every target the committee's council has set for the measure, oldest first.
    public var targetHistory: [Target]
    /// The council's figures for the measure that later imports revised, as the reader may see them
    /// (on a published report, as they were when it was published).
    public var revisions: FigureRevisions
    /// On a published report, those revised since it was published; nil otherwise.
    public var sincePublication: RevisionsSincePublication?
    /// True on the page the writer comes back to after saving the commentary, which then says
    /// which version was saved.
    public var commentarySaved = false

    public init(
        commentary: Commentary?, commentaryVersions: Int, commentaryAction: String?, targetHistory: [Target], revisions: FigureRevisions,
        sincePublication: RevisionsSincePublication? = nil
    ) {
        self.commentary = commentary
        self.commentaryVersions = commentaryVersions
        self.commentaryAction = commentaryAction
        self.targetHistory = targetHistory
        self.revisions = revisions
        self.sincePublication = sincePublication
    }
}

/// One measure across the council, its statistical neighbours, its region and its own comparator
/// groups, for one period.
public struct SiteComparison: Sendable {
    /// One area's row.
    public struct Row: Sendable {
        public var areaCode: String
        public var areaName: String
        /// "This council", "Statistical neighbour", "Region", "Statistical neighbour and region",
        /// then the names of the council's own comparator groups the area is in.
        public var group: String
        public var value: Double?
        /// The value as the pages show it, or why there is none.
        public var valueText: String
        public var isCouncil: Bool

        public init(areaCode: String, areaName: String, group: String, value: Double?, valueText: String, isCouncil: Bool) {
            self.areaCode = areaCode
            self.areaName = areaName
            self.group = group
            self.value = value
            self.valueText = valueText
            self.isCouncil = isCouncil
        }
    }

    /// The columns a reader may sort by.
    public enum SortKey: String, Sendable, CaseIterable {
        case area, group, value
    }

    public var measureTitle: String
    public var measureCode: String
    /// The report's period.
    public var periodLabel: String
    /// The period of the figures compared: the measure's latest in the report, often earlier.
    public var figuresPeriodLabel: String
    /// "Percentage; a higher figure is better".
    public var about: String
    public var rows: [Row]
    /// The names of the council's comparator groups whose members are among the rows.
    public var groupNames: [String]
    public var sort: SortKey
    public var descending: Bool
    /// The link that sorts by a key in an order.
    public var sortHref: @Sendable (SortKey, Bool) -> String
    public var measureHref: String

    public init(
        measureTitle: String, measureCode: String, periodLabel: String, figuresPeriodLabel: String? = nil, about: String, rows: [Row], groupNames: [String] = [],
        sort: SortKey, descending: Bool, sortHref: @escaping @Sendable (SortKey, Bool) -> String, measureHref: String
    ) {
        self.measureTitle = measureTitle
        self.measureCode = measureCode
        self.periodLabel = periodLabel
        self.figuresPeriodLabel = figuresPeriodLabel ?? periodLabel
        self.about = about
        self.rows = rows
        self.groupNames = groupNames
        self.sort = sort
        self.descending = descending
        self.sortHref = sortHref
        self.measureHref = measureHref
    }
}

/// A measure found by a search.
public struct SiteSearchResult: Sendable {
    public var title: String
    public var code: String
    /// The committee and theme it is reported in.
    public var context: String
    public var href: String

    public init(title: String, code: String, context: String, href: String) {
        self.title = title
        self.code = code
        self.context = context
        self.href = href
    }
}

/// The page that imports a committee's own spreadsheets from the site (PRODUCT.md R14): the form,
/// and what the last import did or why it was refused.
public struct SiteImportPage: Sendable {
    /// What the last import did.
    public enum Outcome: Sendable {
        /// Written: the summary's lines (`ImportReport.lines`).
        case imported(summary: [String])
        /// Refused, nothing written: every problem as file, row, column and message (the page lists
        /// the first `SiteImportPage.problemsListed` of them), and the digest's lines.
        case refused(problems: [BatchInputError], digest: [String])
    }

    public var committeeName: String
    public var councilName: String
    public var formAction: String
    /// The committee's page for the report in preparation.
    public var committeeHref: String
    /// Where each kind's template workbook is downloaded from.
    public var templateHrefs: [ImportTemplate: String]
    /// The kind chosen last (`local`, `risks` or `finance`), the sheet and whether the finance
    /// return was whole, kept for the form.
    public var kind: String
    public var sheet: String
    public var wholeReturn: Bool
    /// Whether older figures were to replace newer ones (`import --replace-newer`).
    public var replaceNewer: Bool
    public var outcome: Outcome?

    /// The most problems listed on the page; the digest counts them all.
    public static let problemsListed = 200

    public init(
        committeeName: String, councilName: String, formAction: String, committeeHref: String, templateHrefs: [ImportTemplate: String],
        kind: String = "local", sheet: String = "", wholeReturn: Bool = false, replaceNewer: Bool = false, outcome: Outcome? = nil
    ) {
        self.committeeName = committeeName
        self.councilName = councilName
        self.formAction = formAction
        self.committeeHref = committeeHref
        self.templateHrefs = templateHrefs
        self.kind = kind
        self.sheet = sheet
        self.wholeReturn = wholeReturn
        self.replaceNewer = replaceNewer
        self.outcome = outcome
    }
}
