import Foundation
import ScrutineerCore
import ScrutineerTestSupport
import Testing
@testable import ScrutineerStorage

@Suite("Storage contract: a council's own measures (SQLite and PostgreSQL)")
struct StorageMeasureCouncilTests {
    static let warwickshire = "E10000031", wokingham = "E06000041", england = "E92000001"

    static func measure(_ code: String, council: String? = nil, title: String? = nil) -> Measure {
        Measure(
            code: code, title: title ?? "Early help assessments in 45 days (%)", unit: .percentage, polarity: .highIsGood,
            periodicity: .quarterly, yearType: .financial, source: "case system", councilAreaCode: council
        )
    }

    static func figure(_ code: String, _ area: String, _ value: Double) throws -> Observation {
        Observation(measureCode: code, areaCode: area, period: try Period.parse("2025/26 Q1", yearType: .financial), value: value, source: "local.csv")
    }

    static func localBatch(_ measures: [Measure], _ figures: [Observation] = []) -> ImportBatch {
        ImportBatch(kind: .local, files: ["local.csv"], rowsRead: measures.count + figures.count, measures: measures, observations: figures)
    }

    /// The stored council of each measure named.
    static func councils(_ store: SQLStore, _ codes: [String]) async throws -> [String: String?] {
        let stored = Dictionary(uniqueKeysWithValues: try await store.measures().map { ($0.code, $0.councilAreaCode) })
        return Dictionary(uniqueKeysWithValues: codes.map { ($0, stored[$0] ?? nil) })
    }

    /// Each refused import leaves the measures as they were and writes no audit row.
    static func expectRefused(_ batch: ImportBatch, by store: SQLStore, _ expected: StoreError) async throws {
        let measures = try await store.measures(), audit = try await store.auditTrail().count
        await #expect(throws: expected) { try await store.importBatch(batch, by: "analyst") }
        #expect(try await store.measures() == measures)
        #expect(try await store.auditTrail().count == audit)
    }

    @Test("a council's own measure is not redefined by another council or as a published one; a published one does not become a council's own",
          arguments: TestEngine.available)
    func eachCouncilsOwn(engine: TestEngine) async throws {
        try await withSampleStore(engine) { store in
            let warks = Self.measure("EH_45", council: Self.warwickshire)
            _ = try await store.importBatch(Self.localBatch([warks], [try Self.figure("EH_45", Self.warwickshire, 81.2)]), by: "analyst")
            #expect(try await Self.councils(store, ["EH_45", "PrevRegCPR"]) == ["EH_45": Self.warwickshire, "PrevRegCPR": nil])

            // Warwickshire may change its own measure.
            let retitled = Self.measure("EH_45", council: Self.warwickshire, title: "Early help assessments within 45 working days (%)")
            #expect(try await store.importBatch(Self.localBatch([retitled]), by: "analyst").changed == 1)

            try await Self.expectRefused(
                Self.localBatch([Self.measure("EH_45", council: Self.wokingham)]), by: store,
                .measureOfAnotherCouncil(measureCode: "EH_45", council: Self.warwickshire, importedFor: Self.wokingham, definedAt: nil)
            )
            var published = ImportBatch(kind: .ees, files: ["ees.csv"], rowsRead: 1, measures: [Self.measure("EH_45")])
            try await Self.expectRefused(published, by: store, .measureOfAnotherCouncil(measureCode: "EH_45", council: Self.warwickshire, importedFor: nil, definedAt: nil))
            // LAIT's PrevRegCPR holds LAIT's figures: no council may make it its own. The refusal
            // names the cell that defined the measure, as a rejected cell is named.
            var prevRegCPR = try #require(try await store.measures().first { $0.code == "PrevRegCPR" })
            prevRegCPR.councilAreaCode = Self.warwickshire
            var claim = Self.localBatch([prevRegCPR])
            claim.measuresDefinedAt = ["PrevRegCPR": CellReference(file: "measures.xlsx", row: 7, column: "code")]
            let refusal = StoreError.measureNotOnlyCouncils(
                measureCode: "PrevRegCPR", council: Self.warwickshire, definedAt: CellReference(file: "measures.xlsx", row: 7, column: "code")
            )
            try await Self.expectRefused(claim, by: store, refusal)
            #expect(refusal.description.hasPrefix("measures.xlsx:7:code: measure PrevRegCPR holds figures from published data"))
            // The site's table of problems shows the cell in its own columns, then the problem.
            #expect(refusal.cell == CellReference(file: "measures.xlsx", row: 7, column: "code"))
            #expect(refusal.problem.hasPrefix("measure PrevRegCPR holds figures from published data"))
            // A published measure with no figures yet stays published when a later publication
            // redefines it, and becomes a council's own only if the council claims it first.
            published.measures = [Self.measure("NEW_PUBLISHED")]
            _ = try await store.importBatch(published, by: "analyst")
            _ = try await store.importBatch(Self.localBatch([Self.measure("NEW_PUBLISHED", council: Self.wokingham)]), by: "analyst")
            #expect(try await Self.councils(store, ["NEW_PUBLISHED"]) == ["NEW_PUBLISHED": Self.wokingham])
        }
    }

    /// Measures as migrations 1–6 stored them, with no council: migration 7 gives a measure to
    /// the one council its figures are for when every figure came from a local import.
    @Test("migration 7 finds each council's own measures from their figures; the rest stay published", arguments: TestEngine.available)
    func migration7(engine: TestEngine) async throws {
        try await withSampleStore(engine, migratedThrough: 6) { store in
            let local = Self.localBatch(
                ["WARKS_EH", "SHARED", "NO_FIGURES"].map { Self.measure($0) },
                [
                    try Self.figure("WARKS_EH", Self.warwickshire, 81.2), try Self.figure("WARKS_EH", Self.england, 75.0),
                    try Self.figure("SHARED", Self.warwickshire, 60.0), try Self.figure("SHARED", Self.wokingham, 70.0),
                ]
            )
            try await importBatch(local, into: store, migratedThrough: 6, by: "analyst")
            // Warwickshire's local figures for a LAIT measure do not make LAIT's measure its own.
            var prevRegCPR = ImportBatch(kind: .local, files: ["local.csv"], rowsRead: 1)
            prevRegCPR.observations = [try Self.figure("PrevRegCPR", Self.warwickshire, 20.1)]
            _ = try await store.importBatch(prevRegCPR, by: "analyst")

            try await store.migrate()
            #expect(try await store.appliedMigrations().contains(7))
            #expect(try await Self.councils(store, ["WARKS_EH", "SHARED", "NO_FIGURES", "PrevRegCPR", "TotAbs"]) == [
                "WARKS_EH": Self.warwickshire, "SHARED": nil, "NO_FIGURES": nil, "PrevRegCPR": nil, "TotAbs": nil,
            ])
            // Wokingham's import of the same code is refused now; Warwickshire claims the measure
            // with no figures by redefining it.
            try await Self.expectRefused(
                Self.localBatch([Self.measure("WARKS_EH", council: Self.wokingham)]), by: store,
                .measureOfAnotherCouncil(measureCode: "WARKS_EH", council: Self.warwickshire, importedFor: Self.wokingham, definedAt: nil)
            )
            try await Self.expectRefused(
                Self.localBatch([Self.measure("SHARED", council: Self.wokingham)]), by: store,
                .measureNotOnlyCouncils(measureCode: "SHARED", council: Self.wokingham, definedAt: nil)
            )
            _ = try await store.importBatch(Self.localBatch([Self.measure("NO_FIGURES", council: Self.warwickshire)]), by: "analyst")
            #expect(try await Self.councils(store, ["NO_FIGURES"]) == ["NO_FIGURES": Self.warwickshire])
        }
    }
}
