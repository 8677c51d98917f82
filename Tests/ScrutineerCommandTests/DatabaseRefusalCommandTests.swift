import Foundation
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

/// What a command says when PostgreSQL refuses it for a reason of its own, not of the data: the
/// server's words and SQLSTATE, where PostgresNIO's own description is a generic sentence that
/// hides them (found by exploratory testing: "PSQLError – Generic description to prevent
/// accidental leakage of sensitive data", exit 1).
@Suite("scrutineer and a database that refuses")
struct DatabaseRefusalCommandTests {
    @Test("a PostgreSQL role without the right to create Scrutineer's tables is told so in PostgreSQL's words", .enabled(if: TestEngine.postgresRuns))
    func roleWithoutRights() async throws {
        let url = try TestEngine.requirePostgres()
        let role = "scrutineer_no_rights_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let administrator = try await StoreConnection.open(url: url)
        // A role that may log in and nothing more (PostgreSQL 15 lets no one but the owner create in schema public).
        try await administrator.read { try await $0.driver.execute("CREATE ROLE \(role) LOGIN", binds: []) }
        var components = try #require(URLComponents(string: url))
        components.user = role
        components.password = nil
        let refused = try CommandRunner.run(["user", "list", "--db", try #require(components.string)])
        try await administrator.read { try await $0.driver.execute("DROP ROLE \(role)", binds: []) }
        try await administrator.close()

        #expect(refused.status == 1)
        #expect(refused.standardError.hasPrefix("Error: the database refused: permission denied for "), "\(refused.standardError)")
        #expect(refused.standardError.hasSuffix(" (SQLSTATE 42501)\n"), "\(refused.standardError)")
        #expect(!refused.standardError.contains("Generic description"))
    }

    @Test(
        "a command PostgreSQL will not take a connection from for now (the role's connections used up, SQLSTATE 53300) exits 75, as for a lost connection, not 78 as for a wrong URL",
        .enabled(if: TestEngine.postgresRuns)
    )
    func noConnectionForNow() async throws {
        let role = try TestEngine.newPostgresRole(prefix: "scrutineer_full_")
        let administrator = try await StoreConnection.open(url: role.base)
        for statement in role.creating + ["ALTER ROLE \(role.role) CONNECTION LIMIT 0"] {
            try await administrator.read { try await $0.driver.execute(statement, binds: []) }
        }
        let refused = try CommandRunner.run(["export", "observations", "--db", role.url])
        for statement in role.dropping {
            try await administrator.read { _ = try await $0.driver.rows(statement, binds: []) }
        }
        try await administrator.close()

        #expect(refused.status == 75, "\(refused.standardError)")
        #expect(refused.standardError == "the database would not take a connection now, so nothing was done (too many connections for role \"\(role.role)\" (SQLSTATE 53300)); try again shortly\n")
    }
}
