/// One local authority's LAIT rank and quartile band (METHODS.md §7.1).
public struct LAITAreaBenchmark: Sendable, Hashable, Codable {
    /// The area as the caller named it (code or name).
    public let area: String
    /// Its latest value; nil when missing (LAIT treats `-`, `c` and `..` as missing).
    public let value: Double?
    /// Rank among all areas, 1 = best, ties share the lowest rank; nil when the value is missing
    /// or the measure has no judgement.
    public let rank: Int?
    /// Quartile band A–D, "-" or "Error"; nil when the value is missing.
    public let band: LAITQuartileBand?

    /// A result built from its parts.
    public init(area: String, value: Double?, rank: Int?, band: LAITQuartileBand?) {
        self.area = area
        self.value = value
        self.rank = rank
        self.band = band
    }
}

/// Ranks, quartile bounds and bands for every LA of one measure, as LAIT shows them.
public struct LAITBenchmarkResult: Sendable, Hashable, Codable {
    /// Q0...Q4 over the latest values of every area given.
    public let bounds: LAITQuartileBounds
    /// One entry per area, in input order.
    public let areas: [LAITAreaBenchmark]
}

/// DfE LAIT benchmarking: quartile band A–D, national rank and statistical-neighbour average
/// (METHODS.md §7.1 and §13.3; LAIT `R/fn_analysis.R`, `R/lait_modules/mod_la_lvl_table.R`).
public enum LAITBenchmarking {
    /// Rank and band every area from the latest value of every LA for a measure with `polarity`.
    ///
    /// Pass every LA (LA number < 970), including those with a missing value: missing values drop
    /// out of the bounds and ranks and get a nil rank and band. With no judgement the band is "-"
    /// and the rank nil (LAIT shows "-" there and ranks only High/Low measures).
    /// `showsQuartiles: false` is LAIT's `No_Quartile` flag ("Data range is too small"): band "-".
    public static func rankAndBand(
        _ areas: [(area: String, value: Double?)], polarity: Polarity, showsQuartiles: Bool = true
    ) throws -> LAITBenchmarkResult {
        let values = areas.map(\.value)
        let bounds = try LAITQuartileBounds(latestValues: values)
        let ranks = try self.ranks(of: values, polarity: polarity)
        let results = try zip(areas, ranks).map { entry, rank in
            LAITAreaBenchmark(
                area: entry.area, value: entry.value, rank: rank,
                band: try bounds.band(for: entry.value, polarity: polarity, showsQuartiles: showsQuartiles)
            )
        }
        return LAITBenchmarkResult(bounds: bounds, areas: results)
    }

    /// LAIT ranks, 1 = best: High is good ⇒ `rank(-v, ties = "min")`, Low is good ⇒ `rank(v, ties = "min")`;
    /// nil for a missing value, and nil for every area when the measure has no judgement.
    public static func ranks(of values: [Double?], polarity: Polarity) throws -> [Int?] {
        switch polarity {
        case .highIsGood: return try MinimumRank.ranks(of: values, order: .descending)
        case .lowIsGood: return try MinimumRank.ranks(of: values, order: .ascending)
        case .noJudgement:
            try requireFinite(values)
            return [Int?](repeating: nil, count: values.count)
        }
    }

    /// Statistical-neighbour average: the unweighted mean of the neighbours' published values,
    /// ignoring missing ones (R `mean(x, na.rm = TRUE)`); nil when every value is missing.
    /// Not population-weighted and never recomputed from numerators.
    public static func statisticalNeighbourAverage(_ neighbourValues: [Double?]) throws -> Double? {
        try requireFinite(neighbourValues)
        let present = neighbourValues.compactMap { $0 }
        guard !present.isEmpty else { return nil }
        return present.reduce(0, +) / Double(present.count)
    }
}
