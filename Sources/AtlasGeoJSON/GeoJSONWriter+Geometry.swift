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
        case .lineString(let line), .multiPoint(let line):
            try appendLine(line)
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

    mutating func appendLine(_ line: [Position]) throws {
        out.append(UInt8(ascii: "["))
        for (i, p) in line.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendUnits(try units(p))
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
            out.append(UInt8(ascii: "["))
            for k in ringUnits.indices {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                appendUnits(ringUnits[k])
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
    }
}
