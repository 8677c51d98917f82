import ScrutineerCore
import SQLKit

/// How one kind of record a committee keeps from its own files (a risk review, a finance line) is
/// stored: a table keyed by the committee and further columns, whose stored rows an import reads
/// back by committee and one narrowing column before it writes only what is new or changed.
protocol CommitteeRecordMapping: SendableMetatype {
    associatedtype Record: Equatable & Sendable
    /// The record in a refusal: "risk review".
    static var recordName: String { get }
    static var table: String { get }
    /// Every column, in `cells` order.
    static var columns: [String] { get }
    /// The primary key's columns, the committee's first.
    static var keyColumns: [String] { get }
    /// The column, after the committee, that an import's stored rows are read by.
    static var narrowingColumn: String { get }
    static func committeeCode(of record: Record) -> String
    /// The record's value in `narrowingColumn`.
    static func narrowingValue(of record: Record) -> String
    /// What identifies the record, in words.
    static func key(_ record: Record) -> String
    /// The record's row in `columns` order.
    static func cells(_ record: Record) -> [SQLCell]
    static func decode(_ row: StoredRow) throws -> Record
}

extension SQLStore {
    /// Every record of one kind a committee keeps, in the order of its key (after the committee).
    func committeeRecords<Mapping: CommitteeRecordMapping>(_ mapping: Mapping.Type, committeeCode: String) async throws -> [Mapping.Record] {
        try await read { session in
            try await session.sql.rows("""
                SELECT \(unsafeRaw: Mapping.columns.joined(separator: ", ")) FROM \(unsafeRaw: Mapping.table)
                WHERE \(unsafeRaw: Mapping.keyColumns[0]) = \(bind: committeeCode)
                ORDER BY \(unsafeRaw: Mapping.keyColumns.dropFirst().joined(separator: ", "))
                """, table: Mapping.table).map(Mapping.decode)
        }
    }
}
