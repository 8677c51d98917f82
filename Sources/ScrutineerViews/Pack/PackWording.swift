import Foundation
import ScrutineerCore

/// The words the pack prints for the model's enumerations: units, polarity, periodicity, audience.
enum PackWording {
    /// "Percentage (%)", "Rate per 10,000", "Count", "Days", "Weeks", "Money (£)", "Number".
    static func unit(_ unit: MeasureUnit) -> String {
        switch unit {
        case .percentage: "Percentage (%)"
        case let .rate(per): "Rate per \(ValueFormat(unit: .count).number(Double(per)))"
        case .count: "Count"
        case .days: "Days"
        case .weeks: "Weeks"
        case .money: "Money (£)"
        case .number: "Number"
        }
    }

    /// The value axis label: "%", "per 10,000", "count", "days", "weeks", "£", "value".
    static func axis(_ unit: MeasureUnit) -> String {
        switch unit {
        case .percentage: "%"
        case let .rate(per): "per \(ValueFormat(unit: .count).number(Double(per)))"
        case .count: "count"
        case .days: "days"
        case .weeks: "weeks"
        case .money: "£"
        case .number: "value"
        }
    }

    /// "Higher is better", "Lower is better", "No better or worse direction".
    static func polarity(_ polarity: Polarity) -> String {
        switch polarity {
        case .highIsGood: "Higher is better"
        case .lowIsGood: "Lower is better"
        case .noJudgement: "No better or worse direction"
        }
    }

    /// "Annual (financial year, April to March)", "Quarterly (…)", "Monthly", "Pooled years (…)".
    static func periodicity(_ measure: Measure) -> String {
        let years = switch measure.yearType {
        case .financial: "financial year, April to March"
        case .academic: "academic year, September to August"
        case .calendar: "calendar year"
        case .yearEndingSeptember: "year ending September"
        }
        return switch measure.periodicity {
        case .monthly: "Monthly (\(years))"
        case .quarterly: "Quarterly (\(years))"
        case .annual: "Annual (\(years))"
        case .multiYear: "Several years pooled (\(years))"
        }
    }

    /// "Local target", "National target"…
    static func targetKind(_ kind: TargetKind) -> String {
        switch kind {
        case .local: "Local target"
        case .national: "National target"
        case .statutory: "Statutory target"
        case .trajectory: "Trajectory target"
        }
    }

    /// How the direction of travel is worked out, in words.
    static func directionMethod(_ method: DirectionOfTravelMethod, basis: DirectionBasis) -> String {
        let against = basis == .previousPeriod ? "the previous period" : "the same period last year"
        return switch method {
        case .simple: "Simple: the latest figure against \(against)"
        case .confidenceIntervalOverlap: "Statistical: the latest figure against \(against), by overlap of 95% confidence intervals"
        case .recentTrend: "Statistical: the Fingertips five-point recent trend"
        case .spc: "Statistical: statistical process control (Making Data Count)"
        }
    }

    /// What a measure without an England figure says where the comparison would be.
    static let noEnglandFigure = "There is no England figure to compare with"

    /// How the figure is compared with England, in words; where England has no figure (a council's
    /// own measure), that is said instead.
    static func comparisonMethod(_ choice: BenchmarkComparisonChoice, englandHasFigure: Bool = true) -> String {
        guard englandHasFigure else { return "None: " + noEnglandFigure.lowercasingFirst }
        return switch choice {
        case .fingertips95: "England against the council's 95% confidence interval (Fingertips method 1)"
        case .fingertips95And99_8: "England against the council's 95% and 99.8% confidence intervals (Fingertips method 17)"
        case .notCompared: "Shown beside England but not judged better or worse"
        }
    }

    /// What a page's title and the printed running header say before the report's name, so that a
    /// report not (or no longer) the committee's published one is never read as it: "Draft, not
    /// published – ", "Checked, not yet published – ", "Earlier publication (1 of 2) – "; empty for
    /// a published report or an unknown stage.
    static func titlePrefix(_ standing: SignOffStanding?, separator: String = " – ") -> String {
        guard let standing else { return "" }
        return switch standing.shown {
        case .draft: "Draft, not published" + separator
        case .checked: "Checked, not yet published" + separator
        case .published: ""
        case .earlier: "Earlier publication (\(standing.publication?.version ?? 0) of \(standing.publicationCount))" + separator
        }
    }

    /// The officer version's marking before a title and in the running header of every printed
    /// page, so a page that leaves the office says it is not for publication; nothing for the
    /// committee's and the public's versions.
    static func audiencePrefix(_ audience: Audience, separator: String = " – ") -> String {
        audience == .officer ? "Officer version, not for publication" + separator : ""
    }

    /// `draft`, `checked`, `published` or `earlier` (a publication made since): the class that
    /// styles the stage; empty for an unknown stage.
    static func stageClass(_ standing: SignOffStanding?) -> String {
        standing?.shown.rawValue ?? ""
    }

    /// "Officers", "Committee members", "The public".
    static func audience(_ audience: Audience) -> String {
        switch audience {
        case .officer: "Officers"
        case .member: "Committee members"
        case .public: "The public"
        }
    }

    /// What the audience's version shows and hides.
    static func audienceNote(_ audience: Audience) -> String {
        switch audience {
        case .officer:
            "Officer version: every figure is shown, including small numbers that could identify individuals. Not for publication."
        case .member:
            "Committee version: every figure is shown, as in the committee papers."
        case .public:
            "Public version: small numbers that could identify a child, and any figure worked out from them, are withheld. A withheld figure shows its symbol (such as c) and the reason it is blank. In the text officers write, a count of 1 to 5 children or families reads \"a small number of\" them."
        }
    }

    /// A target version as the report's reader may see it: the public, only a version in force by
    /// the end of the reported period, without the day a version it cannot see yet takes over
    /// (`Target.seenPublicly`); staff and members, as it is.
    static func seen(_ target: Target, in assessment: CommitteeAssessment) -> Target? {
        assessment.audience == .public ? target.seenPublicly(through: assessment.reportingPeriod.end) : target
    }

    /// "Total", or each dimension as words and its value: "Age band: 11-15; Sex: Female" (the
    /// imported column `age_band` read as words).
    static func breakdown(_ breakdown: Breakdown) -> String {
        breakdown.isTotal ? "Total" : breakdown.pairs.map { "\(dimensionWords($0.dimension)): \($0.value)" }.joined(separator: "; ")
    }

    /// A breakdown dimension as words: underscores as spaces, the first letter a capital.
    static func dimensionWords(_ dimension: String) -> String {
        let words = dimension.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// "Common cause", "Special cause (improvement)", …
    static func pointType(_ type: XmRPointType) -> String {
        switch type {
        case .commonCause: "Common cause"
        case .specialCauseImprovement: "Special cause: improvement"
        case .specialCauseConcern: "Special cause: concern"
        case .specialCauseNeutralHigh: "Special cause: high (no better or worse direction)"
        case .specialCauseNeutralLow: "Special cause: low (no better or worse direction)"
        }
    }

    /// Where a confidence interval came from.
    static func intervalSource(_ source: IntervalSource) -> String {
        switch source {
        case .published: "published with the figure"
        case .wilson: "Wilson score interval from the counts"
        case .exactPoisson: "exact Poisson interval from the counts"
        case .byars: "Byar's interval from the counts"
        case .none: "none"
        }
    }
}
