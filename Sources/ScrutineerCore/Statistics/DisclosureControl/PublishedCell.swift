/// Why a published cell shows a symbol instead of its number (METHODS.md §11 and §13.7).
public enum SuppressionReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// Primary suppression: a count from 1 to the policy's threshold (5 by default).
    case smallCount
    /// A percentage or rate whose numerator or denominator is suppressed.
    case derivedFromSuppressedCount
    /// Secondary suppression: hidden so that another suppressed cell cannot be worked out from a total.
    case protectsSuppressedCell
    /// The figure cannot be calculated (e.g. a percentage with a zero denominator): `z`.
    case notApplicable
    /// A rounded aggregate that is above zero but rounds to 0: `k`.
    case roundsToZero

    /// The reason in plain English, for footnotes and audit trails. A figure withheld to protect
    /// individuals reads the same whichever of the three reasons withheld it, as DfE's `c` does:
    /// "a small count" beside "hidden to protect another" would say which hidden cell is the small
    /// one, and a sum of the two would then give it back (found by exploratory testing).
    public var explanation: String {
        switch self {
        case .smallCount, .derivedFromSuppressedCount, .protectsSuppressedCell: Self.withheldToProtectIndividuals
        case .notApplicable: "cannot be calculated (for example, a percentage of zero)"
        case .roundsToZero: "greater than zero but rounds to 0"
        }
    }

    /// Why a figure withheld to protect individuals is blank.
    public static let withheldToProtectIndividuals = "withheld so that no one can be identified: a small number or a figure from which one could be worked out"
}

/// One cell of public output after disclosure control: a number, or a symbol with the reason for it
/// (METHODS.md §11 and §13.7). Numbers are kept unrounded; round only when displaying.
public enum PublishedCell: Sendable, Hashable, Codable {
    /// The figure may be shown.
    case value(Double)
    /// The figure is replaced by `symbol` (usually `c`) for `reason`.
    case suppressed(symbol: StatusSymbol, reason: SuppressionReason)

    /// Why the cell is blank, in plain English, or nil when it shows its number: the reason it was
    /// withheld, or, for a symbol published with the figures (LAIT's `-`, EES's `x`), what the
    /// publisher's symbol means rather than a guess at why.
    public var whyBlank: String? {
        guard case let .suppressed(symbol, reason) = self else { return nil }
        if reason == .notApplicable, symbol != .notApplicable {
            let meaning = symbol.meaning
            guard let colon = meaning.range(of: ": ") else { return meaning.prefix(1).lowercased() + meaning.dropFirst() }
            return String(meaning[colon.upperBound...])
        }
        return reason.explanation
    }

    /// The number, or nil when suppressed.
    public var value: Double? {
        if case let .value(number) = self { return number }
        return nil
    }

    /// True when a symbol is shown instead of the number.
    public var isSuppressed: Bool { value == nil }

    /// True when the cell is confidential (`c`), the case that must propagate to derived figures.
    public var isConfidential: Bool {
        if case .suppressed(.confidential, _) = self { return true }
        return false
    }

    /// The symbol shown, or nil when the number is shown.
    public var symbol: StatusSymbol? {
        if case let .suppressed(symbol, _) = self { return symbol }
        return nil
    }

    /// The reason for the symbol, or nil when the number is shown.
    public var reason: SuppressionReason? {
        if case let .suppressed(_, reason) = self { return reason }
        return nil
    }

    /// Display text: the number rounded five-up to `decimalPlaces` (METHODS.md §11), or the symbol.
    public func text(decimalPlaces: Int) throws -> String {
        switch self {
        case let .value(number): try DfERounding.formatted(number, decimalPlaces: decimalPlaces)
        case let .suppressed(symbol, _): symbol.rawValue
        }
    }
}
