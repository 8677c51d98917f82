import Foundation
@testable import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

/// Migration 10 on both engines: publishing a report keeps what it said (PRODUCT.md R15, "a
/// published report is an immutable snapshot: what the committee saw on the day can always be
/// reproduced"), and later data, targets and commentary do not change it.
@Suite("Storage contract: published reports' snapshots (SQLite and PostgreSQL)")
struct StorageSnapshotTests {
    static let period = try! Period.parse("2024/25 Q4", yearType: .financial)
    static let publishedOn = CalendarDate(year: 2025, month: 5, day: 20)!

    @Test("publishing keeps the report as it stood; later targets and commentary change only a new publication", arguments: TestEngine.available)
    func publishKeepsTheReport(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            let definition = StorageCommitteeTests.definition(target: 20)
            try await store.saveCommittee(definition, by: "analyst")
            let label = Self.period.label
            _ = try await store.addCommentary(Commentary(committeeCode: "WARKS-CYP", measureCode: "PrevRegCPR", periodLabel: label, text: "One.", author: "Officer"), by: "officer")

            // Publishing without a snapshot is refused and writes nothing.
            let revision = try await store.revision()
            await #expect(throws: StoreError.publishedWithoutSnapshot(committee: "WARKS-CYP", period: label)) {
                _ = try await store.setPublication(ReportPublication(committeeCode: "WARKS-CYP", periodLabel: label, stage: .published, changedBy: "Analyst"))
            }
            #expect(try await store.revision() == revision)
            #expect(try await store.publications(committeeCode: "WARKS-CYP").isEmpty)
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: label) == nil)

            // Nor is a draft published: draft, then checked, then published (R15).
            let audited = try await store.auditTrail().count
            await #expect(throws: StoreError.publishedUnchecked(committee: "WARKS-CYP", period: label)) {
                _ = try await store.moveReport(definition, period: Self.period, to: .published, by: "Analyst", today: Self.publishedOn)
            }
            // A report with no stage is a draft: marking it draft writes nothing.
            let unmarked = try await store.moveReport(definition, period: Self.period, to: .draft, by: "Analyst", today: Self.publishedOn)
            #expect(unmarked == ReportPublication(committeeCode: "WARKS-CYP", periodLabel: label, stage: .draft, changedBy: ""))
            #expect(try await store.auditTrail().count == audited, "nothing was written")
            let checked = try await store.moveReport(definition, period: Self.period, to: .checked, by: "Analyst", today: Self.publishedOn)
            _ = try await store.moveReport(definition, period: Self.period, to: .draft, by: "Analyst", today: Self.publishedOn)
            await #expect(throws: StoreError.publishedUnchecked(committee: "WARKS-CYP", period: label)) {
                _ = try await store.moveReport(definition, period: Self.period, to: .published, by: "Analyst", today: Self.publishedOn)
            }
            #expect(try await store.auditTrail().count == audited + 2, "only the moves to checked and back to draft were written")
            #expect(try await store.publications(committeeCode: "WARKS-CYP").map(\.stage) == [.draft])
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: label) == nil)

            let asItStood = try await store.reportSnapshot(of: definition, period: Self.period, today: Self.publishedOn, by: "Analyst")
            #expect(try await store.moveReport(definition, period: Self.period, to: .checked, by: "Analyst", today: Self.publishedOn).stage == checked.stage)
            // A stage saved as it stands is left as it was, set when and by whom it was (no audit row).
            let checkedAgain = try await store.moveReport(definition, period: Self.period, to: .checked, by: "Officer", today: Self.publishedOn)
            let stored = try await store.publications(committeeCode: "WARKS-CYP")
            #expect(checkedAgain.changedBy == "Analyst" && [checkedAgain] == stored)
            #expect(try await store.auditTrail().count == audited + 3)
            let publication = try await store.moveReport(definition, period: Self.period, to: .published, by: "Analyst", today: Self.publishedOn)
            #expect(publication.stage == .published)
            #expect(try await store.publications(committeeCode: "WARKS-CYP") == [publication])
            // The audit row says the day it was judged as on, which --as-of may set (found by exploratory testing).
            #expect(try await store.auditTrail().last?.action == "mark report WARKS-CYP 2024/25 Q4 published (snapshot 1), judged as on \(Self.publishedOn.iso)")

            let kept = try #require(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: label))
            #expect((kept.version, kept.takenBy, kept.takenAt) == (1, "Analyst", publication.changedAt))
            // Read back exactly as assessed: every figure, judgement and reason, for every audience.
            #expect(kept.assessments == asItStood.assessments)
            #expect(kept.assessments.map(\.audience) == Audience.allCases)
            #expect(kept.assessments.allSatisfy { $0.today == Self.publishedOn })
            #expect(kept.commentary(on: "PrevRegCPR")?.text == "One.")
            #expect(kept.targets(of: "PrevRegCPR").map(\.value) == [20])
            // And each measure's comparison with other councils, as it stood.
            #expect(kept.comparisons == asItStood.comparisons)
            #expect(kept.comparison(of: "PrevRegCPR")?.measureCode == "PrevRegCPR")
            let status = try #require(kept.assessment(for: .member)?.measures.first { $0.measure.code == "PrevRegCPR" }?.status)
            #expect(status.reason.contains("local target of 20"), "the status is judged against the target in force when published: \(status.reason)")

            // A new target and new commentary change the report as it stands now, not the published one.
            try await store.saveCommittee(StorageCommitteeTests.definition(target: 18), by: "analyst")
            _ = try await store.addCommentary(Commentary(committeeCode: "WARKS-CYP", measureCode: "PrevRegCPR", periodLabel: label, text: "Two.", author: "Officer"), by: "officer")
            let now = try await store.reportSnapshot(of: StorageCommitteeTests.definition(target: 18), period: Self.period, today: Self.publishedOn, by: "Analyst")
            #expect(now.assessments != kept.assessments, "the new target changes the assessment")
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: label) == kept)

            // Moved back and published again: a second version, and the first is kept.
            _ = try await store.moveReport(definition, period: Self.period, to: .checked, by: "Analyst", today: Self.publishedOn)
            #expect(try await store.publications(committeeCode: "WARKS-CYP").map(\.stage) == [.checked])
            _ = try await store.moveReport(StorageCommitteeTests.definition(target: 18), period: Self.period, to: .published, by: "Analyst", today: Self.publishedOn)
            let second = try #require(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: label))
            #expect(second.version == 2)
            #expect(second.assessments == now.assessments)
            #expect(second.commentary(on: "PrevRegCPR")?.text == "Two.")
            #expect(second.targets(of: "PrevRegCPR").map(\.value) == [20, 18])
            // Each publication can still be read by its number, and they are listed oldest first.
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: label, version: 1) == kept)
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: label, version: 2) == second)
            #expect(try await store.reportSnapshot(committeeCode: "WARKS-CYP", periodLabel: label, version: 3) == nil)
            let versions = try await store.reportSnapshotVersions(committeeCode: "WARKS-CYP", periodLabel: label)
            #expect(versions == [
                ReportSnapshotVersion(version: 1, takenBy: kept.takenBy, takenAt: kept.takenAt),
                ReportSnapshotVersion(version: 2, takenBy: second.takenBy, takenAt: second.takenAt),
            ])
            #expect(try await store.reportSnapshotVersions(committeeCode: "WARKS-CYP", periodLabel: "2025/26 Q1").isEmpty)
        }
    }
}
