/// The areas a measure's comparison page sets beside the council (PRODUCT.md R5): its DfE
/// statistical neighbours, the other councils of its region and the members of the comparator
/// groups it sees, each with its figure for one period as published. A published report keeps
/// one for each of its measures, so its comparison reads as it did on the day (R15).
public struct MeasureComparison: Sendable, Hashable, Codable {
    /// One area beside the council.
    public struct ComparedArea: Sendable, Hashable, Codable {
        public var areaCode: String
        /// The area's name on the day.
        public var areaName: String
        public var isStatisticalNeighbour: Bool
        public var isInRegion: Bool
        /// The comparator groups the area is in, of those the council sees.
        public var groupNames: [String]
        /// Its figure for the period (total breakdown); nil when none was published, when the
        /// symbol says why.
        public var value: Double?
        public var statusSymbol: StatusSymbol?

        public init(
            areaCode: String, areaName: String, isStatisticalNeighbour: Bool, isInRegion: Bool, groupNames: [String],
            value: Double?, statusSymbol: StatusSymbol?
        ) {
            self.areaCode = areaCode
            self.areaName = areaName
            self.isStatisticalNeighbour = isStatisticalNeighbour
            self.isInRegion = isInRegion
            self.groupNames = groupNames
            self.value = value
            self.statusSymbol = statusSymbol
        }

        /// Why the area is compared, as the page's Group column says it: "Statistical neighbour",
        /// "Region", "Statistical neighbour and region", then its comparator groups' names.
        public var groupText: String {
            let standard: String? = switch (isStatisticalNeighbour, isInRegion) {
            case (true, true): "Statistical neighbour and region"
            case (true, false): "Statistical neighbour"
            case (false, true): "Region"
            case (false, false): nil
            }
            return ([standard].compactMap(\.self) + groupNames).joined(separator: "; ")
        }
    }

    public var measureCode: String
    /// The period the figures are for: the council's latest.
    public var periodLabel: String
    /// Every area compared, in order of code.
    public var areas: [ComparedArea]
    /// The names of the comparator groups the council sees that have members among `areas`.
    public var groupNames: [String]

    public init(measureCode: String, periodLabel: String, areas: [ComparedArea], groupNames: [String]) {
        self.measureCode = measureCode
        self.periodLabel = periodLabel
        self.areas = areas
        self.groupNames = groupNames
    }

    /// The period a measure is compared at: that of its latest figure, else the reporting period.
    public static func period(of measure: MeasureAssessment, reportingPeriod: Period) -> Period {
        measure.latest?.period ?? reportingPeriod
    }

    /// The comparison of `measureCode` for the council `councilAreaCode` in the period labelled
    /// `periodLabel`: its neighbours in `neighbours` (one edition's lists), the other local
    /// authorities of its region in `areas` (one another replaced only when it has a figure for the
    /// period), and the members of the `groups` it sees, each with
    /// its total figure among `observations` for that measure and period.
    public init(
        measureCode: String, periodLabel: String, councilAreaCode council: String, areas: [Area],
        neighbours: [StatisticalNeighbours], groups: [ComparatorGroup], observations: [Observation],
        successions: AreaSuccessions = AreaSuccessions([])
    ) {
        let areasByCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let neighbourCodes = Set(neighbours.first { $0.areaCode == council }?.neighbours.map(\.areaCode) ?? [])
        var figures: [String: Observation] = [:]
        var period: Period?
        for observation in observations
        where observation.measureCode == measureCode && observation.period.label == periodLabel && observation.breakdown.isTotal {
            figures[observation.areaCode] = observation
            period = observation.period
        }
        let region = areasByCode[council]?.regionCode
        // A council another replaced (Buckinghamshire's county E10000002 by E06000060) is in the
        // region only for a period it published a figure for, so the region never lists one place
        // twice; a council split or merged into others (Cumbria, Poole), or formed from them
        // (Cumberland, Bournemouth, Christchurch and Poole), only for a period it served.
        let regionCodes = Set(areas.filter { area in
            region != nil && area.regionCode == region && area.code != council && area.type == .localAuthority
                && (area.successorCode == nil || figures[area.code] != nil)
                && (period.map { successions.served(area.code, from: $0.start, to: $0.end) } ?? true)
        }.map(\.code))
        let seen = groups.filter { $0.isSeen(by: council) }
        var groupNamesOf: [String: [String]] = [:]
        for group in seen {
            for code in group.memberCodes where code != council { groupNamesOf[code, default: []].append(group.name) }
        }
        self.init(
            measureCode: measureCode, periodLabel: periodLabel,
            areas: neighbourCodes.union(regionCodes).union(groupNamesOf.keys).sorted().map { code in
                ComparedArea(
                    areaCode: code, areaName: areasByCode[code]?.name ?? code, isStatisticalNeighbour: neighbourCodes.contains(code),
                    isInRegion: regionCodes.contains(code), groupNames: groupNamesOf[code] ?? [],
                    value: figures[code]?.value, statusSymbol: figures[code]?.statusSymbol
                )
            },
            groupNames: seen.filter { $0.memberCodes.contains { $0 != council } }.map(\.name)
        )
    }
}
