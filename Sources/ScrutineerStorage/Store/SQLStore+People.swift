import Foundation
import ScrutineerCore
import SQLKit

/// A stored account with its password hash, for checking a sign-in.
public struct StoredUser: Sendable, Hashable {
    public var account: UserAccount
    /// The bcrypt hash of the password.
    public var passwordHash: String
}

/// A signed-in session as stored: the SHA-256 of its token (hex), whose it is, its CSRF token and
/// its life (ISO 8601, UTC).
public struct StoredSession: Sendable, Hashable {
    public var tokenHash: String
    public var userId: Int
    public var csrfToken: String
    public var createdAt: String
    public var expiresAt: String

    public init(tokenHash: String, userId: Int, csrfToken: String, createdAt: String, expiresAt: String) {
        self.tokenHash = tokenHash
        self.userId = userId
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

extension SQLStore {
    /// Adds a person with their grants; audited. Fails with `StoreError.userExists` when the name is taken.
    public func addUser(_ account: UserAccount, passwordHash: String, by user: String) async throws -> UserAccount {
        typealias U = Schema.Users
        if try await self.user(named: account.username) != nil { throw StoreError.userExists(account.username) }
        try await checkCouncil(account.councilAreaCode)
        return try await change { session in
            let timestamp = StoreTimestamp.now()
            let returned = try await session.insertReturning(
                into: U.table, columns: U.columns,
                cells: [.text(account.username), .text(account.displayName), .text(account.role.rawValue),
                        SQLCell(account.councilAreaCode), .text(passwordHash), .text(timestamp), .text(timestamp)],
                returning: U.id
            )
            guard let first = returned.first else { throw StoreError.changeRolledBack(reason: "the database returned no id for the new user") }
            var reader = CellReader(first, table: U.table, columns: [U.id])
            var stored = account
            stored.id = try reader.integer()
            try await Self.writeGrants(stored, into: session)
            _ = try await AuditWriter.insert(into: session, action: "add user \(account.username) as \(account.grantsText)", user: user, at: timestamp, files: [], summary: nil)
            return stored
        }
    }

    /// Replaces a person's role, council and grants; audited.
    public func updateUser(_ account: UserAccount, by user: String) async throws {
        typealias U = Schema.Users
        guard let existing = try await self.user(named: account.username) else { throw StoreError.unknownUser(account.username) }
        try await checkCouncil(account.councilAreaCode)
        let stored = UserAccount(
            id: existing.account.id, username: account.username, displayName: account.displayName, role: account.role,
            councilAreaCode: account.councilAreaCode, committeeCodes: account.committeeCodes, measureCodes: account.measureCodes
        )
        try await change { session in
            let timestamp = StoreTimestamp.now()
            try await session.sql.raw("""
                UPDATE \(unsafeRaw: U.table) SET \(unsafeRaw: U.displayName) = \(bind: account.displayName), \(unsafeRaw: U.role) = \(bind: account.role.rawValue),
                \(unsafeRaw: U.councilAreaCode) = \(bind: account.councilAreaCode), \(unsafeRaw: U.updatedAt) = \(bind: timestamp)
                WHERE \(unsafeRaw: U.id) = \(bind: stored.id)
                """).run()
            try await session.sql.raw("DELETE FROM \(unsafeRaw: Schema.UserGrants.table) WHERE \(unsafeRaw: Schema.UserGrants.userId) = \(bind: stored.id)").run()
            try await Self.writeGrants(stored, into: session)
            _ = try await AuditWriter.insert(into: session, action: "update user \(account.username) as \(stored.grantsText) (was \(existing.account.grantsText))", user: user, at: timestamp, files: [], summary: nil)
        }
    }

    /// Refuses a council that is not a stored area, in words rather than as a foreign-key failure.
    private func checkCouncil(_ code: String?) async throws {
        guard let code else { return }
        guard try await areas().contains(where: { $0.code == code }) else { throw StoreError.unknownCouncil(code) }
    }

    /// Replaces a person's password hash, signs them out everywhere and lifts any hold on their
    /// signing in (their failed sign-ins are forgotten); audited (without the hash).
    public func setPasswordHash(_ hash: String, for username: String, by user: String) async throws {
        typealias U = Schema.Users
        guard let existing = try await self.user(named: username) else { throw StoreError.unknownUser(username) }
        try await change { session in
            let timestamp = StoreTimestamp.now()
            try await session.sql.raw("UPDATE \(unsafeRaw: U.table) SET \(unsafeRaw: U.passwordHash) = \(bind: hash), \(unsafeRaw: U.updatedAt) = \(bind: timestamp) WHERE \(unsafeRaw: U.id) = \(bind: existing.account.id)").run()
            try await session.sql.raw("DELETE FROM \(unsafeRaw: Schema.Sessions.table) WHERE \(unsafeRaw: Schema.Sessions.userId) = \(bind: existing.account.id)").run()
            // A new password lifts a hold on signing in: it is how an administrator lets back in
            // someone who mistyped the old one five times.
            try await session.sql.raw("DELETE FROM \(unsafeRaw: Schema.SignInFailures.table) WHERE \(unsafeRaw: Schema.SignInFailures.username) = \(bind: username)").run()
            _ = try await AuditWriter.insert(into: session, action: "set password of \(username)", user: user, at: timestamp, files: [], summary: nil)
        }
    }

    /// The person with this sign-in name, with their password hash, or nil.
    public func user(named username: String) async throws -> StoredUser? {
        try await users(named: username).first
    }

    /// Every person, by sign-in name.
    public func users() async throws -> [UserAccount] {
        try await users(named: nil).map(\.account)
    }

    /// One person (by sign-in name) or, with nil, everyone.
    private func users(named username: String?) async throws -> [StoredUser] {
        typealias U = Schema.Users
        typealias G = Schema.UserGrants
        let select = "SELECT \([U.id, U.username, U.displayName, U.role, U.councilAreaCode, U.passwordHash].joined(separator: ", ")) FROM \(U.table)"
        return try await read { session in
            var query: SQLQueryString = "\(unsafeRaw: select)"
            if let username {
                query.appendLiteral(" WHERE \(U.username) = ")
                query.appendInterpolation(bind: username)
            }
            query.appendLiteral(" ORDER BY \(U.username)")
            let rows = try await session.sql.rows(query, table: U.table)
            var users: [StoredUser] = []
            for row in rows {
                let id = try row.integer(U.id)
                let roleText = try row.text(U.role)
                guard let role = Role(rawValue: roleText) else { throw StoreError.unreadableStoredValue(table: U.table, column: U.role, value: roleText) }
                let grants = try await session.sql.rows("SELECT \(unsafeRaw: G.kind), \(unsafeRaw: G.code) FROM \(unsafeRaw: G.table) WHERE \(unsafeRaw: G.userId) = \(bind: id) ORDER BY \(unsafeRaw: G.kind), \(unsafeRaw: G.code)", table: G.table)
                var committees: [String] = [], measures: [String] = []
                for grant in grants {
                    if try grant.text(G.kind) == "committee" { committees.append(try grant.text(G.code)) } else { measures.append(try grant.text(G.code)) }
                }
                users.append(StoredUser(
                    account: UserAccount(
                        id: id, username: try row.text(U.username), displayName: try row.text(U.displayName), role: role,
                        councilAreaCode: try row.optionalText(U.councilAreaCode), committeeCodes: committees, measureCodes: measures
                    ),
                    passwordHash: try row.text(U.passwordHash)
                ))
            }
            return users
        }
    }

    private static func writeGrants(_ account: UserAccount, into session: StoreSession) async throws {
        let cells = account.committeeCodes.flatMap { [SQLCell.integer(account.id), .text("committee"), .text($0)] }
            + account.measureCodes.flatMap { [SQLCell.integer(account.id), .text("measure"), .text($0)] }
        if !cells.isEmpty { try await session.insertRows(into: Schema.UserGrants.table, columns: Schema.UserGrants.columns, cells: cells) }
    }

    // MARK: Sessions

    /// Stores a new signed-in session.
    public func createSession(_ stored: StoredSession) async throws {
        try await change(takingTurns: false) { session in
            try await session.insertRows(
                into: Schema.Sessions.table, columns: Schema.Sessions.columns,
                cells: [.text(stored.tokenHash), .integer(stored.userId), .text(stored.csrfToken), .text(stored.createdAt), .text(stored.expiresAt)]
            )
        }
    }

    /// The person and CSRF token of the session whose token hashes to `tokenHash`, if it has not
    /// expired by `now` (ISO 8601, UTC).
    public func session(tokenHash: String, at now: String) async throws -> (account: UserAccount, csrfToken: String)? {
        typealias S = Schema.Sessions
        typealias U = Schema.Users
        let rows = try await read { session in
            try await session.sql.rows("""
                SELECT \(unsafeRaw: U.username), \(unsafeRaw: S.csrfToken) FROM \(unsafeRaw: S.table) JOIN \(unsafeRaw: U.table) ON \(unsafeRaw: U.table).\(unsafeRaw: U.id) = \(unsafeRaw: S.table).\(unsafeRaw: S.userId)
                WHERE \(unsafeRaw: S.tokenHash) = \(bind: tokenHash) AND \(unsafeRaw: S.expiresAt) > \(bind: now)
                """, table: S.table)
        }
        guard let row = rows.first, let user = try await user(named: try row.text(U.username)) else { return nil }
        return (user.account, try row.text(S.csrfToken))
    }

    /// Ends a session (signing out), and every session that has expired by `now`.
    public func deleteSession(tokenHash: String, expiredBy now: String) async throws {
        typealias S = Schema.Sessions
        try await change(takingTurns: false) { session in
            try await session.sql.raw("DELETE FROM \(unsafeRaw: S.table) WHERE \(unsafeRaw: S.tokenHash) = \(bind: tokenHash) OR \(unsafeRaw: S.expiresAt) <= \(bind: now)").run()
        }
    }

    // MARK: Sign-in failures

    /// Claims one sign-in attempt for `username` at `at` (ISO 8601, UTC): while fewer than `limit`
    /// have failed since `since`, records this one as failed (a successful sign-in then forgets
    /// them, `clearSignInFailures`) and returns true; at the limit, records nothing and returns
    /// false. Counting and recording are one step, so attempts made at the same moment, on one
    /// server or several, cannot all pass the count: on PostgreSQL the attempts for one name take
    /// turns by an advisory lock of their own (never the imports' lock, so signing in does not wait
    /// for an import); SQLite has one writer at a time.
    public func claimSignInAttempt(username: String, at: String, since: String, limit: Int) async throws -> Bool {
        typealias F = Schema.SignInFailures
        let engine = self.engine
        return try await change(takingTurns: false) { session in
            if engine == .postgresql {
                try await session.sqlForLongWork.raw("""
                    SELECT pg_advisory_xact_lock(hashtextextended('scrutineer sign-in ' || COALESCE(current_schema(), '') || ' ' || \(bind: username), 0))
                    """).run()
            }
            // Failures from before the window count for no one any more: forgotten, so names that
            // never sign in do not pile up.
            try await session.sql.raw("DELETE FROM \(unsafeRaw: F.table) WHERE \(unsafeRaw: F.failedAt) <= \(bind: since)").run()
            guard try await Self.signInFailureCount(in: session, username: username, since: since) < limit else { return false }
            try await session.insertRows(into: F.table, columns: F.columns, cells: [.text(username), .text(at)])
            return true
        }
    }

    /// Takes back one attempt `claimSignInAttempt` recorded for `username` at `at`, for a sign-in
    /// that ended without its password judged (the database failed part-way): that is no failed
    /// sign-in, and five of them, as a failover may cause, would hold the name back. One row of
    /// the name and time goes, so an attempt made in the same second stays counted.
    public func withdrawSignInAttempt(username: String, at: String) async throws {
        typealias F = Schema.SignInFailures
        let row = engine.rowIdentity
        try await change(takingTurns: false) { session in
            try await session.sql.raw("""
                DELETE FROM \(unsafeRaw: F.table) WHERE \(unsafeRaw: row) IN (
                    SELECT \(unsafeRaw: row) FROM \(unsafeRaw: F.table)
                    WHERE \(unsafeRaw: F.username) = \(bind: username) AND \(unsafeRaw: F.failedAt) = \(bind: at) LIMIT 1
                )
                """).run()
        }
    }

    /// How many sign-ins for `username` have failed since `since` (ISO 8601, UTC).
    public func signInFailureCount(username: String, since: String) async throws -> Int {
        try await read { session in try await Self.signInFailureCount(in: session, username: username, since: since) }
    }

    /// `signInFailureCount(username:since:)` within a transaction under way.
    private static func signInFailureCount(in session: StoreSession, username: String, since: String) async throws -> Int {
        typealias F = Schema.SignInFailures
        let cells = try await session.cells("SELECT COUNT(*) FROM \(unsafeRaw: F.table) WHERE \(unsafeRaw: F.username) = \(bind: username) AND \(unsafeRaw: F.failedAt) > \(bind: since)")
        var reader = CellReader(cells.first ?? [], table: F.table, columns: ["count"])
        return try reader.integer()
    }

    /// Forgets the failed sign-ins of `username` (after a successful one).
    public func clearSignInFailures(username: String) async throws {
        typealias F = Schema.SignInFailures
        try await change(takingTurns: false) { session in
            try await session.sql.raw("DELETE FROM \(unsafeRaw: F.table) WHERE \(unsafeRaw: F.username) = \(bind: username)").run()
        }
    }

    /// Runs a change in one transaction (see `inTransaction` for `takingTurns`), reporting a
    /// database refusal as `StoreError.changeRolledBack`.
    func change<Result: Sendable>(
        takingTurns: Bool = true, _ body: @escaping @Sendable (StoreSession) async throws -> Result
    ) async throws -> Result {
        do {
            return try await inTransaction(takingTurns: takingTurns, body)
        } catch {
            throw StoreError.failureNotOfTheData(error) ?? StoreError.changeRolledBack(reason: StoreError.databaseReason(error))
        }
    }
}
