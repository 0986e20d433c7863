import AtlasModel

extension GeoJSONFeatureParser {
    @inline(__always) private static func startsNumber(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b &- UInt8(ascii: "0") < 10
    }

    /// Records the first problem of the current geometry, prefixed with where it is
    /// (`coordinates[0][3][1]: …`).
    private mutating func recordProblem(_ message: String, element: Int? = nil) {
        guard coordinateProblem == nil else { return }
        var path = "coordinates"
        for i in coordinatePath { path += "[\(i)]" }
        if let element { path += "[\(element)]" }
        coordinateProblem = "\(path): \(message)"
    }

    /// Reads a `coordinates` value of any depth. Returns nil when it is unusable (the reason is in
    /// `coordinateProblem`); the JSON is still read to its end and checked.
    mutating func parseCoordinates() throws(JSONParseError) -> GeometryBuilder.Coordinates? {
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "[") else {
            let kind = try skipCoordinateValue()
            recordProblem("expected an array, found \(kind)")
            return nil
        }
        try scanner.beginArray()
        scanner.skipWhitespace()
        let first = scanner.peek()
        if first == UInt8(ascii: "]") {
            scanner.offset += 1
            scanner.depth -= 1
            return .empty
        }
        // An array of arrays is a list; anything else is read as a position (and a string or
        // null in it is reported as "expected a number").
        if first == UInt8(ascii: "[") {
            return try parseCoordinateList()
        }
        return try parsePositionElements()
    }

    /// Reads the numbers of a position, the `[` already consumed.
    private mutating func parsePositionElements() throws(JSONParseError) -> GeometryBuilder.Coordinates? {
        var count = 0
        var x = 0.0
        var y = 0.0
        while true {
            scanner.skipWhitespace()
            if Self.startsNumber(scanner.peek()) {
                let start = scanner.offset
                let number = try scanner.scanNumber()
                if !number.double.isFinite {
                    recordProblem("\(scanner.text(start..<scanner.offset)) is not a finite number", element: count)
                }
                if count == 0 { x = number.double } else if count == 1 { y = number.double }
            } else {
                let kind = try skipCoordinateValue()
                recordProblem("expected a number, found \(kind)", element: count)
            }
            count += 1
            scanner.skipWhitespace()
            let b = scanner.peek()
            if b == UInt8(ascii: ",") {
                scanner.offset += 1
            } else if b == UInt8(ascii: "]") {
                scanner.offset += 1
                scanner.depth -= 1
                break
            } else {
                throw scanner.expected("',' or ']'", at: scanner.offset)
            }
        }
        if count < 2 {
            recordProblem("a position needs at least 2 numbers (longitude, latitude), found \(count)")
        }
        vertexCount += 1
        if vertexCount > options.maxVerticesPerGeometry && coordinateProblem == nil {
            coordinateProblem = "geometry has more than \(options.maxVerticesPerGeometry) vertices (the limit)"
        }
        return coordinateProblem == nil ? .position(Position(x: x, y: y)) : nil
    }

    /// Reads an array of arrays (positions, rings, polygons…), the `[` already consumed and the
    /// first element known to be an array.
    private mutating func parseCoordinateList() throws(JSONParseError) -> GeometryBuilder.Coordinates? {
        enum Level { case undetermined, positions, lists, nestedLists }
        var level = Level.undetermined
        var emptyChildren = 0
        let positionBase = positionStack.count
        let lineBase = lineStack.count
        let polygonBase = polygonStack.count
        defer {
            positionStack.removeSubrange(positionBase...)
            lineStack.removeSubrange(lineBase...)
            polygonStack.removeSubrange(polygonBase...)
        }
        var isFirst = true
        var index = 0
        while try scanner.nextElement(&isFirst) {
            defer { index += 1 }
            if coordinateProblem != nil {
                _ = try skipCoordinateValue()
                continue
            }
            coordinatePath.append(index)
            let child = try parseCoordinates()
            coordinatePath.removeLast()
            guard let child else { continue }
            switch (child, level) {
            case (.empty, .undetermined):
                emptyChildren += 1
            case (.empty, .lists):
                lineStack.append([])
            case (.empty, .nestedLists):
                polygonStack.append([])
            case (.position(let p), .undetermined) where emptyChildren == 0, (.position(let p), .positions):
                level = .positions
                positionStack.append(p)
            case (.positions(let ps), .undetermined):
                level = .lists
                for _ in 0..<emptyChildren { lineStack.append([]) }
                lineStack.append(ps)
            case (.positions(let ps), .lists):
                lineStack.append(ps)
            case (.lists(let ls), .undetermined):
                level = .nestedLists
                for _ in 0..<emptyChildren { polygonStack.append([]) }
                polygonStack.append(ls)
            case (.lists(let ls), .nestedLists):
                polygonStack.append(ls)
            case (.nestedLists, _):
                recordProblem("nested too deeply for a geometry", element: index)
            default:
                recordProblem("mixes positions and arrays of different depths", element: index)
            }
        }
        guard coordinateProblem == nil else { return nil }
        switch level {
        case .undetermined: return .lists(Array(repeating: [], count: emptyChildren))
        case .positions: return .positions(Array(positionStack[positionBase...]))
        case .lists: return .lists(Array(lineStack[lineBase...]))
        case .nestedLists: return .nestedLists(Array(polygonStack[polygonBase...]))
        }
    }

    /// Skips a value inside `coordinates` (after a problem was found), returning what it was.
    /// Numbers here are only checked for syntax: an overflow was reported as the geometry's problem.
    private mutating func skipCoordinateValue() throws(JSONParseError) -> String {
        scanner.skipWhitespace()
        let b = scanner.peek()
        if b == UInt8(ascii: "[") {
            try scanner.beginArray()
            var isFirst = true
            while try scanner.nextElement(&isFirst) {
                _ = try skipCoordinateValue()
            }
            return "array"
        }
        if Self.startsNumber(b) {
            _ = try scanner.scanNumber()
            return "number"
        }
        return try scanner.parseValue().kindName
    }
}
