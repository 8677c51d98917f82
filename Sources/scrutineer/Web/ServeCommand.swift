import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ScrutineerStorage
import ScrutineerWeb

/// `scrutineer serve [--db URL] [--host HOST] [--port PORT]`: the web application on a database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application: committee reports, dashboards, measure pages and the JSON API.",
        discussion: """
        Settings: --db or SCRUTINEER_DB_URL; --host or SCRUTINEER_HTTP_HOST (default 127.0.0.1); --port or \
        SCRUTINEER_HTTP_PORT (default 8080); SCRUTINEER_HTTP_SECURE_COOKIES=false only when the server is reached \
        over plain HTTP on the same machine; SCRUTINEER_HTTP_METRICS_TOKEN=TOKEN to serve /metrics only to \
        Authorization: Bearer TOKEN; SCRUTINEER_DB_CONNECTIONS (default 4) and SCRUTINEER_DB_TIMEOUT (seconds, \
        default 60) for PostgreSQL. Any number of servers may share one PostgreSQL database. Stops gracefully \
        on SIGTERM or SIGINT.
        """
    )

    @Option(help: "The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
    var host: String?

    @Option(help: "The port to listen on (default 8080).")
    var port: Int?

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let settings: Settings
        do {
            settings = try Settings.load(databaseOption: database.url, host: host, port: port)
        } catch {
            StandardError.write("\(error)\n")
            throw ExitCode(78)
        }
        let web = WebSettings(host: settings.host, port: settings.port, secureCookies: settings.secureCookies, metricsToken: settings.metricsToken)
        try ListeningAddress.require(host: web.host, port: web.port, hostSetting: "http.host (--host or SCRUTINEER_HTTP_HOST)")
        try await database.withStore { store in
            // Said once the port is ours, so a script watching for it never takes a server that
            // could not start (the port taken) for one that did.
            try await buildApplication(store: store, settings: web, logger: Logger(label: "scrutineer.web"), onServerRunning: { listening in
                say("Scrutineer is serving on \(ListeningAddress.url(host: web.host, port: listening)) (stop with Ctrl-C)")
            }).runService()
        }
    }
}

/// Writes a line to standard output at once (unbuffered), so a server's URL shows even through a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
