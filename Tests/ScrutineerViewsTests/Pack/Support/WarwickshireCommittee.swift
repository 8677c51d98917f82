import Foundation
import ScrutineerCore
import ScrutineerTestSupport
@testable import ScrutineerViews

/// The test committee: 20 LAIT measures for Warwickshire (E10000031) in four themes, plus two
/// local measures with illustrative values the shipped data lack: a monthly percentage long
/// enough for an SPC chart (its title holds `<&>` and quotes, to prove escaping) and a quarterly
/// count with breakdowns by sex and district (small counts, to prove disclosure control).
enum WarwickshireCommittee {
    static let council = PackLAITData.warwickshire
    static let earlyHelp = "EH_OUTCOMES"
    static let exclusions = "PermEx_SEND"
    static let earlyHelpTitle = #"Early Help plans closed with outcomes met <&> "sustained""#

    static let themes: [(name: String, owner: String, codes: [String])] = [
        ("Child Protection", "Assistant Director, Children and Families",
         ["ReReferral", "PrevRegCPR", "CPP_rate", "Section_47", "CPP_Total_Rateper10,000"]),
        ("Children in Care", "Assistant Director, Children and Families",
         ["LAC", "CareLeaverAcc", "CareLeaverEET", "LACStable_2016on", "LAC_LongStable%", "Stability_SocialWorker"]),
        ("Education and SEND", "Assistant Director, Education",
         ["SEN_EHC_All_20wks", "TotAbs", "TotPermEx", "16-17_not known_NEET", exclusions]),
        ("Health and Wellbeing", "Director of Public Health", ["Under18concep", "Hosp_Adm_Alc_<18yrs", "HCP_PHOF"]),
        ("Early Help and Workforce", "Service Manager, Intelligence and Impact", [earlyHelp, "Work_Force_Vac_Rate", "Work_Force_AvgNumCase_SW"]),
    ]

    static let committee = Committee(
        code: "CYP-OSC", name: "Children and Young People Overview and Scrutiny Committee", councilAreaCode: council,
        themes: themes.map { CommitteeTheme(name: $0.name, owner: $0.owner, measureCodes: $0.codes) }
    )

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// The 15th of the month after `end`: when the local figures are published.
    static func published(after end: CalendarDate) -> CalendarDate {
        end.month == 12 ? CalendarDate(year: end.year + 1, month: 1, day: 15)! : CalendarDate(year: end.year, month: end.month + 1, day: 15)!
    }

    static var reportingPeriod: Period { get throws { try Period.parse("2025/26 Q2", yearType: .financial) } }
    static let today = date("2025-11-20")

    /// The local monthly measure (SPC) and quarterly count (breakdowns).
    static let localMeasures = [
        Measure(
            code: earlyHelp, title: earlyHelpTitle,
            definition: "Early Help plans closed in the month whose outcomes were met and sustained for three months, as a percentage of all plans closed.",
            owner: "Head of Early Help", unit: .percentage, decimalPlaces: 1, polarity: .highIsGood, periodicity: .monthly,
            yearType: .financial, source: "Early Help case system (illustrative values)", publicationLagDays: 15,
            benchmarkComparison: .notCompared, directionOfTravel: .spc, planPriority: "Best start in life"
        ),
        Measure(
            code: exclusions, title: "Permanent exclusions of children with SEND",
            definition: "Children with special educational needs and disabilities permanently excluded from school in the quarter.",
            owner: "Head of Inclusion", unit: .count, polarity: .lowIsGood, periodicity: .quarterly, yearType: .financial,
            source: "Education case system (illustrative values)", publicationLagDays: 30, benchmarkComparison: .notCompared
        ),
    ]

    /// Eighteen months, the last eight well above the first ten (a special cause).
    static let earlyHelpValues: [(month: String, met: Double, closed: Double)] = [
        ("2024-04", 86, 120), ("2024-05", 84, 118), ("2024-06", 88, 121), ("2024-07", 85, 119), ("2024-08", 83, 117),
        ("2024-09", 87, 122), ("2024-10", 85, 120), ("2024-11", 86, 118), ("2024-12", 84, 116), ("2025-01", 87, 121),
        ("2025-02", 95, 120), ("2025-03", 96, 121), ("2025-04", 94, 119), ("2025-05", 97, 122), ("2025-06", 95, 120),
        ("2025-07", 96, 121), ("2025-08", 98, 123), ("2025-09", 97, 122),
    ]

    static let exclusionTotals: [(quarter: String, count: Double)] = [
        ("2024/25 Q1", 12), ("2024/25 Q2", 9), ("2024/25 Q3", 14), ("2024/25 Q4", 11), ("2025/26 Q1", 8), ("2025/26 Q2", 17),
    ]
    /// The latest quarter by sex and by district: 3 girls (a small count), 14 boys.
    static let exclusionBreakdowns: [([String: String], Double)] = [
        (["sex": "Female"], 3), (["sex": "Male"], 14),
        (["district": "Nuneaton and Bedworth"], 6), (["district": "North Warwickshire"], 2), (["district": "Rugby"], 4),
        (["district": "Stratford-on-Avon"], 1), (["district": "Warwick"], 4),
    ]

    static func localObservations() throws -> [Observation] {
        var observations: [Observation] = []
        let earlyHelpMeasure = localMeasures[0]
        for (month, met, closed) in earlyHelpValues {
            let period = try earlyHelpMeasure.period(month)
            observations.append(Observation(
                measureCode: earlyHelp, areaCode: council, period: period, value: met / closed * 100, numerator: met, denominator: closed,
                source: "early_help.csv", published: published(after: period.end)
            ))
        }
        let exclusionMeasure = localMeasures[1]
        for (quarter, count) in exclusionTotals {
            let period = try exclusionMeasure.period(quarter)
            observations.append(Observation(
                measureCode: exclusions, areaCode: council, period: period, value: count, source: "exclusions.csv",
                published: published(after: period.end)
            ))
        }
        let latest = try exclusionMeasure.period("2025/26 Q2")
        for (breakdown, count) in exclusionBreakdowns {
            observations.append(Observation(
                measureCode: exclusions, areaCode: council, period: latest, breakdown: Breakdown(breakdown), value: count,
                source: "exclusions.csv", published: published(after: latest.end)
            ))
        }
        return observations
    }

    static func target(_ code: String, _ kind: TargetKind, _ value: Double, tolerance: Double? = nil, period: String? = nil) -> Target {
        Target(
            measureCode: code, kind: kind, value: value, tolerance: tolerance, periodLabel: period, validFrom: date("2025-04-01"),
            setBy: "Service Manager, Intelligence and Impact", setOn: date("2025-03-12"), reason: "Set for 2025/26 by the committee",
            decision: "CYP OSC minute 14/25"
        )
    }

    /// A local re-referral target, local and statutory EHCP targets, and the Early Help target with its trajectory.
    static let targets: [Target] = [
        target("ReReferral", .local, 18, tolerance: 1),
        target("SEN_EHC_All_20wks", .local, 50, tolerance: 5),
        target("SEN_EHC_All_20wks", .statutory, 100),
        target(earlyHelp, .local, 75, tolerance: 2),
    ] + ["2025-04": 74.0, "2025-05": 74.5, "2025-06": 75.0, "2025-07": 75.5, "2025-08": 76.0, "2025-09": 76.5]
        .sorted { $0.key < $1.key }.map { target(earlyHelp, .trajectory, $0.value, period: $0.key) }

    static let settings = [
        MeasureAssessmentSettings(measureCode: exclusions, directionBasis: .samePeriodLastYear),
    ]

    /// The committee assessed for `audience`.
    static func assess(_ audience: Audience) throws -> CommitteeAssessment {
        let lait = try PackLAITData.shared()
        return try AssessmentData(
            committee: committee, reportingPeriod: try reportingPeriod, today: today, audience: audience,
            measures: lait.measures + localMeasures, observations: lait.observations + (try localObservations()),
            targets: targets, statisticalNeighbours: lait.neighbours, areas: lait.areas, settings: settings
        ).assess()
    }

    /// The assessment and its rendered pack, once per audience for every test.
    struct Rendered: Sendable {
        let assessment: CommitteeAssessment
        let files: [PackFile]

        /// The file at `path`.
        func file(_ path: String) throws -> PackFile {
            guard let file = files.first(where: { $0.path == path }) else { throw PackFixtureError(description: "the pack has no \(path)") }
            return file
        }

        /// The HTML pages.
        var pages: [PackFile] { files.filter { $0.path.hasSuffix(".html") } }
    }

    static func render(_ audience: Audience) -> Result<Rendered, PackFixtureError> {
        do {
            let assessment = try assess(audience)
            return .success(Rendered(assessment: assessment, files: try PackRenderer.render(assessment)))
        } catch {
            return .failure(PackFixtureError(description: "\(error)"))
        }
    }

    static let officer = render(.officer)
    static let member = render(.member)
    static let `public` = render(.public)

    static func rendered(_ audience: Audience) throws -> Rendered {
        switch audience {
        case .officer: try officer.get()
        case .member: try member.get()
        case .public: try `public`.get()
        }
    }
}
