import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ScrutineerWeb

/// `/metrics` with a token (`WebSettings.metricsToken`, `SCRUTINEER_HTTP_METRICS_TOKEN`): only a
/// request presenting it reads the server's request counts. Without one, `/metrics` is open (the
/// route × role matrix).
@Suite("Prometheus metrics behind a token")
struct MetricsTests {
    @Test("with a token, /metrics answers 401 without it or with another, and the metrics with it")
    func token() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        var settings = testSettings
        settings.metricsToken = "s3cret-metrics"
        try await withApplication(url, settings: settings) { client in
            _ = try await client.execute(uri: "/", method: .get)
            let none = try await client.execute(uri: "/metrics", method: .get)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == #"Bearer realm="metrics""#)
            #expect(none.text == "The metrics need the server's metrics token (expected Authorization: Bearer TOKEN).\n")
            for wrong in ["Bearer s3cret", "Bearer s3cret-metrics-and-more", "Basic s3cret-metrics", "s3cret-metrics", "Bearer "] {
                let response = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: wrong])
                #expect(response.status == .unauthorized, "\(wrong)")
            }
            let right = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer s3cret-metrics"])
            #expect(right.status == .ok)
            #expect(right.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(right.text.contains("# TYPE"), "\(right.text.prefix(300))")
            // Only /metrics is behind the token.
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test("the token is compared whole: a prefix, a longer text, another scheme or an empty token do not match")
    func comparison() {
        #expect(MetricsAccess.presents("abc", "Bearer abc"))
        #expect(!MetricsAccess.presents("abc", "Bearer ab"))
        #expect(!MetricsAccess.presents("abc", "Bearer abcd"))
        #expect(!MetricsAccess.presents("abc", "Bearer abd"))
        #expect(!MetricsAccess.presents("abc", "bearer abc"))
        #expect(!MetricsAccess.presents("abc", nil))
        #expect(WebSettings(metricsToken: "").metricsToken == nil, "an empty setting leaves /metrics open rather than locked to an empty token")
    }
}
