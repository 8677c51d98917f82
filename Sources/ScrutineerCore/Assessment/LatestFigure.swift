/// Where a figure's confidence interval came from (METHODS.md §13.2).
public enum IntervalSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// Published with the figure.
    case published
    /// Wilson score interval from the numerator and denominator of a percentage (§1).
    case wilson
    /// Exact Poisson limits from a count below 10 and its denominator (§2).
    case exactPoisson = "exact-poisson"
    /// Byar's approximation from a count of 10 or more and its denominator (§2).
    case byars
    /// No interval: no limits published and no count and denominator to compute them.
    case none
}

/// A figure with the 95% and 99.8% confidence limits the assessment uses.
public struct FigureInterval: Sendable, Hashable, Codable {
    /// Lower 95% limit.
    public var lower95: Double?
    /// Upper 95% limit.
    public var upper95: Double?
    /// Lower 99.8% limit.
    public var lower99_8: Double?
    /// Upper 99.8% limit.
    public var upper99_8: Double?
    /// Where the limits came from.
    public var source: IntervalSource

    /// No limits.
    public static let none = FigureInterval(lower95: nil, upper95: nil, lower99_8: nil, upper99_8: nil, source: .none)

    /// True when both 95% limits are known.
    public var has95: Bool { lower95 != nil && upper95 != nil }

    /// The published limits of `observation`, or limits computed from its numerator and denominator:
    /// Wilson for percentages, exact Poisson below 10 events and Byar's from 10 for rates (METHODS.md
    /// §13.2); none for other units or when the counts are missing or invalid.
    public static func of(_ observation: Observation, unit: MeasureUnit) -> FigureInterval {
        if let lower = observation.lower95, let upper = observation.upper95 {
            return FigureInterval(
                lower95: lower, upper95: upper, lower99_8: observation.lower99_8, upper99_8: observation.upper99_8,
                source: .published
            )
        }
        guard let numerator = observation.numerator, let denominator = observation.denominator else { return .none }
        switch unit {
        case .percentage:
            guard let at95 = try? ProportionInterval.estimate(numerator: numerator, denominator: denominator, level: .ninetyFive),
                  let at998 = try? ProportionInterval.estimate(numerator: numerator, denominator: denominator, level: .ninetyNinePointEight)
            else { return .none }
            return FigureInterval(lower95: at95.lower, upper95: at95.upper, lower99_8: at998.lower, upper99_8: at998.upper, source: .wilson)
        case let .rate(per):
            guard let at95 = try? RateInterval.estimate(count: numerator, denominator: denominator, level: .ninetyFive, multiplier: Double(per)),
                  let at998 = try? RateInterval.estimate(count: numerator, denominator: denominator, level: .ninetyNinePointEight, multiplier: Double(per)),
                  let estimate95 = at95.estimate, let estimate998 = at998.estimate
            else { return .none }
            return FigureInterval(
                lower95: estimate95.lower, upper95: estimate95.upper, lower99_8: estimate998.lower, upper99_8: estimate998.upper,
                source: at95.method == .exact ? .exactPoisson : .byars
            )
        default:
            return .none
        }
    }
}

/// The council's latest figure for a measure, as the audience may see it (PRODUCT.md R7).
public struct LatestFigure: Sendable, Hashable, Codable {
    /// The period it covers.
    public let period: Period
    /// The figure as this audience sees it: the number, or a symbol with the reason it is withheld.
    public let cell: PublishedCell
    /// The numerator and denominator, when known and not withheld.
    public let numerator: Double?
    public let denominator: Double?
    /// Its confidence limits (published or computed; none when withheld).
    public let interval: FigureInterval
    /// When it was published, and when the source said the next would be.
    public let published: CalendarDate?
    public let nextUpdateDue: CalendarDate?
    /// The file it came from.
    public let source: String
    /// How to write it.
    public let format: ValueFormat
    /// True for a milestone measure (1 = completed).
    public let isMilestone: Bool

    /// The number, or nil when withheld from this audience.
    public var value: Double? { cell.value }

    /// "61.2%", "Completed", or the symbol shown instead ("c").
    public var text: String {
        format.text(cell, isMilestone: isMilestone)
    }
}

extension DisclosurePolicy {
    /// An observation's value as `audience` may see it: a published symbol stays; for the public, a
    /// count of 1–5 (a count measure's value, or a numerator or denominator) is `c`, and so is any
    /// figure derived from one (METHODS.md §13.7). A percentage's denominator less its numerator is
    /// a count of children too (5 of 38 plans late, from "33 of 38 on time"), so a small one
    /// withholds the percentage and its counts: the secondary suppression by which a withheld
    /// count cannot be recovered from a total.
    public func cell(for observation: Observation, unit: MeasureUnit, audience: Audience) -> PublishedCell {
        guard let value = observation.value else {
            let symbol = observation.statusSymbol ?? .unavailable
            return .suppressed(symbol: symbol, reason: symbol == .confidential ? .smallCount : .notApplicable)
        }
        guard audience.appliesDisclosureControl else { return .value(value) }
        if isSmallCount(value, of: unit) { return .suppressed(symbol: .confidential, reason: .smallCount) }
        // A count given without the other is implied by the figure: 4.9% of 41 is 2 of them, and
        // 2 at 4.9% are of 41 (found by exploratory testing: a percentage imported with its
        // denominator alone was shown, and gave its small numerator back).
        var numerator = observation.numerator, denominator = observation.denominator
        switch unit {
        case .percentage:
            if numerator == nil, let denominator { numerator = (value * denominator / 100).rounded() }
            if denominator == nil, let numerator, value > 0 { denominator = (numerator * 100 / value).rounded() }
        case let .rate(per) where per > 0:
            if numerator == nil, let denominator { numerator = (value * denominator / Double(per)).rounded() }
        default:
            break
        }
        var counts = [numerator, denominator].compactMap { $0 }
        if case .percentage = unit, let numerator, let denominator {
            counts.append(denominator - numerator)
        }
        let sources = counts.compactMap(Self.wholeCount)
            .map { isSmallCount($0) ? PublishedCell.suppressed(symbol: .confidential, reason: .smallCount) : .value(Double($0)) }
        return publishDerived(value, from: sources)
    }

    /// True when `value` is a count measure's figure of 1–5: withheld from the public on its own,
    /// whatever counts come with it.
    public func isSmallCount(_ value: Double, of unit: MeasureUnit) -> Bool {
        guard case .count = unit, let count = Self.wholeCount(value) else { return false }
        return isSmallCount(count)
    }

    /// The number as a whole count, or nil when it is not a non-negative whole number.
    static func wholeCount(_ value: Double) -> Int? {
        guard value >= 0, value < 1e15, value == value.rounded() else { return nil }
        return Int(value)
    }
}
