/// A measure's status, direction of travel and statistical process control signals read together
/// in a few plain sentences, so a reader need not reconcile three judgements that answer different
/// questions (PRODUCT.md R2, R4 and §9 of METHODS.md; members asking "what do the arrows mean"):
///
/// "Not on track: 79.6% is short of the target of 85% by more than its tolerance. Since 2025/26 Q4
/// it has not changed by enough to count as better or worse. Over the longer run, though, the 17
/// figures charted show a real improvement, beyond their usual variation. Their usual range, 74.2%
/// to 80.2%, lies wholly below the target, so it will not be met without a change in how the
/// service works."
public struct MeasureInShort: Sendable, Hashable {
    public let sentences: [String]

    public var text: String { sentences.joined(separator: " ") }

    public init(_ m: MeasureAssessment) {
        let format = m.format
        var sentences: [String] = []
        let status = m.status
        let target = status.reportedTarget.map { format.trimmedText($0.target.value) }
        // A figure that reads as its target, though judged on either side of it, is shown to the
        // places that part them.
        let figure = m.latest.flatMap { latest in
            latest.value.map { value in
                let apart = status.reportedTarget.map { format.apart(value, from: $0.target.edges) } ?? format
                return apart.decimalPlaces == format.decimalPlaces ? latest.text : apart.text(value)
            }
        } ?? "the latest figure"
        // Where lower is better a figure that misses is above its target, not short of it.
        let misses = !status.isMilestone && m.measure.polarity == .lowIsGood ? "is above the target of" : "is short of the target of"
        let beyondTolerance = (status.reportedTarget?.target.tolerance ?? 0) > 0 ? " by more than its tolerance." : "."
        switch status.status {
        case .onTrack:
            if let target {
                sentences.append(status.isWithinTolerance
                    ? "On track within tolerance: \(figure) \(misses) \(target), but by no more than its tolerance."
                    : "On track: \(figure) meets the target of \(target).")
            } else {
                sentences.append("On track.")
            }
        case .notOnTrack:
            sentences.append(target.map { "Not on track: \(figure) \(misses) \($0)\(beyondTolerance)" } ?? "Not on track.")
        case .completed: sentences.append("Completed.")
        case .notDue: sentences.append("No new figure was due this period, so the last one stands.")
        case .noData:
            sentences.append(status.period.map { "There is no figure for \($0.label), the latest period: it was published \(status.publishedSymbol.map { "as “\($0.rawValue)”" } ?? "without one")." } ?? "There is no figure yet.")
        case .notJudged:
            sentences.append(status.notJudgedReason == .noDirection
                ? "Not judged against a target: neither a higher nor a lower figure is better."
                : "Not judged against a target: none is in force.")
        }
        // A judgement on a figure a newer one should have replaced says so where it is made, not
        // only in the currency beside it (found by exploratory testing).
        if m.currency.state == .stale, let period = m.currency.latestPeriod, status.status == .onTrack || status.status == .notOnTrack {
            let due = m.currency.nextUpdateDue.map { " by \($0.displayText)" } ?? ""
            sentences.append("That figure, for \(period.label), is out of date: a newer one was due\(due).")
        }

        let direction = m.direction
        let since = direction.comparedPeriod.map { "Since \($0.label)" } ?? "Lately"
        let travelled: String? = switch direction.direction {
        case .improving: "\(since) it has improved."
        case .declining: "\(since) it has got worse."
        case .static: "\(since) it has not changed by enough to count as better or worse."
        case .increasing: "\(since) it has risen."
        case .decreasing: "\(since) it has fallen."
        case .notCalculated: nil
        }
        if let travelled { sentences.append(travelled) }

        if let spc = m.spc, let icon = spc.variationIcon {
            let longRun = Self.sense(of: icon) != Self.sense(of: direction.direction) && travelled != nil
                ? "Over the longer run, though, the \(spc.pointCount) figures charted"
                : "Over the longer run, the \(spc.pointCount) figures charted"
            let variation = switch icon {
            case .commonCause: "\(longRun) vary only as much as they usually do."
            case .improvementHigh, .improvementLow: "\(longRun) show a real improvement, beyond their usual variation."
            case .concernHigh, .concernLow: "\(longRun) show a real deterioration, beyond their usual variation."
            case .neutralHigh: "\(longRun) show a real rise, beyond their usual variation."
            case .neutralLow: "\(longRun) show a real fall, beyond their usual variation."
            }
            sentences.append(variation)
            if let assurance = spc.assuranceIcon, let target = spc.target, let latest = spc.analysis.points.last,
               let lower = latest.lowerProcessLimit, let upper = latest.upperProcessLimit {
                let range = "Their usual range, \(format.text(lower)) to \(format.text(upper)),"
                let highIsGood = m.measure.polarity != .lowIsGood
                let targetText = format.trimmedText(target)
                // Whether the usual range lies short of the target by more than its tolerance too, where
                // a figure within the tolerance would be unusual.
                let tolerance = status.reportedTarget?.target.tolerance ?? 0
                let rangeBeyondTolerance = highIsGood ? upper < target - tolerance : lower > target + tolerance
                // A real change shown by a run of figures, not by the latest one alone lying outside
                // the range: the range then spans the figures from before the change, and no longer
                // says what to expect of them (found by exploratory testing). The latest figure outside
                // the range is alone only where the one before it shows no special cause the same way,
                // by any rule: after a run of figures above the mean, one above the range is that
                // change's latest (a run below the mean that one high figure made is no such change).
                let before = spc.analysis.points.dropLast().last
                let sameWay = before?.specialCause.map { $0.highOrLow != 0 && $0.highOrLow == latest.specialCause?.highOrLow } ?? false
                let latestAlone = latest.isOutsideLimits == true && before?.isOutsideLimits != true && !sameWay
                let sense = latestAlone ? 0 : Self.sense(of: icon)
                let assured = switch assurance {
                case .consistentFail where sense > 0:
                    "\(range) lies wholly \(highIsGood ? "below" : "above") the target of \(targetText), but it spans figures from before the improvement, so whether the target can now be met will show once the figures since give a range of their own."
                case .consistentPass where sense < 0:
                    "\(range) lies wholly \(highIsGood ? "above" : "below") the target of \(targetText), but it spans figures from before the deterioration, so the target can no longer be relied on to be met."
                // The latest figure can fall outside its usual range: then it is said, not contradicted.
                // Within tolerance: unusual only where the usual range lies beyond the tolerance too.
                case .consistentFail where status.status == .onTrack && status.isWithinTolerance:
                    rangeBeyondTolerance
                        ? "\(range) lies wholly \(highIsGood ? "below" : "above") the target of \(targetText) and its tolerance, so this figure's coming within the tolerance is unusual: the target will not be met without a change in how the service works."
                        : "\(range) lies wholly \(highIsGood ? "below" : "above") the target of \(targetText), so it will not be met without a change in how the service works."
                case .consistentFail where status.status == .onTrack:
                    "\(range) lies wholly \(highIsGood ? "below" : "above") the target of \(targetText), so this figure's meeting it is unusual: it will not go on being met without a change in how the service works."
                case .consistentFail:
                    "\(range) lies wholly \(highIsGood ? "below" : "above") the target of \(targetText), so it will not be met without a change in how the service works."
                case .consistentPass where status.status == .notOnTrack || status.isWithinTolerance:
                    "\(range) lies wholly \(highIsGood ? "above" : "below") the target of \(targetText), so this figure's missing it is unusual: it can be expected to be met again."
                case .consistentPass:
                    "\(range) lies wholly \(highIsGood ? "above" : "below") the target of \(targetText), so it can be expected to go on being met."
                case .inconsistent where sense != 0:
                    "\(range) takes in the target of \(targetText), but it spans figures from before the \(sense > 0 ? "improvement" : "deterioration"), so how often the target will be met will show once the figures since give a range of their own."
                case .inconsistent:
                    "\(range) takes in the target of \(targetText), so it will be met in some periods and missed in others."
                }
                sentences.append(assured)
            }
        }
        self.sentences = sentences
    }

    /// +1 better, −1 worse, 0 neither (for "though" when the short and long run disagree).
    private static func sense(of icon: VariationIcon) -> Int {
        switch icon {
        case .improvementHigh, .improvementLow: 1
        case .concernHigh, .concernLow: -1
        case .commonCause, .neutralHigh, .neutralLow: 0
        }
    }

    private static func sense(of direction: TravelDirection) -> Int {
        switch direction {
        case .improving: 1
        case .declining: -1
        case .static, .increasing, .decreasing, .notCalculated: 0
        }
    }
}
