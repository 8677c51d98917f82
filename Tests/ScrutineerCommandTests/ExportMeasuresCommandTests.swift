import Foundation
import ScrutineerFormats
import ScrutineerTestSupport
import Testing

/// `scrutineer export measures`: the measures a database holds, in the layout `import local` reads.
@Suite("scrutineer export measures")
struct ExportMeasuresCommandTests {
    static let demoLocal = SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData/local")

    /// Each row of a CSV text as its header's names to its cells.
    static func records(_ text: String, file: String) throws -> [[String: String]] {
        try CSVReader.table(from: Data(text.utf8), fileName: file).dictionaries()
    }

    @Test("without --council, the measures every council sees: one row for each measure of LAIT's dictionary, its title, unit, polarity and years as the dictionary gives them, and none of a council's own")
    func nationalMeasures() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("measures.sqlite").path
        for arguments in [ImportCommandTests.imports[0], ImportCommandTests.imports[2]] {
            #expect(try CommandRunner.run(["import"] + arguments + ["--db", db]).status == 0)
        }
        let local = try CommandRunner.run(["import", "local", Self.demoLocal.appendingPathComponent("warwickshire-measures.csv").path, "--council", "E10000031", "--db", db])
        #expect(local.status == 0, "\(local.standardError)")
        let exported = try CommandRunner.run(["export", "measures", "--db", db])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(exported.standardOutput.hasPrefix(MeasureDefinitionsCSV.columns.joined(separator: ",") + "\n"))
        let rows = try Self.records(exported.standardOutput, file: "export")
        // lait_kpi_measures.csv: measure_code,measure,topic,polarity,year_type,dps,periods.
        let dictionary = try CSVReader.table(contentsOf: SharedFiles.data("lait/lait_kpi_measures.csv")).dictionaries()
        #expect(rows.map { $0["code"] ?? "" } == dictionary.map { $0["measure_code"] ?? "" }.sorted())
        for entry in dictionary {
            let row = try #require(rows.first { $0["code"] == entry["measure_code"] })
            #expect(row["title"] == entry["measure"])
            #expect(row["theme"] == entry["topic"])
            // A dictionary polarity of "-" or nothing is no judgement; LAIT's "Annual" years are
            // financial years (the counts at 31 March).
            #expect(row["polarity"] == ["High": "high", "Low": "low", "-": "none", "": "none"][entry["polarity"] ?? ""], "\(entry)")
            #expect(row["year_type"] == [
                "Financial Year": "financial", "Annual": "financial", "Calendar Year": "calendar", "Academic Year": "academic",
                "Annual (end of Sept)": "year-ending-september",
            ][entry["year_type"] ?? ""], "\(entry)")
        }
        // Under18concep: "Under 18 Conception rates", per 1,000 girls aged 15 to 17 in LAIT.
        #expect(rows.first { $0["code"] == "Under18concep" }?["unit"] == "rate:1000")
    }

    @Test("with --council, that council's own measures, every column as its file gave it, which import local reads back unchanged; a council or a measure the database does not hold, or an option of export observations, is refused (exit 64)")
    func councilsOwnMeasures() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("own.sqlite").path
        #expect(try CommandRunner.run(["import"] + ImportCommandTests.imports[0] + ["--db", db]).status == 0)
        let source = Self.demoLocal.appendingPathComponent("warwickshire-measures.csv")
        #expect(try CommandRunner.run(["import", "local", source.path, "--council", "E10000031", "--db", db]).status == 0)
        let exported = try CommandRunner.run(["export", "measures", "--council", "E10000031", "--db", db])
        #expect(exported.status == 0, "\(exported.standardError)")
        let given = try CSVReader.table(contentsOf: source).dictionaries().sorted { ($0["code"] ?? "") < ($1["code"] ?? "") }
        #expect(try Self.records(exported.standardOutput, file: "export") == given)
        let file = folder.appendingPathComponent("exported-measures.csv")
        try Data(exported.standardOutput.utf8).write(to: file)
        let again = try CommandRunner.run(["import", "local", file.path, "--council", "E10000031", "--db", db])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("Nothing changed: the database already held exactly this."), "\(again.standardOutput)")
        // One measure by its code; none for another council (Wokingham's, E06000041, holds none).
        let one = try CommandRunner.run(["export", "measures", "--council", "E10000031", "--measure", "WARKS_EH_ASSESS45", "--db", db])
        #expect(try Self.records(one.standardOutput, file: "export").map { $0["code"] } == ["WARKS_EH_ASSESS45"])
        #expect(try CommandRunner.run(["export", "measures", "--council", "E06000041", "--db", db]).standardOutput == MeasureDefinitionsCSV.columns.joined(separator: ",") + "\n")

        let noCouncil = try CommandRunner.run(["export", "measures", "--council", "E99999999", "--db", db])
        #expect(noCouncil.status == 64)
        #expect(noCouncil.standardError == "--council E99999999: the database holds no local authority of this code (expected an LA's ONS code, e.g. E10000031)\n")
        let noMeasure = try CommandRunner.run(["export", "measures", "--council", "E10000031", "--measure", "WARKS_EH_ASSESS", "--db", db])
        #expect(noMeasure.status == 64)
        #expect(noMeasure.standardError == "--measure WARKS_EH_ASSESS: the database holds no measure of this code (expected a measure code it holds, e.g. WARKS_CPP_REPEAT2Y)\n")
        let wrongOption = try CommandRunner.run(["export", "measures", "--area", "E10000031", "--db", db])
        #expect(wrongOption.status == 64)
        #expect(wrongOption.standardError.contains("--area, --history and --as-of are for export observations"), "\(wrongOption.standardError)")
    }
}
