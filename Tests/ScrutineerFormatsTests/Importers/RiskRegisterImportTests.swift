import Foundation
import ScrutineerCore
@testable import ScrutineerFormats
import ScrutineerTestSupport
import Testing

/// A committee's risk register read from CSV and XLSX (PRODUCT.md R11), every rejected cell named
/// by file, row and column (R14).
@Suite("Risk register import")
struct RiskRegisterImportTests {
    static let today = CalendarDate(iso: "2026-11-23")!
    static let header = "reference,title,owner,reviewed_on,likelihood,impact,mitigation"

    static func csv(_ name: String, _ text: String) -> PublishedFile {
        PublishedFile(name: name, data: Data(text.utf8))
    }

    static func errors(_ files: [PublishedFile], sheet: String? = nil) -> [String] {
        do {
            _ = try RiskRegisterImporter.parse(files, committeeCode: "WARKS-CYP", sheet: sheet, today: today)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test("the demo's register: every review, with the optional columns and its checked score column")
    func demoRegister() throws {
        let url = SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData/risks/warwickshire-cyp-risks.csv")
        let batch = try RiskRegisterImporter.parse(
            [PublishedFile(name: "warwickshire-cyp-risks.csv", data: try Data(contentsOf: url))], committeeCode: "WARKS-CYP", today: Self.today
        )
        #expect(batch.kind == .risks)
        #expect(batch.rowsRead == 19)
        #expect(batch.riskReviews.count == 19)
        let first = try #require(batch.riskReviews.first)
        #expect(first.reference == "CYP-R01")
        #expect(first.reviewedOn.iso == "2025-06-10")
        #expect(first.score == RiskScore(likelihood: 3, impact: 4))
        #expect(first.target == RiskScore(likelihood: 3, impact: 3))
        #expect(first.owner == "Director of Children and Families")
        #expect(first.status == .open)
        #expect(batch.riskReviews.filter { $0.status == .closed }.map(\.reference) == ["CYP-R04"])
        #expect(batch.riskReviews.filter { $0.target == nil }.map(\.reference).allSatisfy { $0 == "CYP-R04" })
    }

    @Test("a workbook's sheet with a title above the header, dates as date cells, numbers as numbers; headers in any case")
    func workbook() throws {
        let sheet = XLSXSheet(name: "Register", rows: [
            [.text("Children and Young People: risk register")],
            [],
            [.text("Reference"), .text("Title"), .text("Owner"), .text("Reviewed on"), .text("Likelihood"), .text("Impact"), .text("Mitigation"),
             .text("Target likelihood"), .text("Target impact"), .text("Status"), .text("Comments")],
            [.text("R1"), .text("Placements"), .text("Director"), .date(CalendarDate(iso: "2026-09-08")!), .number(4), .number(5), .text("Homes."),
             .number(2), .number(3), .text("Open"), .text("for people")],
            [.text("R2"), .text("Staffing"), .text("Director"), .text("08/09/2026"), .number(2), .number(2), .text("Academy."), .empty, .empty, .text("closed")],
        ], hasHeaderRow: false)
        let file = PublishedFile(name: "register.xlsx", data: try XLSXWriter.data(for: [XLSXSheet(name: "Cover", rows: [[.text("x")]]), sheet]))
        let batch = try RiskRegisterImporter.parse([file], committeeCode: "WARKS-CYP", sheet: "Register", today: Self.today)
        #expect(batch.riskReviews == [
            RiskReview(
                committeeCode: "WARKS-CYP", reference: "R1", title: "Placements", owner: "Director", reviewedOn: CalendarDate(iso: "2026-09-08")!,
                score: RiskScore(likelihood: 4, impact: 5), target: RiskScore(likelihood: 2, impact: 3), mitigation: "Homes."
            ),
            RiskReview(
                committeeCode: "WARKS-CYP", reference: "R2", title: "Staffing", owner: "Director", reviewedOn: CalendarDate(iso: "2026-09-08")!,
                score: RiskScore(likelihood: 2, impact: 2), mitigation: "Academy.", status: .closed
            ),
        ])
        #expect(Self.errors([file], sheet: "Risks") == ["register.xlsx:1:-: no sheet named \"Risks\" (expected one of the workbook's sheets: \"Cover\", \"Register\")"])
        // Cells merged down the records are refused as merged.
        let merged = try XLSXWorkbook(data: try XLSXWriter.data(for: [sheet]), fileName: "x.xlsx").sheet()
        #expect(merged.mergedCells.isEmpty)
        var parts = XLSXReaderTests.minimalParts(sheetXML: "")
        parts["xl/worksheets/sheet1.xml"] = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\">" + Self.header.split(separator: ",").enumerated().map { "<c r=\"\(SpreadsheetColumn.letters($0.offset))1\" t=\"inlineStr\"><is><t>\($0.element)</t></is></c>" }.joined() + "</row>"
            + "<row r=\"2\">" + ["R1", "Placements", "Director", "2026-09-08", "4", "5", "Homes."].enumerated().map { "<c r=\"\(SpreadsheetColumn.letters($0.offset))2\" t=\"inlineStr\"><is><t>\($0.element)</t></is></c>" }.joined() + "</row>"
            + "<row r=\"3\">" + ["R2", "Staffing", "", "2026-09-08", "2", "2", "Academy."].enumerated().map { "<c r=\"\(SpreadsheetColumn.letters($0.offset))3\" t=\"inlineStr\"><is><t>\($0.element)</t></is></c>" }.joined() + "</row>"
            + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"C2:C3\"/></mergeCells></worksheet>"
        let mergedErrors = Self.errors([PublishedFile(name: "m.xlsx", data: try XLSXReaderTests.zip(parts))])
        #expect(mergedErrors == [
            "m.xlsx[Data]:2:owner: the cells C2:C3 are merged, so only C2 holds a value and the others are blank (expected a value in each cell: unmerge the cells and fill each one)",
            "m.xlsx[Data]:3:owner: blank (expected who owns the risk, by job title)",
        ], "\(mergedErrors)")
        // With one column misspelt, the header is still the row naming the most columns, not the title.
        let misspelt = "Children and Young People: risk register,,,,,,\n" + Self.header.replacingOccurrences(of: "likelihood", with: "likelyhood") + "\nR1,Placements,Director,2026-09-08,4,5,Homes.\n"
        #expect(Self.errors([Self.csv("register.csv", misspelt)]) == [
            "register.csv:2:likelyhood: unknown column (expected reference, title, description, owner, reviewed_on, likelihood, impact, target_likelihood, target_impact, mitigation, status, score, target_score, or a note or comment column for people)",
            "register.csv:2:likelihood: missing column (expected a header with at least reference, title, owner, reviewed_on, likelihood, impact, mitigation)",
        ])
    }

    @Test("a reference written another way than the register holds it is refused at its cell (found by exploratory testing)")
    func referenceSpelling() throws {
        let stored = try RiskRegisterImporter.parse([Self.csv("q2.csv", """
            \(Self.header)
            CYP-R01,Placements,Director,2026-09-08,3,4,Homes.

            """)], committeeCode: "WARKS-CYP", today: Self.today).riskReviews
        var refused: [String] = []
        do {
            _ = try RiskRegisterImporter.parse([Self.csv("q3.csv", """
                \(Self.header)
                cyp-r01,Placements,Director,2026-11-08,3,4,Homes.
                CYP-R01,Placements,Director,2026-11-20,3,3,Homes.

                """)], committeeCode: "WARKS-CYP", today: Self.today, stored: stored)
        } catch {
            refused = error.errors.map(\.description)
        }
        #expect(refused == [
            #"q3.csv:2:reference: "cyp-r01" is "CYP-R01" written another way (expected "CYP-R01", as the database holds it, so its figures are kept together)"#,
        ])

        // A closed risk's reference given to another risk is refused; the same risk reopened is not.
        let closed = try RiskRegisterImporter.parse([Self.csv("closed.csv", """
            \(Self.header),status
            CYP-R04,Court delays,Director,2026-09-08,1,3,Listing.,closed

            """)], committeeCode: "WARKS-CYP", today: Self.today).riskReviews
        let reused = Self.csv("reused.csv", """
            \(Self.header)
            CYP-R04,Schools forum refuses the block transfer,Director,2026-11-10,4,5,Talks.
            CYP-R04,Court delays,Director,2026-11-12,2,3,Listing.

            """)
        var reuse: [String] = []
        do {
            _ = try RiskRegisterImporter.parse([reused], committeeCode: "WARKS-CYP", today: Self.today, stored: closed)
        } catch {
            reuse = error.errors.map(\.description)
        }
        #expect(reuse == [
            #"reused.csv:2:title: risk CYP-R04 was closed on 2026-09-08 as "Court delays" (expected a new reference for another risk, or its title to reopen it)"#,
        ])

        // Within one file too, whatever the order of its rows (found by exploratory re-testing).
        var inFile: [String] = []
        do {
            _ = try RiskRegisterImporter.parse([Self.csv("one.csv", """
                \(Self.header),status
                CYP-R07,Schools forum refuses the block transfer,Director,2026-11-01,4,5,Talks.,open
                CYP-R07,Court delays,Director,2026-10-01,1,3,Listing.,closed

                """)], committeeCode: "WARKS-CYP", today: Self.today)
        } catch {
            inFile = error.errors.map(\.description)
        }
        #expect(inFile == [
            #"one.csv:2:title: risk CYP-R07 was closed on 2026-10-01 as "Court delays" (expected a new reference for another risk, or its title to reopen it)"#,
        ])
    }

    @Test("every rejected cell is named by file, row and column, with what was expected, and nothing is returned")
    func rejectedCells() {
        let file = Self.csv("risks.csv", """
            \(Self.header),score,target_likelihood,target_impact,status
            R1,Placements,Director,2026-09-08,6,3,Homes.,,,,
            R2,Staffing,Director,2026-13-01,2,two,Academy.,,,,
            R3,,Director,2026-09-08,2,2,,,,,
            R4,Courts,Director,2027-01-05,2,2,Panel.,,,,
            R5,Demand,Director,2026-09-08,3,3,Triage.,10,,,
            R6,Demand,Director,2026-09-08,3,3,Triage.,,2,,
            R7,Demand,Director,2026-09-08,3,3,Triage.,,,,paused
            R9,Demand,Director,2026-09-08,3,3,Triage.,9,,,
            R9,Demand again,Director,2026-09-08,3,3,Triage.,,,,
            R8,Demand,Director,2026-09-08,3,3,Triage.
            ,Demand,Director,,0,3,Triage.,,,,

            """)
        #expect(Self.errors([file]) == [
            "risks.csv:2:likelihood: 6 is outside the five-by-five matrix (expected a whole number from 1 to 5)",
            "risks.csv:3:reviewed_on: \"2026-13-01\" is not a date (expected a date such as 2025-03-31, or a cell formatted as a date)",
            "risks.csv:3:impact: \"two\" is not a whole number (expected a whole number from 1 to 5)",
            "risks.csv:4:title: blank (expected the risk in a line)",
            "risks.csv:4:mitigation: blank (expected what is being done about the risk)",
            "risks.csv:5:reviewed_on: 2027-01-05 is after today, 2026-11-23 (expected the day the risk was reviewed)",
            "risks.csv:6:score: 10 is not likelihood × impact, 3 × 3 = 9 (expected the two multiplied, or the cell blank)",
            "risks.csv:7:target_impact: blank, but target_likelihood is filled (expected both, or neither when no target is set)",
            "risks.csv:8:status: \"paused\" is not a status (expected open or closed, or blank for open)",
            "risks.csv:10:reviewed_on: risk R9 is reviewed on 2026-09-08 in risks.csv row 9 too (expected one row per risk and day)",
            "risks.csv:11:score: the row has 7 fields but the header has 11 (expected one field per column; is the row cut short?)",
            "risks.csv:12:reference: blank (expected the risk's reference in the register, such as CYP01)",
            "risks.csv:12:reviewed_on: blank (expected the day the risk was reviewed, such as 2026-06-09)",
            "risks.csv:12:likelihood: 0 is outside the five-by-five matrix (expected a whole number from 1 to 5)",
        ])
    }

    @Test("the header: a missing column, an unknown one, one twice, a target column without its partner; a CSV given a sheet")
    func header() {
        #expect(Self.errors([Self.csv("a.csv", "reference,title,owner,reviewed_on,likelihood,mitigation,rating,Title\nR1,T,O,2026-01-01,2,M,low,T\n")]) == [
            "a.csv:1:rating: unknown column (expected reference, title, description, owner, reviewed_on, likelihood, impact, target_likelihood, target_impact, mitigation, status, score, target_score, or a note or comment column for people)",
            "a.csv:1:Title: the column title appears twice (expected each column once)",
            "a.csv:1:impact: missing column (expected a header with at least reference, title, owner, reviewed_on, likelihood, impact, mitigation)",
        ])
        #expect(Self.errors([Self.csv("b.csv", "\(Self.header),target_likelihood\nR1,T,O,2026-01-01,2,2,M,1\n")]) == [
            "b.csv:1:target_likelihood: a target needs both target_likelihood and target_impact (expected both columns, or neither)",
        ])
        #expect(Self.errors([Self.csv("c.csv", "\(Self.header)\nR1,T,O,2026-01-01,2,2,M\n")], sheet: "Risks") == [
            "c.csv:1:-: --sheet Risks names a workbook's sheet, but this is a CSV file (expected a workbook, or no --sheet)",
        ])
    }

    @Test("a file of another import is named for what it is")
    func misplacedFile() throws {
        let lait = try Data(contentsOf: SharedFiles.data("lait/lait_kpi_measures.csv"))
        let files = [PublishedFile(name: "lait_kpi_measures.csv", data: lait)]
        var thrown: BatchInputErrors?
        do { _ = try RiskRegisterImporter.parse(files, committeeCode: "WARKS-CYP", today: Self.today) } catch { thrown = error }
        let errors = try #require(thrown)
        #expect(PublishedFileLayout.namingMisplacedFiles(errors, kind: .risks, files: files).errors.map(\.description) == [
            "lait_kpi_measures.csv:1:*: this is LAIT's measure dictionary, not a file scrutineer import risks reads (expected scrutineer import lait FILE…)",
        ])
        let register = Self.csv("risks.csv", "\(Self.header)\nR1,T,O,2026-01-01,2,2,M\n")
        #expect(PublishedFileLayout.recognise(register.data)?.importedBy == [.risks])
    }

    @Test("the template: a risks sheet whose every column the importer reads, refused as produced (EXAMPLE rows), imported once the examples carry a real reference")
    func template() throws {
        let workbook = try XLSXWorkbook(data: try RiskRegisterTemplate.xlsxData(), fileName: "risks.xlsx")
        #expect(workbook.sheetNames == ["risks", "guidance"])
        #expect(Set(RiskRegisterImporter.Column.allCases.map(\.rawValue)).subtracting(RiskRegisterTemplate.header).isEmpty)
        let produced = PublishedFile(name: "risks.xlsx", data: try RiskRegisterTemplate.xlsxData())
        let message = "EXAMPLE marks an example row of the template (expected your own risk reference: delete the example rows before importing)"
        #expect(Self.errors([produced]) == ["risks.xlsx[risks]:2:reference: \(message)", "risks.xlsx[risks]:3:reference: \(message)"])
        let sheets = RiskRegisterTemplate.sheets.map { sheet in
            XLSXSheet(name: sheet.name, rows: sheet.rows.map { row in row.map { $0 == .text("EXAMPLE") ? .text("CYP-R01") : $0 } })
        }
        let filled = try RiskRegisterImporter.parse(
            [PublishedFile(name: "filled.xlsx", data: try XLSXWriter.data(for: sheets))], committeeCode: "WARKS-CYP", today: Self.today
        )
        #expect(filled.riskReviews.map { "\($0.reference) \($0.reviewedOn.iso) \($0.score.value) \($0.target?.value ?? 0)" } == ["CYP-R01 2026-06-09 20 9", "CYP-R01 2026-09-08 16 9"])
    }
}
