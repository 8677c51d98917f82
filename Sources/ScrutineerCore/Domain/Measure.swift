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
///
/// Its fields live in one shared, copy-on-write box, so a copy is one reference: the assessment
/// copies the measure into every measure and council it assesses.
public struct Measure: Sendable, Hashable, Codable, Identifiable {
    /// The fields, as encoded.
    struct Fields: Sendable, Hashable, Codable {
        var code: String
        var title: String
        var definition: String?
        var theme: String?
        var owner: String?
        var unit: MeasureUnit
        var decimalPlaces: Int?
        var polarity: Polarity
        var periodicity: Periodicity
        var yearType: YearType
        var source: String?
        var publicationLagDays: Int?
        var benchmarkComparison: BenchmarkComparisonChoice
        var directionOfTravel: DirectionOfTravelMethod
        var planPriority: String?
        var committees: [String]
        var councilAreaCode: String?
    }

    /// The box: shared by copies, copied before a change unless only one measure holds it.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func change(_ body: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        body(&storage.fields)
    }

    /// The measure's code, unique within Scrutineer (`ReReferral`, `CIC_RATE`).
    public var code: String {
        get { storage.fields.code }
        set { change { $0.code = newValue } }
    }
    public var title: String {
        get { storage.fields.title }
        set { change { $0.title = newValue } }
    }
    public var definition: String? {
        get { storage.fields.definition }
        set { change { $0.definition = newValue } }
    }
    /// The theme or dashboard it belongs to (EHCP, Early Help, Front Door…).
    public var theme: String? {
        get { storage.fields.theme }
        set { change { $0.theme = newValue } }
    }
    /// The officer accountable for it.
    public var owner: String? {
        get { storage.fields.owner }
        set { change { $0.owner = newValue } }
    }
    public var unit: MeasureUnit {
        get { storage.fields.unit }
        set { change { $0.unit = newValue } }
    }
    /// Decimal places to show; nil = the unit's usual.
    public var decimalPlaces: Int? {
        get { storage.fields.decimalPlaces }
        set { change { $0.decimalPlaces = newValue } }
    }
    public var polarity: Polarity {
        get { storage.fields.polarity }
        set { change { $0.polarity = newValue } }
    }
    public var periodicity: Periodicity {
        get { storage.fields.periodicity }
        set { change { $0.periodicity = newValue } }
    }
    public var yearType: YearType {
        get { storage.fields.yearType }
        set { change { $0.yearType = newValue } }
    }
    /// Where the data come from (DfE LAIT, EES CIN census, local case system…).
    public var source: String? {
        get { storage.fields.source }
        set { change { $0.source = newValue } }
    }
    /// Typical days from the end of a period to publication.
    public var publicationLagDays: Int? {
        get { storage.fields.publicationLagDays }
        set { change { $0.publicationLagDays = newValue } }
    }
    public var benchmarkComparison: BenchmarkComparisonChoice {
        get { storage.fields.benchmarkComparison }
        set { change { $0.benchmarkComparison = newValue } }
    }
    public var directionOfTravel: DirectionOfTravelMethod {
        get { storage.fields.directionOfTravel }
        set { change { $0.directionOfTravel = newValue } }
    }
    /// The Council (Delivery) Plan priority it serves.
    public var planPriority: String? {
        get { storage.fields.planPriority }
        set { change { $0.planPriority = newValue } }
    }
    /// The committees whose remit includes it.
    public var committees: [String] {
        get { storage.fields.committees }
        set { change { $0.committees = newValue } }
    }

    /// The council whose own measure this is (ONS code): its local import defined it, and no
    /// other council's import may redefine it. Nil for a measure published for every council
    /// (LAIT, EES, Fingertips).
    public var councilAreaCode: String? {
        get { storage.fields.councilAreaCode }
        set { change { $0.councilAreaCode = newValue } }
    }

    public var id: String { code }

    public init(
        code: String, title: String, definition: String? = nil, theme: String? = nil, owner: String? = nil,
        unit: MeasureUnit, decimalPlaces: Int? = nil, polarity: Polarity, periodicity: Periodicity = .annual,
        yearType: YearType, source: String? = nil, publicationLagDays: Int? = nil,
        benchmarkComparison: BenchmarkComparisonChoice = .fingertips95, directionOfTravel: DirectionOfTravelMethod = .simple,
        planPriority: String? = nil, committees: [String] = [], councilAreaCode: String? = nil
    ) {
        storage = Storage(Fields(
            code: code, title: title, definition: definition, theme: theme, owner: owner, unit: unit,
            decimalPlaces: decimalPlaces, polarity: polarity, periodicity: periodicity, yearType: yearType,
            source: source, publicationLagDays: publicationLagDays, benchmarkComparison: benchmarkComparison,
            directionOfTravel: directionOfTravel, planPriority: planPriority, committees: committees,
            councilAreaCode: councilAreaCode
        ))
    }

    public init(from decoder: any Decoder) throws { storage = Storage(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

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
