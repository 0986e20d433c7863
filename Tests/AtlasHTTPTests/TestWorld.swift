import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AtlasHTTP

/// A small province written to files and imported: province 20 (lon 106.0–106.3, lat 21.0–21.2),
/// district 178 = communes 00001 (lon 106.0–106.1) and 00002 (106.1–106.2), district 179 =
/// commune 00003 (106.2–106.3); villages, statistics for 2017 and 2018, classifications,
/// 22 works and one user per role. Built once as a template; each test gets its own copy.
struct TestWorld: Sendable {
    let directory: URL
    let database: AppDatabase
    let tokens: [String: String]

    /// A fresh copy of the template database, with map and Leaflet folders.
    static func make() throws -> TestWorld {
        let template = try Template.shared.get()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("atlas.sqlite").path
        try FileManager.default.copyItem(atPath: template.path, toPath: path)
        try write("<!doctype html><title>WorksAtlas</title>\n", to: directory.appendingPathComponent("maps/index.html"))
        try write("console.log('atlas');\n", to: directory.appendingPathComponent("maps/app.js"))
        try write("/* leaflet */\n", to: directory.appendingPathComponent("leaflet/leaflet.js"))
        try write(".leaflet-container{}\n", to: directory.appendingPathComponent("leaflet/leaflet.css"))
        return TestWorld(directory: directory, database: try AppDatabase(path: path), tokens: template.tokens)
    }

    var options: ServerOptions {
        ServerOptions(
            mapsDirectory: directory.appendingPathComponent("maps").path,
            leafletDirectory: directory.appendingPathComponent("leaflet").path)
    }

    /// Runs `body` against the router (no socket), then removes the folder.
    func test(
        options: ServerOptions? = nil, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = Application(router: buildRouter(database: database, options: options ?? self.options))
        try await app.test(.router, body)
    }

    func token(_ user: String) -> String { tokens[user] ?? "" }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// The template database, built once per test run.
final class Template: Sendable {
    static let shared = Template()
    private let result: Result<(path: String, tokens: [String: String]), any Error>

    private init() {
        result = Result { try Self.build() }
    }

    func get() throws -> (path: String, tokens: [String: String]) { try result.get() }

    /// Users: name → (role, unit).
    static let users: [(String, UserRole, String?)] = [
        ("root", .admin, nil), ("prov", .provinceEditor, "20"), ("d178", .districtEditor, "178"),
        ("d179", .districtEditor, "179"), ("c00001", .communeEditor, "00001"), ("c00003", .communeEditor, "00003"),
        ("gone", .districtEditor, "178"),
    ]

    private static func build() throws -> (path: String, tokens: [String: String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "atlas-http-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("template.sqlite").path
        let database = try AppDatabase(path: path)
        let importer = Importer(database: database)
        func file(_ name: String, _ text: String) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try TestWorld.write(text, to: url)
            return url
        }
        _ = try importer.importUnits(from: try file("units.geojson", FixtureData.units))
        _ = try importer.importVillages(from: try file("villages.csv", FixtureData.villages))
        _ = try importer.importStatistics(from: try file("stats.csv", FixtureData.statistics))
        _ = try importer.importClassifications(from: try file("classifications.csv", FixtureData.classifications))
        _ = try importer.importWorks(from: try file("works.geojson", FixtureData.works))
        var tokens: [String: String] = [:]
        for (name, role, unit) in users {
            let (token, credential) = AccessToken.generate()
            try database.addUser(
                name: name, role: role, unitCode: unit, credential: credential, by: AuditActor(name: "test", role: nil))
            tokens[name] = token
        }
        try database.revokeUser(name: "gone", by: AuditActor(name: "test", role: nil))
        return (path, tokens)
    }
}

enum FixtureData {
    static func square(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> String {
        "[[[\(w),\(s)],[\(e),\(s)],[\(e),\(n)],[\(w),\(n)],[\(w),\(s)]]]"
    }

    static func unit(
        _ code: String, _ name: String, _ kind: String, _ parent: String, _ box: (Double, Double, Double, Double)
    ) -> String {
        #"{"type":"Feature","properties":{"code":"\#(code)","name":"\#(name)","kind":"\#(kind)","parent_code":"\#(parent)"},"geometry":{"type":"Polygon","coordinates":\#(square(box.0, box.1, box.2, box.3))}}"#
    }

    static let units = """
        {"type":"FeatureCollection","attribution":"Test boundaries","features":[
        \(unit("20", "Tỉnh Thử", "province", "", (106.0, 21.0, 106.3, 21.2))),
        \(unit("178", "Huyện Bình Gia", "district", "20", (106.0, 21.0, 106.2, 21.2))),
        \(unit("179", "Huyện Văn Quan", "district", "20", (106.2, 21.0, 106.3, 21.2))),
        \(unit("00001", "Xã Hồng Phong", "commune", "178", (106.0, 21.0, 106.1, 21.2))),
        \(unit("00002", "Thị trấn Bình Gia", "commune", "178", (106.1, 21.0, 106.2, 21.2))),
        \(unit("00003", "Xã Tân Đoàn", "commune", "179", (106.2, 21.0, 106.3, 21.2)))
        ]}
        """

    static let villages = """
        code,commune_code,name,lon,lat,households
        00001001,00001,Thôn Nà Pàn,106.05,21.06,120
        00002001,00002,Khối 1,106.15,21.05,200
        00003001,00003,Bản Khuổi,106.25,21.1,90

        """

    static let statistics = """
        year,code,households,poor_households,near_poor_households
        2017,00001,500,90,40
        2018,00001,520,78,45
        2017,00002,400,70,30
        2018,00002,410,61,30
        2017,00003,300,120,20
        2018,00003,310,100,25

        """

    static let classifications = """
        period,code,flag
        2016-2020,178,poor_30a
        2016-2020,00001,difficult_135
        2016-2020,00003,border

        """

    /// Five named works plus 17 generated points (P-01…P-17) spread over the three communes.
    static var works: String {
        var features = [
            #"{"type":"Feature","id":"W-01","properties":{"name":"Trạm y tế Hồng Phong","programme":"135","category":"health","status":"completed","approved_on":"2016-05-27","completed_on":"2017-03-15","planned_vnd":1500000000,"disbursed_vnd":1450000000},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#,
            #"{"type":"Feature","id":"W-02","properties":{"name":"Đường thôn Nà Pàn","programme":"30a","category":"road","status":"under_construction","surface":"concrete","approved_on":"2016-04-01","planned_central_vnd":800000000,"disbursed_central_vnd":400000000},"geometry":{"type":"LineString","coordinates":[[106.12,21.1],[106.18,21.1]]}}"#,
            #"{"type":"Feature","id":"W-03","properties":{"name":"Trường tiểu học Tân Đoàn","programme":"135","category":"school","status":"completed","completed_on":"2019-06-01"},"geometry":{"type":"Point","coordinates":[106.25,21.08]}}"#,
            #"{"type":"Feature","id":"W-04","properties":{"name":"Nước sinh hoạt","programme":"ntm","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.07,21.15]}}"#,
            #"{"type":"Feature","id":"W-05","properties":{"name":"Kênh mương","programme":"other","category":"irrigation","status":"approved","approved_on":"2018-01-10"},"geometry":{"type":"Polygon","coordinates":[[[106.22,21.12],[106.22,21.14],[106.24,21.14],[106.24,21.12],[106.22,21.12]]]}}"#,
        ]
        for i in 1...17 {
            let lon = 106.011 + Double(i - 1) * 0.017
            let lat = 21.03 + Double(i % 5) * 0.03
            let done = i % 2 == 1
            let status = done ? #""completed","completed_on":"2016-01-\#(String(format: "%02d", i))""# : #""proposed""#
            features.append(
                #"{"type":"Feature","id":"P-\#(String(format: "%02d", i))","properties":{"name":"Nhà văn hoá \#(i)","programme":"existing","category":"culture","status":\#(status)},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]}}"#
            )
        }
        return #"{"type":"FeatureCollection","attribution":"Test works","features":["# + "\n"
            + features.joined(separator: ",\n") + "\n]}\n"
    }

    static let allWorkIDs: [String] =
        (["W-01", "W-02", "W-03", "W-04", "W-05"] + (1...17).map { String(format: "P-%02d", $0) }).sorted()
}

// MARK: Request helpers

extension TestClientProtocol {
    /// GET `uri` (with a bearer token when given).
    func get(_ uri: String, token: String? = nil) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: Self.headers(token))
    }

    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String, token: String? = nil
    ) async throws -> TestResponse {
        var headers = Self.headers(token)
        headers[.contentType] = "application/json"
        return try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: json))
    }

    static func headers(_ token: String?) -> HTTPFields {
        guard let token else { return [:] }
        return [.authorization: "Bearer \(token)"]
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as strict JSON (fails the test when it is not JSON).
    func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        try StrictJSONParser().parse(text)
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? { objectValue?[key] }
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}
