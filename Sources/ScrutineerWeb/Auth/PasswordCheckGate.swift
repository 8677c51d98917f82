/// Lets one password check at a time run: a bcrypt check holds a thread for a quarter of a second,
/// so sign-ins sent at once (or by an attacker, without signing in) would otherwise take every
/// thread the server has and leave every page waiting. An actor runs one job at a time, and the
/// check has no suspension point, so sign-ins beyond one wait their turn as queued jobs without
/// holding a thread (found by a security review).
actor PasswordCheckGate {
    /// Runs `check` once no other check is running.
    func run<T: Sendable>(_ check: @Sendable () -> T) -> T {
        check()
    }
}
