import Foundation
import ScrutineerCore
import SQLKit

extension SQLStore {
    /// Stores a committee's definition (replacing the one with the same code), then records each of
    /// its targets that its council does not already hold as a new target version, all in one
    /// transaction. A target that names no council is the committee's council's; one that names
    /// another council is refused. Audited, with the file the definition came from and the target
    /// versions it added; a definition stored as it is already, adding no version, writes nothing.
    @discardableResult
    public func saveCommittee(_ definition: CommitteeDefinition, by user: String, file: String? = nil) async throws -> CommitteeSave {
        typealias K = Schema.Committees
        // Each target's versions in the order they took effect, whatever order the file lists
        // them in (versions from one day, a correction, keep theirs).
        var ordered = definition
        ordered.targets = definition.targets.enumerated()
            .sorted { ($0.element.validFrom, $0.offset) < ($1.element.validFrom, $1.offset) }.map(\.element)
        let definition = ordered
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(definition), as: UTF8.self)
        let committee = definition.committee
        let targets = try definition.targets.map { target in
            var target = target
            let council = target.councilAreaCode ?? committee.councilAreaCode
            guard council == committee.councilAreaCode else {
                throw StoreError.targetOfAnotherCouncil(
                    committee: committee.code, council: committee.councilAreaCode, measureCode: target.measureCode, targetCouncil: council
                )
            }
            target.councilAreaCode = council
            return target
        }
        return try await change { session in
            let timestamp = StoreTimestamp.now()
            let database = session.sql
            // Updated in place when it exists: commentary and publications refer to the committee.
            let existing = try await session.cells("""
                SELECT \(unsafeRaw: K.definition), \(unsafeRaw: K.councilAreaCode) FROM \(unsafeRaw: K.table) WHERE \(unsafeRaw: K.code) = \(bind: committee.code)
                """)
            let stored = existing.first?.first?.text
            // A committee stays its council's: another council's definition under its code (a copy
            // not yet renamed) would hand that council its drafts.
            if let council = existing.first?.last?.text, council != committee.councilAreaCode {
                throw StoreError.committeeOfAnotherCouncil(committee: committee.code, council: council, definedFor: committee.councilAreaCode)
            }
            try await Self.refuseOtherCouncilsMeasures(in: definition, session: session)
            let writer = TargetWriter(session: session)
            // What the council holds of each target, read once per measure (not once per version
            // listed): every version as the definition would give it, and when the latest starts.
            struct Series: Hashable { var measureCode: String, kind: TargetKind, periodLabel: String? }
            struct Version: Hashable { var series: Series, value: Double, tolerance: Double?, validFrom: CalendarDate, reason: String }
            func version(_ target: Target) -> Version {
                Version(
                    series: Series(measureCode: target.measureCode, kind: target.kind, periodLabel: target.periodLabel),
                    value: target.value, tolerance: target.tolerance, validFrom: target.validFrom, reason: target.reason
                )
            }
            var held: Set<Version> = []
            var latestStart: [Series: CalendarDate] = [:]
            for measureCode in Set(targets.map(\.measureCode)) {
                for target in try await writer.versions(of: measureCode, council: committee.councilAreaCode) {
                    let stored = version(target)
                    held.insert(stored)
                    latestStart[stored.series] = target.validFrom
                }
            }
            var newVersions: [Target] = []
            for target in targets {
                let listed = version(target)
                // A version already held, current or earlier, is not written again (nor one the
                // definition lists twice): a definition may list a target's history, and saving the
                // council's first file again keeps today's.
                guard held.insert(listed).inserted else { continue }
                // Refused before anything is written, so that a refusal leaves no gap in the audit
                // trail's numbers (a PostgreSQL sequence is not rolled back).
                if let latest = latestStart[listed.series], target.validFrom < latest {
                    throw StoreError.targetStartsBeforePrevious(
                        measureCode: target.measureCode, kind: target.kind.rawValue, validFrom: target.validFrom.iso, previousValidFrom: latest.iso
                    )
                }
                newVersions.append(target)
                latestStart[listed.series] = target.validFrom
            }
            let save = CommitteeSave(code: committee.code, added: existing.isEmpty, definitionChanged: stored != json, newTargetVersions: newVersions)
            guard !save.changedNothing else { return save }
            if existing.isEmpty {
                try await database.raw("""
                    INSERT INTO \(unsafeRaw: K.table) (\(unsafeRaw: K.columns.joined(separator: ", ")))
                    VALUES (\(bind: committee.code), \(bind: committee.name), \(bind: committee.councilAreaCode), \(bind: json), \(bind: timestamp))
                    """).run()
            } else if save.definitionChanged {
                try await database.raw("""
                    UPDATE \(unsafeRaw: K.table) SET \(unsafeRaw: K.name) = \(bind: committee.name), \(unsafeRaw: K.councilAreaCode) = \(bind: committee.councilAreaCode),
                    \(unsafeRaw: K.definition) = \(bind: json), \(unsafeRaw: K.updatedAt) = \(bind: timestamp) WHERE \(unsafeRaw: K.code) = \(bind: committee.code)
                    """).run()
            }
            _ = try await AuditWriter.insert(into: session, action: save.auditAction, user: user, at: timestamp, files: file.map { [$0] } ?? [], summary: nil)
            for target in newVersions {
                _ = try await writer.write(target, by: user, at: timestamp)
            }
            return save
        }
    }

    /// Refuses, every one at once, the measures `definition` reports or sets targets for that are
    /// another council's own: its committee would show that council's unpublished figures.
    private static func refuseOtherCouncilsMeasures(in definition: CommitteeDefinition, session: StoreSession) async throws {
        typealias M = Schema.Measures
        let council = definition.committee.councilAreaCode
        var codes: [String] = []
        for code in definition.committee.measureCodes + definition.targets.map(\.measureCode) where !codes.contains(code) { codes.append(code) }
        var owners: [String: String] = [:]
        try await session.forEachChunk(of: codes) { chunk in
            let rows = try await session.cells("""
                SELECT \(unsafeRaw: M.code), \(unsafeRaw: M.councilAreaCode) FROM \(unsafeRaw: M.table)
                WHERE \(unsafeRaw: M.code) IN (\(binds: chunk)) AND \(unsafeRaw: M.councilAreaCode) IS NOT NULL
                """)
            for row in rows { if let code = row.first?.text, let owner = row.last?.text { owners[code] = owner } }
        }
        try StoreError.refusing(codes.compactMap { code in
            owners[code].flatMap { $0 == council ? nil : StoreError.committeeMeasureOfAnotherCouncil(committee: definition.committee.code, council: council, measureCode: code, measureCouncil: $0) }
        })
    }

    /// The definition of the committee `code`, or nil when there is none.
    public func committee(code: String) async throws -> CommitteeDefinition? {
        typealias K = Schema.Committees
        let rows = try await read { session in
            try await session.sql.rows("SELECT \(unsafeRaw: K.definition) FROM \(unsafeRaw: K.table) WHERE \(unsafeRaw: K.code) = \(bind: code)", table: K.table)
        }
        guard let row = rows.first else { return nil }
        return try JSONDecoder().decode(CommitteeDefinition.self, from: Data(try row.text(K.definition).utf8))
    }

    /// Every committee, by code.
    public func committees() async throws -> [Committee] {
        typealias K = Schema.Committees
        let rows = try await read { session in
            try await session.sql.rows("SELECT \(unsafeRaw: K.definition) FROM \(unsafeRaw: K.table) ORDER BY \(unsafeRaw: K.code)", table: K.table)
        }
        return try rows.map { try JSONDecoder().decode(CommitteeDefinition.self, from: Data(try $0.text(K.definition).utf8)).committee }
    }
}

/// What saving a committee's definition did (`SQLStore.saveCommittee`).
public struct CommitteeSave: Sendable, Hashable {
    public var code: String
    /// True when the committee was not stored before.
    public var added: Bool
    /// True when the stored definition differed (or there was none).
    public var definitionChanged: Bool
    /// The target versions written, each a target its council did not hold.
    public var newTargetVersions: [Target]

    /// True when the definition was stored as it is and added no target version: nothing written.
    public var changedNothing: Bool { !definitionChanged && newTargetVersions.isEmpty }

    /// The new target versions in a few words each: "PrevRegCPR local target 18 from 2024-04-01".
    public var newTargetWords: [String] {
        newTargetVersions.map { target in
            "\(target.measureCode) \(target.kind.rawValue) target \(PlainNumber.text(target.value))"
                + (target.periodLabel.map { " for \($0)" } ?? "") + " from \(target.validFrom.iso)"
        }
    }

    /// The audit trail's action: "save committee CODE", with the target versions it added.
    var auditAction: String {
        "save committee \(code)" + (newTargetVersions.isEmpty ? "" : " (new target versions: \(newTargetWords.joined(separator: "; ")))")
    }
}

