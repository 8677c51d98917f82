import ScrutineerCore
import SQLKit

extension SQLStore {
    /// Adds a new version of a council's target (version = the last one's + 1), closing the
    /// version in force for the same council, measure, kind and period on the day before the new
    /// one starts (on its own first day when both start together, a correction); nothing else in
    /// the history is touched. Audited.
    public func setTarget(_ target: Target, by user: String) async throws -> Target {
        try await change { session in
            let timestamp = StoreTimestamp.now()
            return try await TargetWriter(session: session).write(target, by: user, at: timestamp)
        }
    }

    /// Every version of every target of a measure, oldest first: one council's when
    /// `councilAreaCode` is given, every council's when it is nil.
    public func targets(for measureCode: String, council councilAreaCode: String?) async throws -> [Target] {
        try await read { session in
            try await TargetWriter(session: session).versions(of: measureCode, council: councilAreaCode)
        }
    }
}

/// Reads and writes target versions inside the caller's session (a committee's targets are
/// written in the same transaction as the committee).
struct TargetWriter {
    let session: StoreSession
    typealias T = Schema.Targets

    /// Adds `target` as a new version (see `SQLStore.setTarget`) and its audit row.
    func write(_ target: Target, by user: String, at timestamp: String) async throws -> Target {
        guard let council = target.councilAreaCode else {
            throw StoreError.targetWithoutCouncil(measureCode: target.measureCode, kind: target.kind.rawValue)
        }
        let database = session.sql
        let previous = try await database.rows("""
            SELECT \(unsafeRaw: T.id), \(unsafeRaw: T.version), \(unsafeRaw: T.validFrom), \(unsafeRaw: T.validTo) FROM \(unsafeRaw: T.table)
            WHERE \(unsafeRaw: T.councilAreaCode) = \(bind: council) AND \(unsafeRaw: T.measureCode) = \(bind: target.measureCode)
              AND \(unsafeRaw: T.kind) = \(bind: target.kind.rawValue) AND \(unsafeRaw: T.periodLabel) = \(bind: target.periodLabel ?? "")
            ORDER BY \(unsafeRaw: T.version) DESC LIMIT 1
            """, table: T.table).first
        var version = target
        version.version = 1
        if let previous {
            let previousFrom = try previous.date(T.validFrom)
            guard target.validFrom >= previousFrom else {
                throw StoreError.targetStartsBeforePrevious(
                    measureCode: target.measureCode, kind: target.kind.rawValue, validFrom: target.validFrom.iso,
                    previousValidFrom: previousFrom.iso
                )
            }
            version.version = try previous.integer(T.version) + 1
            if try previous.optionalDate(T.validTo) == nil {
                // The version replaced ends the day before this one starts, so that no day has two.
                let lastDay = Swift.max(previousFrom, target.validFrom.adding(days: -1))
                try await database.raw("""
                    UPDATE \(unsafeRaw: T.table) SET \(unsafeRaw: T.validTo) = \(bind: lastDay.iso)
                    WHERE \(unsafeRaw: T.id) = \(bind: try previous.integer(T.id))
                    """).run()
            }
        }
        try await session.insertRows(into: T.table, columns: T.columns, cells: TargetRecord.cells(version, council: council))
        let period = target.periodLabel.map { " \($0)" } ?? ""
        _ = try await AuditWriter.insert(
            into: session,
            action: "set target \(target.measureCode) \(target.kind.rawValue)\(period) of \(council) version \(version.version)",
            user: user, at: timestamp, files: [], summary: nil
        )
        return version
    }

    /// Every version of `measureCode`'s targets, oldest first (one council's, or all when nil).
    func versions(of measureCode: String, council: String?) async throws -> [Target] {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: T.columns.joined(separator: ", ")) FROM \(unsafeRaw: T.table) WHERE \(unsafeRaw: T.measureCode) = \(bind: measureCode)
            """
        if let council { query += " AND \(unsafeRaw: T.councilAreaCode) = \(bind: council)" }
        query += " ORDER BY \(unsafeRaw: T.id)"
        return try await session.sql.rows(query, table: T.table).map(TargetRecord.decode)
    }
}
