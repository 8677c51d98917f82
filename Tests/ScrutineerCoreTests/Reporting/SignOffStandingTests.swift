import ScrutineerCore
import Testing

/// How a report's sign-off stage is told to its reader (PRODUCT.md R15: "Draft → checked →
/// published. A published report is an immutable snapshot"), on the site's committee page and on
/// every page of its pack.
@Suite("Where a report stands in sign-off")
struct SignOffStandingTests {
    static let judged = CalendarDate(iso: "2026-08-15")!

    static func marked(_ stage: ReportPublication.Stage, by user: String, at time: String) -> ReportPublication {
        ReportPublication(committeeCode: "WARKS-CYP", periodLabel: "2026/27 Q1", stage: stage, changedBy: user, changedAt: time)
    }

    static func publication(_ version: Int, by user: String, at time: String) -> ReportSnapshotVersion {
        ReportSnapshotVersion(version: version, takenBy: user, takenAt: time)
    }

    @Test("A report in preparation says it may change; one marked says who marked it and when")
    func inPreparation() {
        let draft = SignOffStanding(stage: .draft, marking: nil, judgedOn: Self.judged)
        #expect(draft.label == "Draft: not published")
        #expect(draft.note == "Its figures, judgements and commentary may change before it is published.")
        #expect(draft.mayChange && !draft.readsEarlier && draft.shown == .draft)

        let checked = SignOffStanding(stage: .checked, marking: Self.marked(.checked, by: "Ann Analyst", at: "2026-08-10T09:30:00Z"), judgedOn: Self.judged)
        #expect(checked.label == "Checked: not yet published")
        #expect(checked.note == "Marked checked by Ann Analyst on 10 Aug 2026 at 09:30 UTC. Its figures, judgements and commentary may change before it is published.")
        #expect(checked.mayChange && checked.shown == .checked)
    }

    @Test("A published report says who published it, when, and as on which day its figures were judged; published again, that earlier publications are kept")
    func published() {
        let first = SignOffStanding(
            stage: .published, marking: Self.marked(.published, by: "wren", at: "2026-08-15T16:00:00Z"),
            publication: Self.publication(1, by: "wren", at: "2026-08-15T16:00:00Z"), publicationCount: 1, judgedOn: Self.judged
        )
        #expect(first.label == "Published")
        #expect(first.note == "wren published it on 15 Aug 2026 at 16:00 UTC. Its figures, judgements and commentary are as they stood when it was published, judged as on 15 Aug 2026; later data does not change them.")
        #expect(!first.mayChange && !first.readsEarlier && first.shown == .published)

        let second = SignOffStanding(
            stage: .published, marking: Self.marked(.published, by: "ash", at: "2026-09-30T11:00:00Z"),
            publication: Self.publication(2, by: "ash", at: "2026-09-30T11:00:00Z"), publicationCount: 2, judgedOn: CalendarDate(iso: "2026-09-30")!
        )
        #expect(second.label == "Published")
        #expect(second.note.hasSuffix("later data does not change them. It has been published 2 times; this is the newest, and each earlier publication is kept as it stood."))
    }

    @Test("An earlier publication says it is one, which of how many, and where the report stands now; so does the newest once the report is moved back")
    func earlier() {
        let first = SignOffStanding(
            stage: .published, marking: Self.marked(.published, by: "ash", at: "2026-09-30T11:00:00Z"),
            publication: Self.publication(1, by: "wren", at: "2026-08-15T16:00:00Z"), publicationCount: 2, judgedOn: Self.judged
        )
        #expect(first.label == "An earlier publication")
        #expect(first.readsEarlier && !first.mayChange && first.shown == .earlier)
        #expect(first.note == "You are reading publication 1 of 2, by wren on 15 Aug 2026 at 16:00 UTC: its figures, judgements and commentary are as they stood then, judged as on 15 Aug 2026; later publications and data do not change them. The report itself was last marked published by ash on 30 Sep 2026 at 11:00 UTC.")

        let reopened = SignOffStanding(
            stage: .checked, marking: Self.marked(.checked, by: "ash", at: "2026-10-02T08:00:00Z"),
            publication: Self.publication(1, by: "wren", at: "2026-08-15T16:00:00Z"), publicationCount: 1, judgedOn: Self.judged
        )
        #expect(reopened.label == "An earlier publication" && reopened.shown == .earlier)
        #expect(reopened.note.hasSuffix("The report itself was last marked checked by ash on 2 Oct 2026 at 08:00 UTC."))
    }

    @Test("For the public, the same standing says when, not who: no sign-in name of whoever marked or published it (found by exploratory testing)")
    func withoutNames() {
        let published = SignOffStanding(
            stage: .published, marking: Self.marked(.published, by: "wren", at: "2026-08-15T16:00:00Z"),
            publication: Self.publication(1, by: "wren", at: "2026-08-15T16:00:00Z"), publicationCount: 1, judgedOn: Self.judged
        ).withoutNames()
        #expect(published.note == "It was published on 15 Aug 2026 at 16:00 UTC. Its figures, judgements and commentary are as they stood when it was published, judged as on 15 Aug 2026; later data does not change them.")
        #expect(published.label == "Published" && published.shown == .published)

        let earlier = SignOffStanding(
            stage: .checked, marking: Self.marked(.checked, by: "ash", at: "2026-10-02T08:00:00Z"),
            publication: Self.publication(1, by: "wren", at: "2026-08-15T16:00:00Z"), publicationCount: 1, judgedOn: Self.judged
        ).withoutNames()
        #expect(earlier.note == "You are reading publication 1 of 1, on 15 Aug 2026 at 16:00 UTC: its figures, judgements and commentary are as they stood then, judged as on 15 Aug 2026; later publications and data do not change them. The report itself was last marked checked on 2 Oct 2026 at 08:00 UTC.")
        for standing in [published, earlier] {
            #expect(!standing.note.contains("wren") && !standing.note.contains("ash"))
        }
    }

    @Test("A report published before publications were kept says its figures are judged afresh")
    func publishedWithoutSnapshot() {
        let old = SignOffStanding(stage: .published, marking: Self.marked(.published, by: "wren", at: "2026-08-15T16:00:00Z"), judgedOn: Self.judged)
        #expect(old.label == "Published" && old.shown == .published)
        #expect(old.note == "Marked published by wren on 15 Aug 2026 at 16:00 UTC. It was published before Scrutineer kept publications, so its figures and judgements are as they stand now, judged as on 15 Aug 2026.")
    }
}
