import ScrutineerCore
import ScrutineerStorage
import ScrutineerViews

/// Builds a measure's comparison across the council, its statistical neighbours, its region and
/// the comparator groups it sees (its own and every council's), for the period of its latest
/// figure: the council's figure as the assessment shows it (with disclosure control for the
/// public), the others as published: as they stood on the day, for a published report that kept
/// them (`ReportSnapshot.comparisons`).
struct ComparisonBuilder {
    let cache: ReportCache

    func comparison(
        report: ReportAccess.Report, published: ReportSnapshot?, measure m: MeasureAssessment, councilName: String, sort: SiteComparison.SortKey, descending: Bool,
        sortHref: @escaping @Sendable (SiteComparison.SortKey, Bool) -> String, measureHref: String
    ) async throws -> SiteComparison {
        let compared: MeasureComparison
        if let kept = published?.comparison(of: m.measure.code) {
            compared = kept
        } else {
            let store = cache.store
            let label = MeasureComparison.period(of: m, reportingPeriod: report.period).label
            compared = MeasureComparison(
                measureCode: m.measure.code, periodLabel: label, councilAreaCode: report.committee.councilAreaCode, areas: try await cache.areas(),
                neighbours: try await store.newestStatisticalNeighbours(), groups: try await store.comparatorGroups(),
                observations: try await store.observations(ObservationQuery(measureCode: m.measure.code, periodLabel: label)),
                successions: try await store.areaSuccessions()
            )
        }
        let format = m.format
        var rows: [SiteComparison.Row] = [.init(
            areaCode: report.committee.councilAreaCode, areaName: councilName, group: "This council", value: m.latest?.value,
            valueText: m.latest?.text ?? "No figure", isCouncil: true
        )]
        for area in compared.areas {
            // For the public, another area's small count is withheld as the council's own is.
            let withheld = report.audience.appliesDisclosureControl && area.value.map { DisclosurePolicy.dfe.isSmallCount($0, of: m.measure.unit) } == true
            let value = withheld ? nil : area.value
            let text = if withheld {
                "c (\(StatusSymbol.confidential.meaning))"
            } else if let value { format.text(value) } else if let symbol = area.statusSymbol { "\(symbol.rawValue) (\(symbol.meaning))" } else { "No figure" }
            rows.append(.init(areaCode: area.areaCode, areaName: area.areaName, group: area.groupText, value: value, valueText: text, isCouncil: false))
        }
        let polarity = switch m.measure.polarity {
        case .highIsGood: "a higher figure is better"
        case .lowIsGood: "a lower figure is better"
        case .noJudgement: "neither higher nor lower is better"
        }
        return SiteComparison(
            measureTitle: m.measure.title, measureCode: m.measure.code, periodLabel: report.period.label, figuresPeriodLabel: compared.periodLabel,
            about: "figures for \(compared.periodLabel) · polarity: \(polarity)",
            rows: rows, groupNames: compared.groupNames, sort: sort, descending: descending, sortHref: sortHref, measureHref: measureHref
        )
    }
}
