import ArgumentParser
import Foundation
import Logging
import ScrutineerDemo
import ScrutineerStorage
import ScrutineerWeb

/// `scrutineer demo`: a new SQLite database from the shipped OGL data and the demo committees,
/// served on http://127.0.0.1:8080 with the demo sign-ins printed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the demo database from the shipped data and serve it on http://127.0.0.1:8080.",
        discussion: """
        Creates demo/scrutineer-demo.sqlite afresh (or --file) with the national data for every LA from LAIT and \
        EES, the 2021 and 2025 statistical neighbours, Warwickshire's Children and Young People OSC and Wokingham's \
        Children's Services committee, illustrative local values (labelled as such on every page), commentary, \
        and a sign-in for each role.
        """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: one the system chooses, which the demo then names).")
    var port = 8080

    @Option(help: "The SQLite file to create (replaced if it exists).")
    var file = "demo/scrutineer-demo.sqlite"

    @Option(name: .customLong("db"), help: "Load the demo into this empty database instead (e.g. postgres://user@host:port/db), to try the demo on PostgreSQL; a database that holds any import, change or user is refused.")
    var databaseURL: String?

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port \(port) is not a port (expected a whole number up to 65535)") }
    }

    func run() async throws {
        try ListeningAddress.require(host: host, port: port, hostSetting: "--host")
        let store: SQLStore
        if let databaseURL {
            store = try await StoreConnection.open(url: databaseURL)
        } else {
            let url = URL(fileURLWithPath: file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            store = try await StoreConnection.open(url: "sqlite://\(url.path)")
            say("Building the demo database in \(url.path)…")
        }
        do {
            // The demo's sign-ins and figures go only into a database that holds nothing yet: into
            // a live one they would add an administrator whose password the README publishes.
            try await store.migrate()
            guard try await store.auditTrail().isEmpty, try await store.users().isEmpty else {
                StandardError.write("--db: \(store.location.redacted) already holds data (expected an empty database for the demo, which adds sign-ins whose passwords are published; create a new one, e.g. createdb)\n")
                throw ExitCode(65)
            }
            if databaseURL != nil { say("Building the demo database in \(store.location.redacted)…") }
            try await DemoDatabase.load(into: store, hashPassword: { Credentials.hash(password: $0) }, progress: { say("  \($0)") })
        } catch {
            try? await store.close()
            throw error
        }
        say("")
        say("Published reports need no sign-in. Demo sign-ins (username / password):")
        for person in DemoDatabase.people {
            let council = person.account.councilAreaCode.map { " of \($0)" } ?? ""
            say("  \(person.account.username) / \(person.password)  (\(person.account.role.displayName)\(council))")
        }
        say("Contains public sector information licensed under the Open Government Licence v3.0.")
        // Plain HTTP on this machine only, so cookies cannot be marked Secure; `serve` keeps them Secure.
        let settings = WebSettings(host: host, port: port, secureCookies: false)
        do {
            // The address once the port is ours (never for a port taken).
            try await buildApplication(store: store, settings: settings, logger: Logger(label: "scrutineer.web"), onServerRunning: { listening in
                say("Scrutineer demo: \(ListeningAddress.url(host: host, port: listening)) (stop with Ctrl-C)")
            }).runService()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
