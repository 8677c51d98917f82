import Foundation
import ScrutineerTestSupport
import Testing

/// `scrutineer import groups`, as a council analyst runs it on the example file.
@Suite("scrutineer import groups", .serialized)
struct GroupsCommandTests {
    static let example = SharedFiles.repositoryRoot.appendingPathComponent("examples/comparator-groups.csv").path

    @Test("a council's former code (Barnsley's E08000016, recoded E08000038 under DfE 370) is its current one as a group's member, and refused, naming the current one, as import groups' and import local's --council, committee add's council, user add --council and export --area; a committee for a council succeeded is refused too (found by exploratory testing)")
    func formerCodes() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("former.sqlite").path
        #expect(try CommandRunner.run(["import"] + ImportCommandTests.imports[0] + ["--db", db]).status == 0)
        let groups = folder.appendingPathComponent("groups.csv")
        try Data("group_code,group_name,area_code\nSOUTH_YORKS,South Yorkshire,E08000016\nSOUTH_YORKS,South Yorkshire,E08000019\n".utf8).write(to: groups)
        let problem = "E08000016 is Barnsley's former code; since its recode the council is E08000038 (DfE 370), under which its figures are kept (expected E08000038)"
        let refused = try CommandRunner.run(["import", "groups", groups.path, "--council", "E08000016", "--db", db])
        #expect(refused.status == 65)
        #expect(refused.standardError.hasPrefix("groups.csv:1:*: --council " + problem), "\(refused.standardError)")
        #expect(try CommandRunner.run(["import", "groups", groups.path, "--council", "E08000038", "--db", db]).status == 0)
        // la_lookup_from_ees.csv: Sheffield's E08000019 is E08000039 too.
        #expect(try CommandRunner.run(["export", "groups", "--council", "E08000038", "--db", db]).standardOutput
            == "group_code,group_name,area_code,area_name\nSOUTH_YORKS,South Yorkshire,E08000038,Barnsley\nSOUTH_YORKS,South Yorkshire,E08000039,Sheffield\n")
        let export = try CommandRunner.run(["export", "observations", "--area", "E08000016", "--db", db])
        #expect(export.status == 64)
        #expect(export.standardError == "--area " + problem + "\n")
        let measures = folder.appendingPathComponent("measures.csv")
        try Data("code,title,unit,polarity,year_type,periodicity,decimal_places\nBARN_EH2,Early help,percentage,high,financial,annual,1\n".utf8).write(to: measures)
        let local = try CommandRunner.run(["import", "local", measures.path, "--council", "E08000016", "--db", db])
        #expect(local.status == 65 && local.standardError.contains("--council " + problem), "\(local.standardError)")
        let definition = folder.appendingPathComponent("barnsley.json")
        try Data(#"{"committee":{"code":"BARN-CYP","name":"Children","councilAreaCode":"E08000016","themes":[]},"targets":[]}"#.utf8).write(to: definition)
        let committee = try CommandRunner.run(["committee", "add", definition.path, "--db", db])
        #expect(committee.status == 65)
        #expect(committee.standardError == "\(definition.path): committee.councilAreaCode: " + problem + "\nnothing was written\n")
        // la_successions.csv: Cumbria was succeeded in 2023, so no committee reports for it.
        #expect(try CommandRunner.run(["import", "areas", SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData/national/reference/la_successions.csv").path, "--db", db]).status == 0)
        let cumbria = folder.appendingPathComponent("cumbria.json")
        try Data(#"{"committee":{"code":"CUMB-CYP","name":"Children","councilAreaCode":"E10000006","themes":[]},"targets":[]}"#.utf8).write(to: cumbria)
        let ended = try CommandRunner.run(["committee", "add", cumbria.path, "--db", db])
        #expect(ended.status == 65)
        #expect(ended.standardError == "\(cumbria.path): committee.councilAreaCode: Cumbria (E10000006) was succeeded by Cumberland (E06000063) and Westmorland and Furness (E06000064) on 2023-04-01 (expected a council serving today)\nnothing was written\n")
        let user = try CommandRunner.run(["user", "add", "barnsley.analyst", "--role", "analyst", "--council", "E08000016", "--db", db], input: "a long enough password\n")
        #expect(user.status != 0 && user.standardError.contains("--council " + problem), "\(user.standardError)")
    }

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
