import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import ScrutineerCore
import ScrutineerStorage

/// The web application (PRODUCT.md R13, R16–R18) on a store: pages, the JSON API and its OpenAPI
/// document, sign-in, `/health` and Prometheus `/metrics`. Stateless: sessions, sign-in failures
/// and everything else live in the database, so several servers can share one PostgreSQL database.
/// Tests call this in-process; `scrutineer serve` and `scrutineer demo` run it. `onServerRunning`
/// is called once the server listens on its port (never when the port cannot be had), with the
/// port it listens on (the one the system chose, for port 0).
public func buildApplication(
    store: any ScrutineerStore, settings: WebSettings, logger: Logger = Logger(label: "scrutineer.web"),
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(store: store, settings: settings)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(settings.idleTimeout)))),
        configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "Scrutineer"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
        logger: logger
    )
}

/// The metrics registry `/metrics` reports; bootstrapped into swift-metrics once per process.
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

/// The router with every route and middleware.
func buildRouter(store: any ScrutineerStore, settings: WebSettings) -> Router<WebRequestContext> {
    let registry = MetricsRegistry.shared
    // HEAD answers as GET does, without the body (link checkers and uptime monitors ask HEAD).
    let router = Router(context: WebRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorResponseMiddleware())
    router.add(middleware: SessionMiddleware(store: store))
    let cache = ReportCache(store: store, revisionCheckInterval: settings.revisionCheckInterval)
    PageController(cache: cache, settings: settings).addRoutes(to: router)
    SignInController(store: store, settings: settings).addRoutes(to: router)
    APIController(cache: cache, settings: settings).addRoutes(to: router)
    router.on(RouterPath(SiteRoutes.health.pattern), method: .get) { _, context in
        await HealthCheck.answer(store: store, within: settings.healthTimeLimit, logger: context.logger)
    }
    router.on(RouterPath(SiteRoutes.metrics.pattern), method: .get) { request, _ in
        if let token = settings.metricsToken, !MetricsAccess.presents(token, request.headers[.authorization]) {
            var refused = Response.body(
                Data("The metrics need the server's metrics token (expected Authorization: Bearer TOKEN).\n".utf8), status: .unauthorized,
                contentType: "text/plain; charset=utf-8"
            )
            refused.headers[.wwwAuthenticate] = #"Bearer realm="metrics""#
            return refused
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return Response.body(Data(buffer), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
    return router
}

/// Whether a request to `/metrics` presents the server's token.
enum MetricsAccess {
    /// True when `authorization` is `Bearer TOKEN` with exactly `token`, compared in time that does
    /// not depend on where the two first differ.
    static func presents(_ token: String, _ authorization: String?) -> Bool {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
        let given = Array(authorization.dropFirst("Bearer ".count).utf8), expected = Array(token.utf8)
        var difference = given.count ^ expected.count
        for index in expected.indices { difference |= Int(expected[index] ^ (index < given.count ? given[index] : 0)) }
        return difference == 0
    }
}
