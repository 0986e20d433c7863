#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sink writing to a file descriptor through a 64 KB buffer.
///
/// ```swift
/// let sink = try GeoJSONFileSink(path: "Maps/works.geojson")
/// var writer = GeoJSONWriter(sink: sink)
/// try writer.begin(foreignMembers: ["attribution": "…"])
/// …
/// try writer.end()
/// try sink.close()
/// ```
public final class GeoJSONFileSink: GeoJSONSink {
    public static let bufferSize = 65_536

    private var fd: Int32
    private let ownsDescriptor: Bool
    private let name: String
    private var buffer: [UInt8]

    /// Creates (or truncates) the file at `path`, mode 0644.
    public init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw GeoJSONWriteError.io("\(path): \(String(cString: strerror(errno)))") }
        self.fd = fd
        ownsDescriptor = true
        name = path
        buffer = []
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Writes to an open descriptor that stays open after ``close()`` (e.g. 1 for stdout).
    public init(fileDescriptor: Int32) {
        fd = fileDescriptor
        ownsDescriptor = false
        name = "file descriptor \(fileDescriptor)"
        buffer = []
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// A sink on standard output.
    public static func standardOutput() -> GeoJSONFileSink {
        GeoJSONFileSink(fileDescriptor: 1)
    }

    deinit {
        try? close()
    }

    public func write(_ bytes: some Collection<UInt8>) throws {
        if buffer.count + bytes.count > Self.bufferSize {
            try flush()
            if bytes.count >= Self.bufferSize {
                let written: Void? = try bytes.withContiguousStorageIfAvailable { try writeAll($0) }
                if written == nil { try writeAll(Array(bytes)) }
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then closes the file if this sink opened it. Later writes fail.
    public func close() throws {
        guard fd >= 0 else { return }
        defer {
            if ownsDescriptor { _ = systemClose(fd) }
            fd = -1
        }
        try flush()
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard fd >= 0 else { throw GeoJSONWriteError.io("\(name) is closed") }
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = systemWrite(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw GeoJSONWriteError.io("\(name): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    private func systemWrite(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, p, n)
        #elseif canImport(Musl)
            Musl.write(fd, p, n)
        #else
            Darwin.write(fd, p, n)
        #endif
    }

    private func systemClose(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
            Glibc.close(fd)
        #elseif canImport(Musl)
            Musl.close(fd)
        #else
            Darwin.close(fd)
        #endif
    }
}
