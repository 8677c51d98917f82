import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerFormats

/// A council's measures file restating a measure already stored: "a corrected file updates only
/// what changed" (issue 4), so a column the file leaves out keeps its stored setting, and the
/// measure's years and periods, which date its stored figures, and its unit, which they are counted
/// in, cannot change.
@Suite("LocalImport: restating a stored measure")
struct LocalImportStoredMeasureTests {
    static let stored = Measure(
        code: "WARKS_HV", title: "Health visitor reviews (%)", definition: "Reviews by 8 weeks", theme: "Health", owner: "DPH",
        unit: .percentage, decimalPlaces: 1, polarity: .highIsGood, periodicity: .quarterly, yearType: .financial, source: "Local",
        publicationLagDays: 25, benchmarkComparison: .notCompared, directionOfTravel: .confidenceIntervalOverlap, planPriority: "Best start",
        committees: ["CYP"], councilAreaCode: "E10000031"
    )

    static func batch(_ text: String) throws -> ImportBatch {
        let context = try LocalImportData.context(measures: [stored])
        return try LocalMeasuresImporter.importBatch([LocalImportData.csv("measures.csv", text)], context: context)
    }

    @Test("A file with only the required columns changes the title and keeps every setting it does not name")
    func absentColumnsKept() throws {
        let batch = try Self.batch("code,title,unit,polarity,year_type\nWARKS_HV,Health visitor 6-8 week reviews (%),percentage,high,financial\n")
        var expected = Self.stored
        expected.title = "Health visitor 6-8 week reviews (%)"
        #expect(batch.measures == [expected])
        // A column the file has, left blank, clears the setting.
        let cleared = try Self.batch("code,title,unit,polarity,year_type,theme\nWARKS_HV,Health visitor reviews (%),percentage,high,financial,\n")
        #expect(cleared.measures.first?.theme == nil)
        #expect(cleared.measures.first?.directionOfTravel == .confidenceIntervalOverlap)
    }

    @Test("Its years and its periods cannot change under its stored figures")
    func yearsAndPeriodsKept() throws {
        let context = try LocalImportData.context(measures: [Self.stored])
        let text = "code,title,unit,polarity,year_type,periodicity\nWARKS_HV,Health visitor reviews (%),percentage,high,academic,monthly\n"
        // Both cells of the row are named at once.
        #expect(LocalImportData.errors([LocalImportData.csv("measures.csv", text)], context: context) == [
            "measures.csv:2:year_type: WARKS_HV is stored with financial years (expected financial: a measure's years cannot change under the figures stored for it)",
            "measures.csv:2:periodicity: WARKS_HV is stored as quarterly (expected quarterly: a measure's periods cannot change under the figures stored for it)",
        ])
        let monthly = "code,title,unit,polarity,year_type,periodicity\nWARKS_HV,Health visitor reviews (%),percentage,high,financial,monthly\n"
        #expect(LocalImportData.errors([LocalImportData.csv("measures.csv", monthly)], context: context) == [
            "measures.csv:2:periodicity: WARKS_HV is stored as quarterly (expected quarterly: a measure's periods cannot change under the figures stored for it)",
        ])
    }

    @Test("Its unit cannot change under its stored figures: a percentage restated as a count, or a rate per another number, is refused")
    func unitKept() throws {
        let context = try LocalImportData.context(measures: [Self.stored])
        for unit in ["count", "rate:1000"] {
            let text = "code,title,unit,polarity,year_type\nWARKS_HV,Health visitor reviews,\(unit),high,financial\n"
            #expect(LocalImportData.errors([LocalImportData.csv("measures.csv", text)], context: context) == [
                "measures.csv:2:unit: WARKS_HV is stored in percentage (expected percentage: a measure's unit cannot change under the figures stored for it; a measure in another unit needs a code of its own)",
            ])
        }
    }
}
