import Foundation
import ScrutineerCore
import ScrutineerTestSupport
@testable import ScrutineerFormats

/// The XLSX fixtures made by other programs (see Fixtures/xlsx/README.md), and small helpers.
enum XLSXFixtures {
    static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // XLSX
            .deletingLastPathComponent() // ScrutineerFormatsTests
            .appendingPathComponent("Fixtures")
    }

    static func url(_ path: String) -> URL {
        folder.appendingPathComponent(path)
    }

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: url(path))
    }

    static func date(_ iso: String) -> CalendarDate {
        CalendarDate(iso: iso)!
    }

    /// The first executable called `name` on the PATH, if any.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether the tests that open a workbook in LibreOffice run: where `soffice` is installed, and
    /// always in CI (scripts/test installs it there), where a missing `soffice` fails them
    /// instead of skipping them.
    static var runsLibreOfficeTests: Bool {
        executable("soffice") != nil || TestRun.isCI
    }

    /// Opens `file` in LibreOffice (headless, with a profile of its own in `folder`) and saves each
    /// sheet as UTF-8 CSV, cells as LibreOffice shows them, to `folder` as `<file>-<sheet>.csv`.
    static func libreOfficeSheetsAsCSV(of file: URL, in folder: URL) throws -> (status: Int32, output: String) {
        guard let soffice = executable("soffice") else {
            return (-1, "LibreOffice (soffice) is not on the PATH (scripts/test installs libreoffice-calc-nogui)")
        }
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
        return try run(soffice, [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", filter, "--outdir", folder.path, file.path,
        ])
    }

    /// Runs `executable` with `arguments`, returning its status and what it printed.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        try TemporaryFolder.make(prefix: "scrutineer-xlsx-")
    }
}
