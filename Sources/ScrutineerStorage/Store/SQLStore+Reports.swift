import Foundation
import ScrutineerCore
import SQLKit

extension SQLStore {
    /// Adds a new version of a measure's commentary for a reporting period; audited. Returns it
    /// with its version and time.
    public func addCommentary(_ commentary: Commentary, by user: String) async throws -> Commentary {
        typealias C = Schema.Commentary
        return try await change { session in
            let timestamp = StoreTimestamp.now()
            var stored = commentary
            stored.version = try await Self.nextVersion(in: session, table: C.table, column: C.version, where: """
                \(unsafeRaw: C.committeeCode) = \(bind: commentary.committeeCode) AND \(unsafeRaw: C.measureCode) = \(bind: commentary.measureCode)
                AND \(unsafeRaw: C.periodLabel) = \(bind: commentary.periodLabel)
                """)
            stored.writtenAt = timestamp
            try await session.insertRows(into: C.table, columns: C.columns, cells: [
                .text(stored.committeeCode), .text(stored.measureCode), .text(stored.periodLabel), .text(stored.text),
                .text(stored.author), .text(stored.writtenAt), .integer(stored.version),
            ])
            _ = try await AuditWriter.insert(
                into: session, action: "write commentary \(stored.committeeCode) \(stored.measureCode) \(stored.periodLabel) version \(stored.version)",
                user: user, at: timestamp, files: [], summary: nil
            )
            return stored
        }
    }

    /// The newest commentary on each measure of a committee's report for one period.
    public func commentary(committeeCode: String, periodLabel: String) async throws -> [Commentary] {
        let all = try await commentaryVersions(committeeCode: committeeCode, measureCode: nil, periodLabel: periodLabel)
        var newest: [String: Commentary] = [:]
        for item in all { newest[item.measureCode] = item }
        return newest.values.sorted { $0.measureCode < $1.measureCode }
    }

    /// Every version of one measure's commentary for one period, oldest first.
    public func commentaryHistory(committeeCode: String, measureCode: String, periodLabel: String) async throws -> [Commentary] {
        try await commentaryVersions(committeeCode: committeeCode, measureCode: measureCode, periodLabel: periodLabel)
    }

    private func commentaryVersions(committeeCode: String, measureCode: String?, periodLabel: String) async throws -> [Commentary] {
        typealias C = Schema.Commentary
        let rows = try await read { session in
            var query: SQLQueryString = "SELECT \(unsafeRaw: C.columns.joined(separator: ", ")) FROM \(unsafeRaw: C.table) WHERE \(unsafeRaw: C.committeeCode) = "
            query.appendInterpolation(bind: committeeCode)
            query.appendLiteral(" AND \(C.periodLabel) = ")
            query.appendInterpolation(bind: periodLabel)
            if let measureCode {
                query.appendLiteral(" AND \(C.measureCode) = ")
                query.appendInterpolation(bind: measureCode)
            }
            query.appendLiteral(" ORDER BY \(C.measureCode), \(C.version)")
            return try await session.sql.rows(query, table: C.table)
        }
        return try rows.map { row in
            Commentary(
                committeeCode: try row.text(C.committeeCode), measureCode: try row.text(C.measureCode), periodLabel: try row.text(C.periodLabel),
                text: try row.text(C.body), author: try row.text(C.author), writtenAt: try row.text(C.writtenAt), version: try row.integer(C.version)
            )
        }
    }

    /// Moves a committee's report for one period to draft or checked; audited. Returns it with its
    /// time. A report already at that stage is left as it is, with nothing written (no audit row
    /// for a stage saved unchanged), and returned as stored: who set the stage and when (a report
    /// with no stage is a draft, set by no one). Publishing takes a snapshot, so it is
    /// `publishReport(_:)`'s: a published stage here is refused.
    public func setPublication(_ publication: ReportPublication) async throws -> ReportPublication {
        guard publication.stage != .published else {
            throw StoreError.publishedWithoutSnapshot(committee: publication.committeeCode, period: publication.periodLabel)
        }
        return try await change { session in
            typealias P = Schema.Publications
            let stored = try await session.cells("""
                SELECT \(unsafeRaw: P.stage), \(unsafeRaw: P.changedBy), \(unsafeRaw: P.changedAt) FROM \(unsafeRaw: P.table)
                WHERE \(unsafeRaw: P.committeeCode) = \(bind: publication.committeeCode) AND \(unsafeRaw: P.periodLabel) = \(bind: publication.periodLabel)
                """).first.map { cells in
                var row = CellReader(cells, table: P.table, columns: [P.stage, P.changedBy, P.changedAt])
                return ReportPublication(
                    committeeCode: publication.committeeCode, periodLabel: publication.periodLabel,
                    stage: try Self.stage(try row.text()), changedBy: try row.text(), changedAt: try row.text()
                )
            } ?? ReportPublication(committeeCode: publication.committeeCode, periodLabel: publication.periodLabel, stage: .draft, changedBy: "")
            if stored.stage == publication.stage { return stored }
            return try await Self.record(publication, in: session, action: "").publication
        }
    }

    /// Publishes a committee's report for one period with its snapshot, the next version of the
    /// report's snapshots; audited. Returns the publication.
    public func publishReport(_ snapshot: ReportSnapshot) async throws -> ReportPublication {
        typealias S = Schema.Snapshots
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = Self.nonFiniteNumbers
        return try await change { session in
            typealias P = Schema.Publications
            var stored = snapshot
            stored.version = try await Self.nextVersion(in: session, table: S.table, column: S.version, where: """
                \(unsafeRaw: S.committeeCode) = \(bind: snapshot.committeeCode) AND \(unsafeRaw: S.periodLabel) = \(bind: snapshot.periodLabel)
                """)
            // Published only from checked, read within the change so that two servers cannot both
            // publish; a report published before snapshots were kept (migration 10) has none, and
            // publishing it again keeps its first.
            let stage = try await session.cells("""
                SELECT \(unsafeRaw: P.stage) FROM \(unsafeRaw: P.table)
                WHERE \(unsafeRaw: P.committeeCode) = \(bind: snapshot.committeeCode) AND \(unsafeRaw: P.periodLabel) = \(bind: snapshot.periodLabel)
                """)
            // Draft → checked → published: a report with no stage is a draft.
            switch stage.first?.first?.text.flatMap(ReportPublication.Stage.init(rawValue:)) ?? .draft {
            case .checked: break
            case .published where stored.version == 1: break
            case .published: throw StoreError.alreadyPublished(committee: snapshot.committeeCode, period: snapshot.periodLabel)
            case .draft: throw StoreError.publishedUnchecked(committee: snapshot.committeeCode, period: snapshot.periodLabel)
            }
            stored.takenAt = StoreTimestamp.now()
            let (publication, revision) = try await Self.record(
                ReportPublication(committeeCode: stored.committeeCode, periodLabel: stored.periodLabel, stage: .published, changedBy: stored.takenBy, changedAt: stored.takenAt),
                // The day it was judged as on, which `--as-of` may set before the day it is published.
                in: session, action: " (snapshot \(stored.version))" + (stored.assessments.first.map { ", judged as on \($0.today.iso)" } ?? "")
            )
            stored.revision = revision
            let body = String(decoding: try encoder.encode(stored), as: UTF8.self)
            try await session.insertRows(into: S.table, columns: S.columns, cells: [
                .text(stored.committeeCode), .text(stored.periodLabel), .integer(stored.version), .text(stored.takenBy), .text(stored.takenAt),
                .integer(ReportSnapshot.format), .text(body), .integer(revision),
            ])
            return publication
        }
    }

    /// The version after the newest of the rows of `table` that match `condition` (its `column`),
    /// or 1 when there are none: commentary and snapshots are numbered 1, 2, 3… per report, requests
    /// per committee and their deliveries per request.
    static func nextVersion(in session: StoreSession, table: String, column: String, where condition: SQLQueryString) async throws -> Int {
        let cells = try await session.cells("SELECT MAX(\(unsafeRaw: column)) FROM \(unsafeRaw: table) WHERE \(condition)")
        var reader = CellReader(cells.first ?? [.null], table: table, columns: [column])
        return (try reader.optionalDouble()).map { Int($0) + 1 } ?? 1
    }

    /// Writes a report's stage, replacing the one before, and its audit row; `action` ends the
    /// audit's words.
    private static func record(_ publication: ReportPublication, in session: StoreSession, action: String) async throws -> (publication: ReportPublication, auditID: Int) {
        typealias P = Schema.Publications
        var stored = publication
        if stored.changedAt.isEmpty { stored.changedAt = StoreTimestamp.now() }
        try await session.sql.raw("DELETE FROM \(unsafeRaw: P.table) WHERE \(unsafeRaw: P.committeeCode) = \(bind: stored.committeeCode) AND \(unsafeRaw: P.periodLabel) = \(bind: stored.periodLabel)").run()
        try await session.insertRows(into: P.table, columns: P.columns, cells: [
            .text(stored.committeeCode), .text(stored.periodLabel), .text(stored.stage.rawValue), .text(stored.changedBy), .text(stored.changedAt),
        ])
        let auditID = try await AuditWriter.insert(
            into: session, action: "mark report \(stored.committeeCode) \(stored.periodLabel) \(stored.stage.rawValue)\(action)",
            user: stored.changedBy, at: stored.changedAt, files: [], summary: nil
        )
        return (stored, auditID)
    }

    /// Snapshot `version` of a committee's report for one period, or its newest when `version` is
    /// nil; nil when there is no such snapshot.
    public func reportSnapshot(committeeCode: String, periodLabel: String, version: Int?) async throws -> ReportSnapshot? {
        typealias S = Schema.Snapshots
        let rows = try await read { session in
            var query: SQLQueryString = """
                SELECT \(unsafeRaw: S.columns.joined(separator: ", ")) FROM \(unsafeRaw: S.table)
                WHERE \(unsafeRaw: S.committeeCode) = \(bind: committeeCode) AND \(unsafeRaw: S.periodLabel) = \(bind: periodLabel)
                """
            if let version {
                query.appendLiteral(" AND \(S.version) = ")
                query.appendInterpolation(bind: version)
            }
            query.appendLiteral(" ORDER BY \(S.version) DESC LIMIT 1")
            return try await session.sql.rows(query, table: S.table)
        }
        guard let row = rows.first else { return nil }
        let format = try row.integer(S.format)
        guard format == ReportSnapshot.format else {
            throw StoreError.unreadableStoredValue(table: S.table, column: S.format, value: "\(format)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteNumbersDecoded
        var snapshot: ReportSnapshot
        do {
            snapshot = try decoder.decode(ReportSnapshot.self, from: Data(try row.text(S.body).utf8))
        } catch let error as DecodingError {
            throw StoreError.unreadableStoredValue(table: S.table, column: S.body, value: "the snapshot of \(committeeCode) \(periodLabel) (\(error))")
        }
        snapshot.version = try row.integer(S.version)
        snapshot.takenBy = try row.text(S.takenBy)
        snapshot.takenAt = try row.text(S.takenAt)
        snapshot.revision = try row.optionalInteger(S.revision)
        return snapshot
    }

    /// Every snapshot of a committee's report for one period, oldest first, without their bodies.
    public func reportSnapshotVersions(committeeCode: String, periodLabel: String) async throws -> [ReportSnapshotVersion] {
        typealias S = Schema.Snapshots
        let rows = try await read { session in
            try await session.sql.rows("""
                SELECT \(unsafeRaw: S.version), \(unsafeRaw: S.takenBy), \(unsafeRaw: S.takenAt) FROM \(unsafeRaw: S.table)
                WHERE \(unsafeRaw: S.committeeCode) = \(bind: committeeCode) AND \(unsafeRaw: S.periodLabel) = \(bind: periodLabel)
                ORDER BY \(unsafeRaw: S.version)
                """, table: S.table)
        }
        return try rows.map { row in
            ReportSnapshotVersion(version: try row.integer(S.version), takenBy: try row.text(S.takenBy), takenAt: try row.text(S.takenAt))
        }
    }

    /// How a snapshot writes a number JSON cannot hold (none is expected; an assessment's figures are finite).
    private static let nonFiniteNumbers = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    private static let nonFiniteNumbersDecoded = JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    /// A stored stage, read back.
    private static func stage(_ text: String) throws -> ReportPublication.Stage {
        guard let stage = ReportPublication.Stage(rawValue: text) else {
            throw StoreError.unreadableStoredValue(table: Schema.Publications.table, column: Schema.Publications.stage, value: text)
        }
        return stage
    }

    /// The sign-off stage of every report of a committee that has one, by period label.
    public func publications(committeeCode: String) async throws -> [ReportPublication] {
        typealias P = Schema.Publications
        let rows = try await read { session in
            try await session.sql.rows("SELECT \(unsafeRaw: P.columns.joined(separator: ", ")) FROM \(unsafeRaw: P.table) WHERE \(unsafeRaw: P.committeeCode) = \(bind: committeeCode) ORDER BY \(unsafeRaw: P.periodLabel)", table: P.table)
        }
        return try rows.map { row in
            ReportPublication(
                committeeCode: try row.text(P.committeeCode), periodLabel: try row.text(P.periodLabel), stage: try Self.stage(try row.text(P.stage)),
                changedBy: try row.text(P.changedBy), changedAt: try row.text(P.changedAt)
            )
        }
    }

    /// A number that grows with every change to the data (the newest audit id; 0 for an empty
    /// database): pages computed from the data stay valid while it stays the same.
    public func revision() async throws -> Int {
        try await newestAuditID(recordedBy: nil)
    }

    /// The newest audit id recorded at or before `time`; 0 when there is none.
    public func revision(at time: String) async throws -> Int {
        try await newestAuditID(recordedBy: time)
    }

    /// The newest audit id, of those recorded at or before `time` when given; 0 when there is none.
    private func newestAuditID(recordedBy time: String?) async throws -> Int {
        typealias U = Schema.Audit
        var query: SQLQueryString = "SELECT MAX(\(unsafeRaw: U.id)) FROM \(unsafeRaw: U.table)"
        if let time {
            query.appendLiteral(" WHERE \(U.recordedAt) <= ")
            query.appendInterpolation(bind: time)
        }
        let sql = query
        let cells = try await read { session in try await session.cells(sql) }
        var reader = CellReader(cells.first ?? [.null], table: U.table, columns: [U.id])
        return (try reader.optionalDouble()).map { Int($0) } ?? 0
    }
}
