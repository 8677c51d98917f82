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
}
