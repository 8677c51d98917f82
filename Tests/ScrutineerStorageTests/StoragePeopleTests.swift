import Foundation
import ScrutineerCore
import ScrutineerTestSupport
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

            try await store.recordSignInFailure(username: "ada", at: "2026-11-23T11:00:00Z")
            try await store.recordSignInFailure(username: "ada", at: "2026-11-23T11:10:00Z")
            #expect(try await store.signInFailureCount(username: "ada", since: "2026-11-23T11:05:00Z") == 1)
            try await store.clearSignInFailures(username: "ada")
            #expect(try await store.signInFailureCount(username: "ada", since: "2026-01-01T00:00:00Z") == 0)
            #expect(try await store.auditTrail().map(\.action) == ["add user ada as administrator", "update user ada as member", "set password of ada"])
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
            _ = try await store.setPublication(ReportPublication(committeeCode: "C", periodLabel: "2026/27 Q2", stage: .published, changedBy: "Analyst"))
            #expect(try await store.publications(committeeCode: "C").map(\.stage) == [.published])
            let before = try await store.revision()
            _ = try await store.addCommentary(Commentary(committeeCode: "C", measureCode: "M", periodLabel: "2026/27 Q2", text: "Three.", author: "Officer"), by: "officer")
            #expect(try await store.revision() > before, "every change moves the revision")
        }
    }
}
