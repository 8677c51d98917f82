/// What kind of place an area is.
public enum AreaType: String, Sendable, Hashable, CaseIterable, Codable {
    case country
    /// An English region (ONS E12).
    case region
    /// Inner or Outer London (ONS E13), which LAIT uses as London boroughs' region.
    case subRegion
    /// An upper-tier local authority with children's services.
    case localAuthority
}

/// A place Scrutineer holds figures for (PRODUCT.md R5, glossary: GSS codes).
public struct Area: Sendable, Hashable, Codable, Identifiable {
    /// ONS GSS code (E10000031 Warwickshire, E92000001 England): the key everywhere.
    public var code: String
    /// DfE's 3-digit LA number (937 Warwickshire; 970 England; 980–990 regions), when it has one.
    public var dfeCode: String?
    public var name: String
    public var type: AreaType
    /// The region's ONS code, for local authorities.
    public var regionCode: String?
    /// The code this area was recoded or merged into (Barnsley E08000016 → E08000038 in 2024).
    public var successorCode: String?
    /// First and last years it reported, where known.
    public var firstYear: Int?
    public var lastYear: Int?

    public var id: String { code }

    public init(
        code: String, dfeCode: String? = nil, name: String, type: AreaType, regionCode: String? = nil,
        successorCode: String? = nil, firstYear: Int? = nil, lastYear: Int? = nil
    ) {
        self.code = code
        self.dfeCode = dfeCode
        self.name = name
        self.type = type
        self.regionCode = regionCode
        self.successorCode = successorCode
        self.firstYear = firstYear
        self.lastYear = lastYear
    }
}

extension Area {
    /// England and the regions and London sub-regions, with the ONS and DfE codes LAIT and EES use.
    /// These never change, so every database starts with them.
    public static let englandAndRegions: [Area] = [
        Area(code: "E92000001", dfeCode: "970", name: "England", type: .country),
        Area(code: "E12000001", dfeCode: "980", name: "North East", type: .region),
        Area(code: "E12000002", dfeCode: "981", name: "North West", type: .region),
        Area(code: "E12000003", dfeCode: "982", name: "Yorkshire and The Humber", type: .region),
        Area(code: "E12000004", dfeCode: "983", name: "East Midlands", type: .region),
        Area(code: "E12000005", dfeCode: "984", name: "West Midlands", type: .region),
        Area(code: "E12000006", dfeCode: "985", name: "East of England", type: .region),
        Area(code: "E12000007", dfeCode: "986", name: "London", type: .region),
        Area(code: "E13000001", dfeCode: "987", name: "Inner London", type: .subRegion, regionCode: "E12000007"),
        Area(code: "E13000002", dfeCode: "988", name: "Outer London", type: .subRegion, regionCode: "E12000007"),
        Area(code: "E12000008", dfeCode: "989", name: "South East", type: .region),
        Area(code: "E12000009", dfeCode: "990", name: "South West", type: .region),
    ]

    /// England's ONS code.
    public static let englandCode = "E92000001"

    /// The same council under the code that replaced `code`, where `code` is a council's former
    /// code, recoded under the same DfE number (Barnsley's E08000016 is E08000038 since 2024, its
    /// figures one series under the newer code); nil for a code in use, or one whose area other
    /// councils took over.
    public static func current(ofFormer code: String, in areas: [Area]) -> Area? {
        guard let former = areas.first(where: { $0.code == code }), let next = former.successorCode,
              let current = areas.first(where: { $0.code == next }), former.isRecoded(as: current)
        else { return nil }
        return current
    }

    /// True when `other` is this council under the code that replaced this one: its successor, with
    /// the same DfE number (Barnsley's E08000016 and E08000038, both 370), not another council that
    /// took over its area.
    public func isRecoded(as other: Area) -> Bool {
        successorCode == other.code && dfeCode != nil && dfeCode == other.dfeCode
    }

    /// Why a council's former code is refused where its code is asked for: its figures, its
    /// measures and its committees are the current code's (found by exploratory testing).
    public static func formerCodeProblem(_ code: String, current: Area) -> String {
        "\(code) is \(current.name)'s former code; since its recode the council is \(current.code) (DfE \(current.dfeCode ?? "")), under which its figures are kept (expected \(current.code))"
    }
}
