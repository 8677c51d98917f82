import Foundation
import Hummingbird
import Logging
import ScrutineerCore
import ScrutineerStorage
import ScrutineerViews

/// Signing in and out (PRODUCT.md R16): password checked against its bcrypt hash, a new session
/// stored in the database with its own CSRF token, failed attempts counted per name in the
/// database (so the limit holds across servers), and the sign-in form protected by a CSRF cookie.
struct SignInController: Sendable {
    let store: any ScrutineerStore
    let settings: WebSettings
    /// A hash checked when no one has the name given, so an unknown name takes as long to refuse
    /// as a wrong password and the time taken does not tell which names exist.
    let absentUserHash: String
    /// One password check at a time, whatever the number of sign-ins sent at once.
    let passwordChecks = PasswordCheckGate()

    init(store: any ScrutineerStore, settings: WebSettings) {
        self.store = store
        self.settings = settings
        absentUserHash = Credentials.hash(password: Credentials.randomToken(), cost: settings.bcryptCost)
    }
    var cookies: SessionCookies { SessionCookies(secure: settings.secureCookies, lifetime: settings.sessionLifetime) }

    func addRoutes(to router: Router<WebRequestContext>) {
        router.on(RouterPath(SiteRoutes.signInForm.pattern), method: .get) { request, context in form(request, context) }
        router.on(RouterPath(SiteRoutes.signIn.pattern), method: .post) { request, context in try await signIn(request, context) }
        router.on(RouterPath(SiteRoutes.signOut.pattern), method: .post) { request, context in try await signOut(request, context) }
    }

    /// A name as typed, with control characters (a line break) written as escapes, so a name
    /// cannot forge lines of the log (CWE-117).
    static func loggable(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    func form(_ request: Request, _ context: WebRequestContext, username: String = "", error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let token = Credentials.randomToken()
        var chrome = SiteChrome.make(context.viewer, breadcrumbs: [SiteLink("Committees", href: SiteRoutes.home.href()), SiteLink("Sign in", href: "", isCurrent: true)])
        chrome.csrfToken = token
        let html = (try? SiteRenderer.signIn(username: username, error: error, chrome: chrome)) ?? "Sign in"
        var response = Response.html(html, status: status)
        response.setCookie(cookies.signInCSRF(token))
        return response
    }

    func signIn(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request, context)
        let expected = request.cookies[SessionCookies.signInCSRFName]?.value ?? ""
        guard Credentials.constantTimeEqual(fields["csrf"] ?? "", expected) else {
            return form(request, context, username: fields["username"] ?? "", error: "The sign-in form had expired. Enter your username and password again.", status: .forbidden)
        }
        let username = (fields["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = fields["password"] ?? ""
        guard !username.isEmpty, !password.isEmpty else {
            return form(request, context, username: username, error: "Enter your username and your password.", status: .badRequest)
        }
        // No one's name is that long: refused as any wrong name is, but not stored as a failure.
        guard username.utf8.count <= UserAccount.longestUsername else {
            return form(request, context, username: "", error: "The username or password is not right.", status: .unauthorized)
        }
        // The attempt is claimed (and counted as failed) before the password is checked, so
        // attempts sent at once cannot all slip under the limit.
        let since = StoreTimestamp.now(plus: -settings.signInWindow), at = StoreTimestamp.now()
        do {
            guard try await store.claimSignInAttempt(username: username, at: at, since: since, limit: settings.signInAttempts) else {
                context.logger.warning("sign-in refused: too many failures", metadata: ["user": .string(Self.loggable(username))])
                return form(request, context, username: username, error: "Too many failed sign-ins for this username. Wait \(settings.signInWindow / 60) minutes, then try again.", status: .tooManyRequests)
            }
            return try await checkPassword(request, context, username: username, password: password)
        } catch {
            // The database failed part-way (a lost connection, even as the claim was committed):
            // the password was not judged, so the attempt is taken back where the database lets
            // it be, and the reader is told to try again, not to look whether a change was made.
            await withdrawAttempt(username: username, at: at, logger: context.logger)
            if case let .connectionLostWhileCommitting(reason)? = error as? StoreError { throw StoreError.connectionLost(reason: reason) }
            throw error
        }
    }

    /// Takes back a claimed attempt, trying once more after a moment when the database is lost
    /// on the first try (a failover under way); logged when it cannot be.
    private func withdrawAttempt(username: String, at: String, logger: Logger) async {
        for attempt in 1...2 {
            do {
                try await store.withdrawSignInAttempt(username: username, at: at)
                return
            } catch {
                guard attempt == 1, StoreError.isConnectionLoss(error) else {
                    logger.warning("sign-in attempt not taken back: \(StoreError.databaseReason(error))", metadata: ["user": .string(Self.loggable(username))])
                    return
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    /// The rest of `signIn` once the attempt is claimed: the password checked, and a session
    /// begun when it is right.
    private func checkPassword(_ request: Request, _ context: WebRequestContext, username: String, password: String) async throws -> Response {
        let user = try await store.user(named: username)
        let hash = user?.passwordHash ?? absentUserHash
        guard await passwordChecks.run({ Credentials.verify(password: password, hash: hash) }), let user else {
            context.logger.info("sign-in failed", metadata: ["user": .string(Self.loggable(username))])
            return form(request, context, username: username, error: "The username or password is not right.", status: .unauthorized)
        }
        try await store.clearSignInFailures(username: username)
        let token = Credentials.randomToken()
        try await store.createSession(StoredSession(
            tokenHash: Credentials.tokenHash(token), userId: user.account.id, csrfToken: Credentials.randomToken(),
            createdAt: StoreTimestamp.now(), expiresAt: StoreTimestamp.now(plus: settings.sessionLifetime)
        ))
        context.logger.info("signed in", metadata: ["user": .string(Self.loggable(username))])
        var response = Response.redirect(to: SiteRoutes.home.href(), type: .normal)
        response.setCookie(cookies.session(token))
        return response
    }

    func signOut(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let fields = try await FormFields.read(request, context)
        try CSRF.check(fields, context.viewer)
        try await store.deleteSession(tokenHash: context.viewer.sessionTokenHash, expiredBy: StoreTimestamp.now())
        var response = Response.redirect(to: SiteRoutes.home.href(), type: .normal)
        response.setCookie(cookies.expiredSession())
        return response
    }
}
