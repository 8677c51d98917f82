/// The result of comparing a value with a target: Fingertips' target `Significance` (METHODS.md §10;
/// Fingertips `TargetComparer`, labelled as `SignificanceFormatter.GetTargetLabel`).
public enum TargetOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// Meets the target (green).
    case better
    /// Between the limits, or the interval straddles the target (amber).
    case same
    /// Misses the target (red).
    case worse
    /// No comparison was possible (grey).
    case notCompared

    /// The RAG colour: green, amber, red, or grey for not compared.
    public var colour: RAGColour {
        switch self {
        case .better: .green
        case .same: .amber
        case .worse: .red
        case .notCompared: .grey
        }
    }

    /// The words the Fingertips export uses: "Green", "Amber", "Red" or "Not compared".
    public var words: String {
        switch self {
        case .better: "Green"
        case .same: "Amber"
        case .worse: "Red"
        case .notCompared: "Not compared"
        }
    }
}

/// Red / amber / green, with grey for "not compared" (METHODS.md §10).
public enum RAGColour: String, Sendable, Hashable, CaseIterable, Codable {
    /// Target met.
    case green
    /// Borderline.
    case amber
    /// Target missed.
    case red
    /// Not compared.
    case grey
}
