import Testing
import ScrutineerCore

/// Every row of the PHEindicatormethods interval vectors (METHODS.md §1–§3). The files state a
/// reference tolerance of ~1.5e-8 relative (testthat `expect_equal`); we hold ourselves to 1e-10.
@Suite("Intervals: PHEindicatormethods vectors")
struct IntervalVectorTests {
    static let tolerance = 1e-10

    @Test("wilson.csv: Wilson proportion intervals (PHE testdata_Byars_Wilson.xlsx, testdata_Proportion.xlsx)")
    func wilson() throws {
        let file = try VectorFile("wilson.csv")
        #expect(file.rows.count == 55)
        for row in file.rows {
            let level = try #require(ConfidenceLevel(probability: try row.requiredDouble("confidence")), "\(row)")
            let multiplier = try row.requiredDouble("multiplier")
            let numerator = try row.double("numerator")
            let denominator = try row.double("denominator")
            if try row.double("value") == nil, let x = numerator, let n = denominator {
                // Raw wilson_lower / wilson_upper rows: no value column in the reference.
                #expect(isClose(ProportionInterval.wilsonLower(numerator: x, denominator: n, z: level.z) * multiplier, try row.double("lower"), relative: Self.tolerance), "\(row)")
                #expect(isClose(ProportionInterval.wilsonUpper(numerator: x, denominator: n, z: level.z) * multiplier, try row.double("upper"), relative: Self.tolerance), "\(row)")
                continue
            }
            let estimate = try ProportionInterval.estimate(numerator: numerator, denominator: denominator, level: level, multiplier: multiplier)
            #expect(isClose(estimate?.value, try row.double("value"), relative: Self.tolerance), "\(row)")
            #expect(isClose(estimate?.lower, try row.double("lower"), relative: Self.tolerance), "\(row)")
            #expect(isClose(estimate?.upper, try row.double("upper"), relative: Self.tolerance), "\(row)")
        }
    }

    @Test("rate_byars_exact.csv: crude rates, exact below 10 and Byar's from 10 (PHE testdata_Rate.xlsx)")
    func rates() throws {
        let file = try VectorFile("rate_byars_exact.csv")
        #expect(file.rows.count == 52)
        for row in file.rows {
            let level = try #require(ConfidenceLevel(probability: try row.requiredDouble("confidence")), "\(row)")
            let rate = try RateInterval.estimate(
                count: try row.double("numerator"),
                denominator: try row.double("denominator"),
                level: level,
                multiplier: try row.requiredDouble("multiplier")
            )
            #expect(rate?.method.rawValue ?? "" == row["method"], "\(row)")
            #expect(isClose(rate?.estimate?.value, try row.double("value"), relative: Self.tolerance), "\(row)")
            #expect(isClose(rate?.estimate?.lower, try row.double("lower"), relative: Self.tolerance), "\(row)")
            #expect(isClose(rate?.estimate?.upper, try row.double("upper"), relative: Self.tolerance), "\(row)")
        }
    }

    @Test("byars_count_limits.csv: Byar's limits on raw counts, NA when the cube goes negative (PHE testdata_Byars_Wilson.xlsx)")
    func byars() throws {
        let file = try VectorFile("byars_count_limits.csv")
        #expect(file.rows.count == 7)
        for row in file.rows {
            let level = try #require(ConfidenceLevel(probability: try row.requiredDouble("confidence")), "\(row)")
            let count = try row.requiredDouble("count")
            #expect(isClose(CountInterval.byarsLower(count: count, z: level.z), try row.double("lower"), relative: Self.tolerance), "\(row)")
            #expect(isClose(CountInterval.byarsUpper(count: count, z: level.z), try row.double("upper"), relative: Self.tolerance), "\(row)")
        }
    }

    @Test("mean_ci.csv: means with Student's t limits (PHE testdata_Mean.xlsx)")
    func means() throws {
        let file = try VectorFile("mean_ci.csv")
        #expect(file.rows.count == 3)
        for row in file.rows {
            let values = try row.doubles("values")
            let at95 = try #require(MeanInterval.estimate(of: values, level: .ninetyFive))
            let at998 = try #require(MeanInterval.estimate(of: values, level: .ninetyNinePointEight))
            #expect(Double(at95.count) == (try row.requiredDouble("n")), "\(row)")
            #expect(isClose(at95.sum, try row.double("sum"), relative: Self.tolerance), "\(row)")
            #expect(isClose(at95.standardDeviation, try row.double("sd"), relative: Self.tolerance), "\(row)")
            #expect(isClose(at95.estimate.value, try row.double("mean"), relative: Self.tolerance), "\(row)")
            #expect(isClose(at95.estimate.lower, try row.double("lower95"), relative: Self.tolerance), "\(row)")
            #expect(isClose(at95.estimate.upper, try row.double("upper95"), relative: Self.tolerance), "\(row)")
            #expect(isClose(at998.estimate.lower, try row.double("lower99_8"), relative: Self.tolerance), "\(row)")
            #expect(isClose(at998.estimate.upper, try row.double("upper99_8"), relative: Self.tolerance), "\(row)")
        }
    }
}

@Suite("Intervals: edge cases in METHODS.md §1–§3")
struct IntervalEdgeCaseTests {
    @Test("§1: x = 0 gives lower 0 and upper z²/(n+z²); x = n gives upper 1")
    func wilsonEnds() throws {
        let zero = try #require(try ProportionInterval.estimate(numerator: 0, denominator: 50, level: .ninetyFive, multiplier: 1))
        let z = ConfidenceLevel.ninetyFive.z
        #expect(zero.lower == 0)
        #expect(isClose(zero.upper, z * z / (50 + z * z), relative: 1e-14))
        let all = try #require(try ProportionInterval.estimate(numerator: 50, denominator: 50, level: .ninetyFive, multiplier: 1))
        #expect(isClose(all.upper, 1, relative: 1e-14))
        #expect((all.lower ?? 0) > 0)
    }

    @Test("§1: PHE's three errors, in PHE's words")
    func wilsonErrors() {
        #expect(throws: StatisticsInputError("numerators must be greater than or equal to zero")) {
            try ProportionInterval.estimate(numerator: -1, denominator: 10, level: .ninetyFive)
        }
        #expect(throws: StatisticsInputError("denominators must be greater than zero")) {
            try ProportionInterval.estimate(numerator: 1, denominator: 0, level: .ninetyFive)
        }
        #expect(throws: StatisticsInputError("numerators must be less than or equal to denominator for a proportion statistic")) {
            try ProportionInterval.estimate(numerator: 11, denominator: 10, level: .ninetyFive)
        }
    }

    @Test("§2.2: a zero count has exact limits 0 and 3.6889 (95%) / 6.9078 (99.8%) events")
    func zeroCount() {
        #expect(CountInterval.limits(count: 0, level: .ninetyFive).lower == 0)
        #expect(abs(CountInterval.limits(count: 0, level: .ninetyFive).upper - 3.6889) < 5e-5)
        #expect(abs(CountInterval.limits(count: 0, level: .ninetyNinePointEight).upper - 6.9078) < 5e-5)
    }

    @Test("§2.2: a rate may exceed its denominator (PHE Area12, 250/220 ⇒ 113,636 per 100,000), but a negative count may not")
    func rateBounds() throws {
        let rate = try #require(try RateInterval.estimate(count: 250, denominator: 220, level: .ninetyFive))
        #expect(abs((rate.estimate?.value ?? 0) - 113_636.36) < 0.01)
        #expect(throws: StatisticsInputError.self) { try RateInterval.estimate(count: -1, denominator: 10, level: .ninetyFive) }
        #expect(throws: StatisticsInputError.self) { try RateInterval.estimate(count: 1, denominator: 0, level: .ninetyFive) }
    }

    @Test("§3: a mean of one value has no limits")
    func singleValueMean() throws {
        let mean = try #require(MeanInterval.estimate(of: [4.2], level: .ninetyFive))
        #expect(mean.estimate.value == 4.2)
        #expect(mean.estimate.lower == nil && mean.estimate.upper == nil && mean.standardDeviation == nil)
    }
}
