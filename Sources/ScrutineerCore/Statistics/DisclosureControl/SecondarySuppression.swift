/// Secondary suppression for a table with row and column totals (METHODS.md §11 and §13.7).
///
/// The rule, applied to the grid of inner cells plus the totals row and totals column:
/// 1. **Primary:** every count from 1 to the threshold is `c`, totals included. Zeros are never
///    suppressed (a true zero is published as 0).
/// 2. **One unknown in a line:** a line is a row or column of the grid, with its total (the totals
///    row and totals column are lines too). If a line has exactly one suppressed cell, the cell is
///    the total minus the others, so suppress the smallest non-zero unsuppressed cell in that line
///    (ties: inner cells before totals, then top-left first). Repeat until no line has exactly one.
/// 3. **Hidden by combining lines:** a suppressed cell can also be worked out by adding and
///    subtracting several lines, although each has two or more unknowns. Seen as a graph whose
///    nodes are lines and whose edges are suppressed cells, that happens exactly when the cell is a
///    bridge (it lies on no cycle). For such a cell, suppress the smallest non-zero cell that joins
///    its two sides — preferring one that closes a cycle through it — then go back to step 2.
///
/// When neither step applies, every suppressed cell lies on a cycle of suppressed cells, so the
/// published figures fit more than one table and no suppressed cell can be recovered exactly.
/// The loop always ends, because each pass suppresses one more non-zero cell. Interval disclosure
/// (narrowing a cell to a range using non-negativity) is not addressed.
extension DisclosurePolicy {
    /// The table as published: primary suppression, then secondary suppression as described above.
    public func suppress(_ table: CountTable) -> SuppressedCountTable {
        suppress(table, withheld: table.counts.map { $0.map { _ in nil } })
    }

    /// The table as published when some cells are already withheld for a reason of their own
    /// (`withheld[row][column]` over the grid with its totals, nil for none): such a cell is
    /// primary, as a small count is, and the others are hidden around it as described above. A
    /// withheld zero (none of 3 children, the 3 being small) protects the cells around it but
    /// needs no protecting: a zero worked out gives nothing away, as true zeros are published.
    public func suppress(_ table: CountTable, withheld: [[SuppressionReason?]]) -> SuppressedCountTable {
        var grid = SuppressionGrid(values: table.gridWithTotals)
        for row in 0..<grid.rowCount {
            for column in 0..<grid.columnCount {
                if isSmallCount(grid.values[row][column]) {
                    grid.reasons[row][column] = .smallCount
                } else if row < withheld.count, column < withheld[row].count, let reason = withheld[row][column] {
                    grid.reasons[row][column] = reason
                }
            }
        }
        grid.applySecondarySuppression()
        let published = (0..<grid.rowCount).map { row in
            (0..<grid.columnCount).map { column -> PublishedCell in
                if let reason = grid.reasons[row][column] { return .suppressed(symbol: .confidential, reason: reason) }
                return .value(Double(grid.values[row][column]))
            }
        }
        return SuppressedCountTable(gridWithTotals: published)
    }
}

/// Working state for secondary suppression: the grid with totals and the reason each cell is hidden.
struct SuppressionGrid {
    let values: [[Int]]
    var reasons: [[SuppressionReason?]]
    let rowCount: Int
    let columnCount: Int

    /// A grid position.
    struct Position: Hashable {
        let row: Int
        let column: Int
    }

    init(values: [[Int]]) {
        self.values = values
        rowCount = values.count
        columnCount = values[0].count
        reasons = values.map { $0.map { _ in nil } }
    }

    func isSuppressed(_ position: Position) -> Bool { reasons[position.row][position.column] != nil }
    func value(_ position: Position) -> Int { values[position.row][position.column] }

    /// Every line: each row of the grid (inner rows and the totals row), then each column.
    var lines: [[Position]] {
        let rows = (0..<rowCount).map { row in (0..<columnCount).map { Position(row: row, column: $0) } }
        let columns = (0..<columnCount).map { column in (0..<rowCount).map { Position(row: $0, column: column) } }
        return rows + columns
    }

    /// 0 for an inner cell, 1 for a row or column total, 2 for the grand total: inner cells are hidden first.
    func totalLevel(_ position: Position) -> Int {
        (position.row == rowCount - 1 ? 1 : 0) + (position.column == columnCount - 1 ? 1 : 0)
    }

    /// Cells that may be suppressed to protect another: shown and not zero.
    func isCandidate(_ position: Position) -> Bool { !isSuppressed(position) && value(position) > 0 }

    /// Orders candidates: smallest value, then inner before totals, then top-left first.
    func precedes(_ first: Position, _ second: Position) -> Bool {
        (value(first), totalLevel(first), first.row, first.column)
            < (value(second), totalLevel(second), second.row, second.column)
    }

    mutating func applySecondarySuppression() {
        while true {
            // A line whose one hidden cell is a withheld zero needs nothing more (found by
            // exploratory testing): see `suppress(_:withheld:)`.
            if let line = lines.first(where: { line in line.filter(isSuppressed).count == 1 && line.contains { isSuppressed($0) && value($0) > 0 } }),
               let pick = line.filter(isCandidate).min(by: precedes) {
                reasons[pick.row][pick.column] = .protectsSuppressedCell
                continue
            }
            if let pick = cellClosingFirstBridge() {
                reasons[pick.row][pick.column] = .protectsSuppressedCell
                continue
            }
            return
        }
    }

    // Graph of lines: node `row` for each grid row, node `rowCount + column` for each grid column;
    // each suppressed cell is an edge between its row node and its column node.

    /// Nodes reachable from `start` over suppressed cells, not using the cell `excluded`.
    func reachable(from start: Int, excluding excluded: Position) -> Set<Int> {
        var seen: Set<Int> = [start]
        var queue = [start]
        while let node = queue.popLast() {
            let neighbours: [Int]
            if node < rowCount {
                neighbours = (0..<columnCount)
                    .filter { reasons[node][$0] != nil && Position(row: node, column: $0) != excluded }
                    .map { rowCount + $0 }
            } else {
                let column = node - rowCount
                neighbours = (0..<rowCount).filter { reasons[$0][column] != nil && Position(row: $0, column: column) != excluded }
            }
            for next in neighbours where seen.insert(next).inserted {
                queue.append(next)
            }
        }
        return seen
    }

    /// For the first suppressed cell (top-left first) that is a bridge — recoverable by combining
    /// lines — the cell to suppress next; nil when no suppressed cell is a bridge.
    func cellClosingFirstBridge() -> Position? {
        for row in 0..<rowCount {
            // A withheld zero needs no protecting: no bridge.
            for column in 0..<columnCount where reasons[row][column] != nil && values[row][column] > 0 {
                let bridge = Position(row: row, column: column)
                let rowSide = reachable(from: row, excluding: bridge)
                if rowSide.contains(rowCount + column) { continue }
                let columnSide = reachable(from: rowCount + column, excluding: bridge)
                var best: (closesCycle: Bool, position: Position)?
                for r in 0..<rowCount {
                    for c in 0..<columnCount {
                        let candidate = Position(row: r, column: c)
                        guard isCandidate(candidate) else { continue }
                        let rowNodeOnRowSide = rowSide.contains(r)
                        let columnNodeOnRowSide = rowSide.contains(rowCount + c)
                        guard rowNodeOnRowSide != columnNodeOnRowSide else { continue }
                        let closesCycle = rowNodeOnRowSide
                            ? columnSide.contains(rowCount + c)
                            : columnSide.contains(r)
                        if let current = best {
                            if (closesCycle && !current.closesCycle)
                                || (closesCycle == current.closesCycle && precedes(candidate, current.position)) {
                                best = (closesCycle, candidate)
                            }
                        } else {
                            best = (closesCycle, candidate)
                        }
                    }
                }
                // Some non-zero cell always crosses the cut: the hidden cell equals the sum of the
                // known cells crossing it, and it is not zero.
                assert(best != nil, "a bridge with no non-zero cell across it")
                return best?.position
            }
        }
        return nil
    }
}
