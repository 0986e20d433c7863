import AtlasModel

/// Writes strict [RFC 7946](https://datatracker.ietf.org/doc/html/rfc7946) GeoJSON, one feature at
/// a time, to a ``GeoJSONSink``.
///
/// - A FeatureCollection without `crs`; top-level members in the order `type`, the foreign
///   members as given, `features` (then `bbox` when asked for). One feature per line.
/// - Each Feature: `type`, `id` (when given, as a string), `bbox` (when asked for), `properties`
///   in the order given, `geometry`.
/// - Coordinates rounded half away from zero to ``GeoJSONWriteOptions/coordinatePrecision``
///   decimals, without trailing zeros or exponents (see ``CoordinateFormatter``).
/// - Polygon rings closed, exterior rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6),
///   a ring being reversed in place when needed (`[a,b,c,d,a]` becomes `[a,d,c,b,a]`).
/// - Property doubles that are NaN or infinite are written as `null`; NaN or infinite
///   coordinates are refused.
///
/// The same calls always produce the same bytes.
///
/// ```swift
/// var writer = GeoJSONWriter(sink: GeoJSONMemorySink())
/// try writer.begin(foreignMembers: ["attribution": "Ban Dân tộc tỉnh Lạng Sơn"])
/// try writer.writeFeature(id: "W-1", properties: ["name": "Road"], geometry: .point(Position(x: 106.76, y: 21.85)))
/// try writer.end()
/// print(writer.sink.text)
/// ```
public struct GeoJSONWriter<Sink: GeoJSONSink> {
    public private(set) var sink: Sink
    public let options: GeoJSONWriteOptions
    /// Features written so far.
    public private(set) var featureCount = 0

    let formatter: CoordinateFormatter
    /// The bytes of the feature being written; handed to the sink once it is complete.
    var out: [UInt8] = []
    var ringUnits: [(x: Int64, y: Int64)] = []
    var currentID: String?
    var collectionBox = UnitBox()
    private var phase = Phase.notBegun

    private enum Phase { case notBegun, writing, ended }

    /// Names a top-level foreign member may not have.
    static var reservedNames: Set<String> {
        ["type", "features", "bbox", "crs", "id", "properties", "geometry", "geometries", "coordinates"]
    }

    public init(sink: Sink, options: GeoJSONWriteOptions = GeoJSONWriteOptions()) {
        self.sink = sink
        self.options = options
        formatter = CoordinateFormatter(precision: options.coordinatePrecision)
        out.reserveCapacity(4096)
    }

    /// Starts the FeatureCollection, writing `foreignMembers` (RFC 7946 §6.1: "attribution",
    /// "notice"…) before `features`. In text-sequence mode nothing is written and foreign members
    /// are dropped (RFC 8142 sequences have no place for them).
    public mutating func begin(foreignMembers: JSONObject = [:]) throws {
        guard phase == .notBegun else {
            throw GeoJSONWriteError.outOfOrder("begin(foreignMembers:) was already called")
        }
        if let reserved = foreignMembers.keys.first(where: Self.reservedNames.contains) {
            throw GeoJSONWriteError.reservedMemberName(reserved)
        }
        phase = .writing
        guard !options.textSequence else { return }
        out.removeAll(keepingCapacity: true)
        append(#"{"type":"FeatureCollection""#)
        for (key, value) in foreignMembers {
            out.append(UInt8(ascii: ","))
            JSONTextEncoding.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONTextEncoding.appendValue(value, to: &out)
        }
        append(#","features":["#)
        try sink.write(out)
    }

    /// Writes one Feature (RFC 7946 §3.2). `id` nil leaves out the `id` member; `geometry` nil
    /// writes `"geometry":null`.
    public mutating func writeFeature(id: String?, properties: JSONObject, geometry: Geometry?) throws {
        guard phase == .writing else {
            throw GeoJSONWriteError.outOfOrder(
                "writeFeature(id:properties:geometry:) needs begin(foreignMembers:) first and no end()")
        }
        currentID = id
        out.removeAll(keepingCapacity: true)
        if options.textSequence {
            out.append(0x1E)
        } else {
            if featureCount > 0 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        append(#"{"type":"Feature""#)
        if let id {
            append(#","id":"#)
            JSONTextEncoding.appendString(id, to: &out)
        }
        if options.writeBBox, let geometry {
            let box = try unitBox(of: geometry)
            if !box.isEmpty {
                append(#","bbox":"#)
                appendBox(box)
                collectionBox.extend(box)
            }
        }
        append(#","properties":"#)
        JSONTextEncoding.appendObject(properties, to: &out)
        append(#","geometry":"#)
        if let geometry {
            try appendGeometry(geometry)
        } else {
            append("null")
        }
        out.append(UInt8(ascii: "}"))
        if options.textSequence { out.append(0x0A) }
        try sink.write(out)
        featureCount += 1
    }

    /// Writes a feature as read by ``GeoJSONReader`` (its id, properties and geometry).
    public mutating func writeFeature(_ feature: GeoJSONFeature) throws {
        try writeFeature(id: feature.id, properties: feature.properties, geometry: feature.geometry)
    }

    /// Closes the FeatureCollection (adding its `bbox` when asked for) and flushes the sink.
    public mutating func end() throws {
        guard phase == .writing else {
            throw GeoJSONWriteError.outOfOrder("end() needs begin(foreignMembers:) first, once")
        }
        phase = .ended
        if !options.textSequence {
            out.removeAll(keepingCapacity: true)
            if featureCount > 0 { out.append(0x0A) }
            out.append(UInt8(ascii: "]"))
            if options.writeBBox && !collectionBox.isEmpty {
                append(#","bbox":"#)
                appendBox(collectionBox)
            }
            append("}\n")
            try sink.write(out)
        }
        try sink.flush()
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
