import Foundation
import ScrutineerTestSupport
import Testing
import ScrutineerCore
import ScrutineerFormats

@Suite("stats spc")
struct SPCBatchTests {
    /// The R `set.seed(123); rnorm(20)` series with y15 = 10, from spc_xmr_limits.csv
    /// (NHSRplotthedots snapshot tests/testthat/_snaps/ptd_spc_standard.md, rows r2 and r3).
    static func snapshotSeries() throws -> (values: [Double], rows: [[String: String]]) {
        let table = try CSVReader.table(
            contentsOf: SharedFiles.root.appendingPathComponent("vectors/spc_xmr_limits.csv"),
            skippingLeadingCommentLines: true
        )
        let rows = table.dictionaries().filter { $0["case"] == "rnorm20_seed123_y15_is_10" }
        let values = try #require(rows.first?["values"]).split(separator: ";").map { Double($0)! }
        return (values, rows)
    }

    static func csv(_ values: [Double], series: String = "S") -> String {
        "series,period,value\n" + values.enumerated().map { "\(series),p\(String(format: "%02d", $0.offset)),\($0.element)" }.joined(separator: "\n") + "\n"
    }

    @Test("limits from the command equal NHSRplotthedots' snapshot to 7 s.f., screened and unscreened")
    func snapshotLimits() throws {
        let (values, rows) = try Self.snapshotSeries()
        #expect(rows.count == 2)
        for row in rows {
            let screen = row["screen_outliers"] == "TRUE"
            let input = try CSVReader.table(from: Data(Self.csv(values).utf8), fileName: "s.csv")
            let output = try SPCBatch.run(input, options: XmROptions(improvementDirection: .increase, screenOutliers: screen))
            #expect(output.header == ["series", "period", "value", "mean", "lpl", "upl", "point_type"])
            #expect(output.rows.count == 20)
            for line in output.rows {
                for (column, expected) in [(3, "mean"), (4, "lpl"), (5, "upl")] {
                    let want = Double(row[expected]!)!
                    #expect(abs(Double(line[column])! - want) <= 5e-7 * max(1, abs(want)), "screen=\(screen) \(expected)")
                }
            }
            // y15 = 10 is far above both upper limits: special cause, improvement when increase is good.
            #expect(output.rows[14][6] == "special_cause_improvement")
        }
    }

    @Test("series are charted separately and --summary gives one row per series with its icons")
    func seriesAndSummary() throws {
        let flat: [Double] = Array(repeating: [10.0, 11, 9, 10, 11, 9], count: 3).flatMap { $0 }
        let text = Self.csv(flat, series: "flat") + Self.csv(Array(flat.dropLast(1)) + [40.0], series: "jump").split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        let input = try CSVReader.table(from: Data(text.utf8), fileName: "s.csv")
        let summary = try SPCBatch.run(input, options: XmROptions(improvementDirection: .decrease, target: 12), summary: true)
        #expect(summary.header == ["series", "variation", "assurance"])
        // Last point 40 is above the upper limit with decrease as improvement ⇒ concern, high (METHODS.md §9.3).
        // Flat series: limits 10 ± 2.66 × 1.41 = 6.2–13.8, so a target of 12 sits inside them ⇒ hit and miss.
        #expect(summary.rows == [["flat", "common_cause", "inconsistent"], ["jump", "concern_high", "inconsistent"]])
    }

    @Test("a repeated period, a non-number and an unknown --rebase-at are named by file, row and column")
    func badInput() throws {
        let input = try CSVReader.table(from: Data("period,value\n2024-01,1\n2024-02,x\n2024-01,3\n".utf8), fileName: "spc.csv")
        do {
            _ = try SPCBatch.run(input, options: XmROptions(improvementDirection: .increase))
            Issue.record("bad input was accepted")
        } catch {
            #expect(error.errors.map(\.description) == [
                "spc.csv:3:value: \"x\" is not a number (expected a number such as 42 or 0.5, or a blank cell for missing)",
                "spc.csv:4:period: period 2024-01 appears twice in series \"\" (first on row 2; expected one row per period)",
            ])
        }
        let good = try CSVReader.table(from: Data("period,value\n2024-01,1\n2024-02,2\n".utf8), fileName: "spc.csv")
        #expect(throws: BatchInputErrors.self) {
            try SPCBatch.run(good, options: XmROptions(improvementDirection: .increase, rebaseAt: [.period("2030-01")]))
        }
    }
}
