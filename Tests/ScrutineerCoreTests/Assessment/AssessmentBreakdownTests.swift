import ScrutineerCore
import Testing

/// Breakdowns and disclosure control (PRODUCT.md R8; METHODS.md §13.7): the public never sees a
/// count of 1–5 or anything derived from one, and is told why a cell is blank.
@Suite struct AssessmentBreakdownTests {
    /// Care leavers in education, employment or training by age band: 53 of 120 overall.
    static func careLeavers(_ audience: Audience) throws -> MeasureAssessment {
        let measure = Build.percentage("CLEET")
        let observations = [
            try Build.observation("CLEET", "2024/25 Q2", 100 * 53 / 120, numerator: 53, denominator: 120, published: "2024-11-14"),
            try Build.observation("CLEET", "2024/25 Q2", 100 * 3 / 40, numerator: 3, denominator: 40, published: "2024-11-14", breakdown: ["age": "17-18"]),
            try Build.observation("CLEET", "2024/25 Q2", 100 * 30 / 45, numerator: 30, denominator: 45, published: "2024-11-14", breakdown: ["age": "19-20"]),
            try Build.observation("CLEET", "2024/25 Q2", 100 * 20 / 35, numerator: 20, denominator: 35, published: "2024-11-14", breakdown: ["age": "21+"]),
        ]
        return try #require(try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-11-20", audience: audience).measures.first)
    }

    @Test("Public: the 17–18 count of 3 is c with its reason, the percentage from it is c, and the 21+ band is hidden so 3 cannot be worked out")
    func publicSuppression() throws {
        let assessment = try Self.careLeavers(.public)
        let byAge = Dictionary(uniqueKeysWithValues: assessment.breakdowns.map { ($0.breakdown.key, $0) })
        let young = try #require(byAge["age=17-18"])
        #expect(young.numerator == .suppressed(symbol: .confidential, reason: .smallCount))
        #expect(young.cell == .suppressed(symbol: .confidential, reason: .derivedFromSuppressedCount))
        #expect(young.text == "c")
        #expect(young.reason == "c: withheld so that no one can be identified: a small number or a figure from which one could be worked out")
        let middle = try #require(byAge["age=19-20"])
        #expect(middle.cell == .value(100 * 30 / 45))
        #expect(middle.text == "66.7%")
        let older = try #require(byAge["age=21+"])
        #expect(older.numerator == .suppressed(symbol: .confidential, reason: .protectsSuppressedCell))
        #expect(older.cell.isSuppressed)
        #expect(assessment.latest?.value == 100.0 * 53 / 120)
        #expect(assessment.symbols.contains("symbol-c"))
    }

    /// Health visitor reviews by district, with the council's total.
    /// `percentages` are districts published as a percentage alone, without their counts.
    /// and `symbols` as the publisher's symbol alone.
    static func districts(
        _ rows: [(String, Double, Double)], total: (Double, Double), percentages: [(String, Double)] = [], symbols: [(String, StatusSymbol)] = []
    ) throws -> [String: BreakdownFigure] {
        var cells: [(breakdown: [String: String], numerator: Double, denominator: Double)] = [([:], total.0, total.1)]
        for (district, numerator, denominator) in rows { cells.append((["district": district], numerator, denominator)) }
        let observations = try cells.map { cell in
            try Build.observation(
                "HVR", "2024/25 Q2", 100 * cell.numerator / cell.denominator, numerator: cell.numerator, denominator: cell.denominator,
                published: "2024-11-14", breakdown: cell.breakdown
            )
        } + percentages.map { district, value in
            try Build.observation("HVR", "2024/25 Q2", value, published: "2024-11-14", breakdown: ["district": district])
        } + symbols.map { district, symbol in
            Observation(
                measureCode: "HVR", areaCode: Build.council, period: try Build.period("2024/25 Q2", .financial), breakdown: Breakdown(["district": district]),
                value: nil, statusSymbol: symbol, source: "test", published: try Build.date("2024-11-14")
            )
        }
        let assessment = try #require(try Build.assess([Build.percentage("HVR")], observations, period: "2024/25 Q2", today: "2024-11-20", audience: .public).measures.first)
        return Dictionary(uniqueKeysWithValues: assessment.breakdowns.map { ($0.breakdown.pairs[0].value, $0) })
    }

    @Test("Public: a district's percentage withheld for a difference of 2 (58 of 60) keeps its count and total back, and one more district is hidden whole, so neither comes back from the total's 165 of 200 (found by exploratory testing)")
    func withheldFigureKeepsItsCounts() throws {
        let byDistrict = try Self.districts([("Alpha", 58, 60), ("Bravo", 60, 80), ("Charlie", 47, 60)], total: (165, 200))
        let alpha = try #require(byDistrict["Alpha"])
        #expect(alpha.cell.isSuppressed && alpha.numerator?.isSuppressed == true && alpha.denominator?.isSuppressed == true)
        let hidden = byDistrict.values.filter { $0.cell.isSuppressed && $0.numerator?.isSuppressed == true && $0.denominator?.isSuppressed == true }
        #expect(hidden.count == 2, "Alpha and one other, whole: \(byDistrict)")
        let shown = byDistrict.values.filter { !$0.cell.isSuppressed }
        #expect(shown.count == 1 && shown.allSatisfy { $0.numerator?.isSuppressed == false && $0.denominator?.isSuppressed == false })
    }

    @Test("Public: a district's total of 4 (2 of 4) is withheld, and another district is hidden whole, so 4 does not come back from the total's 200 (found by exploratory testing)")
    func smallTotalProtected() throws {
        let byDistrict = try Self.districts([("Alpha", 2, 4), ("Bravo", 50, 70), ("Charlie", 40, 60), ("Delta", 44, 66)], total: (136, 200))
        #expect(byDistrict["Alpha"]?.denominator == .suppressed(symbol: .confidential, reason: .smallCount))
        let hidden = byDistrict.values.filter { $0.denominator?.isSuppressed == true }
        #expect(hidden.count == 2, "\(byDistrict)")
        #expect(hidden.allSatisfy { $0.cell.isSuppressed && $0.numerator?.isSuppressed == true })
    }

    @Test("Public: a district with none of 3 (withheld for its small total) is suppressed like any other, without stopping the server (found by exploratory re-testing)")
    func withheldZero() throws {
        let byDistrict = try Self.districts([("Alpha", 0, 3), ("Bravo", 10, 100), ("Charlie", 10, 97)], total: (20, 200))
        let alpha = try #require(byDistrict["Alpha"])
        #expect(alpha.cell.isSuppressed && alpha.denominator == .suppressed(symbol: .confidential, reason: .smallCount))
        // Its total of 3 would come back from 200 less the others' totals, so one more district is
        // hidden whole; its none of them gives nothing away, so protects nothing more.
        #expect(byDistrict.values.filter { $0.denominator?.isSuppressed == true }.count == 2, "\(byDistrict)")
        #expect(byDistrict.values.filter { $0.cell.isSuppressed }.count == 2, "\(byDistrict)")
    }

    @Test("Public: a district shown as a percentage without its counts is hidden too where another district is withheld, so Alpha's 2 of 4 does not come back from the total's 60 of 200 less the others and Bravo's 28.6% (found by exploratory re-testing)")
    func figureWithoutCountsProtects() throws {
        let byDistrict = try Self.districts([("Alpha", 2, 4), ("Charlie", 18, 60), ("Delta", 20, 66)], total: (60, 200), percentages: [("Bravo", 28.6)])
        #expect(byDistrict["Alpha"]?.cell.isSuppressed == true)
        #expect(byDistrict["Bravo"]?.cell == .suppressed(symbol: .confidential, reason: .protectsSuppressedCell), "\(byDistrict)")
        #expect(byDistrict["Bravo"]?.numerator == nil, "Bravo had no counts to hide")
        // Alpha's total of 4 could still come back from 200 less the others' were Bravo's counts
        // known; they are not, so Charlie and Delta are shown.
        #expect(byDistrict["Charlie"]?.cell == .value(30) && byDistrict["Delta"]?.cell.isSuppressed == false)
    }

    @Test("A district without counts stays shown when nothing beside it is withheld, and a publisher's own symbol (x) asks nothing more")
    func figureWithoutCountsAlone() throws {
        let shown = try Self.districts([("Alpha", 20, 40), ("Charlie", 18, 60)], total: (60, 200), percentages: [("Bravo", 28.6)])
        #expect(shown.values.allSatisfy { !$0.cell.isSuppressed }, "\(shown)")
        let unavailable = try Self.districts([("Alpha", 20, 40), ("Charlie", 18, 60)], total: (60, 200), percentages: [("Bravo", 28.6)], symbols: [("Echo", .unavailable)])
        #expect(unavailable["Echo"]?.cell.symbol == .unavailable)
        #expect(unavailable.values.filter(\.cell.isSuppressed).count == 1, "\(unavailable)")
    }

    @Test("Bands are in order of their numbers, not their text: 5-10, 11-15, 16 (found by exploratory testing)")
    func numericOrder() throws {
        let observations = try [("16", 4.0), ("11-15", 9.0), ("5-10", 12.0)].map { band, value in
            try Build.observation("CME", "2024/25 Q2", value, published: "2024-11-14", breakdown: ["age_band": band])
        } + [try Build.observation("CME", "2024/25 Q2", 25, published: "2024-11-14")]
        let measure = Build.percentage("CME")
        let assessment = try #require(try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-11-20").measures.first)
        #expect(assessment.breakdowns.map(\.breakdown.key) == ["age_band=5-10", "age_band=11-15", "age_band=16"])
    }

    @Test("Officers and members see every breakdown")
    func officerSeesEverything() throws {
        for audience in [Audience.officer, .member] {
            let assessment = try Self.careLeavers(audience)
            #expect(assessment.breakdowns.map(\.breakdown.key) == ["age=17-18", "age=19-20", "age=21+"])
            #expect(assessment.breakdowns.allSatisfy { !$0.cell.isSuppressed })
            #expect(!assessment.symbols.contains("symbol-c"))
        }
    }

    /// Permanent exclusions of children with SEND: a count, by sex, and the council's total.
    static func exclusions(total: Double, female: Double, male: Double, audience: Audience) throws -> MeasureAssessment {
        let measure = Measure(code: "PEXSEND", title: "Permanent exclusions of children with SEND", unit: .count, polarity: .lowIsGood,
                              periodicity: .quarterly, yearType: .financial, publicationLagDays: 30)
        let observations = [
            try Build.observation("PEXSEND", "2024/25 Q1", 6, published: "2024-08-10"),
            try Build.observation("PEXSEND", "2024/25 Q2", total, published: "2024-11-14"),
            try Build.observation("PEXSEND", "2024/25 Q2", female, published: "2024-11-14", breakdown: ["sex": "Female"]),
            try Build.observation("PEXSEND", "2024/25 Q2", male, published: "2024-11-14", breakdown: ["sex": "Male"]),
        ]
        return try #require(try Build.assess([measure], observations, targets: [try Build.target("PEXSEND", .local, 5)],
                                             period: "2024/25 Q2", today: "2024-11-20", audience: audience).measures.first)
    }

    @Test("Public: a count by district and by age band at once is suppressed as a table whose totals are each district's and each band's figures, so Bravo's 2 children aged 0-4 do not come back from Bravo's 20 less its 18 aged 5-9 (found by exploratory testing)")
    func crossTabulated() throws {
        let measure = Measure(code: "PEXSEND", title: "Permanent exclusions of children with SEND", unit: .count, polarity: .lowIsGood, yearType: .financial)
        var cells: [(breakdown: [String: String], count: Double)] = [([:], 40)]
        cells += [("Alpha", 20.0), ("Bravo", 20.0)].map { (["district": $0.0], $0.1) }
        cells += [("0-4", 10.0), ("5-9", 30.0)].map { (["age": $0.0], $0.1) }
        cells += [("Alpha", "0-4", 8.0), ("Alpha", "5-9", 12.0), ("Bravo", "0-4", 2.0), ("Bravo", "5-9", 18.0)].map { (["district": $0.0, "age": $0.1], $0.2) }
        let observations = try cells.map { try Build.observation("PEXSEND", "2024/25 Q2", $0.count, published: "2024-11-14", breakdown: $0.breakdown) }
        let assessment = try #require(try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-11-20", audience: .public).measures.first)
        let hidden = Set(assessment.breakdowns.filter(\.cell.isSuppressed).map(\.breakdown.key))
        #expect(hidden.contains("age=0-4;district=Bravo"))
        // No line of the table (a district with its total, a band with its total) has exactly one figure hidden.
        for (dimension, values, other, otherValues) in [("district", ["Alpha", "Bravo"], "age", ["0-4", "5-9"]), ("age", ["0-4", "5-9"], "district", ["Alpha", "Bravo"])] {
            for value in values {
                let line = [Breakdown([dimension: value]).key] + otherValues.map { Breakdown([dimension: value, other: $0]).key }
                #expect(line.filter(hidden.contains).count != 1, "\(line): \(hidden.sorted())")
            }
        }
    }

    @Test("Public: a count by district, age band and sex at once, which no table's totals cover, is withheld whole where any figure is withheld, so 3 girls do not come back from 18 aged 10-15 in a district less its 15 boys (found by exploratory testing); with none withheld it is shown")
    func threeDimensions() throws {
        let measure = Measure(code: "CLA", title: "Children looked after", unit: .count, polarity: .lowIsGood, yearType: .financial)
        func assess(girls: Double) throws -> MeasureAssessment {
            var cells: [(breakdown: [String: String], count: Double)] = [([:], 60)]
            cells += [("Alpha", 30.0), ("Bravo", 30.0)].map { (["district": $0.0], $0.1) }
            cells += [("10-15", 36.0), ("16-17", 24.0)].map { (["age": $0.0], $0.1) }
            cells += [("Alpha", "10-15", 18.0), ("Alpha", "16-17", 12.0), ("Bravo", "10-15", 18.0), ("Bravo", "16-17", 12.0)].map { (["district": $0.0, "age": $0.1], $0.2) }
            cells += [(["district": "Alpha", "age": "10-15", "sex": "Male"], 18 - girls), (["district": "Alpha", "age": "10-15", "sex": "Female"], girls)]
            let observations = try cells.map { try Build.observation("CLA", "2024/25 Q2", $0.count, published: "2024-11-14", breakdown: $0.breakdown) }
            return try #require(try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-11-20", audience: .public).measures.first)
        }
        let withheld = try assess(girls: 3).breakdowns.filter { $0.breakdown.pairs.count == 3 }
        #expect(withheld.count == 2 && withheld.allSatisfy(\.cell.isSuppressed))
        let shown = try assess(girls: 9).breakdowns.filter { $0.breakdown.pairs.count == 3 }
        #expect(shown.map(\.cell) == [.value(9), .value(9)])
    }

    @Test("Public: a council's own count measure carrying its neighbours' and England's figures withholds their small counts too, and leaves them out of the neighbours' mean (found by exploratory testing: Gloucestershire's 2 and England's 3 were shown)")
    func comparatorSmallCounts() throws {
        let measure = Measure(code: "TST_L", title: "Children missing education", unit: .count, polarity: .lowIsGood, yearType: .financial)
        let gloucestershire = "E10000013", leicestershire = "E10000018"
        let areas = Area.englandAndRegions + [
            Area(code: Build.council, name: "Warwickshire", type: .localAuthority, regionCode: "E12000005"),
            Area(code: gloucestershire, name: "Gloucestershire", type: .localAuthority, regionCode: "E12000009"),
            Area(code: leicestershire, name: "Leicestershire", type: .localAuthority, regionCode: "E12000004"),
        ]
        let neighbours = [StatisticalNeighbours(edition: "2025", areaCode: Build.council, neighbours: [
            StatisticalNeighbour(rank: 1, areaCode: gloucestershire, closeness: nil), StatisticalNeighbour(rank: 2, areaCode: leicestershire, closeness: nil),
        ])]
        let observations = [
            try Build.observation("TST_L", "2024/25 Q2", 30, published: "2024-11-14"),
            try Build.observation("TST_L", "2024/25 Q2", 2, area: gloucestershire, published: "2024-11-14"),
            try Build.observation("TST_L", "2024/25 Q2", 40, area: leicestershire, published: "2024-11-14"),
            try Build.observation("TST_L", "2024/25 Q2", 3, area: "E92000001", published: "2024-11-14"),
        ]
        func benchmarks(_ audience: Audience) throws -> Benchmarks? {
            try #require(try AssessmentData(
                committee: Build.committee(["TST_L"]), reportingPeriod: try Build.period("2024/25 Q2"), today: try Build.date("2024-11-20"),
                audience: audience, measures: [measure], observations: observations, statisticalNeighbours: neighbours, areas: areas
            ).assess().measures.first).benchmarks
        }
        let member = try #require(try benchmarks(.member))
        #expect(member.england == 3 && member.statisticalNeighbours?.mean == 21 && member.statisticalNeighbours?.neighboursWithFigure == 2)
        let audience = try #require(try benchmarks(.public))
        #expect(audience.england == nil)
        #expect(audience.statisticalNeighbours?.mean == 40 && audience.statisticalNeighbours?.neighboursWithFigure == 1)
    }

    @Test("A count by sex: 2 girls is c, and the boys' 9 is hidden too since the total 11 is shown")
    func countBreakdown() throws {
        let assessment = try Self.exclusions(total: 11, female: 2, male: 9, audience: .public)
        #expect(assessment.breakdowns.map(\.cell) == [
            .suppressed(symbol: .confidential, reason: .smallCount),
            .suppressed(symbol: .confidential, reason: .protectsSuppressedCell),
        ])
        #expect(assessment.latest?.text == "11")
        let officer = try Self.exclusions(total: 11, female: 2, male: 9, audience: .officer)
        #expect(officer.breakdowns.map(\.cell) == [.value(2), .value(9)])
    }

    @Test("A council total of 1–5 is withheld from the public everywhere it would show, and the status still says why")
    func headlineWithheld() throws {
        let assessment = try Self.exclusions(total: 4, female: 1, male: 3, audience: .public)
        #expect(assessment.latest?.cell == .suppressed(symbol: .confidential, reason: .smallCount))
        #expect(assessment.latest?.text == "c")
        #expect(assessment.status.status == .onTrack)
        #expect(assessment.status.value == nil)
        #expect(assessment.status.reason == "On track: a figure withheld to protect individuals against a local target of 5, published 14 Nov 2024")
        #expect(assessment.direction.direction == .improving)
        #expect(assessment.direction.change == nil)
        #expect(assessment.direction.latestValue == nil)
        #expect(assessment.benchmarks?.councilValue == nil)
        #expect(assessment.benchmarks?.comparison.notComparedReason == .withheld)
        #expect(assessment.history.compactMap(\.council).last == .suppressed(symbol: .confidential, reason: .smallCount))
        let officer = try Self.exclusions(total: 4, female: 1, male: 3, audience: .officer)
        #expect(officer.status.reason == "On track: 4 against a local target of 5, published 14 Nov 2024")
        #expect(officer.direction.changeText == "-2")
    }

    @Test("A latest figure published only as a symbol keeps its counts and interval from the public; staff see them (found by exploratory testing)")
    func symbolKeepsCounts() throws {
        let measure = Build.percentage("RHI")
        var latest = try Build.observation("RHI", "2024/25 Q2", nil, numerator: 3, denominator: 40, published: "2024-11-14")
        latest.statusSymbol = .confidential
        let observations = [try Build.observation("RHI", "2024/25 Q1", 80, numerator: 32, denominator: 40, published: "2024-08-14"), latest]
        let shown = try #require(try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-11-20", audience: .public).measures.first?.latest)
        #expect(shown.text == "c")
        #expect(shown.numerator == nil && shown.denominator == nil && shown.interval.lower95 == nil)
        let staff = try #require(try Build.assess([measure], observations, period: "2024/25 Q2", today: "2024-11-20", audience: .officer).measures.first?.latest)
        #expect(staff.numerator == 3 && staff.denominator == 40)
    }
}
