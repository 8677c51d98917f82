import ScrutineerCore
import Testing

/// A measure's status, direction and SPC read together in plain sentences, so a member need not
/// reconcile "not on track", "static" and "special cause improvement" alone (PRODUCT.md R2, R4).
@Suite struct MeasureInShortTests {
    /// 16 quarters from 2021/22 Q1: twelve around 70, then four around 80, the last two equal.
    static func quarters(_ code: String) throws -> [Observation] {
        let values: [Double] = [70, 71, 69, 70, 72, 70, 69, 71, 70, 70, 71, 69, 79, 80, 81, 81]
        let labels = (2021...2024).flatMap { year in (1...4).map { "\(year)/\(String(year + 1).suffix(2)) Q\($0)" } }
        return try zip(labels, values).map { try Build.observation(code, $0, $1, published: "2025-05-01") }
    }

    @Test("Short of the target, static since the last quarter, improving over the longer run, and the usual range below the target, which spans the figures from before the improvement")
    func improvingButShort() throws {
        let report = try Build.assess(
            [Build.percentage("RHI")], try Self.quarters("RHI"), targets: [try Build.target("RHI", .local, 85, tolerance: 3, from: "2021-04-01")],
            period: "2024/25 Q4", today: "2025-05-20"
        )
        let m = try #require(report.measures.first)
        #expect(m.status.status == .notOnTrack)
        #expect(m.direction.direction == .static)
        let spc = try #require(m.spc)
        let inShort = MeasureInShort(m)
        #expect(inShort.sentences[0] == "Not on track: 81.0% is short of the target of 85% by more than its tolerance.")
        #expect(inShort.sentences[1] == "Since 2024/25 Q3 it has not changed by enough to count as better or worse.")
        #expect(inShort.sentences[2] == "Over the longer run, though, the 16 figures charted show a real improvement, beyond their usual variation.",
                "\(spc.reason)")
        #expect(inShort.sentences.count == 4)
        // The range spans the figures from before the improvement, so it is not said the target will not be met (found by exploratory testing).
        #expect(inShort.sentences[3].hasSuffix("lies wholly below the target of 85%, but it spans figures from before the improvement, so whether the target can now be met will show once the figures since give a range of their own."), "\(inShort.sentences[3])")
        // Taking in the target, the range is said to span the figures from before the improvement too (found by exploratory re-testing).
        let reaching = try Build.assess(
            [Build.percentage("RHI")], try Self.quarters("RHI"), targets: [try Build.target("RHI", .local, 75, from: "2021-04-01")],
            period: "2024/25 Q4", today: "2025-05-20"
        )
        let reached = try #require(reaching.measures.first)
        let takesIn = try #require(MeasureInShort(reached).sentences.last)
        #expect(takesIn.hasSuffix("takes in the target of 75%, but it spans figures from before the improvement, so how often the target will be met will show once the figures since give a range of their own."), "\(takesIn)")
        // Its limits are figures, shown to the measure's decimal places: 27.0%, not 27%.
        #expect(inShort.sentences[3].hasPrefix("Their usual range, \(m.format.text(try #require(spc.analysis.points.last?.lowerProcessLimit))) to "))
        #expect(m.format.text(27) == "27.0%" && m.format.trimmedText(27) == "27%")
    }

    @Test("A latest figure beyond the usual range after a run of figures already flagged is that change's latest, not alone: the range is said to span the figures from before the deterioration (found by exploratory testing)")
    func latestAfterRun() throws {
        let values: [Double] = [7.0, 6.8, 7.2, 7.1, 6.9, 7.0, 7.3, 6.8, 7.1, 8.2, 8.7, 8.4, 8.6, 8.4, 8.5, 10.6]
        let labels = (2021...2024).flatMap { year in (1...4).map { "\(year)/\(String(year + 1).suffix(2)) Q\($0)" } }
        let report = try Build.assess(
            [Build.percentage("REPEAT", polarity: .lowIsGood)], try zip(labels, values).map { try Build.observation("REPEAT", $0, $1, published: "2025-05-01") },
            targets: [try Build.target("REPEAT", .local, 8, from: "2021-04-01")], period: "2024/25 Q4", today: "2025-05-20"
        )
        let m = try #require(report.measures.first)
        let points = try #require(m.spc).analysis.points
        #expect(points.last?.isOutsideLimits == true && points.dropLast().last?.isOutsideLimits == false, "\(points)")
        #expect(points.dropLast().last?.isSpecialCause == true, "the figures before it are a run above the mean")
        let last = try #require(MeasureInShort(m).sentences.last)
        #expect(last.contains("but it spans figures from before the deterioration"), "\(last)")
    }

    @Test("A judgement on a figure a newer one should have replaced says the figure is out of date, and when the newer one was due (found by exploratory testing)")
    func staleFigureSaid() throws {
        let report = try Build.assess(
            [Build.percentage("RHI")], try Self.quarters("RHI"), targets: [try Build.target("RHI", .local, 75, from: "2021-04-01")],
            period: "2025/26 Q3", today: "2026-01-20"
        )
        let m = try #require(report.measures.first)
        #expect(m.currency.state == .stale)
        let sentences = MeasureInShort(m).sentences
        #expect(sentences[0] == "On track: 81.0% meets the target of 75%.")
        #expect(sentences[1] == "That figure, for 2024/25 Q4, is out of date: a newer one was due by \(try #require(m.currency.nextUpdateDue).displayText).", "\(sentences)")
        // A current figure says nothing of the kind.
        let current = try #require(try Build.assess(
            [Build.percentage("RHI")], try Self.quarters("RHI"), targets: [try Build.target("RHI", .local, 75, from: "2021-04-01")],
            period: "2024/25 Q4", today: "2025-05-20"
        ).measures.first)
        #expect(!MeasureInShort(current).text.contains("out of date"))
    }

    @Test("Where lower is better a figure that misses is above its target; with no tolerance, no tolerance is mentioned")
    func lowerIsBetterMiss() throws {
        let measure = Build.percentage("REREF", polarity: .lowIsGood)
        let observations = [try Build.observation("REREF", "2024/25 Q2", 7.02, published: "2024-11-14")]
        let missed = try #require(try Build.assess([measure], observations, targets: [try Build.target("REREF", .local, 6.8)], period: "2024/25 Q2", today: "2024-11-20").measures.first)
        #expect(MeasureInShort(missed).sentences[0] == "Not on track: 7.0% is above the target of 6.8%.")
        let within = try #require(try Build.assess([measure], observations, targets: [try Build.target("REREF", .local, 6.8, tolerance: 0.5)], period: "2024/25 Q2", today: "2024-11-20").measures.first)
        #expect(MeasureInShort(within).sentences[0] == "On track within tolerance: 7.0% is above the target of 6.8%, but by no more than its tolerance.")
    }

    @Test("On track this period while the usual range lies wholly short of the target: the figure is said to be unusual, not contradicted (found by exploratory testing)")
    func metButUsuallyShort() throws {
        let values: [Double] = [70, 71, 69, 70, 72, 70, 69, 71, 70, 70, 71, 69, 70, 71, 70, 86]
        let labels = (2021...2024).flatMap { year in (1...4).map { "\(year)/\(String(year + 1).suffix(2)) Q\($0)" } }
        let observations = try zip(labels, values).map { try Build.observation("RHI", $0, $1, published: "2025-05-01") }
        let report = try Build.assess(
            [Build.percentage("RHI")], observations, targets: [try Build.target("RHI", .local, 85, from: "2021-04-01")],
            period: "2024/25 Q4", today: "2025-05-20"
        )
        let m = try #require(report.measures.first)
        #expect(m.status.status == .onTrack)
        let last = try #require(MeasureInShort(m).sentences.last)
        #expect(last.hasSuffix("lies wholly below the target of 85%, so this figure's meeting it is unusual: it will not go on being met without a change in how the service works."), "\(last)")

        // Quarterly figures to 2024/25 Q4 against a target of 85% with a tolerance of 2: the
        // measure's assessment, within tolerance, and what "In short" says last.
        func withinTolerance(_ figures: [Double]) throws -> (m: MeasureAssessment, said: [String]) {
            let report = try Build.assess(
                [Build.percentage("RHI")], try zip(labels, figures).map { try Build.observation("RHI", $0, $1, published: "2025-05-01") },
                targets: [try Build.target("RHI", .local, 85, tolerance: 2, from: "2021-04-01")], period: "2024/25 Q4", today: "2025-05-20"
            )
            let m = try #require(report.measures.first)
            #expect(m.status.isWithinTolerance)
            return (m, MeasureInShort(m).sentences)
        }
        // Short of the target but within its tolerance: the figure is not said to meet it (found by exploratory testing).
        let nearly = try withinTolerance(Array(values.dropLast()) + [84])
        #expect(nearly.said.first == "On track within tolerance: 84.0% is short of the target of 85%, but by no more than its tolerance.")
        #expect(nearly.said.last?.hasSuffix("lies wholly below the target of 85% and its tolerance, so this figure's coming within the tolerance is unusual: the target will not be met without a change in how the service works.") == true, "\(nearly.said)")
        // Every figure within the tolerance: nothing unusual in this one (found by exploratory re-testing).
        let usual = try withinTolerance([83.6, 84.2, 83.9, 84.4, 83.8, 84.1, 83.7, 84.3, 84.0, 83.9, 84.2, 83.8, 84.1, 83.9, 84.0, 84.1])
        #expect(usual.said.last?.hasSuffix("lies wholly below the target of 85%, so it will not be met without a change in how the service works.") == true, "\(usual.said)")
        // The mirror: usually above the target, this figure short of it within tolerance.
        let dip = try withinTolerance([90, 89, 91, 90, 89.5, 90.5, 90, 89, 91, 90, 90.5, 89.5, 90, 91, 89, 84])
        #expect(dip.said.last?.hasSuffix("lies wholly above the target of 85%, so this figure's missing it is unusual: it can be expected to be met again.") == true, "\(dip.said)")
    }

    @Test("A figure judged short of its target that would read as the target is shown to the places that part them: 84.96% is short of 85%, not 85.0% (found by exploratory testing)")
    func figureApartFromTarget() throws {
        let observations = [try Build.observation("EET", "2024/25 Q2", 84.96, published: "2024-11-14")]
        let report = try Build.assess([Build.percentage("EET")], observations, targets: [try Build.target("EET", .local, 85)], period: "2024/25 Q2", today: "2024-11-20")
        let m = try #require(report.measures.first)
        #expect(MeasureInShort(m).sentences[0] == "Not on track: 84.96% is short of the target of 85%.")
        #expect(m.status.reason.hasPrefix("Not on track: 84.96% against a local target of 85%"), "\(m.status.reason)")
        // Beside the edge of a tolerance too: 17.04% is beyond 15% and its 2 points, though 17.0% would read as on it (found by exploratory re-testing).
        let reref = Build.percentage("REREF", polarity: .lowIsGood)
        let beyond = try #require(try Build.assess(
            [reref], [try Build.observation("REREF", "2024/25 Q2", 17.04, published: "2024-11-14")],
            targets: [try Build.target("REREF", .local, 15, tolerance: 2)], period: "2024/25 Q2", today: "2024-11-20"
        ).measures.first)
        #expect(MeasureInShort(beyond).sentences[0] == "Not on track: 17.04% is above the target of 15% by more than its tolerance.")
        #expect(beyond.status.reason.hasPrefix("Not on track: 17.04% against a local target of 15% (tolerance 2 pp)"), "\(beyond.status.reason)")
        // Places are added only where the figures would read the same, and three at most.
        let format = ValueFormat(unit: .percentage, decimalPlaces: 1)
        #expect(format.apart(84.96, from: [85]).text(84.96) == "84.96%")
        #expect(format.apart(84.4, from: [85]).decimalPlaces == 1)
        #expect(format.apart(22.3627, from: [22.4]).text(22.3627) == "22.36%")
        #expect(format.apart(85.00001, from: [85]).decimalPlaces == 4)
        #expect(format.apart(85, from: [85]).decimalPlaces == 1, "the same figure needs no parting")
    }

    @Test("On track and improving, with too few figures for a chart; a withheld figure is not named")
    func onTrack() throws {
        let observations = [
            try Build.observation("EET", "2024/25 Q1", 70, published: "2024-08-10"), try Build.observation("EET", "2024/25 Q2", 76, published: "2024-11-14"),
        ]
        let report = try Build.assess([Build.percentage("EET")], observations, targets: [try Build.target("EET", .local, 75)], period: "2024/25 Q2", today: "2024-11-20")
        let m = try #require(report.measures.first)
        #expect(MeasureInShort(m).text == "On track: 76.0% meets the target of 75%. Since 2024/25 Q1 it has improved.")
        let none = try Build.assess([Build.percentage("NONE")], [], period: "2024/25 Q2", today: "2024-11-20")
        #expect(MeasureInShort(try #require(none.measures.first)).text == "There is no figure yet.")
    }
}
