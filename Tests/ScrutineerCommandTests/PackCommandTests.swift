import Foundation
import Testing

/// `scrutineer pack`, as a user runs it (the packs themselves are built by the CI script from the
/// shipped data and checked by the page tests).
@Suite("scrutineer pack")
struct PackCommandTests {
    @Test("pack --period that is not one of the council's reporting periods (a school term, a fifth quarter, a quarter without its year) is refused before the database is opened, exit 64")
    func packPeriodRefused() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for period in ["2024/25 Autumn term", "2024/25 Q5", "Q4"] {
            let result = try CommandRunner.run([
                "pack", "--committee", "WARKS-CYP", "--period", period, "--out", folder.appendingPathComponent("pack").path,
                "--db", "sqlite://" + folder.appendingPathComponent("none.sqlite").path,
            ])
            #expect(result.status == 64)
            #expect(result.standardError == "--period: \"\(period)\" is not a reporting period (expected a quarter of the council's financial year such as 2024/25 Q4, a financial year such as 2024/25, or a month such as 2025-03)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.sqlite").path))
    }
}
