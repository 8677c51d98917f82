import ScrutineerCore

/// Each lens of a measure's assessment as lines of text with their icons: used by the summary
/// rows and the measure pages alike, so both say the same thing the same way.
enum PackLenses {
    /// "the local target of 70% (tolerance 2 pp)"; for a milestone "the local target of completion".
    static func targetWords(_ target: Target, format: ValueFormat, isMilestone: Bool) -> String {
        var words = "\(PackWording.targetKind(target.kind).lowercased()) of "
        words += isMilestone ? (target.value >= 1 ? "completion" : "not yet complete") : format.trimmedText(target.value)
        if let tolerance = target.tolerance, tolerance > 0, !isMilestone {
            words += " (tolerance \(format.amountText(tolerance, trimmed: true)))"
        }
        return words
    }

    /// The latest figure, its period and its currency.
    static func latest(_ m: MeasureAssessment, symbols: inout PackSymbols) -> [PackLine] {
        var lines: [PackLine] = []
        if let latest = m.latest {
            lines += symbols.cellLines(latest.cell, format: latest.format, text: latest.text)
            lines.append(PackLine(latest.period.clearLabel, isNote: true))
        } else {
            lines.append(PackLine("No figure"))
        }
        let currency = m.currency
        var currencyWords = currency.label
        if currency.state == .stale, let period = currency.latestPeriod { currencyWords += " (latest: \(period.end.monthAndYearText))" }
        lines.append(symbols.line(currency.symbol, currencyWords, isNote: true))
        return lines
    }

    /// The status, the target it is reported against and how every other target in force compares.
    static func status(_ m: MeasureAssessment, symbols: inout PackSymbols) -> [PackLine] {
        let status = m.status
        var lines = [symbols.line(status.symbol, status.label)]
        if let reported = status.reportedTarget {
            // Not due: how the last figure stood, so one that missed is not read as out of trouble.
            let lastFigure = status.status == .notDue && reported.result != .notCompared ? "Last figure \(reported.result.words) against the " : "Against the "
            lines.append(symbols.line(
                "target-\(reported.target.kind.rawValue)",
                lastFigure + targetWords(reported.target, format: status.format, isMilestone: status.isMilestone), isNote: true
            ))
        }
        for other in status.targets where other.target.kind != status.reportedTarget?.target.kind {
            lines.append(symbols.line(
                "target-\(other.target.kind.rawValue)",
                "The " + targetWords(other.target, format: status.format, isMilestone: status.isMilestone) + ": \(other.result.words)",
                isNote: true
            ))
        }
        return lines
    }

    /// The arrow and its words, the change and what it is against.
    static func direction(_ m: MeasureAssessment, symbols: inout PackSymbols) -> [PackLine] {
        let direction = m.direction
        var lines = [symbols.line(direction.symbol, direction.label)]
        if let change = direction.changeText, let compared = direction.comparedPeriod {
            lines.append(PackLine("\(change) since \(compared.label)", isNote: true))
        }
        if direction.direction != .notCalculated {
            lines.append(symbols.line(direction.basisSymbol, isNote: true))
        }
        return lines
    }

    /// England's figure, the difference and the comparison.
    static func england(_ b: Benchmarks, symbols: inout PackSymbols) -> [PackLine] {
        var lines = [PackLine(b.england.map(b.format.text) ?? "No figure")]
        if let difference = differenceWords(b) {
            lines.append(PackLine(difference, isNote: true))
        }
        lines.append(symbols.line(b.comparison.symbol, b.comparison.label, isNote: true))
        return lines
    }

    /// "Warwickshire 5.6 pp lower", "Warwickshire 2.0 per 10,000 higher", "Warwickshire the same as
    /// England"; with `thanEngland`, "Warwickshire 5.6 pp lower than England"; nil with no difference.
    static func differenceWords(_ b: Benchmarks, thanEngland: Bool = false) -> String? {
        guard let difference = b.differenceFromEngland else { return nil }
        if b.format.isZeroWhenShown(difference) { return "\(b.councilName) the same as England" }
        return "\(b.councilName) \(b.format.amountText(difference)) \(difference > 0 ? "higher" : "lower")" + (thanEngland ? " than England" : "")
    }

    /// The region's figure (with the London fallback said where used).
    static func region(_ b: Benchmarks, symbols: inout PackSymbols) -> [PackLine] {
        guard let region = b.region else { return [PackLine("No region")] }
        var lines = [PackLine(region.value.map(b.format.text) ?? "No figure")]
        if let from = region.fellBackFrom {
            lines.append(symbols.line("benchmark-region-fallback", "\(region.name) (\(from) has no figure)", isNote: true))
        }
        return lines
    }

    /// The statistical neighbours' mean and how many neighbours had a figure.
    static func neighbours(_ b: Benchmarks) -> [PackLine] {
        guard let sn = b.statisticalNeighbours else { return [PackLine("No list")] }
        return [
            PackLine(sn.mean.map(b.format.text) ?? "No figure"),
            PackLine("\(sn.neighboursWithFigure) of \(sn.neighbourCount) with a figure", isNote: true),
        ]
    }

    /// Rank of N and the quartile band.
    static func rankAndBand(_ b: Benchmarks, symbols: inout PackSymbols) -> [PackLine] {
        var lines: [PackLine] = []
        if let rank = b.rank {
            lines.append(PackLine("\(rank) of \(b.rankedCount)"))
        } else {
            lines.append(PackLine(b.councilValue == nil ? "Not ranked (figure withheld)" : "Not ranked"))
        }
        if let symbol = b.bandSymbol, let band = b.band {
            lines.append(symbols.line(symbol, symbols.label(symbol) ?? "Band \(band.rawValue)", isNote: true))
        }
        return lines
    }
}
