import Foundation
import ScrutineerCore
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb

/// The cache keeps what was loaded only if it has not started again while it loaded: a slow load
/// that read the figures before a change, finished after the change was seen, must not keep the
/// old figures under the new revision (found by exploratory testing with two servers on PostgreSQL,
/// where a draft kept showing a corrected figure's old value until the data next changed).
@Suite("The report cache")
struct ReportCacheTests {
    @Test("A page made while the data changed is not kept; one made with no change is")
    func pageMadeAcrossAChange() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        try await withStore(url) { store in
            let cache = ReportCache(store: store, revisionCheckInterval: 60)
            let page = ReportCache.CachedPage(body: Data("old figures".utf8), contentType: "text/html")
            let (none, before) = try await cache.page("/committees/WARKS-CYP")
            #expect(none == nil)
            // The data changes (here, by this server) while the page is being made.
            cache.invalidate()
            cache.keep(page, for: "/committees/WARKS-CYP", ifStill: before)
            let (stale, now) = try await cache.page("/committees/WARKS-CYP")
            #expect(stale == nil, "the page made from the old data is not kept")
            cache.keep(page, for: "/committees/WARKS-CYP", ifStill: now)
            #expect(try await cache.page("/committees/WARKS-CYP").page?.body == page.body)
        }
    }
}
