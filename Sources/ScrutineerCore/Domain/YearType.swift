import Foundation

/// How a measure's years run, which decides what a label such as `2025` or `2023/24` covers
/// (PRODUCT.md R1).
public enum YearType: String, Sendable, Hashable, CaseIterable, Codable {
    /// January to December.
    case calendar
    /// April to March; `2025` is the year ending 31 March 2025. Also LAIT's "Annual" snapshots
    /// taken at 31 March.
    case financial
    /// September to August; `2025` is the academic year ending August 2025.
    case academic
    /// October to September; `2025` is the year ending 30 September 2025 (the social-work
    /// workforce census, LAIT's "Annual (end of Sept)").
    case yearEndingSeptember

    /// The month each year starts in (1 = January).
    public var firstMonth: Int {
        switch self {
        case .calendar: 1
        case .financial: 4
        case .academic: 9
        case .yearEndingSeptember: 10
        }
    }

    /// The year type for a LAIT dictionary `year_type` ("Financial Year", "Academic Year",
    /// "Calendar Year", "Annual", "Annual (end of Sept)").
    public init?(laitName: String) {
        switch laitName.trimmingCharacters(in: .whitespaces).lowercased() {
        case "financial year", "annual": self = .financial
        case "academic year": self = .academic
        case "calendar year": self = .calendar
        case "annual (end of sept)": self = .yearEndingSeptember
        default: return nil
        }
    }
}

/// How often a measure is published.
public enum Periodicity: String, Sendable, Hashable, CaseIterable, Codable {
    case monthly, quarterly, annual
    /// Several years pooled into one figure (e.g. three-year rolling rates).
    case multiYear
}

extension Periodicity {
    /// The kinds of period a measure of this periodicity has figures for: a quarterly measure's are
    /// quarters; an annual one's years, school terms, or years pooled and published each year
    /// (LAIT's three-year rates of hospital admissions, `2013/14-15/16`).
    public var periodKinds: Set<Period.Kind> {
        switch self {
        case .quarterly: [.quarter]
        case .monthly: [.month]
        case .annual: [.year, .pooledYears, .term, .twoTerms]
        case .multiYear: [.pooledYears]
        }
    }
}

extension Period.Kind {
    /// The kind in words: "quarter", "pooled period of years".
    public var words: String {
        switch self {
        case .year: "year"
        case .pooledYears: "pooled period of years"
        case .quarter: "quarter"
        case .month: "month"
        case .term: "term"
        case .twoTerms: "pair of terms"
        }
    }
}
