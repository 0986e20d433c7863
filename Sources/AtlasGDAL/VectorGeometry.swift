import AtlasModel
import CGDAL

/// OGR geometries as AtlasModel `Geometry`: Z and M are dropped, curves are refused.
enum VectorGeometry {
    struct Unsupported: Error {
        let reason: String
    }

    static func convert(_ geometry: OGRGeometryH, maximumVertices: Int) throws -> Geometry {
        let count = OGR_G_GetPointCount(geometry)
        let converted = try shape(geometry)
        if converted.vertexCount > maximumVertices || Int(count) > maximumVertices {
            throw Unsupported(reason: "more than \(maximumVertices) vertices")
        }
        return converted
    }

    private static func shape(_ g: OGRGeometryH) throws -> Geometry {
        switch OGR_GT_Flatten(OGR_G_GetGeometryType(g)) {
        case wkbPoint: return .point(try points(g)[0])
        case wkbLineString: return .lineString(try points(g))
        case wkbPolygon: return .polygon(try parts(g).map { try points($0) })
        case wkbMultiPoint: return .multiPoint(try parts(g).map { try points($0)[0] })
        case wkbMultiLineString: return .multiLineString(try parts(g).map { try points($0) })
        case wkbMultiPolygon: return .multiPolygon(try parts(g).map { try parts($0).map { try points($0) } })
        case wkbGeometryCollection: return try collection(g)
        default:
            throw Unsupported(reason: "\(String(cString: OGR_G_GetGeometryName(g))) is not a point, line or polygon")
        }
    }

    /// A KML MultiGeometry of one kind of part becomes the matching multi-geometry.
    private static func collection(_ g: OGRGeometryH) throws -> Geometry {
        var items: [Geometry] = []
        for part in parts(g) { items.append(try shape(part)) }
        if items.count == 1 { return items[0] }
        if items.allSatisfy(\.isPuntal) { return .multiPoint(items.flatMap(\.positions)) }
        if items.allSatisfy(\.isLineal) { return .multiLineString(items.flatMap(\.lines)) }
        if items.allSatisfy(\.isPolygonal) { return .multiPolygon(items.flatMap(\.polygons)) }
        throw Unsupported(reason: "a collection mixing points, lines and polygons; give one kind per feature")
    }

    private static func parts(_ g: OGRGeometryH) -> [OGRGeometryH] {
        (0..<OGR_G_GetGeometryCount(g)).compactMap { OGR_G_GetGeometryRef(g, $0) }
    }

    private static func points(_ g: OGRGeometryH) throws -> [Position] {
        let n = OGR_G_GetPointCount(g)
        guard n > 0 else { throw Unsupported(reason: "an empty geometry") }
        return (0..<n).map { Position(x: OGR_G_GetX(g, $0), y: OGR_G_GetY(g, $0)) }
    }
}

extension Error {
    /// The reason of a geometry GDAL gave that works cannot use.
    var reason: String { (self as? VectorGeometry.Unsupported)?.reason ?? "\(self)" }
}
