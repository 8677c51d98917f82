import ArgumentParser
import Foundation
import ScrutineerFormats

/// `scrutineer template local > measures.xlsx`: the workbook councils fill in for `import local`.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an import template to standard output (redirect it to a file).",
        discussion: "`scrutineer template local > measures.xlsx` writes the local-measures workbook: sheets observations, measures and guidance."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case local
    }

    @Argument(help: "Which template: local.")
    var kind: Kind

    func run() throws {
        if isatty(FileHandle.standardOutput.fileDescriptor) != 0 {
            FileHandle.standardError.write(Data("scrutineer template \(kind.rawValue) writes an XLSX workbook: redirect it to a file, e.g. scrutineer template local > measures.xlsx\n".utf8))
            throw ExitCode(64)
        }
        switch kind {
        case .local:
            FileHandle.standardOutput.write(try LocalMeasuresTemplate.xlsxData())
        }
    }
}
