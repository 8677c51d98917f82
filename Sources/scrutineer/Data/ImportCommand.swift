import ArgumentParser
import Foundation
import ScrutineerCore
import ScrutineerFormats
import ScrutineerStorage

/// `scrutineer import KIND FILE… [--db URL]`: validate every cell, then write all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import published statistics or a council's own measures into the database.",
        discussion: """
        KIND is lait, ees, fingertips, neighbours, areas or local. Every cell is checked before \
        anything is written; a rejected cell is reported as FILE:ROW:COLUMN: problem (expected …), \
        exit status 65, and the database is left as it was. Importing the same file twice changes \
        nothing and says so; a corrected file updates only what changed, keeping the old values in \
        history and recording who, when and which file in the audit trail. Import areas first \
        (the LA lookup), then neighbours, then data.
        """
    )

    @Argument(help: "What the files are: lait, ees, fingertips, neighbours, areas or local.")
    var kind: ImportKind

    @Argument(help: "The files to import (CSV; XLSX for local).")
    var files: [String]

    @OptionGroup var database: DatabaseOption

    @Option(help: "EES/Fingertips: the measure code to import into.")
    var measure: String?

    @Option(help: "EES: the indicator column holding the measure's values.")
    var indicator: String?

    @Option(help: "EES: keep rows whose filter column NAME equals VALUE (repeatable), as NAME=VALUE.")
    var filter: [String] = []

    @Option(help: "EES: a mapping file (measure_code,indicator,filters,title,unit,polarity,year_type) for several measures.")
    var mapping: String?

    @Option(help: "Neighbours: the edition of the list, e.g. 2021 or 2025 (default: the year in the file name).")
    var edition: String?

    @Option(help: "A new measure's title.")
    var title: String?

    @Option(help: "A new measure's unit: percentage, rate:10000, count, days, weeks, money or number.")
    var unit: String?

    @Option(help: "A new measure's polarity: high, low or none.")
    var polarity: String?

    @Option(name: .customLong("year-type"), help: "A new measure's years: financial, academic, calendar or year-ending-september.")
    var yearType: String?

    @Option(help: "Local XLSX: the sheet to read (default: the first).")
    var sheet: String?

    @Option(help: "Local: the council whose own measures the files define (ONS code, e.g. E10000031; default: the one council their figures are for).")
    var council: String?

    @Option(help: "Who is importing, for the audit trail (default: $USER).")
    var user: String = ProcessInfo.processInfo.environment["USER"] ?? "scrutineer"

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to import") }
        if let unit, MeasureText.unit(unit) == nil { throw ValidationError("--unit \(unit) is not a unit (expected percentage, rate:10000, count, days, weeks, money or number)") }
        if let polarity, MeasureText.polarity(polarity) == nil { throw ValidationError("--polarity \(polarity) is not a polarity (expected high, low or none)") }
        if let yearType, MeasureText.yearType(yearType) == nil { throw ValidationError("--year-type \(yearType) is not a year type (expected financial, academic, calendar or year-ending-september)") }
        for text in filter where EESFilter(text: text) == nil { throw ValidationError("--filter \(text) is not NAME=VALUE") }
        if council != nil, kind != .local { throw ValidationError("--council is for local imports (a council's own measures); published measures are every council's") }
    }

    func run() async throws {
        let progress = ImportProgress(files: files)
        progress.show(.reading)
        let inputs = try readInputs()
        let store = try await database.openStore()
        do {
            try await store.migrate()
            let context = ImportContext(measures: try await store.measures(), areas: try await store.areas())
            progress.show(.validating)
            let batch: ImportBatch
            do {
                batch = try parse(inputs, context: context)
            } catch {
                progress.finish()
                for line in error.errors { FileHandle.standardError.write(Data((line.description + "\n").utf8)) }
                FileHandle.standardError.write(Data(ImportProblemsDigest(error).text.utf8))
                try await store.close()
                throw ExitCode(65)
            }
            progress.show(.writing(batch.rowsRead))
            let rows = batch.rowsRead
            var showWriting: (@Sendable (_ written: Int, _ toWrite: Int) -> Void)?
            if progress.enabled {
                showWriting = { written, toWrite in progress.showWriting(written, of: toWrite, rows: rows) }
            }
            let summary = try await store.importBatch(batch, by: user, progress: showWriting)
            progress.finish()
            print(ImportReport(files: inputs.map(\.name), summary: summary, skipped: batch.skipped).text)
            try await store.close()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as StoreError {
            // The store rolled the whole import back: say why, in its words, and exit like bad data.
            progress.finish()
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            try? await store.close()
            throw ExitCode(65)
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// Reads every named file (and an EES file's `.meta.csv` sidecar when it exists beside it).
    private func readInputs() throws -> [PublishedFile] {
        var inputs: [PublishedFile] = []
        for path in files {
            let url = URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                FileHandle.standardError.write(Data("\(path): cannot be read (no such file, or no permission)\n".utf8))
                throw ExitCode(66)
            }
            inputs.append(PublishedFile(name: url.lastPathComponent, data: data))
            if kind == .ees {
                let sidecar = url.deletingLastPathComponent().appendingPathComponent(EESImporter.metadataFileName(for: url.lastPathComponent))
                if !files.contains(sidecar.path), let meta = FileManager.default.contents(atPath: sidecar.path) {
                    inputs.append(PublishedFile(name: sidecar.lastPathComponent, data: meta))
                }
            }
        }
        return inputs
    }

    private func parse(_ inputs: [PublishedFile], context: ImportContext) throws(BatchInputErrors) -> ImportBatch {
        if kind == .local {
            return try LocalMeasuresImporter.importBatch(
                inputs.map { LocalImportFile(name: $0.name, data: $0.data) },
                options: LocalImportOptions(sheet: sheet, council: council),
                context: context
            )
        }
        var mappingFile: PublishedFile?
        if let mapping {
            guard let data = FileManager.default.contents(atPath: mapping) else {
                throw BatchInputErrors([BatchInputError(file: mapping, row: 1, column: "-", message: "cannot be read (expected a mapping CSV file)")])
            }
            mappingFile = PublishedFile(name: URL(fileURLWithPath: mapping).lastPathComponent, data: data)
        }
        let options = NationalImportOptions(
            measureCode: measure, indicator: indicator, filters: filter.compactMap(EESFilter.init(text:)),
            mappingFile: mappingFile, edition: edition, title: title,
            unit: unit.flatMap(MeasureText.unit), polarity: polarity.flatMap(MeasureText.polarity),
            yearType: yearType.flatMap(MeasureText.yearType)
        )
        return try NationalImport.parse(kind, files: inputs, options: options, context: context)
    }
}

extension ImportKind: ExpressibleByArgument {}

/// The last lines of a refused import, after every rejected cell: when there are many, what they
/// are mostly about (by file and column, most first), then how many and that nothing was written:
///
///     By file and column, most first:
///       lait_kpi_subset_long.csv new_la_code: 52140 problems, the first on row 2: unknown area code …
///     52140 problems found; nothing was written.
struct ImportProblemsDigest {
    /// Above this many problems the lines have scrolled past, so the digest is printed.
    static let longReport = 10
    /// The most columns the digest lists.
    static let columnsListed = 10

    var errors: BatchInputErrors

    init(_ errors: BatchInputErrors) {
        self.errors = errors
    }

    var text: String {
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
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The summary printed at the end of an import: the totals on the first line, then what they
/// are made of by kind of record, then the rows read but deliberately not stored, so that every
/// row read is accounted for, e.g.
///
///     2132 rows read: 2133 added, 0 changed, 0 unchanged, 0 rejected.
///       measures: 1 added, 0 changed, 0 unchanged.
///       observations: 2132 added, 0 changed, 0 unchanged.
///     Imported d3_cpps_subsequent_plan_2013_to_2025.csv.
struct ImportReport {
    var files: [String]
    var summary: ImportSummary
    var skipped: [ImportSkip] = []

    var text: String {
        var lines = ["\(summary.rowsRead) \(summary.rowsRead == 1 ? "row" : "rows") read: \(summary.added) added, \(summary.changed) changed, \(summary.unchanged) unchanged, \(summary.rejected) rejected."]
        for record in ImportRecord.allCases {
            guard let tally = summary.records[record] else { continue }
            lines.append("  \(record.name(count: tally.total)): \(tally.added) added, \(tally.changed) changed, \(tally.unchanged) unchanged.")
        }
        lines += skipped.map { "  " + $0.description }
        lines.append(summary.changedNothing
            ? "Nothing changed: the database already held exactly this."
            : "Imported \(files.joined(separator: ", ")).")
        return lines.joined(separator: "\n")
    }
}
