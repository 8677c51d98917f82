import Foundation
import ScrutineerTestSupport
import ScrutineerCore
@testable import ScrutineerFormats

/// The shipped data files as importer inputs, and the context an import of them runs in.
enum ImportFixtures {
    static let lookup = "reference/la_lookup_from_ees.csv"
    static let laitData = "lait/lait_kpi_subset_long.csv"
    static let laitMeasures = "lait/lait_kpi_measures.csv"
    static let eesReferrals = "ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    static let eesSubsequentPlans = "ees/d3_cpps_subsequent_plan_2013_to_2025.csv"
    static let eesChildrenInNeed = "ees/b1_children_in_need_2013_to_2025.csv"
    static let fingertips = "fingertips/la_hospital_admissions_2324.csv"

    /// A shipped file, named by its last path component as the CLI would name it.
    static func file(_ path: String) throws -> PublishedFile {
        try PublishedFile(contentsOf: SharedFiles.data(path))
    }

    /// A made-up file.
    static func text(_ name: String, _ text: String) -> PublishedFile {
        PublishedFile(name: name, data: Data(text.utf8))
    }

    /// The shipped file parsed by the CSV reader, as an independent view of it.
    static func table(_ path: String) throws -> CSVTable {
        try CSVReader.table(contentsOf: SharedFiles.data(path))
    }

    /// The areas of the shipped LA lookup.
    static func lookupAreas() throws -> [Area] {
        try AreaLookupImporter.parse([file(lookup)], context: ImportContext()).areas
    }

    /// England, the regions and every LA of the lookup, plus `measures`: what a database holds
    /// after `scrutineer import areas`.
    static func context(measures: [Measure] = []) throws -> ImportContext {
        ImportContext(measures: measures, areas: try Area.englandAndRegions + lookupAreas())
    }

    /// The LAIT subset and its dictionary, imported together (parsed once for all tests; a failure
    /// is parsed again so the test sees the error).
    static func laitBatch() throws -> ImportBatch {
        if let laitParsed { return laitParsed }
        return try LAITImporter.parse([file(laitData), file(laitMeasures)], context: context())
    }

    private static let laitParsed: ImportBatch? = try? LAITImporter.parse([file(laitData), file(laitMeasures)], context: context())

    /// The error lines a failed import reports, or [] when it succeeds.
    static func errorLines<Value>(_ parse: () throws(BatchInputErrors) -> Value) -> [String] {
        do {
            _ = try parse()
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }
}
