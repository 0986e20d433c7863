import AtlasGeoJSON
import AtlasTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// Bad requests get a 4xx RFC 9457 problem with a clear message, never a 500, and never SQL or paths.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct ProblemTests {
    @Test func problemShapeIsLocked() async throws {
        try await TestWorld.make().test { client in
            let response = try await client.get("/ogc/collections/works/items?bbox=1,2,3")
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            let reason = "expected 4 numbers: minLon,minLat,maxLon,maxLat (WGS84), got 3 value(s)"
            #expect(
                response.text
                    == #"{"type":"urn:worksatlas:problem:invalid-parameter","title":"Invalid query parameter","status":400,"detail":"bbox: \#(reason)","errors":[{"location":"query","field":"bbox","value":"1,2,3","reason":"\#(reason)"}]}"#
                    + "\n")
        }
    }

    static let badQueries: [(String, HTTPResponse.Status, String)] = [
        ("/ogc/collections/works/items?bbox=1,2,3", .badRequest, "bbox"),
        ("/ogc/collections/works/items?bbox=a,b,c,d", .badRequest, "bbox"),
        ("/ogc/collections/works/items?bbox=106.3,21,106.1,21.2", .badRequest, "bbox"),
        ("/ogc/collections/works/items?bbox=1e400,0,1,1", .badRequest, "bbox"),
        ("/ogc/collections/works/items?bbox=0x1,21,106,22", .badRequest, "bbox"),
        ("/ogc/collections/works/items?bbox=nan,21,106,22", .badRequest, "bbox"),
        ("/ogc/collections/works/items?bbox=1_0,21,106,22", .badRequest, "bbox"),
        ("/ogc/collections/works/items?bbox=0,195,1,196", .badRequest, "bbox"),
        ("/ogc/collections/works/items?bbox=0,21,1,20", .badRequest, "bbox"),
        ("/ogc/collections/works/items?limit=-1", .badRequest, "limit"),
        ("/ogc/collections/works/items?limit=0", .badRequest, "limit"),
        ("/ogc/collections/works/items?limit=abc", .badRequest, "limit"),
        ("/ogc/collections/works/items?limit=", .badRequest, "limit"),
        ("/ogc/collections/works/items?offset=-5", .badRequest, "offset"),
        ("/ogc/collections/works/items?offset=1.5", .badRequest, "offset"),
        ("/ogc/collections/works/items?colour=red", .badRequest, "colour"),
        ("/ogc/collections/works/items?limit=1&limit=2", .badRequest, "limit"),
        ("/ogc/collections/works/items?datetime=yesterday", .badRequest, "datetime"),
        ("/ogc/collections/works/items?datetime=2019-02-30", .badRequest, "datetime"),
        ("/ogc/collections/works/items?datetime=2019-01-01T25:00:00Z", .badRequest, "datetime"),
        ("/ogc/collections/works/items?datetime=2019-01-01T10:61:00Z", .badRequest, "datetime"),
        ("/ogc/collections/works/items?datetime=2019-01-01T10:00:61Z", .badRequest, "datetime"),
        ("/ogc/collections/works/items?datetime=2019-01-01T10:00:00+24:00", .badRequest, "datetime"),
        ("/ogc/collections/works/items?datetime=2019-01-01/2018-01-01", .badRequest, "datetime"),
        ("/ogc/collections/works/items?datetime=../..", .badRequest, "datetime"),
        ("/ogc/collections/works/items?programme=999", .badRequest, "programme"),
        ("/ogc/collections/works/items?status=done", .badRequest, "status"),
        ("/ogc/collections/works/items?district=17a", .badRequest, "district"),
        ("/ogc/collections/works/items?district=1;DROP%20TABLE%20work", .badRequest, "district"),
        ("/ogc/collections/communes/items?year=abc", .badRequest, "year"),
        ("/ogc/collections/communes/items?year=1800", .badRequest, "year"),
        ("/ogc/collections/districts/items?datetime=2018-01-01", .badRequest, "datetime"),
        ("/ogc/collections/districts/items?year=2018", .badRequest, "year"),
        ("/ogc/collections/works/items/%ZZ", .badRequest, "featureId"),
        ("/ogc/collections/communes/items/0000x", .badRequest, "featureId"),
        ("/ogc?f=html", .badRequest, "f"),
        ("/ogc/conformance?x=1", .badRequest, "x"),
        ("/ogc/collections/roads/items", .notFound, ""),
        ("/ogc/collections/roads/items/1", .notFound, ""),
        ("/no/such/page", .notFound, ""),
    ]

    @Test(arguments: badQueries)
    func badQueriesAreProblems(uri: String, status: HTTPResponse.Status, field: String) async throws {
        try await TestWorld.make().test { client in
            let response = try await client.get(uri)
            #expect(response.status == status, "\(uri): \(response.text)")
            try Self.expectProblem(response, status: status)
            if !field.isEmpty {
                #expect(try response.json()["errors"]?[0]?["field"]?.stringValue == field, "\(uri)")
            }
        }
    }

    @Test func unsupportedMethodsAreProblems() async throws {
        try await TestWorld.make().test { client in
            for (method, uri) in [
                (HTTPRequest.Method.delete, "/ogc/collections"), (.post, "/ogc/collections/works/items"),
                (.delete, "/api/audit"), (.put, "/api/works/W-01"),
            ] {
                let response = try await client.execute(uri: uri, method: method)
                #expect((400..<500).contains(response.status.code), "\(method) \(uri): \(response.status)")
                try Self.expectProblem(response, status: response.status)
            }
        }
    }

    static let badBodies: [(String, String, HTTPResponse.Status)] = [
        ("empty", "", .badRequest),
        ("not JSON", "{", .badRequest),
        ("duplicate keys", #"{"type":"Feature","type":"Feature","properties":{},"geometry":null}"#, .badRequest),
        (
            "NaN",
            #"{"type":"Feature","properties":{"accuracy_m":NaN},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#,
            .badRequest
        ),
        (
            "infinite number",
            #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e400,21.05]}}"#, .badRequest
        ),
        ("too deep", String(repeating: "[", count: 200) + String(repeating: "]", count: 200), .badRequest),
        ("collection", #"{"type":"FeatureCollection","features":[]}"#, .badRequest),
        ("no geometry", #"{"type":"Feature","properties":{"id":"N-1"},"geometry":null}"#, .badRequest),
        (
            "bad geometry", #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[106.05]}}"#,
            .badRequest
        ),
    ]

    @Test(arguments: badBodies)
    func badBodiesAreProblems(name: String, body: String, status: HTTPResponse.Status) async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let response = try await client.send(.post, "/api/works", json: body, token: world.token("root"))
            #expect(response.status == status, "\(name): \(response.text)")
            try Self.expectProblem(response, status: status)
        }
    }

    @Test func largeBodiesAreRefusedWith413() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let name = String(repeating: "x", count: 1 << 20)
            let body =
                #"{"type":"Feature","properties":{"name":"\#(name)"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
            let response = try await client.send(.post, "/api/works", json: body, token: world.token("root"))
            #expect(response.status == .contentTooLarge)
            try Self.expectProblem(response, status: .contentTooLarge)
        }
    }

    /// The fixed problem shape, with nothing about the internals in it.
    static func expectProblem(
        _ response: TestResponse, status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let problem = try response.json()
        #expect(
            problem.objectValue?.keys == ["type", "title", "status", "detail", "errors"], sourceLocation: sourceLocation
        )
        #expect(problem["status"]?.integerValue == Int64(status.code), sourceLocation: sourceLocation)
        #expect(problem["detail"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
        for leak in ["SELECT", "sqlite", "SQLite error", "/tmp", "Swift/", ".swift"] {
            #expect(!response.text.contains(leak), "leaks \(leak): \(response.text)", sourceLocation: sourceLocation)
        }
    }
}

extension ProblemTests {
    @Test func otherMethodsOnKnownPathsAre405WithAllow() async throws {
        try await TestWorld.make().test { client in
            let trace = try await client.execute(uri: "/ogc/conformance", method: .trace)
            #expect(trace.status == .methodNotAllowed && trace.headers[.allow] == "GET, HEAD")
            try Self.expectProblem(trace, status: .methodNotAllowed)
            let get = try await client.execute(uri: "/api/works", method: .get)
            #expect(get.status == .methodNotAllowed && get.headers[.allow] == "POST")
            let head = try await client.execute(uri: "/ogc/collections", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
        }
    }

    @Test func everyRouteIsInTheOpenAPIDocument() throws {
        let paths = Set(OpenAPIDocument.make(serverURL: "/")["paths"]?.objectValue?.keys ?? [])
        let world = try TestWorld.make()
        defer { try? FileManager.default.removeItem(at: world.directory) }
        let router = buildRouter(database: world.database, options: world.options)
        let routes = Set(router.routes.map(\.path.description))
        #expect(routes.count >= 14, "\(routes.sorted())")
        for path in routes {
            let concrete = path.replacingOccurrences(of: "{collectionId}", with: "works").replacingOccurrences(
                of: "{id}", with: "{workId}")
            #expect(paths.contains(concrete), "\(concrete) is not documented")
        }
    }
}
