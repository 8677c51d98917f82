import Foundation
import Testing
@testable import ScrutineerWeb

/// Password checks run one at a time, so sign-ins sent at once cannot take every thread the
/// server has (found by a security review).
@Suite("Password checks")
struct PasswordCheckGateTests {
    /// How many checks run now, and the most that ran at once.
    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var most = 0
        func change(by step: Int) { lock.withLock { running += step; most = max(most, running) } }
    }

    @Test("Eight checks sent at once run one after another, each to its end, and each gives its own answer")
    func oneAtATime() async throws {
        let gate = PasswordCheckGate()
        let count = Count()
        let answers = await withTaskGroup(of: Int.self) { group in
            for number in 0..<8 {
                group.addTask {
                    await gate.run {
                        count.change(by: 1)
                        Thread.sleep(forTimeInterval: 0.02)
                        count.change(by: -1)
                        return number
                    }
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(answers.sorted() == Array(0..<8))
        #expect(count.most == 1)
    }
}
