import Foundation
import Testing
import ScrutineerCore
import ScrutineerFormats

@Suite("Fingertips recent trend on real data (METHODS.md §8.3)")
struct FingertipsRecentTrendRealDataTests {
    /// `shared/data/fingertips/la_hospital_admissions_2324.csv` (Fingertips export of indicator
    /// 90284, low is good): the published 2023/24 "Recent Trend" of all 459 LA × sex series. The
    /// CI-weighted path over the 5 most recent periods with a value and CIs, skipping gaps,
    /// reproduces the published significance of every series (176 significant, 277 no significant
    /// change, 6 cannot be calculated). The published direction words are inverted for every
    /// significant series (§8.3), so only significance is compared; the inversion is counted.
    @Test("la_hospital_admissions_2324.csv: significance of all 459 published recent trends")
    func publishedRecentTrends() throws {
        let url = VectorFile.directory.deletingLastPathComponent()
            .appendingPathComponent("data/fingertips/la_hospital_admissions_2324.csv")
        let table = try CSVReader.table(contentsOf: url)

        func number(_ row: [String: String], _ column: String) throws -> Double? {
            let text = (row[column] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let value = Double(text) else {
                throw VectorError.notANumber(row: "la_hospital_admissions_2324.csv", column: column, text: text)
            }
            return value
        }

        struct Period { var sortable: Int; var point: TrendPoint }
        var series: [String: [Period]] = [:]
        var published: [String: String] = [:]
        for row in table.dictionaries() where row["Area Type"] != "England" && (row["Category Type"] ?? "").isEmpty {
            let key = "\(row["Area Name"] ?? "") (\(row["Area Code"] ?? "")) \(row["Sex"] ?? "")"
            let sortable = try #require(Int(row["Time period Sortable"] ?? ""), "\(key): period")
            let point = TrendPoint(
                value: try number(row, "Value"),
                lower95: try number(row, "Lower CI 95.0 limit"),
                upper95: try number(row, "Upper CI 95.0 limit"),
                count: try number(row, "Count"),
                denominator: try number(row, "Denominator")
            )
            series[key, default: []].append(Period(sortable: sortable, point: point))
            if let trend = row["Recent Trend"], !trend.isEmpty { published[key] = trend }
        }
        #expect(series.count == 459)
        #expect(published.count == 459)

        var significant = 0, notSignificant = 0, notCalculated = 0, inverted = 0
        for (key, periods) in series {
            let words = try #require(published[key], "\(key): no published recent trend")
            let points = periods.sorted { $0.sortable < $1.sortable }.map(\.point)
            let trend = try RecentTrend.calculate(points, path: .ciWeighted)
            switch words {
            case "Cannot be calculated":
                #expect(trend.marker == .cannotBeCalculated, "\(key)")
                notCalculated += 1
            case "No significant change":
                #expect(trend.marker == .noChange, "\(key): χ² \(trend.chiSquare ?? .nan)")
                notSignificant += 1
            default:
                #expect(trend.isSignificant, "\(key): published \(words), χ² \(trend.chiSquare ?? .nan)")
                significant += 1
                // Published "Increasing and getting worse" where the data fall, and vice versa.
                if trend.phrase(for: .lowIsGood) != words { inverted += 1 }
            }
        }
        #expect(significant == 176)
        #expect(notSignificant == 277)
        #expect(notCalculated == 6)
        #expect(inverted == 176)
    }
}
