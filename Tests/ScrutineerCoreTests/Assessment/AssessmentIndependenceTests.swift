import Foundation
import ScrutineerCore
import ScrutineerFormats
import Testing
import ScrutineerTestSupport

/// Issue 5's acceptance check: for a Warwickshire committee of every LAIT measure at each measure's
/// latest period, the England, region, statistical-neighbour mean, rank and quartile band equal an
/// independent computation (`Fixtures/independent_assess.py`, csv module only, after
/// `../shared/baselines/pandas_assess.py`).
@Suite struct AssessmentIndependenceTests {
    /// One row of the script's output.
    struct Expected {
        let cells: [String: String]
        subscript(_ column: String) -> String { cells[column] ?? "" }
        func number(_ column: String) -> Double? { Double(self[column]) }
    }

    /// Runs the script with python3 for `councils`, returning rows by council and measure.
    static func independent(_ councils: [String]) throws -> [String: [String: Expected]] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/independent_assess.py")
        var result: [String: [String: Expected]] = [:]
        for council in councils {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, SharedFiles.data("").path, council]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw FixtureError(description: "independent_assess.py failed (\(process.terminationStatus)): \(errorText)")
            }
            let table = try CSVReader.table(from: data, fileName: "independent_assess.py output")
            for row in table.dictionaries() {
                result[council, default: [:]][row["measure"] ?? ""] = Expected(cells: row)
            }
        }
        return result
    }

    static func close(_ actual: Double?, _ expected: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil): true
        case let (a?, e?): abs(a - e) <= 1e-9 * max(1, abs(e))
        default: false
        }
    }

    @Test("Warwickshire (and Camden, an Inner London borough): every LAIT measure's benchmarks equal the independent script",
          arguments: [LAITData.warwickshire, "E09000007"])
    func everyMeasureMatchesIndependentScript(council: String) throws {
        let lait = try LAITData.shared()
        let expected = try #require(try Self.independent([council])[council])
        let assessments = try lait.index().assess(
            council: council, measureCodes: lait.measures.map(\.code),
            reportingPeriod: try Build.period("2025/26 Q2"), today: try Build.date("2026-03-01"), audience: .officer,
            includeHistory: false
        )
        #expect(assessments.count == 36)
        var compared = 0
        var rankedAndBanded = 0
        for assessment in assessments {
            let code = assessment.measure.code
            let row = try #require(expected[code], "the script printed no row for \(code)")
            let benchmarks = try #require(assessment.benchmarks, "\(code): no benchmarks")
            #expect(benchmarks.period.label == row["period"], "\(code): period")
            #expect(Self.close(assessment.latest?.value, row.number("value")), "\(code): value")
            #expect(Self.close(benchmarks.england, row.number("england")), "\(code): England \(String(describing: benchmarks.england)) vs \(row["england"])")
            #expect(benchmarks.region?.areaCode == row["region_code"], "\(code): region used")
            #expect(Self.close(benchmarks.region?.value, row.number("region")), "\(code): region value")
            #expect(Self.close(benchmarks.statisticalNeighbours?.mean, row.number("sn_mean")), "\(code): SN mean")
            #expect(benchmarks.statisticalNeighbours?.neighboursWithFigure == Int(row["sn_with_value"]), "\(code): SNs with a figure")
            #expect(benchmarks.rankedCount == Int(row["ranked"]), "\(code): LAs with a figure")
            compared += 1
            // LAIT ranks and bands only High/Low measures; the script ranks every other polarity as
            // high (as pandas_assess.py does), so those are compared only as "no rank, band -".
            switch lait.laitPolarity[code] {
            case "High", "Low":
                #expect(benchmarks.rank == Int(row["rank"]), "\(code): rank \(String(describing: benchmarks.rank)) vs \(row["rank"])")
                // No band for a period published without the council's figure (the script's empty cell).
                #expect((benchmarks.band?.rawValue ?? "") == row["band"], "\(code): band \(String(describing: benchmarks.band)) vs \(row["band"])")
                rankedAndBanded += 1
            default:
                #expect(benchmarks.rank == nil, "\(code): no rank without High/Low polarity")
                #expect(benchmarks.band == (assessment.latest?.value == nil ? nil : .notApplicable), "\(code): band - without High/Low polarity")
            }
        }
        #expect(compared == expected.count)
        #expect(rankedAndBanded == lait.laitPolarity.values.filter { $0 == "High" || $0 == "Low" }.count)
    }

    @Test("The two measures whose latest year LAIT publishes as - for Warwickshire show that year, with no figure, rank or band, not an older figure")
    func latestYearWithoutFigure() throws {
        let lait = try LAITData.shared()
        let assessments = try lait.index().assess(
            council: LAITData.warwickshire, measureCodes: ["6wksBreast", "CPPlans2yrsActive"],
            reportingPeriod: try Build.period("2025/26 Q2"), today: try Build.date("2026-03-01"), audience: .officer
        )
        // lait_kpi_subset_long.csv: 6wksBreast 2024 and CPPlans2yrsActive 2025 are "-" for E10000031;
        // their last figures are for 2020 and 2023.
        #expect(assessments.map { $0.latest?.period.label } == ["2024", "2025"])
        for assessment in assessments {
            let code = assessment.measure.code
            #expect(assessment.latest?.value == nil && assessment.latest?.text == "-", "\(code)")
            #expect(assessment.status.status == .noData, "\(code)")
            #expect(assessment.status.reason.hasPrefix("No data: \(assessment.latest?.period.label ?? ""), the latest period, was published as “-”"), "\(code): \(assessment.status.reason)")
            #expect(assessment.direction.notCalculatedReason == .latestFigureMissing(period: assessment.latest?.period.label ?? "", symbol: .laitDash), "\(code)")
            #expect(assessment.benchmarks?.rank == nil && assessment.benchmarks?.band == nil && assessment.benchmarks?.england != nil, "\(code)")
            #expect(assessment.currency.state != .stale, "\(code): the latest year is no older figure gone stale")
            #expect(assessment.history.last?.period == assessment.latest?.period, "\(code): the trend ends with the latest year")
        }
    }
}

