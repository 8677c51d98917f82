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

    @Test("an option that cannot be right is a usage error naming the option (exit 64), not a problem in the file")
    func impossibleOptions() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "series,period,value,numerator,denominator,count\nA,2020,1,1,2,1\n".write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        for (arguments, words) in [
            (["spc", "in.csv", "--improvement", "increase", "--fix-after", "1"], "--fix-after 1: limits need at least two points (expected 2 or more)"),
            (["spc", "in.csv", "--improvement", "increase", "--target", "nan"], "--target nan is not a number"),
            (["round", "in.csv", "--column", "value", "--dp", "20"], "--dp 20 is out of range (expected -15 to 15)"),
            (["proportion", "in.csv", "--multiplier", "0"], "--multiplier 0.0 gives no meaningful figure"),
            (["rate", "in.csv", "--multiplier=-100"], "--multiplier -100.0 gives no meaningful figure"),
            (["rate", "in.csv", "--multiplier", "inf"], "--multiplier inf gives no meaningful figure"),
        ] {
            let result = try CommandRunner.run(["stats"] + arguments, in: folder)
            #expect(result.status == 64, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(words), "\(arguments): \(result.standardError)")
        }
    }

    @Test("refused input, each named FILE:ROW:COLUMN as given (exit 65): hexadecimal text, a column named twice, periods newest first; a folder is not a file (exit 66)")
    func refusedInput() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        func run(_ csv: String, _ arguments: [String]) throws -> CommandRunner.Result {
            try csv.write(to: folder.appendingPathComponent("in/data.csv"), atomically: true, encoding: .utf8)
            return try CommandRunner.run(["stats"] + arguments + ["in/data.csv"], in: folder)
        }
        let hex = try run("numerator,denominator\n0x10,100\n", ["proportion"])
        #expect(hex.status == 65)
        #expect(hex.standardError == "in/data.csv:2:numerator: \"0x10\" is not a number (expected a number such as 42 or 0.5, or a blank cell for missing)\n")
        let twice = try run("numerator,denominator,numerator\n5,10,6\n", ["proportion"])
        #expect(twice.status == 65)
        #expect(twice.standardError == "in/data.csv:1:numerator: 2 columns are named numerator, columns 1 and 3 (expected one, so that it is clear which to use)\n")
        // Middlesbrough's 90284 rows, newest first: read as given, the trend would run backwards.
        let newestFirst = try run("series,period,value,lower95,upper95\nM,2012/13,150,140,160\nM,2011/12,160,150,170\nM,2010/11,170,160,180\n", ["trend", "--polarity", "low"])
        #expect(newestFirst.status == 65)
        #expect(newestFirst.standardError == "in/data.csv:3:period: 2011/12 is earlier than 2012/13 on row 2 in series \"M\" (expected rows oldest first: sort the file by period)\n")
        let spc = try run("period,value\n2024-09,5\n2024-08,6\n", ["spc", "--improvement", "increase"])
        #expect(spc.status == 65)
        #expect(spc.standardError.hasPrefix("in/data.csv:3:period: 2024-08 is earlier than 2024-09 on row 2 (expected rows oldest first"), "\(spc.standardError)")
        let notFile = try CommandRunner.run(["stats", "proportion", "in"], in: folder)
        #expect(notFile.status == 66)
        #expect(notFile.standardError == "in: a folder, not a file (expected a CSV file)\n")
    }

    @Test("five equal values have no trend direction on either path (not a slope of rounding error)")
    func flatTrend() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (2019...2023).map { "F,\($0),12.3,10.1,14.6,123,1000" }.joined(separator: "\n")
        try "series,period,value,lower95,upper95,count,denominator\n\(rows)\n".write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        for path in ["ci-weighted", "proportion"] {
            let result = try CommandRunner.run(["stats", "trend", "in.csv", "--polarity", "high", "--path", path], in: folder)
            #expect(result.status == 0, "\(result.standardError)")
            let row = result.standardOutput.split(separator: "\n").last.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(row?[4] == "none", "\(path): \(result.standardOutput)")
        }
    }
}
