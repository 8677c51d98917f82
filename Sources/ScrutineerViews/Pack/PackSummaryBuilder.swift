import ScrutineerCore

/// Builds the summary's model: who and when, the headline counts and sentence, one table per
/// theme with a row per measure (the lenses side by side), the data files and the key.
struct PackSummaryBuilder {
    let assessment: CommitteeAssessment
    let fileNames: [String: String]
    /// `.index` for the summary page, `.print` for the printed pack (measure links become anchors).
    let page: PackRoute
    let options: PackOptions
    let generated: CalendarDate
    /// Where a measure's link goes when the summary is a web page rather than a pack file.
    var measureLink: (@Sendable (String) -> String)? = nil

    /// The link to a measure's page (or its section of the printed pack).
    func measureHref(_ code: String) -> String {
        if let measureLink { return measureLink(code) }
        let name = fileNames[code] ?? code
        return page == .print ? PackRoute.print.href(from: .print, anchor: "m-\(name)") : PackRoute.measure(fileName: name).href(from: page)
    }

    /// The model; `symbols` records every symbol drawn. With `fullKey` the key lists every symbol
    /// of the assessment (the printed pack, which draws them all), otherwise those drawn here.
    func build(symbols: inout PackSymbols, fullKey: Bool) -> PackSummaryModel {
        let a = assessment
        let facts = PackFacts(items: [
            PackFact("Committee", a.committee.name),
            PackFact("Council", a.councilName),
            PackFact("Reporting period", "\(a.reportingPeriod.label) (\(a.reportingPeriod.spanText))"),
            PackFact("Audience", PackWording.audience(a.audience)),
            PackFact("Data as at", a.today.displayText),
            PackFact("Generated", generated.displayText),
        ])
        let themes = a.themes.enumerated().map { index, theme in
            PackThemeSection(
                id: "theme-\(index + 1)", name: theme.name, owner: theme.owner ?? "", hasOwner: theme.owner != nil,
                sentence: a.headline.themes.first { $0.name == theme.name }?.sentence ?? "",
                table: themeTable(theme, number: index + 1, symbols: &symbols)
            )
        }
        let key = fullKey
            ? PackKeyTable.table(a.key.entries, id: "key-table", caption: "Key to every symbol in this pack")
            : symbols.keyTable(a.key, id: "key-table", caption: "Key to the symbols on this page")
        return PackSummaryModel(
            heading: "\(a.committee.name): \(options.reportTitle), \(a.reportingPeriod.label)",
            stageLabel: options.standing?.label ?? "", stageNote: options.standing?.note ?? "", stageClass: PackWording.stageClass(options.standing),
            facts: facts, audienceNote: PackWording.audienceNote(a.audience), headline: a.headline.sentence,
            statusTable: statusTable, directionTable: directionTable, themes: themes, requests: options.requests.map(requestsSection),
            risks: options.risks.map(risksSection), finance: options.finance.map(financeSection),
            dataLinks: options.includeData ? dataLinks : [], hasData: options.includeData, key: key
        )
    }

    /// Each theme's counts and the total, one row per theme.
    private var countRows: [(name: String, counts: HeadlineCounts)] {
        assessment.headline.themes.map { ($0.name, $0.counts) } + [("All themes", assessment.headline.counts)]
    }

    /// The headline's status counts by theme.
    var statusTable: PackTable {
        PackTable(
            id: "headline-status", caption: "Status of the \(assessment.committee.measureNoun) by theme, \(assessment.reportingPeriod.label)",
            cssClass: "counts",
            headers: ["Theme", "Measures", "On track", "Of which within tolerance", "Not on track", "Completed", "Not due", "No data", "Not judged"]
                .enumerated().map { PackHeader($1, isNumeric: $0 > 0) },
            rows: countRows.map { name, c in
                PackRow(header: PackCell(name), cells: [c.measures, c.onTrack, c.withinTolerance, c.notOnTrack, c.completed, c.notDue, c.noData, c.notJudged]
                    .map { PackCell(String($0), isNumeric: true) })
            }
        )
    }

    /// The headline's direction counts by theme.
    var directionTable: PackTable {
        PackTable(
            id: "headline-direction", caption: "Direction of travel of the \(assessment.committee.measureNoun) by theme, \(assessment.reportingPeriod.label)",
            cssClass: "counts",
            headers: ["Theme", "Improving", "Static", "Declining", "Increasing", "Decreasing", "Not calculated"]
                .enumerated().map { PackHeader($1, isNumeric: $0 > 0) },
            rows: countRows.map { name, c in
                PackRow(header: PackCell(name), cells: [c.improving, c.static, c.declining, c.increasing, c.decreasing, c.directionNotCalculated]
                    .map { PackCell(String($0), isNumeric: true) })
            }
        )
    }

    /// One theme's table: a row per measure with its latest figure, status, direction, England,
    /// region, statistical neighbours, rank and band.
    func themeTable(_ theme: ThemeAssessment, number: Int, symbols: inout PackSymbols) -> PackTable {
        let all = theme.measures.compactMap(\.benchmarks)
        // A column's icon is drawn only where some row uses that benchmark.
        func headerIcon(_ symbol: String, when used: Bool) -> String { used ? symbols.icon(symbol) : "" }
        let regionNames = Set(all.compactMap { $0.region?.fellBackFrom == nil ? $0.region?.name : nil })
        let headers = [
            PackHeader("Measure"),
            PackHeader("Latest figure"),
            PackHeader("Status"),
            PackHeader("Direction of travel"),
            PackHeader("England", icon: headerIcon("benchmark-england", when: !all.isEmpty)),
            PackHeader(regionNames.count == 1 ? regionNames.first! : "Region",
                       icon: headerIcon("benchmark-region", when: all.contains { $0.region != nil && $0.region?.fellBackFrom == nil })),
            PackHeader("Statistical neighbours' mean", icon: headerIcon("benchmark-statistical-neighbours", when: all.contains { $0.statisticalNeighbours != nil })),
            PackHeader("Rank and quartile band", icon: headerIcon("benchmark-rank", when: all.contains { $0.rank != nil })),
        ]
        let rows = theme.measures.map { m in
            var title = [PackLine(m.measure.title, href: measureHref(m.measure.code)), PackLine("Code \(m.measure.code)", isNote: true)]
            if m.measure.isIllustrative { title.append(PackLine("Illustrative values", isNote: true)) }
            var cells = [
                PackCell(PackLenses.latest(m, symbols: &symbols)),
                PackCell(PackLenses.status(m, symbols: &symbols)),
                PackCell(PackLenses.direction(m, symbols: &symbols)),
            ]
            if let b = m.benchmarks {
                cells += [
                    PackCell(PackLenses.england(b, symbols: &symbols)),
                    PackCell(PackLenses.region(b, symbols: &symbols)),
                    PackCell(PackLenses.neighbours(b)),
                    PackCell(PackLenses.rankAndBand(b, symbols: &symbols)),
                ]
            } else {
                let none = m.status.isMilestone ? "Not benchmarked (milestone)" : "No figure to compare"
                cells += Array(repeating: PackCell([PackLine(none, isNote: true)]), count: 4)
            }
            return PackRow(header: PackCell(title), cells: cells)
        }
        return PackTable(
            id: "theme-\(number)-table", caption: "\(theme.name): \(theme.measures.count) \(theme.measures.count == 1 ? assessment.committee.measureNounSingular : assessment.committee.measureNoun), \(assessment.reportingPeriod.label)",
            cssClass: "measures", headers: headers, rows: rows
        )
    }

    /// The committee's requests: how many still need an answer, then a row for each.
    func requestsSection(_ requests: [ReportedRequest]) -> PackListSection {
        guard !requests.isEmpty else {
            return PackListSection(sentence: "No request from the committee was open on \(assessment.today.displayText) or answered during \(assessment.reportingPeriod.label).", table: nil)
        }
        let outstanding = requests.filter(\.standing.isOutstanding).count
        let overdue = requests.filter { $0.standing == .open(overdue: true) }.count
        let counted = requests.count == 1 ? "One request is listed" : "\(requests.count) requests are listed"
        let waiting = outstanding == 0 ? "none still needs an answer" : "\(outstanding) still \(outstanding == 1 ? "needs" : "need") an answer for this report"
        let moved = requests.filter { $0.standing.isOutstanding && $0.request.firstDueBy != nil }.count
        let late = [overdue == 0 ? nil : "\(overdue) overdue", moved == 0 ? nil : "\(moved) with \(moved == 1 ? "its" : "their") promised day moved"]
            .compactMap { $0 }.joined(separator: ", ")
        let notes = late.isEmpty ? "" : " (\(late))"
        let titles = Dictionary(assessment.measures.map { ($0.measure.code, $0.measure.title) }, uniquingKeysWith: { first, _ in first })
        let rows = requests.map { listed in
            let request = listed.request
            var header = [PackLine("\(request.number). \(request.request)"), PackLine(listed.askedText, isNote: true)]
            if let code = request.measureCode {
                header.append(titles[code].map { PackLine("About: \($0)", href: measureHref(code), isNote: true) } ?? PackLine("About: measure \(code)", isNote: true))
            }
            var status = [PackLine(listed.statusText)]
            if !listed.detail.isEmpty { status.append(PackLine(listed.detail, isNote: true)) }
            var promised = [PackLine(request.dueBy?.displayText ?? (request.recurrence == .everyReport ? "Every report" : "No date given"))]
            if let first = request.firstDueBy { promised.append(PackLine("First promised by \(first.displayText)", isNote: true)) }
            return PackRow(header: PackCell(header), cells: [
                PackCell(request.providedBy.isEmpty ? "Not recorded" : request.providedBy),
                PackCell(promised),
                PackCell(status),
            ])
        }
        return PackListSection(
            sentence: "\(counted): those open on \(assessment.today.displayText) and those answered during \(assessment.reportingPeriod.label) or since; \(waiting)\(notes).",
            table: PackTable(
                id: "requests-table", caption: "Requests from the committee, \(assessment.reportingPeriod.label)", cssClass: "requests",
                headers: [PackHeader("Request"), PackHeader("Provided by"), PackHeader("Promised by"), PackHeader("Status")], rows: rows
            )
        )
    }

    /// The committee's risks: how many, by band and by move since their review before, then a row
    /// for each with its score, move, target and mitigation.
    func risksSection(_ risks: [ReportedRisk]) -> PackListSection {
        let period = assessment.reportingPeriod.label
        guard !risks.isEmpty else {
            return PackListSection(sentence: "No risk on the committee's register was open on \(assessment.today.displayText) or closed during \(period).", table: nil)
        }
        let open = risks.filter { $0.review.status == .open }
        let closed = risks.count - open.count
        var parts: [String] = []
        let counted = open.isEmpty ? "No risk is open" : open.count == 1 ? "One risk is open" : "\(open.count) risks are open"
        let bands = RiskRating.allCases.reversed().compactMap { rating -> String? in
            let count = open.filter { $0.review.score.rating == rating }.count
            return count == 0 ? nil : "\(count) \(rating.word)"
        }
        parts.append(bands.isEmpty ? counted : "\(counted) (\(bands.joined(separator: ", ")))")
        let worse = open.filter { if case .worse = $0.trend { true } else { false } }.count
        if worse > 0 { parts.append("\(worse) \(worse == 1 ? "is" : "are") worse than at \(worse == 1 ? "its" : "their") review before") }
        let stale = open.filter { !$0.reviewedThisPeriod }.count
        if stale > 0 { parts.append("\(stale) \(stale == 1 ? "was" : "were") last reviewed before \(period)") }
        if closed > 0 { parts.append("\(closed) closed during \(period) or since") }
        let rows = risks.map { listed in
            let review = listed.review
            var header = [PackLine("\(review.reference): \(review.title)"), PackLine("Owner: \(review.owner)", isNote: true)]
            if !review.description.isEmpty { header.append(PackLine(review.description, isNote: true)) }
            return PackRow(header: PackCell(header), cells: [
                PackCell([PackLine(review.score.text), PackLine(review.score.factorsText, isNote: true)]),
                PackCell([PackLine(listed.trendText), PackLine(listed.reviewText, isNote: true)]),
                PackCell(review.target.map { [PackLine($0.text), PackLine($0.factorsText, isNote: true)] } ?? [PackLine("No target set")]),
                PackCell(review.mitigation),
            ])
        }
        return PackListSection(
            sentence: parts.joined(separator: "; ") + ".", matrix: open.isEmpty ? nil : Self.riskMatrix(open, period: period),
            table: PackTable(
                id: "risks-table", caption: "Risks the committee owns, \(period), highest score first", cssClass: "risks",
                headers: [PackHeader("Risk"), PackHeader("Score"), PackHeader("Since the review before"), PackHeader("Target score"), PackHeader("Mitigation")],
                rows: rows, note: RiskRating.keyText
            )
        )
    }

    /// Where the open risks sit on the five-by-five matrix: a row per impact (most severe first), a
    /// column per likelihood, each cell its score and band in words (and shaded by band), then the
    /// reference of each risk there with its move since the review before.
    static func riskMatrix(_ open: [ReportedRisk], period: String) -> PackTable {
        func factor(_ name: String, _ value: Int, least: String, most: String) -> String {
            value == RiskScore.scale.lowerBound ? "\(name) \(value) (\(least))" : value == RiskScore.scale.upperBound ? "\(name) \(value) (\(most))" : "\(name) \(value)"
        }
        let rows = RiskScore.scale.reversed().map { impact in
            PackRow(
                header: PackCell(factor("Impact", impact, least: "negligible", most: "severe")),
                cells: RiskScore.scale.map { likelihood in
                    let score = RiskScore(likelihood: likelihood, impact: impact)
                    let here = open.filter { $0.review.score == score }.map { listed in
                        PackLine(listed.trend.code == "unchanged" ? listed.review.reference : "\(listed.review.reference) (\(listed.trend.code))")
                    }
                    return PackCell([PackLine("\(score.value) \(score.rating.word)", extraClass: "band-\(score.rating.rawValue)")] + here)
                }
            )
        }
        return PackTable(
            id: "risks-matrix", caption: "Where the open risks sit, \(period): impact down, likelihood across", cssClass: "risk-matrix",
            headers: [PackHeader("Impact")] + RiskScore.scale.map { PackHeader(factor("Likelihood", $0, least: "rare", most: "almost certain")) },
            rows: rows, note: "Each cell gives its score and band, then each open risk there by its reference, with how its score moved since the review before (new, worse or better; no word where it is unchanged). " + RiskRating.keyText
        )
    }

    /// The data files' links. The printed pack names each file's path instead: on paper a link
    /// shows nothing, and in the PDF it would lead to the folder on the computer that built it.
    var dataLinks: [PackLink] {
        let files = PackDataTables.files(options).map { ($0.description, $0.fileName) }
            + [("Every table above in one workbook (Excel, XLSX)", PackDataTables.workbookName)]
        return files.map { description, fileName in
            let route = PackRoute.data(fileName)
            return page == .print ? PackLink("\(description): \(route.path), beside this document", href: "") : PackLink(description, href: route.href(from: page))
        }
    }
}
