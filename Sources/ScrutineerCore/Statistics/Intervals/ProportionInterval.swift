import Foundation

/// Proportions and percentages with Wilson score intervals (METHODS.md §1; PHEindicatormethods
/// `wilson_lower`/`wilson_upper` and `phe_proportion`; Wilson 1927, Newcombe & Altman 2000).
public enum ProportionInterval {
    /// The Wilson lower limit as a proportion (0–1) for numerator x of denominator n at two-sided z.
    public static func wilsonLower(numerator x: Double, denominator n: Double, z: Double) -> Double {
        (2 * x + z * z - z * (z * z + 4 * x * (1 - x / n)).squareRoot()) / (2 * (n + z * z))
    }

    /// The Wilson upper limit as a proportion (0–1) for numerator x of denominator n at two-sided z.
    public static func wilsonUpper(numerator x: Double, denominator n: Double, z: Double) -> Double {
        (2 * x + z * z + z * (z * z + 4 * x * (1 - x / n)).squareRoot()) / (2 * (n + z * z))
    }

    /// x/n × multiplier with its Wilson interval; nil when either input is missing (PHE returns NA).
    /// Grouped data are summed by the caller first, as `phe_proportion` does.
    /// - Throws: for a negative numerator, a denominator ≤ 0, or a numerator above its denominator.
    public static func estimate(
        numerator: Double?,
        denominator: Double?,
        level: ConfidenceLevel,
        multiplier: Double = 100
    ) throws(StatisticsInputError) -> Estimate? {
        guard let x = numerator, let n = denominator else { return nil }
        guard x >= 0 else { throw .negativeNumerator }
        guard n > 0 else { throw .nonPositiveDenominator }
        guard x <= n else { throw .numeratorAboveDenominator }
        let z = level.z
        return Estimate(
            value: x / n * multiplier,
            lower: wilsonLower(numerator: x, denominator: n, z: z) * multiplier,
            upper: wilsonUpper(numerator: x, denominator: n, z: z) * multiplier
        )
    }
}
