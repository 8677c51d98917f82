import Foundation

/// One breakdown of the council's figure for the period (district, age band, SEND, sex, ethnicity),
/// as the audience may see it (PRODUCT.md R8).
public struct BreakdownFigure: Sendable, Hashable, Codable {
    /// The cut, e.g. `age=17-18`.
    public let breakdown: Breakdown
    public let period: Period
    /// The figure, or the symbol shown instead and why.
    public let cell: PublishedCell
    /// The numerator and denominator as shown (nil when the source gave none).
    public let numerator: PublishedCell?
    public let denominator: PublishedCell?
    public let format: ValueFormat

    /// "61.2%", or the symbol ("c").
    public var text: String { format.text(cell) }

    /// Why the cell is blank, e.g. "c: a small count that could identify individuals"; nil when shown.
    public var reason: String? {
        cell.whyBlank.map { "\(cell.symbol?.rawValue ?? ""): \($0)" }
    }

    /// The symbol names the cell draws: `symbol-c`, `symbol-z`, …; empty when shown.
    public var symbols: [String] {
        [cell, numerator, denominator].compactMap { $0?.symbol }.map { "symbol-\($0.rawValue)" }
    }

    /// The breakdowns of one period in canonical key order. For the public audience (METHODS.md
    /// §13.7): counts of 1–5 (a count measure's figures, numerators and denominators) are `c`, with
    /// any figure derived from them, and a category whose figure is withheld keeps its count and
    /// total back too (58 of 60 beside a withheld percentage would give it back). Then, for each
    /// single dimension (`age=…`, `sex=…`) whose categories all have whole counts, secondary
    /// suppression over those counts and their total, and over the totals (denominators) likewise,
    /// hides one more category, whole, wherever a withheld one could be worked out from the
    /// headline total; a breakdown on two dimensions at once (district by age band) is suppressed
    /// as a table whose totals are each district's and each band's figures, where they add up.
    /// Breakdowns on three or more dimensions get primary suppression only.
    public static func figures(_ observations: [Observation], unit: MeasureUnit, audience: Audience, format: ValueFormat) -> [BreakdownFigure] {
        let policy = DisclosurePolicy.dfe
        // Numbers in order of size, not as text: age bands 5-10, 11-15, 16, not 11-15, 16, 5-10.
        let sorted = observations.sorted { $0.breakdown.key.compare($1.breakdown.key, options: .numeric) == .orderedAscending }
        var figures = sorted.map { observation -> BreakdownFigure in
            func countCell(_ count: Double?) -> PublishedCell? {
                guard let count else { return nil }
                guard audience.appliesDisclosureControl, let whole = DisclosurePolicy.wholeCount(count),
                      policy.isSmallCount(whole) else { return .value(count) }
                return .suppressed(symbol: .confidential, reason: .smallCount)
            }
            let cell = policy.cell(for: observation, unit: unit, audience: audience)
            var numerator = countCell(observation.numerator), denominator = countCell(observation.denominator)
            if audience.appliesDisclosureControl, cell.isSuppressed {
                let kept = PublishedCell.suppressed(symbol: .confidential, reason: .protectsSuppressedCell)
                if numerator?.isSuppressed == false { numerator = kept }
                if denominator?.isSuppressed == false { denominator = kept }
            }
            return BreakdownFigure(breakdown: observation.breakdown, period: observation.period, cell: cell, numerator: numerator, denominator: denominator, format: format)
        }
        guard audience.appliesDisclosureControl else { return figures }

        // Secondary suppression, over the counts and then the totals: within each single dimension
        // (its categories and the headline), and across each pair of dimensions (district by age
        // band, with each district's and each band's figure as the table's totals), until no pass
        // hides another category.
        var byDimension: [String: [Int]] = [:]
        var byPair: [String: [Int]] = [:]
        for (i, observation) in sorted.enumerated() {
            let pairs = observation.breakdown.pairs
            if pairs.count == 1 { byDimension[pairs[0].dimension, default: []].append(i) }
            if pairs.count == 2 { byPair["\(pairs[0].dimension)\u{1F}\(pairs[1].dimension)", default: []].append(i) }
        }
        let isCount: Bool = if case .count = unit { true } else { false }
        let countsOf: [(Observation) -> Double?] = isCount ? [\.value] : [\.numerator, \.denominator]
        /// Hides figure `i` whole, for `reason`; false when it was hidden already.
        func hide(_ i: Int, _ reason: SuppressionReason?) -> Bool {
            guard !figures[i].cell.isSuppressed else { return false }
            let hidden = PublishedCell.suppressed(symbol: .confidential, reason: reason ?? .protectsSuppressedCell)
            let old = figures[i]
            figures[i] = BreakdownFigure(
                breakdown: old.breakdown, period: old.period,
                cell: isCount ? hidden : .suppressed(symbol: .confidential, reason: .protectsSuppressedCell),
                numerator: old.numerator == nil ? nil : hidden, denominator: old.denominator == nil ? nil : hidden, format: old.format
            )
            return true
        }
        func withheld(_ i: Int) -> SuppressionReason? { figures[i].cell.isSuppressed ? figures[i].cell.reason ?? .protectsSuppressedCell : nil }
        let single = Dictionary(byDimension.values.joined().map { (sorted[$0].breakdown.key, $0) }, uniquingKeysWith: { first, _ in first })
        var hidOne = true
        while hidOne {
            hidOne = false
            for count in countsOf {
                func whole(_ i: Int) -> Int? { count(sorted[i]).flatMap(DisclosurePolicy.wholeCount) }
                for positions in byDimension.values where positions.count >= 2 {
                    let known = positions.compactMap(whole)
                    guard known.count == positions.count, let table = try? CountTable(counts: [known]) else { continue }
                    // One row: each column's total is the category's own figure, withheld as it is.
                    let marks = positions.map(withheld)
                    let published = policy.suppress(table, withheld: [marks, marks + [nil]]).cells[0]
                    for (column, i) in positions.enumerated() where published[column].isSuppressed {
                        if hide(i, published[column].reason) { hidOne = true }
                    }
                }
                for cells in byPair.values {
                    let first = sorted[cells[0]].breakdown.pairs
                    let rows = Array(Set(cells.map { sorted[$0].breakdown.pairs[0].value })).sorted()
                    let columns = Array(Set(cells.map { sorted[$0].breakdown.pairs[1].value })).sorted()
                    guard rows.count >= 2, columns.count >= 2, cells.count == rows.count * columns.count else { continue }
                    var at: [[Int]] = Array(repeating: Array(repeating: -1, count: columns.count), count: rows.count)
                    for i in cells {
                        let pairs = sorted[i].breakdown.pairs
                        at[rows.firstIndex(of: pairs[0].value)!][columns.firstIndex(of: pairs[1].value)!] = i
                    }
                    // Each row's and column's own figure is its total; the table is read only where they add up.
                    let rowTotals = rows.map { single[Breakdown([first[0].dimension: $0]).key] }
                    let columnTotals = columns.map { single[Breakdown([first[1].dimension: $0]).key] }
                    let inner = at.map { $0.map { $0 < 0 ? nil : whole($0) } }
                    guard inner.allSatisfy({ $0.allSatisfy { $0 != nil } }), let table = try? CountTable(counts: inner.map { $0.map { $0! } }),
                          rowTotals.allSatisfy({ $0 != nil }), columnTotals.allSatisfy({ $0 != nil }),
                          zip(rowTotals, table.rowTotals).allSatisfy({ whole($0.0!) == $0.1 }),
                          zip(columnTotals, table.columnTotals).allSatisfy({ whole($0.0!) == $0.1 })
                    else { continue }
                    let marks = at.enumerated().map { r, line in line.map(withheld) + [withheld(rowTotals[r]!)] }
                        + [columnTotals.map { withheld($0!) } + [nil]]
                    let published = policy.suppress(table, withheld: marks).gridWithTotals
                    for r in rows.indices {
                        for c in columns.indices where published[r][c].isSuppressed {
                            if hide(at[r][c], published[r][c].reason) { hidOne = true }
                        }
                        if published[r][columns.count].isSuppressed, hide(rowTotals[r]!, published[r][columns.count].reason) { hidOne = true }
                    }
                    for c in columns.indices where published[rows.count][c].isSuppressed {
                        if hide(columnTotals[c]!, published[rows.count][c].reason) { hidOne = true }
                    }
                }
            }
        }
        return figures
    }
}
