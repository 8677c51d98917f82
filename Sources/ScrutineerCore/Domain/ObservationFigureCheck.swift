/// One of an observation's figures, for naming the cell a problem lies in.
public enum ObservationFigure: Sendable, Hashable, CaseIterable {
    case value, numerator, denominator, lower95, upper95, lower99_8, upper99_8
}

/// A figure no published statistic of its kind can have, and why.
public struct ObservationFigureProblem: Sendable, Hashable {
    public let figure: ObservationFigure
    /// "numerator 500 is above denominator 463 for a percentage (expected …)".
    public let message: String
}

extension Observation {
    /// The figures that cannot be right, checked the same way by every import (PRODUCT.md R14), each
    /// naming its figure so that an importer reports it at its own column; empty when the figures
    /// are possible.
    ///
    /// - Always: a count below zero and a lower limit above its upper limit, which the database
    ///   refuses too; a value outside its own 95% limits, and 99.8% limits inside the 95% ones.
    /// - Unless `asPublished`: for a percentage of `unit`, a value outside 0–100, counts that are
    ///   not whole numbers, a numerator above its denominator, or a value other than the
    ///   numerator's share of the denominator (rounded to the measure's `decimalPlaces`, or to a
    ///   whole number when it has none), such as a proportion 0.612 typed for 61.2% or a figure
    ///   rounded for display; for another unit, a
    ///   numerator over a denominator of 0. A national statistic keeps its figure as published: DfE
    ///   publishes take-up above 100% where the eligible population is an estimate (LAIT
    ///   `%_2yr_olds`, 130.1% for one council in 2018). A rate is not checked against its counts,
    ///   which a standardised rate does not equal.
    public func figureProblems(unit: MeasureUnit?, decimalPlaces: Int? = nil, asPublished: Bool = false) -> [ObservationFigureProblem] {
        Self.figureProblems(
            value: value, numerator: numerator, denominator: denominator, lower95: lower95, upper95: upper95,
            lower99_8: lower99_8, upper99_8: upper99_8, unit: unit, decimalPlaces: decimalPlaces, asPublished: asPublished
        )
    }

    /// `figureProblems(unit:decimalPlaces:asPublished:)` for figures read before the observation is made.
    public static func figureProblems(
        value: Double?, numerator: Double?, denominator: Double?, lower95: Double? = nil, upper95: Double? = nil,
        lower99_8: Double? = nil, upper99_8: Double? = nil, unit: MeasureUnit?, decimalPlaces: Int? = nil, asPublished: Bool = false
    ) -> [ObservationFigureProblem] {
        var problems: [ObservationFigureProblem] = []
        func problem(_ figure: ObservationFigure, _ message: String) {
            problems.append(ObservationFigureProblem(figure: figure, message: message))
        }
        let isPercentage = unit == .percentage
        let judgesPlausibility = !asPublished
        if let value, judgesPlausibility, isPercentage, !(0...100).contains(value) {
            problem(.value, "\(PlainNumber.text(value)) is outside 0–100 for a percentage (expected percentage points such as 61.2)")
        }
        if let numerator, numerator < 0 {
            problem(.numerator, "a numerator of \(PlainNumber.text(numerator)) (expected a count of 0 or more)")
        }
        if let denominator, denominator < 0 {
            problem(.denominator, "a denominator of \(PlainNumber.text(denominator)) (expected a count of 0 or more)")
        }
        // A percentage's counts are people or events, and its interval is Wilson's from them (§1).
        if judgesPlausibility, isPercentage {
            for (figure, count) in [(ObservationFigure.numerator, numerator), (.denominator, denominator)] {
                if let count, count >= 0, count.rounded() != count {
                    problem(figure, "\(figure == .numerator ? "numerator" : "denominator") \(PlainNumber.text(count)) is not a whole number (expected a count of people or events for a percentage)")
                }
            }
        }
        if judgesPlausibility, let numerator, let denominator, numerator >= 0, denominator >= 0 {
            if isPercentage, numerator > denominator {
                problem(.numerator, "numerator \(PlainNumber.text(numerator)) is above denominator \(PlainNumber.text(denominator)) for a percentage (expected a numerator no larger than the denominator)")
            } else if isPercentage, let value, (0...100).contains(value), denominator > 0,
                      numerator.rounded() == numerator, denominator.rounded() == denominator,
                      let share = Self.shareDisagreeing(value, numerator: numerator, denominator: denominator, decimalPlaces: decimalPlaces) {
                problem(.value, "\(PlainNumber.text(value)) is not \(PlainNumber.text(numerator)) of \(PlainNumber.text(denominator)), which is \(share)% "
                    + "(expected \(share), the numerator's share of the denominator in percentage points, or the counts corrected)")
            } else if !isPercentage, denominator == 0, numerator > 0 {
                problem(.denominator, "a denominator of 0 with a numerator of \(PlainNumber.text(numerator)) (expected a denominator above 0 when there is a numerator)")
            }
        }
        if let lower95, let upper95, lower95 > upper95 {
            problem(.lower95, "lower limit \(PlainNumber.text(lower95)) is above upper limit \(PlainNumber.text(upper95)) (expected the lower 95% limit no larger than the upper)")
        }
        if let lower99_8, let upper99_8, lower99_8 > upper99_8 {
            problem(.lower99_8, "lower limit \(PlainNumber.text(lower99_8)) is above upper limit \(PlainNumber.text(upper99_8)) (expected the lower 99.8% limit no larger than the upper)")
        }
        // An interval holds its own figure, and the 99.8% interval holds the 95% one.
        if let value, let lower95, let upper95, lower95 <= upper95, !(lower95...upper95).contains(value) {
            problem(value < lower95 ? .lower95 : .upper95, "\(PlainNumber.text(value)) lies outside its own 95% limits, \(PlainNumber.text(lower95)) to \(PlainNumber.text(upper95)) (expected limits around the value)")
        }
        if let lower95, let upper95, let lower99_8, let upper99_8, lower95 <= upper95, lower99_8 <= upper99_8, lower99_8 > lower95 || upper99_8 < upper95 {
            problem(lower99_8 > lower95 ? .lower99_8 : .upper99_8, "the 99.8% limits, \(PlainNumber.text(lower99_8)) to \(PlainNumber.text(upper99_8)), are narrower than the 95% limits, \(PlainNumber.text(lower95)) to \(PlainNumber.text(upper95)) (expected the 99.8% interval to hold the 95% one)")
        }
        return problems
    }

    /// The numerator's share of the denominator in percentage points, written to `decimalPlaces`
    /// (a whole number when nil), when `value` differs from it by more than that rounding allows;
    /// nil when they agree.
    static func shareDisagreeing(_ value: Double, numerator: Double, denominator: Double, decimalPlaces: Int?) -> String? {
        let share = numerator / denominator * 100
        let places = min(max(decimalPlaces ?? 0, 0), 10)
        // Half a step either way is the same figure rounded; a little more allows for binary fractions.
        let halfStep = 0.5 / DfERounding.powerOfTen(places)
        guard abs(value - share) > halfStep * (1 + 1e-9) + 1e-12 else { return nil }
        return try? DfERounding.formatted(share, decimalPlaces: places)
    }
}
