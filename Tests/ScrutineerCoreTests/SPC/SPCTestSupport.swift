import ScrutineerCore

/// Points labelled "1", "2", ... for a series of values (nil = missing).
func spcSeries(_ values: [Double?]) -> [XmRObservation] {
    values.enumerated().map { XmRObservation(period: String($0.offset + 1), value: $0.element) }
}

/// A vector cell read as a value: the vectors write a missing value as NaN; Scrutineer uses nil.
func spcMissingIfNaN(_ value: Double?) -> Double? {
    guard let value, !value.isNaN else { return nil }
    return value
}

/// Tolerance for a number printed to `significantFigures` significant figures: half a unit in the last
/// place (with a hair of slack for binary representation).
func spcSignificantFigureTolerance(_ expected: Double, significantFigures: Int) -> Double {
    guard expected != 0 else { return 0.5 * pow10(-(significantFigures - 1)) }
    let exponent = Int((abs(expected)).log10Floor)
    return 0.5 * pow10(exponent - significantFigures + 1) * (1 + 1e-9)
}

private func pow10(_ n: Int) -> Double {
    var result = 1.0
    if n >= 0 { for _ in 0..<n { result *= 10 } } else { for _ in 0..<(-n) { result /= 10 } }
    return result
}

private extension Double {
    /// floor(log10(self)) for a positive number, without Foundation.
    var log10Floor: Double {
        var exponent = 0.0
        var x = self
        while x >= 10 { x /= 10; exponent += 1 }
        while x < 1 { x *= 10; exponent -= 1 }
        return exponent
    }
}

/// Ten points alternating 0, 2: with `fixAfterPoints: 10` the limits are mean 1, mean moving range 2,
/// process limits 1 ± 5.32 (−4.32, 6.32), near limits 1 ± 3.5467 (−2.5467, 4.5467). No rule fires on them.
let spcAlternatingBase: [Double?] = [0, 2, 0, 2, 0, 2, 0, 2, 0, 2]

/// Analyse `spcAlternatingBase + tail` with limits fixed on the first ten points.
func spcAnalyseAfterBase(_ tail: [Double?], direction: ImprovementDirection = .increase) throws -> XmRAnalysis {
    try XmRChart.analyse(
        spcSeries(spcAlternatingBase + tail),
        options: XmROptions(improvementDirection: direction, fixAfterPoints: 10)
    )
}
