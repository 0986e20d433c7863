import AtlasModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads GeoJSON straight from the byte scanner: features one at a time, properties as
/// ``JSONObject``, coordinates straight into `Position` arrays (no intermediate JSON tree).
struct GeoJSONFeatureParser {
    var scanner: JSONScanner
    let options: GeoJSONReadOptions
    /// State of the geometry being read.
    var vertexCount = 0
    var coordinateProblem: String?
    var coordinatePath: [Int] = []
    /// Positions, lines and polygons being read, innermost last (each finished array is copied
    /// out at its exact size).
    var positionStack: [Position] = []
    var lineStack: [[Position]] = []
    var polygonStack: [[[Position]]] = []
    /// Incremental line counting for ``GeoJSONFeature/line``.
    private var lineCountedTo = 0
    private var lineAtCounted = 1

    init(bytes: UnsafeBufferPointer<UInt8>, options: GeoJSONReadOptions) {
        scanner = JSONScanner(bytes, maxDepth: options.maxDepth)
        self.options = options
        coordinatePath.reserveCapacity(8)
    }

    /// The parts of a Feature object, gathered member by member (members come in any order).
    struct FeatureParts {
        var type: JSONValue?
        var id: String?
        var idError: String?
        var properties = JSONObject()
        var propertiesError: String?
        var geometry: Geometry?
        var geometryError: String?

        func feature(index: Int, line: Int) -> GeoJSONFeature {
            var problems: [String] = []
            switch type {
            case .string("Feature"): break
            case nil: problems.append("feature has no \"type\" member")
            case .some(let other): problems.append("feature type is \(other.jsonText), expected \"Feature\"")
            }
            if let idError { problems.append(idError) }
            if let propertiesError { problems.append(propertiesError) }
            return GeoJSONFeature(
                index: index, line: line, id: id, properties: properties, geometry: geometry,
                geometryError: geometryError, featureError: problems.isEmpty ? nil : problems.joined(separator: "; "))
        }
    }

    func documentError(_ reason: String, at position: Int) -> GeoJSONReadError {
        let (line, column) = scanner.location(of: position)
        return .notGeoJSON(reason: reason, line: line, column: column)
    }

    /// The 1-based line of `position`; positions must not decrease between calls.
    mutating func line(at position: Int) -> Int {
        var line = lineAtCounted
        var i = lineCountedTo
        let bytes = scanner.bytes
        // memchr is vectorised; features are usually one or a few lines long.
        while i < position, let base = bytes.baseAddress,
            let hit = memchr(base + i, 0x0A, position - i)
        {
            line += 1
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        lineCountedTo = position
        lineAtCounted = line
        return line
    }

    // MARK: Features

    /// Reads one element of a `features` array (or one text of a sequence).
    mutating func parseFeature(index: Int) throws -> GeoJSONFeature {
        scanner.skipWhitespace()
        let line = line(at: scanner.offset)
        guard scanner.peek() == UInt8(ascii: "{") else {
            let value = try scanner.parseValue()
            return GeoJSONFeature(index: index, line: line, featureError: "feature is \(value.kindName), not an object")
        }
        var cursor = try scanner.beginObject()
        var parts = FeatureParts()
        while let key = try scanner.nextKey(&cursor) {
            if try !parseFeatureMember(key, into: &parts) {
                try scanner.skipValue()  // bbox and foreign members of the feature
            }
        }
        scanner.endObject(cursor)
        return parts.feature(index: index, line: line)
    }

    /// Reads the value of a Feature member if `key` is one (`type`, `id`, `properties`,
    /// `geometry`); returns false, having read nothing, for any other key.
    mutating func parseFeatureMember(_ key: String, into parts: inout FeatureParts) throws -> Bool {
        switch key {
        case "type":
            parts.type = try scanner.parseValue()
        case "id":
            switch try scanner.parseValue() {
            case .string(let s): parts.id = s
            case .integer(let i): parts.id = String(i)
            case .double(let d): parts.id = JSONValue.double(d).jsonText
            case .null: parts.id = nil
            case let other: parts.idError = "id must be a string or a number, found \(other.kindName)"
            }
        case "properties":
            switch try scanner.parseValue() {
            case .object(let object): parts.properties = object
            case .null: parts.properties = JSONObject()
            case let other: parts.propertiesError = "properties must be an object or null, found \(other.kindName)"
            }
        case "geometry":
            (parts.geometry, parts.geometryError) = try parseGeometry()
        default:
            return false
        }
        return true
    }

    // MARK: Geometry

    /// Reads a `geometry` value: `null`, or a geometry object (RFC 7946 §3.1).
    mutating func parseGeometry() throws -> (Geometry?, String?) {
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "{") else {
            let value = try scanner.parseValue()
            return value.isNull ? (nil, nil) : (nil, "geometry must be an object or null, found \(value.kindName)")
        }
        var cursor = try scanner.beginObject()
        var typeValue: JSONValue?
        var coordinates: GeometryBuilder.Coordinates?
        var sawCoordinates = false
        vertexCount = 0
        coordinateProblem = nil
        coordinatePath.removeAll(keepingCapacity: true)
        while let key = try scanner.nextKey(&cursor) {
            switch key {
            case "type":
                typeValue = try scanner.parseValue()
            case "coordinates":
                sawCoordinates = true
                coordinates = try parseCoordinates()
            default:
                try scanner.skipValue()  // bbox, geometries of a GeometryCollection, foreign members
            }
        }
        scanner.endObject(cursor)
        guard let typeValue else { return (nil, "geometry has no \"type\" member") }
        guard case .string(let type) = typeValue else {
            return (nil, "geometry type must be a string, found \(typeValue.kindName)")
        }
        if type == "GeometryCollection" {
            return (nil, "GeometryCollection is not supported; put each of its geometries in a feature of its own")
        }
        guard GeometryBuilder.typeNames.contains(type) else {
            let known = GeometryBuilder.typeNames.joined(separator: ", ")
            return (nil, "unknown geometry type \"\(type)\" (expected one of \(known))")
        }
        guard sawCoordinates else { return (nil, "\(type) has no \"coordinates\" member") }
        if let coordinateProblem { return (nil, coordinateProblem) }
        guard let coordinates else { return (nil, "\(type) coordinates are invalid") }
        switch GeometryBuilder.makeGeometry(type: type, coordinates: coordinates) {
        case .success(let geometry): return (geometry, nil)
        case .failure(let problem): return (nil, problem.message)
        }
    }
}
