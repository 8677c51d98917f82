import Foundation
@testable import ScrutineerCore
import Testing

/// The headline the minutes quote (PRODUCT.md R2): counts by status and direction, overall and per
/// theme, and the sentence "Of the 22 key business measures, 16 were on track or had been
/// completed … two static and four declining", in two sentences (status, then direction of travel).
@Suite struct AssessmentHeadlineTests {
    /// 22 measures: 12 on track and improving, 2 on track and static, 2 completed milestones,
    /// 4 not on track and declining, 2 not on track but improving.
    static func twentyTwo(themes: [(String, [String])]? = nil, noun: (String, String)? = nil) throws -> CommitteeAssessment {
        var measures: [Measure] = []
        var observations: [Observation] = []
        var targets: [Target] = []
        var settings: [MeasureAssessmentSettings] = []
        for n in 1...22 {
            let code = "K\(n < 10 ? "0" : "")\(n)"
            let (q1, q2): (Double, Double) = switch n {
            case 1...12: (70, 72)
            case 13...14: (75, 75)
            case 15...16: (0, 1)
            case 17...20: (65, 60)
            default: (50, 55)
            }
            measures.append(Build.percentage(code))
            observations.append(try Build.observation(code, "2024/25 Q1", q1, published: "2024-08-10"))
            observations.append(try Build.observation(code, "2024/25 Q2", q2, published: "2024-11-14"))
            if (15...16).contains(n) {
                settings.append(MeasureAssessmentSettings(measureCode: code, isMilestone: true))
            } else {
                targets.append(try Build.target(code, .local, 70))
            }
        }
        var committee = Build.committee(measures.map(\.code), themes: themes)
        if let noun { (committee.measureNoun, committee.measureNounSingular) = noun }
        return try AssessmentData(
            committee: committee, reportingPeriod: try Build.period("2024/25 Q2"), today: try Build.date("2024-11-20"),
            audience: .member, measures: measures, observations: observations, targets: targets, settings: settings
        ).assess()
    }

    @Test("22 measures: the counts and the sentence the minutes quote")
    func minutesSentence() throws {
        let report = try Self.twentyTwo()
        let counts = report.headline.counts
        #expect(counts.measures == 22)
        #expect(counts.onTrack == 14)
        #expect(counts.completed == 2)
        #expect(counts.onTrackOrCompleted == 16)
        #expect(counts.notOnTrack == 6)
        #expect(counts.improving == 14)
        #expect(counts.static == 2)
        #expect(counts.declining == 4)
        #expect(counts.directionNotCalculated == 2)
        #expect(MeasureStatus.allCases.map(counts.count).reduce(0, +) == 22)
        #expect(TravelDirection.allCases.map(counts.count).reduce(0, +) == 22)
        #expect(report.headline.sentence == "Of the 22 key business measures, 16 were on track or had been completed; the other six were not on track. By direction of travel, 14 were improving, two static and four declining; for two no direction could be worked out.")
    }

    @Test("Of the measures not due a new figure, those not on track at their last figure are counted in the sentence")
    func notDueLastMissed() {
        var counts = HeadlineCounts([])
        counts.measures = 13
        counts.onTrack = 6
        counts.notDue = 7
        #expect(Headline.sentence(counts, noun: "key business measures", singular: "key business measure", theme: nil, lastMissed: 6).hasPrefix(
            "Of the 13 key business measures, six were on track or had been completed; the other seven were not due a new figure (six of them not on track at their last)."
        ))
        counts.notDue = 6
        counts.notOnTrack = 1
        #expect(Headline.sentence(counts, noun: "key business measures", singular: "key business measure", theme: nil, lastMissed: 4).hasPrefix(
            "Of the 13 key business measures, six were on track or had been completed; of the other seven, one was not on track and six were not due a new figure (four of them not on track at their last)."
        ))
    }

    @Test("Per theme, with numbers below 10 as words and 10 or more as digits")
    func perTheme() throws {
        let themes = [
            ("Education", ["K01", "K02", "K13", "K17"]),
            ("Children in Care", ["K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10", "K11", "K12"]),
            ("Early Help", ["K14", "K15", "K16", "K18", "K19", "K20", "K21", "K22"]),
        ]
        let report = try Self.twentyTwo(themes: themes)
        #expect(report.themes.map(\.measures.count) == [4, 10, 8])
        #expect(report.headline.themes.map(\.sentence) == [
            "Of the four key business measures in Education, three were on track or had been completed; the other one was not on track. By direction of travel, two were improving, one static and one declining.",
            "Of the 10 key business measures in Children in Care, 10 were on track or had been completed. By direction of travel, 10 were improving, none static and none declining.",
            "Of the eight key business measures in Early Help, three were on track or had been completed; the other five were not on track. By direction of travel, two were improving, one static and three declining; for two no direction could be worked out.",
        ])
        #expect(report.headline.themes.map(\.counts.notOnTrack) == [1, 0, 5])
        #expect(report.headline.sentence == "Of the 22 key business measures, 16 were on track or had been completed; the other six were not on track. By direction of travel, 14 were improving, two static and four declining; for two no direction could be worked out.")
    }

    @Test("The committee's own word for its measures, and the singular")
    func nounAndSingular() throws {
        var counts = HeadlineCounts([])
        #expect(Headline.sentence(counts, noun: "focus areas", singular: "focus area", theme: nil) == "There are no focus areas.")
        let one = try Build.assess(
            [Build.percentage("EET")], [try Build.observation("EET", "2024/25 Q2", 72, published: "2024-11-14")],
            targets: [try Build.target("EET", .local, 70)], period: "2024/25 Q2", today: "2024-11-20"
        )
        #expect(one.headline.sentence == "The one key business measure was on track or had been completed; no direction of travel could be worked out.")
        counts = try Self.twentyTwo(noun: ("focus areas", "focus area")).headline.counts
        #expect(Headline.sentence(counts, noun: "focus areas", singular: "focus area", theme: nil)
            == "Of the 22 focus areas, 16 were on track or had been completed; the other six were not on track. By direction of travel, 14 were improving, two static and four declining; for two no direction could be worked out.")
    }

    @Test("The sentence accounts for every measure: those not on track, with no figure or not judged are counted after the minutes' words")
    func everyMeasureCounted() throws {
        let measures = ["MET", "MISSED", "NO_FIGURE", "NO_TARGET"].map { Build.percentage($0) }
        let observations = try ["MET", "MISSED", "NO_TARGET"].flatMap { code in
            [try Build.observation(code, "2024/25 Q1", 75, published: "2024-08-10"), try Build.observation(code, "2024/25 Q2", code == "MISSED" ? 60 : 75, published: "2024-11-14")]
        }
        let report = try Build.assess(
            measures, observations, targets: [try Build.target("MET", .local, 70), try Build.target("MISSED", .local, 70)],
            period: "2024/25 Q2", today: "2024-11-20", themes: [("Early Help", measures.map(\.code))]
        )
        #expect(report.headline.sentence == "Of the four key business measures, one was on track or had been completed; of the other three, one was not on track, one had no figure and one could not be judged. "
            + "By direction of travel, none were improving, two static and one declining; for one no direction could be worked out.")
        #expect(report.headline.themes[0].sentence.hasPrefix("Of the four key business measures in Early Help, "))
        let single = try Build.assess([measures[1]], observations.filter { $0.measureCode == "MISSED" }, targets: [try Build.target("MISSED", .local, 70)], period: "2024/25 Q2", today: "2024-11-20", themes: [("Early Help", ["MISSED"])])
        #expect(single.headline.themes[0].sentence == "The one key business measure in Early Help was not on track; it was declining.")
        // None on track: the rest are all of them, not "the other" ones.
        let none = try Build.assess(
            [measures[1], measures[2]], observations.filter { $0.measureCode == "MISSED" }, targets: [try Build.target("MISSED", .local, 70)],
            period: "2024/25 Q2", today: "2024-11-20"
        )
        #expect(none.headline.sentence == "Of the two key business measures, none were on track or had been completed; of them, one was not on track and one had no figure. "
            + "By direction of travel, none were improving, none static and one declining; for one no direction could be worked out.")
        let both = try Build.assess(
            [measures[1], Build.percentage("MISSED_TOO")],
            try ["MISSED", "MISSED_TOO"].flatMap { code in
                [try Build.observation(code, "2024/25 Q1", 75, published: "2024-08-10"), try Build.observation(code, "2024/25 Q2", 60, published: "2024-11-14")]
            },
            targets: [try Build.target("MISSED", .local, 70), try Build.target("MISSED_TOO", .local, 70)], period: "2024/25 Q2", today: "2024-11-20"
        )
        #expect(both.headline.sentence.hasPrefix("Of the two key business measures, none were on track or had been completed; both were not on track. By direction"), "\(both.headline.sentence)")
    }

    @Test("An assessment encodes to JSON and decodes to the same value")
    func codableRoundTrip() throws {
        let report = try Self.twentyTwo()
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(CommitteeAssessment.self, from: data)
        #expect(decoded == report)
    }
}
