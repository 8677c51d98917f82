/// Where an area sits on a funnel plot: PHEindicatormethods `assign_funnel_significance` levels
/// (METHODS.md §6.2). "High"/"Low" say which side of the benchmark the area is, not whether that is
/// good; the 99.8% funnel (one-sided p = 0.001) is tested before the 95% one (p = 0.025).
public enum FunnelSignificance: String, Sendable, Hashable, CaseIterable, Codable {
    /// Above the 99.8% funnel: PHE "High (0.001)".
    case significantlyHigh99_8 = "High (0.001)"
    /// Above the 95% funnel but inside the 99.8% one: PHE "High (0.025)".
    case significantlyHigh95 = "High (0.025)"
    /// Below the 99.8% funnel: PHE "Low (0.001)".
    case significantlyLow99_8 = "Low (0.001)"
    /// Below the 95% funnel but inside the 99.8% one: PHE "Low (0.025)".
    case significantlyLow95 = "Low (0.025)"
    /// Inside the 95% funnel: PHE "Not significant".
    case notSignificant = "Not significant"
    /// A directly standardised rate from fewer than 10 events, which PHE does not test.
    case notApplicableDSRBelowTenEvents = "Not applicable for events less than 10 for dsrs"

    /// The PHEindicatormethods wording, exactly as the package prints it.
    public var words: String { rawValue }

    /// The outcome for an area significantly high at `level`.
    static func high(_ level: ConfidenceLevel) -> FunnelSignificance {
        level == .ninetyNinePointEight ? .significantlyHigh99_8 : .significantlyHigh95
    }

    /// The outcome for an area significantly low at `level`.
    static func low(_ level: ConfidenceLevel) -> FunnelSignificance {
        level == .ninetyNinePointEight ? .significantlyLow99_8 : .significantlyLow95
    }

    /// The order PHE tests the two funnels in: 99.8% first, then 95%.
    static let testOrder: [ConfidenceLevel] = [.ninetyNinePointEight, .ninetyFive]
}

/// The outcome of testing every area on a funnel plot against one benchmark (METHODS.md §6.2).
public struct FunnelSignificanceResult: Sendable, Hashable {
    /// The benchmark the areas were tested against: the pooled proportion (0–1) for proportions,
    /// 1 for observed/expected ratios, the weighted average rate per `multiplier` for rates.
    public var benchmark: Double
    /// One outcome per area, in the order the areas were given.
    public var outcomes: [FunnelSignificance]

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(benchmark: Double, outcomes: [FunnelSignificance]) {
        self.benchmark = benchmark
        self.outcomes = outcomes
    }
}
