import Foundation
import Testing
import ScrutineerCore
import ScrutineerFormats

@Suite("Fingertips 'Compared to England' on real data (METHODS.md §6.4)")
struct FingertipsComparedToEnglandComparisonTests {
    /// `shared/data/fingertips/la_hospital_admissions_2324.csv`: the Fingertips export of indicator
    /// 90284 (hospital admissions for injuries, children 0–14, per 10,000, low is good), vendored
    /// by the DfE CSC dashboard. Method 1 (England inside the LA's 95% CI, inclusive) reproduces
    /// the published "Compared to England value or percentiles" for every one of the 5,802 LA rows:
    /// 2,088 Better, 1,901 Worse, 1,712 Similar, 101 Not compared.
    @Test("la_hospital_admissions_2324.csv: method 1 reproduces every LA row (2,088 Better, 1,901 Worse, 1,712 Similar, 101 Not compared)")
    func everyLocalAuthorityRow() throws {
        let url = VectorFile.directory.deletingLastPathComponent()
            .appendingPathComponent("data/fingertips/la_hospital_admissions_2324.csv")
        let table = try CSVReader.table(contentsOf: url)
        let rows = table.dictionaries()

        func number(_ row: [String: String], _ column: String) throws -> Double? {
            let text = (row[column] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let value = Double(text) else {
                throw VectorError.notANumber(row: "la_hospital_admissions_2324.csv", column: column, text: text)
            }
            return value
        }
        func key(_ row: [String: String]) -> String {
            [row["Time period"], row["Sex"], row["Age"]].map { $0 ?? "" }.joined(separator: "|")
        }

        // England rows without a breakdown (Category Type blank), keyed by period, sex and age.
        var england: [String: ValueWithConfidenceLimits] = [:]
        for row in rows where row["Area Type"] == "England" && (row["Category Type"] ?? "").isEmpty {
            england[key(row)] = ValueWithConfidenceLimits(value: try number(row, "Value"))
        }

        var counts: [String: Int] = [:]
        var checked = 0
        for (index, row) in rows.enumerated()
        where row["Area Type"] != "England" && (row["Category Type"] ?? "").isEmpty {
            let line = table.records[index].line
            let benchmark = try #require(england[key(row)], "line \(line): no England row for \(key(row))")
            let area = ValueWithConfidenceLimits(
                value: try number(row, "Value"),
                lower95: try number(row, "Lower CI 95.0 limit"),
                upper95: try number(row, "Upper CI 95.0 limit")
            )
            let ours = try BenchmarkComparison.compare(area, with: benchmark, method: .singleOverlappingCI95, polarity: .lowIsGood)
            let published = row["Compared to England value or percentiles"] ?? ""
            #expect(ours.words == published, "la_hospital_admissions_2324.csv:\(line) \(row["Area Name"] ?? "") \(key(row))")
            counts[published, default: 0] += 1
            checked += 1
        }
        #expect(checked == 5_802)
        #expect(counts == ["Better": 2_088, "Worse": 1_901, "Similar": 1_712, "Not compared": 101])
    }
}
