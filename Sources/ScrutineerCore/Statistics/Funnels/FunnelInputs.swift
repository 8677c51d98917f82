/// One area's numerator and denominator for a proportion funnel plot (METHODS.md §6.2).
public struct FunnelProportionArea: Sendable, Hashable {
    /// The numerator x (may be non-integer, as in the PHE test data).
    public var numerator: Double
    /// The denominator n, greater than zero and at least x.
    public var denominator: Double

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(numerator: Double, denominator: Double) {
        self.numerator = numerator
        self.denominator = denominator
    }
}

/// One area's observed and expected events for an observed/expected ratio funnel (METHODS.md §6.2).
public struct FunnelRatioArea: Sendable, Hashable {
    /// Observed events O (zero or more).
    public var observed: Double
    /// Expected events E (greater than zero), e.g. from indirect standardisation (§5).
    public var expected: Double

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(observed: Double, expected: Double) {
        self.observed = observed
        self.expected = expected
    }
}

/// One area's events and published rate for a rate funnel plot (METHODS.md §6.2). PHE works back
/// from the rate to the population it implies, so the denominator is only needed for zero events.
public struct FunnelRateArea: Sendable, Hashable {
    /// Events behind the rate (zero or more).
    public var count: Double
    /// The rate per `multiplier` (crude or directly standardised); may be missing for zero events.
    public var rate: Double?
    /// The population; required for a crude rate with zero events, otherwise unused.
    public var denominator: Double?

    /// Creates the value from its parts, unchecked: the calculations validate it.
    public init(count: Double, rate: Double?, denominator: Double? = nil) {
        self.count = count
        self.rate = rate
        self.denominator = denominator
    }
}

/// Whether the rates on a funnel are crude or directly standardised (PHE `rate_type`).
public enum FunnelRateType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Directly standardised rates (§4): zero-event areas are left out of the average and areas
    /// with fewer than 10 events are not tested.
    case directlyStandardised = "dsr"
    /// Crude rates (§2): a zero-event area counts with its own population.
    case crude = "crude"
}

/// How an observed/expected ratio funnel is scaled (PHE `ratio_type`).
public enum FunnelRatioType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Limits shown as O/E − 1, so the benchmark is 0 (PHE "count").
    case count = "count"
    /// Limits shown as O/E × 100, an indirectly standardised ratio with benchmark 100 (PHE "isr").
    case indirectlyStandardisedRatio = "isr"
}
