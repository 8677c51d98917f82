/// A two-way table of counts (rows × columns) published with row totals, column totals and a
/// grand total, each total being the sum of its line (METHODS.md §11).
public struct CountTable: Sendable, Hashable {
    /// The inner counts, `counts[row][column]`.
    public let counts: [[Int]]

    /// A table from its inner counts; totals are worked out, never typed in, so they always add up.
    public init(counts: [[Int]]) throws {
        guard let first = counts.first, !first.isEmpty else { throw DisclosureControlError.emptyTable }
        for (row, line) in counts.enumerated() {
            guard line.count == first.count else {
                throw DisclosureControlError.raggedTable(row: row, columns: line.count, expected: first.count)
            }
            if let negative = line.first(where: { $0 < 0 }) { throw DisclosureControlError.negativeCount(negative) }
        }
        self.counts = counts
    }

    /// Number of inner rows.
    public var rowCount: Int { counts.count }
    /// Number of inner columns.
    public var columnCount: Int { counts[0].count }
    /// Total of each row.
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    /// Total of each column.
    public var columnTotals: [Int] { (0..<columnCount).map { column in counts.reduce(0) { $0 + $1[column] } } }
    /// Total of everything.
    public var grandTotal: Int { rowTotals.reduce(0, +) }

    /// The table with its totals as one grid: inner rows then the column-totals row; inner columns
    /// then the row-totals column; the grand total in the bottom-right corner.
    public var gridWithTotals: [[Int]] {
        counts.enumerated().map { row, line in line + [rowTotals[row]] } + [columnTotals + [grandTotal]]
    }
}

/// A `CountTable` after disclosure control: every cell, total and grand total as published.
public struct SuppressedCountTable: Sendable, Hashable {
    /// The grid with totals (same layout as `CountTable.gridWithTotals`).
    public let gridWithTotals: [[PublishedCell]]

    /// The inner cells, `cells[row][column]`.
    public var cells: [[PublishedCell]] { gridWithTotals.dropLast().map { Array($0.dropLast()) } }
    /// Row totals as published.
    public var rowTotals: [PublishedCell] { gridWithTotals.dropLast().map { $0.last! } }
    /// Column totals as published.
    public var columnTotals: [PublishedCell] { Array(gridWithTotals.last!.dropLast()) }
    /// Grand total as published.
    public var grandTotal: PublishedCell { gridWithTotals.last!.last! }
}
