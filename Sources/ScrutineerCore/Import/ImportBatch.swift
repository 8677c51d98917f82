/// The kinds of file `scrutineer import` reads (PRODUCT.md R14).
public enum ImportKind: String, Sendable, Hashable, CaseIterable, Codable {
    case lait, ees, fingertips, neighbours, areas, local
}

/// Everything one import command read, validated and ready to store in one transaction.
/// Produced by a parser in ScrutineerFormats; written by ScrutineerStorage.
public struct ImportBatch: Sendable, Hashable {
    public var kind: ImportKind
    /// The files read, by name as the user gave them.
    public var files: [String]
    /// Data rows read across the files.
    public var rowsRead: Int
    public var measures: [Measure]
    public var areas: [Area]
    public var neighbourLists: [StatisticalNeighbours]
    public var observations: [Observation]
    /// The cell that defined each measure of `measures`, by code, where a file defined it, so a
    /// measure the store refuses is named by file, row and column like any rejected cell.
    public var measuresDefinedAt: [String: CellReference]

    public init(
        kind: ImportKind, files: [String], rowsRead: Int, measures: [Measure] = [], areas: [Area] = [],
        neighbourLists: [StatisticalNeighbours] = [], observations: [Observation] = [],
        measuresDefinedAt: [String: CellReference] = [:]
    ) {
        self.kind = kind
        self.files = files
        self.rowsRead = rowsRead
        self.measures = measures
        self.areas = areas
        self.neighbourLists = neighbourLists
        self.observations = observations
        self.measuresDefinedAt = measuresDefinedAt
    }
}

/// What an import did: the summary printed at the end and kept in the audit table.
public struct ImportSummary: Sendable, Hashable, Codable {
    public var rowsRead: Int
    /// Records (observations, areas, neighbour lists, measures) new to the database.
    public var added: Int
    /// Records whose stored values differed and were superseded (the old values kept in history).
    public var changed: Int
    /// Records identical to what was stored.
    public var unchanged: Int
    /// Rows rejected (nothing is written when this is above 0).
    public var rejected: Int

    public init(rowsRead: Int, added: Int, changed: Int, unchanged: Int, rejected: Int = 0) {
        self.rowsRead = rowsRead
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.rejected = rejected
    }

    /// True when the import changed nothing.
    public var changedNothing: Bool { added == 0 && changed == 0 }
}

/// Which measures and areas are already known, so a parser can check every code before anything
/// is written and name the cell that is wrong.
public struct ImportContext: Sendable {
    public var measures: [String: Measure]
    public var areas: [String: Area]

    public init(measures: [Measure] = [], areas: [Area] = Area.englandAndRegions) {
        self.measures = Dictionary(measures.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        self.areas = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
    }
}
