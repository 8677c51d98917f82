/// DfE LAIT quartile band of a local authority's latest value (METHODS.md §7.1 and §13.3;
/// LAIT `calculate_quartile_band` in `R/fn_analysis.R`). A is always the best quartile.
public enum LAITQuartileBand: String, Sendable, Hashable, CaseIterable, Codable {
    /// Best quarter of local authorities.
    case a = "A"
    /// Second-best quarter.
    case b = "B"
    /// Third quarter.
    case c = "C"
    /// Worst quarter.
    case d = "D"
    /// No band: the measure has no judgement (polarity not High/Low) or its data range is too small.
    case notApplicable = "-"
    /// The value lies outside [Q0, Q4] or the bound it needs is missing (LAIT warns "Unexpected Quartile Banding").
    case error = "Error"

    /// What the band means, in plain English.
    public var meaning: String {
        switch self {
        case .a: "A: in the best quarter of local authorities"
        case .b: "B: in the second-best quarter of local authorities"
        case .c: "C: in the third quarter of local authorities"
        case .d: "D: in the worst quarter of local authorities"
        case .notApplicable: "-: no quartile banding for this measure (no better/worse judgement, or data range too small)"
        case .error: "Error: the value does not fit the quartile bounds"
        }
    }

    /// LAIT cell colour: A green, D red, everything else uncoloured.
    public var colour: LAITBandColour {
        switch self {
        case .a: .green
        case .d: .red
        default: .none
        }
    }
}

/// The colour LAIT gives a quartile-band cell (METHODS.md §7.1).
public enum LAITBandColour: String, Sendable, Hashable, CaseIterable, Codable {
    /// GOV.UK green, band A.
    case green
    /// GOV.UK red, band D.
    case red
    /// No colour.
    case none
}
