import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerStorage
import ScrutineerTestSupport
import ScrutineerCore
import Testing
@testable import ScrutineerWeb

/// Signing in and out (PRODUCT.md R16, R18): cookies, rate limiting, sessions shared by servers.
@Suite("Sign-in and sessions", .serialized)
struct SessionTests {
    @Test("The session cookie is HttpOnly, SameSite=Lax, Secure, and not the stored value")
    func cookieAttributes() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let response = try await Browser.attemptSignIn(client, username: "warks.member", password: "demo-warks-member")
            let field = try #require(response.headers[values: .setCookie].first { $0.hasPrefix(SessionCookies.sessionName) })
            #expect(field.contains("HttpOnly"))
            #expect(field.contains("Secure"))
            #expect(field.contains("SameSite=Lax"))
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        }
    }

    @Test("Five failed sign-ins lock the name for the window, even with the right password")
    func rateLimited() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            for attempt in 1...5 {
                let wrong = try await Browser.attemptSignIn(client, username: "warks.member", password: "wrong-\(attempt)")
                #expect(wrong.status == .unauthorized)
                #expect(wrong.text.contains("The username or password is not right."))
            }
            let locked = try await Browser.attemptSignIn(client, username: "warks.member", password: "demo-warks-member")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.setCookie(SessionCookies.sessionName) == nil)
            // Another name is not affected.
            _ = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            // A name longer than anyone's is refused as a wrong one, and not stored (found by exploratory testing).
            let long = String(repeating: "n", count: UserAccount.longestUsername + 1)
            #expect(try await Browser.attemptSignIn(client, username: long, password: "x").status == .unauthorized)
            #expect(try await withStore(url) { try await $0.signInFailureCount(username: long, since: "2000-01-01T00:00:00Z") } == 0)
        }
    }

    @Test("A form over the limit is refused as too large (413, naming the limits), not as a server error; text not sent as UTF-8 is refused naming its field (400), and nothing is saved")
    func refusedBodies() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            let uri = "/committees/WARKS-CYP/measures/WARKS_EH_ASSESS45/commentary"
            let large = try await analyst.post(client, uri, [("period", "2026/27 Q2"), ("text", String(repeating: "x", count: 300 * 1024))])
            #expect(large.status == .contentTooLarge)
            #expect(large.text.contains("What was sent is larger than this form accepts: at most 25 MB of files for an import, and 256 KB for any other form."))
            let signIn = try await Browser.attemptSignIn(client, username: String(repeating: "x", count: 300 * 1024), password: "x")
            #expect(signIn.status == .contentTooLarge)
            let before = try await analyst.get(client, "/api/v1/committees/WARKS-CYP/commentary?period=2026%2F27%20Q2").text
            let latin1 = try await client.execute(
                uri: uri, method: .post, headers: analyst.headers(form: true),
                body: ByteBuffer(string: "csrf=\(analyst.csrf)&period=2026%2F27+Q2&text=Caf%E9+is+closed")
            )
            #expect(latin1.status == .badRequest)
            #expect(latin1.text.contains("text: the text sent is not UTF-8"), "\(latin1.text.prefix(400))")
            #expect(try await analyst.get(client, "/api/v1/committees/WARKS-CYP/commentary?period=2026%2F27%20Q2").text == before)
        }
    }

    @Test("A page explaining an error shows the reader signed in, as every other page does")
    func errorPagesKnowTheReader() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let analyst = try await Browser.signIn(client, username: "warks.analyst", password: "demo-warks-analyst")
            for uri in ["/nope", "/committees/WARKS-CYP?period=garbage"] {
                let page = try await analyst.get(client, uri)
                #expect([.notFound, .badRequest].contains(page.status), "\(uri)")
                #expect(page.text.contains("Sign out") && !page.text.contains(">Sign in</a>"), "\(uri): \(page.text.prefix(600))")
            }
            let anonymous = try await client.execute(uri: "/nope", method: .get)
            #expect(anonymous.text.contains(">Sign in</a>"))
        }
    }

    @Test("A name typed at sign-in is logged with its line breaks escaped, so it cannot forge a line of the log")
    func loggedNames() {
        #expect(SignInController.loggable("admin\n2026-11-25T06:59:59+0000 warning FORGED") == "admin\\u{A}2026-11-25T06:59:59+0000 warning FORGED")
        #expect(SignInController.loggable("Zoë O'Brien") == "Zoë O'Brien")
    }

    @Test("Signing out ends the session on the server")
    func signOut() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withApplication(url) { client in
            let member = try await Browser.signIn(client, username: "warks.member", password: "demo-warks-member")
            #expect(try await member.get(client, "/committees/WARKS-CYP?period=2026%2F27%20Q2").status == .ok)
            let out = try await member.post(client, "/sign-out", [])
            #expect(out.status == .seeOther)
            // The old cookie no longer signs anyone in.
            #expect(try await member.get(client, "/committees/WARKS-CYP?period=2026%2F27%20Q2").status == .notFound)
            // A script sending it to the API is told its session has ended (401), not answered as
            // the public without a word; a page reads as public (found by exploratory testing).
            let api = try await member.get(client, "/api/v1/committees/WARKS-CYP/assessment")
            #expect(api.status == .unauthorized)
            let error = try #require((api.json as? [String: Any])?["error"] as? [String: Any], "\(api.text)")
            #expect((error["message"] as? String)?.hasPrefix("The session cookie names no session: it was signed out or is more than 8 hours old") == true, "\(error)")
            #expect(try await member.get(client, "/").status == .ok)
            #expect(try await client.execute(uri: "/api/v1/committees/WARKS-CYP/assessment", method: .get).status == .ok, "no cookie: the public's answer")
        }
    }

    @Test("Two servers on one database serve the same session, and see each other's changes", arguments: TestEngine.available)
    func twoServersShareSessions(_ engine: TestEngine) async throws {
        let url = try await DemoDatabases.load(engine)
        let storeA = try await StoreConnection.open(url: url, logger: quietLogger)
        let storeB = try await StoreConnection.open(url: url, logger: quietLogger)
        let serverA = buildApplication(store: storeA, settings: testSettings, logger: quietLogger)
        let serverB = buildApplication(store: storeB, settings: testSettings, logger: quietLogger)
        do {
            try await serverA.test(.router) { a in
                let analyst = try await Browser.signIn(a, username: "warks.analyst", password: "demo-warks-analyst")
                let draft = "/committees/WARKS-CYP/measures/WARKS_EH_ASSESS45?period=2026%2F27%20Q2"
                try await serverB.test(.router) { b in
                    let page = try await analyst.get(b, draft)
                    #expect(page.status == .ok, "server B knows server A's session")
                    #expect(page.text.contains("Wren Analyst (Analyst)"))
                    // A commentary written through server A is on server B's page.
                    let written = try await analyst.post(a, "/committees/WARKS-CYP/measures/WARKS_EH_ASSESS45/commentary", [("period", "2026/27 Q2"), ("text", "Written on server A.")])
                    #expect(written.status == .seeOther)
                    #expect(try await analyst.get(b, draft).text.contains("Written on server A."))
                    // Signing out on B ends the session on A.
                    #expect(try await analyst.post(b, "/sign-out", []).status == .seeOther)
                    #expect(try await analyst.get(a, draft).status == .notFound)
                }
            }
        } catch {
            try? await storeA.close()
            try? await storeB.close()
            throw error
        }
        try await storeA.close()
        try await storeB.close()
    }
}
