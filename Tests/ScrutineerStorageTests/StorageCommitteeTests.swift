import Foundation
@testable import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

@Suite("Storage contract: committees (SQLite and PostgreSQL)")
struct StorageCommitteeTests {
    static func definition(
        target value: Double, code: String = "WARKS-CYP", council: String = "E10000031", targetCouncil: String? = nil,
        validFrom: CalendarDate = CalendarDate(year: 2024, month: 4, day: 1)!
    ) -> CommitteeDefinition {
        CommitteeDefinition(
            committee: Committee(
                code: code, name: "Children and Young People OSC", councilAreaCode: council,
                themes: [CommitteeTheme(name: "Child Protection", owner: "AD Children", measureCodes: ["PrevRegCPR", "TotAbs"])]
            ),
            settings: [MeasureAssessmentSettings(measureCode: "PrevRegCPR", directionBasis: .samePeriodLastYear)],
            targets: [Target(
                measureCode: "PrevRegCPR", councilAreaCode: targetCouncil, kind: .local, value: value, tolerance: 2,
                validFrom: validFrom, setBy: "analyst", setOn: CalendarDate(year: 2024, month: 3, day: 1)!, reason: "reviewed"
            )]
        )
    }

    @Test("a committee round-trips; saving it again keeps one target version; a changed target adds a version", arguments: TestEngine.available)
    func committees(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            let first = try await store.saveCommittee(Self.definition(target: 20), by: "analyst", file: "cyp.json")
            #expect(first.added && first.definitionChanged && first.newTargetWords == ["PrevRegCPR local target 20 from 2024-04-01"])
            #expect(try await store.committee(code: "WARKS-CYP") == Self.definition(target: 20))
            #expect(try await store.committee(code: "NONE") == nil)
            #expect(try await store.committees().map(\.code) == ["WARKS-CYP"])
            let audited = try await store.auditTrail().count
            #expect(try await store.saveCommittee(Self.definition(target: 20), by: "analyst").changedNothing)
            #expect(try await store.auditTrail().count == audited, "saved as it is: nothing written")
            #expect(try await store.targets(for: "PrevRegCPR", council: "E10000031").map(\.version) == [1])
            // Listed twice in one definition, a version is written once.
            var twice = Self.definition(target: 18)
            twice.targets += twice.targets
            let changed = try await store.saveCommittee(twice, by: "analyst")
            #expect(!changed.added && changed.definitionChanged && changed.newTargetVersions.map(\.value) == [18])
            try await store.saveCommittee(Self.definition(target: 18), by: "analyst")
            let versions = try await store.targets(for: "PrevRegCPR", council: "E10000031")
            #expect(versions.map(\.value) == [20, 18])
            #expect(versions.map(\.councilAreaCode) == ["E10000031", "E10000031"])
            #expect(try await store.committee(code: "WARKS-CYP")?.targets.first?.value == 18)
            #expect(try await store.auditTrail().filter { $0.action.hasPrefix("save committee WARKS-CYP") }.map { "\($0.action) | \($0.files)" } == [
                "save committee WARKS-CYP (new target versions: PrevRegCPR local target 20 from 2024-04-01) | [\"cyp.json\"]",
                "save committee WARKS-CYP (new target versions: PrevRegCPR local target 18 from 2024-04-01) | []",
                "save committee WARKS-CYP | []",
            ])
        }
    }

    @Test("a committee stays its council's: another council's definition under its code is refused, nothing written", arguments: TestEngine.available)
    func committeeOfAnotherCouncil(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            try await store.saveCommittee(Self.definition(target: 20), by: "analyst")
            let audited = try await store.auditTrail().count
            await #expect(throws: StoreError.committeeOfAnotherCouncil(committee: "WARKS-CYP", council: "E10000031", definedFor: "E06000041")) {
                try await store.saveCommittee(Self.definition(target: 30, council: "E06000041"), by: "analyst")
            }
            #expect(try await store.committee(code: "WARKS-CYP") == Self.definition(target: 20))
            #expect(try await store.targets(for: "PrevRegCPR", council: "E06000041").isEmpty)
            #expect(try await store.auditTrail().count == audited)
        }
    }

    @Test("two councils' committees each keep their own target for one measure", arguments: TestEngine.available)
    func targetsOfTwoCouncils(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            try await store.saveCommittee(Self.definition(target: 20), by: "analyst")
            try await store.saveCommittee(Self.definition(target: 30, code: "WOK-CS", council: "E06000041"), by: "analyst")
            let warwickshire = try await store.targets(for: "PrevRegCPR", council: "E10000031")
            let wokingham = try await store.targets(for: "PrevRegCPR", council: "E06000041")
            #expect(warwickshire.map(\.value) == [20])
            #expect(warwickshire.first?.validTo == nil)
            #expect(wokingham.map(\.value) == [30])
            #expect(wokingham.map(\.version) == [1])

            // Each committee is judged against its own council's target.
            let definition = try #require(try await store.committee(code: "WOK-CS"))
            let index = try await store.assessmentIndex(for: definition)
            #expect(index.targetsByMeasure.flatMap { $0 }.map(\.value) == [30])
        }
    }

    @Test("a committee whose targets cannot all be written is not saved at all", arguments: TestEngine.available)
    func committeeAllOrNothing(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            try await store.saveCommittee(Self.definition(target: 20), by: "analyst")
            let before = try await store.auditTrail()

            // A target of another council.
            await #expect(throws: StoreError.targetOfAnotherCouncil(
                committee: "WOK-CS", council: "E06000041", measureCode: "PrevRegCPR", targetCouncil: "E10000031"
            )) {
                try await store.saveCommittee(Self.definition(target: 30, code: "WOK-CS", council: "E06000041", targetCouncil: "E10000031"), by: "analyst")
            }
            // A new version starting before the one in force: the renamed committee is not kept either.
            var renamed = Self.definition(target: 25, validFrom: CalendarDate(year: 2023, month: 4, day: 1)!)
            renamed.committee.name = "Renamed"
            await #expect(throws: StoreError.self) { try await store.saveCommittee(renamed, by: "analyst") }

            #expect(try await store.committees().map(\.code) == ["WARKS-CYP"])
            #expect(try await store.committee(code: "WARKS-CYP") == Self.definition(target: 20))
            #expect(try await store.targets(for: "PrevRegCPR", council: nil).map(\.value) == [20])
            #expect(try await store.auditTrail() == before)
            // A refusal takes no number from the audit trail: the next change is the next number
            // (a PostgreSQL sequence is not rolled back, so the refusal comes before any write).
            try await store.saveCommittee(Self.definition(target: 19), by: "analyst")
            #expect(try await store.auditTrail().dropFirst(before.count).map(\.id).first == (before.last?.id ?? 0) + 1)
        }
    }
}
