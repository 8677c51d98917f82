import Testing
@testable import ScrutineerCore

/// DfE LAIT quartile banding, rank and statistical-neighbour average, built from METHODS.md §7.1
/// and §13.3 (LAIT `R/fn_analysis.R`). The LAIT vector files are acceptance files kept outside the
/// repository, so these are hand-made cases for each rule the method states.
@Suite("LAIT quartile bands and ranks (METHODS.md §7.1)")
struct LAITQuantileBandTests {
    static let evenBounds = LAITQuartileBounds(q0: 0, q1: 25, q2: 50, q3: 75, q4: 100)

    @Test("Low is good: [Q0,Q1] ⇒ A … (Q3,Q4] ⇒ D; High is good reversed; A is always best (§7.1)")
    func bandsByPolarity() throws {
        let bounds = Self.evenBounds
        #expect(try [10, 30, 60, 80].map { try bounds.band(for: $0, polarity: .lowIsGood) } == [.a, .b, .c, .d])
        #expect(try [10, 30, 60, 80].map { try bounds.band(for: $0, polarity: .highIsGood) } == [.d, .c, .b, .a])
    }

    @Test("a value on a boundary goes to the band of lower values (§7.1)")
    func boundaries() throws {
        let bounds = Self.evenBounds
        #expect(try [0, 25, 50, 75, 100].map { try bounds.band(for: $0, polarity: .lowIsGood) } == [.a, .a, .b, .c, .d])
        #expect(try [0, 25, 50, 75, 100].map { try bounds.band(for: $0, polarity: .highIsGood) } == [.d, .d, .c, .b, .a])
    }

    @Test("missing value ⇒ no band; no judgement or No_Quartile ⇒ \"-\" (§7.1)")
    func missingAndNotApplicable() throws {
        let bounds = Self.evenBounds
        #expect(try bounds.band(for: nil, polarity: .highIsGood) == nil)
        #expect(try bounds.band(for: nil, polarity: .lowIsGood) == nil)
        #expect(try bounds.band(for: 30, polarity: .noJudgement) == .notApplicable)
        #expect(try bounds.band(for: nil, polarity: .noJudgement) == .notApplicable)
        #expect(try bounds.band(for: 30, polarity: .lowIsGood, showsQuartiles: false) == .notApplicable)
        #expect(LAITQuartileBand.notApplicable.rawValue == "-")
    }

    @Test("outside [Q0, Q4] ⇒ Error (§7.1)")
    func outsideRange() throws {
        #expect(try Self.evenBounds.band(for: -10, polarity: .lowIsGood) == .error)
        #expect(try Self.evenBounds.band(for: 110, polarity: .highIsGood) == .error)
        #expect(try Self.evenBounds.band(for: 100.000001, polarity: .lowIsGood) == .error)
    }

    @Test("a missing bound makes only the intervals that use it an Error (§7.1)")
    func missingBound() throws {
        let bounds = LAITQuartileBounds(q0: 10, q1: 20, q2: nil, q3: 40, q4: 50)
        #expect(try bounds.band(for: 15, polarity: .lowIsGood) == .a)
        #expect(try bounds.band(for: 25, polarity: .lowIsGood) == .error)
        #expect(try bounds.band(for: 35, polarity: .highIsGood) == .error)
        #expect(try bounds.band(for: 45, polarity: .lowIsGood) == .d)
        #expect(try bounds.band(for: 5, polarity: .highIsGood) == .error)
        #expect(try bounds.band(for: 55, polarity: .lowIsGood) == .error)
        #expect(try bounds.band(for: 20, polarity: .highIsGood) == .d)
        // No values at all: every bound is missing, so any value is an Error.
        let none = try LAITQuartileBounds(latestValues: [nil, nil])
        #expect(none.all == [nil, nil, nil, nil, nil])
        #expect(try none.band(for: 3, polarity: .lowIsGood) == .error)
    }

    @Test("bounds are R type-7 quantiles over the non-missing latest values (§7.1)")
    func typeSevenBounds() throws {
        let bounds = try LAITQuartileBounds(latestValues: (1...10).map(Double.init) + [nil])
        #expect(bounds.all == [1, 3.25, 5.5, 7.75, 10])
        let odd = try LAITQuartileBounds(latestValues: [5, nil, 1, 4, 2, 3])
        #expect(odd.all == [1, 2, 3, 4, 5])
        let single = try LAITQuartileBounds(latestValues: [7])
        #expect(single.all == [7, 7, 7, 7, 7])
        // R computes (1 − h)·x[lo] + h·x[hi]: for 0.1, 0.2, 0.7 the median is exactly 0.2.
        #expect(try LAITQuartileBounds(latestValues: [0.7, 0.1, 0.2]).q2 == 0.2)
    }

    @Test("rank: High ⇒ rank(−v), Low ⇒ rank(v), ties = min, missing ⇒ nil, 1 = best (§7.1)")
    func ranks() throws {
        #expect(try LAITBenchmarking.ranks(of: [10, 20, 30, 40, 50], polarity: .lowIsGood) == [1, 2, 3, 4, 5])
        #expect(try LAITBenchmarking.ranks(of: [10, 20, 20, 30, 40], polarity: .highIsGood) == [5, 3, 3, 2, 1])
        #expect(try LAITBenchmarking.ranks(of: [10, nil, 30, 20, nil], polarity: .lowIsGood) == [1, nil, 3, 2, nil])
        #expect(try LAITBenchmarking.ranks(of: [nil, nil, nil], polarity: .lowIsGood) == [nil, nil, nil])
        #expect(try LAITBenchmarking.ranks(of: [], polarity: .highIsGood) == [])
        // LAIT ranks only High/Low measures; Scrutineer returns no rank for no judgement.
        #expect(try LAITBenchmarking.ranks(of: [1, 2], polarity: .noJudgement) == [nil, nil])
    }

    @Test("statistical-neighbour average: unweighted mean ignoring missing; all missing ⇒ nil (§7.1, §13.3)")
    func statisticalNeighbourAverage() throws {
        #expect(try LAITBenchmarking.statisticalNeighbourAverage([10, 20, nil, 60]) == 30)
        #expect(try LAITBenchmarking.statisticalNeighbourAverage([nil, nil]) == nil)
        #expect(try LAITBenchmarking.statisticalNeighbourAverage([]) == nil)
        #expect(throws: QuantileError.valueNotFinite(position: 0)) {
            try LAITBenchmarking.statisticalNeighbourAverage([.infinity])
        }
    }

    @Test("rankAndBand over every LA: bounds on data values, ties and a missing LA (§7.1, §13.3)")
    func rankAndBand() throws {
        // Nine present values, so type-7 indices 1, 3, 5, 7, 9 fall on data values:
        // Q0..Q4 = 1, 2, 5, 7, 9. "B" and "C" tie on Q1; "J" is missing.
        let areas: [(area: String, value: Double?)] = [
            ("A", 1), ("B", 2), ("C", 2), ("D", 4), ("E", 5), ("F", 6), ("G", 7), ("H", 8), ("I", 9), ("J", nil),
        ]
        let high = try LAITBenchmarking.rankAndBand(areas, polarity: .highIsGood)
        #expect(high.bounds.all == [1, 2, 5, 7, 9])
        #expect(high.areas.map(\.area) == ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"])
        #expect(high.areas.map(\.rank) == [9, 7, 7, 6, 5, 4, 3, 2, 1, nil])
        #expect(high.areas.map(\.band) == [.d, .d, .d, .c, .c, .b, .b, .a, .a, nil])
        let low = try LAITBenchmarking.rankAndBand(areas, polarity: .lowIsGood)
        #expect(low.areas.map(\.rank) == [1, 2, 2, 4, 5, 6, 7, 8, 9, nil])
        #expect(low.areas.map(\.band) == [.a, .a, .a, .b, .b, .c, .c, .d, .d, nil])
        let none = try LAITBenchmarking.rankAndBand(areas, polarity: .noJudgement)
        #expect(none.areas.allSatisfy { $0.rank == nil && $0.band == .notApplicable })
        let noQuartiles = try LAITBenchmarking.rankAndBand(areas, polarity: .lowIsGood, showsQuartiles: false)
        #expect(noQuartiles.areas.map(\.rank) == low.areas.map(\.rank))
        #expect(noQuartiles.areas.allSatisfy { $0.band == .notApplicable })
    }

    @Test("band colours: A green, D red, others none (§7.1)")
    func colours() {
        #expect(LAITQuartileBand.allCases.map(\.colour) == [.green, .none, .none, .red, .none, .none])
    }
}
