import ScrutineerCore

/// The charts of a measure page, built from the assessment: the trend (the council beside its
/// target, England, the region and the statistical neighbours' mean) and the SPC chart. The data
/// files are written from the same series, so a chart, its table and its CSV cannot disagree.
enum PackCharts {
    /// The trend chart, or nil with no history (or for a milestone, which has nothing to chart).
    static func trend(_ m: MeasureAssessment, councilName: String, id: String) -> LineChart? {
        let history = m.history
        guard !history.isEmpty, !m.status.isMilestone else { return nil }
        let format = m.format
        var series = [ChartSeries(
            name: councilName, values: history.map { $0.council?.value }, style: .primary,
            gapTexts: history.map { $0.council?.symbol?.rawValue }
        )]
        let trajectory = history.map(\.trajectoryTarget)
        if trajectory.contains(where: { $0 != nil }) {
            series.append(ChartSeries(name: "Trajectory target", values: trajectory, style: .target))
        } else if let line = reportedTargetLine(m, periods: history.map(\.period)) {
            series.append(line)
        }
        let england = history.map(\.england)
        if england.contains(where: { $0 != nil }) { series.append(ChartSeries(name: "England", values: england, style: .england)) }
        let region = history.map(\.region)
        if region.contains(where: { $0 != nil }) {
            series.append(ChartSeries(name: m.benchmarks?.region?.name ?? "Region", values: region, style: .region))
        }
        let neighbours = history.map(\.statisticalNeighbourMean)
        if neighbours.contains(where: { $0 != nil }) {
            series.append(ChartSeries(name: "Statistical neighbours' mean", values: neighbours, style: .neighbours))
        }
        return LineChart(
            id: id, title: "\(m.measure.title): trend, \(councilName) and comparators",
            summary: trendSummary(m, councilName: councilName), categories: history.map(\.period.label), series: series,
            unitLabel: PackWording.axis(m.measure.unit), valueFormat: format
        )
    }

    /// The reported target's kind as a line over `periods` (oldest first): at each period, the
    /// version in force on its last day (`HistoryPoint.target`; none before the first took effect),
    /// and at the last, the latest figure, the reported target it is judged against. An assessment
    /// stored before versions were kept draws the reported target from its `validFrom`. The name
    /// says the value, and when it took effect if the line starts late ("Local target (85%, from 1
    /// Oct 2023)"), or that versions changed ("Local target (as in force each period; 11% now)").
    /// Nil with no reported target.
    static func reportedTargetLine(_ m: MeasureAssessment, periods: [Period?], name: String? = nil) -> ChartSeries? {
        guard let target = m.status.reportedTarget?.target, !periods.isEmpty else { return nil }
        let versions = Dictionary(m.history.map { ($0.period.label, $0.target) }, uniquingKeysWith: { first, _ in first })
        let kept = versions.values.contains { $0 != nil }
        var values: [Double?] = periods.map { period in
            guard let period else { return target.value }
            return kept ? versions[period.label] ?? nil : (period.end >= target.validFrom ? target.value : nil)
        }
        values[values.count - 1] = target.value
        let value = m.format.trimmedText(target.value)
        let detail: String? = if values.contains(where: { $0 != nil && $0 != target.value }) {
            "as in force each period; \(value) now"
        } else if values.contains(nil) {
            "from \(target.validFrom.displayText)"
        } else {
            nil
        }
        let named = if let name {
            detail.map { "\(name) (\($0))" } ?? name
        } else {
            "\(PackWording.targetKind(target.kind)) (" + (detail.map { $0.hasPrefix("as") ? $0 : "\(value), \($0)" } ?? value) + ")"
        }
        return ChartSeries(name: named, values: values, style: .target)
    }

    /// The SPC chart's target line, one value per point: "Target", drawn where it was in force
    /// (`reportedTargetLine`); nil when the chart has no target.
    static func spcTarget(_ m: MeasureAssessment, _ spc: SPCSummary) -> ChartSeries? {
        guard spc.target != nil else { return nil }
        let periods = Dictionary(m.history.map { ($0.period.label, $0.period) }, uniquingKeysWith: { first, _ in first })
        return reportedTargetLine(m, periods: spc.analysis.points.map { periods[$0.period] }, name: "Target")
    }

    /// "Warwickshire's figure went from 24.1% in 2016 to 19.9% in 2025 (10 periods); England was
    /// 22.6% in 2025.", and where the neighbours' mean is of fewer than all of them, in which periods
    /// ("The statistical neighbours' mean is of 9 of the 10 in 2024."), as a dip from a neighbour
    /// without a figure would otherwise read as a fall (found by exploratory testing).
    static func trendSummary(_ m: MeasureAssessment, councilName: String) -> String {
        let history = m.history
        guard let first = history.first, let last = history.last else { return "No figures." }
        let format = m.format
        func figure(_ point: HistoryPoint) -> String {
            switch point.council {
            // Withheld is what the public's figures are; a publisher's other symbols (LAIT's - for a
            // council not yet formed, EES's x) say only that there is no figure.
            case let .suppressed(symbol, _)? where symbol == .confidential: "withheld (\(symbol.rawValue))"
            case let .suppressed(symbol, _)?: "no figure (\(symbol.rawValue))"
            case let .value(number)?: format.text(number)
            case nil: "no figure"
            }
        }
        var words = history.count == 1
            ? "\(councilName)'s figure was \(figure(last)) in \(last.period.label)"
            : "\(councilName)'s figure went from \(figure(first)) in \(first.period.label) to \(figure(last)) in \(last.period.label) (\(history.count) periods)"
        if let england = last.england { words += "; England was \(format.text(england)) in \(last.period.label)" }
        if let target = m.status.reportedTarget?.target, !m.status.isMilestone {
            words += "; the \(PackWording.targetKind(target.kind).lowercased()) is \(format.trimmedText(target.value))"
        }
        words += "."
        let partial = history.compactMap { point -> String? in
            guard point.statisticalNeighbourMean != nil, let with = point.statisticalNeighboursWithFigure, let of = point.statisticalNeighbourCount,
                  with < of else { return nil }
            return "\(with) of the \(of) in \(point.period.label)"
        }
        if !partial.isEmpty {
            words += " The statistical neighbours' mean is of those with a figure: " + partial.joined(separator: ", ") + "."
        }
        return words
    }

    /// The marker and CSS class of an SPC point type: each type has its own shape as well as colour.
    static func marker(_ type: XmRPointType?) -> (marker: ChartMarker, cssClass: String) {
        switch type {
        case .specialCauseImprovement: (.triangle, "point-improvement")
        case .specialCauseConcern: (.diamond, "point-concern")
        case .specialCauseNeutralHigh, .specialCauseNeutralLow: (.square, "point-neutral")
        case .commonCause, nil: (.circle, "point-common")
        }
    }

    /// The XmR chart: the values marked by point type, the mean, the process limits and the target.
    static func spc(_ m: MeasureAssessment, _ spc: SPCSummary, councilName: String, id: String) -> LineChart {
        let points = spc.analysis.points
        let markers = points.map { marker($0.pointType) }
        var series = [
            ChartSeries(name: councilName, values: points.map(\.value), style: .primary,
                        pointMarkers: markers.map(\.marker), pointClasses: markers.map(\.cssClass)),
            ChartSeries(name: "Mean", values: points.map(\.mean), style: .centreLine),
            ChartSeries(name: "Lower process limit", values: points.map(\.lowerProcessLimit), style: .processLimit),
            ChartSeries(name: "Upper process limit", values: points.map(\.upperProcessLimit), style: .processLimit),
        ]
        if let line = spcTarget(m, spc) { series.append(line) }
        let latest = points.last
        var summary = "\(points.count) points from \(points.first?.period ?? "") to \(latest?.period ?? "")"
        if let mean = latest?.mean, let lower = latest?.lowerProcessLimit, let upper = latest?.upperProcessLimit {
            summary += "; mean \(m.format.text(mean)), process limits \(m.format.rangeText(lower, upper))"
        }
        summary += ". " + (spc.variationIcon?.words ?? "The latest point is not classified") + "."
        return LineChart(
            id: id, title: "\(m.measure.title): statistical process control chart", summary: summary,
            categories: points.map(\.period), series: series, unitLabel: PackWording.axis(m.measure.unit), valueFormat: m.format
        )
    }

    /// How the forecast variance of one kind of finance line moved over the year's returns: all
    /// services together, each service beside it when there are two or three, and the line of no
    /// variance; nil before the year's second return. Amounts are drawn in £m from a variance of
    /// £1m, otherwise in £ thousands.
    static func finance(_ movement: FinanceMovement, id: String) -> LineChart? {
        guard movement.periods.count > 1 else { return nil }
        let rows = movement.services + [movement.total]
        let largest = rows.flatMap { $0.amounts.compactMap { $0.map { abs($0.variance.pence) } } }.max() ?? 0
        let (divisor, unit, places) = largest >= 100_000_000 ? (100_000_000.0, "£m", 1) : (100_000.0, "£ thousand", 0)
        func values(_ row: FinanceMovement.Row) -> [Double?] { row.amounts.map { $0.map { Double($0.variance.pence) / divisor } } }
        let kind = movement.kind
        var series: [ChartSeries] = []
        var summary = movement.sentence
        if movement.services.count == 1 {
            series.append(ChartSeries(name: movement.services[0].name, values: values(movement.total), style: .primary))
        } else {
            if movement.services.count <= ChartSeriesStyle.others.count {
                for (service, style) in zip(movement.services, ChartSeriesStyle.others) {
                    series.append(ChartSeries(name: service.name, values: values(service), style: style))
                }
            } else {
                summary += " The chart draws the \(movement.services.count) services together; the data file gives each."
            }
            series.append(ChartSeries(name: movement.total.name, values: values(movement.total), style: .primary))
        }
        series.append(ChartSeries(name: kind.varianceText(.zero, percent: nil), values: movement.periods.map { _ in 0 }, style: .target))
        return LineChart(
            id: id, title: "\(kind.heading): the forecast at each return of the year",
            summary: summary, categories: movement.periods.map(\.label), series: series,
            unitLabel: "\(unit), \(kind.varianceAxis)", decimalPlaces: places, categoryHeading: "Return"
        )
    }

    /// A small marker drawn as in the chart, for the list of point types under it.
    static func markerIcon(_ type: XmRPointType) -> String {
        let (shape, cssClass) = marker(type)
        let body = switch shape {
        case .circle: #"<circle class="marker \#(cssClass)" cx="8" cy="8" r="5"/>"#
        case .square: #"<rect class="marker \#(cssClass)" x="3" y="3" width="10" height="10"/>"#
        case .diamond: #"<polygon class="marker \#(cssClass)" points="8,2 14,8 8,14 2,8"/>"#
        case .triangle: #"<polygon class="marker \#(cssClass)" points="8,2 14,13 2,13"/>"#
        }
        return #"<svg class="marker-key" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><g class="series-primary">\#(body)</g></svg>"#
    }
}
