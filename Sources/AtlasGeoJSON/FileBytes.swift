#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole input file into a byte array with POSIX calls (no Foundation `Data` copy).
/// Only regular files and pipes are read, never more than `maximumSize` bytes, in bounded
/// chunks: `/dev/zero` or a directory is a clear refusal, not 4 GB of memory.
public enum FileBytes {
    /// 1 GiB: five times the largest national file we import (the 2025 boundaries of all
    /// communes as GeoJSON are about 200 MB).
    public static let maximumSize = 1 << 30

    public static func read(path: String, maximumSize: Int = maximumSize) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw GeoJSONReadError.unreadableFile(path: path, reason: errnoText()) }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw GeoJSONReadError.unreadableFile(path: path, reason: errnoText()) }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFIFO else {
            let what =
                type == S_IFDIR ? "a folder" : type == S_IFCHR || type == S_IFBLK ? "a device" : "not a regular file"
            throw GeoJSONReadError.unreadableFile(path: path, reason: "\(what); give the path of a file")
        }
        // Blocking reads from here on (O_NONBLOCK only kept a FIFO without writer from hanging open).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let size = Int(info.st_size)
        guard size <= maximumSize else { throw tooLarge(path, maximumSize) }
        // Read straight into the array's storage for the size the file has now…
        var failure: String?
        var bytes = [UInt8](unsafeUninitializedCapacity: max(size, 0)) { buffer, initialized in
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
        // …then whatever is left (pipes report size 0; files may grow), up to the limit.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { systemRead(fd, $0, raw.count) } ?? 0
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw GeoJSONReadError.unreadableFile(path: path, reason: errnoText()) }
            if n == 0 { return bytes }
            guard bytes.count + n <= maximumSize else { throw tooLarge(path, maximumSize) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> GeoJSONReadError {
        .unreadableFile(path: path, reason: "larger than \(limit >> 20) MiB, the most one import reads")
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

    public static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
