import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerFormats

@Suite("LocalImport: the template workbook")
struct LocalImportTemplateTests {
    private func template() throws -> XLSXWorkbook {
        try XLSXWorkbook(data: try LocalMeasuresTemplate.xlsxData(), fileName: "measures.xlsx")
    }

    @Test("three sheets: observations and measures with their headers and EXAMPLE rows, and guidance")
    func layout() throws {
        let workbook = try template()
        #expect(workbook.sheetNames == ["observations", "measures", "guidance"])
        let observations = try workbook.sheet(named: "observations")
        #expect(observations.rows.map(\.number) == [1, 2, 3])
        #expect(observations.rows[0].cells == LocalMeasuresTemplate.observationHeader.map(SpreadsheetCell.text))
        #expect(observations.rows.dropFirst().map { $0[0] } == [.text("EXAMPLE"), .text("EXAMPLE")])
        #expect(observations.rows[1][9] == .date(CalendarDate(year: 2024, month: 10, day: 31)!))
        let measures = try workbook.sheet(named: "measures")
        #expect(measures.rows[0].cells == LocalMeasuresTemplate.measureHeader.map(SpreadsheetCell.text))
        #expect(measures.rows.count == 2 && measures.rows[1][0] == .text("EXAMPLE"))
        // Every column the importer knows is in the template's headers.
        let observationColumns = Set(LocalObservationColumn.allCases.map(\.rawValue))
        #expect(observationColumns.isSubset(of: Set(LocalMeasuresTemplate.observationHeader)))
        #expect(Set(LocalMeasureColumn.allCases.map(\.rawValue)).subtracting(LocalMeasuresTemplate.measureHeader) == ["benchmark_comparison", "direction_of_travel"])
    }

    @Test("imported as produced, the template names each EXAMPLE row and imports nothing")
    func importedAsProduced() throws {
        let file = LocalImportFile(name: "measures.xlsx", data: try LocalMeasuresTemplate.xlsxData())
        let message = "EXAMPLE marks an example row of the template (expected your own measure code: delete the example rows before importing)"
        #expect(LocalImportData.errors([file], context: try LocalImportData.context()) == [
            "measures.xlsx[observations]:2:measure_code: \(message)",
            "measures.xlsx[observations]:3:measure_code: \(message)",
            "measures.xlsx[measures]:2:code: \(message)",
        ])
    }

    @Test("with its examples given a real code, the template imports: a measure, a figure and a suppressed breakdown")
    func filledIn() throws {
        let sheets = LocalMeasuresTemplate.sheets.map { sheet in
            XLSXSheet(name: sheet.name, rows: sheet.rows.map { row in row.map { $0 == .text("EXAMPLE") ? .text("EH_ASSESS_45") : $0 } })
        }
        let file = LocalImportFile(name: "filled.xlsx", data: try XLSXWriter.data(for: sheets))
        let batch = try LocalMeasuresImporter.importBatch([file], context: LocalImportData.context())
        #expect(batch.rowsRead == 3)
        let measure = try #require(batch.measures.first)
        #expect(batch.measures.count == 1)
        #expect(measure.code == "EH_ASSESS_45" && measure.unit == .percentage && measure.polarity == .highIsGood)
        #expect(measure.decimalPlaces == 1 && measure.publicationLagDays == 30 && measure.planPriority == "Best start in life")
        #expect(measure.committees == ["Children and Young People Overview and Scrutiny Committee", "Cabinet"])
        #expect(batch.observations.count == 2)
        let total = batch.observations[0], underFive = batch.observations[1]
        #expect(total.value == 61.2 && total.numerator == 153 && total.denominator == 250 && total.breakdown == .total)
        #expect(total.period.label == "2023/24" && total.nextUpdateDue == CalendarDate(year: 2025, month: 10, day: 30))
        #expect(underFive.value == nil && underFive.statusSymbol == .confidential && underFive.breakdown.key == "age_band=0-4")

        // The sheets in another order (the measures tab moved first): the observations sheet is
        // still the one read for the figures, as the guidance says.
        let reordered = LocalImportFile(name: "reordered.xlsx", data: try XLSXWriter.data(for: sheets.reversed()))
        #expect(try LocalMeasuresImporter.importBatch([reordered], context: LocalImportData.context()).observations == batch.observations.map {
            var moved = $0
            moved.source = "reordered.xlsx"
            return moved
        })
    }

    @Test(
        "LibreOffice opens the template and shows the example rows as written",
        .enabled(if: XLSXFixtures.runsLibreOfficeTests, "LibreOffice (soffice) is not installed")
    )
    func libreOfficeOpensTemplate() throws {
        let folder = try XLSXFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("measures.xlsx")
        try LocalMeasuresTemplate.xlsxData().write(to: file)
        let result = try XLSXFixtures.libreOfficeSheetsAsCSV(of: file, in: folder)
        try #require(result.status == 0, "\(result.output)")
        let observations = try String(contentsOf: folder.appendingPathComponent("measures-observations.csv"), encoding: .utf8)
        #expect(observations == """
        measure_code,area_code,period,value,numerator,denominator,lower95,upper95,status_symbol,published,next_update_due,breakdown:age_band,notes
        EXAMPLE,E10000031,2023/24,61.2,153,250,,,,2024-10-31,2025-10-30,,Example row: delete it before importing
        EXAMPLE,E10000031,2023/24,,,,,,c,2024-10-31,2025-10-30,0-4,Example row: a suppressed figure for one age band; delete it

        """)
        let guidance = try String(contentsOf: folder.appendingPathComponent("measures-guidance.csv"), encoding: .utf8)
        #expect(guidance.hasPrefix("column or topic,what to put in it\nAbout this workbook,\"Scrutineer imports the observations sheet"))
    }

    @Test("the guidance explains every column, and each period label it shows is one Period reads")
    func guidance() throws {
        let rows = try template().sheet(named: "guidance").rows
        let topics = rows.map { $0[0].description }
        for column in LocalObservationColumn.allCases.map(\.rawValue) + LocalMeasureColumn.allCases.map(\.rawValue) {
            #expect(topics.contains { $0.contains(column) }, "no guidance for \(column)")
        }
        #expect(topics.contains("breakdown:<dimension>"))
        let labels = topics.drop { $0 != "Period labels" }.dropFirst()
        #expect(Array(labels) == [
            "2025", "2023/24 or 2023-24", "2021/22-23/24", "2021-2023 or 2021-23", "2024/25 Q2, 2024-25 Q2 or Q2 2024/25", "2024 Q2 or Q2 2024", "2023/24 Autumn term", "2024-09", "2024-25 (OT)",
        ])
        for written in labels {
            let alternatives = written.replacingOccurrences(of: ", ", with: " or ").components(separatedBy: " or ")
            let yearType: YearType = written.hasPrefix("2024 Q2") || written.hasPrefix("2021-2023") ? .calendar : written.contains("term") ? .academic : .financial
            let read = alternatives.map { try? Period.parse($0, yearType: yearType).label }
            #expect(read.allSatisfy { $0 != nil && $0 == read[0] }, "\(written) reads as \(read)")
        }
        for symbol in StatusSymbol.allCases {
            #expect(rows.contains { $0[1].description.contains("\(symbol.rawValue) = \(symbol.meaning)") })
        }
    }
}
