import Foundation
import ScrutineerCore

/// The workbook `scrutineer template local` prints: an `observations` sheet and a `measures`
/// sheet with their headers and example rows, and a `guidance` sheet explaining every column.
///
/// The example rows use the measure code `EXAMPLE`, which `LocalMeasuresImporter` refuses with
/// "EXAMPLE marks an example row of the template …", so a template imported before its examples
/// are deleted names each example row instead of storing made-up figures.
public enum LocalMeasuresTemplate {
    /// The template's `.xlsx` bytes.
    public static func xlsxData() throws(XLSXWriteError) -> Data {
        try XLSXWriter.data(for: sheets)
    }

    /// The template's sheets, in order: observations, measures, guidance.
    public static var sheets: [XLSXSheet] {
        [observationsSheet, measuresSheet, guidanceSheet]
    }

    static let observationHeader = [
        "measure_code", "area_code", "period", "value", "numerator", "denominator", "lower95", "upper95",
        "status_symbol", "published", "next_update_due", "breakdown:age_band", "notes",
    ]

    static let measureHeader = [
        "code", "title", "definition", "theme", "owner", "unit", "decimal_places", "polarity", "periodicity",
        "year_type", "source", "publication_lag_days", "committees", "plan_priority",
    ]

    private static var observationsSheet: XLSXSheet {
        let published = CalendarDate(year: 2024, month: 10, day: 31).map(SpreadsheetCell.date) ?? .empty
        let nextDue = CalendarDate(year: 2025, month: 10, day: 30).map(SpreadsheetCell.date) ?? .empty
        return XLSXSheet(name: "observations", rows: [
            observationHeader.map(SpreadsheetCell.text),
            [
                .text("EXAMPLE"), .text("E10000031"), .text("2023/24"), .number(61.2), .number(153), .number(250), .empty, .empty,
                .empty, published, nextDue, .empty, .text("Example row: delete it before importing"),
            ],
            [
                .text("EXAMPLE"), .text("E10000031"), .text("2023/24"), .empty, .empty, .empty, .empty, .empty,
                .text("c"), published, nextDue, .text("0-4"), .text("Example row: a suppressed figure for one age band; delete it"),
            ],
        ])
    }

    private static var measuresSheet: XLSXSheet {
        XLSXSheet(name: "measures", rows: [
            measureHeader.map(SpreadsheetCell.text),
            [
                .text("EXAMPLE"), .text("Example: percentage of early help assessments completed within 45 days"),
                .text("Assessments completed within 45 working days as a percentage of all assessments completed"),
                .text("Early Help"), .text("Head of Early Help"), .text("percentage"), .number(1), .text("high"),
                .text("annual"), .text("financial"), .text("Local case management system"), .number(30),
                .text("Children and Young People Overview and Scrutiny Committee; Cabinet"), .text("Best start in life"),
            ],
        ])
    }

    private static var guidanceSheet: XLSXSheet {
        var rows: [[SpreadsheetCell]] = [["column or topic", "what to put in it"].map(SpreadsheetCell.text)]
        func add(_ topic: String, _ text: String) { rows.append([.text(topic), .text(text)]) }
        func gap() { rows.append([]) }

        add("About this workbook", "Scrutineer imports the observations sheet (or the sheet named by --sheet) and, when there is one, the measures sheet: scrutineer import local measures.xlsx. Other sheets, such as this one, are not read. The same columns work in CSV files: give the observations and the measures as two CSV files in one import.")
        add("Column names", "The first row names the columns, in any order (a title or notes may sit in the rows above it). Names ignore case, and a space is the same as an underscore (Measure Code = measure_code). Columns named area_name or measure_title, or starting with note or comment, are for people and are not imported; any other unknown column is an error.")
        add("Example rows", "Rows whose measure code is EXAMPLE show how to fill the sheets. Delete them before importing: an import that still has them stops with the error \"EXAMPLE marks an example row of the template\".")
        add("Checks", "Every cell is checked before anything is stored. If any is wrong, nothing is imported and each problem is listed as FILE[SHEET]:ROW:COLUMN: problem (expected …).")
        gap()
        add("observations sheet", "One row per figure: a measure, for an area, a period and (optionally) a breakdown.")
        add("measure_code (required)", "The measure's code, as in the measures sheet or already in Scrutineer (for example ReReferral).")
        add("area_code (required)", "The area's ONS code, such as E10000031 for Warwickshire or E92000001 for England, or its DfE local authority number, such as 937. The area must be known to Scrutineer (import the LA lookup with scrutineer import areas).")
        add("period (required)", "The period the figure covers, as a label the measure's year type understands; see \"Period labels\" below.")
        add("value (required)", "The figure, as a number. For a percentage measure give percentage points (61.2), a cell formatted as a percentage (61.2%), or the text 61.2%; for a money measure, pounds (1200.50, or the text £1,200.50). Leave it blank, or write the symbol, when the figure is suppressed; then give status_symbol.")
        add("numerator", "The count the figure is made from (for a percentage, the number of children meeting the definition). Optional; for a percentage it may not exceed the denominator.")
        add("denominator", "The population the figure is made from. Optional.")
        add("lower95, upper95", "The 95% confidence limits, when your source publishes them, in the same units as value. Optional.")
        add("status_symbol", "Why there is no figure, in place of one (value blank), using the DfE symbols: " + StatusSymbol.allCases.map { "\($0.rawValue) = \($0.meaning)" }.joined(separator: "; ") + ".")
        add("published", "The date the figure was published or extracted, as a date cell or as 2025-03-31 (31/03/2025 is also read). Optional.")
        add("next_update_due", "The date the next figure is due, written the same way. Optional.")
        add("breakdown:<dimension>", "One column per way the figure is cut, such as breakdown:age_band, breakdown:sex or breakdown:district (breakdown_sex also works). The cell holds the group (0-4, Female, Rugby); leave it blank when the row is not broken down that way. Rows with every breakdown blank are the whole population. Values may not contain ; or =. Write each group as earlier imports did (Nuneaton and Bedworth, not Nuneaton & Bedworth): another spelling is refused, as it would start a series of its own.")
        add("notes", "Any column starting with note or comment is kept for people and not imported.")
        gap()
        add("measures sheet", "One row per measure the observations use that Scrutineer does not already know; a measure already known need not be listed. A code listed twice must have the same details both times.")
        add("Whose measures", "The measures listed become your council's own: the council whose figures the observations sheet holds, or the one named with --council E10000031. Another council's import cannot change them, and you cannot list a published measure (such as LAIT's ReReferral) or another council's: give figures for it on the observations sheet instead.")
        add("code (required)", "A short unique code, such as EH_ASSESS_45. Start it with your council's prefix (WARKS_EH_ASSESS_45) when you share Scrutineer with other councils.")
        add("title (required)", "The measure's name as a committee should read it.")
        add("definition", "What is counted, precisely enough for someone else to reproduce it.")
        add("theme", "The theme or dashboard it belongs to (Early Help, Front Door, EHCP…).")
        add("owner", "The officer accountable for it.")
        add("unit (required)", "percentage, rate:N (a rate per N, such as rate:10000 for per 10,000 children), count, days, weeks, money or number.")
        add("decimal_places", "How many decimal places to show, 0 to 6. Optional.")
        add("polarity (required)", "high (higher is better), low (lower is better) or none (no judgement: differences are higher or lower, never better or worse).")
        add("periodicity", "monthly, quarterly, annual (the default) or multi-year.")
        add("year_type (required)", "financial (April to March), academic (September to August), calendar (January to December) or year-ending-september (October to September).")
        add("source", "Where the figures come from (for example, the local case management system).")
        add("publication_lag_days", "Typical days from the end of a period to the figure being available. Optional.")
        add("committees", "The committees whose remit includes the measure, separated by semicolons.")
        add("plan_priority", "The Council Plan priority the measure serves. Optional.")
        add("benchmark_comparison, direction_of_travel", "Optional methods: fingertips-1 (default), fingertips-17 or not-compared; simple (default), ci-overlap, recent-trend or spc.")
        gap()
        add("Period labels", "Anything else is an error, never a guess:")
        add("2025", "One year of the measure's year type ending in 2025 (financial: April 2024 to March 2025; academic: September 2024 to August 2025; calendar: 2025; year ending September 2025).")
        add("2023/24 or 2023-24", "The financial or academic year starting in 2023 (or the year ending September 2024); not for calendar-year measures.")
        add("2021/22-23/24", "Three years pooled, from 2021/22 to 2023/24.")
        add("2021-2023 or 2021-23", "Three calendar years pooled, from 2021 to 2023, stored as 2021-2023 (2009-11 is November 2009: write 2009-2011).")
        add("2024/25 Q2, 2024-25 Q2 or Q2 2024/25", "A quarter of a financial year (Q1 = April to June) or academic year (Q1 = September to November), stored as 2024/25 Q2.")
        add("2024 Q2 or Q2 2024", "A calendar quarter (Q2 = April to June), stored as 2024 Q2.")
        add("2023/24 Autumn term", "A school term of an academic year (Autumn, Spring or Summer term), or 2023/24 Autumn and spring term for the two together, as DfE publishes pupil absence; also written Autumn term 2023/24. Academic measures only.")
        add("2024-09", "A month. For a monthly measure a date cell also names its month.")
        add("2024-25 (OT)", "Any of these followed by a note in brackets, which stays in the label.")
        return XLSXSheet(name: "guidance", rows: rows, columnWidths: [34, 100])
    }
}
