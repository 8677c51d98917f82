/// How a measure's figures are written in the report: its unit and decimal places, with values
/// rounded for display only, half away from zero (DfE `round_five_up`, METHODS.md §13.6).
public struct ValueFormat: Sendable, Hashable, Codable {
    /// The measure's unit.
    public var unit: MeasureUnit
    /// Decimal places shown.
    public var decimalPlaces: Int

    /// A format with `decimalPlaces`, or the unit's usual places when nil.
    public init(unit: MeasureUnit, decimalPlaces: Int? = nil) {
        self.unit = unit
        self.decimalPlaces = decimalPlaces ?? ValueFormat.usualDecimalPlaces(for: unit)
    }

    /// The format a measure states.
    public init(_ measure: Measure) {
        self.init(unit: measure.unit, decimalPlaces: measure.decimalPlaces)
    }

    /// One decimal place for percentages, rates, weeks and other numbers; none for counts, days and money.
    public static func usualDecimalPlaces(for unit: MeasureUnit) -> Int {
        switch unit {
        case .percentage, .rate, .weeks, .number: 1
        case .count, .days, .money: 0
        }
    }

    /// The number alone, rounded and with thousands separated: "1,234.5".
    public func number(_ value: Double) -> String {
        grouped(rounded(value, places: decimalPlaces))
    }

    /// This format with as many more decimal places (up to three) as it takes to tell `value` apart
    /// from each of `others` it differs from but would read the same as: a judgement made on the
    /// unrounded figures (METHODS.md §13.6) then reads as made ("84.96% is short of the target of
    /// 85%", not "85.0% is short of …").
    public func apart(_ value: Double, from others: [Double]) -> ValueFormat {
        var format = self
        for _ in 0..<3 {
            guard others.contains(where: { $0 != value && format.number($0) == format.number(value) }) else { break }
            format.decimalPlaces += 1
        }
        return format
    }

    /// The value with its unit: "61.2%", "45.3 per 10,000", "1,234", "12 days", "18.5 weeks", "£1,234".
    public func text(_ value: Double) -> String {
        withUnit(number(value), negative: value < 0 && number(value) != number(0))
    }

    /// A figure as an audience may see it: the value with its unit ("Completed" or "Not completed"
    /// for a milestone measure, whose figure is 1 once done), or the symbol shown instead ("c").
    public func text(_ cell: PublishedCell, isMilestone: Bool = false) -> String {
        switch cell {
        case let .value(number) where isMilestone: number >= 1 ? "Completed" : "Not completed"
        case let .value(number): text(number)
        case let .suppressed(symbol, _): symbol.rawValue
        }
    }

    /// A target or tolerance: as `text`, but trailing zeros after the decimal point dropped
    /// ("70%" rather than "70.0%").
    public func trimmedText(_ value: Double) -> String {
        var digits = number(value)
        if digits.contains(".") {
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        return withUnit(digits, negative: value < 0 && digits != "0")
    }

    /// A size of change or a tolerance, always positive, in the change unit: "1.4 pp",
    /// "2.5 per 10,000", "3 days", "£200".
    public func amountText(_ magnitude: Double, trimmed: Bool = false) -> String {
        let value = abs(magnitude)
        var digits = number(value)
        if trimmed, digits.contains(".") {
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        switch unit {
        case .percentage: return "\(digits) pp"
        case let .rate(per): return "\(digits) per \(grouped(String(per)))"
        case .count, .number: return digits
        case .days: return digits == "1" ? "1 day" : "\(digits) days"
        case .weeks: return digits == "1" ? "1 week" : "\(digits) weeks"
        case .money: return "£\(digits)"
        }
    }

    /// A range such as a confidence interval: "60.1% to 62.9%", "62.2 to 72.3 per 10,000".
    public func rangeText(_ lower: Double, _ upper: Double) -> String {
        switch unit {
        case .percentage, .money: "\(text(lower)) to \(text(upper))"
        default: "\(number(lower)) to \(text(upper))"
        }
    }

    /// A signed change: "+1.4 pp", "-1.4 pp", or "0.0 pp" when it rounds to nothing.
    public func signedChangeText(_ change: Double) -> String {
        let amount = amountText(change)
        if isZeroWhenShown(change) { return amount }
        return (change > 0 ? "+" : "-") + amount
    }

    /// True when `value` shows as zero at these decimal places.
    public func isZeroWhenShown(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        return ((try? DfERounding.roundFiveUp(value, decimalPlaces: decimalPlaces)) ?? value) == 0
    }

    private func withUnit(_ digits: String, negative: Bool) -> String {
        switch unit {
        case .percentage: return "\(digits)%"
        case let .rate(per): return "\(digits) per \(grouped(String(per)))"
        case .count, .number: return digits
        case .days: return digits == "1" ? "1 day" : "\(digits) days"
        case .weeks: return digits == "1" ? "1 week" : "\(digits) weeks"
        case .money: return negative ? "-£\(digits.dropFirst())" : "£\(digits)"
        }
    }

    private func rounded(_ value: Double, places: Int) -> String {
        (try? DfERounding.formatted(value, decimalPlaces: places)) ?? String(value)
    }

    /// "1234567.8" ⇒ "1,234,567.8".
    private func grouped(_ digits: String) -> String {
        var sign = ""
        var body = Substring(digits)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        guard whole.count > 3, whole.allSatisfy(\.isNumber) else { return digits }
        var out = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return sign + out + (parts.count > 1 ? "." + parts[1] : "")
    }
}
