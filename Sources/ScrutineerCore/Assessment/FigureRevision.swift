/// A version of one of the council's figures that a later import replaced, beside the version that
/// replaced it (PRODUCT.md R7 and R15: "a later publication of the same cell supersedes it and the
/// old value stays in history"). A member who finds last quarter's figure changed since the
/// committee saw it reads here what it was, what it became, when and from which file.
public struct FigureRevision: Sendable, Hashable, Codable {
    /// The period and breakdown of the figure.
    public var period: Period
    public var breakdown: Breakdown
    /// The replaced version, as the audience may see it (a symbol when withheld).
    public var before: PublishedCell
    /// The version that replaced it (the next in its history, else the figure standing now), as
    /// the audience may see it.
    public var after: PublishedCell
    /// When the replacing import was made (ISO 8601, UTC).
    public var revisedAt: String
    /// The files the two versions came from.
    public var beforeSource: String
    public var afterSource: String

    public init(period: Period, breakdown: Breakdown, before: PublishedCell, after: PublishedCell, revisedAt: String, beforeSource: String, afterSource: String) {
        self.period = period
        self.breakdown = breakdown
        self.before = before
        self.after = after
        self.revisedAt = revisedAt
        self.beforeSource = beforeSource
        self.afterSource = afterSource
    }
}

/// A figure an import replaced, as the store's history keeps it: the version, and when the import
/// that replaced it was made (its audit id orders two replacements of one cell).
public struct ReplacedFigure: Sendable, Hashable {
    public var observation: Observation
    public var replacedBy: Int
    public var replacedAt: String

    public init(observation: Observation, replacedBy: Int, replacedAt: String) {
        self.observation = observation
        self.replacedBy = replacedBy
        self.replacedAt = replacedAt
    }
}

/// The revisions of one measure's figures for one council, newest first.
public struct FigureRevisions: Sendable, Hashable, Codable {
    /// Each revision the audience may read, newest first (then by period, newest first).
    public var revisions: [FigureRevision]
    /// For the public: how many revisions of breakdown figures are not listed. Within a breakdown a
    /// figure can be withheld only because another is small (secondary suppression), and a revision
    /// listed on its own could give it away, so the public reads revisions of whole-population
    /// figures only. 0 for other audiences.
    public var breakdownRevisionsWithheld: Int

    /// Pairs each replaced version of `measure`'s figures for `councilAreaCode` with what replaced
    /// it: the next version in the cell's history, else the figure in `current` (the cell as it
    /// stands). A version replaced by the same figure (its publication dates or counts alone
    /// changed) is left out, as is a replaced version whose cell is no longer stored, and one for a
    /// period that ends after `reportingPeriod` (a report lists the figures it could show, as the
    /// assessment does). With `after` (a revision of the data: an audit id), only the versions
    /// replaced after it are listed: what changed since a report was published. Values are shown to
    /// `audience` under `policy` as every other figure is (METHODS.md §13.7). With `publishedBy` (the
    /// day a report is judged as on), a revision whose new figure was published after that day is
    /// left out, as the report shows the figure it replaced.
    public init(
        measure: Measure, councilAreaCode: String, replaced: [ReplacedFigure], current: [Observation], audience: Audience,
        upTo reportingPeriod: Period? = nil, after revision: Int? = nil, publishedBy day: CalendarDate? = nil, policy: DisclosurePolicy = .dfe
    ) {
        // Versions replaced after `revision` are the newest of each cell's, so each still pairs
        // with the version after it.
        let ours = replaced.filter { figure in
            figure.observation.measureCode == measure.code && figure.observation.areaCode == councilAreaCode
                && reportingPeriod.map { figure.observation.period.end <= $0.end } ?? true
                && revision.map { figure.replacedBy > $0 } ?? true
        }
        let standing = Dictionary(current.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var revisions: [FigureRevision] = []
        var withheld = 0
        for (key, versions) in Dictionary(grouping: ours, by: \.observation.key) {
            let ordered = versions.sorted { $0.replacedBy < $1.replacedBy }
            for (index, version) in ordered.enumerated() {
                guard let replacement = index + 1 < ordered.count ? ordered[index + 1].observation : standing[key] else { continue }
                if let day, let published = replacement.published, published > day { continue }
                // Only the figure itself: a version that changed its dates or counts alone would
                // read "80.9% → 80.9%" (found by exploratory testing).
                let figure = version.observation
                if figure.value == replacement.value, figure.statusSymbol == replacement.statusSymbol { continue }
                if audience.appliesDisclosureControl, !version.observation.breakdown.isTotal {
                    withheld += 1
                    continue
                }
                revisions.append(FigureRevision(
                    period: version.observation.period, breakdown: version.observation.breakdown,
                    before: policy.cell(for: version.observation, unit: measure.unit, audience: audience),
                    after: policy.cell(for: replacement, unit: measure.unit, audience: audience),
                    revisedAt: version.replacedAt, beforeSource: version.observation.source, afterSource: replacement.source
                ))
            }
        }
        self.revisions = revisions.sorted { l, r in
            if l.revisedAt != r.revisedAt { return l.revisedAt > r.revisedAt }
            if l.period != r.period { return l.period > r.period }
            return l.breakdown.key < r.breakdown.key
        }
        breakdownRevisionsWithheld = withheld
    }

    /// Whether any figure was revised (listed, or withheld from the public).
    public var anyRevised: Bool { !revisions.isEmpty || breakdownRevisionsWithheld > 0 }

    /// What the list holds, in a sentence: "Warwickshire's figures for this measure have been
    /// revised twice since they were first imported, most recently on 24 Nov 2026.", or "… have not
    /// been revised since they were first imported."; on a published report, which lists them as
    /// they were then (`asPublished`), "When this report was published, Warwickshire's figures …
    /// had been revised …"; with `publishedAt` (for the revisions made after a publication), "…
    /// since this report was published on 20 Nov 2026 …". For the public, when breakdown revisions
    /// are withheld, a second sentence says how many.
    public func sentence(councilName: String, asPublished: Bool = false, publishedAt: String? = nil) -> String {
        let withheldNote = breakdownRevisionsWithheld == 0 ? "" : " "
            + (breakdownRevisionsWithheld == 1 ? "1 revision of a breakdown figure is" : "\(breakdownRevisionsWithheld) revisions of breakdown figures are")
            + " listed for signed-in readers only, so that no small number can be worked out."
        let figures = breakdownRevisionsWithheld == 0 ? "figures" : "whole-population figures"
        let subject = (asPublished ? "When this report was published, " : "") + "\(councilName)'s \(figures) for this measure"
        let have = asPublished ? "had" : "have"
        let since = publishedAt.map { "this report was published on \(CalendarDate.displayText(ofTimestamp: $0))" } ?? "they were first imported"
        guard let newest = revisions.first else {
            return "\(subject) \(have) not been revised since \(since)." + withheldNote
        }
        let times = switch revisions.count {
        case 1: "once"
        case 2: "twice"
        default: "\(revisions.count) times"
        }
        return "\(subject) \(have) been revised \(times) since \(since), most recently on "
            + "\(CalendarDate.displayText(ofTimestamp: newest.revisedAt))." + withheldNote
    }
}

/// The revisions of a published report's figures made after it was published (PRODUCT.md R15).
/// The report still shows its figures as the committee read them; this says which have changed
/// since, what they were and what they became.
public struct RevisionsSincePublication: Sendable, Hashable {
    /// When the report was published (ISO 8601, UTC).
    public var publishedAt: String
    /// The revisions made after the publication's revision of the data, as the reader may see them.
    public var revisions: FigureRevisions

    public init(publishedAt: String, revisions: FigureRevisions) {
        self.publishedAt = publishedAt
        self.revisions = revisions
    }

    /// Whether any of the figures has been revised since (listed, or withheld from the public).
    public var anyRevised: Bool { revisions.anyRevised }

    /// "Warwickshire's figures for this measure have been revised once since this report was
    /// published on 20 Nov 2026, most recently on 22 Nov 2026.", or "… have not been revised since …".
    public func sentence(councilName: String) -> String {
        revisions.sentence(councilName: councilName, publishedAt: publishedAt)
    }

    /// A published report's committee page on `count` of its measures with figures revised since:
    /// "Since this report was published, later imports have revised figures of two of its measures."
    public static func committeeSentence(revisedMeasures count: Int) -> String {
        "Since this report was published, later imports have revised figures of \(AssessmentWording.count(count)) of its measures."
    }
}
