import ArgumentParser
import Foundation
import Logging
import ScrutineerStorage

/// The `scrutineer` command: one subcommand a file, each calling into the libraries.
@main
struct Scrutineer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrutineer",
        abstract: "Performance management and scrutiny reporting for English local authorities.",
        subcommands: [DemoCommand.self, ServeCommand.self, ImportCommand.self, ExportCommand.self, CommitteeCommand.self, PackCommand.self, UserCommand.self, BackupCommand.self, TemplateCommand.self, StatsCommand.self]
    )

    static func main() async {
        // Logs go to standard error, so standard output carries only what a command produces
        // (CSV, a workbook, a summary). SCRUTINEER_LOG_LEVEL=info shows migrations and the like.
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            let level = ProcessInfoLevel.fromEnvironment
            handler.logLevel = level
            return handler
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // A database error no command put in its own words: the database's words, not
            // PostgresNIO's generic sentence; a lost connection exits with EX_TEMPFAIL (75), as an
            // import's does, since trying again may work.
            if StoreError.isConnectionLoss(error) {
                let lost = (error as? StoreError).map { "\($0)" }
                    ?? "the connection to the database was lost (\(StoreError.databaseReason(error))); try again once the database answers"
                StandardError.write("Error: \(lost)\n")
                exit(withError: ExitCode(75))
            }
            // A role without the rights a command needs exits with EX_NOPERM (77), as does a
            // change refused for it.
            if let error = error as? StoreError, error.isNotPermitted {
                StandardError.write("Error: \(error)\n")
                exit(withError: ExitCode(77))
            }
            if let problem = StoreError.driverProblem(error) {
                StandardError.write("Error: the database refused: \(problem)\n")
                exit(withError: StoreError.isRefusedRights(error) ? ExitCode(77) : ExitCode.failure)
            }
            exit(withError: error)
        }
    }
}

/// The log level from `SCRUTINEER_LOG_LEVEL` (trace, debug, info, notice, warning, error), warning by default.
enum ProcessInfoLevel {
    static var fromEnvironment: Logger.Level {
        let text = ProcessInfo.processInfo.environment["SCRUTINEER_LOG_LEVEL"] ?? "warning"
        return Logger.Level(rawValue: text.lowercased()) ?? .warning
    }
}
