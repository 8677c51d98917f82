/// What a measure counts in, which decides how values are shown and how change is described.
public enum MeasureUnit: Sendable, Hashable, Codable {
    /// A percentage (0–100); change is in percentage points.
    case percentage
    /// A rate per `per` (per 10,000 children, per 100,000 population…).
    case rate(per: Int)
    /// A count of people or events.
    case count
    /// A duration in days.
    case days
    /// A duration in weeks (EHCP timeliness: 20 weeks).
    case weeks
    /// Money, in pounds.
    case money
    /// Any other number (an average caseload, a score).
    case number

    /// A short text form used in files and the database: `percentage`, `rate:10000`, `count`, …
    public var code: String {
        switch self {
        case .percentage: "percentage"
        case let .rate(per): "rate:\(per)"
        case .count: "count"
        case .days: "days"
        case .weeks: "weeks"
        case .money: "money"
        case .number: "number"
        }
    }

    /// Reads `code` (the inverse of `code`).
    public init?(code: String) {
        switch code {
        case "percentage": self = .percentage
        case "count": self = .count
        case "days": self = .days
        case "weeks": self = .weeks
        case "money": self = .money
        case "number": self = .number
        default:
            guard code.hasPrefix("rate:"), let per = Int(code.dropFirst(5)), per > 0 else { return nil }
            self = .rate(per: per)
        }
    }
}

/// How a measure is compared with England and other benchmarks (METHODS.md §13.1).
public enum BenchmarkComparisonChoice: String, Sendable, Hashable, CaseIterable, Codable {
    /// Fingertips method 1: the benchmark against the area's 95% limits (the default).
    case fingertips95 = "fingertips-1"
    /// Fingertips method 17: 95% and 99.8% limits, two-tone.
    case fingertips95And99_8 = "fingertips-17"
    /// No count or denominator: benchmarks are shown but not judged.
    case notCompared = "not-compared"
}

/// How a measure's direction of travel is judged (METHODS.md §13.4); the key says which.
public enum DirectionOfTravelMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Sign of latest − previous, "static" within the measure's tolerance (LAIT-style).
    case simple
    /// The latest and previous 95% intervals overlap ⇒ static (Fingertips, §8.2).
    case confidenceIntervalOverlap = "ci-overlap"
    /// Fingertips' five-point recent trend (§8.1).
    case recentTrend = "recent-trend"
    /// SPC rules (§9).
    case spc
}

/// A key business measure (PRODUCT.md R1).
public struct Measure: Sendable, Hashable, Codable, Identifiable {
    /// The measure's code, unique within Scrutineer (`ReReferral`, `CIC_RATE`).
    public var code: String
    public var title: String
    public var definition: String?
    /// The theme or dashboard it belongs to (EHCP, Early Help, Front Door…).
    public var theme: String?
    /// The officer accountable for it.
    public var owner: String?
    public var unit: MeasureUnit
    /// Decimal places to show; nil = the unit's usual.
    public var decimalPlaces: Int?
    public var polarity: Polarity
    public var periodicity: Periodicity
    public var yearType: YearType
    /// Where the data come from (DfE LAIT, EES CIN census, local case system…).
    public var source: String?
    /// Typical days from the end of a period to publication.
    public var publicationLagDays: Int?
    public var benchmarkComparison: BenchmarkComparisonChoice
    public var directionOfTravel: DirectionOfTravelMethod
    /// The Council (Delivery) Plan priority it serves.
    public var planPriority: String?
    /// The committees whose remit includes it.
    public var committees: [String]

    public var id: String { code }

    public init(
        code: String, title: String, definition: String? = nil, theme: String? = nil, owner: String? = nil,
        unit: MeasureUnit, decimalPlaces: Int? = nil, polarity: Polarity, periodicity: Periodicity = .annual,
        yearType: YearType, source: String? = nil, publicationLagDays: Int? = nil,
        benchmarkComparison: BenchmarkComparisonChoice = .fingertips95, directionOfTravel: DirectionOfTravelMethod = .simple,
        planPriority: String? = nil, committees: [String] = []
    ) {
        self.code = code
        self.title = title
        self.definition = definition
        self.theme = theme
        self.owner = owner
        self.unit = unit
        self.decimalPlaces = decimalPlaces
        self.polarity = polarity
        self.periodicity = periodicity
        self.yearType = yearType
        self.source = source
        self.publicationLagDays = publicationLagDays
        self.benchmarkComparison = benchmarkComparison
        self.directionOfTravel = directionOfTravel
        self.planPriority = planPriority
        self.committees = committees
    }

    /// True when the measure's stated source says its values are illustrative (the demo's local
    /// data): every page and answer that shows them says so.
    public var isIllustrative: Bool {
        source?.range(of: "illustrative", options: .caseInsensitive) != nil
    }

    /// Reads a period label as this measure's period.
    public func period(_ label: String) throws(PeriodError) -> Period {
        try Period.parse(label, yearType: yearType, monthly: periodicity == .monthly)
    }
}
