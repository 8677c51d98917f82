import ScrutineerCore
import SQLKit

extension SQLStore {
    /// Adds a new version of a target (version = the last one's + 1), closing the version in force
    /// for the same measure, kind and period on the day the new one starts; nothing else in the
    /// history is touched. Audited.
    public func setTarget(_ target: Target, by user: String) async throws -> Target {
        typealias T = Schema.Targets
        let timestamp = SQLStore.timestamp()
        do {
            return try await inTransaction { session in
                let database = session.sql
                let previous = try await database.rows("""
                    SELECT \(unsafeRaw: T.id), \(unsafeRaw: T.version), \(unsafeRaw: T.validFrom), \(unsafeRaw: T.validTo) FROM \(unsafeRaw: T.table)
                    WHERE \(unsafeRaw: T.measureCode) = \(bind: target.measureCode) AND \(unsafeRaw: T.kind) = \(bind: target.kind.rawValue)
                      AND \(unsafeRaw: T.periodLabel) = \(bind: target.periodLabel ?? "")
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
                        try await database.raw("""
                            UPDATE \(unsafeRaw: T.table) SET \(unsafeRaw: T.validTo) = \(bind: target.validFrom.iso)
                            WHERE \(unsafeRaw: T.id) = \(bind: try previous.integer(T.id))
                            """).run()
                    }
                }
                try await session.insertRows(into: T.table, columns: T.columns, cells: TargetRecord.cells(version))
                let period = target.periodLabel.map { " \($0)" } ?? ""
                _ = try await AuditWriter.insert(
                    into: session,
                    action: "set target \(target.measureCode) \(target.kind.rawValue)\(period) version \(version.version)",
                    user: user, at: timestamp, files: [], summary: nil
                )
                return version
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.changeRolledBack(reason: StoreError.databaseReason(error))
        }
    }

    /// Every version of every target of a measure, oldest first.
    public func targets(for measureCode: String) async throws -> [Target] {
        typealias T = Schema.Targets
        return try await read { session in
            let database = session.sql
            return try await database.rows("""
                SELECT \(unsafeRaw: T.columns.joined(separator: ", ")) FROM \(unsafeRaw: T.table)
                WHERE \(unsafeRaw: T.measureCode) = \(bind: measureCode) ORDER BY \(unsafeRaw: T.id)
                """, table: T.table).map(TargetRecord.decode)
        }
    }
}
