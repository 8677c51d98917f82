/// Cross-site request forgery protection: every form that changes something carries the
/// session's token, and the request is refused unless it matches.
enum CSRF {
    static func check(_ form: FormFields, _ viewer: Viewer) throws {
        guard viewer.account != nil else { throw WebError.signInRequired }
        guard Credentials.constantTimeEqual(form["csrf"] ?? "", viewer.csrfToken) else {
            throw WebError(.forbidden, "The form had expired or did not come from this site (its security token did not match). Go back, reload the page and try again.")
        }
    }
}
