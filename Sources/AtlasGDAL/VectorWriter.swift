import CGDAL
import Foundation

/// Writes a vector dataset through GDAL: layers, typed fields, features, metadata. Everything is
/// written under a temporary name beside the destination and moved into place by `finish()`, so
/// a failed export leaves no half file; a writer dropped without `finish()` removes its files.
/// Not thread-safe: one writer per thread (GDAL's messages and config options are per thread).
public final class VectorWriter {
    public let driver: VectorDriver
    /// The file written, or for Shapefile the folder its layers' files go to.
    public let destination: String
    /// GDAL's warnings so far (a clean export has none).
    public private(set) var warnings: [GDALMessage] = []

    let temporary: String
    var dataset: GDALDatasetH?
    private var layers: [OutputLayer] = []
    private var sidecars: [(temporary: String, final: String)] = []
    private var savedConfiguration: [(String, String?)] = []
    private var finished = false

    /// `options` are GDAL dataset creation options; `configuration` GDAL config options set on
    /// this thread while the writer lives (e.g. OGR_CURRENT_DATE for reproducible GeoPackages).
    public init(
        destination: String, driver: VectorDriver, options: [String: String] = [:],
        configuration: [String: String] = [:]
    ) throws {
        GDALRuntime.ensureRegistered()
        self.driver = driver
        self.destination = destination
        let url = URL(fileURLWithPath: destination)
        let folder = driver == .shapefile ? url : url.deletingLastPathComponent()
        let stem = driver == .shapefile ? "layers" : url.deletingPathExtension().lastPathComponent
        let partial = ".\(stem).partial-\(UUID().uuidString.prefix(8))"
        // A Shapefile dataset created without an extension is a folder of layers.
        temporary = folder.appendingPathComponent(
            driver == .shapefile ? partial : "\(partial).\(driver.fileExtension)"
        ).path
        for (key, value) in configuration.sorted(by: { $0.key < $1.key }) {
            savedConfiguration.append((key, CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }))
            CPLSetThreadLocalConfigOption(key, value)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard let handle = GDALGetDriverByName(driver.rawValue) else {
            restoreConfiguration()
            throw GDALError(operation: "find driver \(driver.rawValue)", path: destination, messages: [])
        }
        let created = try call("create \(driver.rawValue) dataset") {
            withStringList(options) { GDALCreate(handle, temporary, 0, 0, 0, GDT_Unknown, $0) }
        }
        guard let created else {
            restoreConfiguration()
            throw GDALError(operation: "create \(driver.rawValue) dataset", path: destination, messages: warnings)
        }
        dataset = created
    }

    deinit {
        if !finished { abandon() }
    }

    /// Dataset metadata (GeoPackage keeps it in gpkg_metadata).
    public func setMetadata(_ items: [String: String]) throws {
        try call("set dataset metadata") {
            withStringList(items) { GDALSetMetadata(dataset, $0, nil) }
        }
    }

    public func addLayer(_ spec: LayerSpec) throws -> OutputLayer {
        let layer = try OutputLayer(writer: self, spec: spec)
        layers.append(layer)
        return layer
    }

    /// Runs `body` in one transaction where the driver has real ones (GeoPackage), else as is.
    public func inTransaction(_ body: () throws -> Void) throws {
        let transactional = GDALDatasetTestCapability(dataset, ODsCTransactions) != 0
        if transactional {
            try check("start transaction") { GDALDatasetStartTransaction(dataset, 0) }
        }
        do {
            try body()
        } catch {
            if transactional { _ = GDALDatasetRollbackTransaction(dataset) }
            throw error
        }
        if transactional {
            try check("commit transaction") { GDALDatasetCommitTransaction(dataset) }
        }
    }

    /// A text file beside the dataset (e.g. the README of a Shapefile set), moved into place with it.
    public func addSidecar(named name: String, contents: String) throws {
        let finalURL =
            driver == .shapefile
            ? URL(fileURLWithPath: destination).appendingPathComponent(name)
            : URL(fileURLWithPath: destination).deletingLastPathComponent().appendingPathComponent(name)
        let partial = finalURL.deletingLastPathComponent().appendingPathComponent(
            ".\(name).partial-\(UUID().uuidString.prefix(8))")
        try Data(contents.utf8).write(to: partial)
        sidecars.append((partial.path, finalURL.path))
    }

    /// Closes the dataset (GDAL writes what it buffered) and moves every file into place.
    public func finish() throws {
        precondition(!finished, "finish() called twice")
        finished = true
        defer { restoreConfiguration() }
        for layer in layers { layer.release() }
        let closing = dataset
        dataset = nil
        do {
            try call("close dataset") { GDALClose(closing) }
            try moveIntoPlace()
        } catch {
            removeTemporaries()
            throw error
        }
    }

    private func moveIntoPlace() throws {
        let fm = FileManager.default
        var moves: [(String, String)] = sidecars
        if driver == .shapefile {
            let folder = URL(fileURLWithPath: temporary)
            for name in try fm.contentsOfDirectory(atPath: temporary).sorted() {
                moves.append((folder.appendingPathComponent(name).path, "\(destination)/\(name)"))
            }
        } else {
            moves.append((temporary, destination))
        }
        for (from, to) in moves {
            // rename(2) replaces an existing file atomically.
            guard rename(from, to) == 0 else {
                throw GDALError(
                    operation: "move into place (\(String(cString: strerror(errno))))", path: to, messages: [])
            }
        }
        if driver == .shapefile { try? fm.removeItem(atPath: temporary) }
    }

    private func abandon() {
        for layer in layers { layer.release() }
        if let dataset { GDALClose(dataset) }
        dataset = nil
        removeTemporaries()
        restoreConfiguration()
    }

    private func removeTemporaries() {
        let fm = FileManager.default
        try? fm.removeItem(atPath: temporary)
        for sidecar in sidecars { try? fm.removeItem(atPath: sidecar.temporary) }
    }

    private func restoreConfiguration() {
        for (key, value) in savedConfiguration.reversed() { CPLSetThreadLocalConfigOption(key, value) }
        savedConfiguration = []
    }

    // MARK: Calls with GDAL's messages

    /// Runs a GDAL call, keeps its warnings, and throws when GDAL reported a failure.
    @discardableResult
    func call<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        let (result, messages) = try collectingGDALMessages(body)
        warnings += messages.filter { $0.level == .warning }
        if messages.contains(where: { $0.level == .failure }) {
            throw GDALError(operation: operation, path: destination, messages: messages)
        }
        return result
    }

    /// A call returning an OGRErr: anything but OGRERR_NONE is a failure.
    func check(_ operation: String, _ body: () -> OGRErr) throws {
        let status = try call(operation, body)
        guard status == OGRERR_NONE else {
            throw GDALError(operation: "\(operation) (OGRErr \(status))", path: destination, messages: [])
        }
    }
}

/// A GDAL string list (`char **` of KEY=VALUE) for the duration of `body`, keys in sorted order.
func withStringList<T>(_ items: [String: String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T)
    rethrows -> T
{
    var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
    for (key, value) in items.sorted(by: { $0.key < $1.key }) { list = CSLSetNameValue(list, key, value) }
    defer { CSLDestroy(list) }
    return try body(list)
}
