import AtlasImport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One bad file: which import reads it, its bytes (or a path that is not a file), and where the
/// refusal must point when that is known.
struct HostileInput {
    enum Kind {
        case worksCSV, worksGeoJSON, units, villages, statistics, classifications

        func run(_ importer: Importer, _ file: URL) throws -> ImportReport {
            switch self {
            case .worksCSV, .worksGeoJSON: try importer.importWorks(from: file)
            case .units: try importer.importUnits(from: file)
            case .villages: try importer.importVillages(from: file)
            case .statistics: try importer.importStatistics(from: file)
            case .classifications: try importer.importClassifications(from: file)
            }
        }

        var fileExtension: String {
            switch self {
            case .worksGeoJSON, .units: "geojson"
            default: "csv"
            }
        }
    }

    enum Content {
        case bytes([UInt8])
        case path(String)
        case fifo
    }

    let name: String
    let kind: Kind
    let content: Content
    var location: String? = nil

    init(_ name: String, _ kind: Kind, _ text: String, location: String? = nil) {
        self.init(name, kind, bytes: Array(text.utf8), location: location)
    }

    init(_ name: String, _ kind: Kind, bytes: [UInt8], location: String? = nil) {
        self.name = name
        self.kind = kind
        content = .bytes(bytes)
        self.location = location
    }

    init(_ name: String, _ kind: Kind, content: Content) {
        self.name = name
        self.kind = kind
        self.content = content
    }

    func write(in directory: URL) throws -> URL {
        switch content {
        case .path(let path): return URL(fileURLWithPath: path)
        case .fifo:
            let url = directory.appendingPathComponent("hostile-fifo-\(UUID().uuidString)")
            guard mkfifo(url.path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return url
        case .bytes(let bytes):
            let url = directory.appendingPathComponent("hostile.\(kind.fileExtension)")
            try Data(bytes).write(to: url)
            return url
        }
    }
}

/// The generator. The fixture world has province 20 (lon 106.0–106.2, lat 21.0–21.2), communes
/// 00001 and 00002, villages 00001001/00001002/00002001, and works W-1 (completed), W-2, W-3.
enum HostileInputs {
    static func all(in directory: URL) -> [HostileInput] {
        worksCSV() + worksCSVStructure() + worksGeoJSON() + geoJSONDocuments() + units() + villages()
            + statistics() + classifications() + notFiles(directory)
    }

    // MARK: Works as CSV

    static let worksColumns = [
        "id", "name", "programme", "category", "status", "approved_on", "completed_on", "planned_vnd",
        "disbursed_vnd", "lon", "lat",
    ]
    static let goodWork: [String: String] = [
        "id": "H-1", "name": "Nhà văn hoá thôn Nà Pàn", "programme": "135", "category": "culture",
        "status": "completed",
        "approved_on": "2017-01-09", "completed_on": "2017-06-01", "planned_vnd": "900000000", "disbursed_vnd": "0",
        "lon": "106.05", "lat": "21.05",
    ]

    /// Values each field must refuse (SQL-looking and formula text where the field has a vocabulary).
    static let badValues: [(field: String, values: [String])] = [
        (
            "id",
            [
                "", String(repeating: "x", count: 65), "a b", "a/b", "../etc/passwd", "-lead", "x'; DROP TABLE work;--",
                "=HYPERLINK(\"http://x\")", "W-1\u{00A0}",
            ]
        ),
        ("name", ["", "   "]),
        ("programme", ["999", "", "135'; DROP TABLE work; --", "=1+1", "1 3 5"]),
        ("category", ["bridge", "", "road' OR '1'='1", "@SUM(A1)"]),
        ("status", ["done", "", "completed;--", "+proposed"]),
        (
            "approved_on",
            [
                "2019-02-30", "2019-13-01", "2019-00-10", "20190101", "2019-1-1", "tomorrow", "2018-02-29",
                "9999-99-99", "-2019-01-01", "2019-01-01'--",
            ]
        ),
        ("completed_on", ["2016-01-01", "2017-02-30", "31/12/2017"]),
        (
            "planned_vnd",
            [
                "-1", "1.5", "1e9", "9223372036854775808", "1000000000000001", "1 000", "0x10", "=1+1", "NaN", "1,000",
                "+5", "١٢٣",
            ]
        ),
        ("disbursed_vnd", ["-0.5", "99999999999999999999", "Infinity"]),
        ("lon", ["NaN", "Infinity", "-inf", "1e400", "abc", "206", "0x6A", "106,05", "105.5", "-106.05"]),
        ("lat", ["NaN", "95", "-91", "1e400", "abc", "21.5", "nan(0x1)"]),
    ]

    static func csvLine(_ values: [String]) -> String {
        values.map { v in
            v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }.joined(separator: ",")
    }

    static func workRow(_ overrides: [String: String] = [:], id: String? = nil) -> String {
        var row = goodWork
        if let id { row["id"] = id }
        for (k, v) in overrides { row[k] = v }
        return csvLine(worksColumns.map { row[$0] ?? "" })
    }

    static func worksCSV() -> [HostileInput] {
        let header = csvLine(worksColumns) + "\n"
        var cases: [HostileInput] = []
        for (field, values) in badValues {
            for (i, value) in values.enumerated() {
                // Alone on line 2, and after two good rows on line 4
                cases.append(
                    .init(
                        "works.csv \(field)#\(i) line 2", .worksCSV, header + workRow([field: value]) + "\n",
                        location: "line 2"))
                let rows = [
                    workRow(id: "H-2"), workRow(id: "H-3"), workRow([field: value], id: field == "id" ? nil : "H-4"),
                ]
                cases.append(
                    .init(
                        "works.csv \(field)#\(i) line 4", .worksCSV, header + rows.joined(separator: "\n") + "\n",
                        location: "line 4"))
            }
        }
        cases.append(
            .init(
                "works.csv swapped lon/lat", .worksCSV, header + workRow(["lon": "21.05", "lat": "106.05"]) + "\n",
                location: "line 2"))
        cases.append(.init("works.csv only lon", .worksCSV, header + workRow(["lat": ""]) + "\n", location: "line 2"))
        cases.append(
            .init(
                "works.csv no location", .worksCSV, header + workRow(["lon": "", "lat": ""]) + "\n", location: "line 2")
        )
        cases.append(
            .init("works.csv duplicate id", .worksCSV, header + workRow() + "\n" + workRow() + "\n", location: "line 3")
        )
        cases.append(
            .init(
                "works.csv illegal transition", .worksCSV,
                header + workRow(["status": "proposed", "approved_on": "", "completed_on": ""], id: "W-1") + "\n",
                location: "line 2"))
        return cases
    }

    static func worksCSVStructure() -> [HostileInput] {
        let header = csvLine(worksColumns)
        let good = workRow()
        func bytes(_ parts: [[UInt8]]) -> [UInt8] { parts.flatMap { $0 } }
        let headerBytes = Array((header + "\n").utf8)
        let prefix = Array((header + "\n" + "H-9,Th").utf8)
        let suffix = Array(",135,culture,proposed,,,,,106.05,21.05\n".utf8)
        var cases: [HostileInput] = [
            .init(
                "works.csv truncated row", .worksCSV,
                header + "\n" + good.split(separator: ",").dropLast(2).joined(separator: ",") + "\n", location: "line 2"
            ),
            .init("works.csv extra field", .worksCSV, header + "\n" + good + ",extra\n", location: "line 2"),
            .init("works.csv unterminated quote", .worksCSV, header + "\n" + good + "\nH-5,\"Nhà văn hoá,135\n"),
            .init("works.csv header only", .worksCSV, header + "\n"),
            .init("works.csv empty", .worksCSV, ""),
            .init("works.csv only BOM", .worksCSV, bytes: [0xEF, 0xBB, 0xBF]),
            .init("works.csv whitespace", .worksCSV, "   \n\n  \n"),
            .init(
                "works.csv BOM CRLF bad row", .worksCSV,
                "\u{FEFF}" + header + "\r\n" + good + "\r\n" + workRow(["category": "bridge"], id: "H-7") + "\r\n",
                location: "line 3"),
            .init(
                "works.csv CR-only bad row", .worksCSV,
                header + "\r" + good + "\r" + workRow(["status": "done"], id: "H-7") + "\r", location: "line 3"),
            .init("works.csv duplicate column", .worksCSV, header + ",name\n" + good + ",x\n", location: nil),
            .init(
                "works.csv missing status column", .worksCSV,
                "id,name,programme,category,lon,lat\nH-1,Nhà,135,culture,106.05,21.05\n", location: "line 1"),
            .init(
                "works.csv no location columns", .worksCSV,
                "id,name,programme,category,status\nH-1,Nhà,135,culture,proposed\n"),
            // A ";" file is Excel's CSV in a Vietnamese locale and is read; one whose row is short is not.
            .init(
                "works.csv semicolons, a short row", .worksCSV,
                header.replacingOccurrences(of: ",", with: ";") + "\nH-1;Nhà\n", location: "line 2"),
            .init("works.csv formula header", .worksCSV, "=cmd|' /C calc'!A0\n1\n"),
            .init(
                "works.csv quote in unquoted field", .worksCSV,
                header + "\n" + workRow(["category": "cul\"ture"]) + "\n", location: "line 2"),
            .init(
                "works.csv utf16", .worksCSV,
                bytes: [0xFF, 0xFE] + Array(header.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
            .init("works.csv latin1", .worksCSV, bytes: bytes([prefix, [0xE1, 0x69], suffix])),
            .init("works.csv 0xFF", .worksCSV, bytes: bytes([prefix, [0xFF], suffix])),
            .init("works.csv overlong", .worksCSV, bytes: bytes([prefix, [0xC0, 0x80], suffix])),
            .init("works.csv surrogate", .worksCSV, bytes: bytes([prefix, [0xED, 0xA0, 0x80], suffix])),
            .init("works.csv truncated sequence", .worksCSV, bytes: bytes([prefix, [0xE1, 0xBB], suffix])),
            .init(
                "works.csv 5-byte sequence", .worksCSV, bytes: bytes([prefix, [0xF8, 0x88, 0x80, 0x80, 0x80], suffix])),
            .init("works.csv beyond U+10FFFF", .worksCSV, bytes: bytes([prefix, [0xF4, 0x90, 0x80, 0x80], suffix])),
            .init(
                "works.csv binary", .worksCSV,
                bytes: headerBytes + (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }),
        ]
        for (name, scalar) in [
            ("NUL", "\u{0}"), ("BEL", "\u{7}"), ("ESC", "\u{1B}"), ("DEL", "\u{7F}"), ("NEL", "\u{85}"),
            ("VT", "\u{B}"), ("FF", "\u{C}"),
        ] {
            cases.append(
                .init("works.csv \(name) in name", .worksCSV, header + "\n" + workRow(["name": "Th\(scalar)n"]) + "\n"))
            cases.append(
                .init("works.csv \(name) in id", .worksCSV, header + "\n" + workRow(["id": "H\(scalar)1"]) + "\n"))
        }
        return cases
    }

    // MARK: Works as GeoJSON

    static func feature(
        id: String = "\"G-1\"", properties: String? = nil,
        geometry: String = #"{"type":"Point","coordinates":[106.05,21.05]}"#
    ) -> String {
        let p = properties ?? #"{"name":"Giếng khoan","programme":"135","category":"water","status":"proposed"}"#
        return #"{"type":"Feature","id":\#(id),"properties":\#(p),"geometry":\#(geometry)}"#
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    static func worksGeoJSON() -> [HostileInput] {
        var cases: [HostileInput] = []
        func add(_ name: String, _ f: String) {
            cases.append(
                .init("works.geojson \(name) feature 0", .worksGeoJSON, collection([f]), location: "feature 0"))
            cases.append(
                .init(
                    "works.geojson \(name) feature 2", .worksGeoJSON,
                    collection([feature(id: "\"G-8\""), feature(id: "\"G-9\""), f]), location: "feature 2"))
        }
        // The CSV's bad values, as JSON strings
        for (field, values) in badValues where !["lon", "lat", "id"].contains(field) {
            for (i, value) in values.enumerated() {
                var props: [String: String] = [
                    "name": "Giếng khoan", "programme": "135", "category": "water", "status": "proposed",
                ]
                if field == "completed_on" { props["status"] = "completed"; props["approved_on"] = "2017-01-09" }
                props[field] = value
                let json =
                    "{"
                    + props.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\(jsonString($0.value))" }.joined(
                        separator: ",") + "}"
                add("\(field)#\(i)", feature(properties: json))
            }
        }
        let geometries: [(String, String)] = [
            ("NaN string", #"{"type":"Point","coordinates":["NaN",21.05]}"#),
            ("1e400", #"{"type":"Point","coordinates":[1e400,21.05]}"#),
            ("-1e400", #"{"type":"Point","coordinates":[106.05,-1e400]}"#),
            ("string coordinate", #"{"type":"Point","coordinates":["106.05",21.05]}"#),
            ("one coordinate", #"{"type":"Point","coordinates":[106.05]}"#),
            ("no coordinates", #"{"type":"Point","coordinates":[]}"#),
            ("missing coordinates", #"{"type":"Point"}"#),
            ("lon 206", #"{"type":"Point","coordinates":[206,21.05]}"#),
            ("swapped", #"{"type":"Point","coordinates":[21.05,106.05]}"#),
            ("outside province", #"{"type":"Point","coordinates":[105.5,21.05]}"#),
            ("third value text", #"{"type":"Point","coordinates":[106.05,21.05,"x"]}"#),
            ("null geometry", "null"),
            ("geometry string", #""POINT(106 21)""#),
            ("Circle", #"{"type":"Circle","coordinates":[106.05,21.05]}"#),
            (
                "GeometryCollection",
                #"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[106.05,21.05]}]}"#
            ),
            ("MultiPoint", #"{"type":"MultiPoint","coordinates":[[106.05,21.05]]}"#),
            (
                "MultiPolygon",
                #"{"type":"MultiPolygon","coordinates":[[[[106.02,21.02],[106.04,21.02],[106.04,21.04],[106.02,21.02]]]]}"#
            ),
            (
                "bowtie",
                #"{"type":"Polygon","coordinates":[[[106.02,21.02],[106.08,21.08],[106.08,21.02],[106.02,21.08],[106.02,21.02]]]}"#
            ),
            (
                "unclosed ring",
                #"{"type":"Polygon","coordinates":[[[106.02,21.02],[106.04,21.02],[106.04,21.04],[106.02,21.04]]]}"#
            ),
            ("3-position ring", #"{"type":"Polygon","coordinates":[[[106.02,21.02],[106.04,21.02],[106.02,21.02]]]}"#),
            (
                "hole outside shell",
                #"{"type":"Polygon","coordinates":[[[106.02,21.02],[106.04,21.02],[106.04,21.04],[106.02,21.04],[106.02,21.02]],[[106.05,21.05],[106.06,21.05],[106.06,21.06],[106.05,21.06],[106.05,21.05]]]}"#
            ),
            ("1-position line", #"{"type":"LineString","coordinates":[[106.05,21.05]]}"#),
            ("same-point line", #"{"type":"LineString","coordinates":[[106.05,21.05],[106.05,21.05]]}"#),
            (
                "huge line",
                #"{"type":"LineString","coordinates":["#
                    + (0...100_001).map { "[106.05,\(21.0 + Double($0) * 1e-6)]" }.joined(separator: ",") + "]}"
            ),
            (
                "deep coordinates",
                #"{"type":"Point","coordinates":"# + String(repeating: "[", count: 5000)
                    + String(repeating: "]", count: 5000) + "}"
            ),
        ]
        for (name, geometry) in geometries { add(name, feature(geometry: geometry)) }
        let others: [(String, String)] = [
            ("properties array", feature(properties: "[1,2]")),
            ("properties null", feature(properties: "null")),
            (
                "duplicate property",
                feature(
                    properties: #"{"name":"A","name":"B","programme":"135","category":"water","status":"proposed"}"#)
            ),
            (
                "duplicate feature key",
                #"{"type":"Feature","type":"Feature","id":"G-1","properties":{"name":"A","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
            ),
            (
                "escaped NUL name",
                feature(properties: #"{"name":"Th\u0000n","programme":"135","category":"water","status":"proposed"}"#)
            ),
            (
                "escaped BEL name",
                feature(properties: #"{"name":"Th\u0007n","programme":"135","category":"water","status":"proposed"}"#)
            ),
            (
                "lone surrogate",
                feature(properties: #"{"name":"\uD800","programme":"135","category":"water","status":"proposed"}"#)
            ),
            (
                "money float",
                feature(
                    properties:
                        #"{"name":"A","programme":"135","category":"water","status":"proposed","planned_vnd":1.5}"#)
            ),
            (
                "money bool",
                feature(
                    properties:
                        #"{"name":"A","programme":"135","category":"water","status":"proposed","planned_vnd":true}"#)
            ),
            (
                "money above ceiling",
                feature(
                    properties:
                        #"{"name":"A","programme":"135","category":"water","status":"proposed","planned_vnd":9223372036854775807}"#
                )
            ),
            (
                "money beyond Int64",
                feature(
                    properties:
                        #"{"name":"A","programme":"135","category":"water","status":"proposed","planned_vnd":92233720368547758070}"#
                )
            ),
            (
                "money sum overflow",
                feature(
                    properties:
                        #"{"name":"A","programme":"135","category":"water","status":"proposed","planned_central_vnd":9223372036854775000,"planned_province_vnd":9223372036854775000}"#
                )
            ),
            (
                "totals disagree",
                feature(
                    properties:
                        #"{"name":"A","programme":"135","category":"water","status":"proposed","planned_central_vnd":5,"planned_vnd":6}"#
                )
            ),
            (
                "name number array",
                feature(properties: #"{"name":["A"],"programme":"135","category":"water","status":"proposed"}"#)
            ),
            (
                "status object",
                feature(properties: #"{"name":"A","programme":"135","category":"water","status":{"x":1}}"#)
            ),
            (
                "deep properties",
                feature(
                    properties: #"{"name":"A","programme":"135","category":"water","status":"proposed","x":"#
                        + String(repeating: "{\"a\":", count: 200) + "1" + String(repeating: "}", count: 200) + "}")
            ),
            ("id object", feature(id: #"{"a":1}"#)),
            ("id negative number", feature(id: "-5")),
            ("id empty", feature(id: #""""#)),
            ("id slash", feature(id: #""a/b""#)),
            ("id huge integer", feature(id: "18446744073709551616")),
            ("id with SQL", feature(id: #""x'); DROP TABLE work;--""#)),
            (
                "illegal transition",
                feature(
                    id: #""W-1""#,
                    properties: #"{"name":"A","programme":"135","category":"health","status":"proposed"}"#)
            ),
            ("feature type wrong", #"{"type":"Feature2","id":"G-1","properties":{},"geometry":null}"#),
        ]
        for (name, f) in others { add(name, f) }
        return cases
    }

    static func jsonString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    static func geoJSONDocuments() -> [HostileInput] {
        let good = collection([feature(), feature(id: "\"G-2\"")])
        let bytes = Array(good.utf8)
        var cases: [HostileInput] = [10, 25, 50, 75, 90, 99].map { percent in
            .init(
                "works.geojson truncated at \(percent)%", .worksGeoJSON,
                bytes: Array(bytes.prefix(bytes.count * percent / 100)))
        }
        let texts: [(String, String)] = [
            ("empty", ""), ("whitespace", "  \n\t "), ("null", "null"), ("number", "42"),
            ("top-level array", "[" + feature() + "]"),
            ("trailing garbage", good + "}"), ("two documents", good + good), ("comments", "// c\n" + good),
            ("single quotes", good.replacingOccurrences(of: "\"", with: "'")),
            ("bare NaN", collection([feature(geometry: #"{"type":"Point","coordinates":[NaN,21.05]}"#)])),
            ("bare Infinity", collection([feature(geometry: #"{"type":"Point","coordinates":[Infinity,21.05]}"#)])),
            (
                "raw tab in string",
                collection([
                    feature(
                        properties:
                            "{\"name\":\"A\tB\",\"programme\":\"135\",\"category\":\"water\",\"status\":\"proposed\"}")
                ])
            ),
            (
                "raw newline in string",
                collection([
                    feature(
                        properties:
                            "{\"name\":\"A\nB\",\"programme\":\"135\",\"category\":\"water\",\"status\":\"proposed\"}")
                ])
            ),
            ("Topology", #"{"type":"Topology","objects":{}}"#),
            ("no features member", #"{"type":"FeatureCollection"}"#),
            ("features object", #"{"type":"FeatureCollection","features":{}}"#),
            (
                "foreign CRS",
                #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":["#
                    + feature() + "]}"
            ),
            ("deep document", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
            (
                "long string",
                collection([
                    feature(
                        properties: "{\"name\":\"" + String(repeating: "a", count: 2_000_000)
                            + "\",\"programme\":\"x\"}")
                ])
            ),
            (
                "SQL in members",
                #"{"type":"FeatureCollection","attribution":"'); DROP TABLE work;--","features":["#
                    + feature(geometry: "null") + "]}"
            ),
        ]
        for (name, text) in texts { cases.append(.init("works.geojson \(name)", .worksGeoJSON, text)) }
        cases.append(
            .init(
                "works.geojson invalid UTF-8", .worksGeoJSON,
                bytes: Array(collection([feature()]).utf8).map { $0 == UInt8(ascii: "G") ? 0xFF : $0 }))
        cases.append(
            .init(
                "works.geojson UTF-16", .worksGeoJSON,
                bytes: [0xFF, 0xFE] + good.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        cases.append(
            .init(
                "works.geojson raw NUL", .worksGeoJSON, bytes: Array(good.utf8).map { $0 == UInt8(ascii: "k") ? 0 : $0 }
            ))
        return cases
    }

    // MARK: Reference data

    static func unit(
        code: String = #""00004""#, kind: String = "commune", parent: String = #""178""#, name: String = "Xã Mới",
        geometry: String = #"{"type":"Polygon","coordinates":[[[106.0,21.0],[106.1,21.0],[106.1,21.1],[106.0,21.0]]]}"#
    ) -> String {
        #"{"type":"Feature","properties":{"code":\#(code),"name":"\#(name)","kind":"\#(kind)","parent_code":\#(parent)},"geometry":\#(geometry)}"#
    }

    static func units() -> [HostileInput] {
        let polygon = { (ring: String) in #"{"type":"Polygon","coordinates":[\#(ring)]}"# }
        let cases: [(String, String)] = [
            ("lon 206", unit(geometry: polygon("[[206.0,21.0],[206.1,21.0],[206.1,21.1],[206.0,21.0]]"))),
            ("swapped", unit(geometry: polygon("[[21.0,106.0],[21.0,106.1],[21.1,106.1],[21.0,106.0]]"))),
            ("outside Vietnam", unit(geometry: polygon("[[2.0,48.0],[2.1,48.0],[2.1,48.1],[2.0,48.0]]"))),
            ("numeric code", unit(code: "4")), ("4-digit commune", unit(code: #""0004""#)),
            ("6-digit district", unit(code: #""000178""#, kind: "district", parent: #""20""#)),
            ("letters in code", unit(code: #""0000A""#)), ("empty code", unit(code: #""""#)),
            ("kind village", unit(kind: "village")),
            ("kind xa", unit(kind: "xã")), ("missing parent", unit(parent: "null")),
            ("unknown parent", unit(parent: #""999""#)),
            // A commune under the province is a vintage without districts (2025); under a commune it is not.
            ("commune under a commune", unit(parent: #""00001""#)),
            ("province with parent", unit(code: #""21""#, kind: "province", parent: #""20""#)),
            (
                "bowtie",
                unit(geometry: polygon("[[106.02,21.02],[106.08,21.08],[106.08,21.02],[106.02,21.08],[106.02,21.02]]"))
            ),
            ("Point", unit(geometry: #"{"type":"Point","coordinates":[106.05,21.05]}"#)),
            ("LineString", unit(geometry: #"{"type":"LineString","coordinates":[[106.0,21.0],[106.1,21.1]]}"#)),
            ("null geometry", unit(geometry: "null")), ("empty name", unit(name: "")),
            ("SQL code", unit(code: #""00004'; DROP TABLE adminUnit;--""#)),
        ]
        var result = cases.map { HostileInput("units \($0.0)", .units, collection([$0.1]), location: "feature 0") }
        result.append(.init("units duplicate code", .units, collection([unit(), unit()]), location: "feature 1"))
        result.append(.init("units truncated", .units, String(collection([unit()]).dropLast(20))))
        result.append(
            .init(
                "units bare NaN", .units,
                collection([unit(geometry: polygon("[[NaN,21.0],[106.1,21.0],[106.1,21.1],[106.0,21.0]]"))])))
        return result
    }

    static func villages() -> [HostileInput] {
        let header = "code,commune_code,name,lon,lat,households\n"
        let rows: [(String, String)] = [
            ("truncated row", "00001003,00001,Thôn Mới"), ("extra field", "00001003,00001,Thôn Mới,106.05,21.05,80,x"),
            ("code not of commune", "00002003,00001,Thôn Mới,106.05,21.05,80"),
            ("code too short", "0000103,00001,Thôn Mới,106.05,21.05,80"),
            ("unknown commune", "99999003,99999,Thôn Mới,106.05,21.05,80"),
            ("lon without lat", "00001003,00001,Thôn Mới,106.05,,80"),
            ("households negative", "00001003,00001,Thôn Mới,106.05,21.05,-1"),
            ("households exponent", "00001003,00001,Thôn Mới,106.05,21.05,1e3"),
            ("households text", "00001003,00001,Thôn Mới,106.05,21.05,abc"),
            ("households huge", "00001003,00001,Thôn Mới,106.05,21.05,1000000"),
            ("NaN lon", "00001003,00001,Thôn Mới,NaN,21.05,80"),
            ("outside province", "00001003,00001,Thôn Mới,105.5,21.05,80"),
            ("swapped", "00001003,00001,Thôn Mới,21.05,106.05,80"),
            ("existing code twice", "00001003,00001,Thôn A,106.05,21.05,80\n00001003,00001,Thôn B,106.05,21.05,80"),
            ("empty name", "00001003,00001,,106.05,21.05,80"),
            ("formula households", "00001003,00001,Thôn Mới,106.05,21.05,=1+1"),
        ]
        var cases = rows.map {
            HostileInput(
                "villages \($0.0)", .villages, header + $0.1 + "\n", location: $0.1.contains("\n") ? "line 3" : "line 2"
            )
        }
        cases.append(.init("villages NUL", .villages, header + "00001003,00001,Th\u{0}n,106.05,21.05,80\n"))
        cases.append(.init("villages missing column", .villages, "code,name\n00001003,Thôn\n", location: "line 1"))
        return cases
    }

    static func statistics() -> [HostileInput] {
        let header = "year,code,households,poor_households,near_poor_households\n"
        let rows: [(String, String)] = [
            ("poor and near-poor exceed", "2019,00001,100,60,50"), ("poor exceed", "2019,00001,100,120,0"),
            ("negative", "2019,00001,-100,10,5"),
            ("year 1800", "1800,00001,100,10,5"), ("year fraction", "2018.5,00001,100,10,5"),
            ("unknown code", "2019,99999,100,10,5"),
            ("duplicate key", "2019,00001,100,10,5\n2019,00001,100,10,5"), ("1e400", "2019,00001,1e400,10,5"),
            ("truncated row", "2019,00001,100"),
            ("empty households", "2019,00001,,10,5"), ("formula", "2019,00001,=1+1,10,5"),
            ("SQL code", "2019,00001' OR '1'='1,100,10,5"),
            ("huge", "2019,00001,100000000000,10,5"),
        ]
        return rows.map {
            HostileInput(
                "statistics \($0.0)", .statistics, header + $0.1 + "\n",
                location: $0.1.contains("\n") ? "line 3" : "line 2")
        }
    }

    static func classifications() -> [HostileInput] {
        let header = "period,code,flag\n"
        let rows: [(String, String)] = [
            ("unknown flag", "2016-2020,00001,very_poor"), ("reversed period", "2020-2016,00001,border"),
            ("text period", "abc,00001,border"),
            ("unknown code", "2016-2020,99999,border"), ("truncated row", "2016-2020,00001"),
            ("extra field", "2016-2020,00001,border,x"),
            ("empty flag", "2016-2020,00001,"), ("SQL flag", "2016-2020,00001,border'; DROP TABLE classification;--"),
        ]
        return rows.map {
            HostileInput("classifications \($0.0)", .classifications, header + $0.1 + "\n", location: "line 2")
        }
    }

    // MARK: Paths that are not files

    static func notFiles(_ directory: URL) -> [HostileInput] {
        var cases: [HostileInput] = []
        for kind in [HostileInput.Kind.worksCSV, .worksGeoJSON, .units, .villages, .statistics, .classifications] {
            cases.append(.init("\(kind) /dev/zero", kind, content: .path("/dev/zero")))
            cases.append(.init("\(kind) /dev/null", kind, content: .path("/dev/null")))
            cases.append(.init("\(kind) folder", kind, content: .path(directory.path)))
            cases.append(
                .init(
                    "\(kind) missing", kind, content: .path(directory.appendingPathComponent("no-such-file.csv").path)))
        }
        cases.append(.init("works FIFO without writer", .worksGeoJSON, content: .fifo))
        cases.append(.init("units FIFO without writer", .units, content: .fifo))
        return cases
    }
}
