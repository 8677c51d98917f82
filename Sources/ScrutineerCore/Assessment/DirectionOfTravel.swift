/// Which way a figure moved.
public enum Movement: String, Sendable, Hashable, CaseIterable, Codable {
    case up, down, flat
    /// Not calculated.
    case none
}

/// A measure's direction of travel with its polarity applied (PRODUCT.md R4).
public enum TravelDirection: String, Sendable, Hashable, CaseIterable, Codable {
    /// Moved the good way.
    case improving
    /// No change beyond the tolerance (simple) or no significant change (statistical methods).
    case `static`
    /// Moved the bad way.
    case declining
    /// Went up, for a measure with no better or worse direction.
    case increasing
    /// Went down, for a measure with no better or worse direction.
    case decreasing
    /// Could not be worked out (see `DirectionOfTravel.notCalculatedReason`).
    case notCalculated = "not-calculated"

    /// "Improving", "Static", "Declining", "Increasing", "Decreasing", "Not calculated".
    public var label: String {
        switch self {
        case .improving: "Improving"
        case .static: "Static"
        case .declining: "Declining"
        case .increasing: "Increasing"
        case .decreasing: "Decreasing"
        case .notCalculated: "Not calculated"
        }
    }

    /// The direction for a `movement` of a measure with `polarity`.
    public init(movement: Movement, polarity: Polarity) {
        switch (movement, polarity) {
        case (.none, _): self = .notCalculated
        case (.flat, _): self = .static
        case (.up, .highIsGood), (.down, .lowIsGood): self = .improving
        case (.up, .lowIsGood), (.down, .highIsGood): self = .declining
        case (.up, .noJudgement): self = .increasing
        case (.down, .noJudgement): self = .decreasing
        }
    }
}

/// Why no direction of travel could be worked out.
public enum DirectionNotCalculatedReason: Sendable, Hashable, Codable {
    /// The council has no figure.
    case noFigure
    /// The latest period was published without a figure (its status symbol, if any): there is
    /// nothing to compare, and an older figure is not the latest.
    case latestFigureMissing(period: String, symbol: StatusSymbol?)
    /// There is no earlier figure to compare with on the measure's basis.
    case noComparisonFigure(DirectionBasis)
    /// The period before the latest was published without a figure (its status symbol, if any):
    /// the change from it is missing, as in DfE's LAIT (METHODS.md §7.1) and Fingertips' change
    /// from the previous value (§8.2), not taken from an older figure instead.
    case previousFigureMissing(period: String, symbol: StatusSymbol?)
    /// The CI-overlap method needs 95% limits (published, or counts to compute them) for both figures.
    case noConfidenceIntervals
    /// The five-point recent trend could not be calculated.
    case trendUnavailable(RecentTrendUnavailableReason)
    /// SPC needs at least `SPCSummary.minimumPoints` points; the series has this many.
    case tooFewPointsForSPC(Int)
    /// Milestones have no direction of travel.
    case milestone
    /// The data could not be used (the statistics rejected them), with the message.
    case invalidData(String)

    /// The reason in words.
    public var words: String {
        switch self {
        case .noFigure: "there is no figure"
        case let .latestFigureMissing(period, symbol):
            "the latest period, \(period), has no figure\(symbol.map { " (published as “\($0.rawValue)”)" } ?? ""), and an older figure is not the latest"
        case let .noComparisonFigure(basis):
            basis == .previousPeriod ? "there is no earlier figure to compare with" : "there is no figure for the same period last year"
        case let .previousFigureMissing(period, symbol):
            "the previous period, \(period), has no figure\(symbol.map { " (published as “\($0.rawValue)”)" } ?? ""), and an older figure is not the previous period's"
        case .noConfidenceIntervals: "the comparison of confidence intervals needs 95% limits (or counts) for both figures"
        case let .trendUnavailable(reason): "the five-point trend cannot be calculated: \(reason)"
        case let .tooFewPointsForSPC(count): "SPC needs at least \(SPCSummary.minimumPoints) points and the series has \(count)"
        case .milestone: "a milestone has no direction of travel"
        case let .invalidData(message): "the figures could not be used: \(message)"
        }
    }
}

/// A measure's direction of travel by its stated method (METHODS.md §8.4, §13.4), with the change in
/// the measure's unit (percentage points for percentages) and what it is against.
///
/// - **simple**: the sign of latest − compared; static when the change is smaller than the
///   measure's `staticTolerance` ("a tolerance below which it is static", METHODS.md §13.4; a change
///   of exactly the tolerance is not static) or shows as zero at its decimal places.
/// - **ci-overlap**: the 95% intervals of the two figures overlap ⇒ static (§8.2), so a small change
///   inside the noise is never called improving or declining.
/// - **recent-trend**: the Fingertips five-point χ² trend (§8.1) over the latest five figures with intervals.
/// - **spc**: the Making Data Count point type of the latest figure (§9): special cause improvement
///   or concern, else static (common cause); needs `SPCSummary.minimumPoints` figures.
///
/// The compared figure is the previous period's or the same period last year's
/// (`MeasureAssessmentSettings.directionBasis`); the statistical trend methods judge the series
/// and state the change against that figure beside it.
public struct DirectionOfTravel: Sendable, Hashable, Codable {
    /// The measure's method.
    public let method: DirectionOfTravelMethod
    /// What the latest figure is compared with.
    public let basis: DirectionBasis
    /// Improving, static, declining (or increasing, decreasing with no judgement), or not calculated.
    public let direction: TravelDirection
    /// Up, down, flat, or none when not calculated.
    public let movement: Movement
    /// The measure's polarity.
    public let polarity: Polarity
    /// The latest figure (nil when none, or withheld from this audience) and its period.
    public let latestPeriod: Period?
    public let latestValue: Double?
    /// The figure compared with (nil when none, or withheld) and its period.
    public let comparedPeriod: Period?
    public let comparedValue: Double?
    /// latest − compared, unrounded; nil when either is missing or withheld.
    public let change: Double?
    /// The simple method's tolerance.
    public let tolerance: Double?
    /// The 95% limits of the latest and compared figures (ci-overlap).
    public let latestInterval: FigureInterval?
    public let comparedInterval: FigureInterval?
    /// The recent-trend marker and χ² (recent-trend), and the periods of the points it used.
    public let trendMarker: TrendMarker?
    public let trendChiSquare: Double?
    public let trendPeriods: [Period]
    /// The latest point's special cause (spc).
    public let specialCause: SpecialCauseType?
    public let notCalculatedReason: DirectionNotCalculatedReason?
    public let format: ValueFormat

    /// True for the statistical methods (ci-overlap, recent-trend, spc).
    public var isStatistical: Bool { method != .simple }

    /// "Improving", "Static", "Declining", "Increasing", "Decreasing" or "Not calculated".
    public var label: String { direction.label }

    /// The arrow's symbol name: `arrow-up-improving`, `arrow-down-improving`, `arrow-up-declining`,
    /// `arrow-down-declining`, `arrow-flat-static`, `arrow-up-increasing`, `arrow-down-decreasing`, `arrow-none`.
    public var symbol: String {
        switch direction {
        case .notCalculated: "arrow-none"
        case .static: "arrow-flat-static"
        default: "arrow-\(movement.rawValue)-\(direction.rawValue)"
        }
    }

    /// The symbol naming what the arrow is against and how it is judged: `basis-simple-previous-period`,
    /// `basis-simple-same-period-last-year`, `basis-ci-overlap-previous-period`,
    /// `basis-ci-overlap-same-period-last-year`, `basis-recent-trend`, `basis-spc`.
    public var basisSymbol: String {
        switch method {
        case .simple, .confidenceIntervalOverlap: "basis-\(method.rawValue)-\(basis.rawValue)"
        case .recentTrend, .spc: "basis-\(method.rawValue)"
        }
    }

    /// The change as shown: "+1.4 pp", "-0.3 per 10,000"; nil when not known.
    public var changeText: String? { change.map(format.signedChangeText) }

    /// The judgement in words, e.g. "Improving: 17.0% in 2025 against 18.4% in 2024 (the previous
    /// period), down 1.4 pp; lower is better".
    public var reason: String {
        if let notCalculatedReason { return "Not calculated: \(notCalculatedReason.words)" }
        let polarityWords = AssessmentWording.polarityPhrase(polarity)
        let comparison = comparisonWords
        switch method {
        case .simple:
            if direction == .static {
                // The comparison already says so when the change shows as zero.
                if let change, format.isZeroWhenShown(change) { return "\(label): \(comparison)" }
                let within = (tolerance ?? 0) > 0 ? "less than the tolerance of \(format.amountText(tolerance ?? 0, trimmed: true))" : "no change at the figures shown"
                return "\(label): \(comparison), \(within)"
            }
            return "\(label): \(comparison); \(polarityWords)"
        case .confidenceIntervalOverlap:
            let intervals = [latestInterval, comparedInterval].compactMap { interval -> String? in
                guard let lower = interval?.lower95, let upper = interval?.upper95 else { return nil }
                return format.rangeText(lower, upper)
            }.joined(separator: " and ")
            let limits = intervals.isEmpty ? "" : " (\(intervals))"
            if direction == .static {
                return "\(label): \(comparison); the 95% confidence intervals overlap\(limits), so the change is not significant"
            }
            return "\(label): \(comparison); the 95% confidence intervals do not overlap\(limits), so the change is significant; \(polarityWords)"
        case .recentTrend:
            var detail: [String] = []
            if let first = trendPeriods.first, let last = trendPeriods.last { detail.append("\(first.label) to \(last.label)") }
            if let chi = trendChiSquare { detail.append("χ² = \((try? DfERounding.formatted(chi, decimalPlaces: 2)) ?? String(chi))") }
            let span = detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))"
            let trendWords = direction == .static
                ? "no significant change over the last \(trendPeriods.count) periods\(span)"
                : "the trend over the last \(trendPeriods.count) periods\(span) is significant and \(movement == .up ? "increasing" : "decreasing"); \(polarityWords)"
            return "\(label): \(trendWords). \(comparison.prefix(1).uppercased() + comparison.dropFirst())"
        case .spc:
            let cause = specialCause.map { $0 == .commonCause ? "common cause variation" : "special cause (\($0.plotTheDotsLabel))" } ?? "not classified"
            let tail = direction == .static ? "" : "; \(polarityWords)"
            return "\(label): SPC (Making Data Count) shows the latest figure as \(cause)\(tail). \(comparison.prefix(1).uppercased() + comparison.dropFirst())"
        }
    }

    /// "17.0% in 2025 against 18.4% in 2024 (the previous period), down 1.4 pp".
    private var comparisonWords: String {
        let latestWords = AssessmentWording.value(latestValue, format: format, isMilestone: false)
        guard let comparedPeriod else { return "\(latestWords) in \(latestPeriod?.label ?? "")" }
        let comparedWords = AssessmentWording.value(comparedValue, format: format, isMilestone: false)
        let basisWords = basis == .previousPeriod ? "the previous period" : "the same period last year"
        var words = "\(latestWords) in \(latestPeriod?.label ?? "") against \(comparedWords) in \(comparedPeriod.label) (\(basisWords))"
        if let change {
            words += format.isZeroWhenShown(change) ? ", no change at the figures shown" : ", \(change > 0 ? "up" : "down") \(format.amountText(change))"
        }
        return words
    }

    /// The direction of travel of `latest` against `compared` (the previous period's figure or the
    /// same period last year's), with `series` (the council's figures of the latest's period kind
    /// with values, oldest first, ending with the latest) for the statistical methods. For the
    /// public, the figures (not the judgement) are blanked when either figure is a small count.
    ///
    /// `previous` is the council's figure for the period before the latest (of its kind), with or
    /// without a value: when it has none, a comparison with the previous period (simple or
    /// ci-overlap) is not calculated rather than made with an older figure.
    static func assess(
        latest: Observation?, previous: Observation? = nil, comparedAt: Int?, series: ObservationSeries, measure: Measure,
        settings: MeasureAssessmentSettings, audience: Audience
    ) -> DirectionOfTravel {
        let policy = DisclosurePolicy.dfe
        func hidden(_ observation: Observation?) -> Bool {
            guard let observation else { return false }
            return policy.cell(for: observation, unit: measure.unit, audience: audience).isSuppressed
        }
        let latestHidden = hidden(latest)
        // Read from the series where it lies; copied whole only where a method needs it. A previous
        // period without a figure (`gap`) stops a comparison with the previous period.
        let comparesPrevious = settings.directionBasis == .previousPeriod && [.simple, .confidenceIntervalOverlap].contains(measure.directionOfTravel)
        let gap = comparesPrevious ? previous.flatMap { $0.value == nil ? $0 : nil } : nil
        let comparedAt = gap == nil ? comparedAt : nil
        let comparedPeriod = gap?.period ?? comparedAt.map { series[$0].period }
        let comparedValue = comparedAt.flatMap { series[$0].value }
        let comparedHidden = audience.appliesDisclosureControl && hidden(comparedAt.map { series[$0] })
        var change: Double?
        if let latestValue = latest?.value, let comparedValue, !latestHidden, !comparedHidden {
            change = latestValue - comparedValue
        }
        var outcome = Outcome()
        if settings.isMilestone {
            outcome.reason = .milestone
        } else if latest?.value != nil, let gap {
            outcome.reason = .previousFigureMissing(period: gap.period.label, symbol: gap.statusSymbol)
        } else if let latest, let latestValue = latest.value {
            outcome = judge(latest: latest, latestValue: latestValue, comparedAt: comparedAt, comparedValue: comparedValue,
                            series: series, measure: measure, settings: settings)
        } else if let latest {
            outcome.reason = .latestFigureMissing(period: latest.period.label, symbol: latest.statusSymbol)
        } else {
            outcome.reason = .noFigure
        }
        let blankIntervals = latestHidden || comparedHidden
        // The recent trend's χ² with the other points' counts can give back a withheld one (3 of
        // 40 found from "χ² = 1.55" by exploratory testing): for the public it is not stated when
        // any point it used is withheld; the judgement stands.
        if audience.appliesDisclosureControl, outcome.trendChiSquare != nil {
            let used = Set(outcome.trendPeriods.map(\.label))
            if series.contains(where: { used.contains($0.period.label) && hidden($0) }) { outcome.trendChiSquare = nil }
        }
        return DirectionOfTravel(
            method: measure.directionOfTravel, basis: settings.directionBasis,
            direction: outcome.reason == nil ? TravelDirection(movement: outcome.movement, polarity: measure.polarity) : .notCalculated,
            movement: outcome.reason == nil ? outcome.movement : .none, polarity: measure.polarity,
            latestPeriod: latest?.period, latestValue: latestHidden ? nil : latest?.value,
            comparedPeriod: comparedPeriod, comparedValue: comparedHidden ? nil : comparedValue,
            change: change, tolerance: settings.staticTolerance,
            latestInterval: blankIntervals ? nil : outcome.latestInterval, comparedInterval: blankIntervals ? nil : outcome.comparedInterval,
            trendMarker: outcome.trendMarker, trendChiSquare: outcome.trendChiSquare, trendPeriods: outcome.trendPeriods,
            specialCause: outcome.specialCause, notCalculatedReason: outcome.reason, format: ValueFormat(measure)
        )
    }

    /// What a method found.
    private struct Outcome {
        var movement = Movement.none
        var reason: DirectionNotCalculatedReason?
        var latestInterval: FigureInterval?
        var comparedInterval: FigureInterval?
        var trendMarker: TrendMarker?
        var trendChiSquare: Double?
        var trendPeriods: [Period] = []
        var specialCause: SpecialCauseType?

        init(movement: Movement = .none, reason: DirectionNotCalculatedReason? = nil) {
            self.movement = movement
            self.reason = reason
        }
    }

    /// The movement by the measure's method.
    private static func judge(
        latest: Observation, latestValue: Double, comparedAt: Int?, comparedValue: Double?, series: ObservationSeries,
        measure: Measure, settings: MeasureAssessmentSettings
    ) -> Outcome {
        switch measure.directionOfTravel {
        case .simple:
            guard let comparedValue else { return Outcome(reason: .noComparisonFigure(settings.directionBasis)) }
            let change = latestValue - comparedValue
            let tolerance = settings.staticTolerance ?? 0
            // Below the tolerance, by more than the figures' rounding error: 4.4 − 4.9 is a change
            // of exactly the tolerance 0.5, however the subtraction rounds, and is not static.
            let slack = 1e-9 * max(1, abs(latestValue), abs(comparedValue))
            let isStatic = abs(change) < tolerance - slack || ValueFormat(measure).isZeroWhenShown(change)
            return Outcome(movement: isStatic ? .flat : (change > 0 ? .up : .down))

        case .confidenceIntervalOverlap:
            guard let comparedAt else { return Outcome(reason: .noComparisonFigure(settings.directionBasis)) }
            let compared = series[comparedAt]
            var outcome = Outcome()
            let latestInterval = FigureInterval.of(latest, unit: measure.unit)
            let comparedInterval = FigureInterval.of(compared, unit: measure.unit)
            outcome.latestInterval = latestInterval
            outcome.comparedInterval = comparedInterval
            do {
                let marker = try ChangeFromPrevious.marker(
                    latest: TrendPoint(value: latestValue, lower95: latestInterval.lower95, upper95: latestInterval.upper95),
                    previous: TrendPoint(value: compared.value, lower95: comparedInterval.lower95, upper95: comparedInterval.upper95)
                )
                switch marker {
                case .noChange: outcome.movement = .flat
                case .increasing: outcome.movement = .up
                case .decreasing: outcome.movement = .down
                case .cannotBeCalculated: outcome.reason = .noConfidenceIntervals
                }
            } catch {
                outcome.reason = .invalidData(error.description)
            }
            return outcome

        case .recentTrend:
            var outcome = Outcome()
            let points = series.map { observation in
                let interval = FigureInterval.of(observation, unit: measure.unit)
                return (observation.period, TrendPoint(value: observation.value, lower95: interval.lower95, upper95: interval.upper95))
            }
            outcome.trendPeriods = points.filter { $0.1.value != nil && $0.1.lower95 != nil && $0.1.upper95 != nil }
                .suffix(RecentTrend.pointsToUse).map(\.0)
            do {
                let trend = try RecentTrend.calculate(points.map(\.1), path: .ciWeighted)
                outcome.trendMarker = trend.marker
                outcome.trendChiSquare = trend.chiSquare
                switch trend.marker {
                case .noChange: outcome.movement = .flat
                case .increasing: outcome.movement = .up
                case .decreasing: outcome.movement = .down
                case .cannotBeCalculated: outcome.reason = .trendUnavailable(trend.unavailableReason ?? .fewerThanFiveValidPoints)
                }
            } catch {
                outcome.reason = .invalidData(error.description)
            }
            return outcome

        case .spc:
            guard series.count >= SPCSummary.minimumPoints else { return Outcome(reason: .tooFewPointsForSPC(series.count)) }
            do {
                let analysis = try XmRChart.analyse(
                    series.xmrPoints,
                    options: XmROptions(improvementDirection: ImprovementDirection(polarity: measure.polarity))
                )
                guard let cause = analysis.points.last?.specialCause else { return Outcome(reason: .tooFewPointsForSPC(series.count)) }
                var outcome = Outcome(movement: cause.highOrLow > 0 ? .up : cause.highOrLow < 0 ? .down : .flat)
                outcome.specialCause = cause
                return outcome
            } catch {
                return Outcome(reason: .invalidData(error.description))
            }
        }
    }
}
