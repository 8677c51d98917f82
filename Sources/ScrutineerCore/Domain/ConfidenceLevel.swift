/// The two confidence levels public-health and children's statistics publish (METHODS.md §0).
/// PHEindicatormethods accepts other levels only as this pair, so Scrutineer keeps to it.
public enum ConfidenceLevel: String, Sendable, Hashable, CaseIterable, Codable {
    /// 95% two-sided.
    case ninetyFive = "95"
    /// 99.8% two-sided.
    case ninetyNinePointEight = "99.8"

    /// The two-sided coverage as a probability: 0.95 or 0.998.
    public var probability: Double {
        switch self {
        case .ninetyFive: 0.95
        case .ninetyNinePointEight: 0.998
        }
    }

    /// The level whose coverage is `probability` (0.95 or 0.998; 95 and 99.8 are read as percentages).
    public init?(probability: Double) {
        let p = probability > 1 ? probability / 100 : probability
        if abs(p - 0.95) < 1e-12 {
            self = .ninetyFive
        } else if abs(p - 0.998) < 1e-12 {
            self = .ninetyNinePointEight
        } else {
            return nil
        }
    }
}

extension ConfidenceLevel {
    /// The one-sided tail beyond each limit: 0.025 at 95%, 0.001 at 99.8% (METHODS.md §0).
    public var oneSidedTailProbability: Double {
        switch self {
        case .ninetyFive: 0.025
        case .ninetyNinePointEight: 0.001
        }
    }
}
