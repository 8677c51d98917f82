import ScrutineerCore

// What the JSON API answers with: plain Codable shapes, each described by the schema of the same
// name in the OpenAPI document (`OpenAPIDocument.schemas`). Absent values are left out.

struct CommitteeJSON: Encodable {
    struct Theme: Encodable {
        let name: String
        let owner: String?
        let measureCodes: [String]
    }

    let code: String
    let name: String
    let councilAreaCode: String
    let themes: [Theme]

    init(_ c: Committee) {
        code = c.code
        name = c.name
        councilAreaCode = c.councilAreaCode
        themes = c.themes.map { Theme(name: $0.name, owner: $0.owner, measureCodes: $0.measureCodes) }
    }
}

struct ReportJSON: Encodable {
    /// One publication of the report, which the `snapshot` parameter reads back.
    struct Publication: Encodable {
        let number: Int
        let takenBy: String
        let takenAt: String
    }

    let period: String
    let stage: String
    let changedBy: String
    let changedAt: String
    /// Every publication, oldest first; none for a report never published.
    let publications: [Publication]
}

struct CommitteeDetailJSON: Encodable {
    let committee: CommitteeJSON
    let reports: [ReportJSON]
}

struct MeasureJSON: Encodable {
    let code: String
    let title: String
    let definition: String?
    let theme: String?
    let owner: String?
    let unit: String
    let decimalPlaces: Int?
    let polarity: String
    let periodicity: String
    let yearType: String
    let source: String?
    let publicationLagDays: Int?
    let benchmarkComparison: String
    let directionOfTravel: String
    let committees: [String]
    /// The council whose own measure it is; absent for a published measure.
    let councilAreaCode: String?
    /// The decimal places its figures are shown to (the measure's own, else its unit's).
    let shownDecimalPlaces: Int
    /// The codes of the committees the caller may see that report it.
    let reportedBy: [String]

    init(_ m: Measure, reportedBy: [String]) {
        code = m.code
        title = m.title
        definition = m.definition
        theme = m.theme
        owner = m.owner
        unit = m.unit.code
        decimalPlaces = m.decimalPlaces
        polarity = m.polarity.rawValue
        periodicity = m.periodicity.rawValue
        yearType = m.yearType.rawValue
        source = m.source
        publicationLagDays = m.publicationLagDays
        benchmarkComparison = m.benchmarkComparison.rawValue
        directionOfTravel = m.directionOfTravel.rawValue
        committees = m.committees
        councilAreaCode = m.councilAreaCode
        shownDecimalPlaces = ValueFormat(m).decimalPlaces
        self.reportedBy = reportedBy
    }
}

struct TargetJSON: Encodable {
    let measureCode: String
    let councilAreaCode: String?
    let kind: String
    let value: Double
    let tolerance: Double?
    let period: String?
    let validFrom: String
    let validTo: String?
    let setBy: String
    let setOn: String
    let reason: String
    let decision: String?
    let version: Int

    init(_ t: Target) {
        measureCode = t.measureCode
        councilAreaCode = t.councilAreaCode
        kind = t.kind.rawValue
        value = t.value
        tolerance = t.tolerance
        period = t.periodLabel
        validFrom = t.validFrom.iso
        validTo = t.validTo?.iso
        setBy = t.setBy
        setOn = t.setOn.iso
        reason = t.reason
        decision = t.decision
        version = t.version
    }
}

struct ObservationJSON: Encodable {
    let measureCode: String
    let areaCode: String
    let period: String
    let breakdown: String
    let value: Double?
    let numerator: Double?
    let denominator: Double?
    let lower95: Double?
    let upper95: Double?
    let statusSymbol: String?
    let source: String
    let published: String?
    let nextUpdateDue: String?
    /// The first and last days of the period (`2025` for a financial-year measure is April 2024 to
    /// March 2025; for an academic-year one, September 2024 to August 2025).
    let periodStart: String
    let periodEnd: String

    init(_ o: Observation) {
        measureCode = o.measureCode
        areaCode = o.areaCode
        period = o.period.label
        breakdown = o.breakdown.key
        value = o.value
        numerator = o.numerator
        denominator = o.denominator
        lower95 = o.lower95
        upper95 = o.upper95
        statusSymbol = o.statusSymbol?.rawValue
        source = o.source
        published = o.published?.iso
        nextUpdateDue = o.nextUpdateDue?.iso
        periodStart = o.period.start.iso
        periodEnd = o.period.end.iso
    }
}

struct AreaJSON: Encodable {
    let code: String
    let dfeCode: String?
    let name: String
    let type: String
    let regionCode: String?
    let successorCode: String?
    /// The councils that took over all or part of its area, and those whose areas it took over,
    /// each with the first day the successor served.
    let successors: [AreaSuccessionJSON]
    let predecessors: [AreaSuccessionJSON]

    init(_ a: Area, successions: AreaSuccessions) {
        code = a.code
        dfeCode = a.dfeCode
        name = a.name
        type = a.type.rawValue
        regionCode = a.regionCode
        successorCode = a.successorCode
        successors = successions.successors(of: a.code).map { AreaSuccessionJSON(code: $0.successorCode, from: $0.from.iso) }
        predecessors = successions.predecessors(of: a.code).map { AreaSuccessionJSON(code: $0.predecessorCode, from: $0.from.iso) }
    }
}

struct AreaSuccessionJSON: Encodable {
    let code: String
    let from: String
}

struct ComparatorGroupJSON: Encodable {
    /// england, region, statisticalNeighbours, or council (a group councils define).
    let kind: String
    let name: String
    var edition: String?
    /// A council-defined group's code, and the council whose own it is (none: every council's).
    var code: String?
    var ownerAreaCode: String?
    let memberCodes: [String]
}

struct CommentaryJSON: Encodable {
    let measureCode: String
    let period: String
    let text: String
    let author: String
    let writtenAt: String
    let version: Int

    init(_ c: Commentary) {
        measureCode = c.measureCode
        period = c.periodLabel
        text = c.text
        author = c.author
        writtenAt = c.writtenAt
        version = c.version
    }
}

struct RequestJSON: Encodable {
    let number: Int
    let request: String
    let askedBy: String
    let raisedOn: String
    let providedBy: String
    let dueBy: String?
    /// The day first promised, once the promise has moved.
    let firstDueBy: String?
    let recurrence: String
    let measureCode: String?
    let status: String
    let statusText: String
    /// The day of the delivery or closure the status reports, and its note or reason.
    let answeredOn: String?
    let answer: String?

    init(_ listed: ReportedRequest) {
        let r = listed.request
        number = r.number
        request = r.request
        askedBy = r.askedBy
        raisedOn = r.raisedOn.iso
        providedBy = r.providedBy
        dueBy = r.dueBy?.iso
        firstDueBy = r.firstDueBy?.iso
        recurrence = r.recurrence.rawValue
        measureCode = r.measureCode
        status = listed.standing.code
        statusText = listed.statusText
        answeredOn = listed.answeredOn?.iso
        answer = listed.detail.isEmpty ? nil : listed.detail
    }
}

struct RiskJSON: Encodable {
    let reference: String
    let title: String
    let description: String
    let owner: String
    let reviewedOn: String
    let reviewedThisPeriod: Bool
    let status: String
    let likelihood: Int
    let impact: Int
    let score: Int
    let rating: String
    let targetLikelihood: Int?
    let targetImpact: Int?
    let targetScore: Int?
    let targetRating: String?
    /// new, worse, better or unchanged, against the review before (`previousScore`, `previousReviewedOn`).
    let trend: String
    let trendText: String
    let previousScore: Int?
    let previousReviewedOn: String?
    let mitigation: String

    init(_ listed: ReportedRisk) {
        let r = listed.review
        reference = r.reference
        title = r.title
        description = r.description
        owner = r.owner
        reviewedOn = r.reviewedOn.iso
        reviewedThisPeriod = listed.reviewedThisPeriod
        status = r.status.rawValue
        likelihood = r.score.likelihood
        impact = r.score.impact
        score = r.score.value
        rating = r.score.rating.rawValue
        targetLikelihood = r.target?.likelihood
        targetImpact = r.target?.impact
        targetScore = r.target?.value
        targetRating = r.target?.rating.rawValue
        trend = listed.trend.code
        trendText = listed.trendText
        previousScore = listed.trend.previous?.score.value
        previousReviewedOn = listed.trend.previous?.reviewedOn.iso
        mitigation = r.mitigation
    }
}

struct FinanceLineJSON: Encodable {
    /// The quarter of the return (the report's, or the newest before it in its financial year).
    let period: String
    let kind: String
    let service: String
    let line: String
    /// Pounds: the budget (or savings planned, income target, capital budget this year) and the forecast.
    let budget: Double
    let forecast: Double
    /// The forecast less the budget, in pounds, and as a percentage of the budget (when above zero).
    let variance: Double
    let variancePercent: Double?
    let varianceText: String
    /// The line's variance at the return before in the same financial year, when it was there.
    let previousPeriod: String?
    let previousVariance: Double?
    let plannedCompletion: String?
    let forecastCompletion: String?
    let completionText: String?
    let explanation: String

    init(_ line: FinanceLine, in report: FinanceReport) {
        period = line.period.label
        kind = line.kind.rawValue
        service = line.service
        self.line = line.line
        budget = line.budget.pounds
        forecast = line.forecast.pounds
        variance = line.variance.pounds
        variancePercent = line.variancePercent.map(APIController.withoutBinaryNoise)
        varianceText = line.kind.varianceText(line.variance, percent: line.variancePercent)
        let previous = report.previous(of: line)
        previousPeriod = previous?.period.label
        previousVariance = previous?.variance.pounds
        plannedCompletion = line.plannedCompletion?.iso
        forecastCompletion = line.forecastCompletion?.iso
        completionText = line.completionText
        explanation = line.explanation
    }
}

/// One service's lines of one kind (or all services') added up at one return of the year.
struct FinanceTotalJSON: Encodable {
    let period: String
    let kind: String
    /// The service, or "All services".
    let service: String
    let isTotal: Bool
    let budget: Double
    let forecast: Double
    let variance: Double
    let variancePercent: Double?
    let varianceText: String

    /// A row per return (oldest first) for each service and then all services, skipping a service
    /// at a return with none of its lines.
    static func rows(_ movement: FinanceMovement) -> [FinanceTotalJSON] {
        movement.entries.map { entry in
            let amount = entry.amount
            return FinanceTotalJSON(
                period: entry.period.label, kind: movement.kind.rawValue, service: amount.name, isTotal: entry.isTotal,
                budget: amount.budget.pounds, forecast: amount.forecast.pounds, variance: amount.variance.pounds,
                variancePercent: amount.variancePercent.map(APIController.withoutBinaryNoise), varianceText: amount.varianceText
            )
        }
    }
}

struct RevisionsJSON: Encodable {
    struct Revision: Encodable {
        let period: String
        /// `age=17-18;sex=Female`, or "" for the whole population.
        let breakdown: String
        /// The numbers, or nil when withheld (then the text is the symbol).
        let before: Double?
        let beforeText: String
        let after: Double?
        let afterText: String
        let revisedAt: String
        let beforeSource: String
        let afterSource: String

        static func list(_ r: FigureRevisions, format: ValueFormat, isMilestone: Bool) -> [Revision] {
            r.revisions.map {
                Revision(
                    period: $0.period.label, breakdown: $0.breakdown.key, before: $0.before.value, beforeText: format.text($0.before, isMilestone: isMilestone),
                    after: $0.after.value, afterText: format.text($0.after, isMilestone: isMilestone), revisedAt: $0.revisedAt, beforeSource: $0.beforeSource, afterSource: $0.afterSource
                )
            }
        }
    }

    /// The revisions made after a published report was published (PRODUCT.md R15).
    struct SincePublication: Encodable {
        let publishedAt: String
        let revisions: [Revision]
        let breakdownRevisionsWithheld: Int
    }

    let revisions: [Revision]
    let breakdownRevisionsWithheld: Int
    /// For a report read as published; nil (left out) for one in preparation.
    let sincePublication: SincePublication?

    init(_ r: FigureRevisions, sincePublication since: RevisionsSincePublication?, format: ValueFormat, isMilestone: Bool) {
        revisions = Revision.list(r, format: format, isMilestone: isMilestone)
        breakdownRevisionsWithheld = r.breakdownRevisionsWithheld
        sincePublication = since.map {
            SincePublication(
                publishedAt: $0.publishedAt, revisions: Revision.list($0.revisions, format: format, isMilestone: isMilestone),
                breakdownRevisionsWithheld: $0.revisions.breakdownRevisionsWithheld
            )
        }
    }
}

struct CountsJSON: Encodable {
    let measures, onTrack, withinTolerance, notOnTrack, completed, notDue, noData, notJudged: Int
    let improving, `static`, declining, increasing, decreasing, directionNotCalculated: Int

    init(_ c: HeadlineCounts) {
        measures = c.measures
        onTrack = c.onTrack
        withinTolerance = c.withinTolerance
        notOnTrack = c.notOnTrack
        completed = c.completed
        notDue = c.notDue
        noData = c.noData
        notJudged = c.notJudged
        improving = c.improving
        `static` = c.static
        declining = c.declining
        increasing = c.increasing
        decreasing = c.decreasing
        directionNotCalculated = c.directionNotCalculated
    }
}

struct AssessmentJSON: Encodable {
    struct Theme: Encodable {
        let name: String
        let sentence: String
        let counts: CountsJSON
    }

    struct Headline: Encodable {
        let sentence: String
        let counts: CountsJSON
        let themes: [Theme]
    }

    struct Latest: Encodable {
        let period: String
        let value: Double?
        let text: String
        /// The symbol shown instead of a value (a published c, u or -, or c for a figure withheld).
        let symbol: String?
        let published: String?
        let numerator: Double?
        let denominator: Double?
        /// The 95% confidence interval the pages show, and where it came from (published, wilson,
        /// exact-poisson, byars); none when there is no interval or the figure is withheld.
        let lower95: Double?
        let upper95: Double?
        let intervalSource: String

        init(_ latest: LatestFigure) {
            period = latest.period.label
            value = latest.value
            text = latest.text
            symbol = latest.cell.symbol?.rawValue
            published = latest.published?.iso
            numerator = latest.numerator
            denominator = latest.denominator
            lower95 = latest.interval.lower95.map(APIController.withoutBinaryNoise)
            upper95 = latest.interval.upper95.map(APIController.withoutBinaryNoise)
            intervalSource = latest.interval.source.rawValue
        }
    }

    /// The measure's statistical process control chart as its page draws it (METHODS.md §9).
    struct SPC: Encodable {
        struct Point: Encodable {
            let period: String
            let value: Double?
            let mean: Double?
            let lowerProcessLimit: Double?
            let upperProcessLimit: Double?
            let pointType: String?
            let specialCause: String?
        }

        let reason: String
        let pointCount: Int
        let trialLimits: Bool
        let variation: String?
        let variationText: String?
        let assurance: String?
        let assuranceText: String?
        let target: Double?
        let points: [Point]

        init(_ spc: SPCSummary) {
            reason = spc.reason
            pointCount = spc.pointCount
            trialLimits = spc.analysis.hasTrialLimits
            variation = spc.variationIcon?.rawValue
            variationText = spc.variationIcon?.words
            assurance = spc.assuranceIcon?.rawValue
            assuranceText = spc.assuranceIcon?.words
            target = spc.target
            points = spc.analysis.points.map {
                Point(
                    period: $0.period, value: $0.value, mean: $0.mean, lowerProcessLimit: $0.lowerProcessLimit, upperProcessLimit: $0.upperProcessLimit,
                    pointType: $0.pointType?.rawValue, specialCause: $0.specialCause?.plotTheDotsLabel
                )
            }
        }
    }

    struct Judgement: Encodable {
        let label: String
        let reason: String
    }

    struct Benchmark: Encodable {
        let period: String
        let england: Double?
        let regionName: String?
        let region: Double?
        let statisticalNeighbourMean: Double?
        let rank: Int?
        let rankedCount: Int
        let quartileBand: String?
        let comparedWithEngland: String
        let reason: String
    }

    /// A target the latest figure was judged against (`status` says which is reported).
    struct JudgedTarget: Encodable {
        let kind: String
        let value: Double
        let tolerance: Double?
        let period: String?
        let validFrom: String
        let version: Int
        let result: String
        let reported: Bool

        init(_ judgement: TargetJudgement, reported: Bool) {
            let target = judgement.target
            kind = target.kind.rawValue
            value = target.value
            tolerance = target.tolerance
            period = target.periodLabel
            validFrom = target.validFrom.iso
            version = target.version
            result = judgement.result.rawValue
            self.reported = reported
        }
    }

    struct MeasureResult: Encodable {
        let code: String
        let title: String
        let theme: String?
        let unit: String
        let polarity: String
        let isIllustrative: Bool
        let latest: Latest?
        let currency: Judgement
        /// When the next figure is due, and whether that day is estimated from the period's end and
        /// the measure's publication lag rather than given by the source.
        let nextUpdateDue: String?
        let nextUpdateEstimated: Bool
        let status: Judgement
        /// Each target judged, the reported one marked.
        let targets: [JudgedTarget]
        let direction: Judgement
        let change: Double?
        let benchmarks: Benchmark?
        let spc: SPC?
        /// Why there is no SPC chart, when there is none.
        let spcNotDrawn: String?
    }

    let committee: String
    let committeeName: String
    let councilAreaCode: String
    let councilName: String
    let period: String
    let stage: String
    /// The publication the answer reads, when it reads one.
    let snapshot: Int?
    let audience: String
    let dataAsAt: String
    let headline: Headline
    let measures: [MeasureResult]

    init(_ a: CommitteeAssessment, stage: ReportPublication.Stage, snapshot: Int?) {
        committee = a.committee.code
        committeeName = a.committee.name
        councilAreaCode = a.committee.councilAreaCode
        councilName = a.councilName
        period = a.reportingPeriod.label
        self.stage = stage.rawValue
        self.snapshot = snapshot
        audience = a.audience.rawValue
        dataAsAt = a.today.iso
        headline = Headline(
            sentence: a.headline.sentence, counts: CountsJSON(a.headline.counts),
            themes: a.headline.themes.map { Theme(name: $0.name, sentence: $0.sentence, counts: CountsJSON($0.counts)) }
        )
        measures = a.measures.map { m in
            MeasureResult(
                code: m.measure.code, title: m.measure.title, theme: m.theme, unit: m.measure.unit.code, polarity: m.measure.polarity.rawValue,
                isIllustrative: m.measure.isIllustrative,
                latest: m.latest.map(Latest.init),
                currency: Judgement(label: m.currency.label, reason: m.currency.reason),
                nextUpdateDue: m.currency.nextUpdateDue?.iso, nextUpdateEstimated: m.currency.nextUpdateDue != nil && m.currency.isNextUpdateEstimated,
                status: Judgement(label: m.status.label, reason: m.status.reason),
                targets: m.status.targets.map { JudgedTarget($0, reported: $0.target.kind == m.status.reportedTarget?.target.kind) },
                direction: Judgement(label: m.direction.label, reason: m.direction.reason),
                change: m.direction.change.map(APIController.withoutBinaryNoise),
                benchmarks: m.benchmarks.map { b in
                    Benchmark(
                        period: b.period.label, england: b.england, regionName: b.region?.name, region: b.region?.value,
                        statisticalNeighbourMean: b.statisticalNeighbours?.mean.map(APIController.withoutBinaryNoise), rank: b.rank, rankedCount: b.rankedCount,
                        quartileBand: b.band?.rawValue, comparedWithEngland: b.comparison.label, reason: b.comparisonReason
                    )
                },
                spc: m.spc.map(SPC.init), spcNotDrawn: m.spc == nil ? m.spcAbsence : nil
            )
        }
    }
}

import Foundation
