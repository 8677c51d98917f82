import ScrutineerCore
import Testing

/// The areas a measure's comparison sets beside a council (PRODUCT.md R5), which a published report
/// keeps as they stood (R15).
@Suite("Measure comparison")
struct MeasureComparisonTests {
    static let council = "E10000031"
    static let areas = [
        Area(code: "E92000001", name: "England", type: .country),
        Area(code: "E12000005", name: "West Midlands", type: .region),
        Area(code: council, name: "Warwickshire", type: .localAuthority, regionCode: "E12000005"),
        Area(code: "E10000024", name: "Nottinghamshire", type: .localAuthority, regionCode: "E12000004"),
        Area(code: "E10000028", name: "Staffordshire", type: .localAuthority, regionCode: "E12000005"),
        Area(code: "E10000034", name: "Worcestershire", type: .localAuthority, regionCode: "E12000005"),
        Area(code: "E06000051", name: "Shropshire", type: .localAuthority, regionCode: "E12000005"),
        Area(code: "E10000014", name: "Hampshire", type: .localAuthority, regionCode: "E12000008"),
    ]
    static let neighbours = [
        StatisticalNeighbours(edition: "2025", areaCode: council, neighbours: [
            StatisticalNeighbour(rank: 1, areaCode: "E10000034", closeness: nil),
            StatisticalNeighbour(rank: 2, areaCode: "E10000024", closeness: nil),
        ]),
        StatisticalNeighbours(edition: "2025", areaCode: "E10000014", neighbours: [StatisticalNeighbour(rank: 1, areaCode: "E10000028", closeness: nil)]),
    ]
    static let groups = [
        ComparatorGroup(code: "SHIRES", name: "Shire counties", memberCodes: [council, "E10000014", "E10000034"]),
        ComparatorGroup(code: "OWN", name: "Warwickshire's own", ownerAreaCode: council, memberCodes: ["E10000024"]),
        ComparatorGroup(code: "OTHER", name: "Another council's", ownerAreaCode: "E10000014", memberCodes: ["E06000051"]),
        ComparatorGroup(code: "ALONE", name: "Only the council", memberCodes: [council]),
    ]

    static func observation(_ area: String, _ label: String, _ value: Double?, symbol: StatusSymbol? = nil, breakdown: Breakdown = .total) throws -> Observation {
        Observation(
            measureCode: "ReReferral", areaCode: area, period: try Period.parse(label, yearType: .financial), breakdown: breakdown,
            value: value, statusSymbol: symbol, source: "lait.csv"
        )
    }

    @Test("A council split or merged into others is in the region only for the periods it served, and its successors only from the day they began (found by exploratory testing)")
    func successionsServed() throws {
        let cumbria = "E10000006", cumberland = "E06000063", lancashire = "E10000017"
        let areas = [
            Area(code: "E12000002", name: "North West", type: .region),
            Area(code: lancashire, name: "Lancashire", type: .localAuthority, regionCode: "E12000002"),
            Area(code: cumbria, name: "Cumbria", type: .localAuthority, regionCode: "E12000002"),
            Area(code: cumberland, name: "Cumberland", type: .localAuthority, regionCode: "E12000002"),
        ]
        let successions = AreaSuccessions([AreaSuccession(predecessorCode: cumbria, successorCode: cumberland, from: CalendarDate(iso: "2023-04-01")!)])
        func compared(_ label: String) throws -> [String] {
            // LAIT's placeholders for the years a council did not serve, and a figure dated after Cumbria ended.
            let observations = [
                try Self.observation(lancashire, label, 20), try Self.observation(cumbria, label, label == "2024/25" ? 18 : nil, symbol: label == "2024/25" ? nil : .laitDash),
                try Self.observation(cumberland, label, nil, symbol: .laitDash),
            ]
            return MeasureComparison(
                measureCode: "ReReferral", periodLabel: label, councilAreaCode: lancashire, areas: areas, neighbours: [], groups: [],
                observations: observations, successions: successions
            ).areas.map(\.areaCode)
        }
        #expect(try compared("2021/22") == [cumbria])
        #expect(try compared("2022/23") == [cumbria], "Cumbria served to 31 March 2023; Cumberland began the day after")
        #expect(try compared("2023/24") == [cumberland])
        #expect(try compared("2024/25") == [cumberland], "a figure dated after Cumbria ended does not bring it back")
    }

    @Test("Neighbours, the region's other councils and the members of the groups the council sees, each with its total figure for the period")
    func areasCompared() throws {
        let observations = [
            try Self.observation("E10000034", "2024/25", 21.5),
            try Self.observation("E10000034", "2023/24", 30),
            try Self.observation("E10000034", "2024/25", 40, breakdown: Breakdown(["sex": "Female"])),
            try Self.observation("E10000024", "2024/25", nil, symbol: .confidential),
            try Self.observation("E10000014", "2024/25", 18.25),
            try Self.observation("E06000051", "2024/25", 12),
            try Self.observation(Self.council, "2024/25", 19),
        ]
        let comparison = MeasureComparison(
            measureCode: "ReReferral", periodLabel: "2024/25", councilAreaCode: Self.council, areas: Self.areas,
            neighbours: Self.neighbours, groups: Self.groups, observations: observations
        )
        // Shropshire and Staffordshire are in the region; Hampshire only in a group; Nottinghamshire a
        // neighbour and in the council's own group; Worcestershire all three. Another council's group
        // and a group of the council alone add no one.
        #expect(comparison.areas.map(\.areaCode) == ["E06000051", "E10000014", "E10000024", "E10000028", "E10000034"])
        #expect(comparison.areas.map(\.groupText) == [
            "Region", "Shire counties", "Statistical neighbour; Warwickshire's own", "Region", "Statistical neighbour and region; Shire counties",
        ])
        #expect(comparison.areas.map(\.value) == [12, 18.25, nil, nil, 21.5], "the total figure of 2024/25 only")
        #expect(comparison.areas[2].statusSymbol == .confidential)
        #expect(comparison.areas.map(\.areaName) == ["Shropshire", "Hampshire", "Nottinghamshire", "Staffordshire", "Worcestershire"])
        #expect(comparison.groupNames == ["Shire counties", "Warwickshire's own"])
    }

    @Test("A council another replaced is in the region only for a period it has a figure for, so no place is listed twice")
    func replacedCouncils() throws {
        // Buckinghamshire's county council (E10000002) was replaced by the unitary E06000060 in 2020
        // (la_lookup_from_ees.csv gives both DfE number 825).
        let areas = [
            Area(code: "E06000041", name: "Wokingham", type: .localAuthority, regionCode: "E12000008"),
            Area(code: "E10000002", name: "Buckinghamshire", type: .localAuthority, regionCode: "E12000008", successorCode: "E06000060"),
            Area(code: "E06000060", name: "Buckinghamshire", type: .localAuthority, regionCode: "E12000008"),
            Area(code: "E10000014", name: "Hampshire", type: .localAuthority, regionCode: "E12000008"),
        ]
        let observations = [
            try Self.observation("E10000002", "2018/19", 20), try Self.observation("E06000060", "2018/19", 21),
            try Self.observation("E06000060", "2024/25", 22),
        ]
        func compared(_ label: String) -> [String] {
            MeasureComparison(
                measureCode: "ReReferral", periodLabel: label, councilAreaCode: "E06000041", areas: areas,
                neighbours: [], groups: [], observations: observations
            ).areas.map(\.areaCode)
        }
        #expect(compared("2024/25") == ["E06000060", "E10000014"])
        #expect(compared("2018/19") == ["E06000060", "E10000002", "E10000014"], "the old council published that year")
    }

    @Test("A council with no neighbour list, no region and no groups is compared with no one")
    func noOne() throws {
        let comparison = MeasureComparison(
            measureCode: "ReReferral", periodLabel: "2024/25", councilAreaCode: "E06000099", areas: Self.areas,
            neighbours: Self.neighbours, groups: [], observations: [try Self.observation("E10000034", "2024/25", 21.5)]
        )
        #expect(comparison.areas.isEmpty)
        #expect(comparison.groupNames.isEmpty)
    }
}
