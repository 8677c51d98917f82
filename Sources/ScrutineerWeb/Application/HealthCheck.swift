import Foundation
import Hummingbird
import Logging
import ScrutineerStorage

/// `/health`, for a load balancer or a monitor: plain text, 200 while the database answers, 503
/// while it does not or does not answer in time (the cause goes to the log, as for any page). A
/// database that has gone silent (a frozen proxy, a lock held for good) would otherwise hold the
/// probe as long as it holds the site's requests, and a monitor would learn nothing (found by
/// exploratory testing: no answer within 60 seconds).
enum HealthCheck {
    /// How the database answered the check.
    private enum Outcome: Sendable {
        case answered
        case failed(any Error)
        case silent
    }

    static func answer(store: any ScrutineerStore, within timeLimit: Duration, logger: Logger) async -> Response {
        switch await outcome(within: timeLimit, { _ = try await store.revision() }) {
        case .answered:
            return Response.body(Data("ok\n".utf8), contentType: "text/plain; charset=utf-8")
        case let .failed(error):
            logger.error("health: the database does not answer: \(StoreError.databaseReason(error))")
            return unavailable("the database does not answer\n")
        case .silent:
            logger.error("health: the database did not answer within \(timeLimit)")
            return unavailable("the database did not answer within \(timeLimit)\n")
        }
    }

    private static func unavailable(_ text: String) -> Response {
        Response.body(Data(text.utf8), status: .serviceUnavailable, contentType: "text/plain; charset=utf-8")
    }

    /// Runs `check`, waiting for it at most `timeLimit`. A query waiting on a silent database does
    /// not stop when cancelled, so the check runs as a task of its own, left to finish (or fail
    /// when its connection does) after the answer has gone.
    private static func outcome(within timeLimit: Duration, _ check: @escaping @Sendable () async throws -> Void) async -> Outcome {
        let (outcomes, report) = AsyncStream.makeStream(of: Outcome.self)
        let checking = Task {
            do {
                try await check()
                report.yield(.answered)
            } catch {
                report.yield(.failed(error))
            }
        }
        let timing = Task {
            try? await Task.sleep(for: timeLimit)
            report.yield(.silent)
        }
        var first = Outcome.silent
        for await outcome in outcomes {
            first = outcome
            break
        }
        timing.cancel()
        if case .silent = first { checking.cancel() }
        report.finish()
        return first
    }
}
