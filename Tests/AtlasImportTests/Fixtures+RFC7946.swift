import Foundation
import Testing

/// RFC 7946 checks written for the tests, independent of the project's writer and reader: the
/// text is parsed with Foundation's JSONSerialization (which refuses NaN and Infinity) and the
/// coordinate text is scanned for its decimals.
enum RFC7946Check {
    /// Every way `text` breaks SPEC §4; empty when it is a strict FeatureCollection.
    /// `idProperty` is the property the top-level id must equal (`code` or `id`).
    static func problems(in text: String, idProperty: String, maxDecimals: Int = 6) -> [String] {
        var problems: [String] = []
        for bad in ["NaN", "Infinity"] where text.contains(bad) { problems.append("text contains \(bad)") }
        problems += decimalProblems(in: text, maxDecimals: maxDecimals)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return problems + ["not a JSON object"]
        }
        if object["type"] as? String != "FeatureCollection" { problems.append("type is not FeatureCollection") }
        if object["crs"] != nil { problems.append("has a crs member") }
        guard let features = object["features"] as? [[String: Any]] else { return problems + ["no features array"] }
        var ids: [String] = []
        for (i, feature) in features.enumerated() {
            if feature["type"] as? String != "Feature" { problems.append("feature \(i): type is not Feature") }
            guard let id = feature["id"] as? String else {
                problems.append("feature \(i): top-level id is not a string")
                continue
            }
            ids.append(id)
            let properties = feature["properties"] as? [String: Any] ?? [:]
            if properties[idProperty] as? String != id {
                problems.append("feature \(id): properties.\(idProperty) differs from the id")
            }
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String
            else {
                problems.append("feature \(id): no geometry")
                continue
            }
            problems += geometryProblems(type: type, coordinates: geometry["coordinates"], id: id)
        }
        if ids != ids.sorted() { problems.append("features are not sorted by id: \(ids)") }
        return problems
    }

    static func featureCount(in text: String) -> Int {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return (object?["features"] as? [Any])?.count ?? -1
    }

    /// Signed area by the shoelace formula: positive for a counter-clockwise ring (x east, y north).
    static func shoelace(_ ring: [[Double]]) -> Double {
        var sum = 0.0
        for i in 0..<(ring.count - 1) { sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
        return sum / 2
    }

    private static func positions(_ value: Any?) -> [[Double]]? {
        guard let array = value as? [Any] else { return nil }
        var result: [[Double]] = []
        for element in array {
            guard let numbers = element as? [Any] else { return nil }
            let doubles = numbers.compactMap { ($0 as? NSNumber)?.doubleValue }
            guard doubles.count == numbers.count else { return nil }
            result.append(doubles)
        }
        return result
    }

    private static func geometryProblems(type: String, coordinates: Any?, id: String) -> [String] {
        var problems: [String] = []
        func checkPositions(_ ps: [[Double]]) {
            for p in ps where p.count != 2 || !p.allSatisfy(\.isFinite) || abs(p[0]) > 180 || abs(p[1]) > 90 {
                problems.append("feature \(id): bad position \(p)")
            }
        }
        func checkPolygon(_ value: Any?) {
            guard let rings = value as? [Any], !rings.isEmpty else {
                problems.append("feature \(id): polygon without rings")
                return
            }
            for (r, ringValue) in rings.enumerated() {
                guard let ring = positions(ringValue), ring.count >= 4 else {
                    problems.append("feature \(id): ring \(r) has fewer than 4 positions")
                    continue
                }
                checkPositions(ring)
                if ring.first != ring.last { problems.append("feature \(id): ring \(r) is not closed") }
                let area = shoelace(ring)
                if r == 0 && !(area > 0) { problems.append("feature \(id): exterior ring is not counter-clockwise") }
                if r > 0 && !(area < 0) { problems.append("feature \(id): hole \(r) is not clockwise") }
            }
        }
        switch type {
        case "Point":
            if let p = positions([coordinates as Any]) {
                checkPositions(p)
            } else {
                problems.append("feature \(id): bad Point")
            }
        case "LineString", "MultiPoint":
            if let ps = positions(coordinates) {
                checkPositions(ps)
            } else {
                problems.append("feature \(id): bad \(type)")
            }
        case "MultiLineString":
            for line in coordinates as? [Any] ?? [] {
                if let ps = positions(line) { checkPositions(ps) } else { problems.append("feature \(id): bad line") }
            }
        case "Polygon":
            checkPolygon(coordinates)
        case "MultiPolygon":
            for polygon in coordinates as? [Any] ?? [] { checkPolygon(polygon) }
        default:
            problems.append("feature \(id): unexpected geometry type \(type)")
        }
        return problems
    }

    /// Numbers inside every `"coordinates":` value with more than `maxDecimals` decimals or an exponent.
    private static func decimalProblems(in text: String, maxDecimals: Int) -> [String] {
        var problems: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\"coordinates\":") {
            let after = rest[start.upperBound...]
            let end = after.firstIndex(of: "}") ?? after.endIndex
            var token = ""
            for c in after[..<end] + "," {
                if c.isNumber || c == "." || c == "-" || c == "e" || c == "E" || c == "+" {
                    token.append(c)
                    continue
                }
                if !token.isEmpty {
                    let decimals =
                        token.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                    if decimals > maxDecimals || token.lowercased().contains("e") {
                        problems.append("coordinate \(token) has more than \(maxDecimals) decimals or an exponent")
                    }
                    token = ""
                }
            }
            rest = after[end...]
        }
        return problems
    }
}

/// Runs `ogrinfo -ro -so -al FILE` when GDAL is installed; nil when it is not.
func ogrinfoSummary(of path: String) throws -> (status: Int32, output: String)? {
    let tool = "/usr/bin/ogrinfo"
    guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
    return try runTool(tool, ["-ro", "-so", "-al", path])
}

/// Runs a command-line tool with its output captured in files (no pipe can fill up and block).
func runTool(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: out) }
    let handle = try FileHandle(forWritingTo: out)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self))
}
