import Foundation

/// PHE rank-based quantiles (`phe_quantile`, PHEindicatormethods; METHODS.md §7).
///
/// Within a group of N non-missing values, each value gets its minimum rank r and then
/// quantile `floor((nq + 1) − ceiling(((N + 1) − r) / (N / nq)))`, with 0 mapped to 1.
/// With `invert` the ranks run from the highest value, so quantile 1 holds the highest values.
/// A group with fewer non-missing values than quantiles gets no quantiles at all.
public enum PHEQuantiles {
    /// The `invert` setting PHE's own tests derive from polarity: FALSE only for "RAG - High is good",
    /// so quantile 1 is always the worst-performing group when there is a judgement.
    public static func invert(for polarity: Polarity) -> Bool {
        polarity != .highIsGood
    }

    /// Quantile (1...quantileCount) for every value, treating all values as one group; nil where the
    /// value is missing, and every entry nil when fewer than `quantileCount` values are present.
    public static func quantiles(of values: [Double?], count quantileCount: Int, invert: Bool) throws -> [Int?] {
        guard quantileCount >= 1 else { throw QuantileError.quantileCountNotPositive(quantileCount) }
        let ranks = try MinimumRank.ranks(of: values, order: invert ? .descending : .ascending)
        let presentCount = values.lazy.filter { $0 != nil }.count
        guard presentCount >= quantileCount else { return [Int?](repeating: nil, count: values.count) }
        let n = Double(presentCount)
        let nq = Double(quantileCount)
        return ranks.map { rank in
            guard let rank else { return nil }
            let raw = ((nq + 1) - (((n + 1) - Double(rank)) / (n / nq)).rounded(.up)).rounded(.down)
            return raw == 0 ? 1 : Int(raw)
        }
    }

    /// Quantiles assigned separately within each group (`groups[i]` is the group of `values[i]`,
    /// like a pre-grouped data frame in R); results are in input order.
    public static func quantiles<Group: Hashable>(
        of values: [Double?], groupedBy groups: [Group], count quantileCount: Int, invert: Bool
    ) throws -> [Int?] {
        guard groups.count == values.count else {
            throw QuantileError.groupCountMismatch(values: values.count, groups: groups.count)
        }
        guard quantileCount >= 1 else { throw QuantileError.quantileCountNotPositive(quantileCount) }
        try requireFinite(values)
        var positionsByGroup: [Group: [Int]] = [:]
        for (position, group) in groups.enumerated() {
            positionsByGroup[group, default: []].append(position)
        }
        var result = [Int?](repeating: nil, count: values.count)
        for positions in positionsByGroup.values {
            let groupQuantiles = try quantiles(of: positions.map { values[$0] }, count: quantileCount, invert: invert)
            for (position, quantile) in zip(positions, groupQuantiles) {
                result[position] = quantile
            }
        }
        return result
    }
}
