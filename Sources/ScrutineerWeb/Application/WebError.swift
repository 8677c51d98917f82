import Foundation
import Hummingbird

/// A refusal or a problem a user can act on, with its HTTP status. Pages show it as a page;
/// the API as JSON `{"error": {"status": 400, "message": "…", "parameter": "period"}}`.
struct WebError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    /// The query or path parameter at fault, when one is.
    let parameter: String?

    init(_ status: HTTPResponse.Status, _ message: String, parameter: String? = nil) {
        self.status = status
        self.message = message
        self.parameter = parameter
    }

    static func notFound(_ what: String) -> WebError { WebError(.notFound, what) }
    /// A measure the committee's reports do not hold (a page, form or endpoint under the committee).
    static func measureNotReported(_ code: String, committee: String) -> WebError {
        notFound("Committee \(committee) does not report measure \(code).")
    }
    static func badParameter(_ name: String, _ message: String) -> WebError { WebError(.badRequest, message, parameter: name) }
    static let signInRequired = WebError(.unauthorized, "Sign in to see this page.")
    static let sessionEnded = WebError(
        .unauthorized,
        "The session cookie names no session: it was signed out or is more than 8 hours old (expected a cookie from a new sign-in, POST /sign-in, or no cookie to read as the public)."
    )
    static let forbidden = WebError(.forbidden, "Your role does not allow this.")

    /// The JSON body the API answers with.
    var json: Data {
        var error: [String: Any] = ["status": Int(status.code), "message": message]
        if let parameter { error["parameter"] = parameter }
        return (try? JSONSerialization.data(withJSONObject: ["error": error], options: [.sortedKeys])) ?? Data()
    }
}
