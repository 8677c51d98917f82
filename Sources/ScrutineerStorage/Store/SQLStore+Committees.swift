import Foundation
import ScrutineerCore
import SQLKit

extension SQLStore {
    /// Stores a committee's definition (replacing the one with the same code), then records each of
    /// its targets that differs from its council's version in force as a new target version, all in
    /// one transaction. A target that names no council is the committee's council's; one that names
    /// another council is refused. Audited.
    public func saveCommittee(_ definition: CommitteeDefinition, by user: String) async throws {
        typealias K = Schema.Committees
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
        try await change { session in
            let timestamp = StoreTimestamp.now()
            let database = session.sql
            // Updated in place when it exists: commentary and publications refer to the committee.
            let existing = try await session.cells("SELECT \(unsafeRaw: K.code) FROM \(unsafeRaw: K.table) WHERE \(unsafeRaw: K.code) = \(bind: committee.code)")
            if existing.isEmpty {
                try await database.raw("""
                    INSERT INTO \(unsafeRaw: K.table) (\(unsafeRaw: K.columns.joined(separator: ", ")))
                    VALUES (\(bind: committee.code), \(bind: committee.name), \(bind: committee.councilAreaCode), \(bind: json), \(bind: timestamp))
                    """).run()
            } else {
                try await database.raw("""
                    UPDATE \(unsafeRaw: K.table) SET \(unsafeRaw: K.name) = \(bind: committee.name), \(unsafeRaw: K.councilAreaCode) = \(bind: committee.councilAreaCode),
                    \(unsafeRaw: K.definition) = \(bind: json), \(unsafeRaw: K.updatedAt) = \(bind: timestamp) WHERE \(unsafeRaw: K.code) = \(bind: committee.code)
                    """).run()
            }
            _ = try await AuditWriter.insert(into: session, action: "save committee \(committee.code)", user: user, at: timestamp, files: [], summary: nil)
            let writer = TargetWriter(session: session)
            for target in targets {
                let versions = try await writer.versions(of: target.measureCode, council: committee.councilAreaCode)
                    .filter { $0.kind == target.kind && $0.periodLabel == target.periodLabel }
                // A version already held, current or earlier, is not written again: a definition may
                // list a target's history, and saving the council's first file again keeps today's.
                if versions.contains(where: { $0.value == target.value && $0.tolerance == target.tolerance && $0.validFrom == target.validFrom && $0.reason == target.reason }) {
                    continue
                }
                _ = try await writer.write(target, by: user, at: timestamp)
            }
        }
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
