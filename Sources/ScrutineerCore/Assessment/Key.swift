/// The sections of the key, in the order the report prints them.
public enum KeyGroup: String, Sendable, Hashable, CaseIterable, Codable {
    /// Status against target.
    case status
    /// What the status is judged against: which kind of target.
    case target
    /// How current the data are.
    case currency
    /// Direction-of-travel arrows.
    case direction
    /// What the arrows compare with, and whether statistically.
    case directionBasis = "direction-basis"
    /// The benchmark figures shown: England, region, statistical neighbours, rank.
    case benchmark
    /// Better / similar / worse than England, and how it is judged.
    case comparison
    /// LAIT quartile bands.
    case band
    /// SPC icons.
    case spc
    /// Symbols shown instead of figures.
    case disclosure
}

/// One line of the key: a symbol the page draws, its text label, what it means and its colour
/// (never the only signal: every symbol has a label).
public struct KeyEntry: Sendable, Hashable, Codable, Identifiable {
    /// The section of the key it belongs to.
    public let group: KeyGroup
    /// The symbol name the page draws (an icon file, a CSS class).
    public let symbol: String?
    /// The words shown beside or instead of the symbol.
    public let label: String
    /// What it means, in full.
    public let meaning: String
    /// Its colour name, where it has one.
    public let colour: String?

    public var id: String { symbol ?? "\(group.rawValue):\(label)" }

    /// An entry.
    public init(group: KeyGroup, symbol: String?, label: String, meaning: String, colour: String? = nil) {
        self.group = group
        self.symbol = symbol
        self.label = label
        self.meaning = meaning
        self.colour = colour
    }

    /// The entries one measure needs: one for each symbol its row and page draw.
    static func entries(for assessment: MeasureAssessment) -> [KeyEntry] {
        var entries: [KeyEntry] = []
        let status = assessment.status
        entries.append(statusEntry(status))
        for judgement in status.targets {
            entries.append(targetEntry(judgement.target.kind))
        }
        entries.append(currencyEntry(assessment.currency.state))
        let direction = assessment.direction
        entries.append(arrowEntry(direction))
        if direction.direction != .notCalculated {
            entries.append(basisEntry(direction))
        }
        if let benchmarks = assessment.benchmarks {
            entries += benchmarkEntries(benchmarks)
            entries.append(comparisonEntry(benchmarks.comparison))
            if benchmarks.england != nil { entries.append(comparisonMethodEntry(benchmarks.comparison.choice)) }
            if let band = benchmarks.band, let symbol = benchmarks.bandSymbol {
                entries.append(KeyEntry(group: .band, symbol: symbol, label: "Band \(band.rawValue)", meaning: band.meaning,
                                        colour: band.colour == .none ? nil : band.colour.rawValue))
            }
        }
        if let spc = assessment.spc {
            if let icon = spc.variationIcon, let symbol = spc.variationSymbol {
                entries.append(KeyEntry(group: .spc, symbol: symbol, label: "SPC variation", meaning: icon.words))
            }
            if let icon = spc.assuranceIcon, let symbol = spc.assuranceSymbol {
                entries.append(KeyEntry(group: .spc, symbol: symbol, label: "SPC assurance", meaning: icon.words))
            }
        }
        var cells: [PublishedCell] = assessment.latest.map { [$0.cell] } ?? []
        for figure in assessment.breakdowns { cells += [figure.cell, figure.numerator, figure.denominator].compactMap { $0 } }
        cells += assessment.history.compactMap(\.council)
        for cell in cells {
            if let symbol = cell.symbol {
                entries.append(KeyEntry(group: .disclosure, symbol: "symbol-\(symbol.rawValue)", label: symbol.rawValue, meaning: symbol.meaning))
            }
        }
        return entries
    }

    private static func statusEntry(_ status: StatusAssessment) -> KeyEntry {
        let meaning: String = switch (status.status, status.isWithinTolerance) {
        case (.onTrack, true): "Short of the target, but by no more than its stated tolerance"
        case (.onTrack, false): "Meets the target in force for the period"
        case (.notOnTrack, _): "Short of the target in force by more than its tolerance"
        case (.completed, _): "A milestone that has been completed"
        case (.notDue, _): "No new figure was due in this reporting period (for example an annual measure mid-year); not judged red"
        case (.noData, _): "No figure has been published or provided"
        case (.notJudged, _): "A figure with no target in force, or a measure with no better or worse direction"
        }
        return KeyEntry(group: .status, symbol: status.symbol, label: status.label, meaning: meaning, colour: status.colour.rawValue)
    }

    private static func targetEntry(_ kind: TargetKind) -> KeyEntry {
        let meaning: String = switch kind {
        case .local: "Status judged against the council's own target in force for the period"
        case .national: "Status judged against a national target"
        case .statutory: "Status judged against a statutory target (for example EHC plans within 20 weeks)"
        case .trajectory: "Status judged against the trajectory value for this period on the way to the year's target"
        }
        return KeyEntry(group: .target, symbol: "target-\(kind.rawValue)", label: "Against \(AssessmentWording.targetKind(kind))", meaning: meaning)
    }

    private static func currencyEntry(_ state: CurrencyState) -> KeyEntry {
        let meaning: String = switch state {
        case .current: "A new figure arrived for or during this reporting period"
        case .notDue: "No new figure was due in this reporting period; the latest is shown"
        case .stale: "A newer figure should have been published by now; the figure shown is out of date"
        case .noData: "No figure up to this reporting period"
        }
        return KeyEntry(group: .currency, symbol: state.symbol, label: state.label, meaning: meaning)
    }

    private static func arrowEntry(_ direction: DirectionOfTravel) -> KeyEntry {
        let meaning: String = switch (direction.direction, direction.movement) {
        case (.improving, .up): "Up, and higher is better"
        case (.improving, _): "Down, and lower is better"
        case (.declining, .up): "Up, and lower is better"
        case (.declining, _): "Down, and higher is better"
        case (.static, _): "No change beyond the tolerance, or no statistically significant change"
        case (.increasing, _): "Up; this measure has no better or worse direction"
        case (.decreasing, _): "Down; this measure has no better or worse direction"
        case (.notCalculated, _): "No direction could be worked out (too few figures, or none to compare with)"
        }
        let colour: String? = switch direction.direction {
        case .improving: "green"
        case .declining: "red"
        default: nil
        }
        return KeyEntry(group: .direction, symbol: direction.symbol, label: direction.label, meaning: meaning, colour: colour)
    }

    private static func basisEntry(_ direction: DirectionOfTravel) -> KeyEntry {
        let against = direction.basis == .previousPeriod ? "the previous period" : "the same period last year"
        let (label, meaning): (String, String) = switch direction.method {
        case .simple:
            ("Against \(against)", "Simple: the latest figure against \(against); a change within the measure's stated tolerance is static")
        case .confidenceIntervalOverlap:
            ("Against \(against) (statistical)", "Statistical: the latest figure against \(against); static when their 95% confidence intervals overlap")
        case .recentTrend:
            ("Five-point trend (statistical)", "Statistical: the Fingertips recent-trend test over the latest five figures (χ² at 99.8%)")
        case .spc:
            ("SPC (statistical)", "Statistical: Making Data Count SPC rules on the series; common cause variation is static")
        }
        return KeyEntry(group: .directionBasis, symbol: direction.basisSymbol, label: label, meaning: meaning)
    }

    private static func benchmarkEntries(_ benchmarks: Benchmarks) -> [KeyEntry] {
        var entries = [KeyEntry(group: .benchmark, symbol: "benchmark-england", label: "England",
                                meaning: "England's published figure for the same period (national)")]
        if let region = benchmarks.region {
            if let from = region.fellBackFrom {
                entries.append(KeyEntry(group: .benchmark, symbol: "benchmark-region-fallback", label: region.name,
                                        meaning: "Regional: \(region.name)'s published figure, used where \(from) has none"))
            } else {
                entries.append(KeyEntry(group: .benchmark, symbol: "benchmark-region", label: region.name,
                                        meaning: "Regional: \(region.name)'s published figure for the same period"))
            }
        }
        if let sn = benchmarks.statisticalNeighbours {
            entries.append(KeyEntry(group: .benchmark, symbol: "benchmark-statistical-neighbours", label: "Statistical neighbours",
                                    meaning: "The unweighted mean of the council's \(sn.neighbourCount) DfE statistical neighbours (\(sn.edition) list) for the same period"))
        }
        if benchmarks.rank != nil {
            entries.append(KeyEntry(group: .benchmark, symbol: "benchmark-rank", label: "Rank",
                                    meaning: "Position among all local authorities with a figure for the period; 1 is best, ties share the best rank"))
        }
        return entries
    }

    private static func comparisonEntry(_ comparison: EnglandComparison) -> KeyEntry {
        let meaning: String = switch comparison.outcome {
        case .better: "Significantly better than England: England lies outside the council's 95% confidence interval"
        case .similar: "Not significantly different from England: England lies inside the council's 95% confidence interval"
        case .worse: "Significantly worse than England: England lies outside the council's 95% confidence interval"
        case .best: "Better than England at 99.8%: England lies outside the council's 99.8% confidence interval"
        case .worst: "Worse than England at 99.8%: England lies outside the council's 99.8% confidence interval"
        case .higher: "Significantly higher than England (no better or worse direction)"
        case .lower: "Significantly lower than England (no better or worse direction)"
        case .highest: "Higher than England at 99.8% (no better or worse direction)"
        case .lowest: "Lower than England at 99.8% (no better or worse direction)"
        case .notCompared: "Not judged better or worse than England: no confidence interval, no England figure, or the measure is shown beside England without a statistical comparison"
        }
        return KeyEntry(group: .comparison, symbol: comparison.symbol, label: comparison.label, meaning: meaning)
    }

    private static func comparisonMethodEntry(_ choice: BenchmarkComparisonChoice) -> KeyEntry {
        let (label, meaning): (String, String) = switch choice {
        case .fingertips95:
            ("Compared with England at 95%", "Statistical: England against the council's 95% confidence interval (Fingertips method 1)")
        case .fingertips95And99_8:
            ("Compared with England at 95% and 99.8%", "Statistical: England against the council's 95% and 99.8% confidence intervals (Fingertips method 17)")
        case .notCompared:
            ("Not compared with England", "The measure is shown beside England but not judged better or worse")
        }
        return KeyEntry(group: .comparison, symbol: "comparison-\(choice.rawValue)", label: label, meaning: meaning)
    }
}

/// The key of a report, generated from what its measures actually use (PRODUCT.md R6): a symbol the
/// page draws is in the key, and one it does not draw is not.
public struct Key: Sendable, Hashable, Codable {
    /// The entries, grouped in `KeyGroup` order, in order of first use within a group.
    public let entries: [KeyEntry]

    /// The key for `measures`.
    public init(measures: [MeasureAssessment]) {
        var seen = Set<String>()
        var byGroup: [KeyGroup: [KeyEntry]] = [:]
        for entry in measures.flatMap(\.keyEntries) where seen.insert(entry.id).inserted {
            byGroup[entry.group, default: []].append(entry)
        }
        entries = KeyGroup.allCases.flatMap { byGroup[$0] ?? [] }
    }

    /// Every symbol in the key.
    public var symbols: Set<String> { Set(entries.compactMap(\.symbol)) }
}
