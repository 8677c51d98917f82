import Testing
@testable import ScrutineerCore

/// Fingertips percentile bounds, quartile/quintile categories and indicator stats
/// (METHODS.md §7; fingertips-open QuartilesCalculatorTest, QuintilesCalculatorTest,
/// IndicatorStatsCalculatorTest, QuartilesComparerTest, QuintilesComparerTest).
@Suite("Fingertips quantiles (METHODS.md §7)")
struct FingertipsQuantileTests {
    /// Bounds are rounded to 10 dp, so compare to 1e-9.
    static let tolerance = 1e-9

    /// The `values` cell: `a..b` ranges, `;` lists, `(null list)` (nil) and `(empty)`.
    static func values(_ row: VectorRow) throws -> [Double]? {
        let text = row["values"].trimmingCharacters(in: .whitespaces)
        switch text {
        case "(null list)": return nil
        case "(empty)": return []
        default:
            if let range = text.range(of: "..") {
                let low = try #require(Int(text[..<range.lowerBound]), "\(row.description): bad range \(text)")
                let high = try #require(Int(text[range.upperBound...]), "\(row.description): bad range \(text)")
                return (low...high).map(Double.init)
            }
            return try row.doubles("values")
        }
    }

    /// The leading integer of an `expected` category cell such as "0 (fewer than 4 values ...)";
    /// Fingertips category 0 ("not categorised") is nil in Scrutineer.
    static func expectedCategory(_ row: VectorRow) throws -> Int? {
        let digits = row["expected"].prefix { $0.isNumber }
        let category = try #require(Int(digits), "\(row.description): no category in \(row["expected"])")
        return category == 0 ? nil : category
    }

    /// fingertips_quantiles.csv: every one of the 28 rows.
    @Test("fingertips_quantiles.csv: every row reproduces (fingertips-open AnalysisTest)")
    func vectorFile() throws {
        let file = try VectorFile("fingertips_quantiles.csv")
        #expect(file.rows.count == 28)
        var checked = 0
        for row in file.rows {
            let kind = row["case"]
            let values = try Self.values(row)
            if kind == "quartile_bounds" || kind == "quintile_bounds" {
                let bounds = kind == "quartile_bounds"
                    ? try FingertipsQuantiles.quartileBounds(of: values)
                    : try FingertipsQuantiles.quintileBounds(of: values)
                let expected = try row.doubles("expected")
                #expect(bounds.count == expected.count, "\(row.description): \(bounds) vs \(expected)")
                for (actual, wanted) in zip(bounds, expected) {
                    #expect(isClose(actual, wanted, relative: 0, absolute: Self.tolerance), "\(row.description): \(bounds) vs \(expected)")
                }
            } else if kind.hasPrefix("stats ") && kind != "stats (percentiles)" {
                let list = try #require(values, "\(row.description): no values")
                let computed = try FingertipsQuantiles.stats(of: list)
                let stats = try #require(computed, "\(row.description): expected stats")
                let byName: [String: Double] = [
                    "min": stats.minimum, "p25": stats.lowerQuartile, "median": stats.median,
                    "p75": stats.upperQuartile, "max": stats.maximum,
                ]
                let names = kind.dropFirst("stats ".count).split(separator: ";").map(String.init)
                let expected = try row.doubles("expected")
                #expect(names.count == expected.count, "\(row.description)")
                for (name, wanted) in zip(names, expected) {
                    let actual = try #require(byName[name], "\(row.description): unknown stat \(name)")
                    #expect(isClose(actual, wanted, relative: 0, absolute: Self.tolerance), "\(row.description): \(name) = \(actual), expected \(wanted)")
                }
            } else if kind == "stats (percentiles)" {
                let list = try #require(values, "\(row.description): no values")
                let stats = try FingertipsQuantiles.stats(of: list)
                let expectation = row["expected"]
                if expectation.hasPrefix("null") {
                    #expect(stats == nil, "\(row.description): expected no stats")
                } else {
                    #expect(expectation.hasPrefix("not null"), "\(row.description): unreadable expectation")
                    #expect(stats != nil, "\(row.description): expected stats")
                }
            } else if kind == "quartile_category" {
                let category = try FingertipsQuantiles.quartile(of: try row.double("value"), among: values)
                let expected = try Self.expectedCategory(row)
                #expect(category == expected, "\(row.description): got \(String(describing: category))")
            } else if kind.hasPrefix("quintile_category") {
                let polarity: Polarity = kind.hasSuffix("RagHighIsGood") ? .highIsGood
                    : kind.hasSuffix("RagLowIsGood") ? .lowIsGood : .noJudgement
                let category = try FingertipsQuantiles.quintile(of: try row.double("value"), among: values, polarity: polarity)
                let expected = try Self.expectedCategory(row)
                #expect(category == expected, "\(row.description): got \(String(describing: category))")
            } else {
                Issue.record("\(row.description): unknown case \(kind)")
                continue
            }
            checked += 1
        }
        #expect(checked == 28)
    }

    @Test("a value on a bound goes to the lower category; above the maximum is uncategorised (METHODS.md §7)")
    func boundaries() throws {
        let values = (1...10).map(Double.init) // quartile bounds 1, 3.25, 5.5, 7.75, 10
        #expect(try FingertipsQuantiles.quartile(of: 5.5, among: values) == 2)
        #expect(try FingertipsQuantiles.quartile(of: 5.5000001, among: values) == 3)
        #expect(try FingertipsQuantiles.quartile(of: 0, among: values) == 1)
        #expect(try FingertipsQuantiles.quartile(of: 10.5, among: values) == nil)
        #expect(try FingertipsQuantiles.quartile(of: nil, among: values) == nil)
        // Quartiles are never reversed: there is no polarity argument at all.
    }

    @Test("bounds are type 7 rounded to 10 dp (METHODS.md §7)")
    func roundedBounds() throws {
        // 1/3 interpolation gives 0.1 + (0.2 − 0.1)/3 … rounded to 10 dp.
        let computed = try FingertipsQuantiles.percentile(of: [0.1, 0.2, 0.3, 0.4], fraction: 1.0 / 9.0)
        let p = try #require(computed)
        #expect(p == 0.1333333333)
        #expect(try FingertipsQuantiles.percentile(of: [], fraction: 0.5) == nil)
        #expect(throws: QuantileError.fractionOutOfRange(1.5)) {
            try FingertipsQuantiles.percentile(of: [1, 2], fraction: 1.5)
        }
    }
}
