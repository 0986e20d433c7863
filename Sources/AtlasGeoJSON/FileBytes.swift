#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file into a byte array with POSIX calls (no Foundation `Data` copy).
enum FileBytes {
    static func read(path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw GeoJSONReadError.unreadableFile(path: path, reason: errnoText()) }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw GeoJSONReadError.unreadableFile(path: path, reason: errnoText()) }
        // Read straight into the array's storage for the size the file has now…
        let size = max(Int(info.st_size), 0)
        var failure: String?
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            while initialized < size {
                let n = systemRead(fd, base + initialized, size - initialized)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errnoText() }
                if n <= 0 { return }
                initialized += n
            }
        }
        if let failure { throw GeoJSONReadError.unreadableFile(path: path, reason: failure) }
        // …then whatever is left (pipes and devices report size 0; files may grow).
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { systemRead(fd, $0, raw.count) } ?? 0
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw GeoJSONReadError.unreadableFile(path: path, reason: errnoText()) }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    private static func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(fd, p, n)
        #elseif canImport(Musl)
            Musl.read(fd, p, n)
        #else
            Darwin.read(fd, p, n)
        #endif
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
