import Foundation
import Hummingbird
import HummingbirdTesting
import ScrutineerStorage
import Testing
@testable import ScrutineerWeb
#if canImport(Glibc)
import Glibc
#endif

/// A client that sends a request's head slowly, or never finishes it, does not hold its connection
/// for ever: enough of them held every connection the server had (found by a security review).
@Suite("Connection timeouts")
struct ConnectionTimeoutTests {
    /// Opens a TCP connection to 127.0.0.1:`port`, sends `text`, and returns how many seconds pass
    /// before the server closes it (nil when it is still open after `limit` seconds) and what it sent.
    static func secondsUntilClosed(port: Int, sending text: String, limit: Int) throws -> (seconds: Double?, received: String) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var timeout = timeval(tv_sec: limit, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        _ = text.withCString { send(socket, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 1024), received: [UInt8] = []
        while true {
            let read = recv(socket, &buffer, buffer.count, 0)
            if read > 0 { received += buffer[0..<read]; continue }
            let text = String(decoding: received, as: UTF8.self)
            if read == 0 { return (Date().timeIntervalSince(started), text) }
            return (errno == EAGAIN || errno == EWOULDBLOCK ? nil : Date().timeIntervalSince(started), text)
        }
    }

    @Test("A request's head left unfinished is closed after the idle timeout; a whole request is answered first")
    func unfinishedHeadClosed() async throws {
        let url = try await DemoDatabases.shared.url(.sqlite)
        var settings = testSettings
        settings.idleTimeout = 1
        let store = try await StoreConnection.open(url: url, logger: quietLogger)
        try await store.closing {
            try await buildApplication(store: store, settings: settings, logger: quietLogger).test(.live) { client in
                let port = try #require(client.port)
                let unfinished = try Self.secondsUntilClosed(port: port, sending: "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", limit: 10)
                let seconds = try #require(unfinished.seconds, "still open after 10 s")
                #expect(seconds < 5 && unfinished.received.isEmpty, "\(seconds) s: \(unfinished.received)")
                // A whole request is answered, and then the connection idles out the same way.
                let whole = try Self.secondsUntilClosed(port: port, sending: "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", limit: 10)
                #expect(whole.received.hasPrefix("HTTP/1.1 200"), "\(whole.received)")
                #expect(whole.seconds.map { $0 < 5 } == true, "\(String(describing: whole.seconds))")
            }
        }
    }
}
