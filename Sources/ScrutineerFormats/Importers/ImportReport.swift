import ScrutineerCore

/// The last lines of a refused import, after every rejected cell: when there are many, what they
/// are mostly about (by file and column, most first), then how many and that nothing was written:
///
///     By file and column, most first:
///       lait_kpi_subset_long.csv new_la_code: 52140 problems, the first on row 2: unknown area code …
///     52140 problems found; nothing was written.
public struct ImportProblemsDigest: Sendable {
    /// Above this many problems the lines have scrolled past, so the digest is printed.
    public static let longReport = 10
    /// The most columns the digest lists.
    public static let columnsListed = 10

    public var errors: BatchInputErrors

    public init(_ errors: BatchInputErrors) {
        self.errors = errors
    }

    /// The digest's lines, each ending in a line break.
    public var text: String { lines.map { $0 + "\n" }.joined() }

    /// The digest's lines: the columns most problems are in (only for a long report), then the count.
    public var lines: [String] {
        let count = errors.errors.count
        var lines: [String] = []
        if count > Self.longReport {
            let columns = errors.byColumn
            lines.append("By file and column, most first:")
            for group in columns.prefix(Self.columnsListed) {
                let problems = group.count == 1 ? "1 problem, on" : "\(group.count) problems, the first on"
                lines.append("  \(group.file) \(group.column): \(problems) row \(group.first.row): \(group.first.message)")
            }
            if columns.count > Self.columnsListed {
                let more = columns.count - Self.columnsListed
                lines.append("  and \(more) more \(more == 1 ? "column" : "columns")")
            }
        }
        lines.append("\(count) \(count == 1 ? "problem" : "problems") found; nothing was written.")
        return lines
    }
}

/// The summary printed at the end of an import: the totals on the first line, then what they
/// are made of by kind of record, then the rows read but deliberately not stored, so that every
/// row read is accounted for, e.g.
///
///     2132 rows read: 2133 added, 0 changed, 0 unchanged, 0 rejected.
///       measure: 1 added, 0 changed, 0 unchanged.
///       observations: 2132 added, 0 changed, 0 unchanged.
///     Imported d3_cpps_subsequent_plan_2013_to_2025.csv.
public struct ImportReport: Sendable {
    public var files: [String]
    public var summary: ImportSummary
    public var skipped: [ImportSkip]

    public init(files: [String], summary: ImportSummary, skipped: [ImportSkip] = []) {
        self.files = files
        self.summary = summary
        self.skipped = skipped
    }

    public var text: String { lines.joined(separator: "\n") }

    /// The summary's lines: the totals, then (indented two spaces) each kind of record and the rows
    /// skipped, then the outcome.
    public var lines: [String] {
        var lines = ["\(summary.rowsRead) \(summary.rowsRead == 1 ? "row" : "rows") read: \(summary.added) added, \(summary.changed) changed, \(summary.unchanged) unchanged, \(summary.rejected) rejected."]
        for record in ImportRecord.allCases {
            guard let tally = summary.records[record] else { continue }
            let removed = tally.removed > 0 ? ", \(tally.removed) removed (no longer in the file)" : ""
            lines.append("  \(record.name(count: tally.total)): \(tally.added) added, \(tally.changed) changed, \(tally.unchanged) unchanged\(removed).")
        }
        lines += skipped.map { "  " + $0.description }
        lines.append(summary.changedNothing
            ? "Nothing changed: the database already held exactly this."
            : "Imported \(files.joined(separator: ", ")).")
        return lines
    }
}
