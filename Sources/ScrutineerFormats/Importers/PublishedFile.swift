import Foundation

/// A file of published statistics as the user gave it: the name errors show, and its bytes.
public struct PublishedFile: Sendable, Hashable {
    /// The name as errors show it (usually the last path component).
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    /// Reads the file at `url`, named by its last path component.
    public init(contentsOf url: URL) throws {
        self.init(name: url.lastPathComponent, data: try Data(contentsOf: url))
    }
}
