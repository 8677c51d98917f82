import ArgumentParser
import Foundation
import ScrutineerFormats

/// `scrutineer stats METHOD INPUT.csv`: confidence intervals, comparisons, trends, ranks, SPC and
/// rounding added to an analyst's own CSV (PRODUCT.md R17).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Add statistics to the rows of a CSV file.",
        discussion: """
        Reads a CSV with a header row and writes the same rows, other columns passed through in \
        order, with result columns appended. Bad input is reported as FILE:ROW:COLUMN: problem, \
        with exit status 65, and no output file is written.
        """,
        subcommands: [
            StatsProportion.self, StatsRate.self, StatsCompare.self, StatsTrend.self,
            StatsRank.self, StatsSPC.self, StatsRound.self,
        ]
    )
}

/// The input and output every `stats` method takes.
struct StatsFiles: ParsableArguments {
    @Argument(help: "The CSV file to read (with a header row).")
    var input: String

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (written only if every row is valid).")
    var output: String?

    /// Refuses a multiplier that gives no meaningful figure: zero, negative, or not a number.
    static func checkMultiplier(_ multiplier: Double) throws {
        guard multiplier.isFinite, multiplier > 0 else {
            throw ValidationError("--multiplier \(multiplier) gives no meaningful figure (expected a number above 0, such as 100 for a percentage or 10000 for a rate per 10,000)")
        }
    }

    /// Reads the input, runs `transform`, writes the result; bad input exits 65 with every error on stderr.
    func run(_ transform: (CSVTable) throws(BatchInputErrors) -> BatchOutput) throws {
        let table: CSVTable
        do {
            // Errors name the file as the user gave it (in/trend.csv), not by its last component.
            table = try CSVReader.table(from: try Data(contentsOf: URL(fileURLWithPath: input)), fileName: input)
        } catch let error as CSVError {
            throw DataError(message: error.description)
        } catch {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue {
                throw DataError(message: "\(input): a folder, not a file (expected a CSV file)", exitCode: 66)
            }
            throw DataError(message: "\(input): cannot be read (\(error.localizedDescription))", exitCode: 66)
        }
        let result: BatchOutput
        do {
            result = try transform(table)
        } catch {
            throw DataError(message: error.description)
        }
        try write(result.csv)
    }

    /// Writes `text` to the output file atomically, or to standard output.
    func write(_ text: String) throws {
        if let output {
            try OutputFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// A problem with the user's data or files: printed as it is, then the process exits with
/// `exitCode` (65, EX_DATAERR, for bad data; sysexits.h codes for files that cannot be opened).
struct DataError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 65
    var description: String { message }
}

extension ParsableCommand {
    /// Runs `body`, turning a `DataError` into its message on standard error and its exit code.
    func reportingDataErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DataError {
            StandardError.write((error.message + "\n"))
            throw ExitCode(error.exitCode)
        }
    }
}
