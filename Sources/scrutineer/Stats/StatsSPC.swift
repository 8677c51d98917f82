import ArgumentParser
import ScrutineerCore
import ScrutineerFormats

/// `scrutineer stats spc`: Making Data Count XmR charts.
struct StatsSPC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spc",
        abstract: "Add XmR (Making Data Count) limits and point types (needs period,value; optional series).",
        discussion: """
        Rows are read in time order within each series. Appends mean,lpl,upl,point_type; with \
        --summary prints one row per series: series,variation,assurance. Limits use every point \
        and do not screen outliers unless asked (Making Data Count parity).
        """
    )

    @OptionGroup var files: StatsFiles

    @Option(help: "Which way is improvement: increase, decrease or neutral.")
    var improvement: ImprovementDirection

    @Option(help: "A target, for the assurance icon.")
    var target: Double?

    @Flag(help: "Drop moving ranges of 3.267 × the mean moving range or more before setting limits (NHSRplotthedots' default).")
    var screenOutliers = false

    @Option(help: "Set limits from the first N points only (fixed baseline).")
    var fixAfter: Int?

    @Option(help: "Start new limits at this period (a recorded rebasing decision); repeat for several.")
    var rebaseAt: [String] = []

    @Flag(help: "Print one row per series with its variation and assurance icons instead of every point.")
    var summary = false

    func validate() throws {
        if let fixAfter, fixAfter < 2 { throw ValidationError("--fix-after \(fixAfter): limits need at least two points (expected 2 or more)") }
        if let target, !target.isFinite { throw ValidationError("--target \(target) is not a number (expected a finite number such as 85)") }
    }

    func run() throws {
        let options = XmROptions(
            improvementDirection: improvement,
            target: target,
            screenOutliers: screenOutliers,
            fixAfterPoints: fixAfter,
            rebaseAt: rebaseAt.map { .period($0) }
        )
        try reportingDataErrors {
            try files.run { table throws(BatchInputErrors) in try SPCBatch.run(table, options: options, summary: summary) }
        }
    }
}

extension ImprovementDirection: ExpressibleByArgument {}
