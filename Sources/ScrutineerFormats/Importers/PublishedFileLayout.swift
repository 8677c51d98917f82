import Foundation
import ScrutineerCore

/// The CSV layouts Scrutineer reads, each recognised by the columns its header row must have, so
/// that a file given to the wrong import is named for what it is ("this is a Fingertips data
/// export") instead of reported column by column as a file of the kind asked for.
public struct PublishedFileLayout: Sendable {
    /// What the file is, as a sentence names it: "a Fingertips data export".
    public let name: String
    /// The imports that read such a file as one of their files; none for a file given as an option.
    public let importedBy: Set<ImportKind>
    /// How to import it, for the error's "expected".
    public let usage: String
    let fits: @Sendable (_ header: [String]) -> Bool

    /// Every layout, the most specific first: the first that fits a header names the file.
    public static let all: [PublishedFileLayout] = [
        PublishedFileLayout(name: "a LAIT data file", importedBy: [.lait], usage: "scrutineer import lait FILE…", fits: has(LAITImporter.dataColumns)),
        PublishedFileLayout(name: "LAIT's measure dictionary", importedBy: [.lait], usage: "scrutineer import lait FILE…", fits: has(LAITImporter.dictionaryColumns)),
        PublishedFileLayout(name: "an EES data file", importedBy: [.ees], usage: "scrutineer import ees FILE…", fits: has(EESImporter.requiredColumns)),
        PublishedFileLayout(
            name: "an EES metadata file", importedBy: [.ees], usage: "scrutineer import ees DATA.csv, which reads the .meta.csv beside it",
            fits: { EESMetadata.isMetadata(header: $0) }
        ),
        PublishedFileLayout(
            name: "an EES measure mapping", importedBy: [], usage: "scrutineer import ees DATA.csv --mapping FILE",
            fits: has(EESMeasureMapping.requiredColumns)
        ),
        PublishedFileLayout(name: "a Fingertips data export", importedBy: [.fingertips], usage: "scrutineer import fingertips FILE…", fits: has(FingertipsImporter.requiredColumns)),
        PublishedFileLayout(
            name: "a statistical-neighbour list", importedBy: [.neighbours], usage: "scrutineer import neighbours FILE…",
            fits: { has(StatisticalNeighboursImporter.longColumns)($0) || ($0.contains("LA num") && $0.contains("SN1")) }
        ),
        PublishedFileLayout(name: "an LA lookup", importedBy: [.areas], usage: "scrutineer import areas FILE", fits: has(AreaLookupImporter.columns)),
        PublishedFileLayout(
            name: "a file of councils' successions", importedBy: [.areas], usage: "scrutineer import areas FILE…, with the LA lookup or after it",
            fits: has(AreaLookupImporter.successionColumns)
        ),
        PublishedFileLayout(name: "a file of comparator groups", importedBy: [.groups], usage: "scrutineer import groups FILE…", fits: has(ComparatorGroupsImporter.requiredColumns)),
        PublishedFileLayout(
            name: "a risk register", importedBy: [.risks], usage: "scrutineer import risks FILE… --committee CODE",
            fits: hasLocal(RiskRegisterImporter.requiredColumns)
        ),
        PublishedFileLayout(
            name: "a finance return", importedBy: [.finance], usage: "scrutineer import finance FILE… --committee CODE",
            fits: hasLocal(FinanceReturnImporter.requiredColumns)
        ),
        PublishedFileLayout(
            name: "a council's own figures", importedBy: [.local], usage: "scrutineer import local FILE…",
            fits: hasLocal(LocalObservationColumn.required.map(\.rawValue))
        ),
        PublishedFileLayout(
            name: "a council's own measures", importedBy: [.local], usage: "scrutineer import local FILE…",
            fits: hasLocal(LocalMeasureColumn.required.map(\.rawValue))
        ),
    ]

    /// An Excel workbook (a ZIP archive), which only `import local`, `import risks` and `import
    /// finance` read.
    public static let workbook = PublishedFileLayout(
        name: "an Excel workbook", importedBy: [.local, .risks, .finance],
        usage: "scrutineer import local FILE… for a council's own workbook, scrutineer import risks FILE… for its risk register, scrutineer import finance FILE… for its finance return, or the CSV file a publication gives",
        fits: { _ in false }
    )

    /// The layout of `data`: a CSV file by its first line; a workbook by the header of its first
    /// sheet (the first of its top rows that fits a layout, as a title may stand above it), else
    /// `workbook`; nil for an unknown CSV header (or a title above the header).
    public static func recognise(_ data: Data) -> PublishedFileLayout? {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard let sheet = try? XLSXWorkbook(data: data, fileName: "").sheet(named: nil) else { return workbook }
            for row in sheet.rows.prefix(10) where !row.isBlank {
                let header = row.cells.map { $0.description.trimmingCharacters(in: .whitespaces) }
                if let layout = all.first(where: { $0.fits(header) }) { return layout }
            }
            return workbook
        }
        let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
        guard let header = try? CSVReader.table(from: Data(firstLine), fileName: "").header else { return nil }
        return all.first { $0.fits(header) }
    }

    /// True when `error` is about `file`: the file itself, or one of its sheets (`book.xlsx[sheet]`).
    private static func isAbout(_ error: BatchInputError, _ file: PublishedFile) -> Bool {
        error.file == file.name || (error.file.hasPrefix(file.name + "[") && error.file.hasSuffix("]"))
    }

    /// `errors`, with each of `files` that is another import's layout reported once as what it is,
    /// in place of the errors the `kind` import found in it. Only the errors of a refused import
    /// are rewritten; what an import accepts is never judged by its header here.
    public static func namingMisplacedFiles(_ errors: BatchInputErrors, kind: ImportKind, files: [PublishedFile]) -> BatchInputErrors {
        var misplaced: [String: BatchInputError] = [:]
        for file in files where errors.errors.contains(where: { isAbout($0, file) }) {
            guard let layout = recognise(file.data), !layout.importedBy.contains(kind) else { continue }
            misplaced[file.name] = BatchInputError(
                file: file.name, row: 1, column: "*",
                message: "this is \(layout.name), not a file scrutineer import \(kind.rawValue) reads (expected \(layout.usage))"
            )
        }
        guard !misplaced.isEmpty else { return errors }
        var rewritten: [BatchInputError] = []
        for error in errors.errors {
            guard let file = files.first(where: { misplaced[$0.name] != nil && isAbout(error, $0) }), let replacement = misplaced[file.name] else {
                rewritten.append(error)
                continue
            }
            if !rewritten.contains(replacement) { rewritten.append(replacement) }
        }
        return BatchInputErrors(rewritten)
    }

    private static func has(_ columns: [String]) -> @Sendable ([String]) -> Bool {
        { header in columns.allSatisfy(header.contains) }
    }

    private static func hasLocal(_ columns: [String]) -> @Sendable ([String]) -> Bool {
        { header in
            let names = Set(header.map(LocalHeaderName.normalised))
            return columns.allSatisfy(names.contains)
        }
    }
}
