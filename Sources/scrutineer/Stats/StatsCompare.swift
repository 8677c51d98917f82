import ArgumentParser
import ScrutineerFormats

/// `scrutineer stats compare`: better / similar / worse than a benchmark.
struct StatsCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare each value with a benchmark (needs value,lower95,upper95,benchmark; lower99_8,upper99_8 for --method 17).",
        discussion: """
        Fingertips method 1: the benchmark inside the value's 95% limits (inclusive) is Similar, \
        otherwise Better or Worse by polarity (Higher or Lower with --polarity none). Method 17 adds \
        "Better 99.8%" and "Worse 99.8%" beyond the 99.8% limits. A missing value or limit gives \
        "Not compared". Appends comparison.
        """
    )

    @OptionGroup var files: StatsFiles

    @Option(help: "Which way is good: high, low or none.")
    var polarity: PolarityArgument

    @Option(help: "Fingertips comparator method: 1 (95% limits) or 17 (95% and 99.8%).")
    var method: Int = 1

    func validate() throws {
        guard CompareBatch.Method(rawValue: method) != nil else {
            throw ValidationError("--method \(method) is not a Fingertips comparator method Scrutineer applies (expected 1, the 95% limits, or 17, the 95% and 99.8% limits)")
        }
    }

    func run() throws {
        let method = CompareBatch.Method(rawValue: method)!
        try reportingDataErrors {
            try files.run { table throws(BatchInputErrors) in try CompareBatch.run(table, method: method, polarity: polarity.polarity) }
        }
    }
}
