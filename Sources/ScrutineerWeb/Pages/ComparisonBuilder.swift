import ScrutineerCore
import ScrutineerStorage
import ScrutineerViews

/// Builds a measure's comparison across the council, its statistical neighbours, its region and
/// the comparator groups it sees (its own and every council's), for the period of its latest
/// figure: the council's figure as the assessment shows it (with disclosure control for the
/// public), the others as published.
struct ComparisonBuilder {
    let cache: ReportCache

    func comparison(
        report: ReportAccess.Report, measure m: MeasureAssessment, councilName: String, sort: SiteComparison.SortKey, descending: Bool,
        sortHref: @escaping @Sendable (SiteComparison.SortKey, Bool) -> String, measureHref: String
    ) async throws -> SiteComparison {
        let store = cache.store
        let council = report.committee.councilAreaCode
        let areas = Dictionary(try await cache.areas().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var neighbours = try await store.statisticalNeighbours(edition: "2025")
        if neighbours.isEmpty { neighbours = try await store.statisticalNeighbours(edition: "2021") }
        let neighbourCodes = Set(neighbours.first { $0.areaCode == council }?.neighbours.map(\.areaCode) ?? [])
        let region = areas[council]?.regionCode
        let regionCodes = Set(areas.values.filter { $0.regionCode == region && region != nil && $0.code != council && $0.type == .localAuthority }.map(\.code))

        let period = m.latest?.period ?? report.period
        let observations = try await store.observations(ObservationQuery(measureCode: m.measure.code, periodLabel: period.label)).filter { $0.breakdown.isTotal }
        var latest: [String: Observation] = [:]
        for o in observations { latest[o.areaCode] = o }
        let format = m.format

        var rows: [SiteComparison.Row] = []
        if let figure = m.latest {
            rows.append(.init(areaCode: council, areaName: councilName, group: "This council", value: figure.value, valueText: figure.text, isCouncil: true))
        } else {
            rows.append(.init(areaCode: council, areaName: councilName, group: "This council", value: nil, valueText: "No figure", isCouncil: true))
        }
        let groups = try await store.comparatorGroups().filter { $0.isSeen(by: council) }
        var groupNamesOf: [String: [String]] = [:]
        for group in groups {
            for code in group.memberCodes where code != council { groupNamesOf[code, default: []].append(group.name) }
        }
        for code in neighbourCodes.union(regionCodes).union(groupNamesOf.keys).sorted() {
            let standard = neighbourCodes.contains(code) && regionCodes.contains(code) ? "Statistical neighbour and region"
                : neighbourCodes.contains(code) ? "Statistical neighbour" : regionCodes.contains(code) ? "Region" : nil
            let group = ([standard].compactMap { $0 } + (groupNamesOf[code] ?? [])).joined(separator: "; ")
            let o = latest[code]
            let text: String
            if let value = o?.value { text = format.text(value) } else if let symbol = o?.statusSymbol { text = "\(symbol.rawValue) (\(symbol.meaning))" } else { text = "No figure" }
            rows.append(.init(areaCode: code, areaName: areas[code]?.name ?? code, group: group, value: o?.value, valueText: text, isCouncil: false))
        }
        let about = "\(period.label) · polarity: \(m.measure.polarity == .highIsGood ? "a higher figure is better" : m.measure.polarity == .lowIsGood ? "a lower figure is better" : "neither higher nor lower is better")"
        return SiteComparison(
            measureTitle: m.measure.title, measureCode: m.measure.code, periodLabel: report.period.label, about: about, rows: rows,
            groupNames: groups.filter { $0.memberCodes.contains { $0 != council } }.map(\.name), sort: sort, descending: descending, sortHref: sortHref, measureHref: measureHref
        )
    }
}
