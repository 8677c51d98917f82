import Foundation
import ScrutineerTestSupport
import Testing
import ScrutineerFormats

@Suite("stats proportion and rate")
struct IntervalBatchTests {
    static func table(_ text: String, file: String = "input.csv") throws -> CSVTable {
        try CSVReader.table(from: Data(text.utf8), fileName: file)
    }

    @Test("Fingertips 90284 (injury admissions 0–14, per 10,000): value and 95% limits for 2010/11–2011/12 equal the published ones to 5 dp (METHODS.md §2, §6.4)")
    func fingertipsPublishedRates() throws {
        let export = try CSVReader.table(contentsOf: SharedFiles.data("fingertips/la_hospital_admissions_2324.csv"))
        let column = { (name: String) throws -> Int in try #require(export.index(of: name), "column \(name)") }
        let (period, count, denominator) = (try column("Time period"), try column("Count"), try column("Denominator"))
        let (value, lower, upper) = (try column("Value"), try column("Lower CI 95.0 limit"), try column("Upper CI 95.0 limit"))
        // Reshape the export to the columns `stats rate` reads, keeping the published figures beside them.
        var text = "line,count,denominator,published_value,published_lower95,published_upper95\n"
        for record in export.records
        where ["2010/11", "2011/12"].contains(record.fields[period]) && !record.fields[count].isEmpty && !record.fields[lower].isEmpty {
            text += [String(record.line), record.fields[count], record.fields[denominator], record.fields[value], record.fields[lower], record.fields[upper]]
                .joined(separator: ",") + "\n"
        }
        let output = try IntervalBatch.rates(try Self.table(text), multiplier: 10_000)
        #expect(output.rows.count == 294) // 290 LA rows and 4 England rows in the export
        let names = output.header
        for row in output.rows {
            let cell = { (name: String) in Double(row[names.firstIndex(of: name)!])! }
            for (ours, published) in [("value", "published_value"), ("lower95", "published_lower95"), ("upper95", "published_upper95")] {
                #expect(abs(cell(ours) - cell(published)) <= 5e-6, "export line \(row[0]): \(ours) \(cell(ours)) vs published \(cell(published))")
            }
        }
    }

    @Test("other columns pass through in order; blank inputs give blank results (PHE NA)")
    func passThrough() throws {
        let output = try IntervalBatch.proportions(try Self.table("area,numerator,note,denominator\nA,65,\"x, y\",100\nB,,,100\n"), multiplier: 1)
        #expect(output.header == ["area", "numerator", "note", "denominator", "value", "lower95", "upper95", "lower99_8", "upper99_8"])
        // wilson.csv (PHE testdata_Byars_Wilson.xlsx): 65/100 at 95% is 0.5525444329688797–0.7363575175690247.
        #expect(output.rows[0][..<5] == ["A", "65", "x, y", "100", "0.65"])
        #expect(abs(Double(output.rows[0][5])! - 0.5525444329688797) < 1e-12)
        #expect(abs(Double(output.rows[0][6])! - 0.7363575175690247) < 1e-12)
        #expect(output.rows[1] == ["B", "", "", "100", "", "", "", "", ""])
    }

    @Test("every bad cell is reported as FILE:ROW:COLUMN with what was expected")
    func badCells() throws {
        let input = try Self.table("area,numerator,denominator\nA,65,100\nB,x,100\nC,60,50\nD,1,0\nE,-1,10\nF,1\n", file: "mine.csv")
        #expect(throws: BatchInputErrors.self) { try IntervalBatch.proportions(input) }
        do {
            _ = try IntervalBatch.proportions(input)
        } catch {
            #expect(error.errors.map(\.description) == [
                "mine.csv:7:*: the row has 2 fields (expected 3, as in the header)",
            ])
        }
        let wide = try Self.table("area,numerator,denominator\nA,65,100\nB,x,100\nC,60,50\nD,1,0\nE,-1,10\n", file: "mine.csv")
        do {
            _ = try IntervalBatch.proportions(wide)
            Issue.record("bad cells were accepted")
        } catch {
            #expect(error.errors.map(\.description) == [
                "mine.csv:3:numerator: \"x\" is not a number (expected a number such as 42 or 0.5, or a blank cell for missing)",
                "mine.csv:4:numerator: numerators must be less than or equal to denominator for a proportion statistic (expected a numerator no larger than its denominator)",
                "mine.csv:5:denominator: denominators must be greater than zero (expected a denominator above 0)",
                "mine.csv:6:numerator: numerators must be greater than or equal to zero (expected a count of 0 or more)",
            ])
        }
    }

    @Test("a missing column or a result column already present is named with the header row")
    func badHeader() throws {
        let input = try Self.table("area,count,value\nA,1,2\n", file: "h.csv")
        do {
            _ = try IntervalBatch.rates(input)
            Issue.record("a bad header was accepted")
        } catch {
            #expect(error.errors.map(\.description) == [
                "h.csv:1:denominator: missing column (expected a header named denominator; the header has area,count,value)",
                "h.csv:1:value: the input already has a column named value (expected the result columns to be new; rename or drop it)",
            ])
        }
    }
}

