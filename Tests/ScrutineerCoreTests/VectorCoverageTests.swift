import Foundation
import Testing

/// Every development vector file in `../shared/vectors/` must be loaded by a test: this reads the
/// test sources for `VectorFile("…")` and fails for any file in shared/vectors that none loads
/// (the issue's "every row of every development vector file is checked").
@Suite("Vector coverage")
struct VectorCoverageTests {
    static var testSources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }

    /// The vector files named in `VectorFile("…")` calls anywhere in this test target.
    static func loadedFiles() throws -> Set<String> {
        var names = Set<String>()
        let enumerator = FileManager.default.enumerator(at: testSources, includingPropertiesForKeys: nil)
        let pattern = try Regex(#"VectorFile\("([^"]+\.csv)"\)"#)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift", url.lastPathComponent != "VectorCoverageTests.swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        return names
    }

    @Test("every file in shared/vectors is loaded by a test")
    func everyVectorFileIsTested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: VectorFile.directory.path)
            .filter { $0.hasSuffix(".csv") }
        #expect(files.count >= 17, "expected the 17 development vector files at \(VectorFile.directory.path)")
        let loaded = try Self.loadedFiles()
        for file in files.sorted() {
            #expect(loaded.contains(file), "\(file) is not loaded by any test")
        }
    }
}
