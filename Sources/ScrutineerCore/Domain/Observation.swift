/// The cut of a figure: dimension/value pairs such as age band 17–18, district, SEND, sex,
/// ethnicity (PRODUCT.md R8). Empty means the whole population.
public struct Breakdown: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Pairs sorted by dimension, so one cut has one form.
    public let pairs: [Pair]

    public struct Pair: Sendable, Hashable, Codable {
        public var dimension: String
        public var value: String
    }

    /// The whole population.
    public static let total = Breakdown([:])

    public init(_ values: [String: String]) {
        pairs = values.map { Pair(dimension: $0.key, value: $0.value) }.sorted { $0.dimension < $1.dimension }
    }

    /// `age=17-18;sex=Female`, or "" for the total: the form stored and exported.
    public var key: String {
        pairs.map { "\($0.dimension)=\($0.value)" }.joined(separator: ";")
    }

    /// Reads `key` back; nil for a malformed key.
    public init?(key: String) {
        if key.isEmpty { self = .total; return }
        var values: [String: String] = [:]
        for part in key.split(separator: ";", omittingEmptySubsequences: false) {
            guard let equals = part.firstIndex(of: "="), equals != part.startIndex else { return nil }
            let dimension = String(part[..<equals])
            guard values[dimension] == nil else { return nil }
            values[dimension] = String(part[part.index(after: equals)...])
        }
        self.init(values)
    }

    public var isTotal: Bool { pairs.isEmpty }
    public var description: String { key }

    /// The form that two spellings of one group share, to catch a group written another way
    /// (which would start a series of its own): lower case, `&` read as `and`, and each run of
    /// characters other than letters and digits as one space. `Nuneaton & Bedworth` and
    /// `nuneaton and bedworth`, `Stratford-on-Avon` and `Stratford on Avon`, `17-18` and
    /// `17 – 18` share theirs; `17-18` and `17 to 18` do not.
    public static func spellingForm(of group: String) -> String {
        var form = ""
        var pendingSpace = false
        for character in group.lowercased() {
            if character == "&" {
                form += form.isEmpty ? "and" : " and"
                pendingSpace = true
            } else if character.isLetter || character.isNumber {
                if pendingSpace, !form.isEmpty { form += " " }
                pendingSpace = false
                form.append(character)
            } else {
                pendingSpace = true
            }
        }
        return form
    }
}

/// One published or local figure: a measure for an area, period and breakdown (PRODUCT.md R7).
public struct Observation: Sendable, Hashable, Codable {
    public var measureCode: String
    public var areaCode: String
    public var period: Period
    public var breakdown: Breakdown
    /// The value; nil when suppressed or missing (then `statusSymbol` says why).
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    /// Published confidence limits, when the source gives them.
    public var lower95: Double?
    public var upper95: Double?
    public var lower99_8: Double?
    public var upper99_8: Double?
    /// The EES/LAIT symbol published instead of (or beside) a value: c z x u k low - ..
    public var statusSymbol: StatusSymbol?
    /// The source's own "compared to England" word, kept as published (Fingertips exports);
    /// Scrutineer computes its own and never reads direction from it (METHODS.md §8.3).
    public var comparedToEnglandAsPublished: String?
    /// The file it came from.
    public var source: String
    /// When it was published, and when the next figure is due, where known.
    public var published: CalendarDate?
    public var nextUpdateDue: CalendarDate?

    public init(
        measureCode: String, areaCode: String, period: Period, breakdown: Breakdown = .total,
        value: Double?, numerator: Double? = nil, denominator: Double? = nil,
        lower95: Double? = nil, upper95: Double? = nil, lower99_8: Double? = nil, upper99_8: Double? = nil,
        statusSymbol: StatusSymbol? = nil, comparedToEnglandAsPublished: String? = nil, source: String, published: CalendarDate? = nil, nextUpdateDue: CalendarDate? = nil
    ) {
        self.measureCode = measureCode
        self.areaCode = areaCode
        self.period = period
        self.breakdown = breakdown
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower99_8 = lower99_8
        self.upper99_8 = upper99_8
        self.statusSymbol = statusSymbol
        self.comparedToEnglandAsPublished = comparedToEnglandAsPublished
        self.source = source
        self.published = published
        self.nextUpdateDue = nextUpdateDue
    }

    /// What identifies the cell: a later publication of the same key supersedes it.
    public var key: ObservationKey {
        ObservationKey(measureCode: measureCode, areaCode: areaCode, periodLabel: period.label, breakdownKey: breakdown.key)
    }
}

/// The identity of an observation cell.
public struct ObservationKey: Sendable, Hashable, Codable {
    public var measureCode: String
    public var areaCode: String
    public var periodLabel: String
    public var breakdownKey: String

    public init(measureCode: String, areaCode: String, periodLabel: String, breakdownKey: String) {
        self.measureCode = measureCode
        self.areaCode = areaCode
        self.periodLabel = periodLabel
        self.breakdownKey = breakdownKey
    }
}
