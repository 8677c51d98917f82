import ScrutineerCore
import SQLKit

extension SQLStore {
    /// Every measure, by code, with its committees (two queries).
    public func measures() async throws -> [Measure] {
        typealias M = Schema.Measures
        typealias C = Schema.MeasureCommittees
        return try await read { session in
            let database = session.sql
            let rows = try await database.rows(
                "SELECT \(unsafeRaw: M.columns.joined(separator: ", ")) FROM \(unsafeRaw: M.table) ORDER BY \(unsafeRaw: M.code)",
                table: M.table
            )
            var committees: [String: [String]] = [:]
            for row in try await database.rows("""
                SELECT \(unsafeRaw: C.measureCode), \(unsafeRaw: C.committee) FROM \(unsafeRaw: C.table)
                ORDER BY \(unsafeRaw: C.measureCode), \(unsafeRaw: C.ordinal)
                """, table: C.table) {
                committees[try row.text(C.measureCode), default: []].append(try row.text(C.committee))
            }
            return try rows.map { row in try MeasureRecord.decode(row, committees: committees[try row.text(M.code)] ?? []) }
        }
    }

    /// Every area, by code.
    public func areas() async throws -> [Area] {
        typealias A = Schema.Areas
        return try await read { session in
            let database = session.sql
            return try await database.rows(
                "SELECT \(unsafeRaw: A.columns.joined(separator: ", ")) FROM \(unsafeRaw: A.table) ORDER BY \(unsafeRaw: A.code)",
                table: A.table
            ).map(AreaRecord.decode)
        }
    }

    /// Every succession of a council split or merged into others, by day.
    public func areaSuccessions() async throws -> AreaSuccessions {
        typealias S = Schema.AreaSuccessions
        return try await read { session in
            AreaSuccessions(try await session.sql.rows(
                "SELECT \(unsafeRaw: S.columns.joined(separator: ", ")) FROM \(unsafeRaw: S.table)", table: S.table
            ).map(AreaRecord.decodeSuccession))
        }
    }

    /// What an import is checked against: every measure and area, and every breakdown stored.
    public func importContext() async throws -> ImportContext {
        typealias S = Schema.Series
        let breakdowns = try await read { session in
            try await session.cells("""
                SELECT DISTINCT \(unsafeRaw: S.breakdownKey) FROM \(unsafeRaw: S.table) WHERE \(unsafeRaw: S.breakdownKey) <> ''
                """).map { cells in
                var row = CellReader(cells, table: S.table, columns: [S.breakdownKey])
                return try row.parsed { Breakdown(key: $0) }
            }
        }
        return ImportContext(measures: try await measures(), areas: try await areas(), breakdowns: breakdowns)
    }

    /// Current observations matching `query` (or as they stood at `query.asOfRevision`), ordered by
    /// measure, area, period (end, start, label) and breakdown.
    public func observations(_ query: ObservationQuery) async throws -> [Observation] {
        typealias O = Schema.Observations
        let fields = O.fieldColumns.joined(separator: ", ")
        let sql = Self.filtered("SELECT \(unsafeRaw: fields) FROM \(Self.observationsTable(asOfRevision: query.asOfRevision))", by: Self.conditions(query))
        let query: SQLQueryString = "\(sql) ORDER BY \(unsafeRaw: Self.cellOrder.joined(separator: ", "))"
        return try await read { session in
            try await session.cells(query).map { cells in
                var row = CellReader(cells, table: O.table, columns: O.fieldColumns)
                return try ObservationRecord.decode(&row)
            }
        }
    }

    /// Earlier versions of one cell, oldest first, each with the import that replaced it.
    public func observationHistory(_ key: ObservationKey) async throws -> [SupersededObservation] {
        typealias O = Schema.Observations
        return try await history(where: [
            "h.\(unsafeRaw: O.measureCode) = \(bind: key.measureCode)", "h.\(unsafeRaw: O.areaCode) = \(bind: key.areaCode)",
            "h.\(unsafeRaw: O.periodLabel) = \(bind: key.periodLabel)", "h.\(unsafeRaw: O.breakdownKey) = \(bind: key.breakdownKey)",
        ])
    }

    /// Earlier versions of every cell matching `query` (those replaced by `query.asOfRevision`, when
    /// given), by measure, area, period (end, start, label) and breakdown, each cell's oldest first.
    public func observationHistory(_ query: ObservationQuery) async throws -> [SupersededObservation] {
        var conditions = Self.conditions(query, on: "h.")
        if let revision = query.asOfRevision { conditions.append("h.\(unsafeRaw: Schema.ObservationHistory.supersededBy) <= \(bind: revision)") }
        return try await history(where: conditions)
    }

    /// The observations as they stand, or as they stood at revision `asOfRevision`: each cell's
    /// version that an import had written by then (the current one, or one in the history) and
    /// that no import had yet replaced. Imports never remove a cell, so every cell stored by then is
    /// there. Audit ids order the changes exactly, even several in one second.
    private static func observationsTable(asOfRevision: Int?) -> SQLQueryString {
        typealias O = Schema.Observations
        typealias H = Schema.ObservationHistory
        guard let revision = asOfRevision else { return "\(unsafeRaw: O.table)" }
        let fields = O.fieldColumns.joined(separator: ", ")
        let historyFields = O.fieldColumns.map { "h.\($0)" }.joined(separator: ", ")
        return """
            (SELECT \(unsafeRaw: fields) FROM \(unsafeRaw: O.table) o WHERE o.\(unsafeRaw: O.importedBy) <= \(bind: revision)
            UNION ALL
            SELECT \(unsafeRaw: historyFields) FROM \(unsafeRaw: H.table) h
                WHERE h.\(unsafeRaw: O.importedBy) <= \(bind: revision) AND h.\(unsafeRaw: H.supersededBy) > \(bind: revision)) as_of
            """
    }

    /// The order of cells: measure, area, period (end, start, label), breakdown.
    private static let cellOrder = [
        Schema.Observations.measureCode, Schema.Observations.areaCode, Schema.Observations.periodEnd,
        Schema.Observations.periodStart, Schema.Observations.periodLabel, Schema.Observations.breakdownKey,
    ]

    /// `query`'s filters as conditions on the observation columns of a table (or its alias `prefix`).
    private static func conditions(_ query: ObservationQuery, on prefix: String = "") -> [SQLQueryString] {
        typealias O = Schema.Observations
        var conditions: [SQLQueryString] = []
        if let measureCode = query.measureCode { conditions.append("\(unsafeRaw: prefix + O.measureCode) = \(bind: measureCode)") }
        if let areaCode = query.areaCode { conditions.append("\(unsafeRaw: prefix + O.areaCode) = \(bind: areaCode)") }
        if let periodLabel = query.periodLabel { conditions.append("\(unsafeRaw: prefix + O.periodLabel) = \(bind: periodLabel)") }
        return conditions
    }

    /// `sql` with every one of `conditions` as its WHERE clause.
    private static func filtered(_ sql: SQLQueryString, by conditions: [SQLQueryString]) -> SQLQueryString {
        var sql = sql
        for (index, condition) in conditions.enumerated() {
            sql = index == 0 ? "\(sql) WHERE \(condition)" : "\(sql) AND \(condition)"
        }
        return sql
    }

    /// The superseded versions meeting every one of `conditions` (on the history table as `h`).
    private func history(where conditions: [SQLQueryString]) async throws -> [SupersededObservation] {
        typealias O = Schema.Observations
        typealias H = Schema.ObservationHistory
        typealias U = Schema.Audit
        let fields = O.fieldColumns.map { "h.\($0)" }.joined(separator: ", ")
        let columns = O.fieldColumns + [O.importedBy, H.supersededBy, U.recordedAt]
        let sql = Self.filtered("""
            SELECT \(unsafeRaw: fields), h.\(unsafeRaw: O.importedBy), h.\(unsafeRaw: H.supersededBy), a.\(unsafeRaw: U.recordedAt)
            FROM \(unsafeRaw: H.table) h JOIN \(unsafeRaw: U.table) a ON a.\(unsafeRaw: U.id) = h.\(unsafeRaw: H.supersededBy)
            """, by: conditions)
        let order = (Self.cellOrder + [H.supersededBy, H.id]).map { "h.\($0)" }
        let query: SQLQueryString = "\(sql) ORDER BY \(unsafeRaw: order.joined(separator: ", "))"
        return try await read { session in
            try await session.cells(query).map { cells in
                var row = CellReader(cells, table: H.table, columns: columns)
                return SupersededObservation(
                    observation: try ObservationRecord.decode(&row),
                    importedBy: try row.integer(),
                    supersededBy: try row.integer(),
                    supersededAt: try row.text()
                )
            }
        }
    }

    /// Every LA's neighbour list in one edition, by area, neighbours in rank order.
    public func statisticalNeighbours(edition: String) async throws -> [StatisticalNeighbours] {
        typealias N = Schema.Neighbours
        return try await read { session in
            let database = session.sql
            return try NeighbourRecord.decode(try await database.rows("""
                SELECT \(unsafeRaw: N.columns.joined(separator: ", ")) FROM \(unsafeRaw: N.table) WHERE \(unsafeRaw: N.edition) = \(bind: edition)
                ORDER BY \(unsafeRaw: N.areaCode), \(unsafeRaw: N.rank)
                """, table: N.table))
        }
    }

    /// The editions of the statistical-neighbour lists held, in order.
    public func statisticalNeighbourEditions() async throws -> [String] {
        typealias N = Schema.Neighbours
        return try await read { session in
            try await session.cells("SELECT DISTINCT \(unsafeRaw: N.edition) FROM \(unsafeRaw: N.table) ORDER BY \(unsafeRaw: N.edition)").compactMap { $0.first?.text }
        }
    }

    /// Every comparator group councils have defined, by code, members in code order.
    public func comparatorGroups() async throws -> [ComparatorGroup] {
        typealias G = Schema.ComparatorGroups
        typealias B = Schema.ComparatorGroupMembers
        return try await read { session in
            let database = session.sql
            let rows = try await database.rows(
                "SELECT \(unsafeRaw: G.columns.joined(separator: ", ")) FROM \(unsafeRaw: G.table) ORDER BY \(unsafeRaw: G.code)", table: G.table
            )
            let members = try await database.rows(
                "SELECT \(unsafeRaw: B.columns.joined(separator: ", ")) FROM \(unsafeRaw: B.table) ORDER BY \(unsafeRaw: B.groupCode), \(unsafeRaw: B.areaCode)",
                table: B.table
            )
            return try ComparatorGroupRecord.decode(rows, members: members)
        }
    }
}
