import Foundation

/// Messages to standard error. Foundation's `FileHandle.write(_:)` stops the program when the
/// reader has gone (`scrutineer import … 2>&1 | head`), so a refused import crashed with "Illegal
/// instruction" instead of exiting with its status (found by exploratory testing); a message the
/// reader no longer wants is dropped instead.
enum StandardError {
    static func write(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
