/// A position: longitude/latitude in degrees for WGS84 data, easting/northing in metres for
/// projected data. `x` always comes first, as in RFC 7946 §3.1.1.
public struct Position: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public init(longitude: Double, latitude: Double) {
        self.init(x: longitude, y: latitude)
    }

    public var longitude: Double { x }
    public var latitude: Double { y }
}

/// A simple-features geometry (the RFC 7946 §3.1 types, without GeometryCollection).
public enum Geometry: Hashable, Sendable {
    case point(Position)
    case lineString([Position])
    case polygon([[Position]])
    case multiPoint([Position])
    case multiLineString([[Position]])
    case multiPolygon([[[Position]]])

    public var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// Every position, in order.
    public var positions: [Position] {
        switch self {
        case .point(let p): [p]
        case .lineString(let line), .multiPoint(let line): line
        case .polygon(let rings), .multiLineString(let rings): rings.flatMap { $0 }
        case .multiPolygon(let polygons): polygons.flatMap { $0.flatMap { $0 } }
        }
    }

    public var vertexCount: Int {
        switch self {
        case .point: 1
        case .lineString(let line), .multiPoint(let line): line.count
        case .polygon(let rings), .multiLineString(let rings): rings.reduce(0) { $0 + $1.count }
        case .multiPolygon(let polygons): polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        }
    }

    /// The same geometry with every position mapped.
    public func mapPositions(_ transform: (Position) throws -> Position) rethrows -> Geometry {
        switch self {
        case .point(let p): return .point(try transform(p))
        case .lineString(let line): return .lineString(try line.map(transform))
        case .multiPoint(let points): return .multiPoint(try points.map(transform))
        case .polygon(let rings): return .polygon(try rings.map { try $0.map(transform) })
        case .multiLineString(let lines): return .multiLineString(try lines.map { try $0.map(transform) })
        case .multiPolygon(let polygons):
            return .multiPolygon(try polygons.map { try $0.map { try $0.map(transform) } })
        }
    }

    /// The same shape with its positions replaced, in order, by `flat` (as many as ``positions``).
    public func replacingPositions(with flat: [Position]) -> Geometry {
        var index = 0
        return mapPositions { _ in
            defer { index += 1 }
            return flat[index]
        }
    }

    /// Polygons of a polygonal geometry (a Polygon is one), else empty.
    public var polygons: [[[Position]]] {
        switch self {
        case .polygon(let rings): [rings]
        case .multiPolygon(let polygons): polygons
        default: []
        }
    }

    /// Lines of a lineal geometry, else empty.
    public var lines: [[Position]] {
        switch self {
        case .lineString(let line): [line]
        case .multiLineString(let lines): lines
        default: []
        }
    }

    public var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    public var isLineal: Bool {
        switch self {
        case .lineString, .multiLineString: true
        default: false
        }
    }

    public var isPuntal: Bool {
        switch self {
        case .point, .multiPoint: true
        default: false
        }
    }

    /// Bounding box as (minX, minY, maxX, maxY).
    public var boundingBox: BoundingBox {
        var box = BoundingBox.empty
        for p in positions { box.extend(p) }
        return box
    }
}

public struct BoundingBox: Hashable, Sendable {
    public var minX, minY, maxX, maxY: Double

    public static let empty = BoundingBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public var isEmpty: Bool { minX > maxX || minY > maxY }

    public mutating func extend(_ p: Position) {
        if p.x < minX { minX = p.x }
        if p.x > maxX { maxX = p.x }
        if p.y < minY { minY = p.y }
        if p.y > maxY { maxY = p.y }
    }

    public mutating func extend(_ other: BoundingBox) {
        minX = Swift.min(minX, other.minX)
        minY = Swift.min(minY, other.minY)
        maxX = Swift.max(maxX, other.maxX)
        maxY = Swift.max(maxY, other.maxY)
    }

    public func contains(_ p: Position) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    public func intersects(_ o: BoundingBox) -> Bool {
        !(o.minX > maxX || o.maxX < minX || o.minY > maxY || o.maxY < minY)
    }

    public func expanded(by margin: Double) -> BoundingBox {
        BoundingBox(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }
}

extension Geometry {
    /// Why the positions cannot be WGS84 longitude/latitude in Vietnam, or nil. Vietnam lies in
    /// longitude 102–118 and latitude 8–24, so a swap of the two is always detectable.
    public var wgs84Problem: String? {
        for p in positions {
            guard p.x.isFinite, p.y.isFinite else { return "coordinates must be finite numbers" }
            if !(-180...180).contains(p.x) || !(-90...90).contains(p.y) {
                let swapped = (100...118).contains(p.y) && (4...24).contains(p.x)
                return "position (\(p.x), \(p.y)) is outside longitude −180…180, latitude −90…90"
                    + (swapped ? "; longitude and latitude look swapped" : "")
            }
            if !(100...118).contains(p.x) || !(4...24).contains(p.y) {
                let swapped = (100...118).contains(p.y) && (4...24).contains(p.x)
                return swapped
                    ? "position (\(p.x), \(p.y)) has longitude and latitude swapped (longitude first, as in GeoJSON)"
                    : "position (\(p.x), \(p.y)) lies outside Vietnam (longitude 100–118, latitude 4–24)"
            }
        }
        return nil
    }
}
