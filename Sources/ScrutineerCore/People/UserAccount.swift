/// A person who signs in (PRODUCT.md R16): their role, their council, and what they are given.
public struct UserAccount: Sendable, Hashable, Codable {
    /// The store's id; 0 for an account not yet stored.
    public var id: Int
    /// The sign-in name, unique (`a.analyst`).
    public var username: String
    /// The name pages show ("Asha Analyst").
    public var displayName: String
    public var role: Role
    /// The council whose unpublished data the person may see (ONS code); nil for an
    /// administrator of every council.
    public var councilAreaCode: String?
    /// Committees a member reads drafts of (by code).
    public var committeeCodes: [String]
    /// Measures an officer owns and writes commentary for (by code).
    public var measureCodes: [String]

    /// An account; lists default to empty.
    public init(
        id: Int = 0, username: String, displayName: String, role: Role, councilAreaCode: String? = nil,
        committeeCodes: [String] = [], measureCodes: [String] = []
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.councilAreaCode = councilAreaCode
        self.committeeCodes = committeeCodes
        self.measureCodes = measureCodes
    }
}

extension UserAccount {
    /// The longest sign-in name, in bytes: `user add` takes no longer one, and a sign-in with a
    /// longer one is not recorded as a failure.
    public static let longestUsername = 200

    /// What the account is given, as the audit trail records it: "administrator of every council",
    /// "member of E06000041, committees WOK-CS", "officer of E10000031, measures A, B".
    public var grantsText: String {
        var text = role == .public && councilAreaCode == nil ? role.rawValue : "\(role.rawValue) of \(councilAreaCode ?? "every council")"
        if !committeeCodes.isEmpty { text += ", committees " + committeeCodes.joined(separator: ", ") }
        if !measureCodes.isEmpty { text += ", measures " + measureCodes.joined(separator: ", ") }
        return text
    }
}
