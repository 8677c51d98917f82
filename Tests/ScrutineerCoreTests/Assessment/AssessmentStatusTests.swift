import ScrutineerCore
import ScrutineerTestSupport
import Testing

/// Status against target (PRODUCT.md R2, R3): on track, within tolerance, not on track, completed,
/// several targets, trajectories, a target changed mid-year, no target, no better/worse direction.
@Suite struct AssessmentStatusTests {
    /// A care-leavers-in-EET style percentage (higher is better), Q2 2024/25 published 14 Nov 2024.
    static func eet(_ value: Double, targets: [Target], settings: [MeasureAssessmentSettings] = []) throws -> MeasureAssessment {
        let report = try Build.assess(
            [Build.percentage("EET")], [try Build.observation("EET", "2024/25 Q2", value, published: "2024-11-14")],
            targets: targets, settings: settings, period: "2024/25 Q2", today: "2024-11-20"
        )
        return try #require(report.measures.first)
    }

    @Test("Not on track, with the reason the committee asked for")
    func notOnTrack() throws {
        let assessment = try Self.eet(61.2, targets: [try Build.target("EET", .local, 70, tolerance: 2)])
        #expect(assessment.currency.state == .current)
        #expect(assessment.status.status == .notOnTrack)
        #expect(assessment.status.colour == .red)
        #expect(assessment.status.symbol == "status-not-on-track")
        #expect(assessment.status.label == "Not on track")
        #expect(assessment.status.reason == "Not on track: 61.2% against a local target of 70% (tolerance 2 pp), published 14 Nov 2024")
    }

    @Test("Within tolerance is on track, shown amber, with its own label and symbol",
          arguments: [(70.0, TargetResult.met), (68.5, .withinTolerance), (68.0, .withinTolerance), (67.9, .missed), (75, .met)])
    func tolerance(value: Double, expected: TargetResult) throws {
        let assessment = try Self.eet(value, targets: [try Build.target("EET", .local, 70, tolerance: 2)])
        #expect(assessment.status.reportedTarget?.result == expected)
        switch expected {
        case .met:
            #expect(assessment.status.status == .onTrack)
            #expect(assessment.status.colour == .green)
            #expect(assessment.status.label == "On track")
        case .withinTolerance:
            #expect(assessment.status.status == .onTrack)
            #expect(assessment.status.isWithinTolerance)
            #expect(assessment.status.colour == .amber)
            #expect(assessment.status.label == "On track (within tolerance)")
            #expect(assessment.status.symbol == "status-within-tolerance")
        default:
            #expect(assessment.status.status == .notOnTrack)
        }
    }

    @Test("The within-tolerance reason")
    func withinToleranceReason() throws {
        let assessment = try Self.eet(68.5, targets: [try Build.target("EET", .local, 70, tolerance: 2)])
        #expect(assessment.status.reason == "On track (within tolerance): 68.5% against a local target of 70% (tolerance 2 pp), published 14 Nov 2024")
    }

    @Test("Lower is better: tolerance counts upwards from the target",
          arguments: [(19.0, TargetResult.met), (20.0, .met), (20.5, .withinTolerance), (21.0, .withinTolerance), (21.1, .missed)])
    func lowerIsBetterTolerance(value: Double, expected: TargetResult) throws {
        let measure = Build.percentage("REREF", polarity: .lowIsGood)
        let report = try Build.assess(
            [measure], [try Build.observation("REREF", "2024/25 Q2", value, published: "2024-11-14")],
            targets: [try Build.target("REREF", .local, 20, tolerance: 1)], period: "2024/25 Q2", today: "2024-11-20"
        )
        #expect(report.measures.first?.status.reportedTarget?.result == expected)
    }

    @Test("A council is judged against its own targets and those naming no council, never another council's")
    func targetsOfTheCouncil() throws {
        let targets = [
            try Build.target("EET", .local, 50, council: "E06000041"),
            try Build.target("EET", .national, 60),
            try Build.target("EET", .local, 70, tolerance: 2, council: Build.council),
        ]
        let assessment = try Self.eet(61.2, targets: targets)
        #expect(assessment.status.targets.map(\.target.value) == [70, 60])
        #expect(assessment.status.status == .notOnTrack)
        let othersOnly = try Self.eet(61.2, targets: [try Build.target("EET", .local, 50, council: "E06000041")])
        #expect(othersOnly.status.targets.isEmpty)
    }

    @Test("Several targets: each is judged, the local one is reported and named, the others are stated")
    func severalTargets() throws {
        let targets = [try Build.target("EET", .national, 60), try Build.target("EET", .local, 70, tolerance: 2)]
        let assessment = try Self.eet(61.2, targets: targets)
        #expect(assessment.status.targets.map(\.target.kind) == [.local, .national])
        #expect(assessment.status.targets.map(\.result) == [.missed, .met])
        #expect(assessment.status.reportedTarget?.target.kind == .local)
        #expect(assessment.status.status == .notOnTrack)
        #expect(assessment.status.reason
            == "Not on track: 61.2% against a local target of 70% (tolerance 2 pp), published 14 Nov 2024. Against the national target of 60%: on track")
        #expect(assessment.symbols.isSuperset(of: ["target-local", "target-national"]))
    }

    @Test("The committee can report against another kind of target (\"from the national to a local one\" and back)")
    func reportAgainstNational() throws {
        let targets = [try Build.target("EET", .national, 60), try Build.target("EET", .local, 70, tolerance: 2)]
        let assessment = try Self.eet(61.2, targets: targets, settings: [MeasureAssessmentSettings(measureCode: "EET", reportAgainst: .national)])
        #expect(assessment.status.reportedTarget?.target.kind == .national)
        #expect(assessment.status.status == .onTrack)
    }

    @Test("Statutory is preferred to national when there is no local target")
    func statutoryBeforeNational() throws {
        let targets = [try Build.target("EET", .national, 60), try Build.target("EET", .statutory, 65)]
        let assessment = try Self.eet(61.2, targets: targets)
        #expect(assessment.status.reportedTarget?.target.kind == .statutory)
        #expect(assessment.status.status == .notOnTrack)
    }

    /// EET by quarter with a trajectory through the year and a year-end local target of 75%.
    static func trajectory(period: String, today: String) throws -> MeasureAssessment {
        let observations = [
            try Build.observation("EET", "2024/25 Q1", 61, published: "2024-08-10"),
            try Build.observation("EET", "2024/25 Q2", 66, published: "2024-11-14"),
            try Build.observation("EET", "2024/25 Q3", 68, published: "2025-02-12"),
        ]
        let targets = [
            try Build.target("EET", .trajectory, 60, period: "2024/25 Q1"),
            try Build.target("EET", .trajectory, 65, period: "2024/25 Q2"),
            try Build.target("EET", .trajectory, 70, period: "2024/25 Q3"),
            try Build.target("EET", .local, 75),
        ]
        let report = try Build.assess([Build.percentage("EET")], observations, targets: targets, period: period, today: today)
        return try #require(report.measures.first)
    }

    @Test("Trajectory targets: the value for the figure's own period is used and reported")
    func trajectoryTargets() throws {
        let q2 = try Self.trajectory(period: "2024/25 Q2", today: "2024-11-20")
        #expect(q2.status.reportedTarget?.target.kind == .trajectory)
        #expect(q2.status.reportedTarget?.target.value == 65)
        #expect(q2.status.status == .onTrack)
        #expect(q2.status.reason
            == "On track: 66.0% against a trajectory target of 65% for 2024/25 Q2, published 14 Nov 2024. Against the local target of 75%: not on track")

        let q3 = try Self.trajectory(period: "2024/25 Q3", today: "2025-02-20")
        #expect(q3.status.reportedTarget?.target.value == 70)
        #expect(q3.status.status == .notOnTrack)
        #expect(q3.history.map(\.trajectoryTarget) == [60, 65, 70])
    }

    @Test("A target changed mid-year: the version in force at the end of the figure's period is used")
    func targetChangedMidYear() throws {
        let targets = [
            try Build.target("EET", .local, 70, from: "2024-04-01", to: "2024-09-30", version: 1),
            try Build.target("EET", .local, 65, from: "2024-10-01", version: 2),
            try Build.target("EET", .local, 60, from: "2025-04-01", version: 3),
        ]
        let observations = [
            try Build.observation("EET", "2024/25 Q2", 66, published: "2024-11-14"),
            try Build.observation("EET", "2024/25 Q3", 66, published: "2025-02-12"),
        ]
        let q2 = try #require(try Build.assess([Build.percentage("EET")], observations, targets: targets, period: "2024/25 Q2", today: "2024-11-20").measures.first)
        #expect(q2.status.reportedTarget?.target.version == 1)
        #expect(q2.status.status == .notOnTrack)
        let q3 = try #require(try Build.assess([Build.percentage("EET")], observations, targets: targets, period: "2024/25 Q3", today: "2025-02-20").measures.first)
        #expect(q3.status.reportedTarget?.target.version == 2)
        #expect(q3.status.status == .onTrack)
        #expect(q3.status.reason == "On track: 66.0% against a local target of 65%, published 12 Feb 2025")
    }

    @Test("A figure reported a quarter late is judged against the target set for its own period, whether that has since expired or been replaced")
    func targetOfTheFiguresOwnPeriod() throws {
        // The 2024/25 Q4 figure, the latest published when the 2025/26 Q1 report is written.
        let observations = [try Build.observation("EET", "2024/25 Q4", 81, published: "2025-06-10")]
        func reported(_ targets: [Target]) throws -> StatusAssessment {
            try #require(try Build.assess([Build.percentage("EET")], observations, targets: targets, period: "2025/26 Q1", today: "2025-07-20").measures.first).status
        }
        // A yearly target that ended on 31 March 2025 still judges the year's last figure.
        let expired = try reported([try Build.target("EET", .local, 80, from: "2024-04-01", to: "2025-03-31")])
        #expect(expired.status == .onTrack)
        #expect(expired.reportedTarget?.target.value == 80)
        // A stricter target from 1 April 2025 does not judge a figure for the year before it.
        let replaced = try reported([
            try Build.target("EET", .local, 80, from: "2024-04-01", version: 1),
            try Build.target("EET", .local, 85, from: "2025-04-01", version: 2),
        ])
        #expect(replaced.reportedTarget?.target.version == 1)
        #expect(replaced.status == .onTrack)
        // A target first set after the figure's period judges it, as no earlier one was in force.
        let later = try reported([try Build.target("EET", .local, 85, from: "2025-04-01")])
        #expect(later.reportedTarget?.target.value == 85)
        #expect(later.status == .notOnTrack)
    }

    @Test("A shortfall of exactly the tolerance is within it, though the subtraction rounds in binary (70.2 − 0.6 is 69.60000000000001)",
          arguments: [(69.6, 70.2, 0.6, Polarity.highIsGood, TargetResult.withinTolerance), (69.59, 70.2, 0.6, .highIsGood, .missed),
                      (10.3, 10.1, 0.2, .lowIsGood, .withinTolerance), (10.31, 10.1, 0.2, .lowIsGood, .missed)])
    func toleranceEdge(value: Double, target: Double, tolerance: Double, polarity: Polarity, expected: TargetResult) throws {
        let judged = TargetJudgement.judge(value, against: try Build.target("EET", .local, target, tolerance: tolerance), polarity: polarity)
        #expect(judged == expected)
    }

    /// A milestone: the education strategy approved (1) or not yet (0).
    static func milestone(_ observations: [(String, Double)], targets: [Target], period: String, today: String) throws -> MeasureAssessment {
        let measure = Measure(code: "STRATEGY", title: "Education strategy approved", unit: .number, decimalPlaces: 0,
                              polarity: .highIsGood, periodicity: .quarterly, yearType: .financial, publicationLagDays: 30)
        let report = try Build.assess(
            [measure], try observations.map { try Build.observation("STRATEGY", $0.0, $0.1, published: "2024-10-15") },
            targets: targets, settings: [MeasureAssessmentSettings(measureCode: "STRATEGY", isMilestone: true)],
            period: period, today: today
        )
        return try #require(report.measures.first)
    }

    @Test("A completed milestone is completed, green, with no direction or benchmarks")
    func completedMilestone() throws {
        let assessment = try Self.milestone([("2024/25 Q1", 0), ("2024/25 Q2", 1)], targets: [], period: "2024/25 Q2", today: "2024-11-20")
        #expect(assessment.status.status == .completed)
        #expect(assessment.status.colour == .green)
        #expect(assessment.status.reason == "Completed in 2024/25 Q2, published 15 Oct 2024")
        #expect(assessment.latest?.text == "Completed")
        #expect(assessment.direction.notCalculatedReason == .milestone)
        #expect(assessment.benchmarks == nil)
    }

    @Test("A milestone not yet completed is on track until its trajectory expects completion")
    func milestoneNotYetDue() throws {
        let targets = [
            try Build.target("STRATEGY", .trajectory, 0, period: "2024/25 Q1"),
            try Build.target("STRATEGY", .trajectory, 1, period: "2024/25 Q2"),
        ]
        let q1 = try Self.milestone([("2024/25 Q1", 0)], targets: targets, period: "2024/25 Q1", today: "2024-10-20")
        #expect(q1.status.status == .onTrack)
        #expect(q1.latest?.text == "Not completed")
        let q2 = try Self.milestone([("2024/25 Q1", 0), ("2024/25 Q2", 0)], targets: targets, period: "2024/25 Q2", today: "2024-11-20")
        #expect(q2.status.status == .notOnTrack)
        #expect(q2.status.reason == "Not on track: not completed against a trajectory target of completion for 2024/25 Q2, published 15 Oct 2024")
    }

    @Test("A measure with no target in force is not judged")
    func noTarget() throws {
        let lait = try LAITData.shared()
        let assessment = try #require(try lait.index().assess(
            council: LAITData.warwickshire, measureCodes: ["ReReferral"], reportingPeriod: try Build.period("2025/26 Q1"),
            today: try Build.date("2025-12-01"), audience: .officer
        ).first)
        #expect(assessment.status.status == .notJudged)
        #expect(assessment.status.notJudgedReason == .noTarget)
        #expect(assessment.status.colour == .grey)
        #expect(assessment.status.reason == "Not judged: 17.0% for 2025; no target is in force")
    }

    @Test("A measure with no better or worse direction is not judged even with a target")
    func polarityNoneIsNotJudged() throws {
        let lait = try LAITData.shared()
        let index = lait.index(targets: [try Build.target("CIN", .local, 300, from: "2024-04-01")])
        let assessment = try #require(try index.assess(
            council: LAITData.warwickshire, measureCodes: ["CIN"], reportingPeriod: try Build.period("2025/26 Q1"),
            today: try Build.date("2025-12-01"), audience: .officer
        ).first)
        #expect(assessment.status.status == .notJudged)
        #expect(assessment.status.notJudgedReason == .noDirection)
        #expect(assessment.status.targets.map(\.result) == [.notCompared])
        #expect(assessment.status.reason
            == "Not judged: 280.3 per 10,000 for 2025; this measure has no better or worse direction, so it has no target status")
    }

    @Test("The history keeps, at each period, the version of the reported target's kind in force on its last day, none before the first")
    func targetVersionsInHistory() throws {
        let measure = Build.percentage("M")
        let quarters = ["2023/24 Q4", "2024/25 Q1", "2024/25 Q2", "2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2"]
        let observations = try quarters.map { try Build.observation("M", $0, 9) }
        let targets = [
            try Build.target("M", .local, 8, from: "2024-04-01"),
            try Build.target("M", .local, 11, from: "2025-04-01", version: 2),
        ]
        let m = try #require(try Build.assess([measure], observations, targets: targets, period: "2025/26 Q2", today: "2025-11-20").measures.first)
        #expect(m.status.reportedTarget?.target.value == 11)
        #expect(m.history.map(\.period.label) == quarters)
        #expect(m.history.map(\.target) == [nil, 8, 8, 8, 8, 11, 11])
    }
}
