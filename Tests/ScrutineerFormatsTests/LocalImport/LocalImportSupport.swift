import Foundation
import ScrutineerTestSupport
import ScrutineerCore
@testable import ScrutineerFormats

/// Real reference data for the local-import tests: the areas of DfE's LA lookup and the LAIT
/// and EES figures the fixtures were built from.
enum LocalImportData {
    /// England, the regions, and every local authority in `reference/la_lookup_from_ees.csv`.
    static func areas() throws -> [Area] {
        let table = try CSVReader.table(contentsOf: SharedFiles.data("reference/la_lookup_from_ees.csv"))
        let authorities = table.dictionaries().map { row in
            Area(
                code: row["new_la_code"]!, dfeCode: row["old_la_code"], name: row["la_name"]!, type: .localAuthority,
                regionCode: row["region_code"]
            )
        }
        return Area.englandAndRegions + authorities
    }

    static func context(measures: [Measure] = []) throws -> ImportContext {
        ImportContext(measures: measures, areas: try areas())
    }

    /// LAIT's figure for Warwickshire: the value, or the symbol published instead.
    static func laitWarwickshire() throws -> [String: (value: Double?, note: String)] {
        let table = try CSVReader.table(contentsOf: SharedFiles.data("lait/lait_kpi_subset_long.csv"))
        var figures: [String: (value: Double?, note: String)] = [:]
        for row in table.dictionaries() where row["new_la_code"] == "E10000031" {
            figures["\(row["measure_code"]!)|\(row["period"]!)"] = (Double(row["value"]!), row["value_note"]!)
        }
        return figures
    }

    /// EES's second-or-subsequent child protection plans for Warwickshire by year: (subsequent, all).
    static func eesSubsequentPlans() throws -> [String: (subsequent: Double, all: Double)] {
        let table = try CSVReader.table(contentsOf: SharedFiles.data("ees/d3_cpps_subsequent_plan_2013_to_2025.csv"))
        var figures: [String: (subsequent: Double, all: Double)] = [:]
        for row in table.dictionaries() where row["new_la_code"] == "E10000031" && row["geographic_level"] == "Local authority" {
            figures[row["time_period"]!] = (Double(row["CPP_subsequent"]!)!, Double(row["CPP_start"]!)!)
        }
        return figures
    }

    /// The error lines of importing `files` (none when it imports), for Warwickshire unless told.
    static func errors(
        _ files: [LocalImportFile], sheet: String? = nil, council: String? = "E10000031", context: ImportContext
    ) -> [String] {
        do {
            _ = try LocalMeasuresImporter.importBatch(files, options: LocalImportOptions(sheet: sheet, council: council), context: context)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    static func csv(_ name: String, _ text: String) -> LocalImportFile {
        LocalImportFile(name: name, data: Data(text.utf8))
    }

    /// Two measures as a council would define them, in a measures CSV.
    static let measuresCSV = csv("measures.csv", """
    code,title,unit,polarity,year_type,periodicity,decimal_places
    PrevRegCPR,Second or subsequent child protection plans,percentage,low,financial,annual,1
    CIN_RATE,Children in need per 10000,rate:10000,none,financial,annual,1
    EH_MONTHLY,Early help cases open,count,none,financial,monthly,0

    """)
}
