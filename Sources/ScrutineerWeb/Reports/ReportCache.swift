import Foundation
import Hummingbird
import ScrutineerCore
import ScrutineerStorage
import Synchronization

/// What the pages and the API compute from the data — committee definitions, assessment indexes,
/// assessments, published reports' snapshots and whole anonymous pages — kept while the data's revision (the newest audit id)
/// stays the same. The revision is read from the database at most once per
/// `WebSettings.revisionCheckInterval`, so several servers on one database see each other's
/// changes within that interval, and this server's own changes at once (`invalidate()`).
///
/// What is loaded is kept only if the cache has not started again while it loaded (its
/// `generation`): a load that read the data before a change, and finished after the cache had
/// started again for it, would otherwise keep the old figures under the new revision until the
/// data next changed.
final class ReportCache: Sendable {
    struct AssessmentKey: Hashable {
        let committee: String
        let period: String
        let audience: Audience
        let today: CalendarDate
    }

    struct SnapshotKey: Hashable {
        let committee: String
        let period: String
        /// nil for the newest.
        let version: Int?
    }

    private struct State {
        /// How many times the cache has started again; what was loaded under another is not kept.
        var generation = 0
        var revision = -1
        var checkedAt = Date.distantPast
        var committees: [Committee]?
        var areas: [Area]?
        var measures: [Measure]?
        var definitions: [String: CommitteeDefinition?] = [:]
        var publications: [String: [ReportPublication]] = [:]
        var snapshots: [SnapshotKey: ReportSnapshot?] = [:]
        var snapshotVersions: [SnapshotKey: [ReportSnapshotVersion]] = [:]
        var indexes: [String: AssessmentIndex] = [:]
        var assessments: [AssessmentKey: CommitteeAssessment] = [:]
        var pages: [String: CachedPage] = [:]

        /// Forgets everything, in a new generation.
        mutating func startAgain() {
            let next = generation + 1
            self = State()
            generation = next
        }
    }

    /// A whole response body with its content type.
    struct CachedPage: Sendable {
        let body: Data
        let contentType: String
    }

    let store: any ScrutineerStore
    private let interval: Double
    private let state = Mutex(State())

    init(store: any ScrutineerStore, revisionCheckInterval: Double) {
        self.store = store
        interval = revisionCheckInterval
    }

    /// Forgets everything: this server has just changed the data.
    func invalidate() {
        state.withLock { $0.startAgain() }
    }

    /// Applies `update` unless the cache has started again since `generation`.
    private func keep(ifStill generation: Int, _ update: (inout State) -> Void) {
        state.withLock { s in
            if s.generation == generation { update(&s) }
        }
    }

    /// Brings the cache up to the database's revision when the interval has passed.
    func refresh() async throws {
        let due = state.withLock { Date().timeIntervalSince($0.checkedAt) >= interval }
        guard due else { return }
        let revision = try await store.revision()
        state.withLock { s in
            if s.revision != revision { s.startAgain() }
            s.revision = revision
            s.checkedAt = Date()
        }
    }

    /// The value at `path` while the revision holds, otherwise `load`ed and kept there.
    private func remembered<Value: Sendable>(_ path: WritableKeyPath<State, Value?> & Sendable, load: () async throws -> Value) async throws -> Value {
        try await refresh()
        let (cached, generation) = state.withLock { ($0[keyPath: path], $0.generation) }
        if let cached { return cached }
        let value = try await load()
        keep(ifStill: generation) { $0[keyPath: path] = value }
        return value
    }

    /// Every committee.
    func committees() async throws -> [Committee] {
        try await remembered(\.committees) { try await store.committees() }
    }

    /// One committee's definition, or nil.
    func definition(_ code: String) async throws -> CommitteeDefinition? {
        try await remembered(\.definitions[code]) { try await store.committee(code: code) }
    }

    /// The sign-off stage of a committee's reports.
    func publications(_ code: String) async throws -> [ReportPublication] {
        try await remembered(\.publications[code]) { try await store.publications(committeeCode: code) }
    }

    /// The reports of committee `code` as the public sees them: each that is published, and each
    /// that was and has been moved back to be corrected, which the public reads as last published
    /// until it is published again (PRODUCT.md R15), marked as by whoever published it then.
    func publicPublications(_ code: String) async throws -> [ReportPublication] {
        var seen: [ReportPublication] = []
        for publication in try await publications(code) {
            if publication.stage == .published {
                seen.append(publication)
            } else if let newest = try await snapshotVersions(code, period: publication.periodLabel).last {
                seen.append(ReportPublication(
                    committeeCode: code, periodLabel: publication.periodLabel, stage: .published, changedBy: newest.takenBy, changedAt: newest.takenAt
                ))
            }
        }
        return seen
    }

    /// The reports of committee `code` a reader sees: every one, with its stage, for one who may
    /// read its drafts; otherwise as the public sees them (`publicPublications`).
    func publications(_ code: String, readingDrafts: Bool) async throws -> [ReportPublication] {
        readingDrafts ? try await publications(code) : try await publicPublications(code)
    }

    /// The last day of the newest period any of `committees` has published a report for (one moved
    /// back to be corrected among them); nil when none has published one. With `code`, of a report
    /// published with that measure in it: a measure added to a committee after its last publication
    /// is not public until a report with it is published. A report published before snapshots were
    /// kept (migration 10) is read as its committee reports now.
    func publishedThrough(_ committees: [Committee], reporting code: String? = nil) async throws -> CalendarDate? {
        var end: CalendarDate?
        for committee in committees {
            for publication in try await publicPublications(committee.code) {
                guard let period = try? Period.parse(publication.periodLabel, yearType: .financial), end.map({ period.end > $0 }) ?? true else { continue }
                if let code {
                    if let snapshot = try await snapshot(committee.code, period: publication.periodLabel) {
                        guard snapshot.assessment(for: .public)?.measures.contains(where: { $0.measure.code == code }) == true else { continue }
                    } else if !committee.measureCodes.contains(code) {
                        continue
                    }
                }
                end = period.end
            }
        }
        return end
    }

    /// A snapshot of a committee's report for a period: its `version`th publication, or the newest
    /// when `version` is nil; nil when there is no such publication.
    func snapshot(_ code: String, period: String, version: Int? = nil) async throws -> ReportSnapshot? {
        try await remembered(\.snapshots[SnapshotKey(committee: code, period: period, version: version)]) {
            try await store.reportSnapshot(committeeCode: code, periodLabel: period, version: version)
        }
    }

    /// Each publication of a committee's report for a period, oldest first.
    func snapshotVersions(_ code: String, period: String) async throws -> [ReportSnapshotVersion] {
        try await remembered(\.snapshotVersions[SnapshotKey(committee: code, period: period, version: nil)]) {
            try await store.reportSnapshotVersions(committeeCode: code, periodLabel: period)
        }
    }

    /// Every area.
    func areas() async throws -> [Area] {
        try await remembered(\.areas) { try await store.areas() }
    }

    /// Every measure.
    func measures() async throws -> [Measure] {
        try await remembered(\.measures) { try await store.measures() }
    }

    /// The committee's assessment for a period and audience.
    func assessment(_ definition: CommitteeDefinition, period: Period, audience: Audience, today: CalendarDate) async throws -> CommitteeAssessment {
        try await refresh()
        let key = AssessmentKey(committee: definition.committee.code, period: period.label, audience: audience, today: today)
        let (cachedAssessment, cachedIndex, generation) = state.withLock { ($0.assessments[key], $0.indexes[key.committee], $0.generation) }
        if let cachedAssessment { return cachedAssessment }
        let index: AssessmentIndex
        if let cachedIndex {
            index = cachedIndex
        } else {
            index = try await store.assessmentIndex(for: definition)
            keep(ifStill: generation) { $0.indexes[key.committee] = index }
        }
        let assessment = try index.assess(committee: definition.committee, reportingPeriod: period, today: today, audience: audience)
        keep(ifStill: generation) { $0.assessments[key] = assessment }
        return assessment
    }

    /// A page already rendered for the public, and the generation a page made now belongs to.
    func page(_ key: String) async throws -> (page: CachedPage?, generation: Int) {
        try await refresh()
        return state.withLock { ($0.pages[key], $0.generation) }
    }

    /// Keeps a page rendered for the public, unless the cache has started again since
    /// `generation`. At most `maximumPages` are kept (addresses with made-up query strings must not
    /// grow the cache without end): past that, the pages start again.
    func keep(_ page: CachedPage, for key: String, ifStill generation: Int) {
        keep(ifStill: generation) { s in
            if s.pages.count >= Self.maximumPages { s.pages.removeAll(keepingCapacity: true) }
            s.pages[key] = page
        }
    }

    static let maximumPages = 2_000
}

extension ReportCache {
    /// The answer to a GET from the public: from the cache when this address was answered since
    /// the data last changed, otherwise made by `make` and kept. Signed-in readers (whose pages
    /// carry their name and CSRF token, and may show drafts) are always answered afresh.
    func publicResponse(_ request: Request, _ context: WebRequestContext, contentType: String, make: () async throws -> Data) async throws -> Response {
        guard context.viewer.account == nil else { return Response.body(try await make(), contentType: contentType) }
        let key = request.uri.description
        let (cached, generation) = try await page(key)
        if let cached { return Response.body(cached.body, contentType: cached.contentType) }
        let body = try await make()
        keep(CachedPage(body: body, contentType: contentType), for: key, ifStill: generation)
        return Response.body(body, contentType: contentType)
    }
}
