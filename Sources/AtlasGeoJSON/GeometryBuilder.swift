import AtlasModel

/// Turns parsed `coordinates` into a ``Geometry`` of the named type, checking the RFC 7946 §3.1
/// rules: LineStrings of 2+ positions, linear rings of 4+ positions that are closed.
enum GeometryBuilder {
    /// `coordinates` as nested arrays of positions, by depth.
    enum Coordinates {
        case empty
        case position(Position)
        case positions([Position])
        case lists([[Position]])
        case nestedLists([[[Position]]])
    }

    struct Problem: Error {
        var message: String
    }

    static let typeNames = ["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"]

    static func makeGeometry(type: String, coordinates: Coordinates) -> Result<Geometry, Problem> {
        Result { () throws(Problem) in try build(type: type, coordinates: coordinates) }
    }

    private static func build(type: String, coordinates: Coordinates) throws(Problem) -> Geometry {
        if case .empty = coordinates { throw Problem(message: "\(type) has empty coordinates") }
        switch (type, coordinates) {
        case ("Point", .position(let p)):
            return .point(p)
        case ("LineString", .positions(let line)):
            try checkLine(line, name: "LineString")
            return .lineString(line)
        case ("MultiPoint", .positions(let points)):
            return .multiPoint(points)
        case ("MultiLineString", .lists(let lines)):
            for (i, line) in lines.enumerated() { try checkLine(line, name: "line \(i)") }
            return .multiLineString(lines)
        case ("Polygon", .lists(let rings)):
            try checkRings(rings, prefix: "")
            return .polygon(rings)
        case ("MultiPolygon", .nestedLists(let polygons)):
            for (i, rings) in polygons.enumerated() {
                if rings.isEmpty { throw Problem(message: "polygon \(i) has no rings") }
                try checkRings(rings, prefix: "polygon \(i), ")
            }
            return .multiPolygon(polygons)
        default:
            throw Problem(message: "\(type) coordinates must be \(expectedShape(type))")
        }
    }

    private static func expectedShape(_ type: String) -> String {
        switch type {
        case "Point": "a single position [x, y]"
        case "LineString", "MultiPoint": "an array of positions"
        case "Polygon": "an array of linear rings (arrays of positions)"
        case "MultiLineString": "an array of LineStrings (arrays of positions)"
        default: "an array of polygons (arrays of linear rings)"
        }
    }

    private static func checkLine(_ line: [Position], name: String) throws(Problem) {
        if line.count < 2 {
            throw Problem(
                message: "\(name) has \(line.count) position\(line.count == 1 ? "" : "s"); it needs at least 2")
        }
    }

    private static func checkRings(_ rings: [[Position]], prefix: String) throws(Problem) {
        for (i, ring) in rings.enumerated() {
            if ring.count < 4 {
                let positions = "\(ring.count) position\(ring.count == 1 ? "" : "s")"
                throw Problem(message: "\(prefix)ring \(i) has \(positions); a linear ring needs at least 4")
            }
            if let first = ring.first, let last = ring.last, first != last {
                throw Problem(message: "\(prefix)ring \(i) is not closed: first \(text(first)) last \(text(last))")
            }
        }
    }

    static func text(_ p: Position) -> String {
        "[\(p.x), \(p.y)]"
    }
}
