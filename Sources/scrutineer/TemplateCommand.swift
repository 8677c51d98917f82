import ArgumentParser
import Foundation
import ScrutineerFormats

/// `scrutineer template local > measures.xlsx`: the workbook councils fill in for `import local`;
/// `scrutineer template risks > risks.xlsx`, the risk register for `import risks`; `scrutineer
/// template finance > finance.xlsx`, the finance return for `import finance`.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an import template to standard output (redirect it to a file).",
        discussion: """
        `scrutineer template local > measures.xlsx` writes the local-measures workbook: sheets observations, measures and guidance. \
        `scrutineer template risks > risks.xlsx` writes a committee's risk register: sheets risks and guidance. \
        `scrutineer template finance > finance.xlsx` writes a committee's finance return: sheets finance and guidance.
        """
    )

    @Argument(help: "Which template: local, risks or finance.")
    var kind: ImportTemplate

    func run() throws {
        if isatty(FileHandle.standardOutput.fileDescriptor) != 0 {
            StandardError.write("scrutineer template \(kind.rawValue) writes an XLSX workbook: redirect it to a file, e.g. scrutineer template \(kind.rawValue) > \(kind.fileName)\n")
            throw ExitCode(64)
        }
        FileHandle.standardOutput.write(try kind.xlsxData())
    }
}

extension ImportTemplate: ExpressibleByArgument {}
