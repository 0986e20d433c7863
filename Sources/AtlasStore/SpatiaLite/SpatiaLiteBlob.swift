import AtlasModel

/// SpatiaLite's internal BLOB-Geometry format (little-endian), written and read directly so bulk
/// imports and the coverage engine never go through WKT. Layout: 0x00, 0x01 (little endian),
/// SRID int32, MBR (4 × float64), 0x7C, class int32, data, 0xFE; collection members start 0x69.
public enum SpatiaLiteBlob {
    public enum DecodeError: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self {
            case .malformed(let why): "bad SpatiaLite geometry: \(why)"
            }
        }
    }

    public static func encode(_ geometry: Geometry, srid: Int32) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(60 + geometry.vertexCount * 16)
        let box = geometry.boundingBox
        out.append(0x00)
        out.append(0x01)
        appendInt32(srid, to: &out)
        for v in [box.minX, box.minY, box.maxX, box.maxY] { appendDouble(v, to: &out) }
        out.append(0x7C)
        appendBody(geometry, to: &out)
        out.append(0xFE)
        return out
    }

    private static func classCode(_ g: Geometry) -> Int32 {
        switch g {
        case .point: 1
        case .lineString: 2
        case .polygon: 3
        case .multiPoint: 4
        case .multiLineString: 5
        case .multiPolygon: 6
        }
    }

    private static func appendBody(_ g: Geometry, to out: inout [UInt8]) {
        appendInt32(classCode(g), to: &out)
        switch g {
        case .point(let p): appendPosition(p, to: &out)
        case .lineString(let line): appendLine(line, to: &out)
        case .polygon(let rings): appendRings(rings, to: &out)
        case .multiPoint(let points):
            appendInt32(Int32(points.count), to: &out)
            for p in points {
                out.append(0x69)
                appendInt32(1, to: &out)
                appendPosition(p, to: &out)
            }
        case .multiLineString(let lines):
            appendInt32(Int32(lines.count), to: &out)
            for line in lines {
                out.append(0x69)
                appendInt32(2, to: &out)
                appendLine(line, to: &out)
            }
        case .multiPolygon(let polygons):
            appendInt32(Int32(polygons.count), to: &out)
            for rings in polygons {
                out.append(0x69)
                appendInt32(3, to: &out)
                appendRings(rings, to: &out)
            }
        }
    }

    private static func appendLine(_ line: [Position], to out: inout [UInt8]) {
        appendInt32(Int32(line.count), to: &out)
        for p in line { appendPosition(p, to: &out) }
    }

    private static func appendRings(_ rings: [[Position]], to out: inout [UInt8]) {
        appendInt32(Int32(rings.count), to: &out)
        for ring in rings { appendLine(ring, to: &out) }
    }

    @inline(__always) private static func appendPosition(_ p: Position, to out: inout [UInt8]) {
        appendDouble(p.x, to: &out)
        appendDouble(p.y, to: &out)
    }

    @inline(__always) private static func appendInt32(_ v: Int32, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }

    @inline(__always) private static func appendDouble(_ v: Double, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    // MARK: Decoding

    public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> (geometry: Geometry, srid: Int32) {
        var reader = Reader(bytes: bytes)
        guard bytes.count >= 44, bytes[0] == 0x00, bytes[1] == 0x01, bytes[38] == 0x7C else {
            throw DecodeError.malformed("header")
        }
        reader.offset = 2
        let srid = try reader.int32()
        reader.offset = 39
        let geometry = try reader.geometry()
        return (geometry, srid)
    }

    public static func decode(_ bytes: [UInt8]) throws -> (geometry: Geometry, srid: Int32) {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func int32() throws -> Int32 {
            guard offset + 4 <= bytes.count else { throw DecodeError.malformed("truncated") }
            let v = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            offset += 4
            return Int32(littleEndian: v)
        }

        mutating func count() throws -> Int {
            let n = Int(try int32())
            guard n >= 0, n <= (bytes.count - offset) else { throw DecodeError.malformed("bad count \(n)") }
            return n
        }

        mutating func position() throws -> Position {
            guard offset + 16 <= bytes.count else { throw DecodeError.malformed("truncated") }
            let x = Double(
                bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            let y = Double(
                bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            offset += 16
            return Position(x: x, y: y)
        }

        mutating func line() throws -> [Position] {
            let n = try count()
            var line: [Position] = []
            line.reserveCapacity(n)
            for _ in 0..<n { line.append(try position()) }
            return line
        }

        mutating func rings() throws -> [[Position]] {
            let n = try count()
            return try (0..<n).map { _ in try line() }
        }

        mutating func member(_ expected: Int32) throws {
            guard offset < bytes.count, bytes[offset] == 0x69 else { throw DecodeError.malformed("entity marker") }
            offset += 1
            guard try int32() == expected else { throw DecodeError.malformed("mixed collection") }
        }

        mutating func geometry() throws -> Geometry {
            switch try int32() {
            case 1: return .point(try position())
            case 2: return .lineString(try line())
            case 3: return .polygon(try rings())
            case 4:
                let n = try count()
                return .multiPoint(
                    try (0..<n).map { _ in
                        try member(1); return try position()
                    })
            case 5:
                let n = try count()
                return .multiLineString(
                    try (0..<n).map { _ in
                        try member(2); return try line()
                    })
            case 6:
                let n = try count()
                return .multiPolygon(
                    try (0..<n).map { _ in
                        try member(3); return try rings()
                    })
            case let other:
                throw DecodeError.malformed("unsupported geometry class \(other)")
            }
        }
    }
}
