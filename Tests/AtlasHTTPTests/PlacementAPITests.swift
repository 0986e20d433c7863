import AtlasGeoJSON
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// `POST /api/works/place` (where a geometry would lie, by the importer's rules, writing nothing),
/// `caller_may_edit` on a work read through the API, and the status steps served to the page.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct PlacementAPITests {
    static func body(_ geometry: String, srid: Int? = nil, declared: String? = nil) -> String {
        var members = [#""geometry": \#(geometry)"#]
        if let srid { members.append(#""srid": \#(srid)"#) }
        if let declared { members.append(#""commune_code": "\#(declared)""#) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    static let point = #"{"type": "Point", "coordinates": [106.05, 21.1]}"#

    @Test func aPointInTheProvinceIsPlacedInItsCommune() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let before = try await client.get("/ogc/collections/works/items").json()["numberMatched"]
            let response = try await client.send(
                .post, "/api/works/place", json: Self.body(Self.point, declared: "00002"), token: world.token("d178"))
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.contentType] == "application/geo+json")
            let feature = try response.json()
            #expect(feature["properties"]?["commune_code"] == "00001")
            #expect(feature["properties"]?["declared_commune_code"] == "00002")
            #expect(feature["properties"]?["commune_disagrees"] == true)
            #expect(feature["geometry"]?["coordinates"]?[0] == 106.05)
            // And nothing was written
            #expect(try await client.get("/ogc/collections/works/items").json()["numberMatched"] == before)
            let agreeing = try await client.send(
                .post, "/api/works/place", json: Self.body(Self.point, declared: "00001"), token: world.token("d178"))
            #expect(try agreeing.json()["properties"]?["commune_disagrees"] == false)
        }
    }

    @Test func aLineIsPlacedByItsLengthAndMeasured() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let line = #"{"type": "LineString", "coordinates": [[106.11, 21.1], [106.19, 21.1], [106.21, 21.1]]}"#
            let response = try await client.send(
                .post, "/api/works/place", json: Self.body(line), token: world.token("prov"))
            let properties = try response.json()["properties"]
            #expect(properties?["commune_code"] == "00002", "\(response.text)")
            let length = try #require(properties?["length_m"]?.doubleValue)
            #expect(length > 10_000 && length < 11_000)
        }
    }

    @Test func outsideTheProvinceOrSwappedIsA422OnTheGeometry() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            for (geometry, hint) in [
                (#"{"type": "Point", "coordinates": [107.5, 21.1]}"#, "outside the province boundary"),
                (#"{"type": "Point", "coordinates": [21.1, 106.05]}"#, "latitude and longitude look swapped"),
                (#"{"type": "LineString", "coordinates": [[106.05, 21.1], [106.05, 21.1]]}"#, "at least 2 distinct"),
            ] {
                let response = try await client.send(
                    .post, "/api/works/place", json: Self.body(geometry), token: world.token("d178"))
                #expect(response.status == .unprocessableContent, "\(geometry): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
                let error = try response.json()["errors"]?[0]
                #expect(error?["field"] == "geometry")
                #expect(error?["reason"]?.stringValue?.contains(hint) == true, "\(response.text)")
            }
        }
    }

    @Test func vn2000PositionsComeBackInWGS84() async throws {
        let world = try TestWorld.make()
        let projected = try CoordinateTransformer(from: 4326, to: 9215).transform(Position(x: 106.05, y: 21.1))
        try await world.test { client in
            let geometry = #"{"type": "Point", "coordinates": [\#(projected.x), \#(projected.y)]}"#
            let response = try await client.send(
                .post, "/api/works/place", json: Self.body(geometry, srid: 9215), token: world.token("d178"))
            let feature = try response.json()
            #expect(feature["properties"]?["commune_code"] == "00001", "\(response.text)")
            let lon = try #require(feature["geometry"]?["coordinates"]?[0]?.doubleValue)
            let lat = try #require(feature["geometry"]?["coordinates"]?[1]?.doubleValue)
            #expect(abs(lon - 106.05) < 1e-7 && abs(lat - 21.1) < 1e-7)
            let unknown = try await client.send(
                .post, "/api/works/place", json: Self.body(Self.point, srid: 1234), token: world.token("d178"))
            #expect(unknown.status == .unprocessableContent)
            #expect(try unknown.json()["errors"]?[0]?["field"] == "srid")
        }
    }

    @Test func placingNeedsAnEditorAndASessionItsCSRFToken() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        try await world.test(options: options) { client in
            let anonymous = try await client.send(.post, "/api/works/place", json: Self.body(Self.point))
            #expect(anonymous.status == .unauthorized)
            let session = try await client.session("c00001", SignInTests.password)
            let forged = try await client.send(
                .post, "/api/works/place", json: Self.body(Self.point), cookie: session.id)
            #expect(forged.status == .forbidden)
            #expect(try forged.json()["type"]?.stringValue == "urn:worksatlas:problem:csrf")
            let signed = try await client.send(
                .post, "/api/works/place", json: Self.body(Self.point), cookie: session.id, csrf: session.csrf)
            #expect(signed.status == .ok, "\(signed.text)")
        }
    }

    @Test func aWorkSaysWhetherTheCallerMayEditIt() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            // W-04 lies in commune 00001, district 178
            for (user, may) in [("d178", true), ("prov", true), ("c00001", true), ("d179", false), ("c00003", false)] {
                let work = try await client.get("/api/works/W-04", token: world.token(user)).json()
                #expect(work["caller_may_edit"] == .bool(may), "\(user)")
            }
            #expect(try await client.get("/api/works/W-04").json()["caller_may_edit"] == false)
            // And its funding lines come as the fields an edit sends back
            let created = try await client.send(
                .post, "/api/works",
                json: WorksAPITests.newWork(
                    "N-9", extra: #","planned_province_vnd":5000000,"disbursed_province_vnd":2000000"#),
                token: world.token("d178"))
            #expect(created.status == .created, "\(created.text)")
            let funding = try await client.get("/api/works/N-9").json()["funding"]
            #expect(funding?["planned_province_vnd"] == 5_000_000 && funding?["disbursed_province_vnd"] == 2_000_000)
        }
    }

    @Test func thePageIsServedTheLegalStatusSteps() async throws {
        try await TestWorld.make().test { client in
            let text = try await client.get("/vocabulary.js").text
            let start = try #require(text.range(of: "window.WA.vocabulary = "))
            let json = try StrictJSONParser().parse(Array(text[start.upperBound...].dropLast(2).utf8))
            let status = json["status"]
            for from in WorkStatus.allCases {
                let served = status?["successors"]?[from.rawValue]?.arrayValue?.compactMap(\.stringValue)
                #expect(served == from.successors.map(\.rawValue), "\(from)")
            }
            let serving = status?["serving"]?.arrayValue?.compactMap(\.stringValue)
            #expect(serving == WorkStatus.allCases.filter(\.isServing).map(\.rawValue))
        }
    }
}
