import AtlasGDAL
import AtlasModel

/// Points, lines or polygons: QGIS draws one of them per layer, so files that it opens layer
/// by layer (GeoPackage, Shapefile) get one layer per family.
enum GeometryFamily: String, CaseIterable {
    case points, lines, polygons

    init(_ geometry: Geometry) {
        self = geometry.isPuntal ? .points : geometry.isLineal ? .lines : .polygons
    }

    /// The layer type for these geometries: the single type when every one is single, else the
    /// multi type (the singles then written as one-member multis).
    static func layerType(of geometries: [Geometry]) -> LayerGeometry {
        guard let first = geometries.first else { return .unknown }
        let family = GeometryFamily(first)
        guard geometries.allSatisfy({ GeometryFamily($0) == family }) else { return .unknown }
        let multi = geometries.contains { $0.isMulti }
        switch family {
        case .points: return multi ? .multiPoint : .point
        case .lines: return multi ? .multiLineString : .lineString
        case .polygons: return multi ? .multiPolygon : .polygon
        }
    }

    /// `geometry` in the type of a layer of `type`.
    static func fitted(_ geometry: Geometry, to type: LayerGeometry) -> Geometry {
        switch (type, geometry) {
        case (.multiPoint, .point(let p)): .multiPoint([p])
        case (.multiLineString, .lineString(let l)): .multiLineString([l])
        case (.multiPolygon, .polygon(let rings)): .multiPolygon([rings])
        default: geometry
        }
    }
}

extension Geometry {
    var isMulti: Bool {
        switch self {
        case .multiPoint, .multiLineString, .multiPolygon: true
        default: false
        }
    }
}
