import Foundation
import ScrutineerCore

/// How a series is drawn: each style has its own line pattern and marker shape, so no series is
/// told apart by colour alone (WCAG 1.4.1).
public enum ChartSeriesStyle: String, Sendable, Hashable, CaseIterable {
    /// The council's own values: solid line, circles.
    case primary
    /// A target: dashed line, no markers.
    case target
    /// England: dotted line, squares.
    case england
    /// Region: dash-dot line, diamonds.
    case region
    /// Statistical-neighbour mean: long dashes, triangles.
    case neighbours
    /// SPC mean: thin solid line.
    case centreLine
    /// SPC process limits: thin dashed lines.
    case processLimit
    /// Further lines with no fixed meaning (the services of a finance chart), patterned as
    /// England, the region and the neighbours' mean are.
    case other1, other2, other3

    /// The styles for lines with no fixed meaning, in the order they are used.
    public static let others: [ChartSeriesStyle] = [.other1, .other2, .other3]

    var dashArray: String? {
        switch self {
        case .primary, .centreLine: nil
        case .target: "8 4"
        case .england, .other1: "2 3"
        case .region, .other2: "8 3 2 3"
        case .neighbours, .other3: "12 4"
        case .processLimit: "4 3"
        }
    }

    var strokeWidth: Double {
        switch self {
        case .primary: 3
        case .centreLine, .processLimit: 1.5
        default: 2
        }
    }

    var marker: ChartMarker? {
        switch self {
        case .primary: .circle
        case .england, .other1: .square
        case .region, .other2: .diamond
        case .neighbours, .other3: .triangle
        case .target, .centreLine, .processLimit: nil
        }
    }
}

/// A marker shape.
public enum ChartMarker: String, Sendable, Hashable, CaseIterable {
    case circle, square, diamond, triangle
}

/// One line on a chart: a name for the legend and the data table, and one value per category
/// (nil where there is none; the line breaks there).
public struct ChartSeries: Sendable, Hashable {
    public var name: String
    public var values: [Double?]
    public var style: ChartSeriesStyle
    /// Per-point marker override (SPC point types), same length as `values` when given.
    public var pointMarkers: [ChartMarker?]?
    /// Per-point CSS class (e.g. `improvement`, `concern`), same length as `values` when given.
    public var pointClasses: [String?]?
    /// What the data table shows where a value is nil (a disclosure symbol such as `c`), same
    /// length as `values` when given; a dash where neither is given.
    public var gapTexts: [String?]?

    public init(
        name: String, values: [Double?], style: ChartSeriesStyle, pointMarkers: [ChartMarker?]? = nil,
        pointClasses: [String?]? = nil, gapTexts: [String?]? = nil
    ) {
        self.name = name
        self.values = values
        self.style = style
        self.pointMarkers = pointMarkers
        self.pointClasses = pointClasses
        self.gapTexts = gapTexts
    }
}

/// An accessible SVG line chart: a title and a text summary that screen readers announce, a
/// legend in words, and the same numbers available as a data table (`LineChart.table`).
public struct LineChart: Sendable, Hashable {
    public var id: String
    public var title: String
    /// One or two sentences saying what the chart shows (the text alternative).
    public var summary: String
    /// The x-axis categories, oldest first (period labels).
    public var categories: [String]
    /// What the categories are, as the data table's first heading.
    public var categoryHeading: String
    public var series: [ChartSeries]
    /// The unit shown on the value axis ("%", "per 10,000").
    public var unitLabel: String
    /// Formats a value for axis ticks and the data table.
    public var decimalPlaces: Int
    /// When given, values in the data table are written as the measure writes them (rounded half
    /// away from zero, thousands separated) rather than with `decimalPlaces`.
    public var valueFormat: ValueFormat?

    public init(
        id: String, title: String, summary: String, categories: [String], series: [ChartSeries], unitLabel: String,
        decimalPlaces: Int = 1, valueFormat: ValueFormat? = nil, categoryHeading: String = "Period"
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.categories = categories
        self.categoryHeading = categoryHeading
        self.series = series
        self.unitLabel = unitLabel
        self.decimalPlaces = valueFormat?.decimalPlaces ?? decimalPlaces
        self.valueFormat = valueFormat
    }

    static let width = 640.0
    static let height = 320.0
    static let margin = (top: 20.0, right: 20.0, bottom: 60.0, left: 64.0)
    static let legendRowHeight = 20.0
    /// Half the width of the stroke that draws a point alone in a series without markers.
    static let isolatedHalfWidth = 10.0

    /// Where each legend entry goes: its row (0 first) and x, wrapping onto a new row rather than
    /// running off the chart.
    var legendLayout: [(row: Int, x: Double)] {
        var layout: [(row: Int, x: Double)] = []
        var x = Self.margin.left
        var row = 0
        for line in series {
            let width = 40 + Double(line.name.count) * 7
            if x > Self.margin.left, x + width > Self.width - 4 {
                row += 1
                x = Self.margin.left
            }
            layout.append((row, x))
            x += width
        }
        return layout
    }

    /// The chart as an inline SVG element.
    public var svg: String {
        let m = Self.margin
        let legend = legendLayout
        let legendRows = (legend.map(\.row).max() ?? 0) + 1
        let height = Self.height + Double(legendRows - 1) * Self.legendRowHeight
        let plotLeft = m.left, plotRight = Self.width - m.right
        let plotTop = m.top, plotBottom = Self.height - m.bottom
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let scale = ChartScale(covering: values)
        let count = max(categories.count, 1)
        func x(_ i: Int) -> Double {
            count == 1 ? (plotLeft + plotRight) / 2 : plotLeft + Double(i) / Double(count - 1) * (plotRight - plotLeft)
        }
        func y(_ v: Double) -> Double { scale.position(v, from: plotBottom, to: plotTop) }

        var out = #"<svg class="chart" id="\#(escape(id))" viewBox="0 0 \#(Int(Self.width)) \#(Int(height))" role="img" aria-labelledby="\#(escape(id))-title \#(escape(id))-desc" xmlns="http://www.w3.org/2000/svg">"#
        out += #"<title id="\#(escape(id))-title">\#(escape(title))</title><desc id="\#(escape(id))-desc">\#(escape(summary))</desc>"#
        // Grid and value axis.
        for tick in scale.ticks {
            let ty = format(y(tick))
            out += #"<line class="grid" x1="\#(format(plotLeft))" x2="\#(format(plotRight))" y1="\#(ty)" y2="\#(ty)"/>"#
            out += #"<text class="tick" x="\#(format(plotLeft - 8))" y="\#(ty)" text-anchor="end" dominant-baseline="middle">\#(escape(axisLabel(tick)))</text>"#
        }
        out += #"<text class="axis-label" x="14" y="\#(format((plotTop + plotBottom) / 2))" transform="rotate(-90 14 \#(format((plotTop + plotBottom) / 2)))" text-anchor="middle">\#(escape(unitLabel))</text>"#
        // Category axis: counting back from the latest, label as many as fit (at most about eight).
        let spacing = count == 1 ? plotRight - plotLeft : (plotRight - plotLeft) / Double(count - 1)
        let widest = Double(categories.map(\.count).max() ?? 1) * 6.5 + 8
        let every = max(1, Int((Double(count) / 8).rounded(.up)), Int((widest / spacing).rounded(.up)))
        for (i, category) in categories.enumerated() where (count - 1 - i) % every == 0 {
            // A label that would run past the edge is aligned to end there instead.
            let half = Double(category.count) * 3.4
            let anchor = x(i) + half > Self.width - 2 ? "end" : x(i) - half < 2 ? "start" : "middle"
            let labelX = anchor == "end" ? Self.width - 2 : anchor == "start" ? 2 : x(i)
            out += #"<text class="tick" x="\#(format(labelX))" y="\#(format(plotBottom + 18))" text-anchor="\#(anchor)">\#(escape(category))</text>"#
        }
        out += #"<line class="axis" x1="\#(format(plotLeft))" x2="\#(format(plotRight))" y1="\#(format(plotBottom))" y2="\#(format(plotBottom))"/>"#
        // Series: lines broken at gaps, then markers.
        for (index, line) in series.enumerated() {
            var path = ""
            var penDown = false
            for (i, value) in line.values.enumerated() {
                guard let value else { penDown = false; continue }
                let isolated = !penDown && (i + 1 == line.values.count || line.values[i + 1] == nil)
                if isolated, line.style.marker == nil, line.pointMarkers == nil {
                    // A point alone in a series drawn without markers is a short level stroke, not nothing.
                    let from = max(plotLeft, x(i) - Self.isolatedHalfWidth), to = min(plotRight, x(i) + Self.isolatedHalfWidth)
                    path += "M\(format(from)) \(format(y(value)))L\(format(to)) \(format(y(value)))"
                    continue
                }
                path += (penDown ? "L" : "M") + "\(format(x(i))) \(format(y(value)))"
                penDown = true
            }
            let dash = line.style.dashArray.map { #" stroke-dasharray="\#($0)""# } ?? ""
            out += #"<g class="series series-\#(line.style.rawValue) series-\#(index)">"#
            if !path.isEmpty {
                out += #"<path d="\#(path)" fill="none" stroke-width="\#(format(line.style.strokeWidth))"\#(dash)/>"#
            }
            for (i, value) in line.values.enumerated() {
                guard let value, let marker = line.pointMarkers?[i] ?? line.style.marker else { continue }
                let css = line.pointClasses?[i].map { " \($0)" } ?? ""
                out += markerShape(marker, x: x(i), y: y(value), cssClass: "marker\(css)")
            }
            out += "</g>"
        }
        // Legend, in words, with each series' pattern.
        for (index, line) in series.enumerated() {
            let legendX = legend[index].x
            let legendY = Self.height - 16 + Double(legend[index].row) * Self.legendRowHeight
            let dash = line.style.dashArray.map { #" stroke-dasharray="\#($0)""# } ?? ""
            out += #"<g class="legend series-\#(line.style.rawValue) series-\#(index)">"#
            out += #"<line x1="\#(format(legendX))" x2="\#(format(legendX + 24))" y1="\#(format(legendY))" y2="\#(format(legendY))" stroke-width="\#(format(line.style.strokeWidth))"\#(dash)/>"#
            if let marker = line.style.marker { out += markerShape(marker, x: legendX + 12, y: legendY, cssClass: "marker") }
            out += #"<text x="\#(format(legendX + 30))" y="\#(format(legendY))" dominant-baseline="middle">\#(escape(line.name))</text></g>"#
        }
        out += "</svg>"
        return out
    }

    /// The numbers the chart draws, as rows for a data table: one row per category, one column per
    /// series; a gap shows the series' gap text (a disclosure symbol) or a dash.
    public var table: (header: [String], rows: [[String]]) {
        let header = [categoryHeading] + series.map(\.name)
        let rows = categories.enumerated().map { i, category in
            [category] + series.map { line in
                if line.values.indices.contains(i), let value = line.values[i] { return label(value) }
                if let gaps = line.gapTexts, gaps.indices.contains(i), let text = gaps[i] { return text }
                return "–"
            }
        }
        return (header, rows)
    }

    /// A value as the data table writes it, rounded half away from zero as the text beside the
    /// chart is (`String(format:)` rounds a half to even: £1.25m would read 1.2 beside "£1.3m").
    func label(_ value: Double) -> String {
        if let valueFormat { return valueFormat.number(value) }
        return (try? DfERounding.formatted(value, decimalPlaces: decimalPlaces)) ?? String(format: "%.\(decimalPlaces)f", value)
    }

    /// A tick on the value axis: enough decimal places to tell the ticks apart, no more.
    private func axisLabel(_ value: Double) -> String {
        String(format: "%.\(decimalPlaces)f", value)
    }

    private func markerShape(_ marker: ChartMarker, x: Double, y: Double, cssClass: String) -> String {
        let r = 5.0
        switch marker {
        case .circle:
            return #"<circle class="\#(cssClass)" cx="\#(format(x))" cy="\#(format(y))" r="\#(format(r))"/>"#
        case .square:
            return #"<rect class="\#(cssClass)" x="\#(format(x - r))" y="\#(format(y - r))" width="\#(format(2 * r))" height="\#(format(2 * r))"/>"#
        case .diamond:
            return #"<polygon class="\#(cssClass)" points="\#(format(x)),\#(format(y - r - 1)) \#(format(x + r + 1)),\#(format(y)) \#(format(x)),\#(format(y + r + 1)) \#(format(x - r - 1)),\#(format(y))"/>"#
        case .triangle:
            return #"<polygon class="\#(cssClass)" points="\#(format(x)),\#(format(y - r - 1)) \#(format(x + r + 1)),\#(format(y + r)) \#(format(x - r - 1)),\#(format(y + r))"/>"#
        }
    }

    /// A coordinate to one decimal place ("12.5", "-3.0"), without `String(format:)`, which is
    /// slow on Linux and a chart writes hundreds of coordinates.
    private func format(_ v: Double) -> String {
        guard v.isFinite else { return "0.0" }
        let tenths = Int((abs(v) * 10).rounded())
        return (v < 0 && tenths != 0 ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
    }
}

/// Escapes text for HTML and SVG content and attributes: `&`, `<`, `>`, `"` and `'` as the
/// templates' own escaping writes them, character by character as it does. Text with none of them
/// (most of a pack's) is returned as it is, found by one pass over its bytes.
func escape(_ text: String) -> String {
    let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
    guard text.utf8.contains(where: special) else { return text }
    var out = ""
    out.reserveCapacity(text.count)
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}
