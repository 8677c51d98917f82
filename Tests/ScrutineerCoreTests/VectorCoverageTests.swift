import Foundation
import Testing

/// Every development vector file in `../shared/vectors/` must be checked by a test. The list below
/// names each file with the suite that loads it; a file added to shared/ without a test fails here.
@Suite("Vector coverage")
struct VectorCoverageTests {
    static let testedFiles: [String: String] = [
        "wilson.csv": "IntervalVectorTests",
        "rate_byars_exact.csv": "IntervalVectorTests",
        "byars_count_limits.csv": "IntervalVectorTests",
        "mean_ci.csv": "IntervalVectorTests",
        "spc_xmr_limits.csv": "SPCLimitsVectorTests",
        "spc_point_flags.csv": "SPCPointFlagsVectorTests",
    ]

    @Test("every file in shared/vectors is loaded by a named test suite")
    func everyVectorFileIsTested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: VectorFile.directory.path)
            .filter { $0.hasSuffix(".csv") }
        #expect(!files.isEmpty, "no vector files found at \(VectorFile.directory.path)")
        for file in files.sorted() {
            #expect(Self.testedFiles[file] != nil, "\(file) has no test")
        }
    }
}
