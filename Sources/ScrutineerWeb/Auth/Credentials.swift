import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords and tokens: bcrypt for passwords, random tokens for sessions and forms, and the
/// SHA-256 under which a session token is stored (the token itself never is).
public enum Credentials {
    /// The bcrypt hash of `password` at `cost` (12 unless set).
    public static func hash(password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches the bcrypt `hash`.
    public static func verify(password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Why a new password is refused, or nil when it is acceptable: at least 12 characters.
    public static func weakness(of password: String) -> String? {
        password.count < 12 ? "a password needs at least 12 characters (expected a longer passphrase)" : nil
    }

    /// 32 random bytes as URL-safe base64: a session or CSRF token.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a token, in hex: what the sessions table stores.
    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
