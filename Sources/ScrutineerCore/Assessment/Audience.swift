/// Who an assessment is for, which decides what disclosure control hides (PRODUCT.md R8, R16).
public enum Audience: String, Sendable, Hashable, CaseIterable, Codable {
    /// Council officers and analysts: every figure.
    case officer
    /// Committee members: every figure, as in the committee papers.
    case member
    /// The public: small counts, and anything derived from them, are withheld (METHODS.md §13.7).
    case `public`

    /// True when disclosure control applies.
    public var appliesDisclosureControl: Bool { self == .public }
}
