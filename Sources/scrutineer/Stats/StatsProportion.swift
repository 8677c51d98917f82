import ArgumentParser
import ScrutineerFormats

/// `scrutineer stats proportion`: Wilson intervals for numerator/denominator rows.
struct StatsProportion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proportion",
        abstract: "Add a percentage and its Wilson 95% and 99.8% limits (needs numerator,denominator).",
        discussion: "Appends value,lower95,upper95,lower99_8,upper99_8. A blank numerator or denominator gives blank results."
    )

    @OptionGroup var files: StatsFiles

    @Option(help: "Multiply the proportion by this: 100 for a percentage, 1 for a proportion.")
    var multiplier: Double = 100

    func validate() throws {
        try StatsFiles.checkMultiplier(multiplier)
    }

    func run() throws {
        try reportingDataErrors {
            try files.run { table throws(BatchInputErrors) in try IntervalBatch.proportions(table, multiplier: multiplier) }
        }
    }
}
