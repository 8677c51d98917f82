import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A check, before a server is built, that it can listen where it is told: a host that is not an
/// address, an address that is not this machine's, a port taken or one the user may not open is
/// said in words naming the setting, rather than as the operating system's error after the demo
/// has built its database.
enum ListeningAddress {
    /// Tries to bind `host`:`port` as the server will, and exits naming the setting when it cannot:
    /// 78 for a host that is wrong (`hostSetting` says where it was given), 69 for a port another
    /// program holds, 77 for a port the user may not open.
    static func require(host: String, port: Int, hostSetting: String) throws {
        #if canImport(Glibc)
        guard (0...65_535).contains(port) else { return }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let looked = host.trimmingCharacters(in: .whitespaces).isEmpty ? EAI_NONAME : getaddrinfo(host, String(port), &hints, &found)
        guard looked == 0, let first = found else {
            throw refusal("\(hostSetting): \"\(host)\" is not an address this machine can listen on (expected an IP address such as 127.0.0.1, 0.0.0.0 for every interface, or a name this machine can look up)", status: 78)
        }
        defer { freeaddrinfo(found) }
        let socketNumber = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard socketNumber >= 0 else { return }
        defer { close(socketNumber) }
        var reuse: Int32 = 1
        setsockopt(socketNumber, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socketNumber, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return }
        switch errno {
        case EADDRINUSE:
            throw refusal("--port \(port): another program is listening on \(host):\(port) (expected a free port: stop that program, or give another --port)", status: 69)
        case EADDRNOTAVAIL, EINVAL:
            // EINVAL: an IPv6 link-local address (fe80::…) without the interface it is on.
            throw refusal("\(hostSetting): \"\(host)\" is not an address of this machine (expected one of its own addresses, 127.0.0.1, or 0.0.0.0 for every interface)", status: 78)
        case EACCES:
            throw refusal("--port \(port): this account may not listen on a port below 1024 (expected a port from 1024 up, with a proxy in front for port \(port))", status: 77)
        default:
            return
        }
        #endif
    }

    /// The address a browser takes for `host`:`port`, an IPv6 address in brackets (`http://[::1]:8080/`).
    static func url(host: String, port: Int) -> String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
    }

    private static func refusal(_ message: String, status: Int32) -> ExitCode {
        StandardError.write((message + "\n"))
        return ExitCode(status)
    }
}
