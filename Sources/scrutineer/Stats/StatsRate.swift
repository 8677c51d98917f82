import ArgumentParser
import ScrutineerFormats

/// `scrutineer stats rate`: crude rates with exact (below 10 events) or Byar's limits.
struct StatsRate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Add a crude rate and its 95% and 99.8% limits (needs count,denominator).",
        discussion: "Exact Poisson limits below 10 events, Byar's from 10. Appends value,lower95,upper95,lower99_8,upper99_8."
    )

    @OptionGroup var files: StatsFiles

    @Option(help: "Rate per this many: 100000 by default; children's services publish per 10000.")
    var multiplier: Double = 100_000

    func validate() throws {
        try StatsFiles.checkMultiplier(multiplier)
    }

    func run() throws {
        try reportingDataErrors {
            try files.run { table throws(BatchInputErrors) in try IntervalBatch.rates(table, multiplier: multiplier) }
        }
    }
}
