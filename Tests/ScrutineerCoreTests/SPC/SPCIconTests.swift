import Testing
import ScrutineerCore

/// Variation and assurance icons (METHODS.md §9.3; NHSRplotthedots `geom_ptd_icon.R`,
/// `ptd_calculate_assurance_type`).
@Suite("SPC variation and assurance icons (METHODS.md §9.3)")
struct SPCIconTests {
    @Test("variation icon is the last point's type, oriented by the improvement direction")
    func variation() throws {
        let expectations: [([Double?], ImprovementDirection, VariationIcon)] = [
            ([7], .increase, .improvementHigh),
            ([7], .decrease, .concernHigh),
            ([7], .neutral, .neutralHigh),
            ([-5], .increase, .concernLow),
            ([-5], .decrease, .improvementLow),
            ([-5], .neutral, .neutralLow),
            ([1.5], .increase, .commonCause),
            ([7, 1.5], .increase, .commonCause), // only the last point counts
        ]
        for (tail, direction, icon) in expectations {
            let analysis = try spcAnalyseAfterBase(tail, direction: direction)
            #expect(analysis.variationIcon == icon, "\(tail) \(direction)")
        }
    }

    @Test("variation icons carry Making Data Count file names and distinct words")
    func variationWords() {
        #expect(VariationIcon.allCases.map(\.rawValue).sorted()
                == ["common_cause", "concern_high", "concern_low", "improvement_high", "improvement_low", "neutral_high", "neutral_low"])
        #expect(Set(VariationIcon.allCases.map(\.words)).count == VariationIcon.allCases.count)
        #expect(VariationIcon.improvementHigh.words.contains("improving") && VariationIcon.improvementHigh.words.contains("higher"))
        #expect(VariationIcon.concernLow.words.contains("concerning") && VariationIcon.concernLow.words.contains("lower"))
        #expect(VariationIcon.commonCause.words.contains("no significant change"))
        #expect(Set(AssuranceIcon.allCases.map(\.words)).count == AssuranceIcon.allCases.count)
        #expect(AssuranceIcon.inconsistent.words.contains("hit and miss"))
    }

    /// 1, 2 alternating, ten points: mean 1.5, mean moving range 1, limits −1.16 and 4.16.
    let series = spcSeries((0..<10).map { Double(1 + $0 % 2) })

    func assurance(target: Double?, direction: ImprovementDirection) throws -> AssuranceIcon? {
        try XmRChart.analyse(series, options: XmROptions(improvementDirection: direction, target: target)).assuranceIcon
    }

    @Test("assurance: target above the upper limit, below the lower limit, or between")
    func assuranceOutcomes() throws {
        #expect(try assurance(target: 5, direction: .increase) == .consistentFail)
        #expect(try assurance(target: 5, direction: .decrease) == .consistentPass)
        #expect(try assurance(target: -2, direction: .increase) == .consistentPass)
        #expect(try assurance(target: -2, direction: .decrease) == .consistentFail)
        #expect(try assurance(target: 3, direction: .increase) == .inconsistent)
        #expect(try assurance(target: 3, direction: .decrease) == .inconsistent)
        // On a limit is not beyond it.
        let upper = try #require(try XmRChart.analyse(series, options: XmROptions(improvementDirection: .increase)).groups[0].limits.upperProcessLimit)
        #expect(try assurance(target: upper, direction: .increase) == .inconsistent)
    }

    @Test("assurance: none without a target or for a neutral direction")
    func noAssurance() throws {
        #expect(try assurance(target: nil, direction: .increase) == nil)
        #expect(try assurance(target: 5, direction: .neutral) == nil)
        #expect(AssuranceIcon(target: 5, lowerProcessLimit: 0, upperProcessLimit: 1, direction: .neutral) == nil)
    }

    @Test("assurance uses the last point's limits, after a rebase")
    func assuranceAfterRebase() throws {
        let values: [Double?] = (0..<10).map { Double(1 + $0 % 2) } + (0..<10).map { Double(11 + $0 % 2) }
        let options = XmROptions(improvementDirection: .increase, target: 5, rebaseAt: [.index(10)])
        // First group (limits −1.16 to 4.16) would fail the target of 5; the latest (8.84 to 14.16) passes.
        #expect(try XmRChart.analyse(spcSeries(values), options: options).assuranceIcon == .consistentPass)
    }
}
