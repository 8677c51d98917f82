import Foundation
import ScrutineerCore

/// Builds one measure's page model: what the measure is, its latest figure and currency, every
/// target in force with its result, the direction of travel, the trend and SPC charts with their
/// tables, the benchmarks, the breakdowns, the revised figures, the commentary slot and the key,
/// each with its reason.
struct PackMeasureBuilder {
    let assessment: CommitteeAssessment
    let measure: MeasureAssessment
    /// The measure's file name, also its anchor (`m-<name>`) in the printed pack.
    let fileName: String
    let commentary: String?
    /// The revisions of the council's figures for the measure; nil leaves the section out.
    var revisions: FigureRevisions? = nil
    /// On a published report's page (the site's), the revisions made since it was published; nil
    /// leaves that part out.
    var sincePublication: RevisionsSincePublication? = nil

    var anchor: String { Self.anchor(fileName: fileName) }

    /// A measure's anchor (`m-<name>`), from its file name; its sections' ids start with it
    /// (`m-<name>-revised-since`).
    static func anchor(fileName: String) -> String { "m-\(fileName)" }

    /// The model, with the key to the symbols it draws.
    func build(symbols: inout PackSymbols) -> PackMeasureModel {
        let m = measure
        let format = m.format
        let councilName = assessment.councilName

        // About.
        let owner = m.measure.owner ?? assessment.themes.first { $0.name == m.theme }?.owner
        var about = [
            PackFact("Code", m.measure.code),
            PackFact("Definition", m.measure.definition ?? "No definition recorded."),
            PackFact("Owner", owner ?? "Not recorded"),
            PackFact("Unit", "\(PackWording.unit(m.measure.unit)), shown to \(format.decimalPlaces) decimal place\(format.decimalPlaces == 1 ? "" : "s")"),
            PackFact("Polarity", PackWording.polarity(m.measure.polarity)),
            PackFact("Published", PackWording.periodicity(m.measure)),
            PackFact("Source", m.measure.source ?? "Not recorded"),
            PackFact("Direction of travel method", PackWording.directionMethod(m.measure.directionOfTravel, basis: m.settings.directionBasis)),
            PackFact("Comparison with England", PackWording.comparisonMethod(m.measure.benchmarkComparison, englandHasFigure: m.benchmarks?.england != nil)),
        ]
        if let priority = m.measure.planPriority { about.append(PackFact("Council Plan priority", priority)) }
        if m.settings.isMilestone { about.append(PackFact("Kind", "Milestone: completed or not")) }

        // Latest figure and currency.
        var latest: [PackFact] = []
        if let figure = m.latest {
            latest.append(PackFact("Latest figure", symbols.cellLines(figure.cell, format: format, text: figure.text)))
            latest.append(PackFact("Period covered", "\(figure.period.label) (\(figure.period.spanText))"))
            if let numerator = figure.numerator, let denominator = figure.denominator {
                let counts = ValueFormat(unit: .count, decimalPlaces: 0)
                latest.append(PackFact("Counts", "\(counts.number(numerator)) of \(counts.number(denominator))"))
            }
            if let lower = figure.interval.lower95, let upper = figure.interval.upper95 {
                latest.append(PackFact("95% confidence interval", "\(format.rangeText(lower, upper)) (\(PackWording.intervalSource(figure.interval.source)))"))
            }
        } else {
            latest.append(PackFact("Latest figure", "No figure up to \(assessment.reportingPeriod.label)"))
        }
        let currency = m.currency
        latest.append(PackFact("Published on", currency.published?.displayText ?? "Not recorded"))
        if let due = currency.nextUpdateDue {
            latest.append(PackFact("Next update due", [
                PackLine(due.displayText),
            ] + (currency.isNextUpdateEstimated ? [PackLine("Estimated from the publication lag of \(currency.publicationLagDays) days", isNote: true)] : [])))
        }
        latest.append(PackFact("Currency", [symbols.line(currency.symbol, currency.label)]))

        // Status and every target in force; the direction of travel.
        let status = m.status
        let statusLines = PackLenses.status(m, symbols: &symbols)
        let directionLines = PackLenses.direction(m, symbols: &symbols)
        let targets = PackTable(
            id: "\(anchor)-targets", caption: "Targets in force for \(m.measure.title), \(assessment.reportingPeriod.label)",
            headers: ["Target", "Value", "Tolerance", "Applies to", "In force", "Set by", "Result"].map { PackHeader($0) },
            rows: status.targets.map { judgement in
                let target = judgement.target
                let reported = judgement.target.kind == status.reportedTarget?.target.kind
                var header = [symbols.line("target-\(target.kind.rawValue)", PackWording.targetKind(target.kind))]
                if reported { header.append(PackLine("Reported against", isNote: true)) }
                let value = status.isMilestone ? (target.value >= 1 ? "Completion" : "Not yet complete") : format.trimmedText(target.value)
                let tolerance = target.tolerance.map { format.amountText($0, trimmed: true) } ?? "None"
                let end = PackWording.seen(target, in: assessment)?.validTo
                let validity = "From \(target.validFrom.displayText)" + (end.map { " to \($0.displayText)" } ?? "") + " (version \(target.version))"
                var setBy = [PackLine("\(target.setBy), \(target.setOn.displayText)"), PackLine(target.reason, isNote: true)]
                if let decision = target.decision { setBy.append(PackLine("Decision: \(decision)", isNote: true)) }
                return PackRow(header: PackCell(header), cells: [
                    PackCell(value, isNumeric: true), PackCell(tolerance, isNumeric: true), PackCell(target.periodLabel ?? "Every period"),
                    PackCell(validity), PackCell(setBy), PackCell(judgement.result.words.prefix(1).uppercased() + judgement.result.words.dropFirst()),
                ])
            }
        )

        // Trend.
        let trendChart = PackCharts.trend(m, councilName: councilName, id: "\(anchor)-trend-chart")
        var trend: PackFigure?
        if let chart = trendChart {
            // The chart's numbers; a withheld council figure shows its symbol and why it is blank.
            var cells = chart.table.rows.map { row in row.dropFirst().map { PackCell($0, isNumeric: true) } }
            for (i, point) in m.history.enumerated() {
                if let cell = point.council, cell.isSuppressed {
                    cells[i][0] = PackCell(symbols.cellLines(cell, format: format), isNumeric: true)
                }
            }
            trend = PackFigure(chart, caption: "Trend: \(m.measure.title)", chartName: "trend chart", cells: cells)
        }

        // Benchmarks.
        var benchmarkTable = Self.emptyTable
        var comparisonReason = ""
        if let b = m.benchmarks {
            var rows = [PackRow(header: PackCell(councilName), cells: [
                PackCell(m.latest.map { [PackLine($0.text)] } ?? [PackLine("No figure")], isNumeric: true),
                PackCell(b.period.label),
            ])]
            rows.append(PackRow(header: PackCell([symbols.line("benchmark-england", "England")]), cells: [
                PackCell(b.england.map(format.text) ?? "No figure", isNumeric: true),
                PackCell(PackLenses.differenceWords(b, thanEngland: true) ?? ""),
            ]))
            if let region = b.region {
                let symbol = region.fellBackFrom == nil ? "benchmark-region" : "benchmark-region-fallback"
                rows.append(PackRow(header: PackCell([symbols.line(symbol, region.name)]), cells: [
                    PackCell(region.value.map(format.text) ?? "No figure", isNumeric: true),
                    PackCell(region.fellBackFrom.map { "\($0) has no figure, so \(region.name)'s is shown" } ?? "Region"),
                ]))
            }
            if let sn = b.statisticalNeighbours {
                rows.append(PackRow(header: PackCell([symbols.line("benchmark-statistical-neighbours", "Statistical neighbours' mean")]), cells: [
                    PackCell(sn.mean.map(format.text) ?? "No figure", isNumeric: true),
                    PackCell("\(sn.neighboursWithFigure) of \(sn.neighbourCount) neighbours with a figure (\(sn.edition) list)"),
                ]))
            }
            if let rank = b.rank {
                rows.append(PackRow(header: PackCell([symbols.line("benchmark-rank", "Rank")]), cells: [
                    PackCell("\(rank) of \(b.rankedCount)", isNumeric: true),
                    PackCell("Among all local authorities with a figure; 1 is best"),
                ]))
            }
            if let band = b.band, let symbol = b.bandSymbol {
                rows.append(PackRow(header: PackCell("Quartile band"), cells: [
                    PackCell([symbols.line(symbol, symbols.label(symbol) ?? "Band \(band.rawValue)")]),
                    PackCell(band.meaning),
                ]))
            }
            rows.append(PackRow(header: PackCell("Compared with England"), cells: [
                PackCell([symbols.line(b.comparison.symbol, b.comparison.label)]),
                // With no England figure there is no method to name, only that (found by exploratory testing).
                b.england == nil ? PackCell(PackWording.noEnglandFigure) : PackCell([symbols.line(b.comparison.methodSymbol)]),
            ]))
            benchmarkTable = PackTable(
                id: "\(anchor)-benchmarks-table", caption: "Benchmarks for \(m.measure.title), \(b.period.label)",
                headers: [PackHeader("Compared with"), PackHeader("Figure", isNumeric: true), PackHeader("Note")], rows: rows
            )
            comparisonReason = b.comparisonReason
        }

        // SPC.
        var spcFigure = Self.emptyFigure
        var spcLines: [PackLine] = []
        if let spc = m.spc {
            let chart = PackCharts.spc(m, spc, councilName: councilName, id: "\(anchor)-spc-chart")
            let types = spc.analysis.points.map(\.pointType)
            var cells = chart.table.rows.map { row in row.dropFirst().map { PackCell($0, isNumeric: true) } }
            for i in cells.indices { cells[i].append(PackCell(types[i].map(PackWording.pointType) ?? "Not classified")) }
            spcFigure = PackFigure(chart, caption: "Statistical process control: \(m.measure.title)", chartName: "statistical process control chart", cells: cells, extraHeaders: ["Point type"],
                                   pointTypes: XmRPointType.allCases.filter(types.contains).map { PackLine(PackWording.pointType($0), icon: PackCharts.markerIcon($0)) })
            if let symbol = spc.variationSymbol, let icon = spc.variationIcon {
                spcLines.append(symbols.line(symbol, "Variation: \(icon.words)"))
            }
            if let symbol = spc.assuranceSymbol, let icon = spc.assuranceIcon {
                spcLines.append(symbols.line(symbol, "Assurance: \(icon.words)"))
            }
        }

        // Breakdowns.
        var breakdownTable = Self.emptyTable
        if !m.breakdowns.isEmpty {
            let hasNumerators = m.breakdowns.contains { $0.numerator != nil }
            let hasDenominators = m.breakdowns.contains { $0.denominator != nil }
            let counts = ValueFormat(unit: .count, decimalPlaces: 0)
            var headers = [PackHeader("Breakdown"), PackHeader("Figure", isNumeric: true)]
            if hasNumerators { headers.append(PackHeader("Numerator", isNumeric: true)) }
            if hasDenominators { headers.append(PackHeader("Denominator", isNumeric: true)) }
            let rows = m.breakdowns.map { figure in
                var cells = [PackCell(symbols.cellLines(figure.cell, format: format, text: figure.text), isNumeric: true)]
                if hasNumerators { cells.append(PackCell(figure.numerator.map { symbols.cellLines($0, format: counts) } ?? [PackLine("–")], isNumeric: true)) }
                if hasDenominators { cells.append(PackCell(figure.denominator.map { symbols.cellLines($0, format: counts) } ?? [PackLine("–")], isNumeric: true)) }
                return PackRow(header: PackCell(PackWording.breakdown(figure.breakdown)), cells: cells)
            }
            let period = m.breakdowns.first?.period.label ?? ""
            let withheld = m.breakdowns.contains { figure in [figure.cell, figure.numerator, figure.denominator].contains { $0?.isSuppressed ?? false } }
            breakdownTable = PackTable(
                id: "\(anchor)-breakdowns-table", caption: "Breakdowns of \(m.measure.title), \(period)", headers: headers, rows: rows,
                note: withheld ? "A blank cell shows its symbol and why it is blank; the key explains each symbol." : nil
            )
        }

        // Every symbol is drawn by now: the key lists exactly those. (A revised figure withheld from
        // the public says what its symbol means beside it, as the symbol need not be in the key.)
        let paragraphs = (commentary ?? "").components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let key = symbols.keyTable(assessment.key, id: "\(anchor)-key-table", caption: "Key to the symbols on this page")
        return PackMeasureModel(
            anchor: anchor,
            title: m.measure.title, code: m.measure.code, isIllustrative: m.measure.isIllustrative,
            theme: m.theme ?? "", hasTheme: m.theme != nil, inShort: MeasureInShort(m).text,
            about: PackFacts(items: about), latest: PackFacts(items: latest), currencyReason: currency.reason,
            status: statusLines, statusReason: status.reason,
            hasTargets: !status.targets.isEmpty, targets: targets,
            direction: directionLines, directionReason: m.direction.reason,
            hasTrend: trend != nil, trend: trend ?? Self.emptyFigure,
            noTrend: m.status.isMilestone ? "A milestone measure: there is no trend to chart." : "No figures to chart.",
            hasBenchmarks: m.benchmarks != nil, benchmarks: benchmarkTable, comparisonReason: comparisonReason,
            noBenchmarks: m.status.isMilestone ? "A milestone measure is not benchmarked." : "No figure to compare with England, the region or the statistical neighbours.",
            hasSPC: m.spc != nil, spc: spcFigure, spcLines: spcLines, spcReason: m.spc?.reason ?? "", spcAbsence: m.spc == nil ? m.spcAbsence ?? "" : "",
            hasBreakdowns: !m.breakdowns.isEmpty, breakdowns: breakdownTable,
            hasRevisions: revisions != nil, revisionsSentence: revisions?.sentence(councilName: councilName, asPublished: sincePublication != nil) ?? "",
            hasRevisionsTable: !(revisions?.revisions.isEmpty ?? true),
            revisions: revisions.map {
                revisionsTable($0, id: "\(anchor)-revisions-table", caption: "\(councilName)'s figures for \(m.measure.title) that a later import revised, newest revision first")
            } ?? Self.emptyTable,
            hasSincePublication: sincePublication != nil, isRevisedSincePublication: sincePublication?.anyRevised ?? false,
            sincePublicationSentence: sincePublication?.sentence(councilName: councilName) ?? "",
            hasSincePublicationTable: !(sincePublication?.revisions.revisions.isEmpty ?? true),
            sincePublication: sincePublication.map {
                revisionsTable($0.revisions, id: "\(anchor)-revised-since-table", caption: "\(councilName)'s figures for \(m.measure.title) revised since this report was published, newest revision first")
            } ?? Self.emptyTable,
            commentary: paragraphs, hasCommentary: !paragraphs.isEmpty, key: key
        )
    }

    /// The revisions as a table: each figure's period and breakdown, what it was and became (a
    /// withheld figure's symbol with its meaning), when it was revised and from which files.
    func revisionsTable(_ revisions: FigureRevisions, id: String, caption: String) -> PackTable {
        let m = measure
        func text(_ cell: PublishedCell) -> String {
            m.format.text(cell, isMilestone: m.status.isMilestone) + (cell.symbol.map { " (\($0.meaning))" } ?? "")
        }
        return PackTable(
            id: id, caption: caption,
            headers: ["Period", "Breakdown", "Was", "Became", "Revised on", "Was from", "Became from"].map { PackHeader($0) },
            rows: revisions.revisions.map { r in
                PackRow(header: PackCell(r.period.label), cells: [
                    PackCell(PackWording.breakdown(r.breakdown)), PackCell(text(r.before)), PackCell(text(r.after)),
                    PackCell(CalendarDate.displayText(ofTimestampWithTime: r.revisedAt)), PackCell(r.beforeSource), PackCell(r.afterSource),
                ])
            }
        )
    }

    static let emptyTable = PackTable(id: "", caption: "", headers: [], rows: [])
    static let emptyFigure = PackFigure(id: "", caption: "", svg: "", summary: "", table: emptyTable, pointTypes: [], hasPointTypes: false)
}
