import Foundation
import ScrutineerTestSupport
import Testing
import ScrutineerCore
import ScrutineerFormats

@Suite("stats compare, trend, rank and round")
struct ComparisonBatchTests {
    static func table(_ text: String, file: String = "input.csv") throws -> CSVTable {
        try CSVReader.table(from: Data(text.utf8), fileName: file)
    }

    @Test("compare --method 1 --polarity low reproduces Fingertips' published \"Compared to England\" for every 90284 LA row (METHODS.md §6.4: 2,088 Better, 1,901 Worse, 1,712 Similar, 101 Not compared)")
    func fingertipsComparedToEngland() throws {
        let export = try CSVReader.table(contentsOf: SharedFiles.data("fingertips/la_hospital_admissions_2324.csv"))
        let rows = export.dictionaries()
        func key(_ row: [String: String]) -> String { [row["Time period"]!, row["Sex"]!, row["Age"]!].joined(separator: "|") }
        var england: [String: String] = [:]
        for row in rows where row["Area Type"] == "England" && row["Category Type"] == "" { england[key(row)] = row["Value"] }
        var text = "published,value,lower95,upper95,benchmark\n"
        for row in rows where row["Area Type"] != "England" && row["Category Type"] == "" {
            text += [row["Compared to England value or percentiles"]!, row["Value"]!, row["Lower CI 95.0 limit"]!, row["Upper CI 95.0 limit"]!, england[key(row)] ?? ""]
                .joined(separator: ",") + "\n"
        }
        let output = try CompareBatch.run(try Self.table(text), method: .singleCI95, polarity: .lowIsGood)
        #expect(output.rows.count == 5_802)
        var counts: [String: Int] = [:]
        for row in output.rows {
            #expect(row[5] == row[0], "published \(row[0]) but computed \(row[5]) for \(row[1...4])")
            counts[row[5], default: 0] += 1
        }
        #expect(counts == ["Better": 2_088, "Worse": 1_901, "Similar": 1_712, "Not compared": 101])
    }

    @Test("compare --method 17 needs the 99.8% limits and names limits out of order")
    func method17() throws {
        let input = try Self.table("value,lower95,upper95,lower99_8,upper99_8,benchmark\n3.3,3.2,3.5,3.1,3.6,3.0\n3.3,3.2,3.5,3.05,3.6,3.1\n5,6,4,,,3\n", file: "c.csv")
        do {
            _ = try CompareBatch.run(input, method: .singleCI95And99_8, polarity: .highIsGood)
            Issue.record("limits out of order were accepted")
        } catch {
            #expect(error.errors.map(\.description) == ["c.csv:4:lower95: area 95% limits are out of order: the lower limit (6.0) must not be above the upper limit (4.0)"])
        }
        let good = try Self.table("value,lower95,upper95,lower99_8,upper99_8,benchmark\n3.3,3.2,3.5,3.1,3.6,3.0\n3.3,3.2,3.5,3.05,3.6,3.1\n")
        // Benchmark 3.0 lies beyond the 99.8% lower limit 3.1 ⇒ "Better 99.8%"; 3.1 lies between 3.05 and 3.2 ⇒ "Better" (§6.1, method 17).
        #expect(try CompareBatch.run(good, method: .singleCI95And99_8, polarity: .highIsGood).rows.map { $0.last! } == ["Better 99.8%", "Better"])
        let missing = try Self.table("value,lower95,upper95,benchmark\n3.3,3.2,3.5,3.0\n")
        #expect(throws: BatchInputErrors.self) { try CompareBatch.run(missing, method: .singleCI95And99_8, polarity: .highIsGood) }
    }

    @Test("trend reproduces fingertips_recent_trend_unit.csv: χ² 46.77 significant for set1, not significant for set2 (Fingertips TrendMarkerCalculatorTest.cs)")
    func recentTrend() throws {
        let vectors = try CSVReader.table(contentsOf: SharedFiles.root.appendingPathComponent("vectors/fingertips_recent_trend_unit.csv"), skippingLeadingCommentLines: true)
            .dictionaries().filter { $0["method"]!.hasPrefix("ci_weighted") }
        #expect(!vectors.isEmpty)
        var text = "series,period,value,lower95,upper95,count,denominator\n"
        for row in vectors { text += ["set", "year", "value", "lower95", "upper95", "count", "denominator"].map { row[$0]! }.joined(separator: ",") + "\n" }
        let output = try TrendBatch.run(try Self.table(text), polarity: .lowIsGood)
        #expect(output.header == ["series", "n_points", "chi_square", "significant", "direction", "marker"])
        for row in output.rows {
            let expected = try #require(vectors.first { $0["set"] == row[0] })
            #expect(row[1] == "5")
            #expect(row[3] == (expected["expected_significant"] == "TRUE" ? "TRUE" : "FALSE"), "\(row)")
            if let chi = expected["expected_chi_square_2dp"], !chi.isEmpty {
                #expect(try DfERounding.formatted(Double(row[2])!, decimalPlaces: 2) == String(format: "%.2f", Double(chi)!), "\(row)")
            }
        }
        // set1 rises from 24.67 to 30.6 per 1,000: with low is good that is getting worse.
        #expect(output.rows.first { $0[0].hasPrefix("set1") }?[5] == "Increasing and getting worse")
    }

    @Test("trend: fewer than 5 points cannot be calculated; a repeated period is refused")
    func trendEdges() throws {
        let short = try TrendBatch.run(try Self.table("series,period,value,lower95,upper95\nA,1,1,0.9,1.1\nA,2,2,1.9,2.1\n"), polarity: .highIsGood)
        #expect(short.rows == [["A", "2", "", "FALSE", "none", "Cannot be calculated"]])
        let twice = try Self.table("series,period,value,lower95,upper95\nA,1,1,0.9,1.1\nA,1,2,1.9,2.1\n", file: "t.csv")
        #expect(throws: BatchInputErrors.self) { try TrendBatch.run(twice, polarity: .highIsGood) }
    }

    @Test("rank: ties share the best place and a value on a quartile boundary goes to the band of lower values (METHODS.md §7.1, worked by hand)")
    func rank() throws {
        // Values 10, 20, 20, 30, 40: type-7 quartiles 10, 20, 20, 30, 40. High is good ⇒ [10, 20] is D,
        // (20, 30] is B, (30, 40] is A; ranks by descending value with ties at the minimum rank.
        let input = try Self.table("group,area,value\nX,A,10\nX,B,20\nX,C,20\nX,D,30\nX,E,40\nY,F,1\nY,G,\n")
        let output = try RankBatch.run(input, polarity: .highIsGood)
        #expect(output.rows.map { Array($0[3...]) } == [["5", "D"], ["3", "D"], ["3", "D"], ["2", "B"], ["1", "A"], ["1", "D"], ["", ""]])
        let none = try RankBatch.run(try Self.table("area,value\nA,1\nB,2\n"), polarity: .noJudgement)
        #expect(none.rows.map { Array($0[2...]) } == [["", "-"], ["", "-"]])
    }

    @Test("round reproduces every row of dfe_round_five_up.csv (dfeR tests) and keeps blanks and EES symbols")
    func round() throws {
        let vectors = try CSVReader.table(contentsOf: SharedFiles.root.appendingPathComponent("vectors/dfe_round_five_up.csv"), skippingLeadingCommentLines: true).dictionaries()
        #expect(vectors.count == 9)
        for row in vectors {
            let dp = Int(row["dp"]!)!
            let output = try RoundBatch.run(try Self.table("number\n\(row["number"]!)\n"), columns: ["number"], decimalPlaces: dp)
            #expect(Double(output.rows[0][0]) == Double(row["expected"]!), "\(row)")
        }
        let kept = try RoundBatch.run(try Self.table("a,b\n2.85,c\n,low\n"), columns: ["a", "b"], decimalPlaces: 1)
        #expect(kept.rows == [["2.9", "c"], ["", "low"]])
        #expect(throws: BatchInputErrors.self) { try RoundBatch.run(try Self.table("a\nabc\n"), columns: ["a"], decimalPlaces: 1) }
    }
}
