import Foundation
import Testing

/// A SQLite database in `folder` holding the areas, neighbours and LAIT figures, Warwickshire's
/// own measures and its committee (WARKS-CYP), as the commands that work on a committee's report
/// start from. Returns the file and its `--db` URL.
func warwickshireCommitteeDatabase(in folder: URL, named name: String) throws -> (file: URL, db: String) {
    let file = folder.appendingPathComponent(name)
    let db = "sqlite://" + file.path
    let local = ["warwickshire-measures.csv", "warwickshire-observations.csv"].map { CommitteeCommandTests.demoData.appendingPathComponent("local/\($0)").path }
    for arguments in ImportCommandTests.imports.prefix(3) + [["local"] + local] {
        let result = try CommandRunner.run(["import"] + arguments + ["--db", db])
        #expect(result.status == 0, "\(result.standardError)")
    }
    let added = try CommandRunner.run(["committee", "add", CommitteeCommandTests.definition, "--db", db])
    #expect(added.status == 0, "\(added.standardError)")
    return (file, db)
}
