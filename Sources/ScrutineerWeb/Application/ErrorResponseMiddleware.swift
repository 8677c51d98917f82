import Hummingbird
import ScrutineerStorage
import ScrutineerViews

/// Errors as the reader can act on them: a page for the site, JSON for the API (PRODUCT.md R17),
/// with the right status; an unexpected error is logged and shown without its internals.
struct ErrorResponseMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebRequestContext, next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch var error {
            var viewer = context.viewer
            if let raised = error as? ErrorForViewer { (error, viewer) = (raised.error, raised.viewer) }
            let webError: WebError
            // An address that answers other methods than the one asked (RFC 9110 §15.5.6): 405,
            // saying which; OPTIONS is answered with them.
            var allowed: [HTTPRequest.Method] = []
            if let error = error as? HTTPError, error.status == .notFound { allowed = RouteTemplate.methods(at: request.uri.path) }
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            if request.method == .options, !allowed.isEmpty {
                return Response(status: .noContent, headers: [.allow: allow])
            }
            switch error {
            case let error as WebError: webError = error
            case _ where !allowed.isEmpty:
                webError = WebError(.methodNotAllowed, "\(request.uri.path) does not take a \(request.method.rawValue) request (expected \(allow)).")
            case let error as HTTPError:
                webError = WebError(error.status, error.status == .notFound ? "There is no page at \(request.uri.path)." : (error.body ?? error.status.reasonPhrase))
            case let error as any HTTPResponseError where error.status == .contentTooLarge:
                // Hummingbird's answer to a body over the limit a form reads it with.
                webError = WebError(error.status, "What was sent is larger than this form accepts: at most \(UploadedForm.largestUpload / 1024 / 1024) MB of files for an import, and \(WebRequestContext.largestForm / 1024) KB for any other form.")
            case _ where StoreError.isConnectionLoss(error):
                // The store's own words, or the driver's for a read that lost its connection.
                context.logger.error("store: \(StoreError.databaseReason(error))")
                let message: String
                if case .connectionLostWhileCommitting = error as? StoreError {
                    message = "The database could not be reached as the change was being saved, so it may or may not have been made. Look at the page again before sending it again."
                } else if request.method == .get || request.method == .head {
                    message = "The database could not be reached. Try again shortly."
                } else {
                    message = "The database could not be reached, so nothing was changed. Try again shortly."
                }
                webError = WebError(.serviceUnavailable, message)
            case let error as StoreError:
                context.logger.error("store: \(error.description)")
                webError = WebError(.internalServerError, "The database could not answer. Try again shortly.")
            default:
                // The full account for the log (PostgresNIO describes its errors generically and
                // keeps the server's message for this), never for the reader.
                context.logger.error("unexpected: \(String(reflecting: error))")
                webError = WebError(.internalServerError, "Something went wrong on the server. Try again shortly.")
            }
            var response = answer(webError, to: request, viewer: viewer)
            if !allowed.isEmpty { response.headers[.allow] = allow }
            return response
        }
    }

    /// `webError` as the reader reads it: JSON for the API, otherwise a page.
    private func answer(_ webError: WebError, to request: Request, viewer: Viewer) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return .json(webError.json, status: webError.status)
        }
        // A form's several problems come a line each: a paragraph each.
        var paragraphs = webError.message.split(separator: "\n").map(String.init)
        if webError.status == .unauthorized { paragraphs.append("Sign in from the link at the top of the page.") }
        // A form refused: the reader goes back to it, where the browser keeps what was typed.
        let sentForm = request.method == .post
        if sentForm, [.badRequest, .conflict].contains(webError.status) {
            paragraphs.append("Go back to the form with your browser's Back button, which keeps what you typed, to correct it and send it again.")
        }
        let title: String
        switch webError.status {
        case .notFound: title = "Page not found"
        case .unauthorized: title = "Sign in needed"
        case .forbidden: title = "Not allowed"
        case .tooManyRequests: title = "Too many attempts"
        case .badRequest: title = sentForm ? "There is a problem with what was sent" : "There is a problem with the address"
        case .conflict: title = "This cannot be changed now"
        case .contentTooLarge: title = "What was sent is too large"
        case .methodNotAllowed: title = "This address does not take that request"
        default: title = "Sorry, there is a problem with the service"
        }
        let html = (try? SiteRenderer.message(title: title, paragraphs: paragraphs, chrome: SiteChrome.make(viewer))) ?? webError.message
        return .html(html, status: webError.status)
    }
}
