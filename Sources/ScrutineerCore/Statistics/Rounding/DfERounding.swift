import Foundation

/// Why a number could not be rounded for display (METHODS.md §11).
public enum RoundingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The number was NaN or infinite.
    case notFinite(Double)
    /// Decimal places outside the supported range.
    case decimalPlacesOutOfRange(Int)
    /// A rounding base (e.g. "nearest 10") that is not a positive whole number.
    case baseNotPositive(Int)

    /// What was wrong and what was expected, in plain English.
    public var description: String {
        switch self {
        case let .notFinite(value):
            "cannot round \(value): expected a finite number"
        case let .decimalPlacesOutOfRange(places):
            "decimal places must be between \(DfERounding.decimalPlacesRange.lowerBound) and \(DfERounding.decimalPlacesRange.upperBound) (got \(places))"
        case let .baseNotPositive(base):
            "rounding base must be a whole number greater than zero (got \(base))"
        }
    }
}

/// DfE "round five up": halves round away from zero (METHODS.md §11 and §13.6; dfeR `round_five_up`).
///
/// `trunc(|x|·10^dp + 0.5 + sqrt(eps)) / 10^dp · sign(x)`. The `sqrt(eps)` nudge makes a stored
/// 2.8499999… (typed as 2.85) round to 2.9, as an analyst expects; banker's rounding and IEEE
/// rounding of the stored double both give 2.8. For display only: every calculation uses
/// unrounded values.
public enum DfERounding {
    /// Decimal places accepted (negative rounds to tens, hundreds, …).
    public static let decimalPlacesRange = -15...15

    /// R's `sqrt(.Machine$double.eps)`, the nudge dfeR adds before truncating.
    static let nudge = Double.ulpOfOne.squareRoot()

    /// `x` rounded half away from zero to `decimalPlaces` (negative: to 10, 100, …). Never returns −0.
    public static func roundFiveUp(_ x: Double, decimalPlaces: Int) throws -> Double {
        guard x.isFinite else { throw RoundingError.notFinite(x) }
        guard decimalPlacesRange.contains(decimalPlaces) else { throw RoundingError.decimalPlacesOutOfRange(decimalPlaces) }
        let scale = powerOfTen(abs(decimalPlaces))
        let magnitude: Double
        if decimalPlaces >= 0 {
            // Beyond 2^52 a double has no fraction left at this scale: it is already rounded.
            magnitude = abs(x) * scale >= 0x1p52 ? abs(x) : (abs(x) * scale + 0.5 + nudge).rounded(.towardZero) / scale
        } else {
            // Dividing by 10^|dp| is exact where multiplying by 0.1, 0.01, … is not.
            magnitude = (abs(x) / scale + 0.5 + nudge).rounded(.towardZero) * scale
        }
        if magnitude == 0 { return 0 }
        return x < 0 ? -magnitude : magnitude
    }

    /// `x` rounded half away from zero to the nearest multiple of `base` (e.g. 10 for DfE regional
    /// and national counts, 5 for sub-national health counts from 2012).
    public static func roundFiveUp(_ x: Double, toNearest base: Int) throws -> Double {
        guard base > 0 else { throw RoundingError.baseNotPositive(base) }
        guard x.isFinite else { throw RoundingError.notFinite(x) }
        let multiples = try roundFiveUp(x / Double(base), decimalPlaces: 0)
        return multiples == 0 ? 0 : multiples * Double(base)
    }

    /// The round-five-up value as text with exactly `decimalPlaces` decimals ("2.9" for 2.85 to 1 dp,
    /// "3.00" for 3 to 2 dp); no decimal point when `decimalPlaces` ≤ 0 ("290" for 285 to −1).
    /// Digits beyond the 15 significant ones a double holds are written as zeros, not as the
    /// binary leftovers (9.995 to 15 dp is 9.995000000000000, not 9.994999999999999).
    public static func formatted(_ x: Double, decimalPlaces: Int) throws -> String {
        let rounded = try roundFiveUp(x, decimalPlaces: decimalPlaces)
        let places = max(decimalPlaces, 0)
        let wholeDigits = abs(rounded) < 1 ? 1 : Int(log10(abs(rounded)).rounded(.down)) + 1
        let held = max(15 - wholeDigits, 0)
        guard places > held else { return plainText(rounded, places: places) }
        let text = String(format: "%.\(held)f", locale: nil, rounded)
        return text + (held == 0 ? "." : "") + String(repeating: "0", count: places - held)
    }

    /// `value` (already rounded to `places`) with exactly `places` decimals, as `%.{places}f` writes
    /// it (a negative zero keeps its sign), from whole numbers rather than `String(format:)`, which
    /// is slow on Linux and a pack writes many thousands of figures.
    static func plainText(_ value: Double, places: Int) -> String {
        let scale = powerOfTen(places)
        let scaled = (abs(value) * scale).rounded()
        guard places <= 15, scaled.isFinite, scaled < 9.0e15 else { return String(format: "%.\(places)f", locale: nil, value) }
        let digits = Int64(scaled), unit = Int64(scale)
        var text = value.sign == .minus ? "-" : ""
        text += String(digits / unit)
        if places > 0 {
            let fraction = String(digits % unit)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// 10^exponent, exact for 0...22.
    static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
