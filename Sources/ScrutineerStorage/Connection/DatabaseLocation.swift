import Foundation

/// Where a store lives, read from the `db.url` setting:
/// `sqlite://./scrutineer.sqlite` (a relative or absolute path), `sqlite://:memory:`, or
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (optionally `?schema=NAME` to keep Scrutineer's
/// tables in one schema, and PostgresKit's `tlsmode=disable|prefer|require`).
public enum DatabaseLocation: Sendable, Hashable {
    /// An SQLite database file; created when missing.
    case sqliteFile(path: String)
    /// An SQLite database in memory, gone when the store closes.
    case sqliteMemory
    /// A PostgreSQL database: the URL PostgresKit connects with, and the schema to use (nil = the
    /// server's search path).
    case postgresql(url: String, schema: String?)

    /// The default `db.url`: a file beside wherever Scrutineer runs.
    public static let defaultURL = "sqlite://./scrutineer.sqlite"

    /// Reads a `db.url` value. A value it cannot read is named with its password masked.
    public init(url: String) throws(StoreError) {
        do throws(StoreError) {
            try self.init(reading: url)
        } catch let .invalidSchemaName(_, schema, problem) {
            throw StoreError.invalidSchemaName(url: Self.maskingPassword(url), schema: schema, problem: problem)
        } catch let .unknownURLParameter(_, name) {
            throw StoreError.unknownURLParameter(url: Self.maskingPassword(url), name: name)
        } catch {
            throw StoreError.invalidDatabaseURL(Self.maskingPassword(url))
        }
    }

    /// `text` with whatever lies between `USER:` and the last `@` before the host written `***`:
    /// a URL Scrutineer cannot read is still shown in messages without its password, even one
    /// whose password holds a `/`, `#`, `?` or `@` not written as `%2F`, `%23`, `%3F`, `%40`.
    static func maskingPassword(_ text: String) -> String {
        var masked = text
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@"),
           let colon = text[scheme.upperBound..<at].firstIndex(of: ":") {
            masked = String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
        }
        // libpq's form, `?password=…`, too.
        if let key = masked.range(of: "password=", options: .caseInsensitive) {
            let end = masked[key.upperBound...].firstIndex(of: "&") ?? masked.endIndex
            masked.replaceSubrange(key.upperBound..<end, with: "***")
        }
        return masked
    }

    private init(reading url: String) throws(StoreError) {
        let text = url.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw StoreError.invalidDatabaseURL(url) }
            self = path == ":memory:" ? .sqliteMemory : .sqliteFile(path: path)
            return
        }
        // A password holding an unencoded @ would be read in part as the host, and shown in
        // messages as one: refused, so that only the masked text is ever shown.
        if text.filter({ $0 == "@" }).count > 1 { throw StoreError.invalidDatabaseURL(url) }
        guard var components = URLComponents(string: text),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme),
              let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty,
              components.path.count > 1,
              // A port past 65535 would wrap round to another server's.
              components.port.map({ (1...65_535).contains($0) }) ?? true
        else { throw StoreError.invalidDatabaseURL(url) }
        var schema: String?
        if let items = components.queryItems {
            // A parameter read by no one (`Schema=`, `shema=`) would leave Scrutineer in the
            // server's default schema, another council's database on a shared server: refused.
            if let unknown = items.first(where: { !Self.urlParameters.contains($0.name) }) {
                throw StoreError.unknownURLParameter(url: url, name: unknown.name)
            }
            let schemas = items.filter { $0.name == "schema" }.map { $0.value ?? "" }
            if schemas.count > 1 {
                throw StoreError.invalidSchemaName(url: url, schema: schemas.joined(separator: ", "), problem: "is given more than once")
            }
            schema = schemas.first
            let rest = items.filter { $0.name != "schema" }
            components.queryItems = rest.isEmpty ? nil : rest
        }
        if let schema, let problem = Self.schemaNameProblem(schema) {
            throw StoreError.invalidSchemaName(url: url, schema: schema, problem: problem)
        }
        guard let rebuilt = components.string else { throw StoreError.invalidDatabaseURL(url) }
        self = .postgresql(url: rebuilt, schema: schema)
    }

    /// The parameters a PostgreSQL URL may have: Scrutineer's schema, and PostgresKit's TLS mode
    /// under the names it reads.
    static let urlParameters: Set<String> = ["schema", "tlsmode", "sslmode", "tls", "ssl"]

    /// Why `schema` cannot hold a Scrutineer database, or nil when it can: a name Scrutineer
    /// writes unquoted (lower-case letters, digits and underscores, not first a digit), that
    /// PostgreSQL keeps whole (63 bytes; a longer one it cuts short, so two would meet) and does
    /// not keep for itself (`pg_…`, `information_schema`, which `pg_dump` leaves out).
    static func schemaNameProblem(_ schema: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
        guard let first = schema.first, !first.isNumber, schema.allSatisfy(allowed.contains) else {
            return "is not a name Scrutineer can use"
        }
        if schema.utf8.count > 63 { return "is longer than PostgreSQL's 63 characters" }
        if schema.hasPrefix("pg_") || schema == "information_schema" { return "is one PostgreSQL keeps for itself" }
        return nil
    }

    /// Which engine serves this location.
    public var engine: DatabaseEngine {
        switch self {
        case .sqliteFile, .sqliteMemory: .sqlite
        case .postgresql: .postgresql
        }
    }

    /// The location for messages and logs, with any password replaced by `***`.
    public var redacted: String {
        switch self {
        case let .sqliteFile(path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite://:memory:"
        case let .postgresql(url, schema):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            if let schema {
                components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "schema", value: schema)]
            }
            return components.string ?? "postgres://…"
        }
    }
}
