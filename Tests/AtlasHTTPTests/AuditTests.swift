import AtlasGeoJSON
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Dispatch
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP
@testable import AtlasStore

/// Every write leaves one audit entry (who, when, what, before and after) written with it; the
/// log cannot be changed, through the API or in SQL.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct AuditTests {
    @Test func eachWriteIsRecordedWithItsValuesBeforeAndAfter() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            // Given a create, an update and a status change by three users
            let create =
                #"{"type":"Feature","id":"N-1","properties":{"name":"Giếng","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.03,21.03]}}"#
            #expect(
                try await client.send(.post, "/api/works", json: create, token: world.token("c00001")).status
                    == .created)
            #expect(
                try await client.send(
                    .patch, "/api/works/N-1", json: #"{"properties":{"name":"Giếng khoan"}}"#,
                    token: world.token("d178")
                ).status == .ok)
            #expect(
                try await client.send(
                    .post, "/api/works/N-1/status", json: #"{"status":"approved","date":"2020-05-06"}"#,
                    token: world.token("prov")
                ).status == .ok)
            // When the log of N-1 is read
            let response = try await client.get("/api/audit?work=N-1", token: world.token("root"))
            #expect(response.status == .ok)
            let entries = try response.json()["entries"]?.arrayValue ?? []
            // Then there are three entries, newest first, each with who, what and the values
            #expect(entries.compactMap { $0["action"]?.stringValue } == ["work.status", "work.update", "work.create"])
            #expect(entries.compactMap { $0["actor"]?.stringValue } == ["prov", "d178", "c00001"])
            #expect(
                entries.compactMap { $0["role"]?.stringValue } == [
                    "province_editor", "district_editor", "commune_editor",
                ])
            #expect(
                entries.allSatisfy { $0["work_id"] == "N-1" && $0["recorded_at"]?.stringValue?.hasSuffix("Z") == true })
            let created = entries[2]
            #expect(created["before"] == .null)
            #expect(created["after"]?["properties"]?["name"] == "Giếng")
            #expect(created["after"]?["geometry"]?["coordinates"] == [106.03, 21.03])
            let updated = entries[1]
            #expect(
                updated["before"]?["properties"]?["name"] == "Giếng"
                    && updated["after"]?["properties"]?["name"] == "Giếng khoan")
            let status = entries[0]
            #expect(
                status["before"]?["properties"]?["status"] == "proposed"
                    && status["after"]?["properties"]?["status"] == "approved")
            #expect(status["after"]?["properties"]?["approved_on"] == "2020-05-06")
            // And user changes are in the log too
            let all =
                try await client.get("/api/audit?limit=1000", token: world.token("root")).json()["entries"]?.arrayValue
                ?? []
            #expect(all.contains { $0["action"] == "user.revoke" && $0["subject"] == "gone" })
            #expect(
                try await client.get("/api/audit?limit=2", token: world.token("root")).json()["entries"]?.arrayValue?
                    .count == 2)
            #expect(try await client.get("/api/audit?user=x", token: world.token("root")).status == .badRequest)
        }
    }

    @Test func editorsReadOnlyTheEntriesOfTheirUnit() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            // Given a work created in commune 00001 (district 178) and one in 00003 (district 179),
            // and one moved by an admin from 00001 to 00003
            func create(_ id: String, lon: Double) async throws {
                let body =
                    #"{"type":"Feature","id":"\#(id)","properties":{"name":"Giếng","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[\#(lon),21.03]}}"#
                #expect(
                    try await client.send(.post, "/api/works", json: body, token: world.token("root")).status
                        == .created)
            }
            try await create("A-1", lon: 106.03)
            try await create("A-3", lon: 106.25)
            try await create("A-M", lon: 106.04)
            let move = #"{"geometry":{"type":"Point","coordinates":[106.26,21.03]}}"#
            #expect(
                try await client.send(.patch, "/api/works/A-M", json: move, token: world.token("root")).status == .ok)
            func ids(_ user: String, _ query: String = "") async throws -> [String] {
                let response = try await client.get("/api/audit?limit=1000" + query, token: world.token(user))
                #expect(response.status == .ok)
                return (try response.json()["entries"]?.arrayValue ?? []).compactMap { $0["work_id"]?.stringValue }
                    .filter { $0.hasPrefix("A-") }
            }
            // Then each editor reads the entries of works that lay in their unit, before or after
            #expect(try await ids("c00001") == ["A-M", "A-M", "A-1"])
            #expect(try await ids("d178") == ["A-M", "A-M", "A-1"])
            #expect(try await ids("d179") == ["A-M", "A-3"])
            #expect(try await ids("c00003") == ["A-M", "A-3"])
            #expect(try await ids("prov").count == 4)
            #expect(try await ids("root").count == 4)
            // And asking for another unit's work by id gives nothing, not its history
            #expect(try await ids("c00001", "&work=A-3").isEmpty)
            // And user administration is for admins only
            let editorView = try await client.get("/api/audit?limit=1000", token: world.token("prov")).json()
            #expect(editorView["entries"]?.arrayValue?.allSatisfy { $0["work_id"] != .null } == true)
            // And paging counts only what the editor may see
            let page = try await client.get("/api/audit?limit=1&offset=1", token: world.token("d179")).json()
            #expect(page["entries"]?[0]?["work_id"] == "A-3")
        }
    }

    @Test func theLogRefusesUpdatesAndDeletesInSQL() async throws {
        let world = try TestWorld.make()
        // Given a log with entries
        let entries = try world.database.auditEntries(limit: 1000)
        #expect(!entries.isEmpty)
        // When SQL tries to change or delete one, Then SQLite refuses with the trigger's message
        for sql in [
            "UPDATE auditEntry SET actor = 'someone else'", "DELETE FROM auditEntry",
            "DELETE FROM auditEntry WHERE id = 1",
        ] {
            #expect {
                try world.database.dbWriter.write { try $0.execute(sql: sql) }
            } throws: { error in
                "\(error)".contains("the audit log is append-only")
            }
        }
        // And the entries are all still there, unchanged
        #expect(try world.database.auditEntries(limit: 1000) == entries)
    }

    @Test func theLogHasNoWriteEndpoint() async throws {
        let world = try TestWorld.make()
        let entries = try world.database.auditEntries(limit: 1000)
        try await world.test { client in
            for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
                let response = try await client.send(method, "/api/audit", json: "{}", token: world.token("root"))
                #expect((400..<500).contains(response.status.code) && response.status != .ok, "\(method)")
            }
            #expect(try world.database.auditEntries(limit: 1000) == entries)
        }
    }

    @Test func aWriteThatFailsLeavesNoEntry() async throws {
        // Given a rendering step that fails after the work row was written
        let world = try TestWorld.make()
        let row = try #require(try world.database.work(id: "W-04"))
        struct Boom: Error {}
        // When the store runs the status change with it
        #expect(throws: Boom.self) {
            try world.database.changeStatus(
                workId: "W-04", to: .approved, on: CalendarDate.today(), by: AuditActor(name: "x", role: nil),
                authorize: { _ in },
                render: { stored in
                    if stored.work.status == .approved { throw Boom() }
                    return "{}"
                })
        }
        // Then the work is as it was and no entry was written: one transaction
        #expect(try world.database.work(id: "W-04")?.work == row.work)
        #expect(try world.database.auditEntries().allSatisfy { $0.workId == nil })
    }

    @Test func readsGoOnWhileAWriteHoldsTheDatabase() async throws {
        let world = try TestWorld.make()
        let database = world.database
        // Given a write transaction, run as the API runs its writes, that holds the writer until
        // the reads are done (or 30 s: reads that waited for it would come after that)
        let writeEnded = Flag()
        let readsDone = DispatchSemaphore(value: 0)
        await withCheckedContinuation { (started: CheckedContinuation<Void, Never>) in
            Task {
                _ = try? await blocking {
                    try database.dbWriter.write { db in
                        try db.execute(sql: "UPDATE work SET name = name WHERE id = 'W-01'")
                        started.resume()
                        _ = readsDone.wait(timeout: .now() + 30)
                    }
                }
                writeEnded.set()
            }
        }
        // When the map reads meanwhile, Then it is answered while the write still holds the database
        try await world.test { client in
            let works = try await client.get("/ogc/collections/works/items?limit=5")
            let communes = try await client.get("/ogc/collections/communes/items")
            #expect(works.status == .ok && communes.status == .ok)
            #expect(!writeEnded.isSet, "the reads waited for the write")
            readsDone.signal()
        }
        while !writeEnded.isSet { try await Task.sleep(for: .milliseconds(20)) }
    }
}

/// A flag set once from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
