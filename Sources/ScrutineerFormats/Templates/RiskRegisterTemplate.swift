import Foundation
import ScrutineerCore

/// The workbook `scrutineer template risks` prints: a `risks` sheet with the register's header and
/// example rows, and a `guidance` sheet explaining every column and the scores.
///
/// The example rows use the reference `EXAMPLE`, which `RiskRegisterImporter` refuses, so a
/// register imported before its examples are deleted names each example row instead of storing a
/// made-up risk.
public enum RiskRegisterTemplate {
    /// The template's `.xlsx` bytes.
    public static func xlsxData() throws(XLSXWriteError) -> Data {
        try XLSXWriter.data(for: sheets)
    }

    /// The template's sheets, in order: risks, guidance.
    public static var sheets: [XLSXSheet] {
        [risksSheet, guidanceSheet]
    }

    static let header = [
        "reference", "title", "description", "owner", "reviewed_on", "likelihood", "impact", "score",
        "target_likelihood", "target_impact", "target_score", "mitigation", "status", "notes",
    ]

    private static var risksSheet: XLSXSheet {
        func day(_ month: Int, _ date: Int) -> SpreadsheetCell { CalendarDate(year: 2026, month: month, day: date).map(SpreadsheetCell.date) ?? .empty }
        let risk: [SpreadsheetCell] = [
            .text("EXAMPLE"), .text("Example: not enough suitable placements for children in care"),
            .text("Too few local foster and residential places mean children are placed far from home at high cost."),
            .text("Director of Children and Families"),
        ]
        return XLSXSheet(name: "risks", rows: [
            header.map(SpreadsheetCell.text),
            risk + [
                day(6, 9), .number(4), .number(5), .number(20), .number(3), .number(3), .number(9),
                .text("Foster carer recruitment campaign; weekly placement panel."), .text("open"), .text("Example row: delete it before importing"),
            ],
            risk + [
                day(9, 8), .number(4), .number(4), .number(16), .number(3), .number(3), .number(9),
                .text("First council-owned children's home open; foster carer recruitment campaign."), .text("open"),
                .text("Example row: the same risk reviewed again, one row per review; delete it"),
            ],
        ])
    }

    private static var guidanceSheet: XLSXSheet {
        var rows: [[SpreadsheetCell]] = [["column or topic", "what to put in it"].map(SpreadsheetCell.text)]
        func add(_ topic: String, _ text: String) { rows.append([.text(topic), .text(text)]) }
        func gap() { rows.append([]) }

        add("About this workbook", "The risks a committee owns, one row per review of a risk. Scrutineer imports the risks sheet (the first sheet, or the one named by --sheet): scrutineer import risks risks.xlsx --committee CODE. Other sheets, such as this one, are not read. The same columns work in a CSV file.")
        add("Column names", "The first row names the columns, in any order (a title or notes may sit in the rows above it). Names ignore case, and a space is the same as an underscore (Reviewed on = reviewed_on). Columns starting with note or comment are for people and are not imported; any other unknown column is an error.")
        add("Example rows", "Rows whose reference is EXAMPLE show how to fill the sheet. Delete them before importing: an import that still has them stops with the error \"EXAMPLE marks an example row of the template\".")
        add("Checks", "Every cell is checked before anything is stored. If any is wrong, nothing is imported and each problem is listed as FILE[SHEET]:ROW:COLUMN: problem (expected …). Importing the same rows again changes nothing; a corrected row replaces the review of the same risk on the same day.")
        gap()
        add("reference (required)", "The register's reference for the risk, the same in every review of it (CYP-R01).")
        add("title (required)", "The risk in a line, as the committee should read it.")
        add("description", "Its causes and consequences. Optional.")
        add("owner (required)", "Who owns the risk, by job title.")
        add("reviewed_on (required)", "The day the risk was reviewed, as a date cell or as 2026-06-09 (09/06/2026 is also read). Not after today; one row per risk and day.")
        add("likelihood, impact (required)", "Each a whole number from 1 (least) to 5 (most), with the mitigation in place.")
        add("score", "Likelihood × impact. Optional: when filled (by a formula, say) it must equal the two multiplied, or the row is refused.")
        add("target_likelihood, target_impact", "The likelihood and impact the mitigation aims for. Optional, but both or neither.")
        add("target_score", "Target likelihood × target impact, checked like score. Optional.")
        add("mitigation (required)", "What is being done about the risk.")
        add("status", "open (the default when blank) or closed. A closed risk is reported once, in the report of the period it closed in.")
        add("notes", "Any column starting with note or comment is kept for people and not imported.")
        gap()
        add("Scores", RiskRating.keyText + " A report lists each open risk at its newest review, highest score first, and says whether its score is worse, better or unchanged since the review before, or new to the register.")
        return XLSXSheet(name: "guidance", rows: rows, columnWidths: [34, 100])
    }
}
