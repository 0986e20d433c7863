import AtlasGeoJSON
import AtlasModel
import AtlasStore
import HTTPTypes

/// A coordinate reference system a client may ask features in (OGC API – Features Part 2:
/// `crs`, `bbox-crs`, `Content-Crs`). Storage is CRS84; the others are reprojected with PROJ.
struct FeatureCRS: Sendable, Equatable {
    let uri: String
    let srid: Int32
    /// EPSG's geographic systems put latitude first (Part 2 keeps the CRS's own axis order);
    /// CRS84 and the projected VN-2000 systems put easting/longitude first.
    let latitudeFirst: Bool

    static let crs84 = FeatureCRS(uri: CRS.crs84, srid: SpatialReference.wgs84, latitudeFirst: false)

    /// CRS84 and every system the imports accept (SpatialReference.acceptedInput), one list.
    static let supported: [FeatureCRS] =
        [crs84]
        + SpatialReference.acceptedInput.map { srid in
            FeatureCRS(
                uri: "http://www.opengis.net/def/crs/EPSG/0/\(srid)", srid: srid,
                latitudeFirst: SpatialReference.isGeographic(srid))
        }

    static var supportedURIs: [JSONValue] { supported.map { .string($0.uri) } }

    /// Decimals of the output: 6 for degrees (about 0.1 m, as the exports), 2 for metres.
    var precision: Int { SpatialReference.isGeographic(srid) ? 6 : 2 }

    var writeOptions: GeoJSONWriteOptions {
        get throws { try GeoJSONWriteOptions(coordinatePrecision: precision) }
    }

    /// The header value: the URI in angle brackets (Part 2, §6.2).
    var contentCrsHeader: String { "<\(uri)>" }

    /// A `crs` or `bbox-crs` value: a URI of the list (http or https), or its safe CURIE
    /// `[EPSG:9215]` / `EPSG:9215`.
    static func parse(_ text: String, parameter: String) throws -> FeatureCRS {
        let normalized = text.hasPrefix("https://") ? "http://" + text.dropFirst(8) : text
        if let found = supported.first(where: { $0.uri == normalized }) { return found }
        let curie = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        if curie == "OGC:CRS84" { return crs84 }
        if curie.hasPrefix("EPSG:"), let srid = Int32(curie.dropFirst(5)),
            let found = supported.first(where: { $0.srid == srid && $0 != crs84 })
        {
            return found
        }
        throw Problem.invalidParameter(
            parameter, text,
            "unsupported CRS; supported: CRS84 and EPSG \(SpatialReference.acceptedList), as http://www.opengis.net/def/crs/EPSG/0/<code> or [EPSG:<code>]"
        )
    }
}

/// Positions from storage (CRS84) into a requested CRS and back, in the CRS's own axis order.
/// One per request: the PROJ objects are not shared between threads.
struct FeatureProjection: Sendable {
    let crs: FeatureCRS
    private let forward: CoordinateTransformer?
    private let inverse: CoordinateTransformer?

    init(_ crs: FeatureCRS) throws {
        self.crs = crs
        if crs.srid == SpatialReference.wgs84 {
            (forward, inverse) = (nil, nil)
        } else {
            forward = try CoordinateTransformer(from: SpatialReference.wgs84, to: crs.srid)
            inverse = try CoordinateTransformer(from: crs.srid, to: SpatialReference.wgs84)
        }
    }

    func project(_ record: FeatureRecord) -> FeatureRecord {
        var projected = record
        projected.geometry = record.geometry.map(project)
        return projected
    }

    func project(_ geometry: Geometry) -> Geometry {
        let projected = forward?.transform(geometry) ?? geometry
        guard crs.latitudeFirst else { return projected }
        return projected.replacingPositions(with: projected.positions.map { Position(x: $0.y, y: $0.x) })
    }

    /// The CRS84 box that holds a box given in this CRS (its edges sampled, as a projected
    /// box's edges are curves in degrees).
    func storageBox(_ box: BoundingBox) -> BoundingBox? {
        var corners: [Position] = []
        let steps = 16
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            let x = box.minX + (box.maxX - box.minX) * t, y = box.minY + (box.maxY - box.minY) * t
            corners += [
                Position(x: x, y: box.minY), Position(x: x, y: box.maxY),
                Position(x: box.minX, y: y), Position(x: box.maxX, y: y),
            ]
        }
        inverse?.transform(&corners)
        guard corners.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return nil }
        return BoundingBox(
            minX: corners.map(\.x).min()!, minY: corners.map(\.y).min()!,
            maxX: corners.map(\.x).max()!, maxY: corners.map(\.y).max()!)
    }
}

extension HTTPField.Name {
    static let contentCrs = HTTPField.Name("Content-Crs")!
}
