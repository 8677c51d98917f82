/// Where a report stands in sign-off (PRODUCT.md R15), as its reader is told it: on the site's
/// committee page, and on every page of its pack, so that a draft can never be taken for what the
/// committee was given.
public struct SignOffStanding: Sendable, Hashable {
    /// The report's stage now.
    public var stage: ReportPublication.Stage
    /// Who marked it at that stage, and when; nil for a draft never signed off.
    public var marking: ReportPublication?
    /// The publication read: the newest of a published report, or an earlier one asked for; nil for
    /// a report in preparation (and for one published before publications were kept).
    public var publication: ReportSnapshotVersion?
    /// How many times the report has been published.
    public var publicationCount: Int
    /// The day the figures read were judged as on.
    public var judgedOn: CalendarDate

    /// A report's standing.
    public init(
        stage: ReportPublication.Stage, marking: ReportPublication?, publication: ReportSnapshotVersion? = nil, publicationCount: Int = 0,
        judgedOn: CalendarDate
    ) {
        self.stage = stage
        self.marking = marking
        self.publication = publication
        self.publicationCount = max(publicationCount, publication?.version ?? 0)
        self.judgedOn = judgedOn
    }

    /// The same standing without the sign-in names of whoever marked or published the report, for
    /// those `AccessPolicy.readsSignInNames` does not tell them to: the note then says when, not who.
    public func withoutNames() -> SignOffStanding {
        var standing = self
        standing.marking?.changedBy = ""
        standing.publication = publication.map { ReportSnapshotVersion(version: $0.version, takenBy: "", takenAt: $0.takenAt) }
        return standing
    }

    /// True when what is read is a publication the report has had since.
    public var readsEarlier: Bool {
        guard let publication else { return false }
        return publication.version < publicationCount || stage != .published
    }

    /// True when what is read may yet change: a report in preparation, not a publication of it.
    public var mayChange: Bool { publication == nil && stage != .published }

    /// What is read, as every page that says it tells it apart.
    public enum Shown: String, Sendable, Hashable {
        /// A report in preparation, at that stage.
        case draft, checked
        /// The newest publication (or a report published before publications were kept).
        case published
        /// A publication the report has had since, or moved back from.
        case earlier
    }

    /// What is read: a draft, a checked report, the published one, or an earlier publication.
    public var shown: Shown {
        if readsEarlier { return .earlier }
        guard mayChange else { return .published }
        return stage == .draft ? .draft : .checked
    }

    /// The stage of what is read in a few words: "Draft: not published", "Checked: not yet
    /// published", "Published", or "An earlier publication".
    public var label: String {
        switch shown {
        case .draft: ReportPublication.Stage.draft.label
        case .checked: ReportPublication.Stage.checked.label
        case .published: ReportPublication.Stage.published.label
        case .earlier: "An earlier publication"
        }
    }

    /// Who published or marked it and when, and what that means for its figures, as sentences:
    /// "Marked checked by Ann Analyst on 1 Jul 2026 at 10:00 UTC. Its figures, judgements and
    /// commentary may change before it is published."
    public var note: String {
        let marked = marking.map { "marked \($0.stage.rawValue)\(Self.by($0.changedBy)) on \(CalendarDate.displayText(ofTimestampWithTime: $0.changedAt))" }
        guard let publication else {
            var sentences = marked.map { [Self.sentence($0)] } ?? []
            if stage == .published {
                sentences.append("It was published before Scrutineer kept publications, so its figures and judgements are as they stand now, judged as on \(judgedOn.displayText).")
            } else {
                sentences.append("Its figures, judgements and commentary may change before it is published.")
            }
            return sentences.joined(separator: " ")
        }
        let publishedOn = CalendarDate.displayText(ofTimestampWithTime: publication.takenAt)
        if readsEarlier {
            var sentences = ["You are reading publication \(publication.version) of \(publicationCount),\(Self.by(publication.takenBy)) on \(publishedOn): its figures, judgements and commentary are as they stood then, judged as on \(judgedOn.displayText); later publications and data do not change them."]
            if let marked { sentences.append("The report itself was last \(marked).") }
            return sentences.joined(separator: " ")
        }
        var sentences = [(publication.takenBy.isEmpty ? "It was published on \(publishedOn)." : "\(publication.takenBy) published it on \(publishedOn).") + " Its figures, judgements and commentary are as they stood when it was published, judged as on \(judgedOn.displayText); later data does not change them."]
        if publication.version > 1 {
            sentences.append("It has been published \(publication.version) times; this is the newest, and each earlier publication is kept as it stood.")
        }
        return sentences.joined(separator: " ")
    }

    /// " by NAME", or nothing for no name.
    private static func by(_ name: String) -> String {
        name.isEmpty ? "" : " by \(name)"
    }

    /// `text` with a capital first letter and a full stop.
    private static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}

extension ReportPublication.Stage {
    /// The stage in a few words: "Draft: not published", "Checked: not yet published", "Published".
    public var label: String {
        switch self {
        case .draft: "Draft: not published"
        case .checked: "Checked: not yet published"
        case .published: "Published"
        }
    }
}
