/// Which way is good for a measure: the judgement every comparison, band, rank and arrow needs.
public enum Polarity: String, Sendable, Hashable, CaseIterable, Codable {
    /// Higher values are better (Fingertips "RAG - High is good", LAIT "High").
    case highIsGood
    /// Lower values are better (Fingertips "RAG - Low is good", LAIT "Low").
    case lowIsGood
    /// No judgement: differences are reported as higher or lower, never better or worse
    /// (Fingertips "BlueOrangeBlue" or "Not applicable", LAIT "-").
    case noJudgement
}
