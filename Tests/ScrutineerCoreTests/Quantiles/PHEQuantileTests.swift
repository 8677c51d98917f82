import Testing
@testable import ScrutineerCore

/// PHE rank-based quantiles (METHODS.md §7; PHEindicatormethods `phe_quantile`).
@Suite("PHE phe_quantile (METHODS.md §7)")
struct PHEQuantileTests {
    /// phe_quantiles.csv — PHEindicatormethods testdata_Quantiles.xlsx (testQuantiles.R): every row,
    /// grouped by test_set + group_key; quantiles are whole numbers, so they must match exactly.
    @Test("phe_quantiles.csv: every row reproduces (PHEindicatormethods testdata_Quantiles.xlsx)")
    func vectorFile() throws {
        let file = try VectorFile("phe_quantiles.csv")
        #expect(file.rows.count == 982)
        var groups: [String: [VectorRow]] = [:]
        var order: [String] = []
        for row in file.rows {
            let key = row["test_set"] + "\u{1F}" + row["group_key"]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        var checked = 0
        for key in order {
            let rows = groups[key]!
            let quantileCount = Int(rows[0]["nquantiles"])!
            let invertCell = try rows[0].bool("invert")
            guard let invert = invertCell else {
                Issue.record("\(rows[0].description): invert must be TRUE or FALSE")
                continue
            }
            let values = try rows.map { try $0.double("value") }
            let quantiles = try PHEQuantiles.quantiles(of: values, count: quantileCount, invert: invert)
            for (row, quantile) in zip(rows, quantiles) {
                #expect(Int(row["nquantiles"]) == quantileCount, "\(row.description): nquantiles varies within a group")
                let expected = try row.double("expected_quantile").map { Int($0) }
                #expect(quantile == expected, "\(row.description): got \(String(describing: quantile)), expected \(String(describing: expected))")
                checked += 1
            }
        }
        #expect(checked == 982)
    }

    /// The grouped API must give the same answers as grouping by hand.
    @Test("phe_quantiles.csv through the grouped API")
    func vectorFileGroupedAPI() throws {
        let file = try VectorFile("phe_quantiles.csv")
        for testSet in ["IndSex", "IndSexReg", "None"] {
            // invert and nquantiles are constant within a group; IndSexReg mixes invert across indicators.
            for invert in [true, false] {
                let rows = try file.rows.filter { try $0["test_set"] == testSet && $0.bool("invert") == invert }
                guard !rows.isEmpty else { continue }
                let quantiles = try PHEQuantiles.quantiles(
                    of: rows.map { try $0.double("value") }, groupedBy: rows.map { $0["group_key"] },
                    count: Int(rows[0]["nquantiles"])!, invert: invert
                )
                for (row, quantile) in zip(rows, quantiles) {
                    let expected = try row.double("expected_quantile").map { Int($0) }
                    #expect(quantile == expected, "\(row.description)")
                }
            }
        }
    }

    /// PHE's tests set invert = FALSE only for "RAG - High is good" (METHODS.md §7).
    @Test("invert follows polarity as in phe_quantiles.csv")
    func invertFromPolarity() throws {
        let file = try VectorFile("phe_quantiles.csv")
        // Only rows labelled with a Fingertips polarity (the synthetic indicators are labelled
        // "True"/"False"), and not the "None" set, which uses invert = TRUE throughout.
        var checked = 0
        for row in file.rows where row["test_set"] != "None" && row["polarity_label"].hasPrefix("RAG - ") {
            checked += 1
            let polarity: Polarity = row["polarity_label"] == "RAG - High is good" ? .highIsGood : .lowIsGood
            let expected = try row.bool("invert")
            #expect(PHEQuantiles.invert(for: polarity) == expected, "\(row.description)")
        }
        #expect(checked == 456)
        #expect(PHEQuantiles.invert(for: .noJudgement))
    }

    @Test("fewer values than quantiles gives no quantiles for the group (METHODS.md §7)")
    func tooFewValues() throws {
        let quantiles = try PHEQuantiles.quantiles(of: [1, 2, 3, nil, 5], count: 5, invert: false)
        #expect(quantiles == [nil, nil, nil, nil, nil])
        let grouped = try PHEQuantiles.quantiles(
            of: [1, 2, 3, 4, 10, 20], groupedBy: ["a", "a", "a", "a", "b", "b"], count: 4, invert: false)
        #expect(grouped == [1, 2, 3, 4, nil, nil])
    }

    @Test("missing values get no quantile and are not counted in N (METHODS.md §7)")
    func missingValuesExcluded() throws {
        // N = 4 present values in quartiles: each gets its own quartile; with N = 6 they would not.
        let quantiles = try PHEQuantiles.quantiles(of: [40, nil, 10, 30, nil, 20], count: 4, invert: false)
        #expect(quantiles == [4, nil, 1, 3, nil, 2])
    }

    @Test("invert ranks from the highest value, so quantile 1 holds the highest (METHODS.md §7)")
    func invertDirection() throws {
        #expect(try PHEQuantiles.quantiles(of: [10, 20, 30, 40], count: 4, invert: true) == [4, 3, 2, 1])
        #expect(try PHEQuantiles.quantiles(of: [10, 20, 30, 40], count: 4, invert: false) == [1, 2, 3, 4])
    }

    @Test("tied values share the minimum rank and so the same quantile (METHODS.md §7)")
    func ties() throws {
        #expect(try MinimumRank.ranks(of: [10, 20, 20, 30, nil], order: .ascending) == [1, 2, 2, 4, nil])
        #expect(try MinimumRank.ranks(of: [10, 20, 20, 30, nil], order: .descending) == [4, 2, 2, 1, nil])
        // N = 8, quartiles, ranks 1,2,3,3,3,6,7,8: the three tied values all take rank 3's quartile (2).
        let quantiles = try PHEQuantiles.quantiles(of: [1, 2, 3, 3, 3, 6, 7, 8], count: 4, invert: false)
        #expect(quantiles == [1, 1, 2, 2, 2, 3, 4, 4])
    }

    @Test("invalid input throws a typed error that says what was expected")
    func invalidInput() throws {
        #expect(throws: QuantileError.quantileCountNotPositive(0)) {
            try PHEQuantiles.quantiles(of: [1, 2], count: 0, invert: true)
        }
        #expect(throws: QuantileError.valueNotFinite(position: 1)) {
            try PHEQuantiles.quantiles(of: [1, .nan, 3], count: 2, invert: true)
        }
        #expect(throws: QuantileError.groupCountMismatch(values: 2, groups: 1)) {
            try PHEQuantiles.quantiles(of: [1, 2], groupedBy: ["a"], count: 2, invert: true)
        }
        #expect(QuantileError.quantileCountNotPositive(0).description.contains("at least 1"))
    }
}
