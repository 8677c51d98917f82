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
        KIND is lait, ees, fingertips, neighbours, areas, local, groups (a council's comparator \
        groups: group_code,group_name,area_code), risks (a committee's risk register, CSV or XLSX: \
        reference,title,owner,reviewed_on,likelihood,impact,mitigation; needs --committee) or finance \
        (a committee's quarterly finance returns, CSV or XLSX: period,kind,service,line,budget,forecast; \
        needs --committee). Every cell is checked before \
        anything is written; a rejected cell is reported as FILE:ROW:COLUMN: problem (expected …), \
        exit status 65, and the database is left as it was. Importing the same file twice changes \
        nothing and says so; a corrected file updates only what changed, keeping the old values in \
        history and recording who, when and which file in the audit trail. Import areas first \
        (the LA lookup), then neighbours, then data.
        """
    )

    @Argument(help: "What the files are: lait, ees, fingertips, neighbours, areas, local, groups, risks or finance.")
    var kind: ImportKind

    @Argument(help: "The files to import (CSV; XLSX for local, risks and finance).")
    var files: [String]

    @OptionGroup var database: DatabaseOption

    @Option(help: "EES/Fingertips: the measure code to import into.")
    var measure: String?

    @Option(help: "EES: the indicator column holding the measure's values.")
    var indicator: String?

    @Option(help: "EES: keep rows whose filter column NAME equals VALUE (repeatable), as NAME=VALUE.")
    var filter: [String] = []

    @Option(help: "EES: the indicator column holding --measure's numerator, for its confidence intervals (a re-import without it stores the figures without their counts).")
    var numerator: String?

    @Option(help: "EES: the indicator column holding --measure's denominator.")
    var denominator: String?

    @Option(help: "EES: a mapping file (measure_code,indicator,filters,title,unit,polarity,year_type,numerator,denominator) for several measures.")
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

    @Option(help: "LAIT/EES/Fingertips: the date the release was published (YYYY-MM-DD), given to the figures it adds or changes; figures it repeats keep their first date.")
    var published: String?

    @Option(name: .customLong("next-update"), help: "LAIT/EES/Fingertips: the date the next release is due (YYYY-MM-DD), as the release page says.")
    var nextUpdate: String?

    @Option(help: "Local, risks and finance XLSX: the sheet to read (default: for local, the sheet named observations, else the first visible one; for risks and finance, the first visible one).")
    var sheet: String?

    @Option(help: "Local: the council whose own measures the files define (ONS code, e.g. E10000031; default: the one council their figures are for). Groups: the council whose own groups they are (default: every council's).")
    var council: String?

    @Option(help: "Risks and finance: the committee that owns the risks or whose finance return it is (scrutineer committee list shows the codes).")
    var committee: String?

    @Flag(name: .customLong("whole-return"), help: "Finance: each quarter the files name is the committee's whole return, so a line stored for that quarter that they do not hold is removed (without it, the files may hold only the lines they add or correct).")
    var wholeReturn = false

    @Flag(name: .customLong("replace-newer"), help: "LAIT, EES, Fingertips and local: let figures published earlier replace stored figures published later, to put an older release back on purpose (without it, such an import is refused; the newer figures stay in history).")
    var replaceNewer = false

    @OptionGroup var audit: AuditUserOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("no file to import (expected one or more file paths after the kind)") }
        if let unit, MeasureText.unit(unit) == nil { throw ValidationError("--unit \(unit) is not a unit (expected percentage, rate:10000, count, days, weeks, money or number)") }
        if let polarity, MeasureText.polarity(polarity) == nil { throw ValidationError("--polarity \(polarity) is not a polarity (expected high, low or none)") }
        if let yearType, MeasureText.yearType(yearType) == nil { throw ValidationError("--year-type \(yearType) is not a year type (expected financial, academic, calendar or year-ending-september)") }
        for text in filter where EESFilter(text: text) == nil { throw ValidationError("--filter \(text) is not a filter (expected NAME=VALUE, such as --filter \"time_identifier=Academic year\")") }
        if numerator != nil || denominator != nil, indicator == nil {
            throw ValidationError("--numerator and --denominator name the counts of --indicator's measure (expected --indicator COLUMN with them, or a mapping file's numerator and denominator columns)")
        }
        let dates = try releaseDates()
        if dates.published != nil || dates.nextUpdateDue != nil, ![.lait, .ees, .fingertips].contains(kind) {
            throw ValidationError("--published and --next-update date a LAIT, EES or Fingertips release (a local file gives its dates in its published and next_update_due columns)")
        }
        if council != nil, kind != .local, kind != .groups {
            throw ValidationError("--council is for local and groups imports (a council's own measures and comparator groups); published measures are every council's")
        }
        if kind == .risks, committee == nil {
            throw ValidationError("import risks needs --committee CODE, the committee that owns the risks (scrutineer committee list shows the codes)")
        }
        if kind == .finance, committee == nil {
            throw ValidationError("import finance needs --committee CODE, the committee whose finance return it is (scrutineer committee list shows the codes)")
        }
        if committee != nil, kind != .risks, kind != .finance {
            throw ValidationError("--committee is for risks and finance imports (a committee's risk register and finance return); other files are not a committee's")
        }
        if wholeReturn, kind != .finance {
            throw ValidationError("--whole-return is for finance imports (a quarter's whole finance return); other files never remove what they do not hold")
        }
        if replaceNewer, ![.lait, .ees, .fingertips, .local].contains(kind) {
            throw ValidationError("--replace-newer is for lait, ees, fingertips and local imports (files of dated figures); other files have no release dates to compare")
        }
        if sheet != nil, ![.local, .risks, .finance].contains(kind) {
            throw ValidationError("--sheet names a workbook's sheet, for local, risks and finance imports (the other imports read CSV files)")
        }
    }

    /// `--published` and `--next-update` as dates: each a real date, the release not after today and
    /// the next one after it.
    private func releaseDates() throws -> (published: CalendarDate?, nextUpdateDue: CalendarDate?) {
        func date(_ text: String?, _ flag: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(iso: text) else { throw ValidationError("--\(flag) \(text) is not a date (expected YYYY-MM-DD)") }
            return date
        }
        let published = try date(self.published, "published"), next = try date(nextUpdate, "next-update")
        let today = CalendarDate.todayUTC
        if let published, today < published {
            throw ValidationError("--published \(published.iso) is after today, \(today.iso) (expected the date the release was published; figures are not shown before it)")
        }
        if let published, let next, !(published < next) {
            throw ValidationError("--next-update \(next.iso) is not after --published \(published.iso) (expected the date the next release is due)")
        }
        return (published, next)
    }

    func run() async throws {
        let progress = ImportProgress(files: files)
        progress.show(.reading)
        let inputs = try readInputs()
        // A database not there yet is made only for an import that will be written: files refused
        // against what a new one holds (England and the regions) leave no file behind (found by
        // exploratory testing).
        var validatedForNewDatabase: ImportBatch?
        if try database.missingSQLiteFile() != nil, committee == nil {
            progress.show(.validating)
            do {
                validatedForNewDatabase = try parse(inputs, context: ImportContext(), stored: OwnDataImport.Stored())
            } catch {
                try refuse(error, progress: progress)
            }
        }
        do {
            try await database.withStore { store in
                try await importFiles(inputs, into: store, progress: progress, validatedForNewDatabase: validatedForNewDatabase)
            }
        } catch let error as StoreError {
            // The store rolled the whole import back: say why, in its words, and exit like bad
            // data, or with EX_TEMPFAIL (75) when the database was lost and trying again may work.
            progress.finish()
            StandardError.write("\(error)\n")
            throw error.exitStatus
        }
    }

    /// Validates every cell of `inputs` against what `store` holds, then writes them in one
    /// transaction and prints the summary; rejected cells are printed and exit with status 65.
    /// `validatedForNewDatabase`, the batch read against what a new database holds, is written as
    /// it is when the store, just made, holds that.
    private func importFiles(_ inputs: [PublishedFile], into store: SQLStore, progress: ImportProgress, validatedForNewDatabase: ImportBatch?) async throws {
        var stored = OwnDataImport.Stored()
        if let committee {
            let code = try await CommitteeOption.definition(of: committee, in: store).committee.code
            if kind == .risks { stored.riskReviews = try await store.risks(committeeCode: code) }
            if kind == .finance { stored.financeLines = try await store.finance(committeeCode: code) }
        }
        let context = try await store.importContext()
        progress.show(.validating)
        var batch: ImportBatch
        do {
            if let validatedForNewDatabase, context == ImportContext() {
                batch = validatedForNewDatabase
            } else {
                batch = try parse(inputs, context: context, stored: stored)
            }
        } catch {
            try refuse(error, progress: progress)
        }
        batch.mayReplaceNewerFigures = replaceNewer
        progress.show(.writing(batch.rowsRead))
        let rows = batch.rowsRead
        var showWriting: (@Sendable (_ written: Int, _ toWrite: Int) -> Void)?
        if progress.enabled {
            showWriting = { written, toWrite in progress.showWriting(written, of: toWrite, rows: rows) }
        }
        let summary = try await store.importBatch(batch, by: audit.user, progress: showWriting)
        progress.finish()
        print(ImportReport(files: inputs.map(\.name), summary: summary, skipped: batch.skipped).text)
    }

    /// Prints every rejected cell and what they come to, and exits with status 65.
    private func refuse(_ error: BatchInputErrors, progress: ImportProgress) throws -> Never {
        progress.finish()
        for line in error.errors { StandardError.write(line.description + "\n") }
        StandardError.write(ImportProblemsDigest(error).text)
        throw ExitCode(65)
    }

    /// Reads every named file (and an EES file's `.meta.csv` sidecar when it exists beside it and
    /// is not named too, however its path is written).
    private func readInputs() throws -> [PublishedFile] {
        var inputs: [PublishedFile] = []
        let named = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        for path in files {
            let url = URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                StandardError.write("\(path): cannot be read (no such file, or no permission)\n")
                throw ExitCode(66)
            }
            inputs.append(PublishedFile(name: url.lastPathComponent, data: data))
            if kind == .ees {
                let sidecar = url.deletingLastPathComponent().appendingPathComponent(EESImporter.metadataFileName(for: url.lastPathComponent))
                if !named.contains(sidecar.standardizedFileURL.path), let meta = FileManager.default.contents(atPath: sidecar.path) {
                    inputs.append(PublishedFile(name: sidecar.lastPathComponent, data: meta))
                }
            }
        }
        return inputs
    }

    /// The batch the files hold, or every rejected cell; a file in another import's layout is
    /// named as what it is.
    private func parse(_ inputs: [PublishedFile], context: ImportContext, stored: OwnDataImport.Stored) throws(BatchInputErrors) -> ImportBatch {
        do throws(BatchInputErrors) {
            return try parseAsKind(inputs, context: context, stored: stored)
        } catch {
            throw PublishedFileLayout.namingMisplacedFiles(error, kind: kind, files: inputs)
        }
    }

    private func parseAsKind(_ inputs: [PublishedFile], context: ImportContext, stored: OwnDataImport.Stored) throws(BatchInputErrors) -> ImportBatch {
        if let own = try OwnDataImport.parse(
            kind, files: inputs, sheet: sheet, council: council, committeeCode: committee, wholeReturn: wholeReturn, context: context, stored: stored
        ) {
            return own
        }
        if kind == .groups {
            return try ComparatorGroupsImporter.parse(inputs, council: council, context: context)
        }
        var mappingFile: PublishedFile?
        if let mapping {
            guard let data = FileManager.default.contents(atPath: mapping) else {
                throw BatchInputErrors([BatchInputError(file: mapping, row: 1, column: "-", message: "cannot be read (expected a mapping CSV file)")])
            }
            mappingFile = PublishedFile(name: URL(fileURLWithPath: mapping).lastPathComponent, data: data)
        }
        // validate() has refused dates that cannot be read.
        let dates = (try? releaseDates()) ?? (published: nil, nextUpdateDue: nil)
        let options = NationalImportOptions(
            measureCode: measure, indicator: indicator, filters: filter.compactMap(EESFilter.init(text:)), numerator: numerator, denominator: denominator,
            mappingFile: mappingFile, edition: edition, title: title,
            unit: unit.flatMap(MeasureText.unit), polarity: polarity.flatMap(MeasureText.polarity),
            yearType: yearType.flatMap(MeasureText.yearType),
            published: dates.published, nextUpdateDue: dates.nextUpdateDue
        )
        return try NationalImport.parse(kind, files: inputs, options: options, context: context)
    }
}

extension ImportKind: ExpressibleByArgument {}
