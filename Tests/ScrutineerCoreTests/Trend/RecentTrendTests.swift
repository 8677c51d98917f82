import Foundation
import Testing
import ScrutineerCore

@Suite("Fingertips recent trend (METHODS.md §8.1)")
struct RecentTrendTests {
    /// fingertips_recent_trend_unit.csv: every row of the 4 five-point sets, from fingertips-open
    /// AnalysisTest TrendMarkerCalculatorTest.cs. χ² is asserted to 2 dp, as the reference tests do.
    @Test("fingertips_recent_trend_unit.csv: every set (Fingertips TrendMarkerCalculator tests)")
    func vectorFile() throws {
        let file = try VectorFile("fingertips_recent_trend_unit.csv")
        #expect(file.rows.count == 20)
        var sets: [String: [VectorRow]] = [:]
        var order: [String] = []
        for row in file.rows {
            if sets[row["set"]] == nil { order.append(row["set"]) }
            sets[row["set"], default: []].append(row)
        }
        #expect(order.count == 4)
        for name in order {
            let rows = try #require(sets[name]).sorted { Int($0["year"]) ?? 0 < Int($1["year"]) ?? 0 }
            let first = rows[0]
            let path: RecentTrendPath = first["method"].hasPrefix("proportion") ? .proportion : .ciWeighted
            let points = try rows.map { row in
                TrendPoint(
                    value: try row.double("value"), lower95: try row.double("lower95"), upper95: try row.double("upper95"),
                    count: try row.double("count"), denominator: try row.double("denominator")
                )
            }
            let trend = try RecentTrend.calculate(points, path: path)
            let where_ = "\(name) (\(first)…\(rows[rows.count - 1].line))"
            for row in rows {
                #expect(trend.isSignificant == (try row.bool("expected_significant")), "\(row)")
            }
            if first["note"].contains("CannotBeCalculated") {
                #expect(trend.marker == .cannotBeCalculated, "\(where_)")
                #expect(trend.chiSquare == nil, "\(where_): Fingertips reports 0, Scrutineer nil")
                #expect(trend.unavailableReason == .countEqualsDenominator, "\(where_)")
            } else {
                #expect(trend.numberOfPoints == 5, "\(where_)")
                let chiSquare = try #require(trend.chiSquare, "\(where_)")
                if let expected = try first.double("expected_chi_square_2dp") {
                    #expect((chiSquare * 100).rounded() / 100 == expected, "\(where_): χ² \(chiSquare)")
                }
                // Set 1 rises year on year; set 2 wanders without a significant trend.
                #expect(trend.marker == (trend.isSignificant ? .increasing : .noChange), "\(where_)")
            }
        }
    }

    private static let risingSet: [TrendPoint] = [
        TrendPoint(value: 24.67, lower95: 23.16, upper95: 26.25, count: 994, denominator: 40299),
        TrendPoint(value: 24.6, lower95: 23.15, upper95: 26.19, count: 1023, denominator: 41527),
        TrendPoint(value: 28, lower95: 26.44, upper95: 29.64, count: 1199, denominator: 42811),
        TrendPoint(value: 30.2, lower95: 28.63, upper95: 31.9, count: 1332, denominator: 44064),
        TrendPoint(value: 30.6, lower95: 28.98, upper95: 32.25, count: 1367, denominator: 44701),
    ]

    @Test("Fewer than 5 valid points cannot be calculated (METHODS.md §8.1)")
    func fewerThanFive() throws {
        let trend = try RecentTrend.calculate(Array(Self.risingSet.prefix(4)), path: .ciWeighted)
        #expect(trend.marker == .cannotBeCalculated)
        #expect(trend.numberOfPoints == 4)
        #expect(trend.direction == .none)
        #expect(trend.phrase(for: .lowIsGood) == "Cannot be calculated")
        #expect(trend.unavailableReason == .fewerThanFiveValidPoints)
    }

    @Test("Gaps are skipped, as the live service does (METHODS.md §8.3)")
    func gapsSkipped() throws {
        var points = Self.risingSet
        points.insert(TrendPoint(value: nil), at: 3)
        let withGap = try RecentTrend.calculate(points, path: .ciWeighted)
        let without = try RecentTrend.calculate(Self.risingSet, path: .ciWeighted)
        #expect(withGap == without)
        // Older points beyond the most recent five are ignored.
        let older = [TrendPoint(value: 90, lower95: 89, upper95: 91)] + Self.risingSet
        #expect(try RecentTrend.calculate(older, path: .ciWeighted) == without)
    }

    @Test("Direction and phrases follow the chronological slope and polarity (METHODS.md §8.1, §8.3)")
    func phrases() throws {
        let rising = try RecentTrend.calculate(Self.risingSet, path: .ciWeighted)
        #expect(rising.direction == .increasing)
        #expect(rising.marker.words == "Increasing")
        #expect(rising.phrase(for: .lowIsGood) == "Increasing and getting worse")
        #expect(rising.phrase(for: .highIsGood) == "Increasing and getting better")
        #expect(rising.phrase(for: .noJudgement) == "Increasing")
        let falling = try RecentTrend.calculate(Self.risingSet.reversed(), path: .proportion)
        #expect(falling.isSignificant)
        #expect(falling.direction == .decreasing)
        #expect(falling.phrase(for: .lowIsGood) == "Decreasing and getting better")
        #expect(falling.phrase(for: .highIsGood) == "Decreasing and getting worse")
        #expect(TrendMarker.noChange.phrase(for: .highIsGood) == "No significant change")
    }

    @Test("One point that reverses the slope makes it not significant (METHODS.md §8.1 leave-one-out)")
    func outlierCheck() throws {
        // A slow fall, then one very precise high point at the end: the full fit rises with a
        // huge χ², but leaving that point out turns the slope negative, so it is not significant.
        let points = [
            TrendPoint(value: 20, lower95: 19, upper95: 21),
            TrendPoint(value: 19.9, lower95: 18.9, upper95: 20.9),
            TrendPoint(value: 19.8, lower95: 18.8, upper95: 20.8),
            TrendPoint(value: 19.7, lower95: 18.7, upper95: 20.7),
            TrendPoint(value: 30, lower95: 29.99, upper95: 30.01),
        ]
        let trend = try RecentTrend.calculate(points, path: .ciWeighted)
        let chiSquare = try #require(trend.chiSquare)
        #expect(chiSquare > RecentTrend.criticalChiSquare)
        #expect(trend.direction == .increasing)
        #expect(!trend.isSignificant)
        #expect(trend.marker == .noChange)
    }

    @Test("Proportion path: count above denominator throws; zero count cannot be calculated")
    func proportionInputs() throws {
        var points = Self.risingSet
        points[2].count = 50_000
        #expect(throws: TrendError.countAboveDenominator(count: 50_000, denominator: 42811, position: 3)) {
            try RecentTrend.calculate(points, path: .proportion)
        }
        points[2].count = 0
        #expect(try RecentTrend.calculate(points, path: .proportion).unavailableReason == .zeroCount)
        var negative = Self.risingSet
        negative[0].denominator = 0
        #expect(throws: TrendError.self) { try RecentTrend.calculate(negative, path: .ciWeighted) }
    }
}
