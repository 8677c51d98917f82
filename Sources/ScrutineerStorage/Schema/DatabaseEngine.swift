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

    /// Starts a write transaction. SQLite takes the write lock at once, so two processes importing
    /// together wait for each other instead of failing half-way.
    var beginTransaction: String {
        switch self {
        case .sqlite: "BEGIN IMMEDIATE"
        case .postgresql: "BEGIN"
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
