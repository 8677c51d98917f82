import Testing
@testable import ScrutineerCore

/// Every row of the PHEindicatormethods funnel vectors (METHODS.md §6.2; PHE R/Funnels.R,
/// tests/testthat/testFunnels.R).
@Suite("Funnel plots: PHEindicatormethods vectors")
struct FunnelVectorTests {
    @Test("funnel_proportion_significance.csv: every area against the pooled average of all 303 (PHE testdata_funnel_prop_inputs.csv)")
    func proportionSignificance() throws {
        let file = try VectorFile("funnel_proportion_significance.csv")
        #expect(file.rows.count == 303)
        let areas = try file.rows.map { row in
            FunnelProportionArea(numerator: try row.requiredDouble("numerator"), denominator: try row.requiredDouble("denominator"))
        }
        let result = try FunnelPlot.proportionSignificance(areas)
        #expect(result.outcomes.count == file.rows.count)
        for (row, outcome) in zip(file.rows, result.outcomes) {
            #expect(outcome.words == row["expected_significance"], "\(row) \(row["area"])")
        }
    }

    @Test("funnel_ratio_significance.csv: observed/expected against 1, exact below 10, Byar's from 10 (PHE testdata_funnel_ratio_inputs.csv)")
    func ratioSignificance() throws {
        let file = try VectorFile("funnel_ratio_significance.csv")
        #expect(file.rows.count == 300)
        let areas = try file.rows.map { row in
            FunnelRatioArea(observed: try row.requiredDouble("observed"), expected: try row.requiredDouble("expected"))
        }
        let result = try FunnelPlot.ratioSignificance(areas)
        #expect(result.benchmark == 1)
        for (row, outcome) in zip(file.rows, result.outcomes) {
            #expect(outcome.words == row["expected_significance"], "\(row)")
        }
    }

    /// One scenario column of funnel_rate_significance.csv, as its header describes it.
    struct RateScenario: Sendable, CustomStringConvertible {
        let column: String
        let rateColumn: String
        let rateType: FunnelRateType
        let multiplier: Double
        let keepsZeroCountRow: Bool
        var description: String { column }
    }

    static let rateScenarios: [RateScenario] = [
        RateScenario(column: "exp_dsr_per_100000_with_0", rateColumn: "rate_dsr_per_100000", rateType: .directlyStandardised, multiplier: 100_000, keepsZeroCountRow: true),
        RateScenario(column: "exp_dsr_per_100000_without_0", rateColumn: "rate_dsr_per_100000", rateType: .directlyStandardised, multiplier: 100_000, keepsZeroCountRow: false),
        RateScenario(column: "exp_crude_per_100000_with_0", rateColumn: "rate_crude_per_100000", rateType: .crude, multiplier: 100_000, keepsZeroCountRow: true),
        RateScenario(column: "exp_crude_per_100000_without_0", rateColumn: "rate_crude_per_100000", rateType: .crude, multiplier: 100_000, keepsZeroCountRow: false),
        RateScenario(column: "exp_crude_per_100_with_0", rateColumn: "rate_crude_per_100", rateType: .crude, multiplier: 100, keepsZeroCountRow: true),
        RateScenario(column: "exp_crude_per_100_without_0", rateColumn: "rate_crude_per_100", rateType: .crude, multiplier: 100, keepsZeroCountRow: false),
    ]

    @Test("funnel_rate_significance.csv: weighted-average rate funnels, crude and DSR, with and without the count-0 row (PHE testdata_funnel_rate_dsr_inputs.csv)",
          arguments: rateScenarios)
    func rateSignificance(_ scenario: RateScenario) throws {
        let file = try VectorFile("funnel_rate_significance.csv")
        #expect(file.rows.count == 40)
        let rows = try file.rows.filter { row in try scenario.keepsZeroCountRow || row.requiredDouble("count") != 0 }
        #expect(rows.count == (scenario.keepsZeroCountRow ? 40 : 39))
        let areas = try rows.map { row in
            FunnelRateArea(count: try row.requiredDouble("count"), rate: try row.double(scenario.rateColumn), denominator: try row.double("pop"))
        }
        let result = try FunnelPlot.rateSignificance(areas, rateType: scenario.rateType, multiplier: scenario.multiplier)
        for (row, outcome) in zip(rows, result.outcomes) {
            #expect(!row[scenario.column].isEmpty, "\(row) \(scenario): no expectation for a row in the scenario")
            #expect(outcome.words == row[scenario.column], "\(row) \(scenario)")
        }
    }

    @Test("funnel_proportion_limits.csv: both 100-point tables, populations and 95%/99.8% limits to the file's 6 dp (PHE testdata_funnel_prop_outputs*.csv)")
    func proportionLimits() throws {
        let inputs = try VectorFile("funnel_proportion_significance.csv")
        let allAreas = try inputs.rows.map { row in
            FunnelProportionArea(numerator: try row.requiredDouble("numerator"), denominator: try row.requiredDouble("denominator"))
        }
        let file = try VectorFile("funnel_proportion_limits.csv")
        #expect(file.rows.count == 200)
        // The file's `input_rows` column names which areas each table was built from.
        let tables = Dictionary(grouping: file.rows, by: { $0["input_rows"] })
        #expect(tables.count == 2)
        for (inputRows, rows) in tables {
            let areas: [FunnelProportionArea]
            if inputRows.hasPrefix("all 303 rows") {
                areas = allAreas
            } else {
                #expect(inputRows.contains("denominator < 31000"), "unknown input_rows: \(inputRows)")
                areas = allAreas.filter { $0.denominator < 31000 }
            }
            let table = try FunnelPlot.proportionLimitsTable(areas, multiplier: 100)
            #expect(table.method == .wilson)
            #expect(table.rows.count == rows.count, "\(inputRows)")
            // Rounded to 6 dp in the reference CSV (file header).
            let tolerance = 5e-7 + 1e-12
            for (row, computed) in zip(rows, table.rows) {
                #expect(computed.axisValue == (try row.requiredDouble("population")), "\(row)")
                #expect(isClose(table.baseline, try row.double("baseline"), relative: 0, absolute: tolerance), "\(row)")
                #expect(isClose(computed.lower95.limit, try row.double("lower_95"), relative: 0, absolute: tolerance), "\(row)")
                #expect(isClose(computed.upper95.limit, try row.double("upper_95"), relative: 0, absolute: tolerance), "\(row)")
                #expect(isClose(computed.lower99_8.limit, try row.double("lower_99_8"), relative: 0, absolute: tolerance), "\(row)")
                #expect(isClose(computed.upper99_8.limit, try row.double("upper_99_8"), relative: 0, absolute: tolerance), "\(row)")
                #expect(computed.lower95.denominator == computed.axisValue, "\(row)")
            }
        }
    }
}
