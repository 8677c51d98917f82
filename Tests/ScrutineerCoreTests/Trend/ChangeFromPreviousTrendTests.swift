import Foundation
import Testing
import ScrutineerCore

@Suite("Fingertips change from the previous value (METHODS.md §8.2)")
struct ChangeFromPreviousTrendTests {
    /// fingertips_change_from_previous.csv: every row, from fingertips-open AnalysisTest
    /// TrendBetweenTwoValuesCalculatorTest.cs. Cells hold `value;lower95;upper95`, `(null)` for no
    /// data, and optionally a `year: ` prefix and a `(...)` note.
    @Test("fingertips_change_from_previous.csv: every row (Fingertips TrendBetweenTwoValuesCalculator tests)")
    func vectorFile() throws {
        let file = try VectorFile("fingertips_change_from_previous.csv")
        #expect(file.rows.count == 5)
        for row in file.rows {
            let latest = try cell(row["most_recent value;lower95;upper95"], row)
            let previous = try cell(row["previous value;lower95;upper95"], row)
            if let latestYear = latest.year, let previousYear = previous.year {
                // The reference sorts its list by year first; the caller passes the latest two.
                #expect(latestYear > previousYear, "\(row)")
            }
            let marker = try ChangeFromPrevious.marker(latest: latest.point, previous: previous.point)
            #expect(marker == expected(row["expected_marker"]), "\(row)")
        }
    }

    private func cell(_ text: String, _ row: VectorRow) throws -> (year: Int?, point: TrendPoint?) {
        var body = text
        if let note = body.range(of: " (") { body = String(body[..<note.lowerBound]) }
        body = body.trimmingCharacters(in: .whitespaces)
        if body == "(null)" { return (nil, nil) }
        var year: Int?
        if let colon = body.firstIndex(of: ":") {
            guard let number = Int(body[..<colon]) else {
                throw VectorError.notANumber(row: row.description, column: "year", text: text)
            }
            year = number
            body = String(body[body.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        let parts = body.split(separator: ";", omittingEmptySubsequences: false).map { part -> Double? in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : Double(trimmed)
        }
        try #require(parts.count == 3, "\(row): expected value;lower95;upper95 in \(text)")
        return (year, TrendPoint(value: parts[0], lower95: parts[1], upper95: parts[2]))
    }

    private func expected(_ name: String) -> TrendMarker? {
        switch name {
        case "Increasing": .increasing
        case "Decreasing": .decreasing
        case "NoChange": .noChange
        case "CannotBeCalculated": .cannotBeCalculated
        default: nil
        }
    }

    @Test("Touching intervals count as overlapping: no change (METHODS.md §8.2, method 12)")
    func touching() throws {
        let marker = try ChangeFromPrevious.marker(
            latest: TrendPoint(value: 3, lower95: 2.5, upper95: 3.5),
            previous: TrendPoint(value: 4, lower95: 3.5, upper95: 4.5)
        )
        #expect(marker == .noChange)
        let rising = try ChangeFromPrevious.marker(
            latest: TrendPoint(value: 5, lower95: 4.6, upper95: 5.4),
            previous: TrendPoint(value: 4, lower95: 3.5, upper95: 4.5)
        )
        #expect(rising == .increasing)
        #expect(rising.phrase(for: .lowIsGood) == "Increasing and getting worse")
    }

    @Test("Limits out of order throw (METHODS.md §8.2 input)")
    func invalid() {
        #expect(throws: TrendError.self) {
            try ChangeFromPrevious.marker(latest: TrendPoint(value: 3, lower95: 4, upper95: 2), previous: nil)
        }
    }
}
