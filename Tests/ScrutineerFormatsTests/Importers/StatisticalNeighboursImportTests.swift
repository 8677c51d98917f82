import Foundation
import Testing
import ScrutineerCore
@testable import ScrutineerFormats

@Suite("Import: statistical neighbours (long and DfE wide layouts)")
struct StatisticalNeighboursImportTests {
    static let long2021 = "reference/statistical_neighbours_2021_long.csv"
    static let long2025 = "reference/statistical_neighbours_2025_long.csv"
    static let wide2021 = "reference/New_Statistical_Neighbour_Groupings_April_2021.csv"

    @Test("the 2025 long list: 153 LAs with 10 neighbours each; Warwickshire's as in the README")
    func long2025() throws {
        let context = try ImportFixtures.context()
        let batch = try StatisticalNeighboursImporter.parse([ImportFixtures.file(Self.long2025)], edition: nil, context: context)
        let table = try ImportFixtures.table(Self.long2025)
        #expect(batch.rowsRead == 1530)
        #expect(batch.neighbourLists.count == 153)
        #expect(batch.neighbourLists.count == Set(table.dictionaries().map { $0["new_la_code"]! }).count)
        #expect(batch.neighbourLists.allSatisfy { $0.edition == "2025" && $0.neighbours.map(\.rank) == Array(1...10) })
        let warwickshire = try #require(batch.neighbourLists.first { $0.areaCode == "E10000031" })
        let names = warwickshire.neighbours.map { context.areas[$0.areaCode]!.name }
        #expect(names == ["Gloucestershire", "Cheshire East", "Oxfordshire", "North Somerset", "Leicestershire", "West Sussex", "Hampshire", "Warrington", "Wiltshire", "Essex"])
        #expect(warwickshire.neighbours[0].closeness == "Extremely close")
    }

    @Test("the 2021 long list skips the 30 rows with no LA and no neighbour (the wide sheet's blank lines and 'Old SNs:' heading) and keeps the pre-reorganisation lists")
    func long2021() throws {
        let batch = try StatisticalNeighboursImporter.parse([ImportFixtures.file(Self.long2021)], edition: nil, context: ImportFixtures.context())
        let table = try ImportFixtures.table(Self.long2021)
        let blank = table.dictionaries().filter { $0["new_la_code"]!.isEmpty && $0["neighbour_new_la_code"]!.isEmpty }
        #expect(blank.count == 30)
        #expect(batch.neighbourLists.count * 10 == table.records.count - blank.count)
        #expect(batch.neighbourLists.count == 156)
        #expect(batch.neighbourLists.contains { $0.areaCode == "E10000009" }) // Dorset (Pre LG)
        #expect(batch.neighbourLists.allSatisfy { $0.edition == "2021" })
    }

    @Test("DfE's wide 2021 sheet gives exactly the lists of the 2021 long file, its DfE numbers mapped to current ONS codes")
    func wideEqualsLong() throws {
        let context = try ImportFixtures.context()
        let wide = try StatisticalNeighboursImporter.parse([ImportFixtures.file(Self.wide2021)], edition: nil, context: context)
        let long = try StatisticalNeighboursImporter.parse([ImportFixtures.file(Self.long2021)], edition: nil, context: context)
        #expect(wide.rowsRead == 159)
        #expect(wide.neighbourLists.count == 156)
        #expect(wide.neighbourLists == long.neighbourLists)
        // Sheffield (373) is a neighbour of Bournemouth under its 2024 code.
        let bournemouth = try #require(wide.neighbourLists.first { $0.areaCode == "E06000028" })
        #expect(bournemouth.neighbours[5] == StatisticalNeighbour(rank: 6, areaCode: "E08000039", closeness: "Very Close"))
    }

    @Test("all three shipped files in one import: the 2021 lists given twice (wide and long) are one; a different list for the same LA and edition is an error")
    func allTogether() throws {
        let context = try ImportFixtures.context()
        let files = try [Self.long2021, Self.long2025, Self.wide2021].map(ImportFixtures.file)
        let batch = try NationalImport.parse(.neighbours, files: files, context: context)
        #expect(batch.files == ["statistical_neighbours_2021_long.csv", "statistical_neighbours_2025_long.csv", "New_Statistical_Neighbour_Groupings_April_2021.csv"])
        #expect(batch.rowsRead == 1590 + 1530 + 159)
        #expect(batch.neighbourLists.count == 156 + 153)
        let changed = ImportFixtures.text("SN_2021.csv", "LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,\n937,Warwickshire,937,8,West Midlands,896,Extremely Close,\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try StatisticalNeighboursImporter.parse([files[0], changed], edition: nil, context: context) } == [
            "SN_2021.csv:2:LA num: E10000031 already has a different 2021 list on statistical_neighbours_2021_long.csv:1482 (expected one list per LA and edition, or the same list again)",
        ])
    }

    @Test("the edition comes from the option before the file name; with neither, or an option that is not a year, it is an error")
    func edition() throws {
        let context = try ImportFixtures.context()
        let file = try ImportFixtures.file(Self.long2025)
        let batch = try StatisticalNeighboursImporter.parse([file], edition: "2026", context: context)
        #expect(batch.neighbourLists.allSatisfy { $0.edition == "2026" })
        for notAYear in ["2025b", "twenty", "25"] {
            #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try StatisticalNeighboursImporter.parse([file], edition: notAYear, context: context) } == [
                "statistical_neighbours_2025_long.csv:1:*: edition \"\(notAYear)\" is not a year (expected --edition with the 4-digit year of the lists, such as 2021 or 2025)",
            ])
        }
        let unnamed = PublishedFile(name: "neighbours.csv", data: file.data)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try StatisticalNeighboursImporter.parse([unnamed], edition: nil, context: context) } == [
            "neighbours.csv:1:*: no edition for these statistical neighbours (expected --edition such as 2021 or 2025, or one 4-digit year in the file name)",
        ])
        #expect(StatisticalNeighboursImporter.editionFromFileName("New_Statistical_Neighbour_Groupings_April_2021.csv") == "2021")
        #expect(StatisticalNeighboursImporter.editionFromFileName("sn_2021_to_2025.csv") == nil)
    }

    @Test("unknown areas, DfE numbers, blanks and repeated ranks are each named")
    func badRows() throws {
        let context = try ImportFixtures.context()
        let long = ImportFixtures.text("sn_2025.csv", """
        old_la_code,new_la_code,la_name,rank,neighbour_old_la_code,neighbour_new_la_code,closeness
        937,E10000031,Warwickshire,1,916,E10000013,Extremely close
        937,E10000031,Warwickshire,1,895,E06000049,Very close
        937,E10000031,Warwickshire,2,999,E99999999,Very close
        937,E10000031,Warwickshire,x,895,,Very close
        nan,,,1,nan,,nan

        """)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try StatisticalNeighboursImporter.parse([long], edition: nil, context: context) } == [
            "sn_2025.csv:3:rank: E10000031 already has rank 1 on row 2 (expected each rank once per LA)",
            "sn_2025.csv:4:neighbour_new_la_code: unknown area code E99999999 (expected the ONS code of England, a region or an LA already imported with scrutineer import areas)",
            "sn_2025.csv:5:rank: \"x\" is not a rank (expected a whole number from 1)",
            "sn_2025.csv:5:neighbour_new_la_code: blank (expected the neighbour's ONS code)",
        ])
        let wide = ImportFixtures.text("SN_2021.csv", "\u{FEFF}LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP,\n937,Warwickshire,937,8,West Midlands,896,Extremely Close,999,Very Close,\n,Old SNs:,,,,,,,,\n12,Nowhere,12,1,X,896,Close,885,Close,\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try StatisticalNeighboursImporter.parse([wide], edition: nil, context: context) } == [
            "SN_2021.csv:2:SN2: no known area has DfE number 999 (expected the number of an LA from the areas import: run scrutineer import areas first)",
            "SN_2021.csv:4:LA num: \"12\" is not a DfE LA number (expected 3 digits such as 937)",
        ])
        // An LA as its own neighbour, or one neighbour twice, is named at its cell, not left to the database.
        let repeated = ImportFixtures.text("sn_2025.csv", """
        old_la_code,new_la_code,la_name,rank,neighbour_old_la_code,neighbour_new_la_code,closeness
        937,E10000031,Warwickshire,1,916,E10000013,Extremely close
        937,E10000031,Warwickshire,2,916,E10000013,Very close
        937,E10000031,Warwickshire,3,937,E10000031,Very close

        """)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try StatisticalNeighboursImporter.parse([repeated], edition: nil, context: context) } == [
            "sn_2025.csv:3:neighbour_new_la_code: E10000013 is already E10000031's neighbour of rank 1 (expected each neighbour once per LA)",
            "sn_2025.csv:4:neighbour_new_la_code: E10000031 is listed as its own neighbour (expected another LA)",
        ])
        let wideSelf = ImportFixtures.text("SN_2021.csv", "LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP\n937,Warwickshire,937,8,West Midlands,937,Extremely Close,896,Very Close\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try StatisticalNeighboursImporter.parse([wideSelf], edition: nil, context: context) } == [
            "SN_2021.csv:2:SN1: E10000031 is listed as its own neighbour (expected another LA)",
        ])
        let other = ImportFixtures.text("sn_2021.csv", "la,neighbour\n937,916\n")
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try StatisticalNeighboursImporter.parse([other], edition: nil, context: context) } == [
            "sn_2021.csv:1:*: the header is neither statistical-neighbour layout (expected old_la_code,new_la_code,la_name,rank,neighbour_old_la_code,neighbour_new_la_code,closeness, or DfE's LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,…,SN10,SNP)",
        ])
    }
}
