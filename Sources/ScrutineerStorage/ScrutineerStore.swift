import ScrutineerCore

/// Which observations to read: every filter is optional; nil means all.
public struct ObservationQuery: Sendable, Hashable {
    public var measureCode: String?
    public var areaCode: String?
    public var periodLabel: String?
    /// The figures as they stood at this revision of the data (an audit id: `revision()` now,
    /// `revision(at:)` at a time, `ReportSnapshot.revision` when a committee's report was published,
    /// PRODUCT.md R15): each cell's version that an import had written by then and none had yet
    /// replaced, and, for history, the versions replaced by then. Nil: as they stand now.
    public var asOfRevision: Int?

    public init(measureCode: String? = nil, areaCode: String? = nil, periodLabel: String? = nil, asOfRevision: Int? = nil) {
        self.measureCode = measureCode
        self.areaCode = areaCode
        self.periodLabel = periodLabel
        self.asOfRevision = asOfRevision
    }
}

/// One row of the audit trail: who imported or changed what, when, from which files.
public struct AuditEntry: Sendable, Hashable {
    /// Increases with every entry; observations and their history name the import by it.
    public var id: Int
    /// What was done: `import lait`, `set target CODE local of E10000031 version 2`…
    public var action: String
    /// Who did it, as the command or the web session named them.
    public var user: String
    /// When: ISO 8601, UTC (`2025-11-23T16:08:13Z`).
    public var at: String
    /// The files an import read, in the order given; empty for other actions.
    public var files: [String]
    /// What an import did; nil for other actions.
    public var summary: ImportSummary?

    public init(id: Int, action: String, user: String, at: String, files: [String], summary: ImportSummary?) {
        self.id = id
        self.action = action
        self.user = user
        self.at = at
        self.files = files
        self.summary = summary
    }
}

/// An earlier version of an observation cell, and the import that replaced it.
public struct SupersededObservation: Sendable, Hashable {
    /// The values as they were.
    public var observation: Observation
    /// The audit id of the import that wrote this version.
    public var importedBy: Int
    /// The audit id of the import that replaced it.
    public var supersededBy: Int
    /// When it was replaced: ISO 8601, UTC.
    public var supersededAt: String

    public init(observation: Observation, importedBy: Int, supersededBy: Int, supersededAt: String) {
        self.observation = observation
        self.importedBy = importedBy
        self.supersededBy = supersededBy
        self.supersededAt = supersededAt
    }
}

/// Scrutineer's memory, by intention. One SQL implementation serves SQLite and PostgreSQL;
/// the contract test suite runs against both.
public protocol ScrutineerStore: Sendable {
    /// Brings the schema up to the newest migration (idempotent).
    func migrate() async throws
    /// Writes a validated batch in one transaction: new records added, changed ones superseded
    /// (old values kept in history), identical ones left alone; audited with `user` and the files.
    func importBatch(_ batch: ImportBatch, by user: String) async throws -> ImportSummary
    /// Every measure, by code.
    func measures() async throws -> [Measure]
    /// Every area, by code.
    func areas() async throws -> [Area]
    /// Every succession of a council split or merged into others.
    func areaSuccessions() async throws -> AreaSuccessions
    /// What an import is checked against: every measure and area, and every breakdown stored.
    func importContext() async throws -> ImportContext
    /// Current observations matching `query` (or as they stood at `query.asOfRevision`), ordered by
    /// measure, area, period (end, start, label) and breakdown.
    func observations(_ query: ObservationQuery) async throws -> [Observation]
    /// Earlier, superseded versions of one observation cell, oldest first, each with when and by
    /// which import it was replaced.
    func observationHistory(_ key: ObservationKey) async throws -> [SupersededObservation]
    /// Earlier versions of every cell matching `query` (those replaced by `query.asOfRevision`, when
    /// given), ordered as `observations(_:)` orders the cells, each cell's oldest first.
    func observationHistory(_ query: ObservationQuery) async throws -> [SupersededObservation]
    /// Every LA's neighbour list in one edition ("2021", "2025").
    func statisticalNeighbours(edition: String) async throws -> [StatisticalNeighbours]
    /// The editions of the statistical-neighbour lists held, in order.
    func statisticalNeighbourEditions() async throws -> [String]
    /// Every comparator group councils have defined, by code, members in code order.
    func comparatorGroups() async throws -> [ComparatorGroup]
    /// Adds a new version of a council's target, closing the one it replaces; returns it with its
    /// version. The target must name its council.
    func setTarget(_ target: Target, by user: String) async throws -> Target
    /// Every version of every target of a measure, oldest first: one council's, or every
    /// council's when `councilAreaCode` is nil.
    func targets(for measureCode: String, council councilAreaCode: String?) async throws -> [Target]
    /// Stores a committee's definition and records its changed targets as new versions of its
    /// council's targets, in one transaction, naming `file` in the audit trail; says what changed.
    @discardableResult
    func saveCommittee(_ definition: CommitteeDefinition, by user: String, file: String?) async throws -> CommitteeSave
    /// The definition of one committee, or nil.
    func committee(code: String) async throws -> CommitteeDefinition?
    /// Every committee, by code.
    func committees() async throws -> [Committee]
    /// The audit trail, oldest first.
    func auditTrail() async throws -> [AuditEntry]
    /// A number that grows with every audited change: what is computed from the data stays valid
    /// while it stays the same.
    func revision() async throws -> Int
    /// The revision the data had at `time` (ISO 8601, UTC, as the audit trail writes it): the
    /// newest audit id recorded then or before; 0 before the first change.
    func revision(at time: String) async throws -> Int

    // People and sessions (PRODUCT.md R16).
    /// Adds a person with their grants; fails when the name is taken.
    func addUser(_ account: UserAccount, passwordHash: String, by user: String) async throws -> UserAccount
    /// Replaces a person's name, role, council and grants.
    func updateUser(_ account: UserAccount, by user: String) async throws
    /// Replaces a person's password hash and ends their sessions.
    func setPasswordHash(_ hash: String, for username: String, by user: String) async throws
    /// The person with this sign-in name, with their password hash.
    func user(named username: String) async throws -> StoredUser?
    /// Every person.
    func users() async throws -> [UserAccount]
    /// Stores a signed-in session.
    func createSession(_ session: StoredSession) async throws
    /// The person and CSRF token of an unexpired session.
    func session(tokenHash: String, at now: String) async throws -> (account: UserAccount, csrfToken: String)?
    /// Ends a session, and every expired one.
    func deleteSession(tokenHash: String, expiredBy now: String) async throws
    /// Claims a sign-in attempt, recorded as failed until a success forgets it; false at the limit.
    func claimSignInAttempt(username: String, at: String, since: String, limit: Int) async throws -> Bool
    /// Takes back one claimed attempt whose password was never judged.
    func withdrawSignInAttempt(username: String, at: String) async throws
    /// Failed sign-ins for a name since a time.
    func signInFailureCount(username: String, since: String) async throws -> Int
    /// Forgets a name's failed sign-ins.
    func clearSignInFailures(username: String) async throws

    // Commentary and sign-off (PRODUCT.md R2, R15).
    /// Adds a new version of a measure's commentary for a period.
    func addCommentary(_ commentary: Commentary, by user: String) async throws -> Commentary
    /// The newest commentary on each measure of a committee's report for a period.
    func commentary(committeeCode: String, periodLabel: String) async throws -> [Commentary]
    /// Every version of one measure's commentary for a period, oldest first.
    func commentaryHistory(committeeCode: String, measureCode: String, periodLabel: String) async throws -> [Commentary]
    /// Moves a committee's report for a period to draft or checked (publishing is `publishReport`).
    func setPublication(_ publication: ReportPublication) async throws -> ReportPublication
    /// Publishes a committee's report for a period, keeping its snapshot as the next version.
    func publishReport(_ snapshot: ReportSnapshot) async throws -> ReportPublication
    /// Snapshot `version` of a committee's report for a period, or its newest when `version` is
    /// nil; nil when there is no such snapshot (never published, or not that many times).
    func reportSnapshot(committeeCode: String, periodLabel: String, version: Int?) async throws -> ReportSnapshot?
    /// Every snapshot of a committee's report for a period, oldest first, without what they hold.
    func reportSnapshotVersions(committeeCode: String, periodLabel: String) async throws -> [ReportSnapshotVersion]
    /// The sign-off stage of every report of a committee that has one.
    func publications(committeeCode: String) async throws -> [ReportPublication]

    // MARK: Committee requests (PRODUCT.md R12)
    /// Records a request a committee made at a meeting, numbered after its others; audited.
    func addRequest(_ request: CommitteeRequest, by user: String) async throws -> CommitteeRequest
    /// Records an answer to a request: a one-off's delivery, or a recurring one's for a report; audited.
    func deliverRequest(committeeCode: String, number: Int, _ delivery: CommitteeRequest.Delivery, by user: String) async throws -> CommitteeRequest
    /// Closes a request no longer needed, or ends a recurring one; audited.
    func closeRequest(committeeCode: String, number: Int, on day: CalendarDate, reason: String, by user: String) async throws -> CommitteeRequest
    /// Changes a request's wording, asker, provider or promised day (`CommitteeRequest.amending(_:)`
    /// says which are allowed); audited with what was and what became. Returns it amended.
    func amendRequest(committeeCode: String, number: Int, _ amendment: CommitteeRequest.Amendment, by user: String) async throws -> CommitteeRequest
    /// Every request of a committee with its deliveries, by number.
    func requests(committeeCode: String) async throws -> [CommitteeRequest]

    // MARK: Risk registers (PRODUCT.md R11)
    /// Every review of every risk a committee owns (written by `importBatch`), by risk and then day.
    func risks(committeeCode: String) async throws -> [RiskReview]
    /// Removes one review of a committee's risk, audited (`SQLStore.removeRiskReview`).
    @discardableResult
    func removeRiskReview(committeeCode: String, reference: String, reviewedOn day: CalendarDate, by user: String) async throws -> RiskReview

    // MARK: Finance returns (PRODUCT.md R10)
    /// Every line of every finance return of a committee (written by `importBatch`), by quarter,
    /// kind, service and line.
    func finance(committeeCode: String) async throws -> [FinanceLine]
    /// Releases connections and stops the store's threads.
    func close() async throws
}

extension ScrutineerStore {
    /// `saveCommittee(_:by:file:)` for a definition that came from no file.
    @discardableResult
    public func saveCommittee(_ definition: CommitteeDefinition, by user: String) async throws -> CommitteeSave {
        try await saveCommittee(definition, by: user, file: nil)
    }

    /// Runs `body`, then closes the store, also when `body` throws (its error is passed on, not
    /// one from closing): for whoever opened the store for one piece of work.
    public func closing<Result>(after body: () async throws -> Result) async throws -> Result {
        let result: Result
        do {
            result = try await body()
        } catch {
            try? await close()
            throw error
        }
        try await close()
        return result
    }
}
