import Testing
import ScrutineerCore

@Suite("Confidence levels (METHODS.md §0)")
struct ConfidenceLevelTests {
    @Test("PHE accepts 0.95/0.998 or 95/99.8 and nothing else")
    func accepted() {
        #expect(ConfidenceLevel(probability: 0.95) == .ninetyFive)
        #expect(ConfidenceLevel(probability: 95) == .ninetyFive)
        #expect(ConfidenceLevel(probability: 0.998) == .ninetyNinePointEight)
        #expect(ConfidenceLevel(probability: 99.8) == .ninetyNinePointEight)
        #expect(ConfidenceLevel(probability: 0.9) == nil)
        #expect(ConfidenceLevel(probability: 0.99) == nil)
    }
}
