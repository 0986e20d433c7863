import AtlasGeoJSON
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP
@testable import AtlasStore

/// `POST /api/works/{id}/maintenance`: the status route's identity and scope rules, a strict
/// body, the event and its audit entry written together; `GET /api/works/{id}` lists the events.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct MaintenanceAPITests {
    static let repair = #"{"date":"2020-04-01","cost_vnd":1200000,"source":"district","note":"Sơn lại tường"}"#

    @Test func aDistrictEditorRecordsMaintenanceAnsweredAs201AndAudited() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            // Given W-01, completed on 2017-03-15 in commune 00001 of district 178
            // When its district's editor records a repair
            let response = try await client.send(
                .post, "/api/works/W-01/maintenance", json: Self.repair, token: world.token("d178"))
            // Then: 201 with the event as JSON and where to read the work
            #expect(response.status == .created, "\(response.text)")
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.location] == "/api/works/W-01")
            let event = try response.json()
            #expect(event["work_id"] == "W-01" && event["date"] == "2020-04-01")
            #expect(event["cost_vnd"] == 1_200_000 && event["source"] == "district" && event["note"] == "Sơn lại tường")
            #expect(event["id"]?.integerValue != nil)
            // And one audit entry, by the editor via the token, with the work before and after
            let entry = try #require(try world.database.auditEntries(limit: 1).first)
            #expect(entry.action == "work.maintenance" && entry.workId == "W-01")
            #expect(entry.actor == "d178" && entry.role == "district_editor" && entry.via == "token")
            #expect(entry.subject == "maintenance on 2020-04-01, 1200000 đồng")
            let before = try StrictJSONParser().parse(Array((entry.before ?? "").utf8))
            let after = try StrictJSONParser().parse(Array((entry.after ?? "").utf8))
            #expect(before["properties"]?["maintenance_count"] == 0)
            #expect(
                after["properties"]?["maintenance_count"] == 1 && after["properties"]?["maintenance_vnd"] == 1_200_000)
            #expect(try world.database.verifyAuditChain().isIntact)
            // And the work, read by anyone, lists the event and carries the summary
            let work = try await client.get("/api/works/W-01")
            #expect(work.status == .ok && work.headers[.contentType] == "application/geo+json")
            let feature = try work.json()
            #expect(feature["maintenance"]?[0]?["cost_vnd"] == 1_200_000)
            #expect(feature["maintenance"]?.arrayValue?.count == 1)
            #expect(feature["properties"]?["last_maintained_on"] == "2020-04-01")
            let item = try await client.get("/ogc/collections/works/items/W-01").json()
            #expect(item["properties"]?["maintenance_vnd"] == 1_200_000)
            // And the work as read can be sent back as its own PATCH, its events untouched
            let patch = try await client.send(.patch, "/api/works/W-01", json: work.text, token: world.token("d178"))
            #expect(patch.status == .ok, "\(patch.text)")
            #expect(try patch.json()["maintenance"] == feature["maintenance"])
        }
    }

    @Test func anEditorOfAnotherUnitIsRefusedWithNothingWritten() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let audit = try world.database.auditEntries(limit: 1000).count
            // W-03 lies in commune 00003, outside district 178
            let response = try await client.send(
                .post, "/api/works/W-03/maintenance", json: Self.repair, token: world.token("d178"))
            try ProblemTests.expectProblem(response, status: .forbidden)
            #expect(
                try response.json()["detail"]?.stringValue?.contains("may only change works inside district 178")
                    == true)
            #expect(try world.database.auditEntries(limit: 1000).count == audit)
            #expect(try world.database.work(id: "W-03")?.maintenanceEvents.isEmpty == true)
            // And without any token: 401
            let anonymous = try await client.send(.post, "/api/works/W-01/maintenance", json: Self.repair)
            try ProblemTests.expectProblem(anonymous, status: .unauthorized)
        }
    }

    @Test func aSessionWithoutItsCSRFTokenIsRefused() async throws {
        let (world, options) = try SignInTests.world(clock: SignInTests.TestClock())
        try await world.test(options: options) { client in
            let session = try await client.session("c00001", SignInTests.password)
            let audit = try world.database.auditEntries(limit: 1000).count
            let missing = try await client.send(
                .post, "/api/works/W-01/maintenance", json: Self.repair, cookie: session.id)
            try ProblemTests.expectProblem(missing, status: .forbidden)
            #expect(try missing.json()["type"]?.stringValue == "urn:worksatlas:problem:csrf")
            #expect(try world.database.auditEntries(limit: 1000).count == audit)
            // With it, the same write goes through, audited via the session
            let ok = try await client.send(
                .post, "/api/works/W-01/maintenance", json: Self.repair, cookie: session.id, csrf: session.csrf)
            #expect(ok.status == .created, "\(ok.text)")
            let entry = try #require(try world.database.auditEntries(limit: 1).first)
            #expect(entry.actor == "c00001" && entry.via == "session" && entry.action == "work.maintenance")
        }
    }

    @Test(arguments: [
        (#"{"date":"2020-04-01","cost_vnd":-5}"#, "cost_vnd", "cost -5: money cannot be negative"),
        (#"{"date":"2020-04-01","cost_vnd":12.5}"#, "cost_vnd", "cost_vnd is required, in whole đồng as an integer"),
        (#"{"date":"2020-02-30","cost_vnd":5}"#, "date", "not a calendar date"),
        (
            #"{"date":"2016-01-01","cost_vnd":5}"#, "date",
            "date 2016-01-01 is before the work was completed (2017-03-15)"
        ),
        (#"{"date":"2199-01-01","cost_vnd":5}"#, "date", "date 2199-01-01 is in the future"),
        (#"{"date":"2020-04-01","cost_vnd":5,"source":"bank"}"#, "source", #"unknown value "bank""#),
    ])
    func badValuesAre422NamingTheField(body: String, field: String, reason: String) async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let response = try await client.send(
                .post, "/api/works/W-01/maintenance", json: body, token: world.token("root"))
            try ProblemTests.expectProblem(response, status: .unprocessableContent)
            let error = try response.json()["errors"]?[0]
            #expect(error?["field"]?.stringValue == field)
            #expect(error?["reason"]?.stringValue?.contains(reason) == true, "\(response.text)")
            #expect(try world.database.work(id: "W-01")?.maintenanceEvents.isEmpty == true)
        }
    }

    @Test func unknownMembersUnfinishedAndMissingWorksAreRefused() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            let typo = try await client.send(
                .post, "/api/works/W-01/maintenance", json: #"{"date":"2020-04-01","cost_vnd":5,"cots":1}"#,
                token: world.token("root"))
            try ProblemTests.expectProblem(typo, status: .badRequest)
            #expect(try typo.json()["errors"]?[0]?["field"] == "cots")
            // W-04 is only proposed
            let proposed = try await client.send(
                .post, "/api/works/W-04/maintenance", json: Self.repair, token: world.token("root"))
            try ProblemTests.expectProblem(proposed, status: .unprocessableContent)
            #expect(
                try proposed.json()["detail"]?.stringValue
                    == "the maintenance was not recorded: status proposed: only completed or handed_over works are maintained"
            )
            let missing = try await client.send(
                .post, "/api/works/NOPE/maintenance", json: Self.repair, token: world.token("root"))
            try ProblemTests.expectProblem(missing, status: .notFound)
            #expect(try await client.get("/api/works/NOPE").status == .notFound)
        }
    }

    @Test func costsThatSumPastInt64AreAnErrorNeverAWrapAround() async throws {
        // Given W-01 with 9,300 ceiling-sized events (9.3 × 10^18 đồng, past Int64.max ≈ 9.22 × 10^18),
        // as only a hand-edited file could hold
        let world = try TestWorld.make()
        try await world.database.dbWriter.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9300)
                    INSERT INTO maintenanceEvent (workId, happenedOn, costVND) SELECT 'W-01', '2020-01-01', ? FROM n
                    """, arguments: [Money.ceilingVND])
        }
        // Then the works layer and the work itself refuse with the store's error, never a wrong total
        let layer = #expect(throws: StoreError.self) { try world.database.works() }
        #expect(layer.map { "\($0)" }?.hasPrefix("the maintenance costs of a work sum to more than") == true)
        let one = #expect(throws: StoreError.self) { try world.database.work(id: "W-01") }
        #expect(one.map { "\($0)" }?.hasPrefix("the maintenance costs of work W-01 sum to more than") == true)
        // And the API says so as a 409 problem
        try await world.test { client in
            let response = try await client.get("/api/works/W-01")
            try ProblemTests.expectProblem(response, status: .conflict)
        }
    }
}
