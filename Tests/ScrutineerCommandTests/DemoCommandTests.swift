import Foundation
import ScrutineerTestSupport
import Testing

/// `scrutineer demo` and `scrutineer serve` as an operator starts them.
@Suite("scrutineer demo and serve")
struct DemoCommandTests {
    @Test("demo --db refuses a database that already holds data (exit 65), which it leaves byte for byte as it was, rather than add the demo's published sign-ins")
    func demoRefusesALiveDatabase() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("live.sqlite")
        let db = "sqlite://" + file.path
        #expect(try CommandRunner.run(["import", "areas", SharedFiles.data("reference/la_lookup_from_ees.csv").path, "--db", db]).status == 0)
        let before = try Data(contentsOf: file)
        let demo = try CommandRunner.run(["demo", "--db", db, "--port", "0"])
        #expect(demo.status == 65)
        #expect(demo.standardError == "--db: \(db) already holds data (expected an empty database for the demo, which adds sign-ins whose passwords are published; create a new one, e.g. createdb)\n")
        #expect(try Data(contentsOf: file) == before)
        #expect(!demo.standardOutput.contains("Building"), "it says it builds only once it may: \(demo.standardOutput)")
    }

    @Test("serve says it is serving only once it has the port: with the port taken it says so in words (exit 69), and the demo does before building its database")
    func serveSaysSoOnlyOnceListening() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("s.sqlite").path
        #expect(try CommandRunner.run(["import", "areas", SharedFiles.data("reference/la_lookup_from_ees.csv").path, "--db", db]).status == 0)
        // A port held by a listening socket of this process.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && listen(holder, 1) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let taken = try CommandRunner.run(["serve", "--db", db, "--port", String(port)])
        #expect(taken.status == 69)
        #expect(!taken.standardOutput.contains("serving on"), "\(taken.standardOutput)")
        #expect(taken.standardError == "--port \(port): another program is listening on 127.0.0.1:\(port) (expected a free port: stop that program, or give another --port)\n", "\(taken.standardError)")
        // The demo says so before it builds its database, and builds none.
        let demoFile = folder.appendingPathComponent("demo.sqlite")
        let demo = try CommandRunner.run(["demo", "--port", String(port), "--file", demoFile.path])
        #expect(demo.status == 69 && demo.standardOutput.isEmpty, "\(demo.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: demoFile.path))
        let elsewhere = try CommandRunner.run(["demo", "--host", "192.0.2.1", "--port", "0", "--file", demoFile.path])
        #expect(elsewhere.status == 78 && elsewhere.standardOutput.isEmpty, "\(elsewhere.standardOutput)")
        #expect(elsewhere.standardError.hasPrefix(#"--host: "192.0.2.1" is not an address of this machine"#), "\(elsewhere.standardError)")
        #expect(!FileManager.default.fileExists(atPath: demoFile.path))
    }

    @Test("a setting given wrong stops serve naming it (exit 78), never replaced by its default without a word; the other commands read the database alone (found by exploratory testing)")
    func wrongSettings() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite://" + folder.appendingPathComponent("settings.sqlite").path
        for (arguments, environment, message) in [
            (["--port", "83641"], [:], #"http.port: "83641" is not a port (expected a whole number from 1 to 65535, given as --port or SCRUTINEER_HTTP_PORT)"#),
            ([], ["SCRUTINEER_HTTP_PORT": "abc"], #"http.port: "abc" is not a port"#),
            ([], ["SCRUTINEER_HTTP_SECURE_COOKIES": "flase"], #"http.secure-cookies: "flase" is not true or false (expected true, the default, or false; yes/no and 1/0 are read the same, given as SCRUTINEER_HTTP_SECURE_COOKIES)"#),
            (["--host", "not a host"], [:], #"http.host (--host or SCRUTINEER_HTTP_HOST): "not a host" is not an address this machine can listen on (expected an IP address"#),
            ([], ["SCRUTINEER_HTTP_HOST": ""], #"http.host (--host or SCRUTINEER_HTTP_HOST): "" is not an address this machine can listen on"#),
            // 192.0.2.1 is kept for documentation (RFC 5737), never a machine's own.
            ([], ["SCRUTINEER_HTTP_HOST": "192.0.2.1"], #"http.host (--host or SCRUTINEER_HTTP_HOST): "192.0.2.1" is not an address of this machine (expected one of its own addresses"#),
        ] {
            let result = try CommandRunner.run(["serve", "--db", db] + arguments, environment: environment)
            #expect(result.status == 78, "\(arguments) \(environment): \(result.standardError)")
            #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
            #expect(!result.standardOutput.contains("serving on"))
        }
        let listed = try CommandRunner.run(["user", "list", "--db", db], environment: ["SCRUTINEER_HTTP_PORT": "abc"])
        #expect(listed.status == 66 || listed.status == 0, "\(listed.standardError)")
        #expect(!listed.standardError.contains("http.port"))
        // An empty USER (as some service managers set it) is no one: the account's name is recorded.
        let imported = try CommandRunner.run(["import", "areas", SharedFiles.data("reference/la_lookup_from_ees.csv").path, "--db", db], environment: ["USER": ""])
        #expect(imported.status == 0, "\(imported.standardError)")
        let audit = try CommandRunner.run(["export", "audit", "--db", db]).standardOutput
        #expect(audit.contains(",\(ProcessInfo.processInfo.userName),"), "\(audit)")
        // A URL Scrutineer cannot read is named without its password.
        let unreadable = try CommandRunner.run(["user", "list"], environment: ["SCRUTINEER_DB_URL": "postgres://app:Secret1@127.0.0.1:5432"])
        #expect(unreadable.status == 78)
        #expect(unreadable.standardError.hasPrefix(#"db.url: "postgres://app:***@127.0.0.1:5432" is not a database URL"#), "\(unreadable.standardError)")
        #expect(!unreadable.standardError.contains("Secret1"))
        // db.connections, read by every command that opens the database.
        for text in ["0", "abc", "101"] {
            let refused = try CommandRunner.run(["export", "audit", "--db", db], environment: ["SCRUTINEER_DB_CONNECTIONS": text])
            #expect(refused.status == 78, "\(refused.standardError)")
            #expect(refused.standardError == "db.connections: \"\(text)\" is not a number of connections (expected a whole number from 1 to 100, 4 unless given, as SCRUTINEER_DB_CONNECTIONS)\n")
        }
        #expect(try CommandRunner.run(["export", "audit", "--db", db], environment: ["SCRUTINEER_DB_CONNECTIONS": "1"]).status == 0)
        // db.timeout likewise.
        for text in ["0", "1.5", "3601"] {
            let refused = try CommandRunner.run(["export", "audit", "--db", db], environment: ["SCRUTINEER_DB_TIMEOUT": text])
            #expect(refused.status == 78, "\(refused.standardError)")
            #expect(refused.standardError == "db.timeout: \"\(text)\" is not a number of seconds (expected a whole number from 1 to 3600, 60 unless given, as SCRUTINEER_DB_TIMEOUT)\n")
        }
        #expect(try CommandRunner.run(["export", "audit", "--db", db], environment: ["SCRUTINEER_DB_TIMEOUT": "5"]).status == 0)
    }
}
