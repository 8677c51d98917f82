import Foundation

/// Facts about this test run that decide whether a test may skip.
public enum TestRun {
    /// Whether this is CI (`CI=true`, as `.ci/run` sets it), where scripts/test installs every
    /// tool the tests need, so a missing one fails a test instead of skipping it.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}
