import Foundation
import ScrutineerCore
import ScrutineerTestSupport
import Synchronization
import Testing
@testable import ScrutineerStorage

/// Migration 4 on both engines: people and their grants, sessions and their expiry, sign-in
/// failures, versioned commentary and report stages — each change audited.
@Suite("Storage: people, sessions, commentary and sign-off (SQLite and PostgreSQL)")
struct StoragePeopleTests {
    @Test("people, sessions and failures", arguments: TestEngine.available)
    func people(engine: TestEngine) async throws {
        try await withStore(engine) { store, _ in
            let added = try await store.addUser(UserAccount(username: "ada", displayName: "Ada", role: .administrator, committeeCodes: ["X"], measureCodes: ["A", "B"]), passwordHash: "$2b$04$hash", by: "setup")
            #expect(added.id > 0)
            #expect(try await store.user(named: "ada")?.account == added)
            await #expect(throws: StoreError.userExists("ada")) { _ = try await store.addUser(added, passwordHash: "h", by: "setup") }
            await #expect(throws: StoreError.unknownCouncil("E99999999")) {
                _ = try await store.addUser(UserAccount(username: "bo", displayName: "Bo", role: .analyst, councilAreaCode: "E99999999"), passwordHash: "h", by: "setup")
            }
            var changed = added
            changed.role = .member
            changed.measureCodes = []
            try await store.updateUser(changed, by: "setup")
            #expect(try await store.users() == [changed])

            try await store.createSession(StoredSession(tokenHash: "live", userId: added.id, csrfToken: "c1", createdAt: "2026-11-23T10:00:00Z", expiresAt: "2026-11-23T18:00:00Z"))
            try await store.createSession(StoredSession(tokenHash: "old", userId: added.id, csrfToken: "c2", createdAt: "2026-11-22T10:00:00Z", expiresAt: "2026-11-22T18:00:00Z"))
            #expect(try await store.session(tokenHash: "live", at: "2026-11-23T12:00:00Z")?.csrfToken == "c1")
            #expect(try await store.session(tokenHash: "old", at: "2026-11-23T12:00:00Z") == nil, "expired")
            try await store.setPasswordHash("$2b$04$other", for: "ada", by: "setup")
            #expect(try await store.session(tokenHash: "live", at: "2026-11-23T12:00:00Z") == nil, "a new password signs the person out")

            #expect(try await store.claimSignInAttempt(username: "ada", at: "2026-11-23T11:00:00Z", since: "2026-11-23T10:00:00Z", limit: 2))
            #expect(try await store.claimSignInAttempt(username: "ada", at: "2026-11-23T11:10:00Z", since: "2026-11-23T10:00:00Z", limit: 2))
            #expect(try await store.signInFailureCount(username: "ada", since: "2026-11-23T11:05:00Z") == 1)
            // At the limit the attempt is refused and not recorded; another name is not held back.
            #expect(try await !store.claimSignInAttempt(username: "ada", at: "2026-11-23T11:20:00Z", since: "2026-11-23T10:00:00Z", limit: 2))
            #expect(try await store.signInFailureCount(username: "ada", since: "2026-11-23T10:00:00Z") == 2)
            #expect(try await store.claimSignInAttempt(username: "bob", at: "2026-11-23T11:20:00Z", since: "2026-11-23T10:00:00Z", limit: 2))
            try await store.clearSignInFailures(username: "bob")
            #expect(try await store.signInFailureCount(username: "bob", since: "2026-01-01T00:00:00Z") == 0)
            // An administrator's new password lifts the hold on ada (and only on ada).
            #expect(try await store.claimSignInAttempt(username: "bob", at: "2026-11-23T11:21:00Z", since: "2026-11-23T10:00:00Z", limit: 2))
            try await store.setPasswordHash("$2b$04$third", for: "ada", by: "setup")
            #expect(try await store.signInFailureCount(username: "ada", since: "2026-01-01T00:00:00Z") == 0)
            #expect(try await store.signInFailureCount(username: "bob", since: "2026-01-01T00:00:00Z") == 1)
            try await store.clearSignInFailures(username: "bob")
            // Each grant is recorded with what it replaced (found by exploratory testing).
            #expect(try await store.auditTrail().map(\.action) == [
                "add user ada as administrator of every council, committees X, measures A, B",
                "update user ada as member of every council, committees X (was administrator of every council, committees X, measures A, B)",
                "set password of ada", "set password of ada",
            ])
            // Failures from before the window are forgotten at the next attempt, whoever's they were.
            #expect(try await store.claimSignInAttempt(username: "zed", at: "2026-11-23T09:00:00Z", since: "2026-11-23T08:00:00Z", limit: 2))
            #expect(try await store.claimSignInAttempt(username: "bob", at: "2026-11-23T12:00:00Z", since: "2026-11-23T11:00:00Z", limit: 2))
            #expect(try await store.signInFailureCount(username: "zed", since: "2026-01-01T00:00:00Z") == 0)
        }
    }

    @Test("twenty sign-in attempts for one name at the same moment, through two connections of each of two servers: exactly the limit of five are claimed", arguments: TestEngine.available)
    func simultaneousSignIns(engine: TestEngine) async throws {
        try await withStore(engine) { store, database in
            let other = try await database.open()
            let servers: [SQLStore] = [store, other]
            let claimed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<20 {
                    group.addTask {
                        try await servers[attempt % 2].claimSignInAttempt(username: "ada", at: "2026-11-25T10:00:00Z", since: "2026-11-25T09:45:00Z", limit: 5)
                    }
                }
                var count = 0
                for try await wasClaimed in group where wasClaimed { count += 1 }
                return count
            }
            try await other.close()
            #expect(claimed == 5)
            #expect(try await store.signInFailureCount(username: "ada", since: "2026-11-25T09:45:00Z") == 5)
        }
    }

    @Test("commentary versions and report stages", arguments: TestEngine.available)
    func commentaryAndStages(engine: TestEngine) async throws {
        try await withStore(engine) { store, _ in
            try await store.saveCommittee(CommitteeDefinition(committee: Committee(code: "C", name: "Committee", councilAreaCode: "E92000001", themes: [])), by: "setup")
            let first = try await store.addCommentary(Commentary(committeeCode: "C", measureCode: "M", periodLabel: "2026/27 Q2", text: "One.", author: "Officer"), by: "officer")
            let second = try await store.addCommentary(Commentary(committeeCode: "C", measureCode: "M", periodLabel: "2026/27 Q2", text: "Two.", author: "Officer"), by: "officer")
            #expect((first.version, second.version) == (1, 2))
            #expect(try await store.commentary(committeeCode: "C", periodLabel: "2026/27 Q2").map(\.text) == ["Two."])
            #expect(try await store.commentaryHistory(committeeCode: "C", measureCode: "M", periodLabel: "2026/27 Q2").map(\.text) == ["One.", "Two."])
            // The committee is updated in place: its commentary still refers to it.
            try await store.saveCommittee(CommitteeDefinition(committee: Committee(code: "C", name: "Renamed", councilAreaCode: "E92000001", themes: [])), by: "setup")

            _ = try await store.setPublication(ReportPublication(committeeCode: "C", periodLabel: "2026/27 Q2", stage: .checked, changedBy: "Analyst"))
            let renamed = try #require(try await store.committee(code: "C"))
            _ = try await store.moveReport(renamed, period: try Period.parse("2026/27 Q2", yearType: .financial), to: .checked, by: "Analyst", today: CalendarDate(year: 2026, month: 11, day: 23)!)
            _ = try await store.moveReport(renamed, period: try Period.parse("2026/27 Q2", yearType: .financial), to: .published, by: "Analyst", today: CalendarDate(year: 2026, month: 11, day: 23)!)
            #expect(try await store.publications(committeeCode: "C").map(\.stage) == [.published])
            let before = try await store.revision()
            _ = try await store.addCommentary(Commentary(committeeCode: "C", measureCode: "M", periodLabel: "2026/27 Q2", text: "Three.", author: "Officer"), by: "officer")
            #expect(try await store.revision() > before, "every change moves the revision")
        }
    }

    @Test("on PostgreSQL, signing in and out does not wait for an import under way on another server", .enabled(if: TestEngine.postgresRuns))
    func signInDuringImport() async throws {
        let data = try RealData.load()
        try await withStore(.postgresql) { store, database in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            let ada = try await store.addUser(UserAccount(username: "ada", displayName: "Ada", role: .analyst), passwordHash: "h", by: "setup")
            let webServer = try await database.open()
            let signedInAndOut = Flag()
            do {
                let (signing, finishedFirst) = try await store.inTransaction { session in
                    // An import is written and not yet committed, holding the write lock…
                    _ = try await ImportWriter(session: session).write(data.sampleLaitBatch, by: "analyst", at: StoreTimestamp.now(), progress: nil)
                    // …while another server records a failed sign-in, a sign-in and a sign-out.
                    let signing = Task {
                        _ = try await webServer.claimSignInAttempt(username: "ada", at: "2026-11-24T09:00:00Z", since: "2026-11-24T08:00:00Z", limit: 5)
                        try await webServer.clearSignInFailures(username: "ada")
                        try await webServer.createSession(StoredSession(
                            tokenHash: "t", userId: ada.id, csrfToken: "c", createdAt: "2026-11-24T09:00:01Z", expiresAt: "2026-11-24T17:00:00Z"
                        ))
                        try await webServer.deleteSession(tokenHash: "t", expiredBy: "2026-11-24T09:00:02Z")
                        signedInAndOut.set()
                    }
                    // Waiting would show as the flag unset after 10 s (then the commit lets it finish).
                    for _ in 0..<100 where !signedInAndOut.isSet { try await Task.sleep(for: .milliseconds(100)) }
                    return (signing, signedInAndOut.isSet)
                }
                #expect(finishedFirst, "the sign-in waited for the import to commit")
                try await signing.value
            } catch {
                try await webServer.close()
                throw error
            }
            try await webServer.close()
        }
    }
}

/// A flag one task sets and another reads.
private final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
