/// One period of a measure's chart: the council's figure beside England, the region, the
/// statistical-neighbour mean and any trajectory target for that period.
public struct HistoryPoint: Sendable, Hashable, Codable {
    /// The period.
    public let period: Period
    /// The council's figure as this audience sees it; nil when there is no figure.
    public let council: PublishedCell?
    /// England's published figure.
    public let england: Double?
    /// The region's (with the London fallback).
    public let region: Double?
    /// The statistical neighbours' mean.
    public let statisticalNeighbourMean: Double?
    /// The trajectory target for the period, if one is in force.
    public let trajectoryTarget: Double?
    /// The value of the reported target's kind in force on the period's last day: the version that
    /// applied then (8% until March 2025, 11% after); nil when none was in force, with no reported
    /// target, or in an assessment stored before it was kept.
    public var target: Double? = nil
    /// How many of the council's statistical neighbours had a figure for the period, of how many
    /// (the mean is of those alone); nil with no list, or in an assessment stored before it was kept.
    public var statisticalNeighboursWithFigure: Int? = nil
    public var statisticalNeighbourCount: Int? = nil
}

/// Everything the report says about one measure for the reporting period: its latest figure and
/// currency, status against target, direction of travel, benchmarks, SPC chart, breakdowns and
/// history, each with its reason in words (PRODUCT.md R2, R4–R8).
public struct MeasureAssessment: Sendable, Hashable, Codable, Identifiable {
    /// The measure assessed.
    public let measure: Measure
    /// The assessment choices used (the defaults when none were given).
    public let settings: MeasureAssessmentSettings
    /// The theme it is reported under (the committee's), if any.
    public let theme: String?
    /// The council assessed.
    public let councilAreaCode: String
    /// The latest figure up to the reporting period; nil when there is none.
    public let latest: LatestFigure?
    /// How current the latest figure is.
    public let currency: DataCurrency
    /// Status against target.
    public let status: StatusAssessment
    /// Direction of travel.
    public let direction: DirectionOfTravel
    /// England, region, statistical neighbours, rank and band; nil with no figure, or for a milestone.
    public let benchmarks: Benchmarks?
    /// The XmR chart, when the series has at least `SPCSummary.minimumPoints` figures.
    public let spc: SPCSummary?
    /// Why a measure that is not a milestone has no XmR chart, in words; nil with a chart, for a
    /// milestone, or in an assessment stored before it was said.
    public var spcAbsence: String? = nil
    /// The breakdowns for the latest period.
    public let breakdowns: [BreakdownFigure]
    /// The series for the chart, oldest first (empty when the assessment was asked without history).
    public let history: [HistoryPoint]

    public var id: String { measure.code }

    /// How the measure's figures are written.
    public var format: ValueFormat { ValueFormat(measure) }

    /// Every symbol this measure's row and page draw: status, currency, arrow and its basis, the
    /// target kinds judged, the England comparison and its method, the benchmarks shown, band, SPC
    /// icons and the disclosure symbols of its figures. The committee's key holds exactly these.
    public var symbols: Set<String> { Set(keyEntries.compactMap(\.symbol)) }

    /// The key entries this measure needs.
    public var keyEntries: [KeyEntry] { KeyEntry.entries(for: self) }
}

/// A council's assessment of several measures, from `AssessmentIndex.assess(councils:…)`.
public struct CouncilAssessment: Sendable, Hashable, Codable {
    /// The council.
    public let councilAreaCode: String
    /// Its measures, in the order asked.
    public let measures: [MeasureAssessment]
}

/// One theme of the committee's report with its measures, in report order.
public struct ThemeAssessment: Sendable, Hashable, Codable {
    /// The theme's name.
    public let name: String
    /// The officer who owns it.
    public let owner: String?
    /// Its measures in report order.
    public let measures: [MeasureAssessment]
}

/// A committee's whole assessment for the reporting period: what the Integrated Performance
/// Report renders (PRODUCT.md R2, R4–R8, R13).
public struct CommitteeAssessment: Sendable, Hashable, Codable {
    /// The committee assessed.
    public let committee: Committee
    /// The council's name, from the areas given (its code when unknown).
    public let councilName: String
    /// The period reported on.
    public let reportingPeriod: Period
    /// The day it was assessed as on.
    public let today: CalendarDate
    /// Who it is for.
    public let audience: Audience
    /// Each theme with its measures.
    public let themes: [ThemeAssessment]
    /// The opening counts and sentence.
    public let headline: Headline
    /// The key to every symbol used.
    public let key: Key

    /// Every measure, theme by theme.
    public var measures: [MeasureAssessment] { themes.flatMap(\.measures) }
}
