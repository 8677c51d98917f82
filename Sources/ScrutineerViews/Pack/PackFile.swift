import Foundation

/// One file of a committee pack: where it goes, relative to the pack's folder, and its bytes.
public struct PackFile: Sendable, Hashable {
    /// The path inside the pack's folder, with `/` between folders: `index.html`, `measures/ReReferral.html`, `data/pack.xlsx`.
    public let path: String
    /// The file's contents (UTF-8 for the text files).
    public let data: Data

    /// A file at `path` holding `data`.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    /// A UTF-8 text file.
    init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    /// The contents as UTF-8 text.
    public var text: String { String(decoding: data, as: UTF8.self) }
}
