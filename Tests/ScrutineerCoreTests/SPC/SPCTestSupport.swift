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
