/// One neighbour in a DfE statistical-neighbour list.
public struct StatisticalNeighbour: Sendable, Hashable, Codable {
    /// 1 = most similar.
    public var rank: Int
    public var areaCode: String
    /// DfE's words: "Very Close", "Close", "Somewhat close", "Not Close".
    public var closeness: String?

    public init(rank: Int, areaCode: String, closeness: String?) {
        self.rank = rank
        self.areaCode = areaCode
        self.closeness = closeness
    }
}

/// An LA's ten DfE statistical neighbours in one edition of the list (2021, 2025).
public struct StatisticalNeighbours: Sendable, Hashable, Codable {
    /// The edition, e.g. "2021" or "2025"; lists are versioned, never overwritten.
    public var edition: String
    public var areaCode: String
    /// In rank order.
    public var neighbours: [StatisticalNeighbour]

    public init(edition: String, areaCode: String, neighbours: [StatisticalNeighbour]) {
        self.edition = edition
        self.areaCode = areaCode
        self.neighbours = neighbours
    }
}

/// A group of areas a council compares itself with, beyond England, region and statistical
/// neighbours (e.g. "Shire counties"). A group is a set: its members are kept in code order.
public struct ComparatorGroup: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    /// The council that defined it, or nil for groups every council sees.
    public var ownerAreaCode: String?
    /// The members' ONS codes, in code order, each once.
    public var memberCodes: [String]

    public init(code: String, name: String, ownerAreaCode: String? = nil, memberCodes: [String]) {
        self.code = code
        self.name = name
        self.ownerAreaCode = ownerAreaCode
        self.memberCodes = Set(memberCodes).sorted()
    }

    /// True when a council sees this group: its own, or one every council sees.
    public func isSeen(by councilAreaCode: String) -> Bool {
        ownerAreaCode == nil || ownerAreaCode == councilAreaCode
    }
}
