import ScrutineerCore
import ScrutineerTestSupport
import Testing

/// The index and the many-councils path: the same answers as one council at a time, errors that
/// name what is wrong, later publications superseding earlier ones.
@Suite struct AssessmentIndexTests {
    @Test("Every LAIT measure for every local authority at once equals one council at a time")
    func everyCouncil() throws {
        let lait = try LAITData.shared()
        let index = lait.index()
        let period = try Build.period("2025/26 Q2")
        let today = try Build.date("2026-03-01")
        let councils = index.localAuthorityCodes
        #expect(councils.count >= 150)
        #expect(index.measureCodes.count == 36)
        let all = try index.assess(councils: councils, measureCodes: index.measureCodes, reportingPeriod: period, today: today, audience: .officer)
        #expect(all.count == councils.count)
        #expect(all.allSatisfy { $0.measures.count == 36 })
        for code in [LAITData.warwickshire, "E09000007", "E06000041"] {
            let bulk = try #require(all.first { $0.councilAreaCode == code }).measures
            let single = try index.assess(council: code, measureCodes: index.measureCodes, reportingPeriod: period, today: today,
                                          audience: .officer, includeHistory: false)
            #expect(bulk == single, "\(code)")
        }
        // Ranks within a measure and period run from 1 and are each LA's own.
        // 2025 is LAIT's latest year: the 153 councils with a 2025 figure are ranked among themselves,
        // 1 = best; predecessor councils, published as "-" in 2025, are compared in 2025 with no rank.
        let in2025 = all.compactMap { $0.measures.first { $0.measure.code == "ReReferral" }?.benchmarks }.filter { $0.period.label == "2025" }
        #expect(in2025.filter { $0.councilValue != nil }.count == 153)
        #expect(in2025.filter { $0.councilValue == nil }.allSatisfy { $0.rank == nil && $0.band == nil })
        #expect(in2025.compactMap(\.rank).min() == 1)
        #expect(in2025.allSatisfy { $0.rankedCount == 153 })
    }

    @Test("A committee naming an unknown or repeated measure is refused with a message that says so")
    func errors() throws {
        let measure = Build.percentage("EET")
        #expect(throws: AssessmentError.unknownMeasure("NOPE")) {
            try AssessmentData(committee: Build.committee(["EET", "NOPE"]), reportingPeriod: try Build.period("2024/25 Q2"),
                               today: try Build.date("2024-11-20"), audience: .officer, measures: [measure], observations: []).assess()
        }
        #expect(throws: AssessmentError.duplicateMeasure("EET")) {
            try AssessmentData(committee: Build.committee(["EET", "EET"]), reportingPeriod: try Build.period("2024/25 Q2"),
                               today: try Build.date("2024-11-20"), audience: .officer, measures: [measure], observations: []).assess()
        }
        #expect(AssessmentError.unknownMeasure("NOPE").description
            == "unknown measure \"NOPE\": the committee lists it but the data hold no such measure (expected one of the measures given)")
    }

    @Test("A later publication of the same cell supersedes the earlier one")
    func laterPublicationWins() throws {
        let observations = [
            try Build.observation("EET", "2024/25 Q2", 66, published: "2024-11-14"),
            try Build.observation("EET", "2024/25 Q2", 64, published: "2024-12-02"),
            try Build.observation("EET", "2024/25 Q1", 60, published: "2024-08-10"),
        ]
        let report = try Build.assess([Build.percentage("EET")], observations, period: "2024/25 Q2", today: "2024-12-10")
        let assessment = try #require(report.measures.first)
        #expect(assessment.latest?.value == 64)
        #expect(assessment.history.map(\.period.label) == ["2024/25 Q1", "2024/25 Q2"])
        let before = try Build.assess([Build.percentage("EET")], observations, period: "2024/25 Q2", today: "2024-11-20")
        #expect(before.measures.first?.latest?.value == 66)
    }

    @Test("England's figure and a breakdown revised after the report's day: the report sees what was published on the day")
    func revisionsAfterTheDay() throws {
        let observations = [
            try Build.observation("EET", "2024/25 Q2", 66, published: "2024-11-14"),
            try Build.observation("EET", "2024/25 Q2", 58, area: Area.englandCode, published: "2024-11-14"),
            try Build.observation("EET", "2024/25 Q2", 59, area: Area.englandCode, published: "2024-12-02"),
            try Build.observation("EET", "2024/25 Q2", 70, published: "2024-11-14", breakdown: ["sex": "Female"]),
            try Build.observation("EET", "2024/25 Q2", 71, published: "2024-12-02", breakdown: ["sex": "Female"]),
        ]
        for (today, england, female) in [("2024-11-20", 58.0, 70.0), ("2024-12-10", 59, 71)] {
            let assessment = try #require(try Build.assess([Build.percentage("EET")], observations, period: "2024/25 Q2", today: today).measures.first)
            #expect(assessment.benchmarks?.england == england, "\(today)")
            #expect(assessment.breakdowns.map(\.cell) == [.value(female)], "\(today)")
        }
    }

    @Test("The chart history carries England, region and the neighbours' mean for each period")
    func history() throws {
        let lait = try LAITData.shared()
        let committee = Build.committee(["ReReferral"])
        let report = try lait.index().assess(committee: committee, reportingPeriod: try Build.period("2025/26 Q2"),
                                             today: try Build.date("2026-03-01"), audience: .member)
        let history = try #require(report.measures.first?.history)
        #expect(history.map(\.period.label) == ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"])
        let last = try #require(history.last)
        #expect(last.council == .value(17.0))
        #expect(last.england == 22.6)
        #expect(last.region == 19.5)
        #expect(last.statisticalNeighbourMean == report.measures.first?.benchmarks?.statisticalNeighbours?.mean)
    }
}
