import ScrutineerCore

/// Choices for rendering a committee pack that the assessment does not carry.
public struct PackOptions: Sendable, Hashable {
    /// The day printed as "Generated"; nil prints the assessment's day (`CommitteeAssessment.today`),
    /// so the same assessment always renders the same bytes.
    public var generatedOn: CalendarDate?
    /// The report's name, after the committee's: "Integrated Performance Report".
    public var reportTitle: String
    /// Commentary by measure code, as plain text (paragraphs separated by a blank line); a measure
    /// without any shows the "No commentary was given." placeholder in its commentary slot.
    public var commentary: [String: String]
    /// Also write `data/*.csv` and `data/pack.xlsx` (the data behind every table and chart).
    public var includeData: Bool
    /// The committee's requests the report lists (`ReportedRequest.inReport`), shown after the
    /// themes; nil leaves the section out (an empty list says there are none).
    public var requests: [ReportedRequest]?
    /// The committee's risks the report lists (`ReportedRisk.inReport`), shown after the requests;
    /// nil leaves the section out (an empty list says there are none).
    public var risks: [ReportedRisk]?
    /// Every line of the committee's finance returns; the section shows the newest return of the
    /// report's financial year (`FinanceReport.inReport`), after the requests. Nil leaves the
    /// section out (an empty list says no return is in).
    public var finance: [FinanceLine]?
    /// How the public reads the text above: the rule as it stands, or a published report's kept text
    /// (`ReportSnapshot.publicTextRule`).
    public var publicText: PublicTextRule
    /// The revisions of the council's figures, by measure code, as the pack's audience may read them
    /// (`FigureRevisions`); a measure given here has a "Revised figures" section after its
    /// breakdowns, one not given has none, and revisions.csv lists them all.
    public var revisions: [String: FigureRevisions]
    /// Where the report stands in sign-off (PRODUCT.md R15): every page's header, the printed
    /// pack's running header and the summary say it, and a page's title says a draft or an
    /// earlier publication. Nil says nothing: an assessment with no report behind it.
    public var standing: SignOffStanding?

    /// The revisions of each of `measures` (in their order) that any figure was revised in, by code:
    /// those a pack gives a "Revised figures" section.
    public static func revised(_ measures: [Measure], _ revisions: [FigureRevisions]) -> [String: FigureRevisions] {
        Dictionary(zip(measures, revisions).filter { $0.1.anyRevised }.map { ($0.0.code, $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    /// Options; every one has a default.
    public init(
        generatedOn: CalendarDate? = nil, reportTitle: String = "Integrated Performance Report",
        commentary: [String: String] = [:], includeData: Bool = true, requests: [ReportedRequest]? = nil,
        risks: [ReportedRisk]? = nil, finance: [FinanceLine]? = nil, publicText: PublicTextRule = .current,
        revisions: [String: FigureRevisions] = [:], standing: SignOffStanding? = nil
    ) {
        self.generatedOn = generatedOn
        self.reportTitle = reportTitle
        self.commentary = commentary
        self.includeData = includeData
        self.requests = requests
        self.risks = risks
        self.finance = finance
        self.publicText = publicText
        self.revisions = revisions
        self.standing = standing
    }
}

extension PackOptions {
    /// The options as `audience` reads them: for the public, every small count of children in the
    /// commentary, requests, risks and finance explanations is "a small number of" them
    /// (`publicText`, PRODUCT.md R8).
    func redacted(for audience: Audience) -> PackOptions {
        guard audience.appliesDisclosureControl else { return self }
        var copy = self
        copy.commentary = commentary.mapValues { publicText.apply($0) }
        copy.requests = requests?.map { $0.redacted(for: audience, rule: publicText) }
        copy.risks = risks?.map { $0.redacted(for: audience, rule: publicText) }
        copy.finance = finance?.map { $0.redacted(for: audience, rule: publicText) }
        return copy
    }
}
