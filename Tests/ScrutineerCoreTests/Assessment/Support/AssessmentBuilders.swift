import ScrutineerCore
import ScrutineerTestSupport

/// Small builders for hand-made assessment inputs: Warwickshire as the council, financial years.
enum Build {
    static let council = "E10000031"

    static func date(_ iso: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: iso) else { throw FixtureError(description: "bad date \(iso)") }
        return date
    }

    /// A financial-year period: `2024/25 Q2`, `2025`.
    static func period(_ label: String, _ yearType: YearType = .financial) throws -> Period {
        try Period.parse(label, yearType: yearType)
    }

    /// A local percentage measure (1 dp) with a stated lag.
    static func percentage(
        _ code: String, polarity: Polarity = .highIsGood, periodicity: Periodicity = .quarterly,
        direction: DirectionOfTravelMethod = .simple, comparison: BenchmarkComparisonChoice = .fingertips95, lagDays: Int? = 30
    ) -> Measure {
        Measure(
            code: code, title: "Measure \(code)", unit: .percentage, decimalPlaces: 1, polarity: polarity,
            periodicity: periodicity, yearType: .financial, publicationLagDays: lagDays,
            benchmarkComparison: comparison, directionOfTravel: direction
        )
    }

    static func observation(
        _ measure: String, _ period: String, _ value: Double?, area: String = council, yearType: YearType = .financial,
        numerator: Double? = nil, denominator: Double? = nil, published: String? = nil, breakdown: [String: String] = [:]
    ) throws -> Observation {
        Observation(
            measureCode: measure, areaCode: area, period: try Build.period(period, yearType), breakdown: Breakdown(breakdown),
            value: value, numerator: numerator, denominator: denominator, source: "test",
            published: try published.map(Build.date)
        )
    }

    static func target(
        _ measure: String, _ kind: TargetKind, _ value: Double, tolerance: Double? = nil, period: String? = nil,
        from: String = "2024-04-01", to: String? = nil, version: Int = 1, council: String? = nil
    ) throws -> Target {
        Target(
            measureCode: measure, councilAreaCode: council, kind: kind, value: value, tolerance: tolerance, periodLabel: period,
            validFrom: try date(from), validTo: try to.map(date), setBy: "Service Manager, Intelligence and Impact",
            setOn: try date(from), reason: "test", version: version
        )
    }

    /// One theme holding `codes`.
    static func committee(_ codes: [String], themes: [(String, [String])]? = nil) -> Committee {
        Committee(
            code: "CYP-OSC", name: "Children and Young People Overview and Scrutiny Committee", councilAreaCode: council,
            themes: (themes ?? [("Performance", codes)]).map { CommitteeTheme(name: $0.0, owner: "John Coleman", measureCodes: $0.1) }
        )
    }

    /// Assesses `codes` of `measures` as one committee.
    static func assess(
        _ measures: [Measure], _ observations: [Observation], targets: [Target] = [], settings: [MeasureAssessmentSettings] = [],
        period: String, today: String, audience: Audience = .officer, themes: [(String, [String])]? = nil
    ) throws -> CommitteeAssessment {
        try AssessmentData(
            committee: committee(measures.map(\.code), themes: themes), reportingPeriod: try Build.period(period),
            today: try date(today), audience: audience, measures: measures, observations: observations, targets: targets,
            settings: settings
        ).assess()
    }
}
