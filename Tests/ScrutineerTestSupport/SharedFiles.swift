import Foundation

/// Files in the project's `shared/` folder beside the repository (or `$SCRUTINEER_SHARED`), for
/// every test target that reads the real data.
public enum SharedFiles {
    /// The `shared/` folder.
    public static var root: URL {
        if let shared = ProcessInfo.processInfo.environment["SCRUTINEER_SHARED"] {
            return URL(fileURLWithPath: shared)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// The repository's own folder.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // ScrutineerTestSupport
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent()
    }

    /// A file under `shared/data`.
    public static func data(_ path: String) -> URL {
        root.appendingPathComponent("data").appendingPathComponent(path)
    }
}
