import Hummingbird
import ScrutineerCore

/// Who is asking: the signed-in person and their session's CSRF token, or nobody.
struct Viewer: Sendable {
    /// The signed-in person; nil for the public.
    var account: UserAccount?
    /// The session's CSRF token (empty for the public).
    var csrfToken: String
    /// The SHA-256 of the session cookie (empty for the public).
    var sessionTokenHash: String

    static let anonymous = Viewer(account: nil, csrfToken: "", sessionTokenHash: "")
}

/// The request context every handler receives: Hummingbird's, plus the viewer the session
/// middleware found.
struct WebRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var viewer = Viewer.anonymous

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Form posts are small: a commentary of a few pages at most.
    var maxUploadSize: Int { Self.largestForm }
    /// The largest form of text read (an upload of files has its own limit, `UploadedForm.largestUpload`).
    static let largestForm = 256 * 1024
}
