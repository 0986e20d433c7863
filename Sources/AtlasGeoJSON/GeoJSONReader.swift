/// Reads GeoJSON (RFC 7946) liberally but safely (SPEC §4, §6).
///
/// - A malformed document (bad JSON, duplicate keys, NaN/Infinity, too deep, invalid UTF-8, not a
///   FeatureCollection/Feature, a `crs` other than CRS84/EPSG:4326) throws ``GeoJSONReadError``
///   with line and column.
/// - A bad feature does not stop the read: its problem is reported on the ``GeoJSONFeature``
///   (with its index, id and line) and reading goes on with the next one.
/// - Either winding is accepted; a third coordinate (elevation) is accepted and dropped.
///
/// The streaming form hands over one feature at a time, so memory stays proportional to one
/// feature rather than the file:
///
/// ```swift
/// let summary = try GeoJSONReader().read(contentsOfFile: path) { feature in
///     if feature.isValid { try importer.add(feature) } else { problems.append(feature) }
/// }
/// ```
///
/// A document-level error can be thrown after some features were delivered (for example a `crs`
/// member that comes after `features`); treat the read as failed then.
public struct GeoJSONReader: Sendable {
    public var options: GeoJSONReadOptions

    public init(options: GeoJSONReadOptions = GeoJSONReadOptions()) {
        self.options = options
    }

    // MARK: Streaming

    /// Reads a FeatureCollection or a Feature, calling `body` for each feature in order.
    public func read(
        _ bytes: UnsafeBufferPointer<UInt8>, forEachFeature body: (GeoJSONFeature) throws -> Void
    ) throws -> GeoJSONReadSummary {
        var parser = GeoJSONFeatureParser(bytes: bytes, options: options)
        do {
            return try parser.parseDocument(body)
        } catch let error as JSONParseError {
            throw GeoJSONReadError.malformedJSON(error)
        }
    }

    /// Reads a FeatureCollection or a Feature, calling `body` for each feature in order.
    public func read(
        _ bytes: [UInt8], forEachFeature body: (GeoJSONFeature) throws -> Void
    ) throws
        -> GeoJSONReadSummary
    {
        try bytes.withUnsafeBufferPointer { try read($0, forEachFeature: body) }
    }

    /// Reads a FeatureCollection or a Feature file, calling `body` for each feature in order.
    public func read(
        contentsOfFile path: String, forEachFeature body: (GeoJSONFeature) throws -> Void
    ) throws
        -> GeoJSONReadSummary
    {
        try read(try FileBytes.read(path: path), forEachFeature: body)
    }

    // MARK: Whole documents

    /// Reads a FeatureCollection or a Feature into memory.
    public func read(_ bytes: [UInt8]) throws -> GeoJSONDocument {
        var features: [GeoJSONFeature] = []
        let summary = try read(bytes) { features.append($0) }
        return GeoJSONDocument(features: features, summary: summary)
    }

    /// Reads a FeatureCollection or a Feature given as text.
    public func read(text: String) throws -> GeoJSONDocument {
        try read(Array(text.utf8))
    }

    /// Reads a FeatureCollection or a Feature file into memory.
    public func read(contentsOfFile path: String) throws -> GeoJSONDocument {
        try read(try FileBytes.read(path: path))
    }

    // MARK: Text sequences

    /// Reads a [GeoJSON text sequence](https://datatracker.ietf.org/doc/html/rfc8142) (one Feature
    /// per record, each preceded by RS), calling `body` for each; returns the number of features.
    public func readTextSequence(_ bytes: [UInt8], forEachFeature body: (GeoJSONFeature) throws -> Void) throws -> Int {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = GeoJSONFeatureParser(bytes: buffer, options: options)
            do {
                return try parser.parseSequence(body)
            } catch let error as JSONParseError {
                throw GeoJSONReadError.malformedJSON(error)
            }
        }
    }
}
