/// A Fingertips trend marker (METHODS.md §8.1, §8.2; Fingertips `TrendMarker`, labelled as
/// `TrendMarkerLabelProvider` does).
public enum TrendMarker: String, Sendable, Hashable, CaseIterable, Codable {
    /// Significantly increasing.
    case increasing
    /// Significantly decreasing.
    case decreasing
    /// No significant change (Fingertips `NoChange`).
    case noChange
    /// Not enough valid data (Fingertips `CannotBeCalculated`).
    case cannotBeCalculated

    /// "Increasing", "Decreasing", "No significant change" or "Cannot be calculated".
    public var words: String {
        switch self {
        case .increasing: "Increasing"
        case .decreasing: "Decreasing"
        case .noChange: "No significant change"
        case .cannotBeCalculated: "Cannot be calculated"
        }
    }

    /// The words with the judgement for a measure of `polarity`, e.g. "Increasing and getting
    /// worse" for low-is-good; plain "Increasing"/"Decreasing" for no judgement.
    public func phrase(for polarity: Polarity) -> String {
        switch (self, polarity) {
        case (.increasing, .highIsGood), (.decreasing, .lowIsGood): "\(words) and getting better"
        case (.increasing, .lowIsGood), (.decreasing, .highIsGood): "\(words) and getting worse"
        default: words
        }
    }
}
