import ArgumentParser
import ScrutineerFormats

/// `scrutineer stats rank`: LAIT rank and quartile band.
struct StatsRank: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank areas and band them A–D as LAIT does (needs area,value; optional group).",
        discussion: """
        Rank 1 is best; tied values share the best place. Bands come from the quartiles of all values \
        in the group; a value on a boundary goes to the band of lower values; A is always best. \
        With --polarity none, rank is blank and the band is "-". Appends rank,quartile_band.
        """
    )

    @OptionGroup var files: StatsFiles

    @Option(help: "Which way is good: high, low or none.")
    var polarity: PolarityArgument

    func run() throws {
        try reportingDataErrors {
            try files.run { table throws(BatchInputErrors) in try RankBatch.run(table, polarity: polarity.polarity) }
        }
    }
}
