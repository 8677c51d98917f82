import Foundation
import Testing

@Suite("scrutineer stats, run as a command")
struct StatsCommandTests {
    @Test("bad input exits 65, prints FILE:ROW:COLUMN on stderr, and leaves no output file")
    func badInputLeavesNothing() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "count,denominator\n5,100\n3,zero\n".write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["stats", "rate", "in.csv", "--output", "out.csv"], in: folder)
        #expect(result.status == 65)
        #expect(result.standardError == "in.csv:3:denominator: \"zero\" is not a number (expected a number such as 42 or 0.5, or a blank cell for missing)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
    }

    @Test("good input is written to --output; an existing file is replaced only on success")
    func writesOutput() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "numerator,denominator\n65,100\n".write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["stats", "proportion", "in.csv", "--output", "out.csv"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let written = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        // 65/100: 65%, Wilson 95% 55.25444329688797–73.63575175690247 (wilson.csv, PHE testdata_Byars_Wilson.xlsx × 100).
        #expect(written.hasPrefix("numerator,denominator,value,lower95,upper95,lower99_8,upper99_8\n65,100,65,55.25444329688"))
        try "numerator,denominator\n65,x\n".write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let failed = try CommandRunner.run(["stats", "proportion", "in.csv", "--output", "out.csv"], in: folder)
        #expect(failed.status == 65)
        #expect(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8) == written)
    }

    @Test("stats round --dp takes a negative number as written in the help (--dp -1 rounds to tens), halves away from zero")
    func roundToTens() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "count\n1234\n-15\nc\n".write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["stats", "round", "in.csv", "--column", "count", "--dp", "-1"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        // DfE's round_five_up (METHODS.md §11): 1234 → 1230, −15 → −20 (away from zero); the symbol is kept.
        #expect(result.standardOutput == "count\n1230\n-20\nc\n", "\(result.standardOutput)")
    }
}
