import Testing
import ScrutineerCore

/// spc_xmr_limits.csv: NHSRplotthedots snapshots and deviations vignette, and the nhspy-plotthedots
/// unit tests (METHODS.md §9.1). Tolerance per source, as the file's header states: r-snapshot rows are
/// printed to 7 s.f., summary() rows to 3 s.f., vignette rows to 2 dp, Python rows are exact doubles.
@Suite("SPC XmR limits vectors (spc_xmr_limits.csv, METHODS.md §9.1)")
struct SPCLimitsVectorTests {
    /// How close a computed limit must be to the file's, from the row's source.
    enum Precision {
        case significantFigures(Int)
        case decimalPlaces(Int)
        case exact

        init(source: String) {
            if source.contains("printed to 3 s.f.") {
                self = .significantFigures(3)
            } else if source.contains("_snaps/ptd_spc_standard.md") {
                self = .significantFigures(7)
            } else if source.contains("vignettes/deviations.Rmd") {
                self = .decimalPlaces(2)
            } else {
                self = .exact
            }
        }

        func accepts(_ actual: Double?, _ expected: Double?) -> Bool {
            guard let actual, let expected else { return actual == nil && expected == nil }
            switch self {
            case let .significantFigures(n):
                return abs(actual - expected) <= spcSignificantFigureTolerance(expected, significantFigures: n)
            case let .decimalPlaces(n):
                var unit = 1.0
                for _ in 0..<n { unit /= 10 }
                return abs(actual - expected) <= 0.5 * unit * (1 + 1e-9)
            case .exact:
                return isClose(actual, expected, relative: 1e-12, absolute: 1e-13)
            }
        }
    }

    @Test("every row: mean, process limits and near limits per its source's precision")
    func everyRow() throws {
        let file = try VectorFile("spc_xmr_limits.csv")
        #expect(file.rows.count == 20)
        for row in file.rows {
            let values = try row.doubles("values").map(spcMissingIfNaN)
            guard let screenOutliers = try row.bool("screen_outliers") else {
                Issue.record("\(row): screen_outliers must be TRUE or FALSE")
                continue
            }
            let options = XmROptions(
                improvementDirection: .neutral,
                screenOutliers: screenOutliers,
                fixAfterPoints: try row.double("fix_after_n_points").map { Int($0) }
            )
            let analysis = try XmRChart.analyse(spcSeries(values), options: options)
            #expect(analysis.groups.count == 1, "\(row)")
            let limits = try #require(analysis.groups.first?.limits, "\(row)")
            let precision = Precision(source: row["source"])

            let expectations: [(String, Double?)] = [
                ("mean", limits.mean),
                ("lpl", limits.lowerProcessLimit),
                ("upl", limits.upperProcessLimit),
                ("near_lpl", limits.lowerNearLimit),
                ("near_upl", limits.upperNearLimit),
            ]
            for (column, actual) in expectations {
                guard !row[column].isEmpty else { continue } // near limits are given for some rows only
                let expected = spcMissingIfNaN(try row.double(column))
                #expect(precision.accepts(actual, expected), "\(row) \(column): got \(String(describing: actual)), expected \(String(describing: expected))")
            }
            // Every point carries its group's limits.
            for point in analysis.points {
                #expect(point.mean == limits.mean && point.upperProcessLimit == limits.upperProcessLimit
                        && point.lowerProcessLimit == limits.lowerProcessLimit, "\(row) period \(point.period)")
            }
        }
    }
}
