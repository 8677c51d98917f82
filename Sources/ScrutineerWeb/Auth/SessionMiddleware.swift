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
            if let (account, csrf) = try await store.session(tokenHash: hash, at: StoreTimestamp.now()) {
                context.viewer = Viewer(account: account, csrfToken: csrf, sessionTokenHash: hash)
            } else if request.uri.path.hasPrefix("/api/"), request.uri.path != "/api/openapi.json" {
                // A script whose session has ended is told so, rather than answered as the public
                // (drafts gone, figures withheld) without a word; a browser's page reads as public.
                throw WebError.sessionEnded
            }
        }
        guard context.viewer.account != nil else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch {
            // The error page is made outside this middleware: it is told who is signed in.
            throw ErrorForViewer(error: error, viewer: context.viewer)
        }
    }
}

/// An error raised for a signed-in reader, so the page that explains it shows them signed in.
struct ErrorForViewer: Error {
    let error: any Error
    let viewer: Viewer
}
