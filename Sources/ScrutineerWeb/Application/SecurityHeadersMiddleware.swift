import HTTPTypes
import Hummingbird

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
