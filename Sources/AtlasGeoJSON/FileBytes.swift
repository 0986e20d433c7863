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
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw GeoJSONReadError.unreadableFile(path: path, reason: errnoText()) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(Int(info.st_size), 0) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        if info.st_size > 0 {
            // Read straight into the array's storage when the size is known.
            let size = Int(info.st_size)
            var failure: String?
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                while initialized < size {
                    let n = Glibc_read(fd, buffer.baseAddress! + initialized, size - initialized)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errnoText()
                        return
                    }
                    if n == 0 { break }
                    initialized += n
                }
            }
            if let failure { throw GeoJSONReadError.unreadableFile(path: path, reason: failure) }
        }
        // Whatever is left (files that grew, pipes and devices reporting size 0).
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw GeoJSONReadError.unreadableFile(path: path, reason: errnoText())
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    @inline(__always) private static func Glibc_read(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
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
