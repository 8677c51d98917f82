/// What a person may do in Scrutineer (PRODUCT.md R16), from most to least.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Manages people and every council's committees.
    case administrator
    /// Prepares a council's reports: data, targets, commentary, publication.
    case analyst
    /// Owns measures: writes their commentary.
    case officer
    /// An elected member: reads draft reports for their committees.
    case member
    /// Anyone, signed in or not: published reports only, with small numbers suppressed.
    case `public`

    /// Order of privilege: administrator first.
    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Who the pages are written for when this role reads them.
    public var audience: Audience {
        switch self {
        case .administrator, .analyst, .officer: .officer
        case .member: .member
        case .public: .public
        }
    }

    /// The role's name as the pages show it ("Administrator").
    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
