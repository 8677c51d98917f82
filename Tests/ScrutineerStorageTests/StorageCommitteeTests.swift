import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerStorage

@Suite("Storage contract: committees (SQLite and PostgreSQL)")
struct StorageCommitteeTests {
    static func definition(target value: Double) -> CommitteeDefinition {
        CommitteeDefinition(
            committee: Committee(
                code: "WARKS-CYP", name: "Children and Young People OSC", councilAreaCode: "E10000031",
                themes: [CommitteeTheme(name: "Child Protection", owner: "AD Children", measureCodes: ["PrevRegCPR", "TotAbs"])]
            ),
            settings: [MeasureAssessmentSettings(measureCode: "PrevRegCPR", directionBasis: .samePeriodLastYear)],
            targets: [Target(
                measureCode: "PrevRegCPR", kind: .local, value: value, tolerance: 2,
                validFrom: CalendarDate(year: 2024, month: 4, day: 1)!, setBy: "analyst",
                setOn: CalendarDate(year: 2024, month: 3, day: 1)!, reason: "reviewed"
            )]
        )
    }

    @Test("a committee round-trips; saving it again keeps one target version; a changed target adds a version", arguments: TestEngine.contractEngines)
    func committees(engine: TestEngine) async throws {
        let data = try RealData.load()
        try await withStore(engine) { store, _ in
            _ = try await store.importBatch(data.areasBatch, by: "analyst")
            _ = try await store.importBatch(data.sampleLaitBatch, by: "analyst")
            try await store.saveCommittee(Self.definition(target: 20), by: "analyst")
            #expect(try await store.committee(code: "WARKS-CYP") == Self.definition(target: 20))
            #expect(try await store.committee(code: "NONE") == nil)
            #expect(try await store.committees().map(\.code) == ["WARKS-CYP"])
            try await store.saveCommittee(Self.definition(target: 20), by: "analyst")
            #expect(try await store.targets(for: "PrevRegCPR").map(\.version) == [1])
            try await store.saveCommittee(Self.definition(target: 18), by: "analyst")
            let versions = try await store.targets(for: "PrevRegCPR")
            #expect(versions.map(\.value) == [20, 18])
            #expect(try await store.committee(code: "WARKS-CYP")?.targets.first?.value == 18)
            #expect(try await store.auditTrail().filter { $0.action == "save committee WARKS-CYP" }.count == 3)
        }
    }
}
