/// Lets one password check at a time run: a bcrypt check holds a thread for a quarter of a second,
/// so sign-ins sent at once (or by an attacker, without signing in) would otherwise take every
/// thread the server has and leave every page waiting. Sign-ins beyond one wait their turn
/// without holding a thread (found by a security review).
actor PasswordCheckGate {
    private var running = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `check` once no other check is running.
    func run<T: Sendable>(_ check: @Sendable () -> T) async -> T {
        if running {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running = true
        }
        defer {
            if waiting.isEmpty { running = false } else { waiting.removeFirst().resume() }
        }
        return check()
    }
}
