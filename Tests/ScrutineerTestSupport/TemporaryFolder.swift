import Foundation

/// New, empty folders in the temporary directory, for one test's files.
public enum TemporaryFolder {
    /// A new, empty folder named `prefix` and a UUID.
    public static func make(prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
