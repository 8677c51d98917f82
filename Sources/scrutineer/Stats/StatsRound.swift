import ArgumentParser
import ScrutineerCore
import ScrutineerFormats

/// `scrutineer stats round`: DfE half-up rounding for publication.
struct StatsRound: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Round a column DfE's way, halves away from zero (2.85 → 2.9), in place.",
        discussion: "Negative --dp rounds to tens, hundreds… Blank cells and the symbols c z x u k low - .. are kept."
    )

    @OptionGroup var files: StatsFiles

    @Option(help: "The column to round; repeat for several.")
    var column: [String]

    // Unconditional, so `--dp -2` reads -2 as the value, not as a flag.
    @Option(parsing: .unconditional, help: "Decimal places (negative for tens, hundreds…: --dp -1 rounds to tens).")
    var dp: Int

    func validate() throws {
        if column.isEmpty { throw ValidationError("no column to round (expected --column NAME, once for each column)") }
        if !DfERounding.decimalPlacesRange.contains(dp) {
            throw ValidationError("--dp \(dp) is out of range (expected \(DfERounding.decimalPlacesRange.lowerBound) to \(DfERounding.decimalPlacesRange.upperBound))")
        }
    }

    func run() throws {
        try reportingDataErrors {
            try files.run { table throws(BatchInputErrors) in try RoundBatch.run(table, columns: column, decimalPlaces: dp) }
        }
    }
}
