/// What each audience reads of the text officers write (PRODUCT.md R8): the public reads every
/// small count of children and families as "a small number of" them (`FreeTextDisclosure`);
/// members and officers read the text as written. Each report's pages, pack, data files and API
/// answers pass their text through these before showing it.
extension Commentary {
    /// The commentary as `audience` reads it.
    public func redacted(for audience: Audience) -> Commentary {
        guard audience.appliesDisclosureControl else { return self }
        var copy = self
        copy.text = FreeTextDisclosure.redacted(text)
        return copy
    }
}

extension ReportedRequest {
    /// The request, its answers and any reason it was closed, as `audience` reads them.
    public func redacted(for audience: Audience) -> ReportedRequest {
        guard audience.appliesDisclosureControl else { return self }
        func shown(_ text: String) -> String { FreeTextDisclosure.redacted(text) }
        func delivery(_ d: CommitteeRequest.Delivery) -> CommitteeRequest.Delivery {
            var copy = d
            copy.note = shown(d.note)
            return copy
        }
        var asked = request
        asked.request = shown(request.request)
        asked.closedReason = request.closedReason.map(shown)
        asked.deliveries = request.deliveries.map(delivery)
        let standing: RequestStanding = switch self.standing {
        case let .delivered(d): .delivered(delivery(d))
        case let .provided(d): .provided(delivery(d))
        case let .closed(day, reason): .closed(on: day, reason: shown(reason))
        case .open, .due: self.standing
        }
        return ReportedRequest(request: asked, standing: standing)
    }
}

extension ReportedRisk {
    /// The risk's title, description and mitigation as `audience` reads them.
    public func redacted(for audience: Audience) -> ReportedRisk {
        guard audience.appliesDisclosureControl else { return self }
        var review = self.review
        review.title = FreeTextDisclosure.redacted(review.title)
        review.description = FreeTextDisclosure.redacted(review.description)
        review.mitigation = FreeTextDisclosure.redacted(review.mitigation)
        return ReportedRisk(review: review, trend: trend, reviewedThisPeriod: reviewedThisPeriod)
    }
}

extension FinanceLine {
    /// The line's explanation as `audience` reads it (its names are the council's headings).
    public func redacted(for audience: Audience) -> FinanceLine {
        guard audience.appliesDisclosureControl else { return self }
        var copy = self
        copy.explanation = FreeTextDisclosure.redacted(explanation)
        return copy
    }
}

/// A small count of children the public's copy of a report reads as "a small number of" them:
/// where it is written, and the words as written.
public struct SmallCountInText: Sendable, Hashable {
    /// "commentary on ReReferral", "request 2", "risk CYP-R01", "finance line Children and Families: Placements".
    public let place: String
    public let phrase: String
}

extension SmallCountInText {
    /// Every small count of children in the text a report shows: its commentary, the requests and
    /// their answers, the risks, and the explanations of the finance return shown for `reportingPeriod`.
    public static func find(
        commentary: [Commentary], requests: [ReportedRequest], risks: [ReportedRisk], finance: [FinanceLine], reportingPeriod: Period
    ) -> [SmallCountInText] {
        var found: [SmallCountInText] = []
        func check(_ text: String, _ place: String) {
            found += FreeTextDisclosure.findings(in: text).map { SmallCountInText(place: place, phrase: $0.phrase) }
        }
        for item in commentary { check(item.text, "commentary on \(item.measureCode)") }
        for listed in requests {
            check(listed.request.request, "request \(listed.request.number)")
            check(listed.detail, "request \(listed.request.number)'s answer")
        }
        for listed in risks {
            for text in [listed.review.title, listed.review.description, listed.review.mitigation] { check(text, "risk \(listed.review.reference)") }
        }
        for line in FinanceReport.inReport(finance, reportingPeriod: reportingPeriod)?.lines ?? [] {
            check(line.explanation, "finance line \(line.service): \(line.line)")
        }
        return found
    }

    /// "commentary on ReReferral: "3 children"".
    public var text: String { "\(place): \u{201C}\(phrase)\u{201D}" }
}

extension ReportSnapshot {
    /// Every small count of children in the text the published report shows the public, so the
    /// analyst who publishes it knows what the public reads differently.
    public func smallCountsInText() -> [SmallCountInText] {
        guard let assessment = assessment(for: .public) else { return [] }
        return SmallCountInText.find(
            commentary: commentary, requests: reportedRequests(for: .public), risks: reportedRisks(for: .public), finance: finance ?? [],
            reportingPeriod: assessment.reportingPeriod
        )
    }
}
