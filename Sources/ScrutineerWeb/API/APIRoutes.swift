import ScrutineerCore

/// Every route of the JSON API (PRODUCT.md R17), with what the OpenAPI document says of it. The
/// router registers exactly these and the document describes exactly these, so the two cannot drift.
enum APIRoutes {
    static let openAPI = RouteTemplate("/api/openapi.json")
    static let committees = RouteTemplate("/api/v1/committees")
    static let committee = RouteTemplate("/api/v1/committees/{committee}")
    static let assessment = RouteTemplate("/api/v1/committees/{committee}/assessment")
    static let commentary = RouteTemplate("/api/v1/committees/{committee}/commentary")
    static let requests = RouteTemplate("/api/v1/committees/{committee}/requests")
    static let risks = RouteTemplate("/api/v1/committees/{committee}/risks")
    static let finance = RouteTemplate("/api/v1/committees/{committee}/finance")
    static let financeYear = RouteTemplate("/api/v1/committees/{committee}/finance/year")
    static let revisions = RouteTemplate("/api/v1/committees/{committee}/measures/{measure}/revisions")
    static let measures = RouteTemplate("/api/v1/measures")
    static let measure = RouteTemplate("/api/v1/measures/{measure}")
    static let targets = RouteTemplate("/api/v1/measures/{measure}/targets")
    static let observations = RouteTemplate("/api/v1/observations")
    static let areas = RouteTemplate("/api/v1/areas")
    static let area = RouteTemplate("/api/v1/areas/{area}")
    static let comparatorGroups = RouteTemplate("/api/v1/areas/{area}/comparator-groups")

    /// A query parameter an endpoint reads.
    struct Parameter: Sendable {
        let name: String
        let description: String
        let isRequired: Bool
        /// A whole number from 1, rather than text.
        let isCount: Bool
        /// The only values it takes, when it takes a fixed few.
        let allowed: [String]?

        init(_ name: String, _ description: String, required: Bool = false, isCount: Bool = false, allowed: [String]? = nil) {
            self.name = name
            self.description = description
            isRequired = required
            self.isCount = isCount
            self.allowed = allowed
        }
    }

    /// One endpoint: its route, what it does, its query parameters and the schema of its answer.
    struct Endpoint: Sendable {
        let route: RouteTemplate
        let operationId: String
        let summary: String
        let query: [Parameter]
        /// The name of the response schema in `components.schemas`.
        let schema: String
        let isList: Bool
    }

    static let period = Parameter("period", "A reporting period such as 2026/27 Q2; default: the newest report the caller may see.")
    static let snapshot = Parameter("snapshot", "A publication of the report, numbered from 1 (its first), read as it stood; default: the newest publication of a published report, or the report as it stands.", isCount: true)

    /// Every endpoint of `/api/v1`, in the order the document lists them.
    static let endpoints: [Endpoint] = [
        Endpoint(route: committees, operationId: "listCommittees", summary: "Committees whose reports the caller may see", query: [], schema: "Committee", isList: true),
        Endpoint(route: committee, operationId: "getCommittee", summary: "A committee: its themes, measures, targets and the sign-off stage of its reports", query: [], schema: "CommitteeDetail", isList: false),
        Endpoint(route: assessment, operationId: "getAssessment", summary: "A committee's report for a period: the headline and every measure's judgements with their reasons", query: [period, snapshot], schema: "Assessment", isList: false),
        Endpoint(route: commentary, operationId: "listCommentary", summary: "The newest commentary on each measure of a committee's report for a period", query: [period, snapshot], schema: "Commentary", isList: true),
        Endpoint(route: requests, operationId: "listRequests", summary: "The committee's requests a report lists, as they stand in it: those open on its day, and those answered during its period or since", query: [period, snapshot], schema: "Request", isList: true),
        Endpoint(route: risks, operationId: "listRisks", summary: "The risks the committee owns as a report lists them: each open risk at its newest review by the report's day, with its score, the move since the review before, its target and mitigation, and those closed during its period or since", query: [period, snapshot], schema: "Risk", isList: true),
        Endpoint(route: finance, operationId: "listFinance", summary: "The committee's finance return as a report shows it: each line of the newest return of the report's financial year by the end of its period (revenue budget and forecast outturn, savings, income, capital), with its variance and the variance at the return before", query: [period, snapshot], schema: "FinanceLine", isList: true),
        Endpoint(route: financeYear, operationId: "listFinanceYear", summary: "How the finance a report shows moved over its financial year: for each kind of line of the return shown, each service and all services together, added up at each return of the year up to that one (oldest first), as the finance charts draw them", query: [period, snapshot], schema: "FinanceTotal", isList: true),
        Endpoint(route: revisions, operationId: "getRevisions", summary: "The council's figures for one of a report's measures that later imports revised, newest revision first: what each was, what it became, when and from which files, as the report's reader may see them (as they stood when a published report was published, with those made since in sincePublication; the public reads revisions of whole-population figures only, and how many breakdown revisions are not listed)", query: [period, snapshot], schema: "Revisions", isList: false),
        Endpoint(route: measures, operationId: "listMeasures", summary: "Measures, optionally those of one committee or matching words", query: [
            Parameter("committee", "Only the measures of this committee (its code)."),
            Parameter("q", "Only measures whose title or code contains every one of these words, in any order and any case."),
        ], schema: "Measure", isList: true),
        Endpoint(route: measure, operationId: "getMeasure", summary: "A measure's definition", query: [], schema: "Measure", isList: false),
        Endpoint(route: targets, operationId: "listTargets", summary: "Every version of every council's targets for a measure, oldest first", query: [
            Parameter("council", "Only the targets of this council (its ONS code)."),
        ], schema: "Target", isList: true),
        Endpoint(route: observations, operationId: "listObservations", summary: "Observations, filtered by measure, area and period (a measure or an area is needed)", query: [
            Parameter("measure", "A measure code."), Parameter("area", "An area's ONS code."), Parameter("period", "A period label as the figures give it, such as 2025 (LAIT's financial year to March 2025), 2026/27 Q1, 2024-09 or 2021/22-23/24; one no figure could have is a 400."),
        ], schema: "Observation", isList: true),
        Endpoint(route: areas, operationId: "listAreas", summary: "Areas: England, regions and local authorities", query: [
            Parameter("type", "Only areas of this type: country, region, subRegion or localAuthority.", allowed: AreaType.allCases.map(\.rawValue)),
        ], schema: "Area", isList: true),
        Endpoint(route: area, operationId: "getArea", summary: "An area", query: [], schema: "Area", isList: false),
        Endpoint(route: comparatorGroups, operationId: "listComparatorGroups", summary: "The groups an area is compared with: England, its region, its statistical neighbours, and the comparator groups its council defines or every council sees", query: [], schema: "ComparatorGroup", isList: true),
    ]
}
