import ScrutineerCore
import ScrutineerTestSupport
import Testing

/// Direction of travel (PRODUCT.md R4; METHODS.md §8.4, §13.4): each method, polarity, the basis,
/// and "static" that means not significant rather than noise called a change.
@Suite struct AssessmentDirectionTests {
    static func lait(_ code: String, settings: [MeasureAssessmentSettings] = [], replacing: [Measure] = []) throws -> MeasureAssessment {
        let lait = try LAITData.shared()
        return try #require(try lait.index(replacing: replacing, settings: settings).assess(
            council: LAITData.warwickshire, measureCodes: [code], reportingPeriod: try Build.period("2025/26 Q2"),
            today: try Build.date("2026-03-01"), audience: .officer
        ).first)
    }

    @Test("Simple: re-referrals fell from 18.4% to 17.0%, lower is better: improving, down 1.4 pp")
    func simpleImproving() throws {
        let direction = try Self.lait("ReReferral").direction
        #expect(direction.method == .simple)
        #expect(direction.direction == .improving)
        #expect(direction.movement == .down)
        #expect(direction.comparedPeriod?.label == "2024")
        #expect(direction.change == 17.0 - 18.4)
        #expect(direction.changeText == "-1.4 pp")
        #expect(direction.symbol == "arrow-down-improving")
        #expect(direction.basisSymbol == "basis-simple-previous-period")
        #expect(!direction.isStatistical)
        #expect(direction.reason == "Improving: 17.0% in 2025 against 18.4% in 2024 (the previous period), down 1.4 pp; lower is better")
    }

    @Test("Simple: the under-18 conception rate rose, lower is better: declining")
    func simpleDeclining() throws {
        let direction = try Self.lait("Under18concep").direction
        #expect(direction.direction == .declining)
        #expect(direction.symbol == "arrow-up-declining")
    }

    @Test("Simple: a change within the measure's tolerance is static")
    func simpleWithinTolerance() throws {
        let direction = try Self.lait("ReReferral", settings: [MeasureAssessmentSettings(measureCode: "ReReferral", staticTolerance: 2)]).direction
        #expect(direction.direction == .static)
        #expect(direction.movement == .flat)
        #expect(direction.symbol == "arrow-flat-static")
        #expect(direction.reason == "Static: 17.0% in 2025 against 18.4% in 2024 (the previous period), down 1.4 pp, less than the tolerance of 2 pp")
    }

    @Test("Simple: static means a change below the tolerance (METHODS.md §13.4): a change of exactly the tolerance is not static, however its subtraction rounds")
    func simpleOnToleranceEdge() throws {
        // 17.0 − 18.4 is −1.3999999999999986 in doubles: still the tolerance 1.4 itself.
        let onEdge = try Self.lait("ReReferral", settings: [MeasureAssessmentSettings(measureCode: "ReReferral", staticTolerance: 1.4)]).direction
        #expect(onEdge.direction == .improving)
        let justAbove = try Self.lait("ReReferral", settings: [MeasureAssessmentSettings(measureCode: "ReReferral", staticTolerance: 1.41)]).direction
        #expect(justAbove.direction == .static)
        // 4.4 − 4.9 is −0.5000000000000009: the tolerance 0.5 again, and not static either.
        let report = try Build.assess(
            [Build.percentage("REPEAT", polarity: .lowIsGood)], [try Build.observation("REPEAT", "2024/25 Q1", 4.9), try Build.observation("REPEAT", "2024/25 Q2", 4.4)],
            settings: [MeasureAssessmentSettings(measureCode: "REPEAT", staticTolerance: 0.5)], period: "2024/25 Q2", today: "2024-11-20"
        )
        #expect(try #require(report.measures.first).direction.direction == .improving)
    }

    @Test("Simple: a change that shows as zero is static, said once")
    func simpleZeroAtFiguresShown() throws {
        let report = try Build.assess(
            [Build.percentage("EET")], [try Build.observation("EET", "2024/25 Q1", 65.04), try Build.observation("EET", "2024/25 Q2", 65.01)],
            period: "2024/25 Q2", today: "2024-11-20"
        )
        let direction = try #require(report.measures.first).direction
        #expect(direction.direction == .static)
        #expect(direction.reason == "Static: 65.0% in 2024/25 Q2 against 65.0% in 2024/25 Q1 (the previous period), no change at the figures shown")
    }

    @Test("The previous period published without a figure: no direction against the previous period, not one against an older figure (LAIT §7.1, Fingertips §8.2)")
    func previousFigureMissing() throws {
        // lait_kpi_subset_long.csv: HCP_PHOF, Warwickshire: 2022 92.94, 2023 "-", 2024 93.56.
        let direction = try Self.lait("HCP_PHOF").direction
        #expect(direction.direction == .notCalculated)
        #expect(direction.comparedPeriod?.label == "2023")
        #expect(direction.comparedValue == nil && direction.change == nil)
        #expect(direction.reason == "Not calculated: the previous period, 2023, has no figure (published as “-”), and an older figure is not the previous period's")
        // Against the same period last year, which also has no figure, it is not calculated either.
        let lastYear = try Self.lait("HCP_PHOF", settings: [MeasureAssessmentSettings(measureCode: "HCP_PHOF", directionBasis: .samePeriodLastYear)]).direction
        #expect(lastYear.direction == .notCalculated)
        // A period with no row at all (not published as missing) leaves the figure before it to compare with.
        let gap = try Build.assess(
            [Build.percentage("EET")], [try Build.observation("EET", "2024/25 Q1", 60), try Build.observation("EET", "2024/25 Q3", 64)],
            period: "2024/25 Q3", today: "2025-01-20"
        )
        #expect(try #require(gap.measures.first).direction.direction == .improving)
        let withheld = try Build.assess(
            [Build.percentage("EET")], [try Build.observation("EET", "2024/25 Q1", 60), try Build.observation("EET", "2024/25 Q2", nil), try Build.observation("EET", "2024/25 Q3", 64)],
            period: "2024/25 Q3", today: "2025-01-20"
        )
        #expect(try #require(withheld.measures.first).direction.reason == "Not calculated: the previous period, 2024/25 Q2, has no figure, and an older figure is not the previous period's")
    }

    @Test("Polarity none: children in need went down, with no better or worse: decreasing")
    func polarityNone() throws {
        let direction = try Self.lait("CIN").direction
        #expect(direction.polarity == .noJudgement)
        #expect(direction.direction == .decreasing)
        #expect(direction.symbol == "arrow-down-decreasing")
        #expect(direction.reason.hasSuffix("; no better or worse direction"))
    }

    /// Quarterly EET: 2023/24 Q1–Q4 then 2024/25 Q1–Q2.
    static func quarterly(basis: DirectionBasis, dropLastYearQ2: Bool = false) throws -> DirectionOfTravel {
        var values: [(String, Double)] = [("2023/24 Q1", 60), ("2023/24 Q2", 58), ("2023/24 Q3", 64), ("2023/24 Q4", 66), ("2024/25 Q1", 65), ("2024/25 Q2", 61)]
        if dropLastYearQ2 { values.remove(at: 1) }
        let report = try Build.assess(
            [Build.percentage("EET")], try values.map { try Build.observation("EET", $0.0, $0.1) },
            settings: [MeasureAssessmentSettings(measureCode: "EET", directionBasis: basis)], period: "2024/25 Q2", today: "2024-11-20"
        )
        return try #require(report.measures.first).direction
    }

    @Test("Against the previous period and against the same period last year give different arrows")
    func basis() throws {
        let previous = try Self.quarterly(basis: .previousPeriod)
        #expect(previous.comparedPeriod?.label == "2024/25 Q1")
        #expect(previous.direction == .declining)
        #expect(previous.changeText == "-4.0 pp")
        let lastYear = try Self.quarterly(basis: .samePeriodLastYear)
        #expect(lastYear.comparedPeriod?.label == "2023/24 Q2")
        #expect(lastYear.direction == .improving)
        #expect(lastYear.changeText == "+3.0 pp")
        #expect(lastYear.basisSymbol == "basis-simple-same-period-last-year")
        #expect(lastYear.reason == "Improving: 61.0% in 2024/25 Q2 against 58.0% in 2023/24 Q2 (the same period last year), up 3.0 pp; higher is better")
    }

    @Test("No figure for the same period last year: not calculated, and said why")
    func noSamePeriodLastYear() throws {
        let direction = try Self.quarterly(basis: .samePeriodLastYear, dropLastYearQ2: true)
        #expect(direction.direction == .notCalculated)
        #expect(direction.notCalculatedReason == .noComparisonFigure(.samePeriodLastYear))
        #expect(direction.reason == "Not calculated: there is no figure for the same period last year")
    }

    static func injuries(method: DirectionOfTravelMethod, upTo label: String = "2023/24") throws -> MeasureAssessment {
        var measure = InjuryAdmissions.measure
        measure.directionOfTravel = method
        let data = try InjuryAdmissions.shared()
        let index = AssessmentIndex(measures: [measure], observations: data.observations, areas: try LAITData.shared().areas)
        return try #require(try index.assess(
            council: LAITData.warwickshire, measureCodes: [InjuryAdmissions.code], reportingPeriod: try Build.period("\(label) Q4"),
            today: try Build.date("2025-03-01"), audience: .officer
        ).first)
    }

    @Test("CI overlap: injury admissions fell from 76.0 to 67.1 per 10,000, but the 95% intervals overlap: static, not improving")
    func ciOverlapStaticIsNotNoise() throws {
        let simple = try Self.injuries(method: .simple).direction
        #expect(simple.direction == .improving)
        let statistical = try Self.injuries(method: .confidenceIntervalOverlap).direction
        #expect(statistical.direction == .static)
        #expect(statistical.isStatistical)
        #expect(statistical.latestInterval?.source == .published)
        #expect(statistical.basisSymbol == "basis-ci-overlap-previous-period")
        #expect(statistical.reason
            == "Static: 67.1 per 10,000 in 2023/24 against 76.0 per 10,000 in 2022/23 (the previous period), down 8.8 per 10,000; the 95% confidence intervals overlap (62.2 to 72.3 per 10,000 and 70.6 to 81.4 per 10,000), so the change is not significant")
    }

    /// A percentage with counts and no published limits: Wilson intervals are worked out.
    static func counted(latest: Double, previous: Double, method: DirectionOfTravelMethod) throws -> DirectionOfTravel {
        let measure = Build.percentage("EET", direction: method)
        let observations = [
            try Build.observation("EET", "2024/25 Q1", previous / 10, numerator: previous, denominator: 1000),
            try Build.observation("EET", "2024/25 Q2", latest / 10, numerator: latest, denominator: 1000),
        ]
        return try #require(try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-11-20").measures.first).direction
    }

    @Test("CI overlap with Wilson intervals from counts: a tiny change is static where simple would call it improving")
    func ciOverlapFromCounts() throws {
        #expect(try Self.counted(latest: 615, previous: 612, method: .simple).direction == .improving)
        let tiny = try Self.counted(latest: 615, previous: 612, method: .confidenceIntervalOverlap)
        #expect(tiny.direction == .static)
        #expect(tiny.latestInterval?.source == .wilson)
        let real = try Self.counted(latest: 700, previous: 612, method: .confidenceIntervalOverlap)
        #expect(real.direction == .improving)
        #expect(real.reason.contains("do not overlap"))
    }

    @Test("CI overlap with no intervals and no counts: not calculated")
    func ciOverlapWithoutIntervals() throws {
        var measure = try LAITData.shared().measure("ReReferral")
        measure.directionOfTravel = .confidenceIntervalOverlap
        let direction = try Self.lait("ReReferral", replacing: [measure]).direction
        #expect(direction.notCalculatedReason == .noConfidenceIntervals)
    }

    @Test("Recent trend: Warwickshire's injury admissions fall significantly over five years: improving (the export's words are inverted, METHODS §8.3)")
    func recentTrendSignificant() throws {
        let data = try InjuryAdmissions.shared()
        let published = data.observations.first { $0.areaCode == LAITData.warwickshire && $0.period.label == "2023/24" }
        #expect(published?.comparedToEnglandAsPublished == "Better")
        let direction = try Self.injuries(method: .recentTrend).direction
        #expect(direction.trendMarker == .decreasing)
        #expect(direction.direction == .improving)
        #expect(direction.trendPeriods.map(\.label) == ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"])
        #expect(direction.basisSymbol == "basis-recent-trend")
        #expect(direction.reason.hasPrefix("Improving: the trend over the last 5 periods (2019/20 to 2023/24, χ² = "))
    }

    @Test("Recent trend not significant (Fingertips unit-test set 2): static")
    func recentTrendNotSignificant() throws {
        let vectors = try VectorFile("fingertips_recent_trend_unit.csv").rows.filter { $0["set"] == "set2_ci_method" }
        let measure = Measure(code: "T", title: "Trend", unit: .percentage, polarity: .lowIsGood, yearType: .financial,
                              directionOfTravel: .recentTrend)
        let observations = try vectors.map { row in
            Observation(measureCode: "T", areaCode: Build.council, period: try Build.period(row["year"]),
                        value: try row.double("value"), lower95: try row.double("lower95"), upper95: try row.double("upper95"), source: row.description)
        }
        let report = try Build.assess([measure], observations, period: "2018/19 Q4", today: "2019-06-01")
        let direction = try #require(report.measures.first).direction
        #expect(try vectors.allSatisfy { try $0.bool("expected_significant") == false })
        #expect(direction.trendMarker == .noChange)
        #expect(direction.direction == .static)
    }

    @Test("Recent trend over a withheld figure: the public is not told the χ², which with the other points' counts gives the withheld one back (found by exploratory testing); members are")
    func recentTrendOverWithheldFigure() throws {
        let measure = Build.percentage("RT", direction: .recentTrend)
        let counts: [(String, Double)] = [("2025/26 Q1", 20), ("2025/26 Q2", 3), ("2025/26 Q3", 18), ("2025/26 Q4", 25), ("2026/27 Q1", 30)]
        let observations = try counts.map { try Build.observation("RT", $0.0, 100 * $0.1 / 40, numerator: $0.1, denominator: 40) }
        func direction(_ audience: Audience) throws -> DirectionOfTravel {
            try #require(try Build.assess([measure], observations, period: "2026/27 Q1", today: "2026-08-20", audience: audience).measures.first).direction
        }
        let member = try direction(.member), audience = try direction(.public)
        #expect(member.trendChiSquare != nil && member.reason.contains("χ² = "))
        #expect(audience.trendChiSquare == nil && !audience.reason.contains("χ²"))
        #expect(audience.direction == member.direction && audience.trendPeriods == member.trendPeriods)
    }

    @Test("Recent trend without intervals: not calculated")
    func recentTrendUnavailable() throws {
        var measure = try LAITData.shared().measure("ReReferral")
        measure.directionOfTravel = .recentTrend
        let direction = try Self.lait("ReReferral", replacing: [measure]).direction
        #expect(direction.notCalculatedReason == .trendUnavailable(.fewerThanFiveValidPoints))
    }

    @Test("SPC: the latest injury figure is below the lower process limit, lower is better: improving")
    func spcImproving() throws {
        let assessment = try Self.injuries(method: .spc)
        #expect(assessment.direction.specialCause == .belowLowerLimit)
        #expect(assessment.direction.direction == .improving)
        #expect(assessment.direction.basisSymbol == "basis-spc")
        let spc = try #require(assessment.spc)
        #expect(spc.pointCount == 14)
        #expect(spc.variationIcon == .improvementLow)
    }

    @Test("SPC: common cause variation is static")
    func spcCommonCause() throws {
        let values: [Double] = [50, 52, 49, 51, 50, 52, 48, 51, 50, 49, 52, 50]
        let measure = Measure(code: "M", title: "Monthly", unit: .percentage, polarity: .highIsGood, periodicity: .monthly,
                              yearType: .financial, publicationLagDays: 20, directionOfTravel: .spc)
        let observations = try values.enumerated().map { k, value in
            try Build.observation("M", "2024-\(k + 1 < 10 ? "0" : "")\(k + 1)", value)
        }
        let report = try Build.assess([measure], observations, period: "2024/25 Q3", today: "2025-01-20")
        let assessment = try #require(report.measures.first)
        #expect(assessment.direction.specialCause == .commonCause)
        #expect(assessment.direction.direction == .static)
        #expect(assessment.spc?.variationIcon == .commonCause)
    }

    @Test("SPC with fewer than 12 points: not calculated, and no chart")
    func spcTooShort() throws {
        var measure = try LAITData.shared().measure("ReReferral")
        measure.directionOfTravel = .spc
        let assessment = try Self.lait("ReReferral", replacing: [measure])
        #expect(assessment.direction.notCalculatedReason == .tooFewPointsForSPC(10))
        #expect(assessment.direction.reason == "Not calculated: SPC needs at least 12 points and the series has 10")
        #expect(assessment.spc == nil)
        #expect(assessment.spcAbsence == "No statistical process control chart: one needs at least 12 figures of the same kind of period, and this measure has 10.")
    }

    @Test("SPC for the public when a figure it would draw is withheld: no chart, and the page says why")
    func spcWithheld() throws {
        let measure = Build.percentage("M", periodicity: .monthly)
        let counts: [Double] = [30, 31, 29, 3, 30, 32, 28, 30, 31, 29, 30, 31]
        let observations = try counts.enumerated().map { k, count in
            try Build.observation("M", "2024-\(k + 1 < 10 ? "0" : "")\(k + 1)", count / 60 * 100, numerator: count, denominator: 60)
        }
        let officer = try #require(try Build.assess([measure], observations, period: "2024/25 Q3", today: "2025-01-20").measures.first)
        #expect(officer.spc != nil && officer.spcAbsence == nil)
        let shown = try #require(try Build.assess([measure], observations, period: "2024/25 Q3", today: "2025-01-20", audience: .public).measures.first)
        #expect(shown.spc == nil)
        #expect(shown.spcAbsence == "No statistical process control chart: some of the figures it would draw are withheld to protect individuals, and its limits would give them back.")
    }
}
