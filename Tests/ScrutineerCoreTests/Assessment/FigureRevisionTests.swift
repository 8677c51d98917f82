import Testing
@testable import ScrutineerCore

/// `FigureRevisions`: each replaced version of a council's figure beside what replaced it, newest
/// revision first, shown to each audience as every other figure is (METHODS.md §13.7: counts 1–5,
/// and anything derived from them, are `c` for the public).
@Suite("Figure revisions")
struct FigureRevisionTests {
    static let council = "E10000031"
    static let measure = Measure(code: "EXCL", title: "Exclusions", unit: .count, polarity: .lowIsGood, periodicity: .quarterly, yearType: .financial)

    static func observation(_ period: String, _ value: Double?, breakdown: Breakdown = .total, area: String = council, measure: String = "EXCL", source: String) throws -> Observation {
        Observation(measureCode: measure, areaCode: area, period: try Period.parse(period, yearType: .financial), breakdown: breakdown, value: value, source: source)
    }

    /// Q1 was imported as 12 (first.csv), corrected to 14 (second.csv) and then to 3 (third.csv,
    /// standing now); Q2 was 20, now 21; the SEND breakdown of Q2 was 4, now 7. Another area and
    /// another measure were revised too, and are not this measure's council's.
    static func history() throws -> (replaced: [ReplacedFigure], current: [Observation]) {
        let send = Breakdown(["SEND": "EHCP"])
        let replaced = [
            ReplacedFigure(observation: try observation("2026/27 Q1", 14, source: "second.csv"), replacedBy: 9, replacedAt: "2026-11-20T10:00:00Z"),
            ReplacedFigure(observation: try observation("2026/27 Q1", 12, source: "first.csv"), replacedBy: 5, replacedAt: "2026-10-01T09:00:00Z"),
            ReplacedFigure(observation: try observation("2026/27 Q2", 20, source: "first.csv"), replacedBy: 9, replacedAt: "2026-11-20T10:00:00Z"),
            ReplacedFigure(observation: try observation("2026/27 Q2", 4, breakdown: send, source: "first.csv"), replacedBy: 9, replacedAt: "2026-11-20T10:00:00Z"),
            ReplacedFigure(observation: try observation("2026/27 Q2", 50, area: "E06000041", source: "first.csv"), replacedBy: 9, replacedAt: "2026-11-20T10:00:00Z"),
            ReplacedFigure(observation: try observation("2026/27 Q2", 50, measure: "OTHER", source: "first.csv"), replacedBy: 9, replacedAt: "2026-11-20T10:00:00Z"),
            // A cell no longer stored: nothing to pair it with, so it is left out.
            ReplacedFigure(observation: try observation("2025/26 Q4", 30, source: "first.csv"), replacedBy: 9, replacedAt: "2026-11-20T10:00:00Z"),
        ]
        let current = [
            try observation("2026/27 Q1", 3, source: "third.csv"), try observation("2026/27 Q2", 21, source: "second.csv"),
            try observation("2026/27 Q2", 7, breakdown: send, source: "second.csv"),
        ]
        return (replaced, current)
    }

    static func summary(_ r: FigureRevision) -> String {
        func text(_ cell: PublishedCell) -> String {
            switch cell {
            case let .value(number): "\(number)"
            case let .suppressed(symbol, _): symbol.rawValue
            }
        }
        return "\(r.period.label) \(r.breakdown.key.isEmpty ? "total" : r.breakdown.key) \(text(r.before)) (\(r.beforeSource)) → \(text(r.after)) (\(r.afterSource)) \(r.revisedAt)"
    }

    @Test("each version is paired with the next, or with the figure standing now; newest revision first, then the newest period")
    func officers() throws {
        let (replaced, current) = try Self.history()
        let revisions = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .officer)
        #expect(revisions.revisions.map(Self.summary) == [
            "2026/27 Q2 total 20.0 (first.csv) → 21.0 (second.csv) 2026-11-20T10:00:00Z",
            "2026/27 Q2 SEND=EHCP 4.0 (first.csv) → 7.0 (second.csv) 2026-11-20T10:00:00Z",
            "2026/27 Q1 total 14.0 (second.csv) → 3.0 (third.csv) 2026-11-20T10:00:00Z",
            "2026/27 Q1 total 12.0 (first.csv) → 14.0 (second.csv) 2026-10-01T09:00:00Z",
        ])
        #expect(revisions.breakdownRevisionsWithheld == 0)
        #expect(revisions.sentence(councilName: "Warwickshire")
            == "Warwickshire's figures for this measure have been revised 4 times since they were first imported, most recently on 20 Nov 2026.")
    }

    @Test("a version replaced by the same figure, its dates or counts alone changed, is no revision of the figure: no \"3 → 3\" (found by exploratory testing)")
    func sameFigureNotListed() throws {
        var dated = try Self.observation("2026/27 Q1", 3, source: "fourth.csv")
        dated.published = CalendarDate(iso: "2026-11-21")
        let replaced = [ReplacedFigure(observation: try Self.observation("2026/27 Q1", 3, source: "third.csv"), replacedBy: 12, replacedAt: "2026-11-22T10:00:00Z")]
        let revisions = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: [dated], audience: .officer)
        #expect(revisions.revisions.isEmpty && !revisions.anyRevised)
        // A figure replaced by a symbol is a revision.
        var withheld = dated
        withheld.value = nil
        withheld.statusSymbol = .confidential
        let toSymbol = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: [withheld], audience: .officer)
        #expect(toSymbol.revisions.map(Self.summary) == ["2026/27 Q1 total 3.0 (third.csv) → c (fourth.csv) 2026-11-22T10:00:00Z"])
    }

    @Test("the public reads whole-population revisions only, with counts of 1 to 5 withheld, and how many breakdown revisions are not listed")
    func publicReaders() throws {
        let (replaced, current) = try Self.history()
        let revisions = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .public)
        #expect(revisions.revisions.map(Self.summary) == [
            "2026/27 Q2 total 20.0 (first.csv) → 21.0 (second.csv) 2026-11-20T10:00:00Z",
            "2026/27 Q1 total 14.0 (second.csv) → c (third.csv) 2026-11-20T10:00:00Z",
            "2026/27 Q1 total 12.0 (first.csv) → 14.0 (second.csv) 2026-10-01T09:00:00Z",
        ])
        #expect(revisions.breakdownRevisionsWithheld == 1)
        #expect(revisions.sentence(councilName: "Warwickshire") == "Warwickshire's whole-population figures for this measure have been revised 3 times since they were first imported, "
            + "most recently on 20 Nov 2026. 1 revision of a breakdown figure is listed for signed-in readers only, so that no small number can be worked out.")
        let members = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .member)
        #expect(members.revisions.count == 4, "members read every figure, as in the committee papers")
    }

    @Test("a report lists revisions of the figures it could show: none for a period that ends after its own")
    func upToTheReportingPeriod() throws {
        let (replaced, current) = try Self.history()
        let q1 = try Period.parse("2026/27 Q1", yearType: .financial)
        let revisions = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .officer, upTo: q1)
        #expect(revisions.revisions.map(Self.summary) == [
            "2026/27 Q1 total 14.0 (second.csv) → 3.0 (third.csv) 2026-11-20T10:00:00Z",
            "2026/27 Q1 total 12.0 (first.csv) → 14.0 (second.csv) 2026-10-01T09:00:00Z",
        ])
        let year = try Period.parse("2026/27", yearType: .financial)
        #expect(FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .officer, upTo: year).revisions.count == 4,
                "a year's report covers its quarters")
    }

    @Test("since a publication: only the versions replaced after its revision of the data, each still paired with the version after it")
    func sincePublication() throws {
        let (replaced, current) = try Self.history()
        // Published at revision 7, between the imports of audit ids 5 and 9.
        let since = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .officer, after: 7)
        #expect(since.revisions.map(Self.summary) == [
            "2026/27 Q2 total 20.0 (first.csv) → 21.0 (second.csv) 2026-11-20T10:00:00Z",
            "2026/27 Q2 SEND=EHCP 4.0 (first.csv) → 7.0 (second.csv) 2026-11-20T10:00:00Z",
            "2026/27 Q1 total 14.0 (second.csv) → 3.0 (third.csv) 2026-11-20T10:00:00Z",
        ])
        let report = RevisionsSincePublication(publishedAt: "2026-10-15T12:00:00Z", revisions: since)
        #expect(report.anyRevised)
        #expect(report.sentence(councilName: "Warwickshire")
            == "Warwickshire's figures for this measure have been revised 3 times since this report was published on 15 Oct 2026, most recently on 20 Nov 2026.")
        // The revision of the import itself counts as before: what it wrote was known when published.
        #expect(FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .officer, after: 9).revisions.isEmpty)
        let untouched = RevisionsSincePublication(
            publishedAt: "2026-11-21T08:00:00Z",
            revisions: FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .public, after: 9)
        )
        #expect(!untouched.anyRevised)
        #expect(untouched.sentence(councilName: "Warwickshire") == "Warwickshire's figures for this measure have not been revised since this report was published on 21 Nov 2026.")
        // The public: the breakdown's revision is withheld, and counted, as in the full list.
        let publicSince = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: replaced, current: current, audience: .public, after: 7)
        #expect(publicSince.revisions.count == 2 && publicSince.breakdownRevisionsWithheld == 1)
        #expect(RevisionsSincePublication.committeeSentence(revisedMeasures: 1) == "Since this report was published, later imports have revised figures of one of its measures.")
        #expect(RevisionsSincePublication.committeeSentence(revisedMeasures: 12) == "Since this report was published, later imports have revised figures of 12 of its measures.")
        #expect(RevisionsSincePublication(publishedAt: "2026-10-15T12:00:00Z", revisions: FigureRevisions(
            measure: Self.measure, councilAreaCode: Self.council, replaced: [replaced[3]], current: current, audience: .public, after: 7
        )).anyRevised, "a withheld revision is still a revision")
    }

    @Test("as published: what was known when the report was published, in the past tense")
    func asPublished() throws {
        let (replaced, current) = try Self.history()
        let once = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: [replaced[1]], current: current, audience: .officer)
        #expect(once.sentence(councilName: "Warwickshire", asPublished: true)
            == "When this report was published, Warwickshire's figures for this measure had been revised once since they were first imported, most recently on 1 Oct 2026.")
        let none = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: [], current: [], audience: .public)
        #expect(none.sentence(councilName: "Wokingham", asPublished: true)
            == "When this report was published, Wokingham's figures for this measure had not been revised since they were first imported.")
    }

    @Test("none, once and twice in words")
    func sentences() throws {
        let none = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: [], current: [], audience: .public)
        #expect(none.revisions.isEmpty)
        #expect(none.sentence(councilName: "Wokingham") == "Wokingham's figures for this measure have not been revised since they were first imported.")
        let (replaced, current) = try Self.history()
        let once = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: [replaced[2]], current: current, audience: .officer)
        #expect(once.sentence(councilName: "Warwickshire").contains("have been revised once since"))
        let twice = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: Array(replaced[0...1]), current: current, audience: .officer)
        #expect(twice.sentence(councilName: "Warwickshire").contains("have been revised twice since"))
        let onlyBreakdown = FigureRevisions(measure: Self.measure, councilAreaCode: Self.council, replaced: [replaced[3]], current: current, audience: .public)
        #expect(onlyBreakdown.sentence(councilName: "Warwickshire") == "Warwickshire's whole-population figures for this measure have not been revised since they were first imported. "
            + "1 revision of a breakdown figure is listed for signed-in readers only, so that no small number can be worked out.")
    }

    @Test("a milestone's revision reads Completed and Not completed, as its latest figure does, not 1 and 0")
    func milestones() throws {
        let format = ValueFormat(unit: .count, decimalPlaces: 0)
        #expect(format.text(.value(1), isMilestone: true) == "Completed")
        #expect(format.text(.value(0), isMilestone: true) == "Not completed")
        #expect(format.text(.suppressed(symbol: .confidential, reason: .smallCount), isMilestone: true) == "c")
        #expect(format.text(.value(1)) == "1", "a measure that is not a milestone writes its number")
    }
}
