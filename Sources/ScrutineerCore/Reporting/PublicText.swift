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
