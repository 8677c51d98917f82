import Foundation

/// A symbol published in place of a number (METHODS.md §11): the EES tidy-data codes
/// `c z x u k low`, plus the `-` and `..` that DfE LAIT shows. Every one of them reads as missing
/// when Scrutineer imports published data (LAIT treats `-`, `c` and `..` as NA).
public enum StatusSymbol: String, Sendable, Hashable, CaseIterable, Codable {
    /// `c`: confidential — suppressed to protect individuals.
    case confidential = "c"
    /// `z`: not applicable, e.g. a percentage whose denominator is zero.
    case notApplicable = "z"
    /// `x`: unavailable.
    case unavailable = "x"
    /// `u`: low reliability.
    case lowReliability = "u"
    /// `k`: rounds to 0 but is not 0.
    case roundsToZero = "k"
    /// `low`: a very small figure (DfE workforce data; not defined further by the file).
    case low = "low"
    /// `-`: LAIT's dash: no figure to show (not applicable, or no quartile banding).
    case laitDash = "-"
    /// `..`: LAIT's double dot: figure not available.
    case laitNotAvailable = ".."

    /// What the symbol means, in plain English.
    public var meaning: String {
        switch self {
        case .confidential: "Confidential: withheld to protect individuals (small count, or it would reveal one)"
        case .notApplicable: "Not applicable: the figure cannot be calculated, for example a percentage of zero"
        case .unavailable: "Unavailable: the figure was not collected or cannot be shown"
        case .lowReliability: "Low reliability: the figure is too uncertain to rely on"
        case .roundsToZero: "Rounds to zero: the figure is greater than zero but rounds to 0"
        case .low: "Low: a very small figure, not shown"
        case .laitDash: "No figure: not applicable or not shown (DfE LAIT)"
        case .laitNotAvailable: "Not available (DfE LAIT)"
        }
    }

    /// The symbol a published cell holds, if the text is one (surrounding spaces ignored).
    public init?(publishedText: String) {
        self.init(rawValue: publishedText.trimmingCharacters(in: .whitespaces))
    }
}
