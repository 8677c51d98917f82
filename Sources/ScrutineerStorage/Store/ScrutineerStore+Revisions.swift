import ScrutineerCore

extension ScrutineerStore {
    /// The revisions of the council's figures for `measure` that `audience` may read (PRODUCT.md R7
    /// and R15) for periods up to the report's `reportingPeriod`: as known at `asOf` (a published
    /// report's time, so that it reads the same later; history is never rewritten), else as they
    /// stand now.
    public func figureRevisions(of measure: Measure, councilAreaCode: String, upTo reportingPeriod: Period, asOf: String?, audience: Audience) async throws -> FigureRevisions {
        let query = ObservationQuery(measureCode: measure.code, areaCode: councilAreaCode, asOf: asOf)
        return try await figureRevisions(query, of: [measure], councilAreaCode: councilAreaCode, upTo: reportingPeriod, audience: audience)[0]
    }

    /// As `figureRevisions(of:…)` for each of `measures`, in their order, read in one pass over the
    /// council's history.
    public func figureRevisions(of measures: [Measure], councilAreaCode: String, upTo reportingPeriod: Period, asOf: String?, audience: Audience) async throws -> [FigureRevisions] {
        let query = ObservationQuery(areaCode: councilAreaCode, asOf: asOf)
        return try await figureRevisions(query, of: measures, councilAreaCode: councilAreaCode, upTo: reportingPeriod, audience: audience)
    }

    private func figureRevisions(
        _ query: ObservationQuery, of measures: [Measure], councilAreaCode: String, upTo reportingPeriod: Period, audience: Audience
    ) async throws -> [FigureRevisions] {
        let replaced = try await observationHistory(query).map {
            ReplacedFigure(observation: $0.observation, replacedBy: $0.supersededBy, replacedAt: $0.supersededAt)
        }
        let current = replaced.isEmpty ? [] : try await observations(query)
        return measures.map { FigureRevisions(measure: $0, councilAreaCode: councilAreaCode, replaced: replaced, current: current, audience: audience, upTo: reportingPeriod) }
    }
}
