import ArgumentParser
import ScrutineerCore
import ScrutineerFormats

/// `scrutineer stats trend`: Fingertips' recent trend per series.
struct StatsTrend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Test each series for a recent trend (needs series,period,value,lower95,upper95; optional count,denominator).",
        discussion: """
        Rows are read oldest first within each series; the 5 most recent points with the data the \
        test needs are used. Significant when chi-square exceeds 9.5495 (99.8%) and no single point \
        reverses the slope. Prints one row per series: series,n_points,chi_square,significant,direction,marker.
        """
    )

    @OptionGroup var files: StatsFiles

    @Option(help: "Which way is good: high, low or none (for the words in marker).")
    var polarity: PolarityArgument

    @Option(help: "ci-weighted (weights from the 95% limits) or proportion (Cochran–Armitage on count,denominator).")
    var path: TrendPathArgument = .ciWeighted

    func run() throws {
        try reportingDataErrors {
            try files.run { table throws(BatchInputErrors) in try TrendBatch.run(table, polarity: polarity.polarity, path: path.path) }
        }
    }
}

/// `--path ci-weighted|proportion`.
enum TrendPathArgument: String, ExpressibleByArgument, CaseIterable {
    case ciWeighted = "ci-weighted"
    case proportion

    var path: RecentTrendPath {
        switch self {
        case .ciWeighted: .ciWeighted
        case .proportion: .proportion
        }
    }
}
