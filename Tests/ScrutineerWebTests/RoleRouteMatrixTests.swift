import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerTestSupport
import Testing
@testable import ScrutineerWeb

/// Every route × every role (issue 6, PRODUCT.md R16), on SQLite and PostgreSQL: the public, an
/// administrator, Warwickshire's analyst, officer and member, and an analyst of another council
/// (Wokingham), each asking for every page, download, form and API endpoint — published and draft —
/// and each answer allowed or refused as the access rules say.
@Suite("Route × role matrix", .serialized)
struct RoleRouteMatrixTests {
    /// Who asks.
    enum Who: String, CaseIterable, Sendable {
        case `public`, administrator, analyst, officer, member, otherCouncilAnalyst

        var signIn: (String, String)? {
            switch self {
            case .public: nil
            case .administrator: ("admin", "demo-administrator")
            case .analyst: ("warks.analyst", "demo-warks-analyst")
            case .officer: ("warks.officer", "demo-warks-officer")
            case .member: ("warks.member", "demo-warks-member")
            case .otherCouncilAnalyst: ("wok.analyst", "demo-wok-analyst")
            }
        }
    }

    /// One request and the status each person gets.
    struct Case: Sendable {
        let route: RouteTemplate
        let uri: String
        let form: [(String, String)]?
        /// Files sent with the form (`multipart/form-data`), as a file input sends them.
        let files: [(name: String, data: Data)]?
        let withCSRF: Bool
        let expected: [Who: HTTPResponse.Status]

        init(
            _ route: RouteTemplate, _ uri: String, form: [(String, String)]? = nil, files: [(name: String, data: Data)]? = nil, withCSRF: Bool = true,
            _ expected: [Who: HTTPResponse.Status]
        ) {
            self.route = route
            self.uri = uri
            self.form = form
            self.files = files
            self.withCSRF = withCSRF
            self.expected = expected
        }
    }

    static func all(_ status: HTTPResponse.Status) -> [Who: HTTPResponse.Status] {
        Dictionary(uniqueKeysWithValues: Who.allCases.map { ($0, status) })
    }

    /// Drafts: Warwickshire's staff and its member; not the public, not another council.
    static let draft: [Who: HTTPResponse.Status] = [.public: .notFound, .administrator: .ok, .analyst: .ok, .officer: .ok, .member: .ok, .otherCouncilAnalyst: .notFound]

    /// A local figure that is not a number.
    static let badFigure = "measure_code,area_code,period,value\nWARKS_HV_68WK,E10000031,2026/27 Q2,about 80\n"

    static let q1 = "period=2026%2F27%20Q1"
    static let q2 = "period=2026%2F27%20Q2"

    static let cases: [Case] = [
        Case(SiteRoutes.home, "/", all(.ok)),
        Case(SiteRoutes.committee, "/committees/WARKS-CYP", all(.ok)),
        Case(SiteRoutes.committee, "/committees/WARKS-CYP?\(q1)", all(.ok)),
        Case(SiteRoutes.committee, "/committees/WARKS-CYP?\(q2)", draft),
        Case(SiteRoutes.committee, "/committees/WOK-CS?\(q2)", [.public: .notFound, .administrator: .ok, .analyst: .notFound, .officer: .notFound, .member: .notFound, .otherCouncilAnalyst: .ok]),
        Case(SiteRoutes.committee, "/committees/NO-SUCH", all(.notFound)),
        Case(SiteRoutes.theme, "/committees/WARKS-CYP/themes/health?\(q1)", all(.ok)),
        Case(SiteRoutes.theme, "/committees/WARKS-CYP/themes/health?\(q2)", draft),
        Case(SiteRoutes.measure, "/committees/WARKS-CYP/measures/ReReferral?\(q1)", all(.ok)),
        Case(SiteRoutes.measure, "/committees/WARKS-CYP/measures/Hosp_Adm_Alc_%3C18yrs?\(q2)", draft),
        Case(SiteRoutes.compare, "/committees/WARKS-CYP/measures/ReReferral/compare?\(q1)", all(.ok)),
        Case(SiteRoutes.compare, "/committees/WARKS-CYP/measures/ReReferral/compare?\(q2)", draft),
        Case(SiteRoutes.measureCSV, "/committees/WARKS-CYP/measures/ReReferral/data.csv?\(q1)", all(.ok)),
        Case(SiteRoutes.measureXLSX, "/committees/WARKS-CYP/measures/ReReferral/data.xlsx?\(q2)", draft),
        Case(SiteRoutes.reportData, "/committees/WARKS-CYP/data/measures.csv?\(q2)", draft),
        Case(SiteRoutes.reportData, "/committees/WARKS-CYP/data/pack.xlsx?\(q1)", all(.ok)),
        Case(SiteRoutes.search, "/search?q=care", all(.ok)),
        Case(SiteRoutes.signInForm, "/sign-in", all(.ok)),
        // A sign-in without the form's CSRF token is refused whoever sends it.
        Case(SiteRoutes.signIn, "/sign-in", form: [("username", "admin"), ("password", "demo-administrator")], withCSRF: false, all(.forbidden)),
        // Signing out needs the session's token: the public has no session; a forged post is refused.
        Case(SiteRoutes.signOut, "/sign-out", form: [], withCSRF: false, [.public: .unauthorized, .administrator: .forbidden, .analyst: .forbidden, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        // Commentary: the measure's owner (the officer owns WARKS_EH_ASSESS45), analysts and administrators of the council.
        Case(SiteRoutes.commentary, "/committees/WARKS-CYP/measures/WARKS_EH_ASSESS45/commentary", form: [("period", "2026/27 Q2"), ("text", "Checked by the matrix test.")],
             [.public: .unauthorized, .administrator: .seeOther, .analyst: .seeOther, .officer: .seeOther, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.commentary, "/committees/WARKS-CYP/measures/Under18concep/commentary", form: [("period", "2026/27 Q2"), ("text", "Not the officer's measure.")],
             [.public: .unauthorized, .administrator: .seeOther, .analyst: .seeOther, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.commentary, "/committees/WARKS-CYP/measures/Under18concep/commentary", form: [("period", "2026/27 Q2"), ("text", "Forged.")], withCSRF: false,
             [.public: .unauthorized, .administrator: .forbidden, .analyst: .forbidden, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        // Sign-off: analysts and administrators of the council (a period no other test reads).
        Case(SiteRoutes.publication, "/committees/WARKS-CYP/publication", form: [("period", "2024/25 Q3"), ("stage", "checked")],
             [.public: .unauthorized, .administrator: .seeOther, .analyst: .seeOther, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        // Requests: analysts and administrators of the council. Adding one succeeds; an answer, an
        // amendment or a closure without its text is refused after the permission check (400), so
        // nothing changes.
        Case(SiteRoutes.requests, "/committees/WARKS-CYP/requests", form: [("period", "2026/27 Q2"), ("raised-on", "2026-09-15"), ("request", "Checked by the matrix test.")],
             [.public: .unauthorized, .administrator: .seeOther, .analyst: .seeOther, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.requests, "/committees/WARKS-CYP/requests", form: [("period", "2026/27 Q2"), ("raised-on", "2026-09-15"), ("request", "Forged.")], withCSRF: false,
             [.public: .unauthorized, .administrator: .forbidden, .analyst: .forbidden, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.requestDelivery, "/committees/WARKS-CYP/requests/2/delivery", form: [("period", "2026/27 Q2"), ("on", "2026-10-01"), ("note", "")],
             [.public: .unauthorized, .administrator: .badRequest, .analyst: .badRequest, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.requestAmendment, "/committees/WARKS-CYP/requests/2/amendment", form: [("period", "2026/27 Q2"), ("request", "")],
             [.public: .unauthorized, .administrator: .badRequest, .analyst: .badRequest, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.requestClosure, "/committees/WARKS-CYP/requests/2/closure", form: [("period", "2026/27 Q2"), ("on", "2026-10-01"), ("reason", " ")],
             [.public: .unauthorized, .administrator: .badRequest, .analyst: .badRequest, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        // Imports: analysts and administrators of the council. The file's figure is not a number, so
        // the import is refused after the permission check (422) and nothing changes.
        Case(SiteRoutes.importForm, "/committees/WARKS-CYP/imports",
             [.public: .unauthorized, .administrator: .ok, .analyst: .ok, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.importTemplate, "/committees/WARKS-CYP/imports/templates/measures.xlsx",
             [.public: .unauthorized, .administrator: .ok, .analyst: .ok, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.importTemplate, "/committees/WARKS-CYP/imports/templates/budget.xlsx",
             [.public: .unauthorized, .administrator: .notFound, .analyst: .notFound, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.imports, "/committees/WARKS-CYP/imports", form: [("kind", "local")], files: [("figures.csv", Data(badFigure.utf8))],
             [.public: .unauthorized, .administrator: .unprocessableContent, .analyst: .unprocessableContent, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.imports, "/committees/WARKS-CYP/imports", form: [("kind", "local")], files: [("figures.csv", Data(badFigure.utf8))], withCSRF: false,
             [.public: .unauthorized, .administrator: .forbidden, .analyst: .forbidden, .officer: .forbidden, .member: .forbidden, .otherCouncilAnalyst: .forbidden]),
        Case(SiteRoutes.stylesheet, "/assets/scrutineer.css", all(.ok)),
        Case(SiteRoutes.health, "/health", all(.ok)),
        Case(SiteRoutes.metrics, "/metrics", all(.ok)),
        Case(APIRoutes.openAPI, "/api/openapi.json", all(.ok)),
        Case(APIRoutes.committees, "/api/v1/committees", all(.ok)),
        Case(APIRoutes.committee, "/api/v1/committees/WARKS-CYP", all(.ok)),
        Case(APIRoutes.assessment, "/api/v1/committees/WARKS-CYP/assessment?\(q1)", all(.ok)),
        Case(APIRoutes.assessment, "/api/v1/committees/WARKS-CYP/assessment?\(q2)", draft),
        Case(APIRoutes.commentary, "/api/v1/committees/WARKS-CYP/commentary?\(q2)", draft),
        Case(APIRoutes.requests, "/api/v1/committees/WARKS-CYP/requests?\(q1)", all(.ok)),
        Case(APIRoutes.requests, "/api/v1/committees/WARKS-CYP/requests?\(q2)", draft),
        Case(APIRoutes.risks, "/api/v1/committees/WARKS-CYP/risks?\(q1)", all(.ok)),
        Case(APIRoutes.risks, "/api/v1/committees/WARKS-CYP/risks?\(q2)", draft),
        Case(APIRoutes.finance, "/api/v1/committees/WARKS-CYP/finance?\(q1)", all(.ok)),
        Case(APIRoutes.finance, "/api/v1/committees/WARKS-CYP/finance?\(q2)", draft),
        Case(APIRoutes.financeYear, "/api/v1/committees/WARKS-CYP/finance/year?\(q1)", all(.ok)),
        Case(APIRoutes.financeYear, "/api/v1/committees/WARKS-CYP/finance/year?\(q2)", draft),
        Case(APIRoutes.revisions, "/api/v1/committees/WARKS-CYP/measures/WARKS_HV_68WK/revisions?\(q1)", all(.ok)),
        Case(APIRoutes.revisions, "/api/v1/committees/WARKS-CYP/measures/WARKS_HV_68WK/revisions?\(q2)", draft),
        Case(APIRoutes.revisions, "/api/v1/committees/WARKS-CYP/measures/WOK_EHCP_20WK/revisions?\(q1)", all(.notFound)),
        Case(APIRoutes.measures, "/api/v1/measures?committee=WARKS-CYP", all(.ok)),
        Case(APIRoutes.measure, "/api/v1/measures/ReReferral", all(.ok)),
        Case(APIRoutes.targets, "/api/v1/measures/WARKS_EH_ASSESS45/targets", all(.ok)),
        Case(APIRoutes.observations, "/api/v1/observations?measure=WARKS_HV_68WK", all(.ok)),
        Case(APIRoutes.observations, "/api/v1/observations", all(.badRequest)),
        Case(APIRoutes.areas, "/api/v1/areas?type=region", all(.ok)),
        Case(APIRoutes.area, "/api/v1/areas/E10000031", all(.ok)),
        Case(APIRoutes.comparatorGroups, "/api/v1/areas/E10000031/comparator-groups", all(.ok)),
    ]

    @Test("Every route is in the matrix")
    func everyRouteIsCovered() {
        let covered = Set(Self.cases.map(\.route))
        let routes = Set(SiteRoutes.all + APIRoutes.endpoints.map(\.route) + [APIRoutes.openAPI])
        #expect(routes.subtracting(covered).isEmpty, "routes without a case: \(routes.subtracting(covered).map(\.pattern).sorted())")
    }

    @Test("Each role is allowed or refused as the rules say", arguments: TestEngine.available)
    func matrix(_ engine: TestEngine) async throws {
        let url = try await DemoDatabases.load(engine)
        try await withApplication(url) { client in
            var browsers: [Who: Browser] = [:]
            for who in Who.allCases {
                if let (username, password) = who.signIn {
                    browsers[who] = try await Browser.signIn(client, username: username, password: password)
                } else {
                    browsers[who] = .anonymous
                }
            }
            for c in Self.cases {
                for who in Who.allCases {
                    let browser = browsers[who]!
                    let status = if let files = c.files {
                        try await browser.upload(client, c.uri, c.form ?? [], files: files, csrf: c.withCSRF).status
                    } else if let form = c.form {
                        try await browser.post(client, c.uri, form, csrf: c.withCSRF).status
                    } else {
                        try await browser.get(client, c.uri).status
                    }
                    #expect(status == c.expected[who], "\(c.route.method) \(c.uri) as \(who.rawValue): \(status.code), expected \(c.expected[who]!.code)")
                }
            }
        }
    }
}
