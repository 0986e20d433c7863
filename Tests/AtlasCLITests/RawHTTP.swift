import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately small HTTP/1.1 client on a blocking POSIX socket: it sends exactly the bytes
/// it is given (malformed ones too, which URLSession refuses to send), with receive timeouts,
/// and reports what came back and whether the server closed the connection.
enum RawHTTP {
    struct Reply {
        var status: Int?
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        /// The server closed the connection (after or instead of a reply).
        var closed = false
        var seconds = 0.0

        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// Sends `request` (then `trickle` one byte at a time, `pause` apart) and reads one reply.
    static func exchange(
        port: Int, _ request: [UInt8], trickle: [UInt8] = [], pause: Double = 0, timeout: Double = 10,
        awaitClose: Bool = false
    ) -> Reply {
        let started = Date()
        var reply = Reply()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return reply }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return reply }
        guard sendAll(fd, request) else {
            reply.closed = true
            return finish(read(fd, into: &reply), started)
        }
        for byte in trickle {
            Thread.sleep(forTimeInterval: pause)
            if !sendAll(fd, [byte]) {
                reply.closed = true
                break
            }
        }
        reply = read(fd, into: &reply)
        if awaitClose && !reply.closed {
            // Anything after the reply, or the end of the stream, within the timeout.
            var byte: UInt8 = 0
            reply.closed = recv(fd, &byte, 1, 0) == 0
        }
        return finish(reply, started)
    }

    static func get(port: Int, _ target: String, headers: [String] = [], method: String = "GET") -> Reply {
        let head = (["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers).joined(
            separator: "\r\n")
        return exchange(port: port, Array((head + "\r\n\r\n").utf8))
    }

    static func post(port: Int, _ target: String, body: String, headers: [String], method: String = "POST") -> Reply {
        let bytes = Array(body.utf8)
        let head =
            ([
                "\(method) \(target) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close",
                "Content-Length: \(bytes.count)",
            ] + headers)
            .joined(separator: "\r\n")
        return exchange(port: port, Array((head + "\r\n\r\n").utf8) + bytes)
    }

    // MARK: Helpers

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// Reads until the head, then the body by Content-Length or chunks, or until close/timeout.
    private static func read(_ fd: Int32, into reply: inout Reply) -> Reply {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        func more() -> Bool {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { reply.closed = true }
            if n <= 0 { return false }
            buffer += chunk[0..<n]
            return true
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: separator)?.upperBound
            if headEnd == nil && !more() { return reply }
        }
        let head = String(decoding: buffer[..<(headEnd! - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        reply.status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
        reply.headers = head.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var rest = Array(buffer[headEnd!...])
        buffer = rest
        if let length = reply.header("Content-Length").flatMap(Int.init) {
            while buffer.count < length && more() {}
            reply.body = Array(buffer.prefix(length))
        } else if reply.header("Transfer-Encoding")?.lowercased() == "chunked" {
            while !(buffer.firstRange(of: Array("\r\n0\r\n\r\n".utf8)) != nil
                || buffer.starts(with: Array("0\r\n\r\n".utf8))) && more()
            {}
            rest = buffer
            var body: [UInt8] = []
            while let lineEnd = rest.firstRange(of: [13, 10]) {
                let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
                let start = lineEnd.upperBound
                if size == 0 || start + size > rest.count { break }
                body += rest[start..<(start + size)]
                rest = Array(rest[min(rest.count, start + size + 2)...])
            }
            reply.body = body
        } else {
            while more() {}
            reply.body = buffer
        }
        return reply
    }

    private static func finish(_ reply: Reply, _ started: Date) -> Reply {
        var reply = reply
        reply.seconds = Date().timeIntervalSince(started)
        return reply
    }
}
