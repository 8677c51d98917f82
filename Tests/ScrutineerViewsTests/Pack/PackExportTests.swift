import Foundation
import ScrutineerCore
import Testing
@testable import ScrutineerViews

/// Writes the test committee's packs to `$SCRUTINEER_PACK_OUT/<audience>/` for the browser tests
/// (`tests-browser/`) and for looking at; does nothing when the variable is not set.
@Suite struct PackExportTests {
    @Test("Write each audience's pack to $SCRUTINEER_PACK_OUT when set", arguments: Audience.allCases)
    func export(audience: Audience) throws {
        guard let out = ProcessInfo.processInfo.environment["SCRUTINEER_PACK_OUT"], !out.isEmpty else { return }
        let rendered = try WarwickshireCommittee.rendered(audience)
        let root = URL(fileURLWithPath: out).appendingPathComponent(audience.rawValue)
        for file in rendered.files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("print.html").path))
    }
}
