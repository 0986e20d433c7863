import AtlasGeoJSON
import AtlasStore
import AtlasTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// `/api/works`: the import's checks and messages, problem+json errors, nothing half-written.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct WorksAPITests {
    static func newWork(_ id: String, lon: Double = 106.03, lat: Double = 21.03, extra: String = "") -> String {
        #"{"type":"Feature","id":"\#(id)","properties":{"name":"Nhà văn hoá mới","programme":"135","category":"culture","status":"proposed"\#(extra)},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]}}"#
    }

    @Test func createAnswers201WithTheStoredFeature() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let before = try await client.get("/ogc/collections/communes/items/00001").json()
            #expect(before["properties"]?["works_culture"] == 6)
            let response = try await client.send(
                .post, "/api/works", json: Self.newWork("N-1"), token: world.token("d178"))
            #expect(response.status == .created, "\(response.text)")
            #expect(response.headers[.contentType] == "application/geo+json")
            #expect(response.headers[.location] == "/ogc/collections/works/items/N-1")
            let feature = try response.json()
            #expect(feature["id"] == "N-1" && feature["properties"]?["commune_code"] == "00001")
            #expect(feature["properties"]?["district_code"] == "178")
            // And the work is served at once, to everyone
            let read = try await client.get("/ogc/collections/works/items/N-1")
            #expect(read.status == .ok)
            #expect(try await client.get("/ogc/collections/works/items").json()["numberMatched"] == 23)
            // And the commune layer counts it (its cache was invalidated)
            let commune = try await client.get("/ogc/collections/communes/items/00001").json()
            #expect(commune["properties"]?["works_culture"] == 7)
        }
    }

    @Test func invalidWorksListEveryProblemAndWriteNothing() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let body =
                #"{"type":"Feature","properties":{"id":"N-2","programme":"999","category":"road","status":"proposed","surface":"marble","completed_on":"2018-02-30"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
            let response = try await client.send(.post, "/api/works", json: body, token: world.token("root"))
            #expect(response.status == .unprocessableContent)
            try ProblemTests.expectProblem(response, status: .unprocessableContent)
            let fields = Set(try response.json()["errors"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? [])
            #expect(fields.isSuperset(of: ["name", "programme", "surface", "completed_on"]), "\(fields)")
            // Outside the province: the location check of the import says where it fell
            let outside = try await client.send(
                .post, "/api/works", json: Self.newWork("N-3", lon: 105.5, lat: 21.05), token: world.token("root"))
            #expect(outside.status == .unprocessableContent)
            #expect(try outside.json()["errors"]?[0]?["field"] == "geometry")
            // Nothing was written
            #expect(try await client.get("/ogc/collections/works/items").json()["numberMatched"] == 22)
            #expect(try world.database.auditEntries().filter { $0.action.hasPrefix("work.") }.isEmpty)
        }
    }

    @Test func conflictsAndUnknownProperties() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let duplicate = try await client.send(
                .post, "/api/works", json: Self.newWork("W-01"), token: world.token("root"))
            #expect(duplicate.status == .conflict)
            try ProblemTests.expectProblem(duplicate, status: .conflict)
            let typo = try await client.send(
                .post, "/api/works", json: Self.newWork("N-4", extra: #","stauts":"approved""#),
                token: world.token("root"))
            #expect(typo.status == .unprocessableContent)
            #expect(try typo.json()["errors"]?[0]?["field"] == "stauts")
            let mismatch = try await client.send(
                .post, "/api/works", json: Self.newWork("N-5", extra: #","id":"N-6""#), token: world.token("root"))
            #expect(mismatch.status == .unprocessableContent)
        }
    }

    @Test func patchChangesOnlyWhatIsGiven() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            // W-02 is funded per source; a new name keeps the funding lines
            let response = try await client.send(
                .patch, "/api/works/W-02", json: #"{"properties":{"name":"Đường mới","surface":null}}"#,
                token: world.token("d178"))
            #expect(response.status == .ok, "\(response.text)")
            let stored = try #require(try world.database.work(id: "W-02"))
            #expect(stored.work.name == "Đường mới" && stored.work.surface == nil)
            #expect(stored.work.funding.map(\.source) == [.central])
            #expect(stored.work.plannedVND == 800_000_000 && stored.work.disbursedVND == 400_000_000)
            // A new geometry (still in commune 00002)
            let moved = try await client.send(
                .patch, "/api/works/W-02",
                json:
                    #"{"type":"Feature","geometry":{"type":"LineString","coordinates":[[106.12,21.05],[106.18,21.06]]}}"#,
                token: world.token("d178"))
            #expect(moved.status == .ok)
            #expect(try moved.json()["geometry"]?["coordinates"]?[1] == [106.18, 21.06])
        }
    }

    @Test func aFeatureReadBackCanBeSentAsItsOwnPatch() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let before = try #require(try world.database.work(id: "W-02"))
            var feature = try await client.get("/ogc/collections/works/items/W-02").json()
            if case .object(var o) = feature { o["links"] = nil; feature = .object(o) }
            let response = try await client.send(
                .patch, "/api/works/W-02", json: feature.jsonText, token: world.token("root"))
            #expect(response.status == .ok, "\(response.text)")
            let after = try #require(try world.database.work(id: "W-02"))
            #expect(after.work == before.work)
        }
    }

    @Test func patchFollowsTheStatusRules() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let skip = try await client.send(
                .patch, "/api/works/W-04", json: #"{"properties":{"status":"completed"}}"#, token: world.token("root"))
            #expect(skip.status == .unprocessableContent)
            #expect(
                try skip.json()["errors"]?[0]?["reason"]?.stringValue?.contains("allowed next: approved, cancelled")
                    == true)
            let step = try await client.send(
                .patch, "/api/works/W-04", json: #"{"properties":{"status":"approved","approved_on":"2020-02-03"}}"#,
                token: world.token("root"))
            #expect(step.status == .ok)
            let history = try #require(try world.database.work(id: "W-04")).history
            #expect(history.last?.to == .approved && history.last?.on?.description == "2020-02-03")
            #expect(
                try await client.send(
                    .patch, "/api/works/W-99", json: #"{"properties":{"name":"x"}}"#, token: world.token("root")
                ).status == .notFound)
            #expect(
                try await client.send(
                    .patch, "/api/works/W-04", json: #"{"properties":{"id":"W-77"}}"#, token: world.token("root")
                ).status == .unprocessableContent)
            #expect(
                try await client.send(.patch, "/api/works/W-04", json: #"{"id":"W-77"}"#, token: world.token("root"))
                    .status == .badRequest)
            // An empty patch changes nothing and records nothing
            let audited = try world.database.auditEntries(limit: 1000).count
            #expect(
                try await client.send(.patch, "/api/works/W-04", json: #"{}"#, token: world.token("root")).status == .ok
            )
            #expect(try world.database.auditEntries(limit: 1000).count == audited)
            #expect(
                try await client.send(.patch, "/api/works/W-04", json: #"{"colour":"red"}"#, token: world.token("root"))
                    .status == .badRequest)
        }
    }

    @Test func statusEndpointMovesOneLegalStep() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let ok = try await client.send(
                .post, "/api/works/W-05/status", json: #"{"status":"under_construction","date":"2019-04-01"}"#,
                token: world.token("d179"))
            #expect(ok.status == .ok, "\(ok.text)")
            #expect(try ok.json()["properties"]?["status"] == "under_construction")
            #expect(try ok.json()["properties"]?["started_on"] == "2019-04-01")
            let illegal = try await client.send(
                .post, "/api/works/W-03/status", json: #"{"status":"approved","date":"2019-04-01"}"#,
                token: world.token("root"))
            #expect(illegal.status == .unprocessableContent)
            #expect(
                try illegal.json()["detail"]
                    == "the work was not saved: status cannot change from completed to approved (allowed next: handed_over)"
            )
            for body in [
                #"{"status":"done","date":"2019-04-01"}"#, #"{"status":"approved"}"#,
                #"{"status":"approved","date":"2019-13-01"}"#,
            ] {
                let bad = try await client.send(.post, "/api/works/W-04/status", json: body, token: world.token("root"))
                #expect(bad.status == .unprocessableContent, "\(body)")
            }
            let extra = try await client.send(
                .post, "/api/works/W-04/status", json: #"{"status":"approved","date":"2019-04-01","by":"me"}"#,
                token: world.token("root"))
            #expect(extra.status == .badRequest)
            let missing = try await client.send(
                .post, "/api/works/W-99/status", json: #"{"status":"approved","date":"2019-04-01"}"#,
                token: world.token("root"))
            #expect(missing.status == .notFound)
        }
    }
}
