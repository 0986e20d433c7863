import AtlasModel

/// Geometry as little-endian ISO WKB, which OGR reads in one call instead of one per vertex.
enum WKB {
    static func encode(_ geometry: Geometry) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(21 + geometry.vertexCount * 16)
        write(geometry, into: &out)
        return out
    }

    private static func write(_ geometry: Geometry, into out: inout [UInt8]) {
        switch geometry {
        case .point(let p):
            header(1, &out)
            position(p, &out)
        case .lineString(let line):
            header(2, &out)
            positions(line, &out)
        case .polygon(let rings):
            header(3, &out)
            count(rings.count, &out)
            for ring in rings { positions(ring, &out) }
        case .multiPoint(let points):
            header(4, &out)
            count(points.count, &out)
            for p in points { write(.point(p), into: &out) }
        case .multiLineString(let lines):
            header(5, &out)
            count(lines.count, &out)
            for line in lines { write(.lineString(line), into: &out) }
        case .multiPolygon(let polygons):
            header(6, &out)
            count(polygons.count, &out)
            for polygon in polygons { write(.polygon(polygon), into: &out) }
        }
    }

    private static func header(_ type: UInt32, _ out: inout [UInt8]) {
        out.append(1)  // little endian
        word(type, &out)
    }

    private static func count(_ n: Int, _ out: inout [UInt8]) { word(UInt32(n), &out) }

    private static func word(_ value: UInt32, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    private static func positions(_ list: [Position], _ out: inout [UInt8]) {
        count(list.count, &out)
        for p in list { position(p, &out) }
    }

    private static func position(_ p: Position, _ out: inout [UInt8]) {
        withUnsafeBytes(of: p.x.bitPattern.littleEndian) { out += $0 }
        withUnsafeBytes(of: p.y.bitPattern.littleEndian) { out += $0 }
    }
}
