import Foundation
import Testing

/// The database engines tests run on: SQLite always (a temporary file), PostgreSQL at
/// `SCRUTINEER_TEST_POSTGRES_URL` (scripts/test starts a throwaway server). In CI the PostgreSQL
/// cases must run, so without the variable they fail; a local run without it skips them and
/// says why. Every test target that reaches PostgreSQL asks here.
public enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    public var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }

    public static let postgresVariable = "SCRUTINEER_TEST_POSTGRES_URL"

    /// The server's URL, when this run has one.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment[postgresVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The engines a test runs on here: PostgreSQL whenever it is configured, and always in CI
    /// (where a missing server is a failure).
    public static var available: [TestEngine] { postgresRuns ? [.sqlite, .postgresql] : [.sqlite] }

    /// Whether a test that needs PostgreSQL runs here, as a trait's condition.
    public static var postgresRuns: Bool { postgresURL != nil || TestRun.isCI }

    /// Why PostgreSQL cases are left out of a local run.
    public static let skippedPostgresMessage: Comment =
        "SCRUTINEER_TEST_POSTGRES_URL is not set, so this ran on SQLite only; run scripts/test (which starts a PostgreSQL server) to include PostgreSQL"

    /// The server's URL; fails the test in CI, or skips it locally, when none is configured.
    public static func requirePostgres() throws -> String {
        if let url = postgresURL { return url }
        if TestRun.isCI { throw PostgresRequiredInCI() }
        try Test.cancel("\(postgresVariable) is not set, so the PostgreSQL case is skipped (run scripts/test, which starts a PostgreSQL server, to include it)")
    }

    /// The server's URL with a new schema of its own, named `prefix` and a random suffix, so
    /// each test's tables are apart (the store creates the schema when it migrates).
    public static func newPostgresSchema(prefix: String) throws -> (url: String, base: String, schema: String) {
        let base = try requirePostgres()
        let schema = prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        return ("\(base)\(base.contains("?") ? "&" : "?")schema=\(schema)", base, schema)
    }

    /// A PostgreSQL role of its own that may log in, and a schema it owns, for a test that changes
    /// what the server lets a role do (its connections, its rights) without touching any other
    /// test's: `url` signs in as the role and uses the schema. The caller runs `creating` through
    /// a store on `base` first, and `dropping` after.
    public static func newPostgresRole(prefix: String) throws -> PostgresRole {
        let (_, base, schema) = try newPostgresSchema(prefix: prefix)
        let role = schema + "_role"
        guard var components = URLComponents(string: base) else { throw PostgresRole.UnreadableURL(url: base) }
        components.user = role
        components.password = nil
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "schema", value: schema)]
        guard let url = components.string else { throw PostgresRole.UnreadableURL(url: base) }
        return PostgresRole(url: url, base: base, role: role, schema: schema)
    }

    /// Fails a PostgreSQL case in CI when no server was configured.
    public struct PostgresRequiredInCI: Error, CustomStringConvertible {
        public var description: String {
            "CI=true but \(TestEngine.postgresVariable) is not set: the PostgreSQL cases must run in CI (scripts/test starts a server)"
        }
    }
}

/// A PostgreSQL role and the schema it owns (`TestEngine.newPostgresRole(prefix:)`).
public struct PostgresRole: Sendable {
    /// The database as the role: its schema, signed in as it (the test cluster trusts loopback).
    public let url: String
    /// The server's URL for the test cluster's own role, which creates and drops this one.
    public let base: String
    public let role: String
    public let schema: String

    /// Makes the role and its schema (PostgreSQL grants no role but the owner CREATE on a
    /// database, so the schema is made for it).
    public var creating: [String] { ["CREATE ROLE \(role) LOGIN", "CREATE SCHEMA \(schema) AUTHORIZATION \(role)"] }
    /// Ends the role's connections, then drops its schema and the role.
    public var dropping: [String] {
        ["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(role)'", "DROP SCHEMA \(schema) CASCADE", "DROP ROLE \(role)"]
    }

    /// Makes the role and its schema, then runs `setUp` (statements such as a connection limit),
    /// each through `execute` as the test cluster's own role; runs `body`; and drops them after,
    /// whether `body` succeeded or not.
    public func using<Value>(
        executing execute: (String) async throws -> Void, setUp: [String] = [], _ body: () async throws -> Value
    ) async throws -> Value {
        for statement in creating + setUp { try await execute(statement) }
        let outcome: Result<Value, any Error>
        do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
        for statement in dropping { try await execute(statement) }
        return try outcome.get()
    }

    struct UnreadableURL: Error, CustomStringConvertible {
        let url: String
        var description: String { "\(TestEngine.postgresVariable) is not a URL: \(url)" }
    }
}
