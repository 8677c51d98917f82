import Foundation
import Testing
import ScrutineerCore
import ScrutineerTestSupport
@testable import ScrutineerFormats

@Suite("Import: comparator groups a council defines")
struct ComparatorGroupsImportTests {
    static func example() throws -> PublishedFile {
        try PublishedFile(contentsOf: SharedFiles.repositoryRoot.appendingPathComponent("examples/comparator-groups.csv"))
    }

    @Test("the example file: two of Warwickshire's own groups, members by ONS code or DfE number, in code order")
    func exampleFile() throws {
        let batch = try ComparatorGroupsImporter.parse([Self.example()], council: "E10000031", context: ImportFixtures.context())
        #expect(batch.kind == .groups && batch.rowsRead == 11)
        // Codes from la_lookup_from_ees.csv: 937 Warwickshire E10000031, 885 Worcestershire E10000034, 860 Staffordshire
        // E10000028, 855 Leicestershire E10000018, 830 Derbyshire E10000007, 891 Nottinghamshire E10000024.
        #expect(batch.comparatorGroups == [
            ComparatorGroup(code: "WARKS_WM_SHIRES", name: "West Midlands shire areas", ownerAreaCode: "E10000031",
                            memberCodes: ["E06000019", "E06000051", "E10000028", "E10000031", "E10000034"]),
            ComparatorGroup(code: "WARKS_MIDLANDS_COUNTIES", name: "Midlands county councils", ownerAreaCode: "E10000031",
                            memberCodes: ["E10000007", "E10000018", "E10000024", "E10000028", "E10000031", "E10000034"]),
        ])
        #expect(batch.groupsDefinedAt["WARKS_MIDLANDS_COUNTIES"]?.description == "comparator-groups.csv:7:group_code")
        let shared = try ComparatorGroupsImporter.parse([Self.example()], council: nil, context: ImportFixtures.context())
        #expect(shared.comparatorGroups.allSatisfy { $0.ownerAreaCode == nil })
    }

    @Test("a member listed twice is stored once and counted as skipped")
    func repeatedMember() throws {
        let file = ImportFixtures.text("g.csv", "group_code,group_name,area_code\nG,Group,E10000031\nG,Group,937\nG,Group,E10000034\n")
        let batch = try ComparatorGroupsImporter.parse([file], council: nil, context: ImportFixtures.context())
        #expect(batch.comparatorGroups.map(\.memberCodes) == [["E10000031", "E10000034"]])
        #expect(batch.skipped.map(\.description) == ["1 repeated member row skipped: the council is already a member of the group, and is stored once."])
    }

    @Test("bad rows: blank code or name, a second name, an unknown area, a region, an unknown column, a council that is not an LA")
    func badRows() throws {
        let context = try ImportFixtures.context()
        let file = ImportFixtures.text("g.csv", """
        group_code,group_name,area_code,ranking
        G,Group,E10000031,1
        ,Group,E10000034,2
        G,,E10000034,3
        G,Other name,E10000028,4
        G,Group,E10099999,5
        G,Group,E12000005,6
        G,Group,,7

        """)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try ComparatorGroupsImporter.parse([file], council: "E12000005", context: context) } == [
            "g.csv:1:*: --council E12000005 is West Midlands, a region (expected the ONS code of the local authority whose own groups these are, e.g. E10000031)",
            "g.csv:1:ranking: unknown column (expected group_code, group_name, area_code, and area_name or note columns for people)",
            "g.csv:3:group_code: blank (expected the group's code, such as SHIRES)",
            "g.csv:4:group_name: blank (expected the group's name, such as Shire counties)",
            "g.csv:5:group_name: \"Other name\" differs from \"Group\", the name g.csv row 2 gives group G (expected one name per group)",
            "g.csv:6:area_code: unknown area code \"E10099999\" (expected the ONS code of an LA imported with scrutineer import areas, such as E10000031, or its DfE number, such as 937)",
            "g.csv:7:area_code: E12000005 West Midlands is a region (expected a local authority: a group's members are councils)",
            "g.csv:8:area_code: blank (expected the ONS code of a member council, such as E10000031, or its DfE number, such as 937)",
        ])
    }
}
