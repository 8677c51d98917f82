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
        isMillions ? text(millionsPlaces: 1) : wholePoundsText
    }

    /// Whether `text` says the amount in millions: £1m or more in whole pounds.
    private var isMillions: Bool { (pence.magnitude + 50) / 100 >= 1_000_000 }

    /// The size without a sign (`£15.0m`), for sentences that say which way it goes in words.
    public var sizeText: String { Money(pence: Int(clamping: pence.magnitude)).text }

    /// Two amounts said side by side with their difference (a forecast against its budget, the
    /// difference in `text`), so that a reader's subtraction agrees with the difference stated:
    /// `text` each, unless one is £1m or more; then both in millions to the fewest decimal places,
    /// one to three, at which the rounded amounts differ by the difference as stated (£2,940,000
    /// against £3,250,000 is "£2.94m" against "£3.25m", £310,000 apart, not "£2.9m" against
    /// "£3.3m"), or in whole pounds if none does.
    public static func texts(_ first: Money, _ second: Money) -> (String, String) {
        guard first.isMillions || second.isMillions else { return (first.text, second.text) }
        let difference = second - first
        // The difference as stated: to a tenth of a million from £1m, else to the pound.
        let statedUnit = difference.isMillions ? penceInLastPlaceOfMillions(places: 1) : 100
        let stated = rounded(difference.pence, to: statedUnit) * statedUnit
        for places in 1...3 {
            let unit = penceInLastPlaceOfMillions(places: places)
            let shown = (rounded(second.pence, to: unit) - rounded(first.pence, to: unit)) * unit
            // Compared as a reader would, at the coarser of the two precisions.
            let coarser = max(unit, statedUnit)
            if rounded(shown, to: coarser) == rounded(stated, to: coarser) {
                return (first.text(millionsPlaces: places), second.text(millionsPlaces: places))
            }
        }
        return (first.wholePoundsText, second.wholePoundsText)
    }

    /// The amount in millions to `places` decimal places, rounded half away from zero in whole
    /// pence: "£2.94m", "-£0.25m".
    func text(millionsPlaces places: Int) -> String {
        let units = Self.rounded(pence, to: Self.penceInLastPlaceOfMillions(places: places))
        let size = units.magnitude
        var scale: UInt = 1
        for _ in 0..<places { scale *= 10 }
        let fraction = String(size % scale)
        return "\(units < 0 ? "-" : "")£\(Self.grouped(size / scale)).\(String(repeating: "0", count: places - fraction.count))\(fraction)m"
    }

    /// The amount in whole pounds however large: "£2,940,123".
    var wholePoundsText: String {
        "\(pence < 0 ? "-" : "")£\(Self.grouped((pence.magnitude + 50) / 100))"
    }

    /// The pence in one unit of the last decimal place of millions at `places` (1: £100,000).
    private static func penceInLastPlaceOfMillions(places: Int) -> Int {
        var unit = 100_000_000
        for _ in 0..<places { unit /= 10 }
        return unit
    }

    /// `pence` in whole `unit`s, half away from zero.
    private static func rounded(_ pence: Int, to unit: Int) -> Int {
        let units = (Int(clamping: pence.magnitude) + unit / 2) / unit
        return pence < 0 ? -units : units
    }

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
