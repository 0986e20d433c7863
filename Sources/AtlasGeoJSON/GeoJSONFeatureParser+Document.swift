extension GeoJSONFeatureParser {
    /// Reads a FeatureCollection or a lone Feature, handing each feature to `body` as soon as it
    /// is read. Top-level members may come in any order.
    mutating func parseDocument(_ body: (GeoJSONFeature) throws -> Void) throws -> GeoJSONReadSummary {
        scanner.skipWhitespace()
        let documentStart = scanner.offset
        guard scanner.peek() == UInt8(ascii: "{") else {
            let value = try scanner.parseValue()
            throw documentError(
                "the top-level value is \(value.kindName), expected a FeatureCollection or Feature object",
                at: documentStart)
        }
        let documentLine = line(at: documentStart)
        var cursor = try scanner.beginObject()
        var type: String?
        var sawFeatures = false
        var featureCount = 0
        var foreignKeys: [String] = []
        var foreignValues: [JSONValue] = []
        var parts = FeatureParts()
        var crsName: String?
        while let key = try scanner.nextKey(&cursor) {
            let valueStart = scanner.offset
            switch key {
            case "type":
                let value = try scanner.parseValue()
                guard case .string(let name) = value, name == "FeatureCollection" || name == "Feature" else {
                    throw documentError(
                        "type is \(value.jsonText), expected \"FeatureCollection\" or \"Feature\"", at: valueStart)
                }
                if name == "Feature" && sawFeatures {
                    throw documentError("a Feature must not have a \"features\" member", at: valueStart)
                }
                type = name
            case "features" where type != "Feature":
                guard scanner.peek() == UInt8(ascii: "[") else {
                    let value = try scanner.parseValue()
                    throw documentError("features must be an array, found \(value.kindName)", at: valueStart)
                }
                sawFeatures = true
                try scanner.beginArray()
                var isFirst = true
                while try scanner.nextElement(&isFirst) {
                    try body(try parseFeature(index: featureCount))
                    featureCount += 1
                }
            case "crs":
                let value = try scanner.parseValue()
                crsName = LegacyCRS.name(of: value)
                if let crsName, !options.acceptsAnyCRS && !LegacyCRS.isWGS84(crsName) {
                    let (line, column) = scanner.location(of: valueStart)
                    throw GeoJSONReadError.unsupportedCRS(name: crsName, line: line, column: column)
                }
            case "bbox":
                try scanner.skipValue()
            default:
                // Feature members are read as such unless this is known to be a collection.
                var isFeatureMember = false
                if type != "FeatureCollection" {
                    isFeatureMember = try parseFeatureMember(key, into: &parts)
                }
                if !isFeatureMember {
                    foreignKeys.append(key)
                    foreignValues.append(try scanner.parseValue())
                }
            }
        }
        scanner.endObject(cursor)
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.error(.trailingData, at: scanner.offset) }
        guard let type else { throw documentError("the top-level object has no \"type\" member", at: documentStart) }
        if type == "FeatureCollection" {
            guard sawFeatures else {
                throw documentError("the FeatureCollection has no \"features\" member", at: documentStart)
            }
        } else {
            parts.type = .string("Feature")
            try body(parts.feature(index: 0, line: documentLine))
            featureCount = 1
        }
        return GeoJSONReadSummary(
            isFeatureCollection: type == "FeatureCollection", featureCount: featureCount,
            foreignMembers: JSONObject(uncheckedKeys: foreignKeys, values: foreignValues), crsName: crsName)
    }

    /// Reads a GeoJSON text sequence (RFC 8142: each Feature preceded by RS, 0x1E, and ended by a
    /// line feed); newline-delimited features without RS are accepted too.
    mutating func parseSequence(_ body: (GeoJSONFeature) throws -> Void) throws -> Int {
        var count = 0
        while true {
            while !scanner.isAtEnd {
                let b = scanner.peek()
                guard b == 0x1E || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { break }
                scanner.offset += 1
            }
            if scanner.isAtEnd { return count }
            let feature = try parseFeature(index: count)
            let next = scanner.offset
            scanner.skipWhitespace()
            if !scanner.isAtEnd && scanner.peek() != 0x1E && scanner.offset == next {
                throw scanner.error(.trailingData, at: scanner.offset)
            }
            try body(feature)
            count += 1
        }
    }
}
