import Foundation
import ScrutineerTestSupport
import Testing

/// Runs the built `scrutineer` executable, as a user would, and captures what it prints.
struct CommandRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        /// Standard output as bytes (for binary output such as a workbook).
        var standardOutputData: Data
        var standardError: String
    }

    /// The `scrutineer` binary SwiftPM built beside this test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("scrutineer")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("scrutineer")
    }

    /// Runs the binary with `arguments`, writing `input` (when given) to its standard input.
    static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Standard error is drained on another thread while standard output is read here, so a
        // command that writes more than a pipe holds to either one does not block.
        let errorReader = PipeDrain(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardOutputData: outData,
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }

    /// Starts `scrutineer serve` with `arguments` on a free port and waits, for at most
    /// `startLimit`, for it to say where it serves; nil, with what it printed, when it stops or
    /// says nothing in time.
    static func startServer(_ arguments: [String], environment: [String: String] = [:], startLimit: Duration = .seconds(60)) async throws -> RunningServer {
        let process = Process()
        process.executableURL = executable
        // A port the machine gave a moment ago, free again (serve takes no port 0).
        guard let probe = LocalListener(.silent) else { throw CocoaError(.featureUnsupported) }
        probe.stop()
        process.arguments = ["serve", "--port", String(probe.port)] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let server = RunningServer(process: process, errors: PipeDrain(err.fileHandleForReading))
        // The first line says where it serves: "Scrutineer is serving on http://127.0.0.1:PORT (stop with Ctrl-C)".
        let firstLine = Task.detached { () -> String in
            var line = Data()
            while let byte = try? out.fileHandleForReading.read(upToCount: 1), let character = byte.first, character != UInt8(ascii: "\n") {
                line.append(character)
            }
            return String(decoding: line, as: UTF8.self)
        }
        let said = await RunningServer.within(startLimit) { await firstLine.value }
        guard let said, let start = said.range(of: "http://"), let end = said.range(of: " (stop with") else {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("serve did not say where it serves within \(startLimit): \(said ?? "nothing"); \(String(decoding: server.errors.wait(), as: UTF8.self))")
            throw CancellationError()
        }
        server.url = String(said[start.lowerBound..<end.lowerBound])
        return server
    }

    /// A new empty folder for one test's files.
    static func temporaryDirectory() throws -> URL {
        try TemporaryFolder.make(prefix: "scrutineer-test-")
    }
}

/// `scrutineer serve` running, started by `CommandRunner.startServer`.
final class RunningServer: @unchecked Sendable {
    // @unchecked Sendable: `url` is set once, before the server is handed to the test.
    let process: Process
    /// What it writes to standard error, once it has stopped.
    let errors: PipeDrain
    /// Where it serves: http://127.0.0.1:PORT.
    fileprivate(set) var url = ""

    fileprivate init(process: Process, errors: PipeDrain) {
        self.process = process
        self.errors = errors
    }

    /// Sends it SIGTERM, as a service manager stopping it does, and waits for it to stop for at
    /// most `limit`: its exit status, or nil when it had not stopped (it is then killed).
    func stop(within limit: Duration) async -> Int32? {
        process.terminate()
        let process = self.process
        let status = await Self.within(limit) { () async -> Int32? in
            while process.isRunning, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(50)) }
            return process.isRunning ? nil : process.terminationStatus
        } ?? nil
        if status == nil {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return status
    }

    /// `body`'s value, or nil when it takes longer than `limit`: `body` is then cancelled, and
    /// left to finish on its own (a blocked read cannot be stopped sooner).
    static func within<Value: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async -> Value) async -> Value? {
        let (outcomes, report) = AsyncStream.makeStream(of: Value?.self)
        let working = Task { report.yield(await body()) }
        let timing = Task {
            try? await Task.sleep(for: limit)
            report.yield(nil)
        }
        var first: Value?
        for await outcome in outcomes {
            first = outcome
            break
        }
        timing.cancel()
        working.cancel()
        report.finish()
        return first
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once its writer has closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}
