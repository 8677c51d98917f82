/// A measure's status for the reporting period (PRODUCT.md R2).
public enum MeasureStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Meets the target in force, or falls short by no more than its tolerance.
    case onTrack = "on-track"
    /// Falls short of the target in force by more than its tolerance.
    case notOnTrack = "not-on-track"
    /// A milestone measure that has been completed.
    case completed
    /// No new figure was due in the reporting period (an annual measure mid-year): not red.
    case notDue = "not-due"
    /// No figure at all.
    case noData = "no-data"
    /// A figure but no judgement: no target in force, or a measure with no better or worse direction.
    case notJudged = "not-judged"

    /// "On track", "Not on track", "Completed", "Not due", "No data", "Not judged".
    public var label: String {
        switch self {
        case .onTrack: "On track"
        case .notOnTrack: "Not on track"
        case .completed: "Completed"
        case .notDue: "Not due"
        case .noData: "No data"
        case .notJudged: "Not judged"
        }
    }
}

/// How a figure compares with one target.
public enum TargetResult: String, Sendable, Hashable, CaseIterable, Codable {
    /// The target is met (hitting it exactly counts).
    case met
    /// Short of the target by no more than its tolerance: on track, shown amber.
    case withinTolerance = "within-tolerance"
    /// Short of the target by more than its tolerance.
    case missed
    /// The figure cannot be compared (no better or worse direction, or no value).
    case notCompared = "not-compared"

    /// The words used in reasons: "on track", "on track (within tolerance)", "not on track", "not compared".
    public var words: String {
        switch self {
        case .met: "on track"
        case .withinTolerance: "on track (within tolerance)"
        case .missed: "not on track"
        case .notCompared: "not compared"
        }
    }
}

/// One target in force and how the latest figure compares with it.
public struct TargetJudgement: Sendable, Hashable, Codable {
    /// The target version in force.
    public let target: Target
    /// Met, within tolerance, missed or not compared.
    public let result: TargetResult

    /// The order in which target kinds are reported when several apply and the measure names
    /// none: a trajectory value for the period first (the most specific), then local, statutory, national.
    public static let defaultReportingOrder: [TargetKind] = [.trajectory, .local, .statutory, .national]

    /// The targets of a measure in force for a figure covering `period`, as at `date` (the
    /// reporting period's last day): a version applies when `date` lies in its validity and, if it
    /// names a period, that period is `period`. Of several versions of one kind the highest version
    /// (then the latest `validFrom`) is used; the result has one target per kind.
    public static func targetsInForce(_ targets: [Target], for period: Period, at date: CalendarDate) -> [Target] {
        var chosen: [TargetKind: Target] = [:]
        for target in targets where target.validFrom <= date && (target.validTo.map { date <= $0 } ?? true)
            && (target.periodLabel.map { $0 == period.label } ?? true) {
            if let current = chosen[target.kind],
               (current.version, current.validFrom) >= (target.version, target.validFrom) { continue }
            chosen[target.kind] = target
        }
        return defaultReportingOrder.compactMap { chosen[$0] }
    }

    /// The targets that judge a figure covering `period`, reported in the period ending
    /// `reportingEnd`: of each kind, the version in force on the figure's period's last day, as the
    /// charts draw each period's target, so a figure is judged against the target set for its own
    /// period, not one that had expired or not yet begun by then; where no version of a kind was in
    /// force then (a target first set after the figure's period, as for figures published a year
    /// or two late), the version in force at `reportingEnd`. One target per kind, in the default
    /// reporting order.
    public static func targetsJudging(_ targets: [Target], figureFor period: Period, reportedAt reportingEnd: CalendarDate) -> [Target] {
        let then = targetsInForce(targets, for: period, at: period.end)
        let now = targetsInForce(targets, for: period, at: reportingEnd)
        let kinds = Set(then.map(\.kind))
        let chosen = then + now.filter { !kinds.contains($0.kind) }
        return defaultReportingOrder.compactMap { kind in chosen.first { $0.kind == kind } }
    }

    /// Compares `value` with `target` for a measure of `polarity` (METHODS.md §10, single value: met
    /// when at or beyond the target; then, with a tolerance, within tolerance when at or beyond the
    /// target moved by the tolerance towards worse). No judgement ⇒ not compared.
    public static func judge(_ value: Double, against target: Target, polarity: Polarity) -> TargetResult {
        func meets(_ limit: Double) -> Bool? {
            guard let outcome = try? TargetComparison.compare(
                ValueWithConfidenceLimits(value: value), against: .singleValue(limit), polarity: polarity
            ), outcome != .notCompared else { return nil }
            return outcome == .better
        }
        guard let met = meets(target.value) else { return .notCompared }
        if met { return .met }
        if let tolerance = target.tolerance, tolerance > 0 {
            // A shortfall of exactly the tolerance is within it, however the subtraction rounds
            // in binary (70.2 − 0.6 is 69.60000000000001), as direction of travel's static band.
            let shortfall = polarity == .lowIsGood ? value - target.value : target.value - value
            let slack = 1e-9 * max(1, abs(value), abs(target.value))
            if shortfall <= tolerance + slack { return .withinTolerance }
        }
        return .missed
    }
}

/// Why a measure with a figure has no status judgement.
public enum NotJudgedReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// No target is in force for the period.
    case noTarget = "no-target"
    /// The measure has no better or worse direction, so no target can be met or missed.
    case noDirection = "no-direction"
}

/// A measure's status for the period, with every target that applies, the one reported against,
/// and the reason in words (PRODUCT.md R2, R3).
///
/// Order of the rules: no figure ⇒ no data; a completed milestone ⇒ completed; currency not due ⇒
/// not due (with what the latest figure showed kept in `reportedTarget`); no better/worse direction
/// or no target in force ⇒ not judged; otherwise the reported target decides: met ⇒ on track
/// (green), within tolerance ⇒ on track shown amber, missed ⇒ not on track (red).
public struct StatusAssessment: Sendable, Hashable, Codable {
    /// The status.
    public let status: MeasureStatus
    /// The target the committee reports against (`MeasureAssessmentSettings.reportAgainst`, else
    /// the first of trajectory, local, statutory, national in force).
    public let reportedTarget: TargetJudgement?
    /// Every target in force, each judged, in the order trajectory, local, statutory, national.
    public let targets: [TargetJudgement]
    /// Why there is no judgement, for `.notJudged`.
    public let notJudgedReason: NotJudgedReason?
    /// The period of the figure judged.
    public let period: Period?
    /// The figure judged, or nil when withheld from this audience (or none).
    public let value: Double?
    /// When the figure judged was published.
    public let published: CalendarDate?
    /// For no data where the latest period was published without a figure: the symbol published
    /// instead (c, u, -…), or nil for none given. `period` is then that period.
    public let publishedSymbol: StatusSymbol?
    /// The period reported on.
    public let reportingPeriod: Period
    public let format: ValueFormat
    public let isMilestone: Bool

    /// True when on track only because the shortfall is within the target's tolerance.
    public var isWithinTolerance: Bool { status == .onTrack && reportedTarget?.result == .withinTolerance }

    /// Not due a new figure, and the last one missed its target by more than the tolerance: not
    /// red (PRODUCT.md R7), but still off track until a new figure says otherwise, so the report
    /// says so and asks for commentary (R9; found by exploratory testing: a headline of "none not
    /// on track" above six annual measures whose last figures missed).
    public var lastFigureMissed: Bool { status == .notDue && reportedTarget?.result == .missed }

    /// Not on track, or not due with the last figure not on track: the measures that need
    /// commentary to say why and what is being done (R9).
    public var isOffTrack: Bool { status == .notOnTrack || lastFigureMissed }

    /// " (not due a new figure; the last, for 2024, was not on track)" after a measure's title in a
    /// list of those off track, or "" for one not on track now.
    public var offTrackNote: String {
        lastFigureMissed ? " (not due a new figure; the last, for \(period?.label ?? ""), was not on track)" : ""
    }

    /// Green for on track and completed, amber for on track within tolerance, red for not on
    /// track, grey for not due, no data and not judged. Always shown with `label`.
    public var colour: RAGColour {
        switch status {
        case .onTrack: isWithinTolerance ? .amber : .green
        case .completed: .green
        case .notOnTrack: .red
        case .notDue, .noData, .notJudged: .grey
        }
    }

    /// "On track", "On track (within tolerance)", "Not on track", "Completed", "Not due", "No data", "Not judged".
    public var label: String { isWithinTolerance ? "On track (within tolerance)" : status.label }

    /// The symbol name: `status-on-track`, `status-within-tolerance`, `status-not-on-track`, …
    public var symbol: String { isWithinTolerance ? "status-within-tolerance" : "status-\(status.rawValue)" }

    /// Decides the status of the council's latest figure (`latest`, nil when none) shown to the
    /// audience as `shownValue`.
    static func assess(
        latest: Observation?, shownValue: Double?, currency: DataCurrency, measure: Measure,
        settings: MeasureAssessmentSettings, targets: [Target], reportingPeriod: Period
    ) -> StatusAssessment {
        let format = ValueFormat(measure)
        guard let latest, let value = latest.value else {
            return StatusAssessment(
                status: .noData, reportedTarget: nil, targets: [], notJudgedReason: nil, period: latest?.period, value: nil,
                published: latest?.published, publishedSymbol: latest?.statusSymbol, reportingPeriod: reportingPeriod, format: format,
                isMilestone: settings.isMilestone
            )
        }
        let polarity: Polarity = settings.isMilestone ? .highIsGood : measure.polarity
        let inForce = TargetJudgement.targetsJudging(targets, figureFor: latest.period, reportedAt: reportingPeriod.end)
        let judged = inForce.map { TargetJudgement(target: $0, result: TargetJudgement.judge(value, against: $0, polarity: polarity)) }
        var reported: TargetJudgement?
        if let kind = settings.reportAgainst { reported = judged.first { $0.target.kind == kind } }
        if reported == nil { reported = judged.first }  // `judged` is in the default reporting order

        let status: MeasureStatus
        var notJudged: NotJudgedReason?
        if settings.isMilestone && value >= 1 {
            status = .completed
        } else if currency.state == .notDue {
            status = .notDue
        } else if polarity == .noJudgement {
            status = .notJudged
            notJudged = .noDirection
        } else if let reported {
            switch reported.result {
            case .met, .withinTolerance: status = .onTrack
            case .missed: status = .notOnTrack
            case .notCompared:
                status = .notJudged
                notJudged = .noDirection
            }
        } else {
            status = .notJudged
            notJudged = .noTarget
        }
        return StatusAssessment(
            status: status, reportedTarget: reported, targets: judged, notJudgedReason: notJudged, period: latest.period,
            value: shownValue, published: latest.published, publishedSymbol: nil, reportingPeriod: reportingPeriod, format: format,
            isMilestone: settings.isMilestone
        )
    }

    /// The judgement in words, e.g. "Not on track: 61.2% against a local target of 70% (tolerance
    /// 2 pp), published 14 Nov 2024".
    public var reason: String {
        guard let period else { return "No data: no figure up to \(reportingPeriod.label)" }
        let valueWords = AssessmentWording.value(value, format: format, isMilestone: isMilestone)
        let published = self.published.map { ", published \($0.displayText)" } ?? ""
        switch status {
        case .noData:
            // "No data: 2024, the latest period, was published as “c” on 30 Oct 2025. Confidential: withheld …"
            let on = self.published.map { " on \($0.displayText)" } ?? ""
            guard let publishedSymbol else { return "No data: \(period.label), the latest period, was published\(on) without a figure" }
            return "No data: \(period.label), the latest period, was published as “\(publishedSymbol.rawValue)”\(on). \(publishedSymbol.meaning)"
        case .completed:
            return "Completed in \(period.label)\(published)"
        case .notDue:
            var words = "Not due: no new figure was due in \(reportingPeriod.label); the latest is \(valueWords) for \(period.label)\(published)"
            if let reportedTarget, reportedTarget.result != .notCompared {
                words += ", \(reportedTarget.result.words) against \(targetWords(reportedTarget.target))"
            }
            return words
        case .notJudged:
            switch notJudgedReason {
            case .noDirection:
                return "Not judged: \(valueWords) for \(period.label)\(published); this measure has no better or worse direction, so it has no target status"
            case .noTarget, nil:
                return "Not judged: \(valueWords) for \(period.label)\(published); no target is in force"
            }
        case .onTrack, .notOnTrack:
            guard let reportedTarget else { return label }
            // The example the committee asked for: "Not on track: 61.2% against a local target of
            // 70% (tolerance 2 pp), published 14 Nov 2024"; with no publication date, the period.
            let when = self.published == nil ? " for \(period.label)" : ""
            // A figure that would read as the target or its tolerance's edge is written to the places that part them.
            let judged = value.map { AssessmentWording.value($0, format: format.apart($0, from: reportedTarget.target.edges), isMilestone: isMilestone) } ?? valueWords
            var words = "\(label): \(judged)\(when) against \(targetWords(reportedTarget.target))\(published)"
            for other in targets where other.target.kind != reportedTarget.target.kind {
                words += ". Against \(targetWords(other.target, definite: true)): \(other.result.words)"
            }
            return words
        }
    }

    /// "a local target of 70% (tolerance 2 pp)", "a trajectory target of 65% for 2024/25 Q2",
    /// "the national target of 60%"; for milestones "a local target of completion".
    private func targetWords(_ target: Target, definite: Bool = false) -> String {
        let kind = AssessmentWording.targetKind(target.kind)
        let article = definite ? "the" : AssessmentWording.article(before: kind)
        let valueWords = isMilestone ? (target.value >= 1 ? "completion" : "not yet complete") : format.trimmedText(target.value)
        var words = "\(article) \(kind) of \(valueWords)"
        if let tolerance = target.tolerance, tolerance > 0, !isMilestone {
            words += " (tolerance \(format.amountText(tolerance, trimmed: true)))"
        }
        if let label = target.periodLabel { words += " for \(label)" }
        return words
    }
}
