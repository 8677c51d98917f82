import Foundation
import ScrutineerCore

/// The workbook `scrutineer template finance` prints: a `finance` sheet with the return's header
/// and an example row of each kind, and a `guidance` sheet explaining every column.
///
/// The example rows use the service `EXAMPLE`, which `FinanceReturnImporter` refuses, so a return
/// imported before its examples are deleted names each example row instead of storing made-up money.
public enum FinanceReturnTemplate {
    /// The template's `.xlsx` bytes.
    public static func xlsxData() throws(XLSXWriteError) -> Data {
        try XLSXWriter.data(for: sheets)
    }

    /// The template's sheets, in order: finance, guidance.
    public static var sheets: [XLSXSheet] {
        [financeSheet, guidanceSheet]
    }

    static let header = [
        "period", "kind", "service", "line", "budget", "forecast", "planned_completion", "forecast_completion", "explanation", "notes",
    ]

    private static var financeSheet: XLSXSheet {
        func day(_ year: Int, _ month: Int, _ date: Int) -> SpreadsheetCell { CalendarDate(year: year, month: month, day: date).map(SpreadsheetCell.date) ?? .empty }
        func example(_ kind: FinanceLine.Kind, _ line: String, _ budget: Double, _ forecast: Double, _ dates: [SpreadsheetCell], _ explanation: String) -> [SpreadsheetCell] {
            [.text("2026/27 Q2"), .text(kind.rawValue), .text("EXAMPLE"), .text(line), .number(budget), .number(forecast)]
                + (dates.isEmpty ? [.empty, .empty] : dates) + [.text(explanation), .text("Example row: delete it before importing")]
        }
        return XLSXSheet(name: "finance", rows: [
            header.map(SpreadsheetCell.text),
            example(.revenue, "Staffing", 62_000_000, 68_000_000, [], "Agency social workers cover vacant posts."),
            example(.savings, "Reduce agency social workers", 2_000_000, 1_400_000, [], "Permanent recruitment is slower than planned."),
            example(.income, "Health contributions to care packages", 3_000_000, 2_600_000, [], "Contributions are being agreed case by case."),
            example(.capital, "Children's home", 6_000_000, 4_200_000, [day(2027, 3, 31), day(2027, 9, 30)], "Planning permission took longer than expected."),
        ])
    }

    private static var guidanceSheet: XLSXSheet {
        var rows: [[SpreadsheetCell]] = [["column or topic", "what to put in it"].map(SpreadsheetCell.text)]
        func add(_ topic: String, _ text: String) { rows.append([.text(topic), .text(text)]) }
        func gap() { rows.append([]) }

        add("About this workbook", "A committee's quarterly finance return, one row per line: the amount budgeted or planned for the financial year and what is now forecast. Scrutineer imports the finance sheet (the first sheet, or the one named by --sheet): scrutineer import finance finance.xlsx --committee CODE. Other sheets, such as this one, are not read. The same columns work in a CSV file, and one file may hold several quarters.")
        add("Column names", "The first row names the columns, in any order (a title or notes may sit in the rows above it). Names ignore case, and a space is the same as an underscore (Planned completion = planned_completion). Columns starting with note or comment are for people and are not imported; any other unknown column is an error.")
        add("Example rows", "Rows whose service is EXAMPLE show how to fill the sheet. Delete them before importing: an import that still has them stops with the error \"EXAMPLE marks an example row of the template\".")
        add("Checks", "Every cell is checked before anything is stored. If any is wrong, nothing is imported and each problem is listed as FILE[SHEET]:ROW:COLUMN: problem (expected …). Importing the same rows again changes nothing; a corrected row replaces the line of the same quarter, kind, service and line.")
        gap()
        add("period (required)", "The quarter of the financial year the return forecasts at, such as 2026/27 Q2 (Q4 is the outturn). A quarter that has begun.")
        add("kind (required)", "revenue: the year's budget and the forecast outturn (spending). savings: the savings planned and those forecast to be delivered. income: the income target and the income forecast. capital: a scheme's budget for this year and its forecast spend this year.")
        add("service (required)", "The service, as the monitoring report names it (Children and Families). Lines of one service are added up in the report.")
        add("line (required)", "The line within the service: a cost heading (Staffing), a savings proposal, an income stream or a capital scheme. Once per quarter, kind and service.")
        add("budget, forecast (required)", "Amounts in pounds, as numbers or currency cells (1250000 or £1,250,000), to the penny at most. Only a revenue line's may be below zero (a service whose income exceeds its spending).")
        add("planned_completion, forecast_completion", "For capital schemes only: the day the scheme was planned to finish and the day it is now forecast to, as date cells or as 2027-03-31. The report says how many months late or early it is.")
        add("explanation", "Why the forecast differs from the budget and what is being done. Optional; shown beside the line.")
        add("notes", "Any column starting with note or comment is kept for people and not imported.")
        gap()
        add("The report", "A committee's report shows the newest return of its financial year by the end of its period, beside the return before it in that year: each service's variance (over or under budget, short of plan or target, slipping), its percentage of the budget, and the largest part of an overspend.")
        return XLSXSheet(name: "guidance", rows: rows, columnWidths: [34, 100])
    }
}
