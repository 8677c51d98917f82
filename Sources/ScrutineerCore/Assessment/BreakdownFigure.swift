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
    /// headline total. Breakdowns on several dimensions at once get primary suppression only.
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

        // Secondary suppression within each single dimension, over the counts and then the totals,
        // until neither hides another category.
        var byDimension: [String: [Int]] = [:]
        for (i, observation) in sorted.enumerated() where observation.breakdown.pairs.count == 1 {
            byDimension[observation.breakdown.pairs[0].dimension, default: []].append(i)
        }
        let isCount: Bool = if case .count = unit { true } else { false }
        let countsOf: [(Observation) -> Double?] = isCount ? [\.value] : [\.numerator, \.denominator]
        for positions in byDimension.values where positions.count >= 2 {
            var hidOne = true
            while hidOne {
                hidOne = false
                for count in countsOf {
                    let known = positions.compactMap { count(sorted[$0]).flatMap(DisclosurePolicy.wholeCount) }
                    guard known.count == positions.count, let table = try? CountTable(counts: [known]) else { continue }
                    let withheld = positions.map { figures[$0].cell.isSuppressed ? figures[$0].cell.reason ?? .protectsSuppressedCell : nil }
                    let published = policy.suppress(table, withheld: [withheld]).cells[0]
                    for (column, i) in positions.enumerated() where published[column].isSuppressed && !figures[i].cell.isSuppressed {
                        let hidden = PublishedCell.suppressed(symbol: .confidential, reason: published[column].reason ?? .protectsSuppressedCell)
                        let old = figures[i]
                        figures[i] = BreakdownFigure(
                            breakdown: old.breakdown, period: old.period,
                            cell: isCount ? hidden : .suppressed(symbol: .confidential, reason: .protectsSuppressedCell),
                            numerator: old.numerator == nil ? nil : hidden, denominator: old.denominator == nil ? nil : hidden, format: old.format
                        )
                        hidOne = true
                    }
                }
            }
        }
        return figures
    }
}
