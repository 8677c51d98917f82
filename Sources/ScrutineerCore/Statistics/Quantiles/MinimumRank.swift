/// Which way values are ranked: rank 1 goes to the smallest (ascending) or largest (descending).
public enum RankOrder: String, Sendable, Hashable, CaseIterable, Codable {
    /// Rank 1 = smallest value (R `rank(v)`).
    case ascending
    /// Rank 1 = largest value (R `rank(-v)`).
    case descending
}

/// Ranks with ties given the lowest shared rank ("competition" ranking, R `rank(ties.method = "min")`).
///
/// Used by PHE `phe_quantile` and DfE LAIT ranks (METHODS.md §7 and §7.1): tied values share the
/// smallest rank of their group and the next value skips ahead (1, 2, 2, 4). Missing values keep a
/// nil rank and do not count (R `na.last = "keep"`).
public enum MinimumRank {
    /// The minimum rank of every value, in input order; nil where the value is nil.
    public static func ranks(of values: [Double?], order: RankOrder) throws -> [Int?] {
        try requireFinite(values)
        let present = values.enumerated().compactMap { item in item.element.map { (position: item.offset, value: $0) } }
        let sorted = present.sorted { first, second in
            if first.value != second.value {
                return order == .ascending ? first.value < second.value : first.value > second.value
            }
            return first.position < second.position
        }
        var ranks = [Int?](repeating: nil, count: values.count)
        var currentRank = 0
        var previous: Double?
        for (index, item) in sorted.enumerated() {
            if item.value != previous {
                currentRank = index + 1
                previous = item.value
            }
            ranks[item.position] = currentRank
        }
        return ranks
    }
}
