import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import SQLiteNIO

/// The hot paths — writing tens of thousands of rows, and reading observations back — handed
/// straight to the driver with values already typed. Through SQLKit each bound value is boxed as
/// `any Encodable` and cast back one by one (about 0.5 µs a value, 0.5 s for the 56,100-row LAIT
/// import, more than SQLite's own work), and each row is read by column name. The SQL is still
/// written once with SQLKit for both engines (its dialect gives the placeholders); only the
/// binding and the reading of cells differ.
protocol DriverConnection: Sendable {
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, binds: ArraySlice<SQLCell>) async throws
    /// Runs a query and returns its rows, each as cells in column order.
    func rows(_ sql: String, binds: [SQLCell]) async throws -> [[SQLCell]]
}

/// `DriverConnection` over one SQLiteNIO connection.
struct SQLiteDriverConnection: DriverConnection {
    let connection: SQLiteConnection

    func execute(_ sql: String, binds: ArraySlice<SQLCell>) async throws {
        try await connection.query(sql, binds.map(Self.data)) { _ in }
    }

    func rows(_ sql: String, binds: [SQLCell]) async throws -> [[SQLCell]] {
        let rows = NIOLockedValueBox<[[SQLCell]]>([])
        try await connection.query(sql, binds.map(Self.data)) { row in
            let cells = row.columns.map { Self.cell($0.data) }
            rows.withLockedValue { $0.append(cells) }
        }
        return rows.withLockedValue { $0 }
    }

    private static func data(_ cell: SQLCell) -> SQLiteData {
        switch cell {
        case let .text(text): .text(text)
        case let .double(double): .float(double)
        case let .integer(integer): .integer(integer)
        case .null: .null
        }
    }

    private static func cell(_ data: SQLiteData) -> SQLCell {
        switch data {
        case let .text(text): .text(text)
        case let .float(double): .double(double)
        case let .integer(integer): .integer(integer)
        case .null: .null
        case let .blob(buffer): .text(String(buffer: buffer))
        }
    }
}

/// `DriverConnection` over one PostgresNIO connection.
///
/// Rows are taken on the connection's event loop as they arrive (PostgresNIO's `onRow` and `all`), not
/// through its back-pressured `PostgresRowSequence`. With the sequence, a connection the server
/// ends while rows wait for the reader (a restart, a failover, `pg_terminate_backend`) stops the
/// whole process: PostgresNIO 1.33 reads what is left on the socket without a read having been
/// asked for, and its row stream traps on that ("How can we receive a body part, after a
/// channelReadComplete, but no read has been forwarded yet"). Taking every row at once leaves no
/// such moment, and the query fails with the server's error instead, which callers report. Each
/// query starts through `OpenPostgresConnection`, so one asked of a closed connection fails too,
/// as does one the database leaves unanswered for longer than `wait`.
struct PostgresDriverConnection: DriverConnection {
    let connection: PostgresConnection
    let logger: Logger
    let wait: AnswerWait

    func execute(_ sql: String, binds: ArraySlice<SQLCell>) async throws {
        let connection = self.connection, logger = self.logger, wait = self.wait
        let query = PostgresQuery(unsafeSQL: sql, binds: Self.bindings(binds))
        _ = try await OpenPostgresConnection.start(on: connection, waiting: wait) { connection.query(query, logger: logger) { _ in } }.get()
    }

    func rows(_ sql: String, binds: [SQLCell]) async throws -> [[SQLCell]] {
        let connection = self.connection, logger = self.logger, wait = self.wait
        let query = PostgresQuery(unsafeSQL: sql, binds: Self.bindings(binds[...]))
        // Every row collected on the event loop; their cells read here, off the loop that serves
        // the store's other connections.
        let result: PostgresQueryResult = try await OpenPostgresConnection.start(on: connection, waiting: wait) { connection.query(query, logger: logger) }.get()
        var rows: [[SQLCell]] = []
        rows.reserveCapacity(result.count)
        for row in result {
            var cells: [SQLCell] = []
            cells.reserveCapacity(row.count)
            for cell in row { cells.append(try Self.cell(cell)) }
            rows.append(cells)
        }
        return rows
    }

    private static func bindings(_ cells: ArraySlice<SQLCell>) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: cells.count)
        for cell in cells {
            switch cell {
            case let .text(text): bindings.append(text)
            case let .double(double): bindings.append(double)
            case let .integer(integer): bindings.append(integer)
            case .null: bindings.appendNull()
            }
        }
        return bindings
    }

    private static func cell(_ cell: PostgresCell) throws -> SQLCell {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .float8, .float4: return .double(try cell.decode(Double.self))
        case .int2, .int4, .int8: return .integer(try cell.decode(Int.self))
        default: return .text(try cell.decode(String.self))
        }
    }
}
