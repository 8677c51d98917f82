/// How an area is compared with a benchmark such as England: the Fingertips comparator methods
/// (METHODS.md §6.1; Fingertips `IndicatorComparerFactory`). Scrutineer's default is
/// `.singleOverlappingCI95` (METHODS.md §13.1).
public enum BenchmarkMethod: Sendable, Hashable {
    /// Method -1, no comparison: always "Not compared" (Fingertips `NoComparisonComparer`).
    case notCompared
    /// Method 1: the benchmark value inside the area's 95% CI (inclusive) is similar; otherwise
    /// higher or lower by value (Fingertips `SingleOverlappingCIsForOneCILevelComparer`).
    case singleOverlappingCI95
    /// Method 17: as method 1, plus "best"/"worst" when the benchmark lies beyond the area's
    /// 99.8% CI (Fingertips `SingleOverlappingCIsForTwoCILevelsComparer`).
    case singleOverlappingCI95And99_8
    /// Method 12: the area's and the benchmark's 95% CIs overlap (touching counts) is similar;
    /// otherwise by value (Fingertips `DoubleOverlappingCIsComparer`).
    case doubleOverlappingCI95
    /// Method 5: Wilson control limits at `z` built around the benchmark proportion with the
    /// area's denominator; `unit` is 100 when values are percentages (Fingertips `SpcForProportionsComparer`).
    case spcForProportions(z: Double, unit: Double)
    /// Method 6: exact Poisson control limits (`PoissonMeanBounds`) around the expected count
    /// benchmark × population / unit, one-sided tail `tailProbability` (Fingertips `SpcForDsrComparer`).
    case spcForDSR(tailProbability: Double, unit: Double)

    /// The Fingertips comparator method id.
    public var fingertipsID: Int {
        switch self {
        case .notCompared: -1
        case .singleOverlappingCI95: 1
        case .singleOverlappingCI95And99_8: 17
        case .doubleOverlappingCI95: 12
        case .spcForProportions: 5
        case .spcForDSR: 6
        }
    }

    /// SPC for proportions at a confidence level with the z values Fingertips stores (1.96 and
    /// 3.0902, truncated; METHODS.md §0), not the exact normal quantiles.
    public static func fingertipsSPCForProportions(_ level: ConfidenceLevel, unit: Double) -> BenchmarkMethod {
        switch level {
        case .ninetyFive: .spcForProportions(z: 1.96, unit: unit)
        case .ninetyNinePointEight: .spcForProportions(z: 3.0902, unit: unit)
        }
    }

    /// SPC for DSR at a confidence level: one-sided p = 0.025 (95%) or 0.001 (99.8%) (METHODS.md §0).
    public static func fingertipsSPCForDSR(_ level: ConfidenceLevel, unit: Double) -> BenchmarkMethod {
        .spcForDSR(tailProbability: level.oneSidedTailProbability, unit: unit)
    }
}
