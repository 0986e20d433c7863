import CGDAL
import Foundation

/// A file opened read-only through GDAL with only its format's drivers, for the length of one
/// `read` call: the handle is closed when the call returns, whatever happens inside it.
public final class VectorDataset {
    public let path: String
    public let format: VectorFormat
    public let limits: VectorReadLimits
    private let handle: GDALDatasetH

    private init(path: String, format: VectorFormat, limits: VectorReadLimits, handle: GDALDatasetH) {
        self.path = path
        self.format = format
        self.limits = limits
        self.handle = handle
    }

    /// Opens `path`, runs `body` on it, closes it. GDAL's warnings while it ran are returned;
    /// a file too large or that no allowed driver opens throws a `GDALError`.
    /// `singleByteText`: a DBF's bytes read as Latin-1, one character per byte, whatever its
    /// .cpg says, for text in an encoding GDAL does not know (TCVN3) to be converted after.
    public static func read<T>(
        path: String, format: VectorFormat, limits: VectorReadLimits = VectorReadLimits(),
        singleByteText: Bool = false, _ body: (VectorDataset) throws -> T
    ) throws -> (T, [GDALMessage]) {
        let bytes = Self.fileBytes(path, format: format)
        if bytes > limits.maximumFileBytes {
            throw GDALError(
                operation: "open", path: path,
                messages: [.failure("\(bytes) bytes, more than the limit of \(limits.maximumFileBytes)")])
        }
        // Thread-local, so a file read here does not change how another thread reads one.
        let configuration = format.readingOptions + (singleByteText ? [("SHAPE_ENCODING", "ISO-8859-1")] : [])
        for (key, value) in configuration { CPLSetThreadLocalConfigOption(key, value) }
        defer { for (key, _) in configuration { CPLSetThreadLocalConfigOption(key, nil) } }
        var failure: Error?
        let (result, messages): (T?, [GDALMessage]) = collectingGDALMessages {
            var drivers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
            for name in format.drivers where GDALRuntime.hasDriver(name) { drivers = CSLAddString(drivers, name) }
            defer { CSLDestroy(drivers) }
            let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
            // GDALOpenEx returns nil (an implicitly unwrapped pointer) for a file no driver takes.
            let opened: GDALDatasetH? = drivers.flatMap { list -> GDALDatasetH? in
                list.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: 1) { names -> GDALDatasetH? in
                    GDALOpenEx(format.gdalPath(path), flags, names, nil, nil)
                }
            }
            guard let opened else { return nil }
            defer { GDALClose(opened) }
            do {
                return try body(VectorDataset(path: path, format: format, limits: limits, handle: opened))
            } catch {
                failure = error
                return nil
            }
        }
        if let failure { throw failure }
        guard let result else {
            let said = messages.filter { $0.level == .failure }
            throw GDALError(
                operation: "open as \(format.rawValue)", path: path,
                messages: said.isEmpty ? [.failure("not a readable \(format.rawValue) file")] : said)
        }
        return (result, messages.filter { $0.level == .warning })
    }

    /// The layers (a workbook's sheets), in file order.
    public var layers: [VectorLayer] {
        (0..<GDALDatasetGetLayerCount(handle)).compactMap { i in
            GDALDatasetGetLayer(handle, i).map { VectorLayer(handle: $0, limits: limits) }
        }
    }

    /// A file's size, with a Shapefile's sidecar files (same name, other extension) counted too.
    static func fileBytes(_ path: String, format: VectorFormat) -> Int {
        let url = URL(fileURLWithPath: path)
        func size(_ u: URL) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: u.path))?[.size] as? NSNumber)?.intValue ?? 0
        }
        guard format == .shp else { return size(url) }
        let stem = url.deletingPathExtension()
        return ["shp", "shx", "dbf", "prj", "cpg"].reduce(0) { $0 + size(stem.appendingPathExtension($1)) }
    }
}

extension GDALMessage {
    static func failure(_ text: String) -> GDALMessage { GDALMessage(level: .failure, text: text) }
}
