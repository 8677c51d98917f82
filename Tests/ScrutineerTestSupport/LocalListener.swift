import Foundation
import Glibc

/// A TCP port on 127.0.0.1 that stands where a database server would, and answers as a broken
/// one does: for the tests of what Scrutineer does when a server misbehaves in ways a real one
/// can be made to only by breaking the network.
public final class LocalListener: @unchecked Sendable {
    // @unchecked Sendable: the socket is set once in `init` and only closed after.

    /// What the listener does with a connection.
    public enum Manner: Sendable {
        /// Accepts each connection and closes it at once (a load balancer before a cluster failing over).
        case closing
        /// Never accepts: the machine completes each connection and keeps what is sent, and nothing
        /// ever answers (a server, or a proxy before it, gone silent).
        case silent
    }

    /// The port it listens on.
    public let port: Int
    private let socketDescriptor: Int32

    /// Listens on a free port of 127.0.0.1 in `manner`; nil when the machine will not let it.
    public init?(_ manner: Manner) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard listener >= 0, bound else {
            if listener >= 0 { close(listener) }
            return nil
        }
        socketDescriptor = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        if manner == .closing {
            Thread.detachNewThread {
                while case let connection = accept(listener, nil, nil), connection >= 0 { close(connection) }
            }
        }
    }

    /// Stops listening (connections made and not accepted are reset).
    public func stop() {
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
        close(socketDescriptor)
    }
}
