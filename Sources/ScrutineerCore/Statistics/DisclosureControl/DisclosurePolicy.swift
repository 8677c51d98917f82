/// Statistical disclosure control for anything the public sees (METHODS.md §11 and §13.7; DfE
/// children's statistics conventions as published in EES, CSC dashboard `R/omitted_data.R`).
///
/// - Counts from 1 to `largestSuppressedCount` (default 5) are shown as `c`; true zeros stay 0.
/// - A percentage or rate whose numerator or denominator is suppressed is also `c`.
/// - Tables with totals get secondary suppression (see `suppress(_:)`).
/// - Regional and national aggregates are rounded to the nearest `aggregateRoundingBase` (10),
///   halves up; LA counts are not rounded.
/// - Figures are never back-calculated: rates and percentages are computed from the unrounded
///   counts, before any rounding or suppression, and only then withheld or shown.
public struct DisclosurePolicy: Sendable, Hashable, Codable {
    /// Counts from 1 up to this are suppressed (5 for DfE; 7 for post-2012 health data; 0 = none).
    public let largestSuppressedCount: Int
    /// Regional and national counts are rounded to a multiple of this (10 for DfE; 5 for health data).
    public let aggregateRoundingBase: Int

    /// DfE children's statistics: suppress 1–5, round aggregates to 10.
    public static let dfe = DisclosurePolicy(checkedThreshold: 5, base: 10)

    /// A policy with its own threshold and rounding base.
    public init(largestSuppressedCount: Int = 5, aggregateRoundingBase: Int = 10) throws {
        guard largestSuppressedCount >= 0 else { throw DisclosureControlError.thresholdNegative(largestSuppressedCount) }
        guard aggregateRoundingBase > 0 else { throw DisclosureControlError.roundingBaseNotPositive(aggregateRoundingBase) }
        self.init(checkedThreshold: largestSuppressedCount, base: aggregateRoundingBase)
    }

    private init(checkedThreshold: Int, base: Int) {
        largestSuppressedCount = checkedThreshold
        aggregateRoundingBase = base
    }

    /// True when `count` must be suppressed on its own (primary suppression): 1...threshold.
    public func isSmallCount(_ count: Int) -> Bool {
        count >= 1 && count <= largestSuppressedCount
    }

    /// A local-authority count as published: `c` for 1...threshold, otherwise the count (zero stays 0).
    public func publishCount(_ count: Int) throws -> PublishedCell {
        guard count >= 0 else { throw DisclosureControlError.negativeCount(count) }
        return isSmallCount(count) ? .suppressed(symbol: .confidential, reason: .smallCount) : .value(Double(count))
    }

    /// A figure derived from published counts: `c` when any source is confidential, `z` when there
    /// is no value (it cannot be calculated), otherwise the value. Pass the value computed from the
    /// unrounded counts; never a figure worked back from rounded or suppressed ones.
    public func publishDerived(_ value: Double?, from sources: [PublishedCell]) -> PublishedCell {
        if sources.contains(where: \.isConfidential) {
            return .suppressed(symbol: .confidential, reason: .derivedFromSuppressedCount)
        }
        guard let value, value.isFinite else { return .suppressed(symbol: .notApplicable, reason: .notApplicable) }
        return .value(value)
    }

    /// `100 × numerator / denominator` as published: `c` when either count is suppressed, `z` for a
    /// zero denominator, otherwise the unrounded percentage.
    public func publishPercentage(numerator: Int, denominator: Int) throws -> PublishedCell {
        guard numerator >= 0 else { throw DisclosureControlError.negativeCount(numerator) }
        guard denominator >= 0 else { throw DisclosureControlError.negativeDenominator(denominator) }
        guard numerator <= denominator else {
            throw DisclosureControlError.numeratorAboveDenominator(numerator: numerator, denominator: denominator)
        }
        let value: Double? = denominator == 0 ? nil : 100 * Double(numerator) / Double(denominator)
        return publishDerived(value, from: [try publishCount(numerator), try publishCount(denominator)])
    }

    /// `count / denominator × multiplier` (e.g. per 10,000 children) as published: `c` when the count
    /// or denominator is suppressed, `z` for a zero denominator, otherwise the unrounded rate.
    public func publishRate(count: Int, denominator: Int, per multiplier: Double) throws -> PublishedCell {
        guard count >= 0 else { throw DisclosureControlError.negativeCount(count) }
        guard denominator >= 0 else { throw DisclosureControlError.negativeDenominator(denominator) }
        guard multiplier.isFinite, multiplier > 0 else { throw DisclosureControlError.multiplierNotPositive(multiplier) }
        let value: Double? = denominator == 0 ? nil : Double(count) / Double(denominator) * multiplier
        return publishDerived(value, from: [try publishCount(count), try publishCount(denominator)])
    }

    /// A regional or national count as published: rounded half-up to the nearest `aggregateRoundingBase`;
    /// `k` when it is above zero but rounds to 0; a true zero stays 0.
    public func publishAggregate(_ count: Int) throws -> PublishedCell {
        guard count >= 0 else { throw DisclosureControlError.negativeCount(count) }
        let rounded = try DfERounding.roundFiveUp(Double(count), toNearest: aggregateRoundingBase)
        if rounded == 0 && count > 0 { return .suppressed(symbol: .roundsToZero, reason: .roundsToZero) }
        return .value(rounded)
    }
}
