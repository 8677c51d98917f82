import Configuration

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

    /// The settings with `databaseURL`, `host` and `port` from the command line when given.
    static func load(databaseOption: String? = nil, host: String? = nil, port: Int? = nil) -> Settings {
        var overrides: [AbsoluteConfigKey: ConfigValue] = [:]
        if let databaseOption {
            overrides[AbsoluteConfigKey(["db", "url"])] = ConfigValue(.string(databaseOption), isSecret: true)
        }
        if let host { overrides[AbsoluteConfigKey(["http", "host"])] = ConfigValue(.string(host), isSecret: false) }
        if let port { overrides[AbsoluteConfigKey(["http", "port"])] = ConfigValue(.int(port), isSecret: false) }
        let config = ConfigReader(providers: [
            InMemoryProvider(name: "command line", values: overrides),
            EnvironmentVariablesProvider().prefixKeys(with: ["scrutineer"]),
        ])
        return Settings(
            databaseURL: config.string(forKey: "db.url", isSecret: true, default: defaultDatabaseURL),
            host: config.string(forKey: "http.host", default: "127.0.0.1"),
            port: config.int(forKey: "http.port", default: 8080),
            secureCookies: config.bool(forKey: "http.secure-cookies", default: true),
            metricsToken: config.string(forKey: "http.metrics-token", isSecret: true)
        )
    }
}
