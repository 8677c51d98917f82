/// How the public's copy of officers' text is made (PRODUCT.md R8): by `FreeTextDisclosure` as it
/// stands, or as a published report kept it when it was published (R15), so a later change to the
/// rule does not change what the public read on the day.
public struct PublicTextRule: Sendable, Hashable {
    /// Each text the rule changed when the report was published, with how the public read it; nil
    /// to apply the rule as it stands.
    public let kept: [String: String]?

    public init(kept: [String: String]?) {
        self.kept = kept
    }

    /// `FreeTextDisclosure` as it stands.
    public static let current = PublicTextRule(kept: nil)

    /// `text` as the public reads it.
    public func apply(_ text: String) -> String {
        guard let kept else { return FreeTextDisclosure.redacted(text) }
        return kept[text] ?? text
    }

    /// Each of `texts` the rule as it stands changes, with how the public reads it: what a
    /// published report keeps.
    public static func keeping(_ texts: some Sequence<String>) -> [String: String] {
        var kept: [String: String] = [:]
        for text in texts where kept[text] == nil {
            let shown = FreeTextDisclosure.redacted(text)
            if shown != text { kept[text] = shown }
        }
        return kept
    }
}

/// What each audience reads of the text officers write (PRODUCT.md R8): the public reads every
/// small count of children and families as "a small number of" them (`rule`, by default
/// `FreeTextDisclosure` as it stands); members and officers read the text as written. Each
/// report's pages, pack, data files and API answers pass their text through these before showing it.
extension Commentary {
    /// The commentary as `audience` reads it.
    public func redacted(for audience: Audience, rule: PublicTextRule = .current) -> Commentary {
        guard audience.appliesDisclosureControl else { return self }
        var copy = self
        copy.text = rule.apply(text)
        return copy
    }
}

extension ReportedRequest {
    /// The request, its answers and any reason it was closed, as `audience` reads them.
    public func redacted(for audience: Audience, rule: PublicTextRule = .current) -> ReportedRequest {
        guard audience.appliesDisclosureControl else { return self }
        func shown(_ text: String) -> String { rule.apply(text) }
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
    public func redacted(for audience: Audience, rule: PublicTextRule = .current) -> ReportedRisk {
        guard audience.appliesDisclosureControl else { return self }
        var review = self.review
        review.title = rule.apply(review.title)
        review.description = rule.apply(review.description)
        review.mitigation = rule.apply(review.mitigation)
        return ReportedRisk(review: review, trend: trend, reviewedThisPeriod: reviewedThisPeriod)
    }
}

extension Target {
    /// The target with its reason and decision as `audience` reads them.
    public func redacted(for audience: Audience, rule: PublicTextRule = .current) -> Target {
        guard audience.appliesDisclosureControl else { return self }
        var copy = self
        copy.reason = rule.apply(reason)
        copy.decision = decision.map(rule.apply)
        return copy
    }
}

extension FinanceLine {
    /// The line's explanation as `audience` reads it (its names are the council's headings).
    public func redacted(for audience: Audience, rule: PublicTextRule = .current) -> FinanceLine {
        guard audience.appliesDisclosureControl else { return self }
        var copy = self
        copy.explanation = rule.apply(explanation)
        return copy
    }
}

/// A small count of children the public's copy of a report reads as "a small number of" them:
/// where it is written, and the words as written.
public struct SmallCountInText: Sendable, Hashable {
    /// "commentary on ReReferral", "request 2", "risk CYP-R01", "finance line Children and Families: Placements".
    public let place: String
    public let phrase: String
    /// True for a number in the commentary on a measure that is one of the measure's figures the
    /// public's report withholds ("3 of 61" beside a withheld 3): the public reads it as written,
    /// so the analyst must reword it. False for a small count the public reads as "a small number of".
    public var isWithheldFigure = false
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

    /// Each number in the commentary on a measure that is one of that measure's figures `report`
    /// gives and `publicReport` (the public's copy) withholds: a count of 1 to 5, or a figure
    /// withheld so that it could not be worked out (PRODUCT.md R8). The text's small-count rule
    /// finds a count written before a word for children; this finds the count written without
    /// one ("second plans fell (3 of 61 this quarter)").
    public static func withheldFigures(commentary: [Commentary], report: CommitteeAssessment, publicReport: CommitteeAssessment) -> [SmallCountInText] {
        let seen = Dictionary(publicReport.measures.map { ($0.measure.code, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [SmallCountInText] = []
        for measure in report.measures {
            guard let item = commentary.first(where: { $0.measureCode == measure.measure.code }) else { continue }
            let withheld = measure.figuresWithheld(from: seen[measure.measure.code])
            // Read in the text as the public reads it: a count already written "a small number of" is not there.
            found += FreeTextDisclosure.numbers(in: FreeTextDisclosure.redacted(item.text), among: withheld).map {
                SmallCountInText(place: "commentary on \(item.measureCode)", phrase: $0.phrase, isWithheldFigure: true)
            }
        }
        return found
    }

    /// "commentary on ReReferral: "3 children"".
    public var text: String { "\(place): \u{201C}\(phrase)\u{201D}" }
}

extension MeasureAssessment {
    /// The figures this assessment gives (the latest figure, its count and total, its breakdowns,
    /// the history charted) that `publicCopy`, the same measure as the public sees it, withholds,
    /// as they may be written: a count as "3", a figure also to the measure's places ("4.9").
    func figuresWithheld(from publicCopy: MeasureAssessment?) -> Set<String> {
        var numbers: Set<String> = []
        func add(_ value: Double?, _ shown: Double?) {
            guard let value, shown == nil, value > 0, value < 1e9 else { return }
            if value == value.rounded() { numbers.insert(String(Int(value))) }
            numbers.insert(format.number(value).replacingOccurrences(of: ",", with: ""))
        }
        if let latest {
            let shown = publicCopy?.latest.flatMap { $0.period == latest.period ? $0 : nil }
            add(latest.value, shown?.value)
            add(latest.numerator, shown?.numerator)
            add(latest.denominator, shown?.denominator)
        }
        for figure in breakdowns {
            let shown = publicCopy?.breakdowns.first { $0.breakdown == figure.breakdown && $0.period == figure.period }
            add(figure.cell.value, shown?.cell.value)
            add(figure.numerator?.value, shown?.numerator?.value)
            add(figure.denominator?.value, shown?.denominator?.value)
        }
        for point in history {
            add(point.council?.value, publicCopy?.history.first { $0.period == point.period }?.council?.value)
        }
        return numbers
    }
}

extension ReportSnapshot {
    /// Every small count of children in the text the published report shows the public, so the
    /// analyst who publishes it knows what the public reads differently.
    public func smallCountsInText() -> [SmallCountInText] {
        guard let assessment = assessment(for: .public) else { return [] }
        let withheld = (self.assessment(for: .officer) ?? self.assessment(for: .member)).map {
            SmallCountInText.withheldFigures(commentary: commentary, report: $0, publicReport: assessment)
        } ?? []
        return SmallCountInText.find(
            commentary: commentary, requests: reportedRequests(for: .public), risks: reportedRisks(for: .public), finance: finance ?? [],
            reportingPeriod: assessment.reportingPeriod
        ) + withheld
    }
}

extension CommitteeAssessment {
    /// The measures off track (not on track, or not due with the last figure not on track) with no
    /// commentary in `commentary` (the report's, newest on each measure) to say why and what is
    /// being done (PRODUCT.md R9): what whoever publishes is told.
    public func offTrackWithoutCommentary(_ commentary: [Commentary]) -> [MeasureAssessment] {
        let commented = Set(commentary.filter { !$0.text.isEmpty }.map(\.measureCode))
        return measures.filter { $0.status.isOffTrack && !commented.contains($0.measure.code) }
    }
}
