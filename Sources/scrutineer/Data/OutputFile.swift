import Foundation

/// The file a command's `--output` names, written whole or not at all.
enum OutputFile {
    /// Writes `text` to `path` atomically, or says in words why it cannot (exit 73, EX_CANTCREAT):
    /// a folder that is not there, a path that is a folder, or what the system reports.
    static func write(_ text: String, to path: String) throws(DataError) {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        let parent = url.deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw DataError(message: "\(path): is a folder (expected the name of a file to write)", exitCode: 73)
        }
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw DataError(message: "\(path): there is no folder \(parent) to write it in", exitCode: 73)
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw DataError(message: "\(path): cannot be written (\(error.localizedDescription))", exitCode: 73)
        }
    }
}
