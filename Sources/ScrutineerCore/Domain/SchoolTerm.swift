/// A school term of an academic year, or the autumn and spring terms together, as DfE publishes
/// termly figures (pupil absence, elective home education: EES `Autumn term`, `Spring term`,
/// `Summer term`, `Autumn and spring term`).
///
/// Term dates vary by school and with Easter, so a term's period covers whole months: autumn is
/// September to December, spring January to March, summer April to July; the autumn and spring
/// terms together run September to March. These order a measure's termly figures among its
/// academic years (summer term before the year, which ends in August); they are not term dates.
public enum SchoolTerm: String, Sendable, Hashable, CaseIterable, Codable {
    case autumn, spring, summer, autumnAndSpring

    /// How DfE names it, and the canonical label's suffix: `2023/24 Autumn term`.
    public var name: String {
        switch self {
        case .autumn: "Autumn term"
        case .spring: "Spring term"
        case .summer: "Summer term"
        case .autumnAndSpring: "Autumn and spring term"
        }
    }

    /// One term, or two together.
    public var periodKind: Period.Kind { self == .autumnAndSpring ? .twoTerms : .term }

    /// The first and last month, counted from the academic year's September (September = 0).
    var monthsFromSeptember: ClosedRange<Int> {
        switch self {
        case .autumn: 0...3
        case .spring: 4...6
        case .summer: 7...10
        case .autumnAndSpring: 0...6
        }
    }

    /// The term named at the start or end of `text` (any case; `terms` for the two together), with
    /// the rest of the text trimmed, or nil.
    static func split(_ text: String) -> (term: SchoolTerm, rest: Substring)? {
        let lowered = text.lowercased()
        // Longest names first: "autumn and spring term" ends in "spring term".
        for term in [SchoolTerm.autumnAndSpring, .autumn, .spring, .summer] {
            for written in term == .autumnAndSpring ? [term.name.lowercased() + "s", term.name.lowercased()] : [term.name.lowercased()] {
                if lowered.hasSuffix(" " + written) {
                    return (term, text.dropLast(written.count).dropLast())
                }
                if lowered.hasPrefix(written + " ") {
                    return (term, text.dropFirst(written.count + 1))
                }
            }
        }
        return nil
    }
}
