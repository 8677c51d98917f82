import ArgumentParser

/// The `scrutineer` command: one subcommand a file, each calling into the libraries.
@main
struct Scrutineer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrutineer",
        abstract: "Performance management and scrutiny reporting for English local authorities.",
        subcommands: [ImportCommand.self, ExportCommand.self, TemplateCommand.self, StatsCommand.self]
    )
}
