import ScrutineerCore

/// The options of `scrutineer import KIND FILE…` that the national-publication importers read.
public struct NationalImportOptions: Sendable, Hashable {
    /// `--measure`: the measure code (EES with `--indicator`; Fingertips).
    public var measureCode: String?
    /// `--indicator`: the EES indicator column for `--measure`.
    public var indicator: String?
    /// `--filter NAME=VALUE`, repeatable: the EES filter values of `--measure`'s rows.
    public var filters: [EESFilter]
    /// `--numerator`, `--denominator`: the EES indicator columns holding `--measure`'s counts.
    public var numerator: String?
    public var denominator: String?
    /// `--mapping`: an EES mapping file (`EESMeasureMapping.read`).
    public var mappingFile: PublishedFile?
    /// `--edition`: the statistical-neighbour edition ("2021", "2025").
    public var edition: String?
    /// `--title`, `--unit`, `--polarity`, `--year-type`: for a measure the import creates.
    public var title: String?
    public var unit: MeasureUnit?
    public var polarity: Polarity?
    public var yearType: YearType?
    /// `--published`, `--next-update`: the release's publication date and when the next release is
    /// due, given to every figure of a LAIT, EES or Fingertips import (their files carry neither).
    public var published: CalendarDate?
    public var nextUpdateDue: CalendarDate?

    public init(
        measureCode: String? = nil, indicator: String? = nil, filters: [EESFilter] = [], numerator: String? = nil, denominator: String? = nil,
        mappingFile: PublishedFile? = nil,
        edition: String? = nil, title: String? = nil, unit: MeasureUnit? = nil, polarity: Polarity? = nil, yearType: YearType? = nil,
        published: CalendarDate? = nil, nextUpdateDue: CalendarDate? = nil
    ) {
        self.measureCode = measureCode
        self.indicator = indicator
        self.filters = filters
        self.numerator = numerator
        self.denominator = denominator
        self.mappingFile = mappingFile
        self.edition = edition
        self.title = title
        self.unit = unit
        self.polarity = polarity
        self.yearType = yearType
        self.published = published
        self.nextUpdateDue = nextUpdateDue
    }

    /// The EES mappings these options give: the mapping file's rows, then the one measure of
    /// `--measure`/`--indicator`/`--filter`/`--numerator`/`--denominator` (its code defaulting to
    /// the indicator's name).
    public func eesMappings() throws(BatchInputErrors) -> [EESMeasureMapping] {
        var mappings: [EESMeasureMapping] = []
        if let mappingFile { mappings = try EESMeasureMapping.read(mappingFile) }
        if let indicator {
            mappings.append(EESMeasureMapping(
                measureCode: measureCode ?? indicator, indicator: indicator, filters: filters, title: title, unit: unit, polarity: polarity, yearType: yearType,
                numerator: numerator, denominator: denominator
            ))
        }
        return mappings
    }
}

/// One entry point for the national publications: parses the files of one
/// `scrutineer import KIND FILE…` into a batch, or every rejected cell.
public enum NationalImport {
    /// The kinds read here (`local` is read by the local importer).
    public static let kinds: [ImportKind] = [.lait, .ees, .fingertips, .neighbours, .areas]

    /// Parses `files` as `kind`. For `ees`, pass each data file's `.meta.csv` among `files` when it
    /// exists (`EESImporter.metadataFileName(for:)`).
    public static func parse(_ kind: ImportKind, files: [PublishedFile], options: NationalImportOptions = NationalImportOptions(), context: ImportContext) throws(BatchInputErrors) -> ImportBatch {
        var batch = try parseFigures(kind, files: files, options: options, context: context)
        batch.releasePublished = options.published
        batch.releaseNextUpdateDue = options.nextUpdateDue
        if options.published != nil || options.nextUpdateDue != nil {
            for i in batch.observations.indices {
                batch.observations[i].published = options.published
                batch.observations[i].nextUpdateDue = options.nextUpdateDue
            }
        }
        return batch
    }

    private static func parseFigures(_ kind: ImportKind, files: [PublishedFile], options: NationalImportOptions, context: ImportContext) throws(BatchInputErrors) -> ImportBatch {
        switch kind {
        case .lait:
            return try LAITImporter.parse(files, context: context)
        case .ees:
            if options.indicator == nil {
                // What describes one measure needs the indicator it describes; a mapping file
                // describes each of its measures in its own columns.
                let given = [
                    ("--measure", options.measureCode != nil), ("--title", options.title != nil), ("--unit", options.unit != nil),
                    ("--polarity", options.polarity != nil), ("--year-type", options.yearType != nil), ("--numerator", options.numerator != nil),
                    ("--denominator", options.denominator != nil), ("--filter", options.mappingFile != nil && !options.filters.isEmpty),
                ].filter(\.1).map(\.0)
                if !given.isEmpty {
                    throw BatchInputErrors(files.prefix(1).map {
                        BatchInputError(
                            file: $0.name, row: 1, column: "*",
                            message: "\(ImportText.list(given)) \(given.count == 1 ? "describes" : "describe") the measure of one EES indicator (expected --indicator COLUMN with \(given.count == 1 ? "it" : "them"), "
                                + "or, for several measures, a mapping file's columns: measure_code,indicator,filters,title,unit,polarity,year_type,numerator,denominator)"
                        )
                    })
                }
            }
            // --filter with no --indicator picks the rows of every indicator the metadata lists.
            let pinned = options.indicator == nil ? options.filters : []
            return try EESImporter.parse(files, mappings: options.eesMappings(), pinnedFilters: pinned, context: context)
        case .fingertips:
            let fingertips = FingertipsImportOptions(measureCode: options.measureCode, title: options.title, unit: options.unit, polarity: options.polarity, yearType: options.yearType)
            return try FingertipsImporter.parse(files, options: fingertips, context: context)
        case .neighbours:
            return try StatisticalNeighboursImporter.parse(files, edition: options.edition, context: context)
        case .areas:
            return try AreaLookupImporter.parse(files, context: context)
        case .local, .groups, .risks, .finance:
            throw BatchInputErrors(files.map {
                BatchInputError(file: $0.name, row: 1, column: "*", message: "\(kind.rawValue) files are not a national publication (expected the \(kind.rawValue) importer)")
            })
        }
    }
}
