import Foundation

/// Times as the store keeps them (audit rows, sessions, sign-in failures): ISO 8601 UTC
/// timestamps, which sort in time order as text.
public enum StoreTimestamp {
    /// Now, or `seconds` from now (before now when negative), as the store writes it.
    public static func now(plus seconds: Int = 0) -> String {
        Date().addingTimeInterval(TimeInterval(seconds)).formatted(.iso8601)
    }
}
