import Foundation
import Testing
import ScrutineerCore
@testable import ScrutineerFormats

@Suite("Import smoke")
struct SmokeImportTests {
    @Test func everything() throws {
        let context = try ImportFixtures.context()
        let clock = ContinuousClock()
        for (kind, paths, options) in [
            (ImportKind.areas, [ImportFixtures.lookup], NationalImportOptions()),
            (.neighbours, ["reference/statistical_neighbours_2021_long.csv", "reference/statistical_neighbours_2025_long.csv"], NationalImportOptions()),
            (.neighbours, ["reference/New_Statistical_Neighbour_Groupings_April_2021.csv"], NationalImportOptions()),
            (.lait, [ImportFixtures.laitData, ImportFixtures.laitMeasures], NationalImportOptions()),
            (.ees, [ImportFixtures.eesReferrals], NationalImportOptions(measureCode: "ReReferral", indicator: "rereferral_percent")),
            (.fingertips, [ImportFixtures.fingertips], NationalImportOptions(unit: .rate(per: 10000), polarity: .lowIsGood)),
        ] {
            let files = try paths.map(ImportFixtures.file)
            let start = clock.now
            do {
                let batch = try NationalImport.parse(kind, files: files, options: options, context: context)
                print(kind, clock.now - start, batch.rowsRead, batch.measures.count, batch.areas.count, batch.neighbourLists.count, batch.observations.count)
            } catch {
                print(kind, error.errors.count, error.errors.prefix(10).map(\.description))
            }
        }
    }
}
