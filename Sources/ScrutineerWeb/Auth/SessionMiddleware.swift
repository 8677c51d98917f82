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
            }
        }
        return try await next(request, context)
    }
}
