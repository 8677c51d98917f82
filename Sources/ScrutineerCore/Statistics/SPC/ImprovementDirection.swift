/// Which way a Making Data Count SPC chart reads as improvement (METHODS.md §9.2,
/// NHSRplotthedots `improvement_direction`: "increase", "decrease" or "neutral").
public enum ImprovementDirection: String, Sendable, Hashable, CaseIterable, Codable {
    /// Higher values are improvement: points above the mean or rising are "special cause improvement".
    case increase
    /// Lower values are improvement: points below the mean or falling are "special cause improvement".
    case decrease
    /// No judgement: special causes are reported only as "neutral high" or "neutral low".
    case neutral

    /// The direction that matches a measure's polarity: high is good ⇒ increase, low is good ⇒ decrease,
    /// no judgement ⇒ neutral.
    public init(polarity: Polarity) {
        switch polarity {
        case .highIsGood: self = .increase
        case .lowIsGood: self = .decrease
        case .noJudgement: self = .neutral
        }
    }
}
