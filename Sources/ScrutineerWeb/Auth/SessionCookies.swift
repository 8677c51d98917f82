import Foundation
import Hummingbird

/// The cookies Scrutineer sets: the session, and the sign-in form's CSRF token (before there is a
/// session). Both are HttpOnly and SameSite=Lax, Path=/, and Secure unless the settings say the
/// server is reached over plain HTTP on the same machine.
struct SessionCookies: Sendable {
    static let sessionName = "scrutineer_session"
    static let signInCSRFName = "scrutineer_sign_in_csrf"

    let secure: Bool
    let lifetime: Int

    func session(_ token: String) -> Cookie {
        Cookie(name: Self.sessionName, value: token, maxAge: lifetime, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func expiredSession() -> Cookie {
        Cookie(name: Self.sessionName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func signInCSRF(_ token: String) -> Cookie {
        Cookie(name: Self.signInCSRFName, value: token, maxAge: 3600, path: "/sign-in", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
