/// An amount of money in whole pence, so that a finance return's totals add up exactly.
public struct Money: Sendable, Hashable, Codable, Comparable {
    public var pence: Int

    public init(pence: Int) {
        self.pence = pence
    }

    public static let zero = Money(pence: 0)

    /// The largest amount kept either way: £10 trillion, well past any council's budget, and far
    /// inside what 64-bit pence can add up.
    public static let largestPence = 1_000_000_000_000_000

    /// `pounds` in pence; nil when it has a fraction of a penny or is beyond `largestPence`. A
    /// number written to the penny is read as a double a little off it, by at most about
    /// 2.3 × 10⁻¹⁶ of the pence once multiplied by 100; the allowance is 40 times that, so
    /// `28500000.005` (half a penny over) is refused however large the amount.
    public init?(pounds: Double) {
        guard pounds.isFinite else { return nil }
        let pence = (pounds * 100).rounded()
        guard abs(pence) <= Double(Self.largestPence), abs(pounds * 100 - pence) <= 1e-9 + 1e-14 * abs(pence) else { return nil }
        self.pence = Int(pence)
    }

    public var pounds: Double { Double(pence) / 100 }

    public static func < (a: Money, b: Money) -> Bool { a.pence < b.pence }
    public static func + (a: Money, b: Money) -> Money { Money(pence: a.pence + b.pence) }
    public static func - (a: Money, b: Money) -> Money { Money(pence: a.pence - b.pence) }
    public static prefix func - (a: Money) -> Money { Money(pence: -a.pence) }

    /// The amount as a committee reads it: millions to one decimal place from £1m (`£15.0m`),
    /// whole pounds below (`£50,000`), a minus sign before the pound sign (`-£2.5m`). Rounded half
    /// away from zero, in whole pence, so `£1,049,999.99` is `£1.0m` and `£1,050,000` is `£1.1m`.
    public var text: String {
        let sign = pence < 0 ? "-" : ""
        let size = pence.magnitude
        let pounds = (size + 50) / 100
        if pounds < 1_000_000 { return "\(sign)£\(Self.grouped(pounds))" }
        let tenthsOfAMillion = (size + 5_000_000) / 10_000_000
        return "\(sign)£\(Self.grouped(tenthsOfAMillion / 10)).\(tenthsOfAMillion % 10)m"
    }

    /// The size without a sign (`£15.0m`), for sentences that say which way it goes in words.
    public var sizeText: String { Money(pence: Int(clamping: pence.magnitude)).text }

    private static func grouped(_ number: UInt) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
