import Testing
import ScrutineerCore

/// spc_point_flags.csv: per-point flags from nhspy-plotthedots `pandas_spc_x_calc` unit tests
/// (METHODS.md §9.1–9.2). The Python port screens outliers (its limits in spc_xmr_limits.csv are
/// marked screen_outliers TRUE), so these series are analysed with screening on. Limits are exact doubles.
/// In py_sample1, points 1–3 are inside the limits but special: they are part of the 7-point rising
/// trend 1…8 (rule 2), which NHSRplotthedots flags the same way.
@Suite("SPC point flags vectors (spc_point_flags.csv, METHODS.md §9.2)")
struct SPCPointFlagsVectorTests {
    @Test("every row: mean, limits, outside, relative to mean, close, special cause")
    func everyRow() throws {
        let file = try VectorFile("spc_point_flags.csv")
        #expect(file.rows.count == 24)
        var cases: [String] = []
        var rowsByCase: [String: [VectorRow]] = [:]
        for row in file.rows {
            if rowsByCase[row["case"]] == nil { cases.append(row["case"]) }
            rowsByCase[row["case"], default: []].append(row)
        }
        var checked = 0
        for name in cases {
            let rows = try rowsByCase[name, default: []].sorted { try $0.requiredDouble("index") < $1.requiredDouble("index") }
            let values = try rows.map { try $0.requiredDouble("value") }
            let fixAfter = try rows[0].double("fix_after_n_points").map { Int($0) }
            let analysis = try XmRChart.analyse(
                spcSeries(values),
                options: XmROptions(improvementDirection: .increase, screenOutliers: true, fixAfterPoints: fixAfter)
            )
            for row in rows {
                let index = Int(try row.requiredDouble("index")) - 1
                let point = analysis.points[index]
                #expect(isClose(point.mean, try row.double("mean"), relative: 1e-12, absolute: 1e-13), "\(row) mean \(String(describing: point.mean))")
                #expect(isClose(point.lowerProcessLimit, try row.double("lpl"), relative: 1e-12, absolute: 1e-13), "\(row) lpl \(String(describing: point.lowerProcessLimit))")
                #expect(isClose(point.upperProcessLimit, try row.double("upl"), relative: 1e-12, absolute: 1e-13), "\(row) upl \(String(describing: point.upperProcessLimit))")
                #expect(point.isOutsideLimits == (try row.bool("outside_limits")), "\(row) outside_limits")
                #expect(point.sideOfMean?.rawValue == (try row.double("relative_to_mean")).map { Int($0) }, "\(row) relative_to_mean")
                #expect(point.isCloseToLimits == (try row.bool("close_to_limits")), "\(row) close_to_limits")
                #expect(point.isSpecialCause == (try row.bool("special_cause_flag")), "\(row) special_cause_flag \(String(describing: point.specialCause))")
                checked += 1
            }
        }
        #expect(checked == 24)
    }
}
