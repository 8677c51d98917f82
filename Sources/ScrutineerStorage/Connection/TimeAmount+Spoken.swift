import NIOCore

extension TimeAmount {
    /// The amount as a person would say it: "10 minutes", "1 second", "250 ms".
    var spoken: String {
        let milliseconds = nanoseconds / 1_000_000, seconds = milliseconds / 1000
        if seconds >= 60, seconds % 60 == 0 { return "\(seconds / 60) minute\(seconds / 60 == 1 ? "" : "s")" }
        if seconds >= 1, milliseconds % 1000 == 0 { return "\(seconds) second\(seconds == 1 ? "" : "s")" }
        return "\(milliseconds) ms"
    }
}
