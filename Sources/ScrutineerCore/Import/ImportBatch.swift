/// The kinds of file `scrutineer import` reads (PRODUCT.md R14).
public enum ImportKind: String, Sendable, Hashable, CaseIterable, Codable {
    case lait, ees, fingertips, neighbours, areas, local, groups, risks, finance
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
    /// Codes of stored measures whose figures the files hold without defining them (an EES or
    /// Fingertips import into a measure already stored), counted as unchanged measures.
    public var measuresUsedAsStored: Set<String> = []
    public var areas: [Area]
    /// Councils split or merged into others (`import areas` with a successions file), each
    /// replacing the stored succession of the same two councils.
    public var successions: [AreaSuccession] = []
    public var neighbourLists: [StatisticalNeighbours]
    public var observations: [Observation]
    /// The row each of `observations` was read from, in the same order (empty when the parser does
    /// not say), so a figure the store refuses is named by file and row.
    public var observationRows: [RowReference] = []
    /// Comparator groups a council defines (or every council sees), each replacing the stored
    /// group of its code.
    public var comparatorGroups: [ComparatorGroup]
    /// Reviews of the risks a committee owns (a risk register), each replacing the stored review of
    /// the same risk on the same day.
    public var riskReviews: [RiskReview]
    /// Lines of a committee's quarterly finance returns, each replacing the stored line of the
    /// same quarter, kind, service and line.
    public var financeLines: [FinanceLine]
    /// True when the files hold the whole finance return of each quarter they name, so a line
    /// stored for such a quarter that they do not hold is removed (`import finance --whole-return`);
    /// false when they may hold only the lines they correct.
    public var financeReturnsAreWhole = false
    /// True when the files' figures may replace stored figures published after them (`import
    /// --replace-newer`): an older release put back on purpose. Without it, a figure dated before
    /// the stored figure it would change is refused, so re-importing last year's file does not
    /// silently undo this year's release.
    public var mayReplaceNewerFigures = false
    /// The cell that defined each measure of `measures`, by code, where a file defined it, so a
    /// measure the store refuses is named by file, row and column like any rejected cell.
    public var measuresDefinedAt: [String: CellReference]
    /// The cell that defined each group of `comparatorGroups`, by code, for the same reason.
    public var groupsDefinedAt: [String: CellReference]
    /// Rows read but deliberately not stored, and why (combined rows, blank rows, rows no filter
    /// selects, repeated figures), so the summary accounts for every row read.
    public var skipped: [ImportSkip]
    /// The release the files are, as the user dated it (`--published`, `--next-update`), which
    /// the audit row records; nil for files that date their own rows or carry no figures.
    public var releasePublished: CalendarDate?
    public var releaseNextUpdateDue: CalendarDate?

    public init(
        kind: ImportKind, files: [String], rowsRead: Int, measures: [Measure] = [], areas: [Area] = [],
        neighbourLists: [StatisticalNeighbours] = [], observations: [Observation] = [], observationRows: [RowReference] = [], comparatorGroups: [ComparatorGroup] = [],
        riskReviews: [RiskReview] = [], financeLines: [FinanceLine] = [], measuresDefinedAt: [String: CellReference] = [:], groupsDefinedAt: [String: CellReference] = [:], skipped: [ImportSkip] = []
    ) {
        self.kind = kind
        self.files = files
        self.rowsRead = rowsRead
        self.measures = measures
        self.areas = areas
        self.neighbourLists = neighbourLists
        self.observations = observations
        self.observationRows = observationRows
        self.comparatorGroups = comparatorGroups
        self.riskReviews = riskReviews
        self.financeLines = financeLines
        self.measuresDefinedAt = measuresDefinedAt
        self.groupsDefinedAt = groupsDefinedAt
        self.skipped = skipped.filter { $0.count > 0 }
    }
}

/// Rows (or figures in rows) an import read and deliberately did not store, with the reason,
/// e.g. two rows of the LA lookup that combine several LAs.
public struct ImportSkip: Sendable, Hashable {
    public var count: Int
    /// What the rows are, for one row and for several ("row that combines several LAs").
    public var one: String
    public var many: String
    /// Why they were not stored.
    public var reason: String

    public init(count: Int, one: String, many: String, reason: String) {
        self.count = count
        self.one = one
        self.many = many
        self.reason = reason
    }

    /// "2 rows that combine several LAs skipped: each of those LAs has its own row, which is imported."
    public var description: String {
        "\(count) \(count == 1 ? one : many) skipped: \(reason)."
    }
}

/// The kinds of record an import stores, each counted in its summary.
public enum ImportRecord: String, Sendable, Hashable, Codable, CaseIterable {
    case measure, area, succession, neighbourList, comparatorGroup, observation, riskReview, financeLine

    /// The record's name in the summary, for one record and for several.
    public func name(count: Int) -> String {
        switch self {
        case .measure: count == 1 ? "measure" : "measures"
        case .area: count == 1 ? "area" : "areas"
        case .succession: count == 1 ? "succession" : "successions"
        case .neighbourList: count == 1 ? "statistical-neighbour list" : "statistical-neighbour lists"
        case .comparatorGroup: count == 1 ? "comparator group" : "comparator groups"
        case .observation: count == 1 ? "observation" : "observations"
        case .riskReview: count == 1 ? "risk review" : "risk reviews"
        case .financeLine: count == 1 ? "finance line" : "finance lines"
        }
    }
}

/// How many records of one kind an import added, changed and left as they were.
public struct ImportTally: Sendable, Hashable, Codable {
    public var added: Int
    public var changed: Int
    public var unchanged: Int
    /// Stored records the import's files replace whole and no longer hold (a finance line missing
    /// from a corrected return), which were removed; not among those the import held.
    public var removed: Int

    public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.removed = removed
    }

    /// Every record of the kind the import held.
    public var total: Int { added + changed + unchanged }
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
    /// The counts above by kind of record, for each kind the import held. Empty in a summary read
    /// back from the audit table, which keeps only the totals.
    public var records: [ImportRecord: ImportTally]
    /// Stored records removed because the files that replace them whole no longer hold them (the
    /// audit row's action names them; 0 in a summary read back from the audit table).
    public var removed = 0

    /// A summary of totals alone, as the audit table keeps it.
    public init(rowsRead: Int, added: Int, changed: Int, unchanged: Int, rejected: Int = 0) {
        self.rowsRead = rowsRead
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.rejected = rejected
        records = [:]
    }

    /// A summary of what an import stored, by kind of record; the totals are their sums. A kind
    /// the import held none of is left out.
    public init(rowsRead: Int, records: [ImportRecord: ImportTally]) {
        self.rowsRead = rowsRead
        added = records.values.reduce(0) { $0 + $1.added }
        changed = records.values.reduce(0) { $0 + $1.changed }
        unchanged = records.values.reduce(0) { $0 + $1.unchanged }
        rejected = 0
        self.records = records.filter { $0.value.total > 0 }
        removed = records.values.reduce(0) { $0 + $1.removed }
    }

    /// The summary without the counts by kind, as the audit table keeps it.
    public var totals: ImportSummary {
        ImportSummary(rowsRead: rowsRead, added: added, changed: changed, unchanged: unchanged, rejected: rejected)
    }

    /// True when the import changed nothing.
    public var changedNothing: Bool { added == 0 && changed == 0 && removed == 0 }
}

/// Which measures, areas and breakdown groups are already known, so a parser can check every
/// code before anything is written and name the cell that is wrong.
public struct ImportContext: Sendable, Equatable {
    public var measures: [String: Measure]
    public var areas: [String: Area]
    /// The groups stored for each breakdown dimension (`district`: `Rugby`, `Warwick`, …), so a
    /// group written another way (`rugby`) is caught rather than stored as a new group.
    public var breakdownGroups: [String: Set<String>]

    public init(measures: [Measure] = [], areas: [Area] = Area.englandAndRegions, breakdowns: [Breakdown] = []) {
        self.measures = Dictionary(measures.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        self.areas = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        var groups: [String: Set<String>] = [:]
        for pair in breakdowns.lazy.flatMap(\.pairs) { groups[pair.dimension, default: []].insert(pair.value) }
        breakdownGroups = groups
    }
}
