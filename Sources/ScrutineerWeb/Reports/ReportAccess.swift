import Foundation
import ScrutineerCore
import ScrutineerStorage
import ScrutineerViews

/// Which of a committee's reports a viewer may open, and for which period and audience
/// (PRODUCT.md R15, R16): the public reads published reports only; those who may read the
/// committee's drafts read any period.
struct ReportAccess: Sendable {
    let cache: ReportCache
    let today: CalendarDate

    /// A committee's report as one viewer may see it.
    struct Report: Sendable {
        let definition: CommitteeDefinition
        let period: Period
        let stage: ReportPublication.Stage
        let publication: ReportPublication?
        let audience: Audience
        /// The periods the viewer may choose, newest first, with their stage in words.
        let periods: [(label: String, text: String)]
        let canReadDrafts: Bool
        /// The earlier publication asked for (the `snapshot` parameter); nil for the report as it
        /// stands, which is its newest publication when it is published.
        let snapshotVersion: Int?

        var committee: Committee { definition.committee }
    }

    /// The latest quarter (financial year) that has ended by `today`: the period a report
    /// prepared now would cover.
    static func latestEndedQuarter(_ today: CalendarDate) -> Period {
        let current = Period.quarter(containing: today, yearType: .financial)
        return Period.quarter(containing: CalendarDate(dayNumber: current.start.dayNumber - 1), yearType: .financial)
    }

    /// The committee `code` if the viewer may see any of its reports.
    func committee(_ code: String, for account: UserAccount?) async throws -> CommitteeDefinition {
        guard let definition = try await cache.definition(code) else { throw WebError.notFound("There is no committee \(code).") }
        if AccessPolicy.canReadDrafts(account, of: definition.committee) { return definition }
        guard try await !cache.publicPublications(code).isEmpty else { throw WebError.notFound("There is no published report of committee \(code).") }
        return definition
    }

    /// The report of committee `code` for the period asked for (the `period` parameter), or the
    /// newest the viewer may see; with `snapshot`, that report's publication of that number
    /// (PRODUCT.md R15), which whoever may read the report may read, whatever its stage now.
    func report(_ code: String, period requested: String?, snapshot: String? = nil, for account: UserAccount?) async throws -> Report {
        let definition = try await committee(code, for: account)
        let canReadDrafts = AccessPolicy.canReadDrafts(account, of: definition.committee)
        // Those who may not read drafts read publications only: a report moved back to be
        // corrected stays, for them, as it was last published.
        let publications = try await cache.publications(code, readingDrafts: canReadDrafts)
        let stages = Dictionary(publications.map { ($0.periodLabel, $0) }, uniquingKeysWith: { $1 })

        var choices: [Period] = publications.compactMap { try? Period.parse($0.periodLabel, yearType: .financial) }
        if canReadDrafts {
            var quarter = Self.latestEndedQuarter(today)
            for _ in 0..<8 {
                choices.append(quarter)
                quarter = Period.quarter(containing: CalendarDate(dayNumber: quarter.start.dayNumber - 1), yearType: .financial)
            }
        }
        var seen = Set<String>()
        choices = choices.sorted { ($0.end.dayNumber, $0.start.dayNumber) > ($1.end.dayNumber, $1.start.dayNumber) }.filter { seen.insert($0.label).inserted }

        let period: Period
        if let requested, !requested.isEmpty {
            do {
                period = try Period.parse(requested, yearType: .financial)
            } catch {
                throw WebError.badParameter("period", "period: \(error) (expected a reporting period such as 2026/27 Q2)")
            }
            if !canReadDrafts && stages[period.label]?.stage != .published {
                throw WebError.notFound("The report of \(definition.committee.name) for \(period.label) has not been published.")
            }
        } else if let newest = choices.first {
            period = newest
        } else {
            throw WebError.notFound("There is no published report of committee \(code).")
        }
        let periods = choices.map { p in (label: p.label, text: "\(p.label) (\((stages[p.label]?.stage ?? .draft).rawValue))") }
        return Report(
            definition: definition, period: period, stage: stages[period.label]?.stage ?? .draft, publication: stages[period.label],
            audience: AccessPolicy.audience(account, for: definition.committee), periods: periods, canReadDrafts: canReadDrafts,
            snapshotVersion: try await snapshotVersion(snapshot, of: definition.committee, period: period)
        )
    }

    /// The publication number `text` asks for, checked against those the report has; nil when none
    /// is asked for.
    private func snapshotVersion(_ text: String?, of committee: Committee, period: Period) async throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let version = Int(text), version >= 1 else {
            throw WebError.badParameter("snapshot", "snapshot: \(text) is not a publication number (expected a whole number from 1)")
        }
        let versions = try await cache.snapshotVersions(committee.code, period: period.label)
        guard versions.contains(where: { $0.version == version }) else {
            let expected = versions.isEmpty ? "it was never published" : versions.count == 1 ? "expected 1" : "expected a publication from 1 to \(versions.count)"
            throw WebError.notFound("The report of \(committee.name) for \(period.label) has no publication \(version) (\(expected)).")
        }
        return version
    }

    /// What the report said when it was published: the publication asked for, else the newest;
    /// nil when no publication was asked for and it is not published. A report published before
    /// Scrutineer kept snapshots (migration 10) has none, and is assessed afresh.
    func snapshot(_ report: Report) async throws -> ReportSnapshot? {
        if let version = report.snapshotVersion {
            return try await cache.snapshot(report.committee.code, period: report.period.label, version: version)
        }
        guard report.stage == .published else { return nil }
        return try await cache.snapshot(report.committee.code, period: report.period.label)
    }

    /// The report's assessment: as published, when it is; otherwise judged afresh as on `today`.
    func assessment(_ report: Report) async throws -> CommitteeAssessment {
        if let published = try await snapshot(report)?.assessment(for: report.audience) { return published }
        return try await cache.assessment(report.definition, period: report.period, audience: report.audience, today: today)
    }

    /// The newest commentary on each of the report's measures: as published, when it is. Officers'
    /// text below reaches the public as a published report kept it (`ReportSnapshot.publicTextRule`).
    func commentary(_ report: Report) async throws -> [Commentary] {
        let snapshot = try await snapshot(report)
        let written = if let snapshot { snapshot.commentary } else {
            try await cache.store.commentary(committeeCode: report.committee.code, periodLabel: report.period.label)
        }
        return written.map { $0.redacted(for: report.audience, rule: snapshot?.publicTextRule ?? .current) }
    }

    /// The committee's requests the report lists, as they stand on its day: as published, when it is.
    func requests(_ report: Report) async throws -> [ReportedRequest] {
        let snapshot = try await snapshot(report)
        let listed = if let snapshot { snapshot.reportedRequests(for: report.audience) } else {
            ReportedRequest.inReport(try await cache.store.requests(committeeCode: report.committee.code), period: report.period, on: today)
        }
        return listed.map { $0.redacted(for: report.audience, rule: snapshot?.publicTextRule ?? .current) }
    }

    /// The committee's risks the report lists, as they stand on its day: as published, when it is.
    func risks(_ report: Report) async throws -> [ReportedRisk] {
        let snapshot = try await snapshot(report)
        let listed = if let snapshot { snapshot.reportedRisks(for: report.audience) } else {
            ReportedRisk.inReport(try await cache.store.risks(committeeCode: report.committee.code), period: report.period, on: today)
        }
        return listed.map { $0.redacted(for: report.audience, rule: snapshot?.publicTextRule ?? .current) }
    }

    /// Every line of the committee's finance returns the report may show: as published, when it is.
    /// The report shows the newest return of its financial year (`FinanceReport.inReport`).
    func finance(_ report: Report) async throws -> [FinanceLine] {
        let snapshot = try await snapshot(report)
        let lines = if let snapshot { snapshot.finance ?? [] } else {
            try await cache.store.finance(committeeCode: report.committee.code)
        }
        return lines.map { $0.redacted(for: report.audience, rule: snapshot?.publicTextRule ?? .current) }
    }

    /// The revisions of the council's figures for `measure` up to the report's period that its
    /// reader may see: as they stood when the report was published (history is never rewritten, so
    /// this is what was known on the day), else as they stand now.
    func revisions(_ report: Report, measure: Measure) async throws -> FigureRevisions {
        try await revisions(report, measures: [measure])[0]
    }

    /// As `revisions(_:measure:)` for each of `measures`, in their order.
    /// A report lists the revisions published by its day, as its figures are those published by then.
    func revisions(_ report: Report, measures: [Measure]) async throws -> [FigureRevisions] {
        let snapshot = try await snapshot(report)
        return try await cache.store.figureRevisions(
            of: measures, councilAreaCode: report.committee.councilAreaCode, upTo: report.period,
            asOfRevision: snapshot.map { $0.revision ?? 0 }, publishedBy: snapshot?.assessments.first?.today ?? today, audience: report.audience
        )
    }

    /// The report's measures whose figures were revised, with their revisions, as its pages list
    /// them: the report's revisions.csv.
    func revisedFigures(_ report: Report, _ assessment: CommitteeAssessment) async throws -> [String: FigureRevisions] {
        let measures = assessment.measures.map(\.measure)
        return PackOptions.revised(measures, try await revisions(report, measures: measures))
    }

    /// For a report read as published, the revisions of the council's figures for each of
    /// `measures` (in their order) made since that publication, as its reader may see them
    /// (PRODUCT.md R15: the report keeps what the committee read, and says what changed since);
    /// nil for a report in preparation.
    func revisionsSincePublication(_ report: Report, measures: [Measure]) async throws -> [RevisionsSincePublication]? {
        guard let snapshot = try await snapshot(report) else { return nil }
        let revisions = try await cache.store.figureRevisions(
            of: measures, councilAreaCode: report.committee.councilAreaCode, upTo: report.period, asOfRevision: nil, after: snapshot.revision ?? 0,
            audience: report.audience
        )
        return revisions.map { RevisionsSincePublication(publishedAt: snapshot.takenAt, revisions: $0) }
    }
}
