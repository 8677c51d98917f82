@testable import ScrutineerCore

/// An intruder's view of a published table with totals, used to prove that disclosure control
/// leaves no suppressed cell recoverable (METHODS.md §11). Independent of the suppression code:
/// it only sees which cells are shown and the fact that every line adds up to its total.
struct TableAttack {
    let original: [[Int]]
    let published: [[PublishedCell]]

    init(_ table: CountTable, _ suppressed: SuppressedCountTable) {
        original = table.gridWithTotals
        published = suppressed.gridWithTotals
    }

    var rows: Int { original.count }
    var columns: Int { original[0].count }

    /// Every line of the grid (each row and each column, totals lines included) with a name for messages.
    var lines: [(name: String, cells: [(Int, Int)])] {
        let rowLines = (0..<rows).map { r in (name: r == rows - 1 ? "totals row" : "row \(r)", cells: (0..<columns).map { (r, $0) }) }
        let columnLines = (0..<columns).map { c in (name: c == columns - 1 ? "totals column" : "column \(c)", cells: (0..<rows).map { ($0, c) }) }
        return rowLines + columnLines
    }

    /// Lines of the grid (each row and column, totals lines included) with exactly one suppressed
    /// cell: the subtraction attack "total minus the others".
    var linesWithOneUnknown: [String] {
        lines.filter { line in line.cells.filter { published[$0.0][$0.1].isSuppressed }.count == 1 }.map(\.name)
    }

    /// Repeated subtraction: solve any line with one unknown, treat the answer as known, repeat.
    /// Returns the cells an intruder recovers this way.
    var recoveredBySubtraction: Set<[Int]> {
        var known = published.map { $0.map { !$0.isSuppressed } }
        var recovered: Set<[Int]> = []
        var progress = true
        while progress {
            progress = false
            for line in lines {
                let unknown = line.cells.filter { !known[$0.0][$0.1] }
                if unknown.count == 1 {
                    known[unknown[0].0][unknown[0].1] = true
                    recovered.insert([unknown[0].0, unknown[0].1])
                    progress = true
                }
            }
        }
        return recovered
    }

    /// Cells whose value is fixed by the published figures and all the line equations together
    /// (exact linear algebra: the cell's unit vector lies in the row space of the equations over the
    /// unknowns). Stronger than line-by-line subtraction.
    var recoverableByLinearAlgebra: [[Int]] {
        let unknowns = (0..<rows).flatMap { r in (0..<columns).map { [r, $0] } }.filter { published[$0[0]][$0[1]].isSuppressed }
        guard !unknowns.isEmpty else { return [] }
        let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($0.element, $0.offset) })
        // Each line: inner cells sum to the total, i.e. Σ inner − total = 0.
        var equations: [[Double]] = []
        for (lineIndex, line) in lines.enumerated() {
            let isRowLine = lineIndex < rows
            var equation = [Double](repeating: 0, count: unknowns.count)
            for (r, c) in line.cells {
                guard let k = index[[r, c]] else { continue }
                let isTotal = isRowLine ? c == columns - 1 : r == rows - 1
                equation[k] = isTotal ? -1 : 1
            }
            equations.append(equation)
        }
        let baseRank = Self.rank(equations)
        return unknowns.enumerated().compactMap { k, position in
            var unit = [Double](repeating: 0, count: unknowns.count)
            unit[k] = 1
            return Self.rank(equations + [unit]) == baseRank ? position : nil
        }
    }

    /// Matrix rank by Gaussian elimination with partial pivoting (entries are small integers).
    static func rank(_ matrix: [[Double]]) -> Int {
        var m = matrix
        guard let width = m.first?.count else { return 0 }
        var rank = 0
        for column in 0..<width where rank < m.count {
            guard let pivot = (rank..<m.count).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                  abs(m[pivot][column]) > 1e-9 else { continue }
            m.swapAt(rank, pivot)
            for row in 0..<m.count where row != rank {
                let factor = m[row][column] / m[rank][column]
                if factor != 0 {
                    for c in column..<width { m[row][c] -= factor * m[rank][c] }
                }
            }
            rank += 1
        }
        return rank
    }
}
