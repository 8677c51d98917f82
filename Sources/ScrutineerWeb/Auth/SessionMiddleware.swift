import Foundation
import HTTPTypes
import Hummingbird
import ScrutineerStorage

/// Finds who is asking: the session cookie's token is hashed and looked up in the database (so
/// every server on the database knows every session), and the viewer put in the context.
struct SessionMiddleware: RouterMiddleware {
    let store: any ScrutineerStore

    func handle(_ request: Request, context: WebRequestContext, next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[SessionCookies.sessionName]?.value, !token.isEmpty {
            let hash = Credentials.tokenHash(token)
            if let (account, csrf) = try await store.session(tokenHash: hash, at: Timestamps.now()) {
                context.viewer = Viewer(account: account, csrfToken: csrf, sessionTokenHash: hash)
            }
        }
        return try await next(request, context)
    }
}

/// Security headers on every response: a content security policy that allows only this site's
/// own stylesheet (no scripts at all), no framing, no MIME sniffing, and referrers kept on site.
struct SecurityHeadersMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebRequestContext, next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}

/// Errors as the reader can act on them: a page for the site, JSON for the API (PRODUCT.md R17),
/// with the right status; an unexpected error is logged and shown without its internals.
struct ErrorResponseMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebRequestContext, next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let webError: WebError
            switch error {
            case let error as WebError: webError = error
            case let error as HTTPError:
                webError = WebError(error.status, error.status == .notFound ? "There is no page at \(request.uri.path)." : (error.body ?? error.status.reasonPhrase))
            case let error as StoreError:
                context.logger.error("store: \(error.description)")
                webError = WebError(.internalServerError, "The database could not answer. Try again shortly.")
            default:
                context.logger.error("unexpected: \(String(describing: error))")
                webError = WebError(.internalServerError, "Something went wrong on the server. Try again shortly.")
            }
            if request.uri.path.hasPrefix("/api/") {
                return .json(webError.json, status: webError.status)
            }
            var paragraphs = [webError.message]
            if webError.status == .unauthorized { paragraphs.append("Sign in from the link at the top of the page.") }
            let title: String
            switch webError.status {
            case .notFound: title = "Page not found"
            case .unauthorized: title = "Sign in needed"
            case .forbidden: title = "Not allowed"
            case .tooManyRequests: title = "Too many attempts"
            case .badRequest: title = "There is a problem with the address"
            default: title = "Sorry, there is a problem with the service"
            }
            let html = (try? SiteRendererBridge.message(title: title, paragraphs: paragraphs, viewer: context.viewer)) ?? webError.message
            return .html(html, status: webError.status)
        }
    }
}

import ScrutineerViews

/// The message page with the viewer's chrome.
enum SiteRendererBridge {
    static func message(title: String, paragraphs: [String], viewer: Viewer) throws -> String {
        try SiteRenderer.message(title: title, paragraphs: paragraphs, chrome: SiteChrome.make(viewer, breadcrumbs: []))
    }
}

/// ISO 8601 UTC timestamps, as the store keeps them.
enum Timestamps {
    static func now(plus seconds: Int = 0) -> String {
        Date().addingTimeInterval(TimeInterval(seconds)).formatted(.iso8601)
    }
}
