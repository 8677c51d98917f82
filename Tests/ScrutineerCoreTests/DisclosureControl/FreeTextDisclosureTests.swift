import Foundation
import ScrutineerCore
import Testing

/// Small counts of children in officers' text, as the public reads it (PRODUCT.md R8). The
/// threshold is DfE's, counts from 1 to 5 (METHODS.md §11, `DisclosurePolicy.dfe`); each expected
/// sentence follows the rule written in `FreeTextDisclosure`.
@Suite("Free text: small counts of children for the public")
struct FreeTextDisclosureTests {
    @Test("A count from 1 to 5 before a word for children or families becomes 'a small number of' them", arguments: [
        ("3 children were permanently excluded this quarter.", "A small number of children were permanently excluded this quarter."),
        ("Two young people left care in June.", "A small number of young people left care in June."),
        ("We placed 4 of the care leavers in university accommodation.", "We placed a small number of the care leavers in university accommodation."),
        ("One child was missing for 3 days.", "A small number of children was missing for 3 days."),
        ("Since June the 2 UASC have settled.", "Since June a small number of UASC have settled."),
        ("Of the 40 referrals, 5 looked-after children were placed out of county; see the appendix.",
         "Of the 40 referrals, a small number of looked-after children were placed out of county; see the appendix."),
        ("Placements rose.\n\nfive families moved away.", "Placements rose.\n\nA small number of families moved away."),
        ("Including three disabled pupils and one young person.", "Including a small number of disabled pupils and a small number of young people."),
        // A count of a whole keeps the whole, unless it is small itself (the demo's Wokingham commentary).
        ("Few children return to a plan within two years: 2 of the 45 children who became subject to a plan this quarter.",
         "Few children return to a plan within two years: a small number of the 45 children who became subject to a plan this quarter."),
        ("2 out of 45 children returned.", "A small number of the 45 children returned."),
        ("2 out of 5 families.", "A small number of families."),
        ("We saw 3 of our 4 children in care within the week.", "We saw a small number of our children in care within the week."),
    ])
    func redacted(text: String, expected: String) {
        #expect(FreeTextDisclosure.redacted(text) == expected)
        #expect(!FreeTextDisclosure.findings(in: text).isEmpty)
        #expect(FreeTextDisclosure.redacted(expected) == expected, "nothing is left to withhold")
    }

    @Test("Labels, parts of other figures, larger counts, possessives and other nouns are left as written", arguments: [
        "Year 5 pupils and key stage 2 pupils did well.",
        "1 in 5 children.",
        "12 of the 45 children, and 6 out of 40 families.",
        "£3 per child; 5% of children; 2.5 children per family; 3/4 children.",
        "10,000 children, 6 children, 15 children and 0 children.",
        "3 children's homes opened, and 2 residential homes.",
        "Children aged 3 and the 3rd child.",
        "We met 4 schools and 3 social workers over 2 weeks.",
        "No one person holds the risk.",
        "Re-referrals fell to 17.0% in 2025/26 Q2.",
    ])
    func leftAlone(text: String) {
        #expect(FreeTextDisclosure.redacted(text) == text)
        #expect(FreeTextDisclosure.findings(in: text).isEmpty)
    }

    @Test("Findings name each phrase as written and its count; a policy of 0 withholds nothing")
    func findings() throws {
        let text = "The 3 children and two families, then 12 children."
        #expect(FreeTextDisclosure.findings(in: text) == [
            FreeTextDisclosure.Finding(phrase: "The 3 children", count: 3), FreeTextDisclosure.Finding(phrase: "two families", count: 2),
        ])
        let none = try DisclosurePolicy(largestSuppressedCount: 0)
        #expect(FreeTextDisclosure.redacted(text, policy: none) == text)
        // Health data's threshold of 7 withholds 7 children too.
        let health = try DisclosurePolicy(largestSuppressedCount: 7, aggregateRoundingBase: 5)
        #expect(FreeTextDisclosure.redacted("seven children", policy: health) == "A small number of children")
    }

    @Test("The public reads commentary, requests, risks and finance explanations redacted; members read them as written")
    func audiences() throws {
        let day = try #require(CalendarDate(iso: "2025-09-15"))
        let commentary = Commentary(committeeCode: "C", measureCode: "M", periodLabel: "2025/26 Q2", text: "2 children were excluded.", author: "o")
        #expect(commentary.redacted(for: .public).text == "A small number of children were excluded.")
        #expect(commentary.redacted(for: .member) == commentary)

        let request = try CommitteeRequest(committeeCode: "C", raisedOn: day, request: "Why were 3 pupils excluded?", recordedBy: "clerk", number: 1)
            .delivering(.init(deliveredOn: day, note: "Briefing on the 3 pupils sent.", recordedBy: "clerk"))
        let listed = ReportedRequest(request: request, standing: .delivered(request.deliveries[0]))
        let seen = listed.redacted(for: .public)
        #expect(seen.request.request == "Why were a small number of pupils excluded?")
        #expect(seen.detail == "Briefing on a small number of pupils sent.")
        #expect(seen.request.deliveries[0].note == "Briefing on a small number of pupils sent.")
        #expect(listed.redacted(for: .officer) == listed)

        let risk = RiskReview(
            committeeCode: "C", reference: "R1", title: "Placements", description: "4 children are placed far from home.", owner: "Director",
            reviewedOn: day, score: RiskScore(likelihood: 4, impact: 4), mitigation: "Bring the 4 children home."
        )
        let reported = ReportedRisk(review: risk, trend: .new, reviewedThisPeriod: true).redacted(for: .public)
        #expect(reported.review.description == "A small number of children are placed far from home.")
        #expect(reported.review.mitigation == "Bring a small number of children home.")

        let line = FinanceLine(
            committeeCode: "C", period: try Period.parse("2025/26 Q2", yearType: .financial), kind: .revenue, service: "Children and Families",
            line: "Placements", budget: Money(pence: 100), forecast: Money(pence: 200), explanation: "Two children in residential care."
        )
        #expect(line.redacted(for: .public).explanation == "A small number of children in residential care.")
        #expect(line.redacted(for: .member) == line)
    }

    @Test("A published report keeps how the public read each text it changed, and is read with it, whatever the rule says later")
    func keptAtPublication() throws {
        let day = try #require(CalendarDate(iso: "2025-09-15"))
        let commentary = [
            Commentary(committeeCode: "C", measureCode: "M", periodLabel: "2025/26 Q2", text: "2 children were excluded.", author: "o"),
            Commentary(committeeCode: "C", measureCode: "N", periodLabel: "2025/26 Q2", text: "Nothing to protect here.", author: "o"),
        ]
        let request = try CommitteeRequest(committeeCode: "C", raisedOn: day, request: "Why were 3 pupils excluded?", recordedBy: "clerk", number: 1)
            .delivering(.init(deliveredOn: day, note: "Briefing on the 3 pupils sent.", recordedBy: "clerk"))
        let risk = RiskReview(
            committeeCode: "C", reference: "R1", title: "Placements", description: "4 children are placed far from home.", owner: "Director",
            reviewedOn: day, score: RiskScore(likelihood: 4, impact: 4), mitigation: "Keep reviewing placements."
        )
        let line = FinanceLine(
            committeeCode: "C", period: try Period.parse("2025/26 Q2", yearType: .financial), kind: .revenue, service: "Children and Families",
            line: "Placements", budget: Money(pence: 100), forecast: Money(pence: 200), explanation: "Two children in residential care."
        )
        let snapshot = ReportSnapshot(
            committeeCode: "C", periodLabel: "2025/26 Q2", takenBy: "analyst", assessments: [], commentary: commentary, targets: [],
            requests: [request], risks: [risk], finance: [line]
        )
        // Only the texts the rule changes are kept, each with how the public read it.
        #expect(snapshot.publicText == [
            "2 children were excluded.": "A small number of children were excluded.",
            "Why were 3 pupils excluded?": "Why were a small number of pupils excluded?",
            "Briefing on the 3 pupils sent.": "Briefing on a small number of pupils sent.",
            "4 children are placed far from home.": "A small number of children are placed far from home.",
            "Two children in residential care.": "A small number of children in residential care.",
        ])
        // Read back, the kept text is what the public reads, even where today's rule would differ.
        var kept = snapshot
        kept.publicText?["2 children were excluded."] = "The wording the public read on the day."
        let decoded = try JSONDecoder().decode(ReportSnapshot.self, from: JSONEncoder().encode(kept))
        #expect(decoded.publicText == kept.publicText)
        #expect(commentary[0].redacted(for: .public, rule: decoded.publicTextRule).text == "The wording the public read on the day.")
        #expect(commentary[1].redacted(for: .public, rule: decoded.publicTextRule) == commentary[1])
        #expect(commentary[0].redacted(for: .member, rule: decoded.publicTextRule) == commentary[0])
        #expect(line.redacted(for: .public, rule: decoded.publicTextRule).explanation == "A small number of children in residential care.")

        // A snapshot stored before the public's text was kept reads with the rule as it stands.
        var old = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(kept)) as? [String: Any])
        old["publicText"] = nil
        let earlier = try JSONDecoder().decode(ReportSnapshot.self, from: JSONSerialization.data(withJSONObject: old))
        #expect(earlier.publicText == nil)
        #expect(commentary[0].redacted(for: .public, rule: earlier.publicTextRule).text == "A small number of children were excluded.")
    }

    @Test("Numbers that are withheld figures are found however written: 2 of 45, 2/45, a percentage to its places, a word; not money or part of another number (found by exploratory re-testing)")
    func withheldFiguresWritten() {
        let found = FreeTextDisclosure.numbers(in: "Fell to 4.9% (2/45 this quarter), then 2 of 45; two reviews; £2 spent; 14.9 days.", among: ["2", "45", "4.9"])
        #expect(found.map(\.phrase) == ["4.9", "2/45", "2 of 45", "two"])
        #expect(FreeTextDisclosure.numbers(in: "3 of 61", among: []).isEmpty)
    }
}
