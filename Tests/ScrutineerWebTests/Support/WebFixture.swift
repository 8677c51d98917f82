import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ScrutineerCore
import ScrutineerDemo
import ScrutineerStorage
import ScrutineerTestSupport
import Testing
@testable import ScrutineerWeb

extension TestEngine {
    /// A new, empty database URL on this engine (a temporary file, or a new PostgreSQL schema in the
    /// throwaway test cluster).
    func newDatabaseURL() throws -> String {
        switch self {
        case .sqlite:
            "sqlite://\(try TemporaryFolder.make(prefix: "scrutineer-web-").appendingPathComponent("web.sqlite").path)"
        case .postgresql:
            try TestEngine.newPostgresSchema(prefix: "scrutineer_web_").url
        }
    }
}

let quietLogger: Logger = {
    var logger = Logger(label: "scrutineer.web.tests")
    logger.logLevel = .error
    return logger
}()

/// A database holding the whole demo (national data, both committees, commentary, the Q1 reports
/// published, one sign-in per role), loaded once per engine and shared by the suites that only read
/// or write in ways the others do not look at.
actor DemoDatabases {
    static let shared = DemoDatabases()
    private var urls: [TestEngine: String] = [:]

    /// The URL of the engine's demo database, loading it the first time.
    func url(_ engine: TestEngine) async throws -> String {
        if let url = urls[engine] { return url }
        let url = try await Self.load(engine)
        urls[engine] = url
        return url
    }

    /// A demo database of its own, for a test that changes what others read.
    static func load(_ engine: TestEngine) async throws -> String {
        let url = try engine.newDatabaseURL()
        try await withStore(url) { store in
            // bcrypt at its lowest cost: the tests sign in many times; the product uses 12 (10 in the demo).
            // Published as on the day the tests judge by (`testSettings.asOf`).
            try await DemoDatabase.load(into: store, today: demoDay, hashPassword: { Credentials.hash(password: $0, cost: 4) })
        }
        return url
    }
}

/// The settings the tests serve with: judged as on 23 November 2026, the demo's day, so the
/// reporting periods do not move with the calendar; revision read on every request.
let testSettings = WebSettings(secureCookies: true, bcryptCost: 4, asOf: demoDay, revisionCheckInterval: 0)

/// The day the demo was written for, 23 November 2026.
let demoDay = CalendarDate(year: 2026, month: 11, day: 23)!

/// Runs `body` on a store of the database at `url`, closing it after, also when `body` throws.
func withStore<T: Sendable>(_ url: String, _ body: (any ScrutineerStore) async throws -> T) async throws -> T {
    let store = try await StoreConnection.open(url: url, logger: quietLogger)
    return try await store.closing { try await body(store) }
}

/// Runs `body` with an in-process application on a store of the database at `url`.
func withApplication(_ url: String, settings: WebSettings = testSettings, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let store = try await StoreConnection.open(url: url, logger: quietLogger)
    try await store.closing {
        try await buildApplication(store: store, settings: settings, logger: quietLogger).test(.router, body)
    }
}

/// A signed-in (or public) browser: its cookie and the session's CSRF token.
struct Browser: Sendable {
    var cookie: String?
    var csrf: String

    static let anonymous = Browser(cookie: nil, csrf: "")

    /// Posts the sign-in form as a browser does: GET the form (its CSRF cookie and field), then POST it.
    static func attemptSignIn(_ client: any TestClientProtocol, username: String, password: String) async throws -> TestResponse {
        let form = try await client.execute(uri: "/sign-in", method: .get)
        let formCSRF = try #require(form.setCookie(SessionCookies.signInCSRFName))
        #expect(form.text.contains("value=\"\(formCSRF)\""))
        var headers = HTTPFields()
        headers[.cookie] = "\(SessionCookies.signInCSRFName)=\(formCSRF)"
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(
            uri: "/sign-in", method: .post, headers: headers,
            body: ByteBuffer(string: "csrf=\(formCSRF)&username=\(username)&password=\(password)")
        )
    }

    /// Signs in through the form and reads the session's CSRF token from the next page.
    static func signIn(_ client: any TestClientProtocol, username: String, password: String) async throws -> Browser {
        let response = try await attemptSignIn(client, username: username, password: password)
        #expect(response.status == .seeOther, "signing in as \(username)")
        let session = try #require(response.setCookie(SessionCookies.sessionName), "no session cookie for \(username)")
        var browser = Browser(cookie: "\(SessionCookies.sessionName)=\(session)", csrf: "")
        let home = try await browser.get(client, "/")
        browser.csrf = try #require(home.hiddenCSRF, "no CSRF token on the home page for \(username)")
        return browser
    }

    func headers(form: Bool = false) -> HTTPFields {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        if form { headers[.contentType] = "application/x-www-form-urlencoded" }
        return headers
    }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers())
    }

    /// GETs an API list the reader may see (200), as JSON objects.
    func jsonList(_ client: any TestClientProtocol, _ uri: String) async throws -> [[String: Any]] {
        let response = try await get(client, uri)
        #expect(response.status == .ok, "\(uri): \(response.status.code) \(response.text.prefix(200))")
        return try #require(response.json as? [[String: Any]], "\(uri): \(response.text.prefix(200))")
    }

    /// POSTs a form; `csrf` true adds the session's token.
    func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        let all = (csrf ? [("csrf", self.csrf)] : []) + fields
        let body = all.map { "\($0)=\(RouteTemplate.encodeQueryValue($1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers(form: true), body: ByteBuffer(string: body))
    }

    /// POSTs a form with files as a browser does (`multipart/form-data`), each file in the field
    /// `file` under its name; `csrf` true adds the session's token.
    func upload(
        _ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)], files: [(name: String, data: Data)], csrf: Bool = true
    ) async throws -> TestResponse {
        let boundary = "----ScrutineerTestBoundary7MA4YWxkTrZu0gW"
        var body = Data()
        for (name, value) in (csrf ? [("csrf", self.csrf)] : []) + fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = headers()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The value a `Set-Cookie` header gives cookie `name`.
    func setCookie(_ name: String) -> String? {
        for field in headers[values: .setCookie] where field.hasPrefix("\(name)=") {
            return String(field.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    /// The first hidden `csrf` field's value on the page.
    var hiddenCSRF: String? {
        guard let range = text.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(buffer: body)) }
}
