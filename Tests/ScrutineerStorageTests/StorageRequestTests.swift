import Foundation
import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

/// Migration 11 on both engines: what a committee asks for is tracked until it is delivered
/// (PRODUCT.md R12); every change is one transaction with its audit row, and a refused change
/// writes nothing.
@Suite("Storage contract: committee requests (SQLite and PostgreSQL)")
struct StorageRequestTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test("requests are numbered per committee, delivered once or for each report, closed, audited; refusals write nothing; a published report keeps them as they stood", arguments: TestEngine.available)
    func requestsTracked(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            let definition = StorageCommitteeTests.definition(target: 20)
            try await store.saveCommittee(definition, by: "analyst")
            // Modelled on the Warwickshire minutes (shared/seeds): a briefing note, and a breakdown every quarter.
            let note = try await store.addRequest(CommitteeRequest(
                committeeCode: "WARKS-CYP", raisedOn: Self.day("2025-01-15"), request: "  A briefing note to outline the work that was going on.\n",
                askedBy: "Councillor Kam Kaur", providedBy: "Becky Hale", dueBy: Self.day("2025-03-01"), recordedBy: "ignored"
            ), by: "clerk")
            #expect((note.number, note.request, note.recordedBy) == (1, "A briefing note to outline the work that was going on.", "clerk"))
            #expect(!note.recordedAt.isEmpty)
            let breakdown = try await store.addRequest(CommitteeRequest(
                committeeCode: "WARKS-CYP", raisedOn: Self.day("2025-01-15"), request: "A breakdown of re-registrations by district.",
                recurrence: .everyReport, measureCode: "PrevRegCPR", recordedBy: "clerk"
            ), by: "clerk")
            #expect(breakdown.number == 2)
            #expect(try await store.requests(committeeCode: "WARKS-CYP") == [note, breakdown])
            #expect(try await store.requests(committeeCode: "OTHER").isEmpty)

            // Refused changes: each says why, names the field, and writes nothing.
            let revision = try await store.revision()
            await #expect(throws: StoreError.requestRefused(CommitteeRequestError(field: "request", problem: "empty", expected: "what the committee asked for, in the minutes' words"))) {
                _ = try await store.addRequest(CommitteeRequest(committeeCode: "WARKS-CYP", raisedOn: Self.day("2025-01-15"), request: " \n", recordedBy: "clerk"), by: "clerk")
            }
            await #expect(throws: StoreError.unknownRequest(committee: "WARKS-CYP", number: 9)) {
                _ = try await store.deliverRequest(committeeCode: "WARKS-CYP", number: 9, .init(deliveredOn: Self.day("2025-02-01"), note: "Sent.", recordedBy: "clerk"), by: "clerk")
            }
            await #expect(throws: StoreError.requestRefused(CommitteeRequestError(field: "period", problem: "request 2 of WARKS-CYP is asked for every report", expected: "the report it was provided for, such as 2026/27 Q1"))) {
                _ = try await store.deliverRequest(committeeCode: "WARKS-CYP", number: 2, .init(deliveredOn: Self.day("2025-02-01"), note: "Sent.", recordedBy: "clerk"), by: "clerk")
            }
            // Not a measure the database holds: the foreign key refuses it, and the whole change rolls back.
            await #expect(throws: StoreError.self) {
                _ = try await store.addRequest(CommitteeRequest(committeeCode: "WARKS-CYP", raisedOn: Self.day("2025-01-15"), request: "More.", measureCode: "NoSuchMeasure", recordedBy: "clerk"), by: "clerk")
            }
            #expect(try await store.revision() == revision)
            #expect(try await store.requests(committeeCode: "WARKS-CYP") == [note, breakdown])

            let delivered = try await store.deliverRequest(committeeCode: "WARKS-CYP", number: 1, .init(deliveredOn: Self.day("2025-02-20"), note: "Emailed to members.", recordedBy: "x"), by: "clerk")
            #expect(delivered.deliveries.map(\.note) == ["Emailed to members."])
            #expect(delivered.deliveries.map(\.recordedBy) == ["clerk"])
            await #expect(throws: StoreError.requestRefused(CommitteeRequestError(field: "number", problem: "request 1 of WARKS-CYP was delivered on 2025-02-20", expected: "a request not yet delivered"))) {
                _ = try await store.deliverRequest(committeeCode: "WARKS-CYP", number: 1, .init(deliveredOn: Self.day("2025-02-21"), note: "Again.", recordedBy: "clerk"), by: "clerk")
            }
            _ = try await store.deliverRequest(committeeCode: "WARKS-CYP", number: 2, .init(periodLabel: "2024/25 Q4", deliveredOn: Self.day("2025-05-10"), note: "Table in appendix B.", recordedBy: "clerk"), by: "clerk")
            await #expect(throws: StoreError.requestRefused(CommitteeRequestError(field: "period", problem: "request 2 of WARKS-CYP was provided for 2024/25 Q4 on 2025-05-10", expected: "a report it has not been provided for"))) {
                _ = try await store.deliverRequest(committeeCode: "WARKS-CYP", number: 2, .init(periodLabel: "2024/25 Q4", deliveredOn: Self.day("2025-05-11"), note: "Again.", recordedBy: "clerk"), by: "clerk")
            }

            // Published: the report keeps its requests as they stood.
            let period = try Period.parse("2024/25 Q4", yearType: .financial)
            _ = try await store.moveReport(definition, period: period, to: .checked, by: "analyst", today: Self.day("2025-05-20"))
            _ = try await store.moveReport(definition, period: period, to: .published, by: "analyst", today: Self.day("2025-05-20"))
            let asPublished = try await store.requests(committeeCode: "WARKS-CYP")
            let snapshot = try #require(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4"))
            #expect(snapshot.requests == asPublished)
            #expect(snapshot.reportedRequests(for: .public).map(\.standing.code) == ["delivered", "provided"])

            let closed = try await store.closeRequest(committeeCode: "WARKS-CYP", number: 2, on: Self.day("2025-06-01"), reason: "The committee agreed the annual figure is enough.", by: "clerk")
            #expect(closed.closedOn == Self.day("2025-06-01"))
            await #expect(throws: StoreError.requestRefused(CommitteeRequestError(field: "number", problem: "request 2 of WARKS-CYP was closed on 2025-06-01", expected: "an open request"))) {
                _ = try await store.deliverRequest(committeeCode: "WARKS-CYP", number: 2, .init(periodLabel: "2025/26 Q1", deliveredOn: Self.day("2025-08-01"), note: "Late.", recordedBy: "clerk"), by: "clerk")
            }
            await #expect(throws: StoreError.requestRefused(CommitteeRequestError(field: "number", problem: "request 1 of WARKS-CYP was delivered on 2025-02-20", expected: "a request not yet delivered"))) {
                _ = try await store.closeRequest(committeeCode: "WARKS-CYP", number: 1, on: Self.day("2025-06-01"), reason: "Done.", by: "clerk")
            }
            let now = try await store.requests(committeeCode: "WARKS-CYP")
            #expect(now.map(\.closedReason) == [nil, "The committee agreed the annual figure is enough."])
            #expect(now[1].deliveries.map(\.periodLabel) == ["2024/25 Q4"])
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4")?.requests == asPublished, "closing it later does not change the published report")

            let actions = try await store.auditTrail().map(\.action).filter { $0.contains("request") }
            #expect(actions == [
                "record request WARKS-CYP 1", "record request WARKS-CYP 2", "record delivery of request WARKS-CYP 1",
                "record delivery of request WARKS-CYP 2 for 2024/25 Q4", "close request WARKS-CYP 2",
            ])
        }
    }

    @Test("an amendment changes the stored request and records what it was in the audit trail; a refused one writes nothing; a published report keeps the request as it stood", arguments: TestEngine.available)
    func requestsAmended(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            let definition = StorageCommitteeTests.definition(target: 20)
            try await store.saveCommittee(definition, by: "analyst")
            let note = try await store.addRequest(CommitteeRequest(
                committeeCode: "WARKS-CYP", raisedOn: Self.day("2025-01-15"), request: "A briefing note on the work going on.",
                askedBy: "Councillor Kam Kaur", providedBy: "Becky Hale", dueBy: Self.day("2025-03-01"), recordedBy: "clerk"
            ), by: "clerk")
            let period = try Period.parse("2024/25 Q4", yearType: .financial)
            _ = try await store.moveReport(definition, period: period, to: .checked, by: "analyst", today: Self.day("2025-02-20"))
            _ = try await store.moveReport(definition, period: period, to: .published, by: "analyst", today: Self.day("2025-02-20"))

            let moved = try await store.amendRequest(committeeCode: "WARKS-CYP", number: 1, .init(providedBy: "John Coleman", dueBy: .on(Self.day("2025-04-30"))), by: "clerk")
            #expect(moved.dueBy == Self.day("2025-04-30") && moved.providedBy == "John Coleman" && moved.request == note.request)
            #expect(try await store.requests(committeeCode: "WARKS-CYP").first?.firstDueBy == Self.day("2025-03-01"), "the day first promised is stored (migration 14)")
            let cleared = try await store.amendRequest(committeeCode: "WARKS-CYP", number: 1, .init(request: "A briefing note on the work going on, by service.", dueBy: .none), by: "chair's clerk")
            #expect(try await store.requests(committeeCode: "WARKS-CYP") == [cleared])
            #expect(cleared.dueBy == nil && cleared.request == "A briefing note on the work going on, by service." && cleared.askedBy == "Councillor Kam Kaur")
            #expect(cleared.firstDueBy == Self.day("2025-03-01"))
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2024/25 Q4")?.requests == [note], "the published report keeps the request as it stood")

            let revision = try await store.revision()
            await #expect(throws: StoreError.requestRefused(CommitteeRequestError(field: "due-by", problem: "2025-01-01 is before the meeting that asked (2025-01-15)", expected: "a day on or after 2025-01-15"))) {
                _ = try await store.amendRequest(committeeCode: "WARKS-CYP", number: 1, .init(dueBy: .on(Self.day("2025-01-01"))), by: "clerk")
            }
            await #expect(throws: StoreError.unknownRequest(committee: "WARKS-CYP", number: 2)) {
                _ = try await store.amendRequest(committeeCode: "WARKS-CYP", number: 2, .init(dueBy: .none), by: "clerk")
            }
            #expect(try await store.revision() == revision, "a refused amendment writes nothing")
            _ = try await store.deliverRequest(committeeCode: "WARKS-CYP", number: 1, .init(deliveredOn: Self.day("2025-04-20"), note: "Emailed.", recordedBy: "clerk"), by: "clerk")
            let delivered = try await store.revision()
            #expect(delivered != revision)
            await #expect(throws: StoreError.requestRefused(CommitteeRequestError(field: "number", problem: "request 1 of WARKS-CYP was delivered on 2025-04-20", expected: "a request not yet delivered"))) {
                _ = try await store.amendRequest(committeeCode: "WARKS-CYP", number: 1, .init(providedBy: "Someone else"), by: "clerk")
            }
            #expect(try await store.revision() == delivered)

            let audit = try await store.auditTrail().filter { $0.action.hasPrefix("amend request") }
            #expect(audit.map(\.action) == [
                #"amend request WARKS-CYP 1: provided by "Becky Hale" → "John Coleman"; due by 2025-03-01 → 2025-04-30"#,
                #"amend request WARKS-CYP 1: request reworded (was "A briefing note on the work going on."); due by 2025-04-30 → no day"#,
            ])
            #expect(audit.map(\.user) == ["clerk", "chair's clerk"])
        }
    }
}
