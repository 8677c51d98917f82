import Foundation
import ScrutineerCore
@testable import ScrutineerFormats
import ScrutineerTestSupport
import Testing

@Suite("a file given to the wrong import is named for what it is")
struct PublishedFileLayoutTests {
    static func repositoryFile(_ path: String) throws -> PublishedFile {
        try PublishedFile(contentsOf: SharedFiles.repositoryRoot.appendingPathComponent(path))
    }

    @Test("every layout Scrutineer reads is recognised: the shipped data, the examples, the demo's own files, the template workbook")
    func recognisesEveryLayout() throws {
        let cases: [(PublishedFile, String)] = [
            (try ImportFixtures.file(ImportFixtures.laitData), "a LAIT data file"),
            (try ImportFixtures.file(ImportFixtures.laitMeasures), "LAIT's measure dictionary"),
            (try ImportFixtures.file(ImportFixtures.eesReferrals), "an EES data file"),
            (try ImportFixtures.file(ImportFixtures.eesSubsequentPlans), "an EES data file"),
            (try ImportFixtures.file(ImportFixtures.eesChildrenInNeed), "an EES data file"),
            (ImportFixtures.text("x.meta.csv", "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\n"), "an EES metadata file"),
            (try Self.repositoryFile("examples/ees-mapping.csv"), "an EES measure mapping"),
            (try ImportFixtures.file(ImportFixtures.fingertips), "a Fingertips data export"),
            (try ImportFixtures.file("reference/statistical_neighbours_2021_long.csv"), "a statistical-neighbour list"),
            (try ImportFixtures.file("reference/statistical_neighbours_2025_long.csv"), "a statistical-neighbour list"),
            // DfE's wide sheet, which starts with a byte-order mark.
            (try ImportFixtures.file("reference/New_Statistical_Neighbour_Groupings_April_2021.csv"), "a statistical-neighbour list"),
            (try ImportFixtures.file(ImportFixtures.lookup), "an LA lookup"),
            (try Self.repositoryFile("examples/comparator-groups.csv"), "a file of comparator groups"),
            (try Self.repositoryFile("Sources/ScrutineerDemo/DemoData/local/warwickshire-observations.csv"), "a council's own figures"),
            (try Self.repositoryFile("Sources/ScrutineerDemo/DemoData/local/warwickshire-measures.csv"), "a council's own measures"),
            (try Self.repositoryFile("Sources/ScrutineerDemo/DemoData/risks/warwickshire-cyp-risks.csv"), "a risk register"),
            (try Self.repositoryFile("Sources/ScrutineerDemo/DemoData/finance/warwickshire-cyp-finance.csv"), "a finance return"),
            // Header names of a council's own file ignore case, and spaces equal underscores.
            (ImportFixtures.text("ours.csv", "Measure Code,Area Code,Period,Value\r\n"), "a council's own figures"),
            // Workbooks by the header of their first sheet, as `scrutineer template` writes them.
            (PublishedFile(name: "measures.xlsx", data: try ImportTemplate.local.xlsxData()), "a council's own figures"),
            (PublishedFile(name: "risks.xlsx", data: try ImportTemplate.risks.xlsxData()), "a risk register"),
            (PublishedFile(name: "finance.xlsx", data: try ImportTemplate.finance.xlsxData()), "a finance return"),
            (PublishedFile(name: "other.xlsx", data: try XLSXWriter.data(for: [XLSXSheet(name: "Notes", rows: [[.text("what"), .text("when")], [.text("x"), .text("y")]])])), "an Excel workbook"),
        ]
        for (file, expected) in cases {
            #expect(PublishedFileLayout.recognise(file.data)?.name == expected, "\(file.name)")
        }
        // A header no layout has, and a title above the header, are not judged.
        #expect(PublishedFileLayout.recognise(Data("a,b,c\n1,2,3\n".utf8)) == nil)
        #expect(PublishedFileLayout.recognise(Data("Our measures, Q2\nmeasure_code,area_code,period,value\n".utf8)) == nil)
        #expect(PublishedFileLayout.recognise(Data()) == nil)
    }

    @Test("in a refused import, a file of another layout is one error naming what it is; the import's own files keep their errors")
    func namesMisplacedFilesOnly() throws {
        let fingertips = try ImportFixtures.file(ImportFixtures.fingertips)
        let measures = try ImportFixtures.file(ImportFixtures.laitMeasures)
        // Line 2 of the LAIT subset with its value made text.
        let data = ImportFixtures.text("bad.csv", """
            measure_code,period,geographic_level,area_name,old_la_code,new_la_code,region,value,value_note
            Under18concep,2016,Local authority,Barking and Dagenham,301,E09000002,Outer London,twenty,

            """)
        let files = [data, measures, fingertips]
        let context = try ImportFixtures.context()
        let errors = try #require(throws: BatchInputErrors.self) { try LAITImporter.parse(files, context: context) }
        #expect(errors.errors.contains { $0.file == fingertips.name && $0.row == 1 })
        let rewritten = PublishedFileLayout.namingMisplacedFiles(errors, kind: .lait, files: files).errors.map(\.description)
        #expect(rewritten.filter { $0.hasPrefix("la_hospital_admissions_2324.csv:") } == [
            "la_hospital_admissions_2324.csv:1:*: this is a Fingertips data export, not a file scrutineer import lait reads (expected scrutineer import fingertips FILE…)",
        ])
        #expect(rewritten.filter { $0.hasPrefix("bad.csv:") } == errors.errors.filter { $0.file == "bad.csv" }.map(\.description))
        #expect(rewritten.first { $0.hasPrefix("bad.csv:2:value:") } != nil, "\(rewritten)")

        // A file of the import's own kind is never rewritten, however many problems it has, and
        // neither is a file no layout fits.
        let unknown = ImportFixtures.text("notes.csv", "what,when\nx,y\n")
        let own = try #require(throws: BatchInputErrors.self) { try LAITImporter.parse([data, measures, unknown], context: context) }
        #expect(own.errors.contains { $0.file == "notes.csv" })
        #expect(PublishedFileLayout.namingMisplacedFiles(own, kind: .lait, files: [data, measures, unknown]).errors == own.errors)
        // A template workbook given to another import, named in one line as a CSV file is.
        let finance = PublishedFile(name: "finance.xlsx", data: try ImportTemplate.finance.xlsxData())
        let asRisks = try #require(throws: BatchInputErrors.self) {
            try RiskRegisterImporter.parse([finance], committeeCode: "WARKS-CYP")
        }
        #expect(asRisks.errors.count > 1)
        #expect(PublishedFileLayout.namingMisplacedFiles(asRisks, kind: .risks, files: [finance]).errors.map(\.description) == [
            "finance.xlsx:1:*: this is a finance return, not a file scrutineer import risks reads (expected scrutineer import finance FILE… --committee CODE)",
        ])
        // An EES mapping given as an EES data file: the same kind, but an option's file.
        let mapping = try Self.repositoryFile("examples/ees-mapping.csv")
        let asData = try #require(throws: BatchInputErrors.self) { try EESImporter.parse([mapping], mappings: [], context: context) }
        #expect(PublishedFileLayout.namingMisplacedFiles(asData, kind: .ees, files: [mapping]).errors.map(\.description) == [
            "ees-mapping.csv:1:*: this is an EES measure mapping, not a file scrutineer import ees reads (expected scrutineer import ees DATA.csv --mapping FILE)",
        ])
    }
}
