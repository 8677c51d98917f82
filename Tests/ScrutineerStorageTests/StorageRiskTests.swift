import Foundation
import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

/// Migration 12 on both engines: a committee's risk register (PRODUCT.md R11), imported like any
/// file (R14): all or nothing, a repeat changes nothing, a correction replaces only the review it
/// corrects, and a published report keeps the register as it stood (R15).
@Suite("Storage contract: risk registers (SQLite and PostgreSQL)")
struct StorageRiskTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func review(_ reference: String, on iso: String, _ likelihood: Int, _ impact: Int, committee: String = "WARKS-CYP", target: RiskScore? = nil) -> RiskReview {
        RiskReview(
            committeeCode: committee, reference: reference, title: "Risk \(reference)", description: "Why \(reference) matters.",
            owner: "Director of Children and Families", reviewedOn: day(iso), score: RiskScore(likelihood: likelihood, impact: impact),
            target: target, mitigation: "What is done about \(reference)."
        )
    }

    static func batch(_ reviews: [RiskReview]) -> ImportBatch {
        ImportBatch(kind: .risks, files: ["risks.csv"], rowsRead: reviews.count, riskReviews: reviews)
    }

    @Test("reviews are added, a repeat changes nothing, a correction changes one, a refused import writes nothing, a published report keeps them", arguments: TestEngine.available)
    func registerImported(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            let definition = StorageCommitteeTests.definition(target: 20)
            try await store.saveCommittee(definition, by: "analyst")
            let march = [
                Self.review("CYP-R01", on: "2025-03-10", 3, 4, target: RiskScore(likelihood: 2, impact: 3)),
                Self.review("CYP-R02", on: "2025-03-10", 4, 4),
            ]
            let added = try await store.importBatch(Self.batch(march), by: "analyst")
            #expect((added.added, added.changed, added.unchanged) == (2, 0, 0))
            #expect(added.records[.riskReview] == ImportTally(added: 2))
            #expect(try await store.risks(committeeCode: "WARKS-CYP") == march)

            let repeated = try await store.importBatch(Self.batch(march), by: "analyst")
            #expect(repeated.changedNothing)
            #expect(repeated.unchanged == 2)

            // June's review, and March's CYP-R02 corrected (its impact was 3, not 4).
            let june = [Self.review("CYP-R02", on: "2025-03-10", 4, 3), Self.review("CYP-R01", on: "2025-06-09", 4, 4), Self.review("CYP-R02", on: "2025-06-09", 4, 3)]
            let corrected = try await store.importBatch(Self.batch(june), by: "officer")
            #expect((corrected.added, corrected.changed, corrected.unchanged) == (2, 1, 0))
            let stored = try await store.risks(committeeCode: "WARKS-CYP")
            #expect(stored.map { "\($0.reference) \($0.reviewedOn.iso) \($0.score.value)" } == [
                "CYP-R01 2025-03-10 12", "CYP-R01 2025-06-09 16", "CYP-R02 2025-03-10 12", "CYP-R02 2025-06-09 12",
            ])
            #expect(stored[0].target == RiskScore(likelihood: 2, impact: 3))
            #expect(stored[1].target == nil)
            #expect(stored[0].description == "Why CYP-R01 matters.")

            // Refused: a committee the database does not hold, or a review twice in one batch. Nothing is written.
            let revision = try await store.revision()
            await #expect(throws: StoreError.self) {
                _ = try await store.importBatch(Self.batch([Self.review("CYP-R03", on: "2025-06-09", 2, 2), Self.review("X-R1", on: "2025-06-09", 2, 2, committee: "NO-SUCH")]), by: "analyst")
            }
            await #expect(throws: StoreError.duplicateInBatch(record: "risk review", key: "WARKS-CYP risk CYP-R03 on 2025-06-09")) {
                _ = try await store.importBatch(Self.batch([Self.review("CYP-R03", on: "2025-06-09", 2, 2), Self.review("CYP-R03", on: "2025-06-09", 3, 2)]), by: "analyst")
            }
            #expect(try await store.revision() == revision)
            #expect(try await store.risks(committeeCode: "WARKS-CYP") == stored)
            #expect(try await store.risks(committeeCode: "NO-SUCH").isEmpty)

            // Published: the report keeps the register as it stood; a later review does not change it.
            let period = try Period.parse("2025/26 Q1", yearType: .financial)
            _ = try await store.moveReport(definition, period: period, to: .checked, by: "analyst", today: Self.day("2025-07-20"))
            _ = try await store.moveReport(definition, period: period, to: .published, by: "analyst", today: Self.day("2025-07-20"))
            let snapshot = try #require(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2025/26 Q1"))
            #expect(snapshot.risks == stored)
            #expect(snapshot.reportedRisks(for: .public).map { "\($0.review.reference) \($0.trend.code)" } == ["CYP-R01 worse", "CYP-R02 unchanged"])
            _ = try await store.importBatch(Self.batch([Self.review("CYP-R01", on: "2025-07-30", 2, 2)]), by: "analyst")
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2025/26 Q1")?.risks == stored)

            let actions = try await store.auditTrail().map(\.action).filter { $0.contains("risks") }
            #expect(actions == Array(repeating: "import risks for WARKS-CYP", count: 4), "the refused imports left no audit row")

            // A review recorded on the wrong day is removed, audited; the published report keeps it.
            let wrong = try await store.removeRiskReview(committeeCode: "WARKS-CYP", reference: "CYP-R01", reviewedOn: Self.day("2025-07-30"), by: "analyst")
            #expect(wrong.score.value == 4)
            #expect(try await store.risks(committeeCode: "WARKS-CYP") == stored)
            #expect(try await store.auditTrail().last?.action == "remove risk review WARKS-CYP CYP-R01 of 2025-07-30 (score 4, open)")
            await #expect(throws: StoreError.unknownRiskReview(committee: "WARKS-CYP", reference: "CYP-R01", day: "2025-07-30", held: ["2025-03-10", "2025-06-09"], references: ["CYP-R01", "CYP-R02"])) {
                try await store.removeRiskReview(committeeCode: "WARKS-CYP", reference: "CYP-R01", reviewedOn: Self.day("2025-07-30"), by: "analyst")
            }
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: "2025/26 Q1")?.risks == stored)
        }
    }
}
