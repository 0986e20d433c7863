import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AtlasHTTP

/// The small province of `Tests/Fixtures/http-world/` imported: province 20 (lon 106.0–106.3,
/// lat 21.0–21.2), district 178 = communes 00001 (lon 106.0–106.1) and 00002 (106.1–106.2),
/// district 179 = commune 00003 (106.2–106.3), and one user per role. Built once as a template;
/// each test gets its own copy.
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
        _ = try importer.importUnits(from: FixtureData.url("units.geojson"))
        _ = try importer.importVillages(from: FixtureData.url("villages.csv"))
        _ = try importer.importStatistics(from: FixtureData.url("stats.csv"))
        _ = try importer.importClassifications(from: FixtureData.url("classifications.csv"))
        _ = try importer.importWorks(from: FixtureData.url("works.geojson"))
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

/// The files of `Tests/Fixtures/http-world/`: province 20 with districts 178 and 179, communes
/// 00001–00003, a village each, statistics 2017–2018, three classifications, and 22 works: five
/// named (W-01…W-05) and 17 culture points P-01…P-17 spread over the communes (odd ones completed).
enum FixtureData {
    static let folder = TestFixtures.folder("http-world")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

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
