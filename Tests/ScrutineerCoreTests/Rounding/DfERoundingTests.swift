import Foundation
import Testing
@testable import ScrutineerCore

/// DfE round-five-up (METHODS.md §11 and §13.6; dfeR `round_five_up`).
@Suite("DfE round five up (METHODS.md §11)")
struct DfERoundingTests {
    /// dfe_round_five_up.csv — dfeR tests/testthat/test-round_five_up.R: every row. The expected
    /// values are short decimals, so compare to a relative 1e-12.
    @Test("dfe_round_five_up.csv: every row reproduces (dfeR test-round_five_up.R)")
    func vectorFile() throws {
        let file = try VectorFile("dfe_round_five_up.csv")
        #expect(file.rows.count == 9)
        for row in file.rows {
            let number = try row.requiredDouble("number")
            let places = try #require(Int(row["dp"]), "\(row.description): dp is not a whole number")
            let expected = try row.requiredDouble("expected")
            let rounded = try DfERounding.roundFiveUp(number, decimalPlaces: places)
            #expect(isClose(rounded, expected, relative: 1e-12, absolute: 1e-12), "\(row.description): \(number) to \(places) dp gave \(rounded), expected \(expected)")
        }
    }

    @Test("halves go away from zero, even when the stored double is just below the half (§11)")
    func halvesAwayFromZero() throws {
        #expect(try DfERounding.roundFiveUp(2.85, decimalPlaces: 1) == 2.9)
        #expect(try DfERounding.roundFiveUp(-2.85, decimalPlaces: 1) == -2.9)
        #expect(try DfERounding.roundFiveUp(0.5, decimalPlaces: 0) == 1)
        #expect(try DfERounding.roundFiveUp(-0.5, decimalPlaces: 0) == -1)
        #expect(try DfERounding.roundFiveUp(1.005, decimalPlaces: 2) == 1.01)
        // Banker's / IEEE rounding of the stored double would give these instead:
        #expect((2.85 * 10).rounded(.toNearestOrEven) / 10 == 2.8)
        #expect((2.5).rounded(.toNearestOrEven) == 2)
    }

    @Test("negative decimal places round to tens and hundreds; a result of zero is never −0 (§11)")
    func negativePlacesAndZero() throws {
        #expect(try DfERounding.roundFiveUp(285, decimalPlaces: -1) == 290)
        #expect(try DfERounding.roundFiveUp(-285, decimalPlaces: -1) == -290)
        #expect(try DfERounding.roundFiveUp(1250, decimalPlaces: -2) == 1300)
        let zero = try DfERounding.roundFiveUp(-0.4, decimalPlaces: 0)
        #expect(zero == 0 && zero.sign == .plus)
    }

    @Test("nearest multiple of a base: 10 for DfE aggregates, 5 for health counts (§11)")
    func nearestBase() throws {
        #expect(try DfERounding.roundFiveUp(285, toNearest: 10) == 290)
        #expect(try DfERounding.roundFiveUp(284, toNearest: 10) == 280)
        #expect(try DfERounding.roundFiveUp(5, toNearest: 10) == 10)
        #expect(try DfERounding.roundFiveUp(4, toNearest: 10) == 0)
        #expect(try DfERounding.roundFiveUp(12.5, toNearest: 5) == 15)
        #expect(try DfERounding.roundFiveUp(12, toNearest: 5) == 10)
    }

    @Test("within 15 significant digits the text is written from whole numbers exactly as printf's %.Nf writes the rounded value, signs and zeros included")
    func textAsPrintf() throws {
        // SplitMix64 from a fixed seed, so every run checks the same values.
        struct SplitMix: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
        var generator = SplitMix(state: 20_261_125)
        var values: [Double] = [0, -0.0, 0.05, -0.05, 2.85, 9.995, 1_234_567.891, -987.654321, 123_456_789_012.5, 0.000_001, 1e-9]
        for _ in 0..<2_000 {
            let magnitude = Double.random(in: -3...12, using: &generator)
            values.append((Bool.random(using: &generator) ? -1 : 1) * pow(10, magnitude) * Double.random(in: 0...1, using: &generator))
        }
        for value in values {
            for places in 0...6 {
                let rounded = try DfERounding.roundFiveUp(value, decimalPlaces: places)
                // Within the 15 significant digits a double holds, where `formatted` writes it so.
                let wholeDigits = abs(rounded) < 1 ? 1 : Int(log10(abs(rounded)).rounded(.down)) + 1
                guard places <= 15 - wholeDigits else { continue }
                #expect(DfERounding.plainText(rounded, places: places) == String(format: "%.\(places)f", locale: nil, rounded), "\(value) to \(places)")
            }
        }
    }

    @Test("formatted text has exactly the decimals asked for (§11, §13.6)")
    func formatting() throws {
        #expect(try DfERounding.formatted(2.85, decimalPlaces: 1) == "2.9")
        #expect(try DfERounding.formatted(3, decimalPlaces: 2) == "3.00")
        #expect(try DfERounding.formatted(285, decimalPlaces: -1) == "290")
        #expect(try DfERounding.formatted(283.54, decimalPlaces: -2) == "300")
        #expect(try DfERounding.formatted(2.5, decimalPlaces: 0) == "3")
        #expect(try DfERounding.formatted(-0.04, decimalPlaces: 1) == "0.0")
        #expect(try DfERounding.formatted(-2.85, decimalPlaces: 1) == "-2.9")
        #expect(try DfERounding.formatted(0.125, decimalPlaces: 2) == "0.13")
        #expect(try DfERounding.formatted(1234567.891, decimalPlaces: 2) == "1234567.89")
    }

    @Test("digits beyond the 15 a double holds are written as zeros, not binary leftovers; a number too large to have a fraction is left as it is")
    func manyDecimals() throws {
        // 9.995 is stored as 9.99499999999999921…: printed to 15 places it would read 9.994999999999999.
        #expect(try DfERounding.formatted(9.995, decimalPlaces: 15) == "9.995000000000000")
        #expect(try DfERounding.formatted(123.456, decimalPlaces: 14) == "123.45600000000000")
        // 1e20 × 10^5 is past 2^53, where adding the half would move it by 16384.
        #expect(try DfERounding.formatted(1e20, decimalPlaces: 5) == "100000000000000000000.00000")
        #expect(try DfERounding.formatted(0.5, decimalPlaces: 15) == "0.500000000000000")
    }

    @Test("invalid input throws a typed error that says what was expected")
    func invalidInput() {
        #expect(throws: RoundingError.notFinite(.infinity)) { try DfERounding.roundFiveUp(.infinity, decimalPlaces: 1) }
        #expect(throws: RoundingError.decimalPlacesOutOfRange(16)) { try DfERounding.roundFiveUp(1, decimalPlaces: 16) }
        #expect(throws: RoundingError.baseNotPositive(0)) { try DfERounding.roundFiveUp(1, toNearest: 0) }
        #expect(RoundingError.baseNotPositive(0).description.contains("greater than zero"))
    }
}
