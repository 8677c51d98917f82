/// A test's hold on something the code under test waits for (a lock, a connection), kept while
/// the test acts.
public enum Hold {
    /// Runs `body` while `hold` holds what it takes: `hold` takes it, then calls the function it
    /// is given, which returns when the hold should end. The hold ends once `body` has run, or
    /// after `atMost` whatever happens, so a body that waits on the hold (as the code under test
    /// did before its fix) goes on and fails its test rather than hanging it. A hold that fails
    /// lets `body` run, and its error is thrown after.
    public static func whileHeld<Value>(
        atMost: Duration,
        by hold: @escaping @Sendable (_ keep: @escaping @Sendable () async -> Void) async throws -> Void,
        _ body: () async throws -> Value
    ) async throws -> Value {
        let (holding, held) = AsyncStream.makeStream(of: Void.self)
        let (releasing, release) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            defer { held.finish() }
            try await hold {
                held.yield()
                for await _ in releasing { break }
            }
        }
        let letGo = Task {
            try? await Task.sleep(for: atMost)
            release.yield()
        }
        for await _ in holding { break }
        let outcome: Result<Value, any Error>
        do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
        release.yield()
        letGo.cancel()
        try await holder.value
        return try outcome.get()
    }
}
