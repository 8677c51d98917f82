import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerFormats

@Suite("LocalImport: the measures defined are the importing council's own")
struct LocalImportCouncilTests {
    private let context: ImportContext

    init() throws {
        context = try LocalImportData.context()
    }

    /// Warwickshire's figure for each measure of `LocalImportData.measuresCSV`, and any more rows.
    private func figures(_ extraRows: String = "") -> LocalImportFile {
        LocalImportData.csv("figures.csv", """
        measure_code,area_code,period,value
        PrevRegCPR,E10000031,2024/25,20.1
        CIN_RATE,E92000001,2024/25,332.9
        \(extraRows)
        """)
    }

    private func measureCodes(_ files: [LocalImportFile], council: String? = nil, context: ImportContext? = nil) throws -> [String: String?] {
        let batch = try LocalMeasuresImporter.importBatch(files, options: LocalImportOptions(council: council), context: context ?? self.context)
        return Dictionary(uniqueKeysWithValues: batch.measures.map { ($0.code, $0.councilAreaCode) })
    }

    @Test("the one council the figures are for owns every measure defined (England's figure beside it does not count)")
    func councilOfTheFigures() throws {
        #expect(try measureCodes([LocalImportData.measuresCSV, figures()]) == [
            "PrevRegCPR": "E10000031", "CIN_RATE": "E10000031", "EH_MONTHLY": "E10000031",
        ])
        // --council names it whatever the figures are for.
        #expect(try measureCodes([LocalImportData.measuresCSV], council: "E06000041") == [
            "PrevRegCPR": "E06000041", "CIN_RATE": "E06000041", "EH_MONTHLY": "E06000041",
        ])
    }

    @Test("with no figures, measures already one council's own stay that council's")
    func councilOfTheStoredMeasures() throws {
        var stored = Measure(code: "CIN_RATE", title: "Children in need", unit: .rate(per: 10_000), polarity: .noJudgement, yearType: .financial)
        stored.councilAreaCode = "E06000041"
        let measures = LocalImportData.csv("measures.csv", """
        code,title,unit,polarity,year_type
        CIN_RATE,Children in need per 10000,rate:10000,none,financial

        """)
        let context = try LocalImportData.context(measures: [stored])
        #expect(try measureCodes([measures], context: context) == ["CIN_RATE": "E06000041"])
    }

    @Test("a council that cannot be told, or is not a local authority, is an error naming the file and what to give")
    func councilNotTold() throws {
        let expected = "expected --council CODE, the ONS code of the council whose own measures these are, e.g. E10000031"
        #expect(LocalImportData.errors([LocalImportData.measuresCSV], council: nil, context: context) == [
            "measures.csv:1:-: cannot tell which council's own measures these are: the import holds no figures for a council (\(expected))",
        ])
        #expect(LocalImportData.errors([LocalImportData.measuresCSV, figures("CIN_RATE,E06000041,2024/25,301.0")], council: nil, context: context) == [
            "measures.csv:1:-: cannot tell which council's own measures these are: its figures are for 2 councils (E06000041, E10000031) (\(expected))",
        ])
        #expect(LocalImportData.errors([LocalImportData.measuresCSV], council: "E92000001", context: context) == [
            "measures.csv:1:-: --council E92000001 is England, a country (expected the ONS code of a local authority from scrutineer import areas, e.g. E10000031)",
        ])
        // Figures alone define no measure, but a --council that is no area is still an error.
        let stored = try LocalImportData.context(
            measures: try LocalMeasuresImporter.importBatch([LocalImportData.measuresCSV, figures()], context: context).measures
        )
        #expect(LocalImportData.errors([figures()], council: "E10999999", context: stored) == [
            "figures.csv:1:-: --council E10999999 is not a known area (expected the ONS code of a local authority from scrutineer import areas, e.g. E10000031)",
        ])
        // Figures for several councils of measures already stored are fine: no measure is defined.
        #expect(LocalImportData.errors([figures("CIN_RATE,E06000041,2024/25,301.0")], council: nil, context: stored) == [])
    }

    @Test("a code that is already another council's own measure is refused at its row")
    func anotherCouncilsCode() throws {
        var wokingham = Measure(code: "CIN_RATE", title: "Children in need", unit: .rate(per: 10_000), polarity: .noJudgement, yearType: .financial)
        wokingham.councilAreaCode = "E06000041"
        let context = try LocalImportData.context(measures: [wokingham])
        #expect(LocalImportData.errors([LocalImportData.measuresCSV, figures()], council: nil, context: context) == [
            "measures.csv:3:code: CIN_RATE is already council E06000041 Wokingham's own measure (expected a code of this council's own, e.g. with its prefix)",
        ])
        // The batch names the cell that defined each measure, for a refusal by the store.
        let batch = try LocalMeasuresImporter.importBatch([LocalImportData.measuresCSV, figures()], context: try LocalImportData.context())
        #expect(batch.measuresDefinedAt["CIN_RATE"] == CellReference(file: "measures.csv", row: 3, column: "code"))
        #expect(Set(batch.measuresDefinedAt.keys) == Set(batch.measures.map(\.code)))
        // Wokingham itself may redefine it.
        #expect(try measureCodes([LocalImportData.measuresCSV], council: "E06000041", context: context)["CIN_RATE"] == "E06000041")
    }
}
