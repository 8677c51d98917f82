import Testing
@testable import ScrutineerCore

/// Secondary suppression on tables with row and column totals (METHODS.md §11 and §13.7): after
/// suppression no hidden cell can be recovered from the totals — by subtracting within one line, by
/// repeating that, or by combining lines (checked with exact linear algebra in `TableAttack`).
@Suite("Disclosure control: secondary suppression on tables with totals (METHODS.md §11)")
struct SecondarySuppressionDisclosureTests {
    let policy = DisclosurePolicy.dfe

    /// The checks every suppressed table must pass (METHODS.md §11, §13.7).
    func expectSafe(_ table: CountTable, _ published: SuppressedCountTable, _ label: String) {
        let attack = TableAttack(table, published)
        #expect(attack.linesWithOneUnknown.isEmpty, "\(label): lines with one unknown: \(attack.linesWithOneUnknown)")
        #expect(attack.recoveredBySubtraction.isEmpty, "\(label): recovered by subtraction: \(attack.recoveredBySubtraction)")
        #expect(attack.recoverableByLinearAlgebra.isEmpty, "\(label): recoverable by combining lines: \(attack.recoverableByLinearAlgebra)")
        let grid = table.gridWithTotals
        for (r, line) in published.gridWithTotals.enumerated() {
            for (c, cell) in line.enumerated() {
                let count = grid[r][c]
                if count == 0 {
                    #expect(cell == .value(0), "\(label) [\(r)][\(c)]: a true zero must stay 0")
                } else if policy.isSmallCount(count) {
                    #expect(cell == .suppressed(symbol: .confidential, reason: .smallCount), "\(label) [\(r)][\(c)]: \(count) must be c")
                } else if let shown = cell.value {
                    #expect(shown == Double(count), "\(label) [\(r)][\(c)]: shown figure must be the count")
                } else {
                    #expect(cell == .suppressed(symbol: .confidential, reason: .protectsSuppressedCell), "\(label) [\(r)][\(c)]")
                }
            }
        }
    }

    func suppressedPositions(_ published: SuppressedCountTable) -> Set<[Int]> {
        var positions: Set<[Int]> = []
        for (r, line) in published.gridWithTotals.enumerated() {
            for (c, cell) in line.enumerated() where cell.isSuppressed { positions.insert([r, c]) }
        }
        return positions
    }

    @Test("one small cell: its row and column partners are hidden, forming a rectangle (§11)")
    func singleSmallCell() throws {
        let table = try CountTable(counts: [
            [12, 3, 20],
            [15, 18, 9],
            [7, 11, 14],
        ])
        let published = policy.suppress(table)
        expectSafe(table, published, "single small cell")
        // 3 is primary; 12 (smallest in its row), 7 (then smallest in column 0) and 11 (column 1) protect it.
        #expect(suppressedPositions(published) == [[0, 1], [0, 0], [2, 0], [2, 1]])
        #expect(published.cells[0][1].reason == .smallCount)
        #expect(published.cells[0][0].reason == .protectsSuppressedCell)
        #expect(published.rowTotals.allSatisfy { !$0.isSuppressed })
        #expect(published.columnTotals.allSatisfy { !$0.isSuppressed })
        #expect(published.grandTotal == .value(109))
    }

    @Test("the attack itself works: the same table with only primary suppression leaks the small cell (§11)")
    func attackDetectsPrimaryOnly() throws {
        let table = try CountTable(counts: [[12, 3, 20], [15, 18, 9], [7, 11, 14]])
        var grid = table.gridWithTotals.map { $0.map { PublishedCell.value(Double($0)) } }
        grid[0][1] = .suppressed(symbol: .confidential, reason: .smallCount)
        let attack = TableAttack(table, SuppressedCountTable(gridWithTotals: grid))
        #expect(attack.linesWithOneUnknown == ["row 0", "column 1"])
        #expect(attack.recoveredBySubtraction == [[0, 1]])
        #expect(attack.recoverableByLinearAlgebra == [[0, 1]])
    }

    @Test("no line has one unknown, yet a cell is recoverable by combining lines: it gets protected too (§11)")
    func bridgeBetweenTwoBlocks() throws {
        // Primary cells form two 2×2 blocks joined by the 5 at [1][2]. Every line has 0 or ≥ 2
        // suppressed cells, but rows 0–1 minus columns 0–1 give 5 exactly.
        let table = try CountTable(counts: [
            [2, 3, 0, 10],
            [4, 1, 5, 12],
            [20, 0, 3, 2],
            [15, 8, 4, 1],
        ])
        var primaryOnly = table.gridWithTotals.map { $0.map { PublishedCell.value(Double($0)) } }
        for (r, line) in table.gridWithTotals.enumerated() {
            for (c, count) in line.enumerated() where policy.isSmallCount(count) {
                primaryOnly[r][c] = .suppressed(symbol: .confidential, reason: .smallCount)
            }
        }
        let naive = TableAttack(table, SuppressedCountTable(gridWithTotals: primaryOnly))
        #expect(naive.linesWithOneUnknown.isEmpty)
        #expect(naive.recoverableByLinearAlgebra == [[1, 2]])

        let published = policy.suppress(table)
        expectSafe(table, published, "bridge")
        // The 8 at [3][1] closes a cycle through the bridge: it is the smallest such cell.
        #expect(published.cells[3][1] == .suppressed(symbol: .confidential, reason: .protectsSuppressedCell))
        #expect(suppressedPositions(published).count == 10)
    }

    @Test("zeros are never hidden, small totals are hidden, and the totals lines are protected too (§11)")
    func zerosAndSmallTotals() throws {
        let table = try CountTable(counts: [
            [0, 4, 0],
            [9, 10, 12],
            [6, 0, 8],
        ])
        let published = policy.suppress(table)
        expectSafe(table, published, "zeros and small totals")
        #expect(published.rowTotals[0].reason == .smallCount)
        #expect(published.cells[0][0] == .value(0))
        #expect(published.cells[2][1] == .value(0))
    }

    @Test("a table without small counts is published in full (§11)")
    func nothingToSuppress() throws {
        let table = try CountTable(counts: [[10, 0, 25], [6, 7, 0]])
        let published = policy.suppress(table)
        #expect(suppressedPositions(published).isEmpty)
        #expect(published.gridWithTotals == table.gridWithTotals.map { $0.map { PublishedCell.value(Double($0)) } })
    }

    @Test("one-row and one-column tables (a breakdown with its total) (§11)")
    func singleLineTables() throws {
        let row = try CountTable(counts: [[3, 14, 0, 22, 9]])
        let publishedRow = policy.suppress(row)
        expectSafe(row, publishedRow, "one row")
        // 3 is primary; 9 is the smallest non-zero partner in the row, so it is hidden, not 14 or 22.
        #expect(publishedRow.cells[0].map(\.isSuppressed) == [true, false, false, false, true])
        #expect(publishedRow.rowTotals[0] == .value(48))
        let column = try CountTable(counts: [[3], [14], [0], [22], [9]])
        expectSafe(column, policy.suppress(column), "one column")
    }

    @Test("many generated tables: nothing is ever recoverable from the totals (§11)")
    func generatedTables() throws {
        // A fixed linear congruential sequence, so the tables are the same on every run.
        var state: UInt64 = 20_260_427
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for tableNumber in 0..<150 {
            let rows = 1 + next(6)
            let columns = 1 + next(6)
            // Mostly small counts and zeros, so suppression chains are common.
            let counts = (0..<rows).map { _ in (0..<columns).map { _ in next(4) == 0 ? 0 : next(3) == 0 ? 1 + next(5) : 6 + next(30) } }
            let table = try CountTable(counts: counts)
            expectSafe(table, policy.suppress(table), "generated table \(tableNumber) \(counts)")
        }
    }

    @Test("percentages built from a table's hidden cells are hidden too (§11)")
    func derivedFromTable() throws {
        let table = try CountTable(counts: [[12, 3, 20], [15, 18, 9], [7, 11, 14]])
        let published = policy.suppress(table)
        // Row 2's share in column 0: 7 of 34 — 7 is not small, but it was hidden to protect the 3.
        let share = policy.publishDerived(100 * 7.0 / 34.0, from: [published.cells[2][0], published.columnTotals[0]])
        #expect(share == .suppressed(symbol: .confidential, reason: .derivedFromSuppressedCount))
        let shown = policy.publishDerived(100 * 9.0 / 42.0, from: [published.cells[1][2], published.rowTotals[1]])
        #expect(shown == .value(100 * 9.0 / 42.0))
    }
}
