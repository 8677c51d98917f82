/// The region a council is compared with, and the figure used (METHODS.md §7.1).
public struct RegionBenchmark: Sendable, Hashable, Codable {
    /// The area whose figure is shown (West Midlands; Inner or Outer London for a London borough).
    public let areaCode: String
    public let name: String
    public let value: Double?
    /// When the council's own region (Inner or Outer London) had no figure and its parent (London)
    /// was used instead, the region that had none.
    public let fellBackFrom: String?
}

/// The mean of the council's statistical neighbours (METHODS.md §7.1, §13.3).
public struct NeighbourBenchmark: Sendable, Hashable, Codable {
    /// The list edition ("2025").
    public let edition: String
    /// The unweighted mean of the neighbours' published figures; nil when none has one.
    public let mean: Double?
    /// How many neighbours had a figure, of how many.
    public let neighboursWithFigure: Int
    public let neighbourCount: Int
}

/// Why a figure was not compared with England.
public enum NotComparedReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The measure is set not to be compared (`BenchmarkComparisonChoice.notCompared`).
    case measureNotCompared = "measure-not-compared"
    /// No confidence interval: none published and no count and denominator to compute one.
    case noInterval = "no-interval"
    /// England has no figure for the period.
    case noEnglandFigure = "no-england-figure"
    /// The figure is withheld from this audience.
    case withheld
    /// The council's latest period was published without a figure (a symbol such as c or -).
    case noFigure = "no-figure"
    /// The statistics rejected the figures.
    case invalidData = "invalid-data"

    /// The reason in words.
    public var words: String {
        switch self {
        case .measureNotCompared: "this measure is not compared statistically"
        case .noInterval: "no confidence interval (no limits or counts published)"
        case .noEnglandFigure: "England has no figure for the period"
        case .withheld: "the figure is withheld"
        case .noFigure: "the latest period has no figure"
        case .invalidData: "the figures could not be compared"
        }
    }
}

/// Better / similar / worse than England by confidence interval (METHODS.md §6.1, §13.1–13.2).
public struct EnglandComparison: Sendable, Hashable, Codable {
    /// The measure's comparison method.
    public let choice: BenchmarkComparisonChoice
    public let outcome: BenchmarkOutcome
    public let notComparedReason: NotComparedReason?
    /// The council's limits used.
    public let interval: FigureInterval

    /// The symbol name: `compare-better`, `compare-similar`, `compare-worse`, `compare-best`,
    /// `compare-worst`, `compare-higher`, `compare-lower`, `compare-highest`, `compare-lowest`,
    /// `compare-not-compared`.
    public var symbol: String {
        switch outcome {
        case .notCompared: "compare-not-compared"
        default: "compare-\(outcome.rawValue)"
        }
    }

    /// "Better", "Similar", "Worse", "Better 99.8%", …, or "Not judged better or worse" (shown
    /// beside England's figure and the difference from it, "Not compared" would read as a contradiction).
    public var label: String { outcome == .notCompared ? "Not judged better or worse" : outcome.words }

    /// The symbol naming the method: `comparison-fingertips-1`, `comparison-fingertips-17`, `comparison-not-compared`.
    public var methodSymbol: String { "comparison-\(choice.rawValue)" }
}

/// England, region and statistical-neighbour figures for the same period as the council's latest,
/// with its LAIT rank and quartile band among all local authorities and the statistical comparison
/// with England (PRODUCT.md R5).
public struct Benchmarks: Sendable, Hashable, Codable {
    /// The period compared (the council's latest).
    public let period: Period
    /// The council's name, for the reasons.
    public let councilName: String
    /// The council's figure, nil when withheld from this audience.
    public let councilValue: Double?
    /// England's published figure.
    public let england: Double?
    public let region: RegionBenchmark?
    public let statisticalNeighbours: NeighbourBenchmark?
    /// The fewest local authorities with a figure for the period that are ranked and banded: with
    /// fewer (say only the council itself), "rank 1 of 1" or a quartile of one or two figures says
    /// nothing, so there is no rank, band or bounds. Four is the least that fills four quartiles,
    /// and Fingertips' minimum for quartiles (METHODS.md §7); LAIT itself sets none.
    public static let minimumRankedCount = 4

    /// Rank among all local authorities with a figure, 1 = best; nil with no judgement, no figure,
    /// or fewer than `minimumRankedCount` local authorities with a figure.
    public let rank: Int?
    /// How many local authorities had a figure.
    public let rankedCount: Int
    /// LAIT quartile band (A best); "-" with no judgement; nil with no figure or too few figures to band.
    public let band: LAITQuartileBand?
    /// The quartile bounds the band came from.
    public let bounds: LAITQuartileBounds?
    public let comparison: EnglandComparison
    public let polarity: Polarity
    public let format: ValueFormat

    /// Council − England, unrounded (percentage points for percentages); nil for a count, which
    /// grows with the area ("622,526 lower" than England's total says nothing).
    public var differenceFromEngland: Double? {
        guard let councilValue, let england, format.unit != .count else { return nil }
        return councilValue - england
    }

    /// The band's symbol name: `band-a` … `band-d`, `band-none` ("-"), `band-error`; nil with no band.
    public var bandSymbol: String? {
        band.map { band in
            switch band {
            case .notApplicable: "band-none"
            case .error: "band-error"
            default: "band-\(band.rawValue.lowercased())"
            }
        }
    }

    /// "Rank 12 of 151 (1 = best)", or nil.
    public var rankText: String? { rank.map { "Rank \($0) of \(rankedCount) (1 = best)" } }

    /// Why the council has no rank or band although it has a figure, when too few local authorities
    /// have one: "Not ranked or banded: only 1 local authority has a figure for 2025 (at least 4 are
    /// needed)"; nil otherwise.
    public var notRankedReason: String? {
        guard councilValue != nil, rank == nil, band == nil, rankedCount < Self.minimumRankedCount else { return nil }
        let authorities = rankedCount == 1 ? "1 local authority has" : "\(rankedCount) local authorities have"
        return "Not ranked or banded: only \(authorities) a figure for \(period.label) (at least \(Self.minimumRankedCount) are needed)"
    }

    /// The comparison with England in words, e.g. "Better than England: England's 56.0% lies below
    /// Warwickshire's 95% confidence interval (57.1% to 60.3%); higher is better".
    public var comparisonReason: String {
        if let reason = comparison.notComparedReason {
            let englandWords = england.map { " (England \(format.text($0)))" } ?? ""
            return "Not compared with England\(englandWords): \(reason.words)"
        }
        guard let england, let lower = comparison.interval.lower95, let upper = comparison.interval.upper95 else {
            return "\(comparison.label) than England"
        }
        // England beside a limit it would read the same as is shown to the places that part them.
        let shown = format.apart(england, from: [lower, upper])
        let ci = "\(councilName)'s 95% confidence interval (\(shown.rangeText(lower, upper)))"
        let englandWords = "England's \(shown.text(england))"
        switch comparison.outcome {
        case .similar:
            return "Similar to England: \(englandWords) lies within \(ci)"
        case .notCompared:
            return "Not compared with England"
        default:
            let side = england < lower ? "below" : "above"
            let outcome = comparison.outcome
            let base = switch outcome {
            case .better, .best: "Better"
            case .worse, .worst: "Worse"
            case .higher, .highest: "Higher"
            default: "Lower"
            }
            let beyond = [.best, .worst, .highest, .lowest].contains(outcome) ? " and its 99.8% interval" : ""
            return "\(base) than England: \(englandWords) lies \(side) \(ci)\(beyond); \(AssessmentWording.polarityPhrase(polarity))"
        }
    }

    /// The benchmarks in words: "England 21.5%; West Midlands 22.0%; statistical neighbours' mean
    /// (2025 list, 10 of 10 with a figure) 19.3%; rank 12 of 151 (1 = best); quartile band B".
    public var summary: String {
        var parts: [String] = []
        parts.append("England " + (england.map(format.text) ?? "no figure"))
        if let region {
            var words = "\(region.name) " + (region.value.map(format.text) ?? "no figure")
            if let from = region.fellBackFrom { words += " (\(from) has no figure)" }
            parts.append(words)
        }
        if let sn = statisticalNeighbours {
            parts.append("statistical neighbours' mean (\(sn.edition) list, \(sn.neighboursWithFigure) of \(sn.neighbourCount) with a figure) "
                + (sn.mean.map(format.text) ?? "no figure"))
        }
        if let rank { parts.append("rank \(rank) of \(rankedCount) (1 = best)") }
        if let band { parts.append("quartile band \(band.rawValue)") }
        if let notRankedReason { parts.append(notRankedReason.prefix(1).lowercased() + notRankedReason.dropFirst()) }
        return parts.joined(separator: "; ")
    }
}
