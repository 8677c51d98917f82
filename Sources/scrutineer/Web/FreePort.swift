import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A check, before a server is built, that its address is free: a taken port is said in words
/// (exit 69) rather than as the operating system's error after the demo has built its database.
enum FreePort {
    /// Exits 69 naming the port when another program listens on `host`:`port` (IPv4 addresses
    /// only; for a host name or IPv6 the server's own error says it).
    static func require(host: String, port: Int) throws {
        #if canImport(Glibc)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        guard (0...65535).contains(port), inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return }
        let socketNumber = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketNumber >= 0 else { return }
        defer { close(socketNumber) }
        var reuse: Int32 = 1
        setsockopt(socketNumber, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketNumber, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound != 0, errno == EADDRINUSE else { return }
        FileHandle.standardError.write(Data("--port \(port): another program is listening on \(host):\(port) (expected a free port: stop that program, or give another --port)\n".utf8))
        throw ExitCode(69)
        #endif
    }
}
