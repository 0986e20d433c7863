import AtlasModel

/// A bounding box in rounded coordinate units.
struct UnitBox {
    var minX = Int64.max, minY = Int64.max, maxX = Int64.min, maxY = Int64.min

    var isEmpty: Bool { minX > maxX }

    mutating func extend(x: Int64, y: Int64) {
        minX = min(minX, x)
        minY = min(minY, y)
        maxX = max(maxX, x)
        maxY = max(maxY, y)
    }

    mutating func extend(_ other: UnitBox) {
        guard !other.isEmpty else { return }
        extend(x: other.minX, y: other.minY)
        extend(x: other.maxX, y: other.maxY)
    }
}

extension GeoJSONWriter {
    /// A position rounded to the output precision, in units of 10^-precision.
    @inline(__always)
    func units(_ p: Position) throws -> (x: Int64, y: Int64) {
        guard let x = formatter.units(p.x), let y = formatter.units(p.y) else {
            guard p.x.isFinite && p.y.isFinite else {
                throw GeoJSONWriteError.nonFiniteCoordinate(featureID: currentID)
            }
            let value = p.x.magnitude >= formatter.limit ? p.x : p.y
            throw GeoJSONWriteError.coordinateOutOfRange(value, featureID: currentID)
        }
        return (x, y)
    }

    func unitBox(of geometry: Geometry) throws -> UnitBox {
        var box = UnitBox()
        func add(_ line: [Position]) throws {
            for p in line {
                let u = try units(p)
                box.extend(x: u.x, y: u.y)
            }
        }
        switch geometry {
        case .point(let p): try add([p])
        case .lineString(let line), .multiPoint(let line): try add(line)
        case .polygon(let rings), .multiLineString(let rings): for r in rings { try add(r) }
        case .multiPolygon(let polygons): for rings in polygons { for r in rings { try add(r) } }
        }
        return box
    }

    mutating func appendBox(_ box: UnitBox) {
        out.append(UInt8(ascii: "["))
        formatter.append(units: box.minX, to: &out)
        out.append(UInt8(ascii: ","))
        formatter.append(units: box.minY, to: &out)
        out.append(UInt8(ascii: ","))
        formatter.append(units: box.maxX, to: &out)
        out.append(UInt8(ascii: ","))
        formatter.append(units: box.maxY, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// Appends a geometry object (RFC 7946 §3.1).
    mutating func appendGeometry(_ geometry: Geometry) throws {
        append(#"{"type":""#)
        out.append(contentsOf: geometry.typeName.utf8)
        append(#"","coordinates":"#)
        switch geometry {
        case .point(let p):
            appendUnits(try units(p))
        case .lineString(let line):
            try appendLine(line)
        case .multiPoint(let points):
            // Separate points: two that round alike are still two.
            out.append(UInt8(ascii: "["))
            for (i, p) in points.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendUnits(try units(p))
            }
            out.append(UInt8(ascii: "]"))
        case .multiLineString(let lines):
            out.append(UInt8(ascii: "["))
            for (i, line) in lines.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try appendLine(line)
            }
            out.append(UInt8(ascii: "]"))
        case .polygon(let rings):
            try appendPolygon(rings)
        case .multiPolygon(let polygons):
            out.append(UInt8(ascii: "["))
            for (i, rings) in polygons.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try appendPolygon(rings)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    @inline(__always)
    mutating func appendUnits(_ u: (x: Int64, y: Int64)) {
        out.append(UInt8(ascii: "["))
        formatter.append(units: u.x, to: &out)
        out.append(UInt8(ascii: ","))
        formatter.append(units: u.y, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// Appends a line's positions, leaving out one that rounds to the position before it: a
    /// repeated vertex is a zero-length segment that validators flag and that draws nothing.
    mutating func appendLine(_ line: [Position]) throws {
        ringUnits.removeAll(keepingCapacity: true)
        for p in line { ringUnits.append(try units(p)) }
        appendPositions(ringUnits.withoutRepeats(keepingAtLeast: 2))
    }

    private mutating func appendPositions(_ positions: [(x: Int64, y: Int64)]) {
        out.append(UInt8(ascii: "["))
        for k in positions.indices {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            appendUnits(positions[k])
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Appends a polygon's rings, closed, the exterior counter-clockwise and holes clockwise.
    mutating func appendPolygon(_ rings: [[Position]]) throws {
        out.append(UInt8(ascii: "["))
        for (i, ring) in rings.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            ringUnits.removeAll(keepingCapacity: true)
            for p in ring { ringUnits.append(try units(p)) }
            if let first = ringUnits.first, let last = ringUnits.last, first != last {
                ringUnits.append(first)
            }
            let area = RingOrientation.signedArea(ringUnits)
            if (i == 0 && area < 0) || (i > 0 && area > 0) {
                ringUnits.reverse()
            }
            appendPositions(ringUnits.withoutRepeats(keepingAtLeast: 4))
        }
        out.append(UInt8(ascii: "]"))
    }
}

extension Array where Element == (x: Int64, y: Int64) {
    /// The positions without one equal to the position before it; unchanged when that would
    /// leave fewer than `minimum` (a line or ring too small to round, better repeated than invalid).
    func withoutRepeats(keepingAtLeast minimum: Int) -> [(x: Int64, y: Int64)] {
        var kept: [(x: Int64, y: Int64)] = []
        kept.reserveCapacity(count)
        for p in self where kept.last.map({ $0 != p }) ?? true { kept.append(p) }
        return kept.count >= minimum ? kept : self
    }
}
