/// The result of comparing an area with a benchmark, in Fingertips' words (METHODS.md §6.1, §6.3;
/// Fingertips `Significance` after `AdjustForPolarity`, labelled as `SignificanceFormatter` and the
/// compare-areas legend do).
///
/// Measures with a polarity get better / similar / worse; no-judgement measures get higher /
/// similar / lower. Method 17 adds a second, 99.8%, level. Fingertips' `Significance` enum calls it
/// Best/Worst, but no Fingertips screen prints those words: the legend
/// (`legend-compare-areas.component.html`, `_KeyTartanRug.cshtml`) shows "Better 99.8%" and
/// "Worse 99.8%" (with "Better 95%"/"Worse 95%" beside them), and "Highest"/"Lowest" for
/// blue-orange-blue measures. So `.best`/`.worst`/`.highest`/`.lowest` use those legend words.
/// (The Fingertips CSV export has no label for Best/Worst and prints "Not compared", a quirk not kept.)
public enum BenchmarkOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// Significantly better than the benchmark (at 95%).
    case better
    /// Not significantly different.
    case similar
    /// Significantly worse than the benchmark (at 95%).
    case worse
    /// Better at 99.8% (method 17; Fingertips `Significance.Best`).
    case best
    /// Worse at 99.8% (method 17; Fingertips `Significance.Worst`).
    case worst
    /// Significantly higher, for a measure with no judgement.
    case higher
    /// Significantly lower, for a measure with no judgement.
    case lower
    /// Higher at 99.8% (method 17), for a measure with no judgement.
    case highest
    /// Lower at 99.8% (method 17), for a measure with no judgement.
    case lowest
    /// No comparison was possible (missing value, limits or denominator) or none was asked for.
    case notCompared

    /// The words Fingertips shows: "Better", "Similar", "Worse", "Better 99.8%", "Worse 99.8%",
    /// "Higher", "Lower", "Highest", "Lowest" or "Not compared".
    public var words: String {
        switch self {
        case .better: "Better"
        case .similar: "Similar"
        case .worse: "Worse"
        case .best: "Better 99.8%"
        case .worst: "Worse 99.8%"
        case .higher: "Higher"
        case .lower: "Lower"
        case .highest: "Highest"
        case .lowest: "Lowest"
        case .notCompared: "Not compared"
        }
    }

    /// True for every outcome that says the area differs from the benchmark.
    public var isSignificant: Bool {
        switch self {
        case .similar, .notCompared: false
        default: true
        }
    }
}

/// Which way the area lies from its benchmark before polarity is applied (Fingertips' raw
/// `Significance`: Worse = lower, Better = higher, Worst/Best = beyond the 99.8% CI).
enum BenchmarkDirection: Sendable, Hashable {
    /// Lower beyond the 99.8% limits (method 17 only).
    case muchLower
    /// Lower.
    case lower
    /// Not significantly different.
    case same
    /// Higher.
    case higher
    /// Higher beyond the 99.8% limits (method 17 only).
    case muchHigher

    /// The outcome for a measure of this polarity (Fingertips `AdjustForPolarity`, which swaps
    /// better and worse only for low-is-good; METHODS.md §6.1, §6.3).
    func outcome(for polarity: Polarity) -> BenchmarkOutcome {
        switch (self, polarity) {
        case (.same, _): .similar
        case (.higher, .highIsGood), (.lower, .lowIsGood): .better
        case (.lower, .highIsGood), (.higher, .lowIsGood): .worse
        case (.muchHigher, .highIsGood), (.muchLower, .lowIsGood): .best
        case (.muchLower, .highIsGood), (.muchHigher, .lowIsGood): .worst
        case (.higher, .noJudgement): .higher
        case (.lower, .noJudgement): .lower
        case (.muchHigher, .noJudgement): .highest
        case (.muchLower, .noJudgement): .lowest
        }
    }
}
