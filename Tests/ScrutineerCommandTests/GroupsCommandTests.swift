import Foundation
import ScrutineerTestSupport
import Testing

/// `scrutineer import groups`, as a council analyst runs it on the example file.
@Suite("scrutineer import groups", .serialized)
struct GroupsCommandTests {
    static let example = SharedFiles.repositoryRoot.appendingPathComponent("examples/comparator-groups.csv").path

    @Test("a council's groups are added, then unchanged; exported as they import; another council's import of the same codes is refused with the database byte for byte as it was")
    func councilGroups() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("groups.sqlite")
        let db = "sqlite://" + file.path
        let areas = try CommandRunner.run(["import"] + ImportCommandTests.imports[0] + ["--db", db])
        #expect(areas.status == 0, "\(areas.standardError)")

        let added = try CommandRunner.run(["import", "groups", Self.example, "--council", "E10000031", "--db", db])
        #expect(added.status == 0, "\(added.standardError)")
        // examples/comparator-groups.csv: eleven member rows in two groups.
        #expect(added.standardOutput == """
        11 rows read: 2 added, 0 changed, 0 unchanged, 0 rejected.
          comparator groups: 2 added, 0 changed, 0 unchanged.
        Imported comparator-groups.csv.

        """)
        let again = try CommandRunner.run(["import", "groups", Self.example, "--council", "E10000031", "--db", db])
        #expect(again.standardOutput.hasSuffix("Nothing changed: the database already held exactly this.\n"), "\(again.standardOutput)")

        // Exported as import groups reads them, by group and member code, with each member's name
        // from the LA lookup; imported again, nothing changes.
        let exported = try CommandRunner.run(["export", "groups", "--council", "E10000031", "--db", db])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(exported.standardOutput == """
        group_code,group_name,area_code,area_name
        WARKS_MIDLANDS_COUNTIES,Midlands county councils,E10000007,Derbyshire
        WARKS_MIDLANDS_COUNTIES,Midlands county councils,E10000018,Leicestershire
        WARKS_MIDLANDS_COUNTIES,Midlands county councils,E10000024,Nottinghamshire
        WARKS_MIDLANDS_COUNTIES,Midlands county councils,E10000028,Staffordshire
        WARKS_MIDLANDS_COUNTIES,Midlands county councils,E10000031,Warwickshire
        WARKS_MIDLANDS_COUNTIES,Midlands county councils,E10000034,Worcestershire
        WARKS_WM_SHIRES,West Midlands shire areas,E06000019,"Herefordshire, County of"
        WARKS_WM_SHIRES,West Midlands shire areas,E06000051,Shropshire
        WARKS_WM_SHIRES,West Midlands shire areas,E10000028,Staffordshire
        WARKS_WM_SHIRES,West Midlands shire areas,E10000031,Warwickshire
        WARKS_WM_SHIRES,West Midlands shire areas,E10000034,Worcestershire

        """)
        let exportFile = folder.appendingPathComponent("exported-groups.csv")
        try Data(exported.standardOutput.utf8).write(to: exportFile)
        let reimported = try CommandRunner.run(["import", "groups", exportFile.path, "--council", "E10000031", "--db", db])
        #expect(reimported.standardOutput.hasSuffix("Nothing changed: the database already held exactly this.\n"), "\(reimported.standardOutput)")
        let shared = try CommandRunner.run(["export", "groups", "--db", db])
        #expect(shared.standardOutput == "group_code,group_name,area_code,area_name\n", "no group is every council's")

        let before = try Data(contentsOf: file)
        let other = try CommandRunner.run(["import", "groups", Self.example, "--council", "E10000013", "--db", db])
        #expect(other.status == 65)
        // Each group refused is named, not only the first.
        #expect(other.standardError == """
            comparator-groups.csv:2:group_code: comparator group WARKS_WM_SHIRES is council E10000031's own, and this import would redefine it as council E10000013's (expected --council E10000031, or another group code); nothing was written
            comparator-groups.csv:7:group_code: comparator group WARKS_MIDLANDS_COUNTIES is council E10000031's own, and this import would redefine it as council E10000013's (expected --council E10000031, or another group code); nothing was written

            """)
        #expect(try Data(contentsOf: file) == before)

        let misplaced = try CommandRunner.run(["import", "lait", Self.example, "--council", "E10000031", "--db", db])
        #expect(misplaced.status == 64)
        #expect(misplaced.standardError.contains("--council is for local and groups imports"))
    }
}
