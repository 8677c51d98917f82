import Foundation
import ArgumentParser
import Configuration
import ScrutineerStorage

/// Scrutineer's settings, read in one place (STYLE.md 3): a command-line option wins, then the
/// environment (`db.url` is `SCRUTINEER_DB_URL`), then the default that makes the embedded demo
/// work with no settings at all.
struct Settings {
    /// Where the database is: `sqlite://./scrutineer.sqlite` (default) or `postgres://user:pass@host:port/db`.
    var databaseURL: String
    /// Where `serve` listens: `http.host` (default 127.0.0.1) and `http.port` (default 8080).
    var host: String
    var port: Int
    /// `http.secure-cookies` (default true): mark cookies Secure.
    var secureCookies: Bool
    /// `http.metrics-token` (`SCRUTINEER_HTTP_METRICS_TOKEN`; no default): when set, `/metrics`
    /// answers only `Authorization: Bearer TOKEN`. Read from the environment only, so it is not
    /// shown in the process list as a command-line option would be.
    var metricsToken: String?

    static let defaultDatabaseURL = "sqlite://./scrutineer.sqlite"

    /// A setting that is given but cannot be right: named with where it can be set and what is
    /// expected, rather than replaced by its default without a word.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// `db.url` alone, from `--db` when given: what every command but `serve` needs, so that a web
    /// setting wrong in the environment stops only the server.
    static func databaseURL(option: String?) -> String {
        if let option { return option }
        return ConfigReader(provider: EnvironmentVariablesProvider().prefixKeys(with: ["scrutineer"]))
            .string(forKey: "db.url", isSecret: true, default: defaultDatabaseURL)
    }

    /// `db.connections` (`SCRUTINEER_DB_CONNECTIONS`, default 4): how many connections to
    /// PostgreSQL a command or a server holds at most, one for each piece of work it does at once;
    /// SQLite always has one. A number that cannot be right is refused (`Problem`).
    static func databaseConnections() throws(Problem) -> Int {
        try wholeNumber(
            "db.connections", from: 1, to: StoreConnection.mostPostgresConnections, default: StoreConnection.defaultPostgresConnections,
            of: "a number of connections", environment: "SCRUTINEER_DB_CONNECTIONS"
        )
    }

    /// `db.timeout` (`SCRUTINEER_DB_TIMEOUT`, seconds, default 60): how long PostgreSQL may leave a
    /// statement or a new connection unanswered before the connection is given up (a server gone
    /// silent, say after a failover; see `StoreConnection.open`). A number that cannot be right is
    /// refused (`Problem`).
    static func databaseTimeout() throws(Problem) -> Int {
        try wholeNumber(
            "db.timeout", from: 1, to: StoreConnection.longestAnswerWaitSeconds,
            default: Int(StoreConnection.defaultAnswerWait.nanoseconds / 1_000_000_000), of: "a number of seconds", environment: "SCRUTINEER_DB_TIMEOUT"
        )
    }

    /// A whole-number setting from the environment, `default` unless given, refused (`Problem`)
    /// unless it is `of` from `low` to `high`.
    private static func wholeNumber(_ key: String, from low: Int, to high: Int, default: Int, of what: String, environment: String) throws(Problem) -> Int {
        let text = ConfigReader(provider: EnvironmentVariablesProvider().prefixKeys(with: ["scrutineer"]))
            .string(forKey: ConfigKey(key), default: String(`default`)).trimmingCharacters(in: .whitespaces)
        guard let number = Int(text), (low...high).contains(number) else {
            throw Problem(description: "\(key): \"\(text)\" is not \(what) (expected a whole number from \(low) to \(high), \(`default`) unless given, as \(environment))")
        }
        return number
    }

    /// The settings with `databaseURL`, `host` and `port` from the command line when given. A port
    /// outside 1–65535 or not a number, and a secure-cookies setting that is not true or false, are
    /// refused (`Problem`).
    static func load(databaseOption: String? = nil, host: String? = nil, port: Int? = nil) throws(Problem) -> Settings {
        var overrides: [AbsoluteConfigKey: ConfigValue] = [:]
        if let host { overrides[AbsoluteConfigKey(["http", "host"])] = ConfigValue(.string(host), isSecret: false) }
        if let port { overrides[AbsoluteConfigKey(["http", "port"])] = ConfigValue(.string(String(port)), isSecret: false) }
        let config = ConfigReader(providers: [
            InMemoryProvider(name: "command line", values: overrides),
            EnvironmentVariablesProvider().prefixKeys(with: ["scrutineer"]),
        ])
        let portText = config.string(forKey: "http.port", default: "8080").trimmingCharacters(in: .whitespaces)
        guard let portNumber = Int(portText), (1...65_535).contains(portNumber) else {
            throw Problem(description: "http.port: \"\(portText)\" is not a port (expected a whole number from 1 to 65535, given as --port or SCRUTINEER_HTTP_PORT)")
        }
        let cookiesText = config.string(forKey: "http.secure-cookies", default: "true").trimmingCharacters(in: .whitespaces).lowercased()
        guard let secureCookies = ["true": true, "1": true, "yes": true, "false": false, "0": false, "no": false][cookiesText] else {
            throw Problem(description: "http.secure-cookies: \"\(cookiesText)\" is not true or false (expected true, the default, or false; yes/no and 1/0 are read the same, given as SCRUTINEER_HTTP_SECURE_COOKIES)")
        }
        return Settings(
            databaseURL: databaseURL(option: databaseOption),
            host: config.string(forKey: "http.host", default: "127.0.0.1"),
            port: portNumber,
            secureCookies: secureCookies,
            metricsToken: config.string(forKey: "http.metrics-token", isSecret: true)
        )
    }
}

/// Who runs a command, for the audit trail when `--user` is not given: `$USER`, or the account's
/// name where the environment has none (under cron or systemd), the same for every command.
let commandUser = ProcessInfo.processInfo.environment["USER"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    ?? ProcessInfo.processInfo.userName

/// `--user NAME`: who is making a change, for the audit trail. A name that is blank is a usage
/// error here, not a database constraint's message later.
struct AuditUserOption: ParsableArguments {
    @Option(help: "Who is making the change, for the audit trail: $USER unless given.")
    var user: String = commandUser

    func validate() throws {
        if user.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--user is blank (expected the name of the person making the change, or no --user for $USER)")
        }
        if Self.holdsControlCharacter(user) {
            throw ValidationError("--user holds a line break or another control character (expected a name on one line, as the audit trail lists it)")
        }
    }

    /// True when `text` holds a control or format character (a line break, a terminal escape), which
    /// would forge or garble a line of the audit trail or a listing.
    static func holdsControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) }
    }
}
