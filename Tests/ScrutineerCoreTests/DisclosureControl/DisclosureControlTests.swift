import Testing
@testable import ScrutineerCore

/// Disclosure control for public output (METHODS.md §11 and §13.7): primary suppression of 1–5 as
/// `c`, true zeros kept, derived figures suppressed, aggregates rounded to 10 half-up.
@Suite("Disclosure control: primary, derived and aggregates (METHODS.md §11)")
struct DisclosureControlTests {
    let policy = DisclosurePolicy.dfe

    @Test("counts 1–5 are c, true zeros stay 0, 6 and above are shown (§11)")
    func primarySuppression() throws {
        #expect(try policy.publishCount(0) == .value(0))
        for count in 1...5 {
            #expect(try policy.publishCount(count) == .suppressed(symbol: .confidential, reason: .smallCount))
        }
        #expect(try policy.publishCount(6) == .value(6))
        #expect(try policy.publishCount(1234) == .value(1234))
        #expect(try policy.publishCount(3).text(decimalPlaces: 0) == "c")
        #expect(try policy.publishCount(0).text(decimalPlaces: 0) == "0")
    }

    @Test("the threshold is configurable: health data suppress 1–7 (§11)")
    func configurableThreshold() throws {
        let health = try DisclosurePolicy(largestSuppressedCount: 7, aggregateRoundingBase: 5)
        #expect(try health.publishCount(7).isConfidential)
        #expect(try health.publishCount(8) == .value(8))
        #expect(try health.publishCount(0) == .value(0))
        let none = try DisclosurePolicy(largestSuppressedCount: 0)
        #expect(try none.publishCount(1) == .value(1))
        #expect(throws: DisclosureControlError.thresholdNegative(-1)) { try DisclosurePolicy(largestSuppressedCount: -1) }
        #expect(throws: DisclosureControlError.roundingBaseNotPositive(0)) { try DisclosurePolicy(aggregateRoundingBase: 0) }
    }

    @Test("a percentage or rate built on a suppressed numerator or denominator is also c (§11)")
    func derivedSuppression() throws {
        let fromNumerator = try policy.publishPercentage(numerator: 3, denominator: 40)
        #expect(fromNumerator == .suppressed(symbol: .confidential, reason: .derivedFromSuppressedCount))
        let fromDenominator = try policy.publishPercentage(numerator: 0, denominator: 4)
        #expect(fromDenominator == .suppressed(symbol: .confidential, reason: .derivedFromSuppressedCount))
        #expect(try policy.publishRate(count: 2, denominator: 50_000, per: 10_000).isConfidential)
        // Shown figures are unrounded; rounding is for display only.
        #expect(try policy.publishPercentage(numerator: 7, denominator: 30) == .value(100 * 7.0 / 30.0))
        #expect(try policy.publishPercentage(numerator: 7, denominator: 30).text(decimalPlaces: 1) == "23.3")
        #expect(try policy.publishRate(count: 57, denominator: 50_000, per: 10_000) == .value(11.4))
        // A true zero numerator is published: 0 of 40 is 0%.
        #expect(try policy.publishPercentage(numerator: 0, denominator: 40) == .value(0))
        // A zero denominator cannot make a percentage: z.
        #expect(try policy.publishPercentage(numerator: 0, denominator: 0) == .suppressed(symbol: .notApplicable, reason: .notApplicable))
        // A figure derived from a cell hidden by secondary suppression is hidden too.
        let secondary = PublishedCell.suppressed(symbol: .confidential, reason: .protectsSuppressedCell)
        #expect(policy.publishDerived(42.5, from: [secondary, .value(80)]).isConfidential)
        #expect(policy.publishDerived(42.5, from: [.value(34), .value(80)]) == .value(42.5))
    }

    @Test("regional and national counts round half-up to 10; above zero but rounding to 0 is k (§11)")
    func aggregates() throws {
        #expect(try policy.publishAggregate(285) == .value(290))
        #expect(try policy.publishAggregate(284) == .value(280))
        #expect(try policy.publishAggregate(5) == .value(10))
        #expect(try policy.publishAggregate(4) == .suppressed(symbol: .roundsToZero, reason: .roundsToZero))
        #expect(try policy.publishAggregate(0) == .value(0))
        #expect(try policy.publishAggregate(4).text(decimalPlaces: 0) == "k")
    }

    @Test("invalid input throws a typed error that says what was expected")
    func invalidInput() throws {
        #expect(throws: DisclosureControlError.negativeCount(-1)) { try policy.publishCount(-1) }
        #expect(throws: DisclosureControlError.numeratorAboveDenominator(numerator: 5, denominator: 4)) {
            try policy.publishPercentage(numerator: 5, denominator: 4)
        }
        #expect(throws: DisclosureControlError.negativeDenominator(-10)) { try policy.publishRate(count: 1, denominator: -10, per: 100) }
        #expect(throws: DisclosureControlError.multiplierNotPositive(0)) { try policy.publishRate(count: 1, denominator: 10, per: 0) }
        #expect(throws: DisclosureControlError.raggedTable(row: 1, columns: 1, expected: 2)) { try CountTable(counts: [[1, 2], [3]]) }
        #expect(throws: DisclosureControlError.emptyTable) { try CountTable(counts: []) }
        #expect(throws: DisclosureControlError.negativeCount(-2)) { try CountTable(counts: [[1, -2]]) }
        #expect(DisclosureControlError.negativeDenominator(-1).description.contains("zero or more"))
    }

    @Test("every status symbol has its EES or LAIT code and a plain-English meaning (§11)")
    func statusSymbols() {
        #expect(StatusSymbol.allCases.map(\.rawValue) == ["c", "z", "x", "u", "k", "low", "-", ".."])
        #expect(Set(StatusSymbol.allCases.map(\.meaning)).count == StatusSymbol.allCases.count)
        #expect(StatusSymbol(publishedText: " c ") == .confidential)
        #expect(StatusSymbol(publishedText: "..") == .laitNotAvailable)
        #expect(StatusSymbol(publishedText: "12") == nil)
        #expect(SuppressionReason.allCases.allSatisfy { !$0.explanation.isEmpty })
    }

    @Test("A percentage or rate given with one of its counts withholds what the other implies: 4.9% of 41 is 2 of them (found by exploratory testing)")
    func impliedCounts() throws {
        let period = try Period.parse("2026/27 Q1", yearType: .financial)
        func cell(_ value: Double, numerator: Double? = nil, denominator: Double? = nil, unit: MeasureUnit = .percentage, audience: Audience = .public) -> PublishedCell {
            let observation = Observation(measureCode: "M", areaCode: "E10000031", period: period, value: value, numerator: numerator, denominator: denominator, source: "test")
            return DisclosurePolicy.dfe.cell(for: observation, unit: unit, audience: audience)
        }
        // 4.9% of 41: 2 of them; 92.7% of 41: 38, so 3 not.
        #expect(cell(4.9, denominator: 41).isConfidential)
        #expect(cell(92.7, denominator: 41).isConfidential)
        #expect(cell(48.8, denominator: 41) == .value(48.8))
        // 2 at 4.9% are 2 of 41 (the numerator is small itself); 38 at 92.7% are of 41, so 3 not.
        #expect(cell(92.7, numerator: 38).isConfidential)
        #expect(cell(48.8, numerator: 20) == .value(48.8))
        // 48.8 per 10,000 of 410 children is 2 of them.
        #expect(cell(48.8, denominator: 410, unit: .rate(per: 10_000)).isConfidential)
        #expect(cell(487.8, denominator: 410, unit: .rate(per: 10_000)) == .value(487.8))
        // Members see every figure.
        #expect(cell(4.9, denominator: 41, audience: .member) == .value(4.9))
    }

    @Test("Why a cell is blank: the reason it was withheld, or what the publisher's symbol means (LAIT's - is not applicable or not shown, METHODS.md §11), never a guess at a zero denominator")
    func whyBlank() {
        #expect(PublishedCell.suppressed(symbol: .laitDash, reason: .notApplicable).whyBlank == "not applicable or not shown (DfE LAIT)")
        #expect(PublishedCell.suppressed(symbol: .unavailable, reason: .notApplicable).whyBlank == "the figure was not collected or cannot be shown")
        #expect(PublishedCell.suppressed(symbol: .laitNotAvailable, reason: .notApplicable).whyBlank == "not available (DfE LAIT)")
        #expect(PublishedCell.suppressed(symbol: .notApplicable, reason: .notApplicable).whyBlank == "cannot be calculated (for example, a percentage of zero)")
        #expect(PublishedCell.suppressed(symbol: .confidential, reason: .smallCount).whyBlank == "withheld so that no one can be identified: a small number or a figure from which one could be worked out")
        #expect(PublishedCell.value(3).whyBlank == nil)
        // The three reasons that protect individuals read alike, so the words do not say which
        // hidden cell is the small one (found by exploratory testing: a column's total less its
        // shown cells, 7, was a small count and a protective hide, so 1 and 6).
        let protecting: [SuppressionReason] = [.smallCount, .derivedFromSuppressedCount, .protectsSuppressedCell]
        #expect(Set(protecting.map { PublishedCell.suppressed(symbol: .confidential, reason: $0).whyBlank }).count == 1)
    }
}
