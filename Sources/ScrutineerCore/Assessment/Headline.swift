/// Counts of measures by status and by direction of travel (PRODUCT.md R2).
public struct HeadlineCounts: Sendable, Hashable, Codable {
    /// How many measures.
    public internal(set) var measures = 0
    /// On track, including those within tolerance.
    public internal(set) var onTrack = 0
    /// On track only within tolerance (also counted in `onTrack`).
    public internal(set) var withinTolerance = 0
    /// Not on track.
    public internal(set) var notOnTrack = 0
    /// Completed milestones.
    public internal(set) var completed = 0
    /// Not due this period.
    public internal(set) var notDue = 0
    /// No figure.
    public internal(set) var noData = 0
    /// A figure but no judgement.
    public internal(set) var notJudged = 0
    /// Improving.
    public internal(set) var improving = 0
    /// Static.
    public internal(set) var `static` = 0
    /// Declining.
    public internal(set) var declining = 0
    /// Up or down for measures with no better or worse direction.
    public internal(set) var increasing = 0
    /// Down for measures with no better or worse direction.
    public internal(set) var decreasing = 0
    /// No direction could be worked out.
    public internal(set) var directionNotCalculated = 0

    /// The counts over `measures`.
    public init(_ measures: [MeasureAssessment]) {
        for assessment in measures {
            self.measures += 1
            switch assessment.status.status {
            case .onTrack:
                onTrack += 1
                if assessment.status.isWithinTolerance { withinTolerance += 1 }
            case .notOnTrack: notOnTrack += 1
            case .completed: completed += 1
            case .notDue: notDue += 1
            case .noData: noData += 1
            case .notJudged: notJudged += 1
            }
            switch assessment.direction.direction {
            case .improving: improving += 1
            case .static: self.static += 1
            case .declining: declining += 1
            case .increasing: increasing += 1
            case .decreasing: decreasing += 1
            case .notCalculated: directionNotCalculated += 1
            }
        }
    }

    /// On track or completed: the minutes' "16 were on track or had been completed".
    public var onTrackOrCompleted: Int { onTrack + completed }

    /// How many have `status`.
    public func count(_ status: MeasureStatus) -> Int {
        switch status {
        case .onTrack: onTrack
        case .notOnTrack: notOnTrack
        case .completed: completed
        case .notDue: notDue
        case .noData: noData
        case .notJudged: notJudged
        }
    }

    /// How many travel in `direction`.
    public func count(_ direction: TravelDirection) -> Int {
        switch direction {
        case .improving: improving
        case .static: self.static
        case .declining: declining
        case .increasing: increasing
        case .decreasing: decreasing
        case .notCalculated: directionNotCalculated
        }
    }
}

/// The headline of one theme.
public struct ThemeHeadline: Sendable, Hashable, Codable {
    /// The theme.
    public let name: String
    /// Its counts.
    public let counts: HeadlineCounts
    /// "Of the four key business measures in Child Protection, three were on track or had been
    /// completed; the other one was not on track. By direction of travel, three were improving,
    /// none static and one declining."
    public let sentence: String
}

/// The report's opening: counts by status and direction, overall and per theme, and the sentence
/// the minutes quote (PRODUCT.md R2).
///
/// Numbers below 10 are words ("none", "one" … "nine") and 10 or more are digits, as the minutes
/// write them: "Of the 22 key business measures, 16 were on track or had been completed; the other
/// six were not on track. By direction of travel, 14 were improving, two static and four declining;
/// for two no direction could be worked out."
public struct Headline: Sendable, Hashable, Codable {
    /// Counts over every measure.
    public let counts: HeadlineCounts
    /// "Of the 22 key business measures, 16 were on track or had been completed; the other six were
    /// not on track. By direction of travel, 14 were improving, two static and four declining; …"
    public let sentence: String
    /// Each theme's counts and sentence, in report order.
    public let themes: [ThemeHeadline]

    /// The headline of `themes`, calling the measures `noun` (plural) and `singular`.
    public init(themes: [ThemeAssessment], noun: String, singular: String) {
        let all = themes.flatMap(\.measures)
        counts = HeadlineCounts(all)
        sentence = Headline.sentence(counts, noun: noun, singular: singular, theme: nil, lastMissed: all.count { $0.status.lastFigureMissed })
        self.themes = themes.map { theme in
            let counts = HeadlineCounts(theme.measures)
            return ThemeHeadline(
                name: theme.name, counts: counts,
                sentence: Headline.sentence(counts, noun: noun, singular: singular, theme: theme.name, lastMissed: theme.measures.count { $0.status.lastFigureMissed })
            )
        }
    }

    /// The minutes' sentence, "Of the 22 key business measures, 16 were on track or had been
    /// completed … two static and four declining", in two sentences so that no reader takes the
    /// directions for those of the measures on track: what became of every measure ("…; the other
    /// six were not on track."), then every measure's direction of travel ("By direction of travel,
    /// 14 were improving, two static and four declining; for two no direction could be worked
    /// out."). With `theme`: "Of the four key business measures in Child Protection, …". One
    /// measure: "The one key business measure was on track or had been completed; it was improving."
    /// Of those not due a new figure, `lastMissed` were not on track at their last: "…; of the
    /// other seven, one was not on track and six were not due a new figure (four of them not on
    /// track at their last)."
    public static func sentence(_ counts: HeadlineCounts, noun: String, singular: String, theme: String?, lastMissed: Int = 0) -> String {
        let place = theme.map { " in \($0)" } ?? ""
        guard counts.measures > 0 else { return "There are no \(noun)\(place)." }
        if counts.measures == 1 { return sentence(one: counts, singular: "\(singular)\(place)", lastMissed: lastMissed) }
        let count = AssessmentWording.count
        func were(_ n: Int) -> String { n == 1 ? "was" : "were" }
        let onTrack = counts.onTrackOrCompleted
        var status = "Of the \(count(counts.measures)) \(noun)\(place), \(count(onTrack)) \(were(onTrack)) on track or had been completed"
        let others = counts.measures - onTrack
        let rest = [MeasureStatus.notOnTrack, .notDue, .noData, .notJudged].filter { counts.count($0) > 0 }
        if rest.count == 1 {
            // With none on track, the rest are all of them, not "the other" ones.
            let who = onTrack > 0 ? "the other \(count(others))" : others == 2 ? "both" : "all \(count(others))"
            status += "; \(who) \(statusPhrase(rest[0], plural: others > 1, lastMissed: lastMissed))"
        } else if rest.count > 1 {
            let parts = rest.map { "\(count(counts.count($0))) \(statusPhrase($0, plural: counts.count($0) > 1, lastMissed: lastMissed))" }
            status += "; of \(onTrack > 0 ? "the other \(count(others))" : "them"), " + parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        }
        var travel = "By direction of travel, \(count(counts.improving)) \(were(counts.improving)) improving, \(count(counts.static)) static and \(count(counts.declining)) declining"
        if counts.increasing + counts.decreasing > 0 {
            travel += "; \(count(counts.increasing)) rose and \(count(counts.decreasing)) fell, having no better or worse direction"
        }
        if counts.directionNotCalculated > 0 { travel += "; for \(count(counts.directionNotCalculated)) no direction could be worked out" }
        return status + ". " + travel + "."
    }

    /// "The one key business measure in Education was not on track; it was declining."
    private static func sentence(one counts: HeadlineCounts, singular: String, lastMissed: Int) -> String {
        let status = MeasureStatus.allCases.first { counts.count($0) > 0 } ?? .noData
        let direction = TravelDirection.allCases.first { counts.count($0) > 0 } ?? .notCalculated
        let travel = switch direction {
        case .notCalculated: "no direction of travel could be worked out"
        default: "it was \(direction.rawValue)"
        }
        let statusWords = status == .onTrack || status == .completed ? "was on track or had been completed" : statusPhrase(status, plural: false, lastMissed: lastMissed)
        return "The one \(singular) \(statusWords); \(travel)."
    }

    /// "were not on track", "was not due a new figure", "had no figure", "could not be judged";
    /// not due with `lastMissed` of them not on track at their last figure, "were not due a new
    /// figure (two of them not on track at their last)".
    private static func statusPhrase(_ status: MeasureStatus, plural: Bool, lastMissed: Int) -> String {
        let be = plural ? "were" : "was"
        return switch status {
        case .onTrack: "\(be) on track"
        case .completed: "had been completed"
        case .notOnTrack: "\(be) not on track"
        case .notDue where lastMissed > 0:
            "\(be) not due a new figure (\(plural ? "\(AssessmentWording.count(lastMissed)) of them not on track at their last" : "not on track at its last"))"
        case .notDue: "\(be) not due a new figure"
        case .noData: "had no figure"
        case .notJudged: "could not be judged"
        }
    }
}
