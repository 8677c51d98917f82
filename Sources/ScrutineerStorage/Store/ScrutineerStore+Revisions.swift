import ScrutineerCore

extension ScrutineerStore {
    /// The revisions of the council's figures for `measure` that `audience` may read (PRODUCT.md R7
    /// and R15) for periods up to the report's `reportingPeriod`: as known at revision `asOfRevision`
    /// of the data (a published report's, so that it reads the same later; history is never
    /// rewritten), else as they stand now; with `after`, only those made after that revision (what
    /// changed since a report was published).
    public func figureRevisions(
        of measure: Measure, councilAreaCode: String, upTo reportingPeriod: Period, asOfRevision: Int?, after: Int? = nil, audience: Audience
    ) async throws -> FigureRevisions {
        let query = ObservationQuery(measureCode: measure.code, areaCode: councilAreaCode, asOfRevision: asOfRevision)
        return try await figureRevisions(query, of: [measure], councilAreaCode: councilAreaCode, upTo: reportingPeriod, after: after, audience: audience)[0]
    }

    /// As `figureRevisions(of:…)` for each of `measures`, in their order, read in one pass over the
    /// council's history.
    public func figureRevisions(
        of measures: [Measure], councilAreaCode: String, upTo reportingPeriod: Period, asOfRevision: Int?, after: Int? = nil,
        publishedBy day: CalendarDate? = nil, audience: Audience
    ) async throws -> [FigureRevisions] {
        let query = ObservationQuery(areaCode: councilAreaCode, asOfRevision: asOfRevision)
        return try await figureRevisions(query, of: measures, councilAreaCode: councilAreaCode, upTo: reportingPeriod, after: after, publishedBy: day, audience: audience)
    }

    private func figureRevisions(
        _ query: ObservationQuery, of measures: [Measure], councilAreaCode: String, upTo reportingPeriod: Period, after: Int?,
        publishedBy day: CalendarDate? = nil, audience: Audience
    ) async throws -> [FigureRevisions] {
        let replaced = try await observationHistory(query).map {
            ReplacedFigure(observation: $0.observation, replacedBy: $0.supersededBy, replacedAt: $0.supersededAt)
        }
        let current = replaced.isEmpty ? [] : try await observations(query)
        return measures.map {
            FigureRevisions(measure: $0, councilAreaCode: councilAreaCode, replaced: replaced, current: current, audience: audience, upTo: reportingPeriod, after: after, publishedBy: day)
        }
    }
}
