import ScrutineerCore

/// An EES `time_identifier` Scrutineer reads, with how its `time_period` is written and which
/// measures' years it fits.
enum EESTimeIdentifier: Hashable {
    /// `Reporting year`: a 4-digit year ending in `time_period`, of the measure's own year type
    /// (the children-in-need census year ends 31 March, so `2025` is LAIT's `2025`).
    case reportingYear
    /// `Calendar year`: 4 digits.
    case calendarYear
    /// `Financial year`: 6 digits (`202324` ⇒ `2023/24`).
    case financialYear
    /// `Academic year`: 6 digits (`202324` ⇒ `2023/24`).
    case academicYear
    /// `Financial year Q1` … `Q4`: 6 digits (`202324` ⇒ `2023/24 Q1`, April to June).
    case financialQuarter(Int)
    /// `Academic year Q1` … `Q4`: 6 digits (`202324` ⇒ `2023/24 Q1`, September to November).
    case academicQuarter(Int)
    /// `Calendar year Q1` … `Q4`: 4 digits (`2024` ⇒ `2024 Q1`, January to March).
    case calendarQuarter(Int)
    /// `January` … `December`: 4 digits (`2024` with `March` ⇒ `2024-03`).
    case month(Int)
    /// `Autumn term`, `Spring term`, `Summer term`, `Autumn and spring term`: 6 digits (`202324`
    /// with `Autumn term` ⇒ `2023/24 Autumn term`), as DfE publishes termly pupil absence.
    case term(SchoolTerm)

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// The identifiers read, for error messages.
    static let expected = "Reporting year, Calendar year, Financial year, Academic year, their quarters such as Financial year Q1, a term such as Autumn and spring term, or a month such as March"

    init?(_ text: String) {
        switch text {
        case "Reporting year": self = .reportingYear
        case "Calendar year": self = .calendarYear
        case "Financial year": self = .financialYear
        case "Academic year": self = .academicYear
        default:
            if let index = EESTimeIdentifier.monthNames.firstIndex(of: text) {
                self = .month(index + 1)
                return
            }
            if let term = SchoolTerm.allCases.first(where: { $0.name == text }) {
                self = .term(term)
                return
            }
            // `Financial year Q1`, `Academic year Q4`, `Calendar year Q2`.
            guard let last = text.last?.wholeNumberValue, (1...4).contains(last), text.dropLast().hasSuffix(" year Q") else { return nil }
            switch text.dropLast(8) {
            case "Financial": self = .financialQuarter(last)
            case "Academic": self = .academicQuarter(last)
            case "Calendar": self = .calendarQuarter(last)
            default: return nil
            }
        }
    }

    /// The year type of a measure created from this identifier: a reporting year is taken as
    /// ending 31 March, as in DfE's children's social care collections.
    var impliedYearType: YearType {
        switch self {
        case .reportingYear, .financialYear, .financialQuarter: .financial
        case .academicYear, .academicQuarter, .term: .academic
        case .calendarYear, .calendarQuarter, .month: .calendar
        }
    }

    /// How often a measure created from this identifier is published.
    var periodicity: Periodicity {
        switch self {
        case .financialQuarter, .academicQuarter, .calendarQuarter: .quarterly
        case .month: .monthly
        default: .annual
        }
    }

    /// True when a measure of `yearType` can hold periods of this identifier.
    func fits(_ yearType: YearType) -> Bool {
        switch self {
        case .reportingYear, .month: true
        case .calendarYear, .calendarQuarter: yearType == .calendar
        case .financialYear, .financialQuarter: yearType == .financial
        case .academicYear, .academicQuarter, .term: yearType == .academic
        }
    }

    /// The identifiers that fit a measure of `yearType`, for error messages.
    static func fitting(_ yearType: YearType) -> String {
        switch yearType {
        case .financial: "Reporting year, Financial year, Financial year Q1 to Q4, or a month"
        case .academic: "Reporting year, Academic year, Academic year Q1 to Q4, a term such as Autumn term, or a month"
        case .calendar: "Reporting year, Calendar year, Calendar year Q1 to Q4, or a month"
        case .yearEndingSeptember: "Reporting year, or a month"
        }
    }

    /// True for a month, whose label `2011-12` must not be read as a split year.
    var isMonth: Bool { if case .month = self { true } else { false } }

    /// What `time_period` must look like, for error messages.
    var timePeriodForm: String {
        switch self {
        case .reportingYear, .calendarYear, .calendarQuarter, .month: "4 digits such as 2025"
        case .financialYear, .academicYear, .financialQuarter, .academicQuarter, .term: "6 digits for two consecutive years such as 202324"
        }
    }

    /// The Scrutineer period label for `timePeriod`, or nil when it has the wrong form.
    func label(timePeriod: String) -> String? {
        let digits = Array(timePeriod.utf8)
        guard digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        switch self {
        case .reportingYear, .calendarYear:
            return digits.count == 4 ? timePeriod : nil
        case let .month(month):
            return digits.count == 4 ? "\(timePeriod)-\(month < 10 ? "0" : "")\(month)" : nil
        case let .calendarQuarter(quarter):
            return digits.count == 4 ? "\(timePeriod) Q\(quarter)" : nil
        case .financialYear, .academicYear, .financialQuarter, .academicQuarter, .term:
            guard digits.count == 6, let first = Int(timePeriod.prefix(4)), let second = Int(timePeriod.suffix(2)), second == (first + 1) % 100 else { return nil }
            let year = "\(timePeriod.prefix(4))/\(timePeriod.suffix(2))"
            switch self {
            case let .financialQuarter(quarter), let .academicQuarter(quarter): return "\(year) Q\(quarter)"
            case let .term(term): return "\(year) \(term.name)"
            default: return year
            }
        }
    }
}
