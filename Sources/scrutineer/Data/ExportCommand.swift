import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerFormats
import ScrutineerStorage

/// `scrutineer export observations [--measure CODE] [--area CODE] [--history] [--as-of TIME] [--db URL]` and
/// `scrutineer export measures [--measure CODE] [--council CODE] [--db URL]`,
/// `scrutineer export groups [--council CODE] [--db URL]` and `scrutineer export audit [--db URL]`:
/// CSV of what is stored.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write stored observations, measures, comparator groups or the audit trail as CSV.",
        discussion: """
        observations: measure_code,area_code,period,breakdown,value,numerator,denominator,status_symbol,source,published. \
        Numbers are written exactly (they read back to the same value). With --history, each cell's current row is \
        followed by the values later publications replaced, the most recent first, and a last column superseded_at says \
        when each was replaced (blank on current rows). With --as-of, the figures as they stood then (what a report \
        built that day showed), and with --history the values replaced by then. measures: the columns of a local measures \
        table (code,title,definition,theme,owner,unit,decimal_places,polarity,periodicity,year_type,source,\
        publication_lag_days,committees,plan_priority,benchmark_comparison,direction_of_travel), one row per measure by \
        code, as scrutineer import local reads them: with --council, that council's own measures; without, the measures \
        every council sees (LAIT's, EES's, Fingertips'). groups: group_code,group_name,area_code,area_name, \
        one row per member, as scrutineer import groups reads them: with --council, that council's own groups; without, \
        the groups every council sees. audit: id,recorded_at,user,action,files,rows_read,added,changed,unchanged,rejected, \
        one row per change, oldest first: imports, committee and target changes, sign-offs, commentary, committee \
        requests (recorded, amended, delivered, closed), people, their roles and passwords, and restores from a backup (files \
        separated by semicolons; the counts only for imports).
        """
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case observations, measures, groups, audit
    }

    @Argument(help: "What to export: observations, measures, groups or audit.")
    var what: What

    @Option(name: .customLong("measure"), help: "Observations and measures: only this measure (repeat for several).")
    var measures: [String] = []

    @Option(name: .customLong("area"), help: "Only this area (ONS code; repeat for several).")
    var areas: [String] = []

    @Flag(help: "Observations: also write the values later publications replaced, after each cell's current row, with a superseded_at column.")
    var history = false

    @Option(name: .customLong("as-of"), help: """
        Observations: the figures as they stood at this time: a date (YYYY-MM-DD, to the end of that day, UTC) or a time \
        (YYYY-MM-DDTHH:MM:SSZ, UTC, as export audit writes it).
        """)
    var asOf: String?

    @Option(help: "Measures and groups: only this council's own (ONS code; default: those every council sees).")
    var council: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var database: DatabaseOption

    static let columns = ["measure_code", "area_code", "period", "breakdown", "value", "numerator", "denominator", "status_symbol", "source", "published"]
    static let groupColumns = ["group_code", "group_name", "area_code", "area_name"]
    static let auditColumns = ["id", "recorded_at", "user", "action", "files", "rows_read", "added", "changed", "unchanged", "rejected"]

    func validate() throws {
        switch what {
        case .observations where council != nil:
            throw ValidationError("--council is for export measures and export groups (a council's own measures or comparator groups)")
        case .measures where !areas.isEmpty || history || asOf != nil:
            throw ValidationError("--area, --history and --as-of are for export observations")
        case .groups where !measures.isEmpty || !areas.isEmpty || history || asOf != nil:
            throw ValidationError("--measure, --area, --history and --as-of are for export observations")
        case .audit where !measures.isEmpty || !areas.isEmpty || history || asOf != nil || council != nil:
            throw ValidationError("export audit writes the whole audit trail (--measure, --area, --history and --as-of are for export observations, --council for export measures and groups)")
        default: break
        }
        _ = try asOfTime()
    }

    /// `--as-of` as the store writes times: a date is the last second of that day, UTC.
    func asOfTime() throws -> String? {
        guard let asOf else { return nil }
        if asOf.count == 10, CalendarDate(iso: asOf) != nil { return asOf + "T23:59:59Z" }
        // Read back as written: a time that rolls over (T25:00:00Z, a 31 June) is not one.
        if asOf.hasSuffix("Z"), let time = try? Date(asOf, strategy: .iso8601), time.formatted(.iso8601) == asOf { return asOf }
        throw ValidationError("--as-of \(asOf) is not a date or a time (expected YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SSZ in UTC as export audit writes it)")
    }

    func run() async throws {
        if what == .measures { return try await exportMeasures() }
        if what == .groups { return try await exportGroups() }
        if what == .audit { return try await exportAudit() }
        let asOfTime = try asOfTime()
        let (observations, superseded, unknown) = try await database.withStore(existing: true) { store in
            // As they stood at the revision of the data the time had.
            var revision: Int?
            if let asOfTime { revision = try await store.revision(at: asOfTime) }
            // Each measure and area asked for, in the order the rows are written (measure, then area).
            let measureCodes: [String?] = measures.isEmpty ? [nil] : Set(measures).sorted()
            let areaCodes: [String?] = areas.isEmpty ? [nil] : Set(areas).sorted()
            var observations: [Observation] = []
            var superseded: [SupersededObservation] = []
            for measure in measureCodes {
                for area in areaCodes {
                    let query = ObservationQuery(measureCode: measure, areaCode: area, asOfRevision: revision)
                    observations += try await store.observations(query)
                    if history { superseded += try await store.observationHistory(query) }
                }
            }
            // A filter naming something the database does not hold (a mistyped code) is said,
            // rather than a header alone or another code's rows written as if they were all.
            var unknown: [String] = []
            if observations.isEmpty || measureCodes.count > 1 || areaCodes.count > 1 {
                let heldMeasures = measures.isEmpty ? [] : try await store.measures().map(\.code)
                let storedAreas = areas.isEmpty ? [] : try await store.areas()
                let heldAreas = storedAreas.map(\.code)
                for measure in measureCodes.compactMap(\.self) { unknown += Self.unknown("--measure", measure, among: heldMeasures, "measure", "a measure code") }
                for area in areaCodes.compactMap(\.self) {
                    // A council's former code holds none of its figures: they are its current code's.
                    if let current = Area.current(ofFormer: area, in: storedAreas) {
                        unknown.append("--area \(Area.formerCodeProblem(area, current: current))")
                    } else {
                        unknown += Self.unknown("--area", area, among: heldAreas, "area", "an area's ONS code")
                    }
                }
            }
            return (observations, superseded, unknown)
        }
        if !unknown.isEmpty {
            for line in unknown { StandardError.write((line + "\n")) }
            throw ExitCode(64)
        }
        guard history else {
            try write(CSVWriter.line(Self.columns) + observations.map { CSVWriter.line(Self.fields($0)) }.joined())
            return
        }
        // Each cell's replaced values, most recent first, after its current row.
        var replaced: [ObservationKey: [SupersededObservation]] = [:]
        for version in superseded { replaced[version.observation.key, default: []].insert(version, at: 0) }
        var text = CSVWriter.line(Self.columns + ["superseded_at"])
        for o in observations {
            text += CSVWriter.line(Self.fields(o) + [""])
            for version in replaced.removeValue(forKey: o.key) ?? [] {
                text += CSVWriter.line(Self.fields(version.observation) + [version.supersededAt])
            }
        }
        // Versions of a cell with no current row (none today: imports never delete a cell) are not lost.
        for version in superseded where replaced[version.observation.key] != nil {
            text += CSVWriter.line(Self.fields(version.observation) + [version.supersededAt])
        }
        try write(text)
    }

    /// An observation's fields in the order of `columns`.
    static func fields(_ o: Observation) -> [String] {
        [
            // Text a file or a council named may open as a formula in a spreadsheet: kept as text.
            o.measureCode, o.areaCode, o.period.label, CSVWriter.inert(o.breakdown.key),
            exact(o.value), exact(o.numerator), exact(o.denominator),
            o.statusSymbol?.rawValue ?? "", CSVWriter.inert(o.source), o.published?.iso ?? "",
        ]
    }

    /// Writes `text` to `--output`, or to standard output.
    private func write(_ text: String) throws {
        if let output {
            try reportingDataErrors { try OutputFile.write(text, to: output) }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// One row per measure `--council` owns (or every council sees; those `--measure` names, when
    /// given), by code, in the layout `scrutineer import local` reads.
    private func exportMeasures() async throws {
        let (measures, areas) = try await database.withStore(existing: true) { store in
            (try await store.measures(), try await store.areas())
        }
        if let council, !areas.contains(where: { $0.code == council && $0.type == .localAuthority }) {
            StandardError.write("--council \(council): the database holds no local authority of this code (expected an LA's ONS code, e.g. E10000031)\n")
            throw ExitCode(64)
        }
        let owned = measures.filter { $0.councilAreaCode == council }
        // A code asked for that is not among them (mistyped, or another council's) is said.
        var unknown: [String] = []
        for code in Set(self.measures).sorted() {
            unknown += Self.unknown("--measure", code, among: owned.map(\.code), "measure", "a measure code")
        }
        if !unknown.isEmpty {
            for line in unknown { StandardError.write(line + "\n") }
            throw ExitCode(64)
        }
        let chosen = owned.filter { self.measures.isEmpty || self.measures.contains($0.code) }.sorted { $0.code < $1.code }
        try write(MeasureDefinitionsCSV.text(chosen))
    }

    /// One row per member of each group `--council` owns (or every council sees), by group code
    /// and member code, in the layout `scrutineer import groups` reads.
    private func exportGroups() async throws {
        let (groups, areas) = try await database.withStore(existing: true) { store in
            let groups = try await store.comparatorGroups().filter { $0.ownerAreaCode == council }
            return (groups, Dictionary(uniqueKeysWithValues: try await store.areas().map { ($0.code, $0) }))
        }
        if let council, areas[council]?.type != .localAuthority {
            StandardError.write("--council \(council): the database holds no local authority of this code (expected an LA's ONS code, e.g. E10000031)\n")
            throw ExitCode(64)
        }
        var text = CSVWriter.line(Self.groupColumns)
        for group in groups {
            for member in group.memberCodes {
                text += CSVWriter.line([group.code, group.name, member, areas[member]?.name ?? ""])
            }
        }
        try write(text)
    }

    /// Every audit entry, oldest first: who did what, when, with which files, and what an import did.
    private func exportAudit() async throws {
        let trail = try await database.withStore(existing: true) { try await $0.auditTrail() }
        var text = CSVWriter.line(Self.auditColumns)
        for entry in trail {
            let counts = entry.summary.map { [$0.rowsRead, $0.added, $0.changed, $0.unchanged, $0.rejected].map(String.init) }
            text += CSVWriter.line([String(entry.id), entry.at] + [entry.user, entry.action, entry.files.joined(separator: ";")].map(CSVWriter.inert) + (counts ?? Array(repeating: "", count: 5)))
        }
        try write(text)
    }

    /// The problem with filter `option` naming `code`, if the database holds no `record` of that
    /// code; the example is the stored code that differs only in case, or else the first.
    static func unknown(_ option: String, _ code: String, among stored: [String], _ record: String, _ expected: String) -> [String] {
        guard !stored.contains(code) else { return [] }
        let example = (stored.first { $0.lowercased() == code.lowercased() } ?? stored.min()).map { ", e.g. \($0)" } ?? ": it holds none yet"
        return ["\(option) \(code): the database holds no \(record) of this code (expected \(expected) it holds\(example))"]
    }

    /// The shortest text that reads back to exactly `value` (integers without ".0").
    static func exact(_ value: Double?) -> String {
        value.map(PlainNumber.text) ?? ""
    }
}
