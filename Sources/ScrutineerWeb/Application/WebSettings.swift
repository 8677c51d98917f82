import ScrutineerCore

/// How the web application runs: where it listens, its cookies, and the day it judges currency by.
public struct WebSettings: Sendable {
    /// The address to listen on (`127.0.0.1`, `0.0.0.0`).
    public var host: String
    public var port: Int
    /// Mark cookies `Secure` (sent over HTTPS only). On by default; only a server reached over plain
    /// HTTP on the same machine (the demo) turns it off.
    public var secureCookies: Bool
    /// How long a sign-in lasts, in seconds.
    public var sessionLifetime: Int
    /// Failed sign-ins allowed per name within `signInWindow` seconds before further tries are refused.
    public var signInAttempts: Int
    public var signInWindow: Int
    /// bcrypt's cost for new password hashes (12: about a quarter of a second).
    public var bcryptCost: UInt8
    /// Judge data currency as on this day; nil means today (UTC).
    public var asOf: CalendarDate?
    /// How often, in seconds, a server asks the database whether the data changed (cached pages
    /// are rebuilt when it has); its own changes are seen at once.
    public var revisionCheckInterval: Double
    /// When set, `/metrics` answers only a request that presents it (`Authorization: Bearer TOKEN`,
    /// as Prometheus's `authorization` setting sends it), so a public server need not show its
    /// request counts to everyone; nil leaves `/metrics` open, for a server reached only inside.
    public var metricsToken: String?
    /// Seconds a connection may stay silent, part-way through a request's head or between
    /// requests, before the server closes it, so clients sending slowly cannot hold every
    /// connection the server has (found by a security review).
    public var idleTimeout: Int = 30
    /// How long `/health` waits for the database before answering 503.
    public var healthTimeLimit: Duration = .seconds(5)

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = true, sessionLifetime: Int = 8 * 3600,
        signInAttempts: Int = 5, signInWindow: Int = 15 * 60, bcryptCost: UInt8 = 12, asOf: CalendarDate? = nil,
        revisionCheckInterval: Double = 1, metricsToken: String? = nil
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.signInAttempts = signInAttempts
        self.signInWindow = signInWindow
        self.bcryptCost = bcryptCost
        self.asOf = asOf
        self.revisionCheckInterval = revisionCheckInterval
        self.metricsToken = metricsToken.flatMap { $0.isEmpty ? nil : $0 }
    }
}
