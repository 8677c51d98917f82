import ScrutineerCore
import ScrutineerFormats

/// One cell of a data file: text, a number (rounded as the report shows it) or nothing.
enum PackDataCell: Sendable, Hashable {
    /// The decimal places a workbook shows the cell to: a figure's own, money's two; nil for text.
    var decimalPlaces: Int? {
        switch self {
        case let .number(_, places): places
        case .money: 2
        case .text, .empty: nil
        }
    }

    case text(String)
    /// A number and the decimal places it is shown to; written rounded half away from zero.
    case number(Double, decimalPlaces: Int)
    /// An amount in pounds, written to the penny from its whole pence ("1250000.00").
    case money(Money)
    case empty

    /// A measure's figure as shown, or empty.
    static func figure(_ value: Double?, _ format: ValueFormat) -> PackDataCell {
        value.map { .number($0, decimalPlaces: format.decimalPlaces) } ?? .empty
    }

    /// A whole number, or empty.
    static func whole(_ value: Int?) -> PackDataCell {
        value.map { .number(Double($0), decimalPlaces: 0) } ?? .empty
    }

    /// Text, or empty when nil or "".
    static func words(_ text: String?) -> PackDataCell {
        guard let text, !text.isEmpty else { return .empty }
        return .text(text)
    }

    /// The number rounded to its places.
    var roundedValue: Double? {
        switch self {
        case let .number(value, places): (try? DfERounding.roundFiveUp(value, decimalPlaces: places)) ?? value
        case let .money(amount): amount.pounds
        case .text, .empty: nil
        }
    }

    /// The CSV field: "61.2", "12", the text (kept from being read as a formula), or "".
    var csvField: String {
        switch self {
        case let .text(text): CSVWriter.inert(text)
        case let .number(value, places): (try? DfERounding.formatted(value, decimalPlaces: places)) ?? String(value)
        case let .money(amount):
            "\(amount.pence < 0 ? "-" : "")\(amount.pence.magnitude / 100).\(amount.pence.magnitude % 100 < 10 ? "0" : "")\(amount.pence.magnitude % 100)"
        case .empty: ""
        }
    }

    /// The spreadsheet cell: numbers as numbers.
    var spreadsheetCell: SpreadsheetCell {
        switch self {
        case let .text(text): .text(text)
        case .number, .money: .number(roundedValue ?? 0)
        case .empty: .empty
        }
    }
}

/// A data file of the pack: its CSV name, its sheet in the workbook and what it holds.
struct PackDataFile: Sendable, Hashable {
    let fileName: String
    let sheetName: String
    let description: String
}

/// One table of data behind the pack, written as a CSV file and a workbook sheet.
struct PackDataTable: Sendable {
    let file: PackDataFile
    let header: [String]
    let rows: [[PackDataCell]]

    /// The table as RFC 4180 CSV with a header row.
    var csv: String {
        var out = CSVWriter.line(header)
        for row in rows { out += CSVWriter.line(row.map(\.csvField)) }
        return out
    }

    /// The table as a workbook sheet (header row bold and frozen).
    var sheet: XLSXSheet {
        // Each figure shown to its measure's decimal places (17.0, not 17), money to the penny.
        XLSXSheet(
            name: file.sheetName, rows: [header.map { SpreadsheetCell.text($0) }] + rows.map { $0.map(\.spreadsheetCell) },
            decimalPlaces: [[]] + rows.map { $0.map(\.decimalPlaces) }
        )
    }
}

/// The data behind every table and chart of the pack (PRODUCT.md R13): the headline counts, a row
/// per measure with every lens, every target in force, the trend and SPC series as charted, and
/// the breakdowns as the audience may see them. Figures are rounded as the pages show them
/// (half away from zero); a withheld figure is blank with its symbol and reason beside it.
enum PackDataTables {
    static let summary = PackDataFile(fileName: "summary.csv", sheetName: "Summary", description: "Headline counts by theme (CSV)")
    static let measures = PackDataFile(fileName: "measures.csv", sheetName: "Measures", description: "Every measure with its latest figure, status, direction and benchmarks (CSV)")
    static let targets = PackDataFile(fileName: "targets.csv", sheetName: "Targets", description: "Every target in force and its result (CSV)")
    static let trend = PackDataFile(fileName: "trend.csv", sheetName: "Trend", description: "The trend charts' figures (CSV)")
    static let spc = PackDataFile(fileName: "spc.csv", sheetName: "SPC", description: "The SPC charts' figures and limits (CSV)")
    static let breakdowns = PackDataFile(fileName: "breakdowns.csv", sheetName: "Breakdowns", description: "The breakdowns (CSV)")

    /// Every data file, in the order the summary lists them.
    static let files = [summary, measures, targets, trend, spc, breakdowns]
    /// The workbook holding every table, one sheet each.
    static let workbookName = "pack.xlsx"

    /// The tables for `assessment`; the trend table holds each measure's trend chart as drawn.
    static func tables(_ assessment: CommitteeAssessment) -> [PackDataTable] {
        let measures = assessment.measures
        func identity(_ m: MeasureAssessment) -> [PackDataCell] { [.text(m.measure.code), .text(m.measure.title)] }

        let counts = assessment.headline.themes.map { ($0.name, $0.counts) } + [("All themes", assessment.headline.counts)]
        let summaryTable = PackDataTable(
            file: summary,
            header: ["Theme", "Measures", "On track", "Of which within tolerance", "Not on track", "Completed", "Not due", "No data",
                     "Not judged", "Improving", "Static", "Declining", "Increasing", "Decreasing", "Direction not calculated"],
            rows: counts.map { name, c in
                [.text(name)] + [c.measures, c.onTrack, c.withinTolerance, c.notOnTrack, c.completed, c.notDue, c.noData, c.notJudged,
                                 c.improving, c.static, c.declining, c.increasing, c.decreasing, c.directionNotCalculated].map { .whole($0) }
            }
        )

        let measureTable = PackDataTable(
            file: Self.measures,
            header: ["Theme", "Code", "Measure", "Unit", "Polarity", "Illustrative", "Latest period", "Latest figure", "Latest symbol",
                     "Why blank", "Published", "Next update due", "Currency", "Status", "Reported target", "Reported target value",
                     "Direction of travel", "Change", "Compared period", "Direction basis", "England", "Compared with England",
                     "Region", "Region figure", "Statistical neighbours' mean", "Neighbours with a figure", "Neighbours",
                     "Rank", "Local authorities ranked", "Quartile band"],
            rows: measures.map { m in
                let format = m.format
                let b = m.benchmarks
                let latest = m.latest
                let reported = m.status.reportedTarget?.target
                var row: [PackDataCell] = [.words(m.theme)] + identity(m)
                row += [.text(m.measure.unit.code), .text(PackWording.polarity(m.measure.polarity)), .text(m.measure.isIllustrative ? "Yes" : "No")]
                row += [.words(latest?.period.label), latest?.isMilestone == true ? .words(latest?.text) : .figure(latest?.value, format),
                        .words(latest?.cell.symbol?.rawValue), .words(latest?.cell.whyBlank)]
                row += [.words(m.currency.published?.iso), .words(m.currency.nextUpdateDue?.iso), .text(m.currency.label)]
                row += [.text(m.status.label), .words(reported.map { PackWording.targetKind($0.kind) }), .figure(reported?.value, format)]
                let direction = m.direction
                row += [.text(direction.label), .figure(direction.change, format), .words(direction.comparedPeriod?.label),
                        direction.direction == .notCalculated ? .empty : .words(PackWording.directionMethod(direction.method, basis: direction.basis))]
                row += [.figure(b?.england, format), .words(b?.comparison.label)]
                row += [.words(b?.region?.name), .figure(b?.region?.value, format)]
                row += [.figure(b?.statisticalNeighbours?.mean, format), .whole(b?.statisticalNeighbours?.neighboursWithFigure), .whole(b?.statisticalNeighbours?.neighbourCount)]
                row += [.whole(b?.rank), .whole(b.map(\.rankedCount)), .words(b?.band?.rawValue)]
                return row
            }
        )

        let targetTable = PackDataTable(
            file: targets,
            header: ["Code", "Measure", "Kind", "Value", "Tolerance", "Applies to", "Valid from", "Valid to", "Version", "Set by",
                     "Set on", "Reason", "Decision", "Result", "Reported against"],
            rows: measures.flatMap { m in
                m.status.targets.map { judgement -> [PackDataCell] in
                    let t = judgement.target
                    return identity(m) + [
                        .text(PackWording.targetKind(t.kind)), .figure(t.value, m.format), .figure(t.tolerance, m.format), .words(t.periodLabel),
                        .text(t.validFrom.iso), .words(PackWording.seen(t, in: assessment)?.validTo?.iso), .whole(t.version), .text(t.setBy), .text(t.setOn.iso), .text(t.reason),
                        .words(t.decision), .text(judgement.result.words), .text(t.kind == m.status.reportedTarget?.target.kind ? "Yes" : "No"),
                    ]
                }
            }
        )

        var trendRows: [[PackDataCell]] = []
        var spcRows: [[PackDataCell]] = []
        for m in measures {
            if let chart = PackCharts.trend(m, councilName: assessment.councilName, id: "") {
                func series(_ style: ChartSeriesStyle) -> ChartSeries? { chart.series.first { $0.style == style } }
                let council = series(.primary)
                for (i, period) in chart.categories.enumerated() {
                    func value(_ style: ChartSeriesStyle) -> PackDataCell { .figure(series(style)?.values[i], m.format) }
                    let point = m.history[i]
                    trendRows.append(identity(m) + [
                        .text(period), .figure(council?.values[i], m.format), .words(point.council?.symbol?.rawValue),
                        .words(point.council?.whyBlank), value(.target), value(.england), value(.region), value(.neighbours),
                    ])
                }
            }
            if let spc = m.spc {
                let target = PackCharts.spcTarget(m, spc)
                for (i, point) in spc.analysis.points.enumerated() {
                    spcRows.append(identity(m) + [
                        .text(point.period), .figure(point.value, m.format), .figure(point.mean, m.format),
                        .figure(point.lowerProcessLimit, m.format), .figure(point.upperProcessLimit, m.format), .figure(target?.values[i], m.format),
                        .words(point.pointType.map(PackWording.pointType)), .words(point.specialCause?.plotTheDotsLabel),
                    ])
                }
            }
        }
        let trendTable = PackDataTable(
            file: trend,
            header: ["Code", "Measure", "Period", assessment.councilName, "Symbol", "Why blank", "Target", "England", "Region", "Statistical neighbours' mean"],
            rows: trendRows
        )
        let spcTable = PackDataTable(
            file: spc,
            header: ["Code", "Measure", "Period", "Value", "Mean", "Lower process limit", "Upper process limit", "Target", "Point type", "Special cause rule"],
            rows: spcRows
        )

        let counts0 = ValueFormat(unit: .count, decimalPlaces: 0)
        let breakdownTable = PackDataTable(
            file: breakdowns,
            header: ["Code", "Measure", "Period", "Breakdown", "Figure", "Symbol", "Why blank", "Numerator", "Numerator symbol",
                     "Denominator", "Denominator symbol"],
            rows: measures.flatMap { m in
                m.breakdowns.map { f -> [PackDataCell] in
                    identity(m) + [
                        .text(f.period.label), .text(PackWording.breakdown(f.breakdown)), .figure(f.cell.value, m.format),
                        .words(f.cell.symbol?.rawValue), .words(f.cell.whyBlank),
                        .figure(f.numerator?.value, counts0), .words(f.numerator?.symbol?.rawValue),
                        .figure(f.denominator?.value, counts0), .words(f.denominator?.symbol?.rawValue),
                    ]
                }
            }
        )
        return [summaryTable, measureTable, targetTable, trendTable, spcTable, breakdownTable]
    }
}
