import Foundation

/// Files in the project's `shared/` folder beside the repository (or `$SCRUTINEER_SHARED`).
enum SharedFiles {
    static var root: URL {
        if let shared = ProcessInfo.processInfo.environment["SCRUTINEER_SHARED"] {
            return URL(fileURLWithPath: shared)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // ScrutineerCommandTests
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent()
    }

    static func data(_ path: String) -> URL {
        root.appendingPathComponent("data").appendingPathComponent(path)
    }
}
