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

    /// Why the cell is blank, e.g. "c: withheld so that no one can be identified: …"; nil when shown.
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
    /// Where a category is withheld and another is shown without its counts, that one is hidden
    /// whole too, as its figure could give the withheld one back. A figure no such table covers
    /// (a breakdown on three or more dimensions at once, or on two whose totals are not given or
    /// do not add up) is withheld whole wherever any figure of the period is withheld, as a
    /// difference between it and the figures it breaks down could give that one back (found by
    /// exploratory testing: 18 aged 10-15 in a district less 15 boys gave 3 girls).
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
        // The figures no table below covers: withheld whole at the end if any figure is withheld.
        var uncovered = Set(sorted.indices.filter { sorted[$0].breakdown.pairs.count >= 3 })
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
        /// Suppresses the table of the figures `inner` (positions, by row and column) whose row and
        /// column totals are the figures `rowTotals` and `columnTotals` (nil for one that is no
        /// figure here: the headline), read only where those totals add up, and hides whole each
        /// figure it hides; true when it hid one.
        func suppressTable(_ inner: [[Int]], rowTotals: [Int?], columnTotals: [Int?], _ whole: (Int) -> Int?) -> Bool {
            let counts = inner.map { $0.compactMap(whole) }
            guard zip(counts, inner).allSatisfy({ $0.count == $1.count }) else { return hideFiguresWithoutCounts(inner.flatMap { $0 }, whole) }
            guard let table = try? CountTable(counts: counts),
                  zip(rowTotals, table.rowTotals).allSatisfy({ total, sum in total.map { whole($0) == sum } ?? true }),
                  zip(columnTotals, table.columnTotals).allSatisfy({ total, sum in total.map { whole($0) == sum } ?? true })
            else {
                if inner.count > 1 { uncovered.formUnion(inner.joined()) }
                return false
            }
            let marks = inner.enumerated().map { r, line in line.map(withheld) + [rowTotals[r].flatMap(withheld)] }
                + [columnTotals.map { $0.flatMap(withheld) } + [nil]]
            let published = policy.suppress(table, withheld: marks).gridWithTotals
            var hidOne = false
            for (r, line) in inner.enumerated() {
                for (c, i) in line.enumerated() where published[r][c].isSuppressed {
                    if hide(i, published[r][c].reason) { hidOne = true }
                }
                if let total = rowTotals[r], published[r][line.count].isSuppressed, hide(total, published[r][line.count].reason) { hidOne = true }
            }
            for (c, total) in columnTotals.enumerated() where published[inner.count][c].isSuppressed {
                if let total, hide(total, published[inner.count][c].reason) { hidOne = true }
            }
            return hidOne
        }
        /// Where a figure of `cells` is withheld here and another is shown without its count (a
        /// percentage published without numerator or denominator), the table cannot be shown safe:
        /// that figure's value, with the others' counts and the headline, can give the withheld one
        /// back (50% of an unknown 4 from 22 of 74 less 28.6%), so each such figure is hidden whole.
        func hideFiguresWithoutCounts(_ cells: [Int], _ whole: (Int) -> Int?) -> Bool {
            guard cells.contains(where: { withheldHere($0) }) else { return false }
            var hidOne = false
            for i in cells where whole(i) == nil && !figures[i].cell.isSuppressed {
                if hide(i, .protectsSuppressedCell) { hidOne = true }
            }
            return hidOne
        }
        /// True when figure `i` was withheld to protect individuals (not a symbol its publisher gave).
        func withheldHere(_ i: Int) -> Bool {
            switch figures[i].cell.reason {
            case .smallCount, .derivedFromSuppressedCount, .protectsSuppressedCell: true
            case .notApplicable, .roundsToZero, nil: false
            }
        }
        let single = Dictionary(byDimension.values.joined().map { (sorted[$0].breakdown.key, $0) }, uniquingKeysWith: { first, _ in first })
        var hidOne = true
        while hidOne {
            hidOne = false
            for count in countsOf {
                func whole(_ i: Int) -> Int? { count(sorted[i]).flatMap(DisclosurePolicy.wholeCount) }
                // One dimension: one row, whose total is the headline and each column's total the
                // category's own figure.
                for positions in byDimension.values where positions.count >= 2 {
                    if suppressTable([positions], rowTotals: [nil], columnTotals: positions, whole) { hidOne = true }
                }
                // Two dimensions: each row's and column's total is its own category's figure.
                for cells in byPair.values {
                    let dimensions = sorted[cells[0]].breakdown.pairs.map(\.dimension)
                    let rows = Array(Set(cells.map { sorted[$0].breakdown.pairs[0].value })).sorted()
                    let columns = Array(Set(cells.map { sorted[$0].breakdown.pairs[1].value })).sorted()
                    guard rows.count >= 2, columns.count >= 2, cells.count == rows.count * columns.count else {
                        uncovered.formUnion(cells)
                        continue
                    }
                    var inner = Array(repeating: Array(repeating: 0, count: columns.count), count: rows.count)
                    for i in cells {
                        let pairs = sorted[i].breakdown.pairs
                        inner[rows.firstIndex(of: pairs[0].value)!][columns.firstIndex(of: pairs[1].value)!] = i
                    }
                    let rowTotals = rows.map { single[Breakdown([dimensions[0]: $0]).key] }
                    let columnTotals = columns.map { single[Breakdown([dimensions[1]: $0]).key] }
                    guard !rowTotals.contains(nil), !columnTotals.contains(nil) else {
                        uncovered.formUnion(cells)
                        continue
                    }
                    if suppressTable(inner, rowTotals: rowTotals, columnTotals: columnTotals, whole) { hidOne = true }
                }
            }
        }
        if figures.indices.contains(where: withheldHere) {
            for i in uncovered.sorted() { _ = hide(i, .protectsSuppressedCell) }
        }
        return figures
    }
}
