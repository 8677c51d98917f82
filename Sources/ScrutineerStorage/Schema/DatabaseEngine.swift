/// The two database engines Scrutineer stores into, and every way their SQL differs. Everything
/// else — every table, constraint and query — is written once for both.
public enum DatabaseEngine: String, Sendable, Hashable, CaseIterable {
    case sqlite
    case postgresql

    /// A generated integer primary key.
    var generatedKey: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY"
        case .postgresql: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// A column that refers to a generated key.
    var generatedKeyReference: String {
        switch self {
        case .sqlite: "INTEGER"
        case .postgresql: "BIGINT"
        }
    }

    /// An IEEE 754 double, so values round-trip exactly.
    var double: String {
        switch self {
        case .sqlite: "REAL"
        case .postgresql: "DOUBLE PRECISION"
        }
    }

    /// Text that compares and sorts byte by byte (SQLite's default; PostgreSQL's would follow the
    /// server's locale), so both engines order rows identically.
    var text: String {
        switch self {
        case .sqlite: "TEXT"
        case .postgresql: "TEXT COLLATE \"C\""
        }
    }

    /// Starts a write transaction that waits until no other write transaction on the same database
    /// is under way, so two imports, two target changes or two servers migrating at once take
    /// turns. Each then plans from what the other committed: otherwise, under PostgreSQL's
    /// read-committed isolation, the later of two corrections of one figure would be planned
    /// against the figure as it was before the earlier one, and either fail on a unique key
    /// half-way or leave the earlier correction out of the history. SQLite takes its one write
    /// lock at once; PostgreSQL takes `writeLockKey`'s lock (released at the commit or rollback).
    /// Readers never wait.
    var beginWriteTransaction: [String] {
        switch self {
        case .sqlite: ["BEGIN IMMEDIATE"]
        case .postgresql: ["BEGIN", "SELECT pg_advisory_xact_lock(\(Self.writeLockKey("COALESCE(current_schema(), '')")))"]
        }
    }

    /// Starts a transaction for bookkeeping that no other write plans from (signed-in sessions and
    /// failed sign-ins): on PostgreSQL it does not wait for `beginWriteTransaction`'s lock, so
    /// signing in or out never waits for an import; SQLite has one writer at a time regardless.
    var beginBookkeepingTransaction: [String] {
        switch self {
        case .sqlite: ["BEGIN IMMEDIATE"]
        case .postgresql: ["BEGIN"]
        }
    }

    /// PostgreSQL's lock on writing to one schema, which is one Scrutineer database (several
    /// councils' services may share a server, each in a schema of its own, and need not wait for
    /// each other): an advisory lock whose key is a hash of `schema`, an SQL text expression.
    static func writeLockKey(_ schema: String) -> String {
        "hashtextextended('scrutineer writes to ' || \(schema), 0)"
    }

    /// The column every engine gives each row of a table without naming it, to tell apart rows
    /// whose values are the same.
    var rowIdentity: String {
        switch self {
        case .sqlite: "rowid"
        case .postgresql: "ctid"
        }
    }

    /// The most bound values one statement may carry (SQLite's default limit since 3.32;
    /// PostgreSQL's wire protocol counts parameters in 16 bits).
    var maximumBindsPerStatement: Int {
        switch self {
        case .sqlite: 32_766
        case .postgresql: 65_535
        }
    }
}
