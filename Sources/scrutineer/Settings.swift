import Configuration

/// Scrutineer's settings, read in one place (STYLE.md 3): a command-line option wins, then the
/// environment (`db.url` is `SCRUTINEER_DB_URL`), then the default that makes the embedded demo
/// work with no settings at all.
struct Settings {
    /// Where the database is: `sqlite://./scrutineer.sqlite` (default) or `postgres://user:pass@host:port/db`.
    var databaseURL: String

    static let defaultDatabaseURL = "sqlite://./scrutineer.sqlite"

    /// The settings with `databaseURL` from `--db` when given.
    static func load(databaseOption: String? = nil) -> Settings {
        var overrides: [AbsoluteConfigKey: ConfigValue] = [:]
        if let databaseOption {
            overrides[AbsoluteConfigKey(["db", "url"])] = ConfigValue(.string(databaseOption), isSecret: true)
        }
        let config = ConfigReader(providers: [
            InMemoryProvider(name: "command line", values: overrides),
            EnvironmentVariablesProvider().prefixKeys(with: ["scrutineer"]),
        ])
        return Settings(databaseURL: config.string(forKey: "db.url", isSecret: true, default: defaultDatabaseURL))
    }
}
