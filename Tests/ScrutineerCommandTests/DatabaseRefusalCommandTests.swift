import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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

        #expect(refused.status == 77, "EX_NOPERM")
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
        let refused = try await administrator.closing {
            try await role.using(
                executing: { statement in try await administrator.read { _ = try await $0.driver.rows(statement, binds: []) } },
                setUp: ["ALTER ROLE \(role.role) CONNECTION LIMIT 0"]
            ) {
                try CommandRunner.run(["export", "observations", "--db", role.url])
            }
        }

        #expect(refused.status == 75, "\(refused.standardError)")
        #expect(refused.standardError == "the database would not take a connection now, so nothing was done (too many connections for role \"\(role.role)\" (SQLSTATE 53300)); try again shortly\n")
    }

    @Test(
        "a PostgreSQL role that must give a password opens the database with it, percent-encoded where it holds / # ? @ % or :, and a wrong one is refused naming the role, never showing either password (exit 78)",
        .enabled(if: TestEngine.postgresRuns)
    )
    func passwords() async throws {
        let role = try TestEngine.newPostgresRole(prefix: "scrutineer_password_")
        let password = "P/a#s?s@w%rd:1", wrong = "P/a#s?s@w%rd:2"
        let administrator = try await StoreConnection.open(url: role.base)
        // The test cluster asks the roles in this group for their passwords (scripts/test).
        try await administrator.read { session in
            try await session.driver.execute(
                "DO $$ BEGIN CREATE ROLE scrutineer_password_roles NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$", binds: []
            )
        }
        func url(_ password: String) throws -> String {
            var components = try #require(URLComponents(string: role.url))
            components.percentEncodedPassword = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)
            return try #require(components.string)
        }
        let (right, refused, none) = try await administrator.closing {
            try await role.using(
                executing: { statement in try await administrator.read { _ = try await $0.driver.rows(statement, binds: []) } },
                setUp: ["ALTER ROLE \(role.role) PASSWORD '\(password)'", "GRANT scrutineer_password_roles TO \(role.role)"]
            ) {
                (
                    try CommandRunner.run(["export", "audit", "--db", try url(password)]),
                    try CommandRunner.run(["export", "audit", "--db", try url(wrong)]),
                    try CommandRunner.run(["export", "audit", "--db", role.url])
                )
            }
        }

        #expect(right.status == 0, "\(right.standardError)")
        #expect(right.standardOutput.hasPrefix("id,recorded_at,"), "\(right.standardOutput)")
        try #require(refused.status != 0, "the test server did not ask for the password: scripts/test has it ask the roles in scrutineer_password_roles")
        #expect(refused.status == 78, "\(refused.standardError)")
        #expect(refused.standardError.hasPrefix("db.url: cannot open postgres://\(role.role):***@"), "\(refused.standardError)")
        #expect(refused.standardError.hasSuffix(": password authentication failed for user \"\(role.role)\" (SQLSTATE 28P01)\n"), "\(refused.standardError)")
        #expect(!refused.standardError.contains("P/a#s") && !refused.standardError.contains("P%2Fa"), "\(refused.standardError)")
        // No password at all is said in words, not PostgresNIO's code (found by this test:
        // "authMechanismRequiresPassword").
        #expect(none.status == 78, "\(none.standardError)")
        #expect(none.standardError.hasSuffix(": PostgreSQL asks this role for a password and db.url gives none (expected postgres://user:password@host/database, "
            + "the password percent-encoded where it holds / # ? @ % or :)\n"), "\(none.standardError)")
    }

    @Test("a URL asking for TLS of a PostgreSQL server without it is told so in words, exit 78 (found by testing: \"sslUnsupported\")", .enabled(if: TestEngine.postgresRuns))
    func tlsNotOffered() throws {
        // The test cluster runs without TLS (scripts/test).
        let url = try TestEngine.requirePostgres().replacingOccurrences(of: "tlsmode=disable", with: "tlsmode=require")
        try #require(url.contains("tlsmode=require"), "the test cluster's URL sets tlsmode=disable")
        let refused = try CommandRunner.run(["export", "audit", "--db", url])
        #expect(refused.status == 78, "\(refused.standardError)")
        #expect(refused.standardError.hasSuffix(
            ": PostgreSQL does not offer TLS, which the URL's tlsmode=require (or sslmode) asks for (expected a server with ssl on, or tlsmode=prefer or disable)\n"
        ), "\(refused.standardError)")
    }

    @Test(
        "a PostgreSQL role that may read Scrutineer's tables but not write them reads, and an import it runs is refused as the role's (exit 77), not as bad data (found by exploratory testing: rolled back, exit 65)",
        .enabled(if: TestEngine.postgresRuns)
    )
    func roleThatMayOnlyRead() async throws {
        let role = try TestEngine.newPostgresRole(prefix: "scrutineer_reader_")
        let administrator = try await StoreConnection.open(url: role.base)
        func run(_ statements: [String]) async throws {
            for statement in statements { try await administrator.read { _ = try await $0.driver.rows(statement, binds: []) } }
        }
        // The schema is the administrator's, migrated by it; the role may only read it.
        try await run(["CREATE ROLE \(role.role) LOGIN", "CREATE SCHEMA \(role.schema)"])
        let owned = try await StoreConnection.open(url: role.base + (role.base.contains("?") ? "&" : "?") + "schema=\(role.schema)")
        try await owned.closing { try await owned.migrate() }
        try await run(["GRANT USAGE ON SCHEMA \(role.schema) TO \(role.role)", "GRANT SELECT ON ALL TABLES IN SCHEMA \(role.schema) TO \(role.role)"])
        let read = try CommandRunner.run(["export", "observations", "--db", role.url])
        // Without USAGE on the schema, the schema is named (found by exploratory testing: "no
        // schema has been selected to create in").
        var otherSchema = try #require(URLComponents(string: role.url))
        otherSchema.user = "scrutineer_no_usage_" + role.schema.suffix(8)
        try await run(["CREATE ROLE \(try #require(otherSchema.user)) LOGIN"])
        let noUsage = try CommandRunner.run(["export", "observations", "--db", try #require(otherSchema.string)])
        try await run(["DROP ROLE \(try #require(otherSchema.user))"])
        let imported = try CommandRunner.run(["import", "areas", SharedFiles.data("reference/la_lookup_from_ees.csv").path, "--db", role.url])
        try await run(role.dropping)
        try await administrator.close()

        #expect(read.status == 0, "\(read.standardError)")
        #expect(noUsage.status == 77, "\(noUsage.standardError)")
        #expect(noUsage.standardError == "the database does not let the role in db.url do this, so nothing was written (permission denied for schema \(role.schema): the role has no USAGE on it); "
            + "expected a role with SELECT, INSERT, UPDATE and DELETE on Scrutineer's tables, and CREATE on its schema\n")
        #expect(read.standardOutput.hasPrefix("measure_code,area_code,period,"))
        #expect(imported.status == 77, "\(imported.standardError)")
        #expect(imported.standardError.contains("the database does not let the role in db.url do this, so nothing was written (permission denied for table "), "\(imported.standardError)")
        #expect(imported.standardError.contains("(SQLSTATE 42501)); expected a role with SELECT, INSERT, UPDATE and DELETE on Scrutineer's tables, and CREATE on its schema"))
    }

    @Test("a connection closed during PostgreSQL's start-up handshake (a load balancer before a cluster failing over) exits 75, as a lost connection, not 78 as for a wrong URL (found by exploratory testing)")
    func closedDuringStartUp() throws {
        // A listener that accepts each connection and closes it at once, as such a load balancer does.
        let listener = try #require(LocalListener(.closing), "could not listen on 127.0.0.1")
        defer { listener.stop() }
        let port = listener.port
        let closed = try CommandRunner.run(["export", "audit", "--db", "postgres://scrutineer@127.0.0.1:\(port)/scrutineer?tlsmode=disable"])
        #expect(closed.status == 75, "\(closed.standardError)")
        // Closed, or reset (as a close with the start-up message unread may be), by the machine's timing.
        #expect(closed.standardError.hasPrefix("the connection to the database was lost, so nothing was written ("), "\(closed.standardError)")
        #expect(closed.standardError.hasSuffix(", before the database was ready); try again once the database answers\n"), "\(closed.standardError)")
        // A port nothing listens on is still a URL to correct.
        let nothing = try CommandRunner.run(["export", "audit", "--db", "postgres://scrutineer@127.0.0.1:1/scrutineer?tlsmode=disable"])
        #expect(nothing.status == 78, "\(nothing.standardError)")
    }

    @Test("a PostgreSQL server that takes the connection and then says nothing (gone silent, or a proxy before it) is given up after db.timeout: exit 75, where the command waited for good")
    func silentServer() throws {
        let listener = try #require(LocalListener(.silent), "could not listen on 127.0.0.1")
        defer { listener.stop() }
        let silent = try CommandRunner.run(
            ["export", "audit", "--db", "postgres://scrutineer@127.0.0.1:\(listener.port)/scrutineer?tlsmode=disable"], environment: ["SCRUTINEER_DB_TIMEOUT": "1"]
        )
        #expect(silent.status == 75, "\(silent.standardError)")
        #expect(silent.standardError == "the database would not take a connection now, so nothing was done (it did not finish opening a connection within 1 second); try again shortly\n")
    }

    @Test(
        "serve stops on SIGTERM while a request waits on a PostgreSQL database that has stopped answering it: the request is answered 503 once db.timeout has passed, and the server stops (found by exploratory testing: neither happened, for good)",
        .enabled(if: TestEngine.postgresRuns)
    )
    func serveStopsBesideASilentDatabase() async throws {
        let (url, base, schema) = try TestEngine.newPostgresSchema(prefix: "scrutineer_silent_")
        let imported = try CommandRunner.run(["import", "areas", SharedFiles.data("reference/la_lookup_from_ees.csv").path, "--db", url])
        try #require(imported.status == 0, "\(imported.standardError)")
        let server = try await CommandRunner.startServer(["--db", url], environment: ["SCRUTINEER_DB_TIMEOUT": "2", "SCRUTINEER_HTTP_SECURE_COOKIES": "false"])
        let holder = try await StoreConnection.open(url: url)
        // Another connection keeps everyone out of the audit table, which every page reads first
        // (the database's revision): to the server, a database that does not answer.
        let (status, answer) = try await Hold.whileHeld(atMost: .seconds(120), by: { keep in
            try await holder.read { session in
                try await session.sql.raw("BEGIN").run()
                try await session.sql.raw("LOCK TABLE audit IN ACCESS EXCLUSIVE MODE").run()
                await keep()
                try await session.sql.raw("ROLLBACK").run()
            }
        }) {
            let page = try #require(URL(string: server.url + "/"))
            let request = Task { () -> Int? in
                let (_, response) = try await URLSession.shared.data(from: page)
                return (response as? HTTPURLResponse)?.statusCode
            }
            // Once the request waits on the lock (however slow the machine), the server is told to stop.
            for _ in 0..<600 {
                let waiting = try await holder.read { session in
                    try await session.cells("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = \(bind: schema + ".audit")::regclass")
                }
                if waiting != [[.integer(0)]] { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let status = await server.stop(within: .seconds(30))
            return (status, await RunningServer.within(.seconds(5)) { try? await request.value })
        }
        try await holder.close()
        let administrator = try await StoreConnection.open(url: base)
        try await administrator.closing { try await administrator.read { try await $0.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() } }

        #expect(status == 0, "serve did not stop within 30 seconds of SIGTERM: \(String(decoding: server.errors.wait(), as: UTF8.self))")
        #expect(answer == .some(503), "the request waiting on the database: \(String(describing: answer))")
    }
}
