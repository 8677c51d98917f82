import Foundation
import Hummingbird
import HummingbirdTesting
@testable import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// `/health`, for a load balancer or a monitor: plain text either way, 200 while the database
/// answers and 503 once it does not (it was the site's HTML error page, 500, found by exploratory
/// testing).
@Suite("/health")
struct HealthTests {
    @Test("/health says ok while the database answers, and 503 in plain text once it does not")
    func health() async throws {
        let url = try await DemoDatabases.load(.sqlite)
        let store = try await StoreConnection.open(url: url, logger: quietLogger)
        try await buildApplication(store: store, settings: testSettings, logger: quietLogger).test(.router) { client in
            let up = try await client.execute(uri: "/health", method: .get)
            #expect(up.status == .ok)
            #expect(up.text == "ok\n")
            // The table every request's revision is read from gone, as a database that no longer answers.
            try await store.read { try await $0.driver.execute("ALTER TABLE audit RENAME TO audit_gone", binds: []) }
            let down = try await client.execute(uri: "/health", method: .get)
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(down.text == "the database does not answer\n")
        }
        try await store.close()
    }
}
