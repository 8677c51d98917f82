import ScrutineerCore

/// The data behind the pack's requests, finance and risks sections (PRODUCT.md R13: "the data
/// behind every chart as CSV/XLSX", with the finance and risk appendices): one file each, written
/// only when the pack has that section, holding what the section's table lists, a row per
/// request, finance line or risk, with the codes and dates the API gives beside the words the
/// page shows.
extension PackDataTables {
    static let requests = PackDataFile(fileName: "requests.csv", sheetName: "Requests", description: "The committee's requests and their answers (CSV)")
    static let finance = PackDataFile(fileName: "finance.csv", sheetName: "Finance", description: "Each line of the finance return shown (CSV)")
    static let financeYear = PackDataFile(
        fileName: "finance-year.csv", sheetName: "Finance by return", description: "Each service's finance at each return of the year so far, as the finance charts draw it (CSV)"
    )
    static let risks = PackDataFile(fileName: "risks.csv", sheetName: "Risks", description: "The committee's risks, scores and mitigation (CSV)")
    static let revisions = PackDataFile(
        fileName: "revisions.csv", sheetName: "Revisions", description: "The council's figures that a later import revised: what each was and became (CSV)"
    )

    /// Every data file a pack with `options` has, in the order the summary lists them: the
    /// measures' files, then one for each section the pack shows, in the order of the sections,
    /// then the revised figures when any measure has them.
    static func files(_ options: PackOptions) -> [PackDataFile] {
        files + [
            options.requests.map { _ in [requests] }, options.finance.map { _ in [finance, financeYear] }, options.risks.map { _ in [risks] },
            options.revisions.isEmpty ? nil : [revisions],
        ].compactMap { $0 }.flatMap { $0 }
    }

    /// Every table of a pack with `options`, in the order of `files(_:)`.
    static func tables(_ assessment: CommitteeAssessment, options: PackOptions) -> [PackDataTable] {
        var tables = tables(assessment)
        if let listed = options.requests { tables.append(requestTable(listed)) }
        if let lines = options.finance {
            let report = FinanceReport.inReport(lines, reportingPeriod: assessment.reportingPeriod)
            tables += [financeTable(report), financeYearTable(report)]
        }
        if let listed = options.risks { tables.append(riskTable(listed)) }
        if !options.revisions.isEmpty { tables.append(revisionTable(assessment, options.revisions)) }
        return tables
    }

    /// A row per revision of each measure's figures, measures in the report's order, each newest
    /// revision first, as the "Revised figures" tables list them (a withheld figure blank, with its symbol).
    static func revisionTable(_ assessment: CommitteeAssessment, _ revised: [String: FigureRevisions]) -> PackDataTable {
        PackDataTable(
            file: revisions,
            header: ["Code", "Measure", "Period", "Breakdown", "Was", "Was symbol", "Became", "Became symbol", "Revised at", "Was from", "Became from"],
            rows: assessment.measures.flatMap { m in
                (revised[m.measure.code]?.revisions ?? []).map { r -> [PackDataCell] in
                    [
                        .text(m.measure.code), .text(m.measure.title), .text(r.period.label), .words(r.breakdown.key),
                        .figure(r.before.value, m.format), .words(r.before.symbol?.rawValue), .figure(r.after.value, m.format), .words(r.after.symbol?.rawValue),
                        .text(r.revisedAt), .text(r.beforeSource), .text(r.afterSource),
                    ]
                }
            }
        )
    }

    /// A row per request the report lists, in its order.
    static func requestTable(_ listed: [ReportedRequest]) -> PackDataTable {
        PackDataTable(
            file: requests,
            header: ["Number", "Request", "Asked by", "Raised on", "Recurrence", "Measure code", "Provided by", "Promised by",
                     "First promised by", "Status", "Status text", "Answered on", "Answer"],
            rows: listed.map { listed in
                let r = listed.request
                return [
                    .whole(r.number), .text(r.request), .words(r.askedBy), .text(r.raisedOn.iso),
                    .text(r.recurrence == .everyReport ? "Every report" : "Once"), .words(r.measureCode), .words(r.providedBy),
                    .words(r.dueBy?.iso), .words(r.firstDueBy?.iso), .text(listed.standing.code), .text(listed.statusText), .words(listed.answeredOn?.iso), .words(listed.detail),
                ]
            }
        )
    }

    /// A row per line of the return the report shows (`FinanceReport.inReport`), in the order of
    /// the section's tables, each with its variance at the return before; no rows when no return
    /// of the report's financial year is in.
    static func financeTable(_ report: FinanceReport?) -> PackDataTable {
        PackDataTable(
            file: finance,
            header: ["Return", "Kind", "Service", "Line", "Budget (£)", "Forecast (£)", "Variance (£)", "Variance (% of budget)", "Variance",
                     "Previous return", "Variance at previous return (£)", "Planned completion", "Forecast completion", "Completion", "Explanation"],
            rows: (report?.lines ?? []).map { line in
                let previous = report?.previous(of: line)
                return [
                    .text(line.period.label), .text(line.kind.rawValue), .text(line.service), .text(line.line),
                    .money(line.budget), .money(line.forecast), .money(line.variance), line.variancePercent.map { .number($0, decimalPlaces: 1) } ?? .empty,
                    .text(line.kind.varianceText(line.variance, percent: line.variancePercent)),
                    .words(report?.previousPeriod?.label), previous.map { .money($0.variance) } ?? .empty,
                    .words(line.plannedCompletion?.iso), .words(line.forecastCompletion?.iso), .words(line.completionText), .words(line.explanation),
                ]
            }
        )
    }

    /// For each kind of line of the return the report shows, a row per return of the year so far
    /// (oldest first) for each service and then all services together, as `PackCharts.finance`
    /// draws them; no rows when no return of the report's financial year is in.
    static func financeYearTable(_ report: FinanceReport?) -> PackDataTable {
        let entries = report.map { report in report.kinds.flatMap { report.movement($0).entries } } ?? []
        let rows: [[PackDataCell]] = entries.map { entry in
            let amount = entry.amount
            return [
                .text(entry.period.label), .text(amount.kind.rawValue), .text(amount.name), .money(amount.budget), .money(amount.forecast),
                .money(amount.variance), amount.variancePercent.map { .number($0, decimalPlaces: 1) } ?? .empty, .text(amount.varianceText),
            ]
        }
        return PackDataTable(
            file: financeYear,
            header: ["Return", "Kind", "Service", "Budget (£)", "Forecast (£)", "Variance (£)", "Variance (% of budget)", "Variance"],
            rows: rows
        )
    }

    /// A row per risk the report lists, highest score first as the section lists them.
    static func riskTable(_ listed: [ReportedRisk]) -> PackDataTable {
        PackDataTable(
            file: risks,
            header: ["Reference", "Risk", "Description", "Owner", "Status", "Reviewed on", "Reviewed this period", "Likelihood", "Impact",
                     "Score", "Rating", "Trend", "Since the review before", "Previous score", "Previous review", "Target likelihood",
                     "Target impact", "Target score", "Target rating", "Mitigation"],
            rows: listed.map { listed in
                let r = listed.review
                let previous = listed.trend.previous
                return [
                    .text(r.reference), .text(r.title), .words(r.description), .text(r.owner), .text(r.status.rawValue), .text(r.reviewedOn.iso),
                    .text(listed.reviewedThisPeriod ? "Yes" : "No"), .whole(r.score.likelihood), .whole(r.score.impact), .whole(r.score.value),
                    .text(r.score.rating.word), .text(listed.trend.code), .text(listed.trendText), .whole(previous?.score.value),
                    .words(previous?.reviewedOn.iso), .whole(r.target?.likelihood), .whole(r.target?.impact), .whole(r.target?.value),
                    .words(r.target?.rating.word), .words(r.mitigation),
                ]
            }
        )
    }
}
