import Foundation
import ScrutineerCore
@testable import ScrutineerFormats
import ScrutineerTestSupport
import Testing

/// A committee's quarterly finance returns read from CSV and XLSX (PRODUCT.md R10), every rejected
/// cell named by file, row and column (R14).
@Suite("Finance return import")
struct FinanceReturnImportTests {
    static let today = CalendarDate(iso: "2026-11-23")!
    static let header = "period,kind,service,line,budget,forecast"

    static func csv(_ name: String, _ text: String) -> PublishedFile {
        PublishedFile(name: name, data: Data(text.utf8))
    }

    static func errors(_ files: [PublishedFile], sheet: String? = nil) -> [String] {
        do {
            _ = try FinanceReturnImporter.parse(files, committeeCode: "WARKS-CYP", sheet: sheet, today: today)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test("the demo's returns: every line of six quarters, amounts in whole pence, completion dates on capital lines")
    func demoReturns() throws {
        let url = SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData/finance/warwickshire-cyp-finance.csv")
        let batch = try FinanceReturnImporter.parse(
            [PublishedFile(name: "warwickshire-cyp-finance.csv", data: try Data(contentsOf: url))], committeeCode: "WARKS-CYP", today: Self.today
        )
        #expect(batch.kind == .finance)
        #expect(batch.rowsRead == 76)
        #expect(batch.financeLines.count == 76)
        #expect(Set(batch.financeLines.map(\.period.label)).sorted() == ["2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2"])
        let first = try #require(batch.financeLines.first)
        #expect(first.kind == .revenue)
        #expect(first.service == "Children and Families")
        #expect(first.line == "Staffing")
        #expect(first.budget.pence == 6_200_000_000)
        #expect(first.forecast.pence == 6_650_000_000)
        #expect(first.explanation.hasPrefix("Illustrative, the demo's own."))
        #expect(batch.financeLines.filter { $0.plannedCompletion != nil }.allSatisfy { $0.kind == .capital })
        // The file's 2025/26 Q2 return: Children and Families £15.0m over a £185.3m budget (the minutes' "£15m overspend").
        let q2 = batch.financeLines.filter { $0.period.label == "2025/26 Q2" && $0.kind == .revenue && $0.service == "Children and Families" }
        #expect(q2.reduce(Money.zero) { $0 + $1.variance } == Money(pounds: 15_000_000))
        #expect(q2.reduce(Money.zero) { $0 + $1.budget } == Money(pounds: 185_300_000))
    }

    @Test("a workbook's sheet with a title above the header, currency cells saved as text and date cells; headers in any case")
    func workbook() throws {
        let sheet = XLSXSheet(name: "Q2 return", rows: [
            [.text("Children and Young People: finance monitoring, quarter 2")],
            [.text("Period"), .text("Kind"), .text("Service"), .text("Line"), .text("Budget"), .text("Forecast"), .text("Planned completion"),
             .text("Forecast completion"), .text("Explanation"), .text("Comments")],
            [.text("2026/27 Q2"), .text("Revenue"), .text("Children and Families"), .text("Staffing"), .text("£66,000,000"), .number(68_500_000.25),
             .empty, .empty, .text("Agency staff."), .text("for people")],
            [.text("2026/27 Q2"), .text("capital"), .text("Children and Families"), .text("Children's home"), .number(2_500_000), .number(2_300_000),
             .date(CalendarDate(iso: "2026-03-31")!), .text("31/12/2026")],
            [.text("2026/27 Q2"), .text("revenue"), .text("Traded services"), .text("Net budget"), .text("-£200,000"), .number(-150_000)],
        ], hasHeaderRow: false)
        let file = PublishedFile(name: "finance.xlsx", data: try XLSXWriter.data(for: [XLSXSheet(name: "Cover", rows: [[.text("x")]]), sheet]))
        let batch = try FinanceReturnImporter.parse([file], committeeCode: "WARKS-CYP", sheet: "Q2 return", today: Self.today)
        let q2 = try Period.parse("2026/27 Q2", yearType: .financial)
        #expect(batch.financeLines == [
            FinanceLine(
                committeeCode: "WARKS-CYP", period: q2, kind: .revenue, service: "Children and Families", line: "Staffing",
                budget: Money(pence: 6_600_000_000), forecast: Money(pence: 6_850_000_025), explanation: "Agency staff."
            ),
            FinanceLine(
                committeeCode: "WARKS-CYP", period: q2, kind: .capital, service: "Children and Families", line: "Children's home",
                budget: Money(pence: 250_000_000), forecast: Money(pence: 230_000_000),
                plannedCompletion: CalendarDate(iso: "2026-03-31"), forecastCompletion: CalendarDate(iso: "2026-12-31")
            ),
            FinanceLine(
                committeeCode: "WARKS-CYP", period: q2, kind: .revenue, service: "Traded services", line: "Net budget",
                budget: Money(pence: -20_000_000), forecast: Money(pence: -15_000_000)
            ),
        ])
        #expect(Self.errors([file], sheet: "Q3") == ["finance.xlsx:1:-: no sheet named \"Q3\" (expected one of the workbook's sheets: \"Cover\", \"Q2 return\")"])
    }

    @Test("a service or line written another way than the database or an earlier row writes it is refused at its cell, naming the spelling to use (found by exploratory testing)")
    func spellings() throws {
        let stored = try FinanceReturnImporter.parse([Self.csv("q2.csv", """
            \(Self.header)
            2026/27 Q2,revenue,Children and Families,Staffing,100,120

            """)], committeeCode: "WARKS-CYP", today: Self.today).financeLines
        let file = Self.csv("q3.csv", """
            \(Self.header)
            2026/27 Q3,revenue,Children and families,Staffing,100,120
            2026/27 Q3,revenue,Children and Families,staffing,100,120
            2026/27 Q3,revenue,Education Services,Home to School Transport,100,120
            2026/27 Q3,revenue,Education services,Home to school transport,100,120
            2026/27 Q3,revenue,Children and Families,Other costs,100,120

            """)
        var refused: [String] = []
        do {
            _ = try FinanceReturnImporter.parse([file], committeeCode: "WARKS-CYP", today: Self.today, stored: stored)
        } catch {
            refused = error.errors.map(\.description)
        }
        #expect(refused == [
            #"q3.csv:2:service: "Children and families" is "Children and Families" written another way (expected "Children and Families", as the database holds it, so its figures are kept together)"#,
            #"q3.csv:3:line: "staffing" is "Staffing" written another way (expected "Staffing", as the database holds it, so its figures are kept together)"#,
            #"q3.csv:5:service: "Education services" is "Education Services" written another way (expected "Education Services", as q3.csv:4 writes it, so its figures are kept together)"#,
            #"q3.csv:5:line: "Home to school transport" is "Home to School Transport" written another way (expected "Home to School Transport", as q3.csv:4 writes it, so its figures are kept together)"#,
        ])
    }

    @Test("every rejected cell is named by file, row and column, with what was expected, and nothing is returned")
    func rejectedCells() {
        let file = Self.csv("finance.csv", """
            \(Self.header),planned_completion,forecast_completion,explanation
            2026/27,revenue,Children and Families,Staffing,100,120,,,
            2026/27 Q4,revenue,Children and Families,Staffing,100,120,,,
            2026/27 Q2,spending,Children and Families,Staffing,100,120,,,
            2026/27 Q2,revenue,,Staffing,100.005,12%,,,
            2026/27 Q2,savings,Children and Families,Agency,-100,,,,
            2026/27 Q2,income,Children and Families,Health,100,90,2027-03-31,,
            2026/27 Q2,capital,Children and Families,Home,100,90,2027-02-30,,
            2026/27 Q2,revenue,Children and Families,Placements,100,120,,,
            2026/27 Q2,Revenue,Children and Families,Placements,100,130,,,
            2026/27 Q2,revenue,Children and Families,Legal,100
            2026/27 Q2,revenue,EXAMPLE,Staffing,1,1,,,
            2026/27 Q2,revenue,Children and Families,Courts,one hundred,1,,,

            """)
        #expect(Self.errors([file]) == [
            "finance.csv:2:period: \"2026/27\" is not a quarter of a financial year (expected a quarter of a financial year, such as 2025/26 Q2)",
            "finance.csv:3:period: 2026/27 Q4 begins on 2027-01-01, after today, 2026-11-23 (expected a quarter that has begun)",
            "finance.csv:4:kind: \"spending\" is not a kind of line (expected revenue, savings, income or capital)",
            "finance.csv:5:service: blank (expected the service, as the monitoring report names it)",
            "finance.csv:5:budget: 100.005 is not a whole number of pence, or is too large (expected an amount in pounds such as 1250000 or £1,250,000, to the penny at most)",
            "finance.csv:5:forecast: \"12%\" is a percentage (expected an amount in pounds such as 1250000 or £1,250,000)",
            "finance.csv:6:budget: -£100 is below zero (expected an amount of £0 or more on a savings line; only a revenue line's may be below zero)",
            "finance.csv:6:forecast: blank (expected an amount in pounds such as 1250000 or £1,250,000)",
            "finance.csv:7:planned_completion: a completion date on an income line (expected it blank: completion dates are for capital schemes)",
            "finance.csv:8:planned_completion: \"2027-02-30\" is not a date (expected a date such as 2025-03-31, or a cell formatted as a date)",
            "finance.csv:10:line: revenue line \"Placements\" of Children and Families for 2026/27 Q2 is in finance.csv row 9 too (expected each line once a quarter)",
            "finance.csv:11:forecast: the row has 5 fields but the header has 9 (expected one field per column; is the row cut short?)",
            "finance.csv:12:service: EXAMPLE marks an example row of the template (expected your own service: delete the example rows before importing)",
            "finance.csv:13:budget: \"one hundred\" is not a number (expected a number such as 1250000)",
        ])
    }

    @Test("the header: a missing column, an unknown one, one twice, a value under no header; an empty file; a CSV given a sheet")
    func header() {
        #expect(Self.errors([Self.csv("a.csv", "period,kind,service,line,budget,outturn,Kind\n2026/27 Q1,revenue,S,L,1,1,revenue\n")]) == [
            "a.csv:1:outturn: unknown column (expected period, kind, service, line, budget, forecast, planned_completion, forecast_completion, explanation, or a note or comment column for people)",
            "a.csv:1:Kind: the column kind appears twice (expected each column once)",
            "a.csv:1:forecast: missing column (expected a header with at least period, kind, service, line, budget, forecast)",
        ])
        #expect(Self.errors([Self.csv("b.csv", "\(Self.header),\n2026/27 Q1,revenue,S,L,1,1,stray\n")]) == [
            "b.csv:2:G: a value in a column with no header (expected a header naming the column, or nothing in the column)",
        ])
        #expect(Self.errors([Self.csv("c.csv", "")]).count == 1)
        #expect(Self.errors([Self.csv("d.csv", "\(Self.header)\n2026/27 Q1,revenue,S,L,1,1\n")], sheet: "Q1") == [
            "d.csv:1:-: --sheet Q1 names a workbook's sheet, but this is a CSV file (expected a workbook, or no --sheet)",
        ])
    }

    @Test("a file of another import is named for what it is, and a return is recognised as one")
    func misplacedFile() throws {
        let register = try Data(contentsOf: SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData/risks/warwickshire-cyp-risks.csv"))
        let files = [PublishedFile(name: "warwickshire-cyp-risks.csv", data: register)]
        var thrown: BatchInputErrors?
        do { _ = try FinanceReturnImporter.parse(files, committeeCode: "WARKS-CYP", today: Self.today) } catch { thrown = error }
        let errors = try #require(thrown)
        #expect(PublishedFileLayout.namingMisplacedFiles(errors, kind: .finance, files: files).errors.map(\.description) == [
            "warwickshire-cyp-risks.csv:1:*: this is a risk register, not a file scrutineer import finance reads (expected scrutineer import risks FILE… --committee CODE)",
        ])
        #expect(PublishedFileLayout.recognise(Self.csv("f.csv", "\(Self.header)\n").data)?.name == "a finance return")
        #expect(PublishedFileLayout.workbook.importedBy.contains(.finance))
    }

    @Test("the template: a finance sheet whose every column the importer reads, refused as produced (EXAMPLE rows), imported once the examples carry a real service")
    func template() throws {
        let workbook = try XLSXWorkbook(data: try FinanceReturnTemplate.xlsxData(), fileName: "finance.xlsx")
        #expect(workbook.sheetNames == ["finance", "guidance"])
        #expect(Set(FinanceReturnImporter.Column.allCases.map(\.rawValue)).subtracting(FinanceReturnTemplate.header).isEmpty)
        let produced = PublishedFile(name: "finance.xlsx", data: try FinanceReturnTemplate.xlsxData())
        let message = "EXAMPLE marks an example row of the template (expected your own service: delete the example rows before importing)"
        #expect(Self.errors([produced]) == (2...5).map { "finance.xlsx[finance]:\($0):service: \(message)" })
        let sheets = FinanceReturnTemplate.sheets.map { sheet in
            XLSXSheet(name: sheet.name, rows: sheet.rows.map { row in row.map { $0 == .text("EXAMPLE") ? .text("Children and Families") : $0 } })
        }
        let filled = try FinanceReturnImporter.parse(
            [PublishedFile(name: "filled.xlsx", data: try XLSXWriter.data(for: sheets))], committeeCode: "WARKS-CYP", today: Self.today
        )
        #expect(filled.financeLines.map { "\($0.kind.rawValue) \($0.variance.text) \($0.completionText ?? "-")" } == [
            "revenue £6.0m -", "savings -£600,000 -", "income -£400,000 -", "capital -£1.8m 6 months late",
        ])
    }
}
