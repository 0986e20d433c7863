import AtlasExport
import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// The life of a work (SPEC §1): legal steps are recorded with their dates, others refused.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct StatusTransitionTests {
    @Test func reimportMovingACompletedWorkBackToApprovedChangesNothing() throws {
        // Given W-1 registered as completed (and W-2, W-3)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        try world.importFixtureWorks()
        // When a file moves W-1 back to approved and also brings a new work W-9
        let back = Fixtures.worksFeatures[0]
            .replacingOccurrences(of: #""status":"completed""#, with: #""status":"approved""#)
            .replacingOccurrences(of: "Trạm y tế xã Hồng Phong", with: "Renamed")
        let new =
            #"{"type":"Feature","id":"W-9","properties":{"id":"W-9","name":"Mới","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.02,21.02]}}"#
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(
                from: try world.write("back.geojson", Fixtures.featureCollection([back, new])))
        }
        // Then the one problem is the transition, on feature 0
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.location == "feature 0 (id \"W-1\", line 2)")
        #expect(failure.problems.first?.field == "status")
        #expect(failure.problems.first?.value == "approved")
        #expect(
            failure.problems.first?.reason
                == "work W-1 exists: status cannot change from completed to approved (allowed next: handed_over)")
        // And nothing changed: W-1 as before, no W-9
        let w1 = try #require(try world.database.work(id: "W-1"))
        expectStored(w1, equals: Fixtures.expectedWorks[0], commune: "00001", withFundingLines: true)
        #expect(w1.history.count == 1)
        #expect(try world.database.work(id: "W-9") == nil)
        #expect(try world.database.workCount() == 3)
    }

    @Test func setStatusRefusesSkippingSteps() throws {
        // Given W-3, proposed
        let world = try FixtureWorld.make()
        defer { world.remove() }
        try world.importFixtureWorks()
        // When it is set straight to completed
        let error = try #require(throws: ModelError.self) {
            try world.database.setStatus(workId: "W-3", to: .completed, on: Fixtures.date("2018-01-01"))
        }
        // Then the error names both statuses and the allowed next ones, and nothing changed
        #expect(error == .illegalTransition(from: .proposed, to: .completed))
        #expect(
            error.description == "status cannot change from proposed to completed (allowed next: approved, cancelled)")
        let w3 = try #require(try world.database.work(id: "W-3"))
        #expect(w3.work.status == .proposed)
        #expect(w3.work.completedOn == nil)
        #expect(w3.history.count == 1)
    }

    @Test func finalStatusesAndCancellingAfterCompletionAreRefused() throws {
        // Given W-1 completed
        let world = try FixtureWorld.make()
        defer { world.remove() }
        try world.importFixtureWorks()
        // When it is cancelled, then handed over and moved again
        #expect(throws: ModelError.illegalTransition(from: .completed, to: .cancelled)) {
            try world.database.setStatus(workId: "W-1", to: .cancelled, on: Fixtures.date("2018-01-01"))
        }
        try world.database.setStatus(workId: "W-1", to: .handedOver, on: Fixtures.date("2018-02-01"))
        let error = try #require(throws: ModelError.self) {
            try world.database.setStatus(workId: "W-1", to: .completed, on: Fixtures.date("2018-03-01"))
        }
        // Then handed_over is final
        #expect(error.description == "status cannot change from handed_over to completed: handed_over is final")
        #expect(try world.database.work(id: "W-1")?.history.map(\.to) == [.completed, .handedOver])
    }

    @Test func unknownWorkIsNotFound() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        #expect(throws: StoreError.self) {
            try world.database.setStatus(workId: "NOPE", to: .approved, on: Fixtures.date("2018-01-01"))
        }
    }

    @Test func commandLineWritesAreAudited() throws {
        // Given a work entered by hand
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let fields: [String: JSONValue] = [
            "id": "A-1", "name": "Trạm y tế xã", "programme": "135", "category": "health", "status": "approved",
        ]
        _ = try world.importer.addWork(fields: fields, geometry: .point(Position(x: 106.15, y: 21.05)))
        // When its status changes from the command line
        try world.database.setStatus(workId: "A-1", to: .underConstruction, on: Fixtures.date("2019-04-01"))
        // Then the log holds both writes, newest first, with the values before and after the change
        let entries = try world.database.auditEntries(workId: "A-1")
        #expect(entries.map(\.action) == ["work.status", "works.import"])
        #expect(entries.allSatisfy { $0.actor.hasPrefix("cli:") && $0.role == "local" })
        #expect(entries[0].before?.contains("\"status\":\"approved\"") == true)
        #expect(entries[0].after?.contains("\"status\":\"under_construction\"") == true)
        #expect(entries[1].subject?.hasSuffix("1 new, 0 updated") == true)
    }

    @Test func legalChainRecordsFiveEntriesWithTheirDates() throws {
        // Given a work registered as proposed (no status date, so the registration is dated today)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let fields: [String: JSONValue] = [
            "id": "L-1", "name": "Nhà văn hoá thôn", "programme": "135", "category": "culture", "status": "proposed",
        ]
        let today = Fixtures.todayInVietnam()
        _ = try world.importer.addWork(fields: fields, geometry: .point(Position(x: 106.15, y: 21.05)))
        // When it walks the whole legal chain
        let steps: [(WorkStatus, String)] = [
            (.approved, "2017-03-01"), (.underConstruction, "2017-06-15"), (.completed, "2017-12-20"),
            (.handedOver, "2018-01-10"),
        ]
        for (status, day) in steps {
            try world.database.setStatus(workId: "L-1", to: status, on: Fixtures.date(day))
        }
        // Then five history entries hold each step with its date, in order
        let stored = try #require(try world.database.work(id: "L-1"))
        #expect(stored.history.count == 5)
        #expect(stored.history.map(\.from) == [nil, .proposed, .approved, .underConstruction, .completed])
        #expect(stored.history.map(\.to) == [.proposed, .approved, .underConstruction, .completed, .handedOver])
        let registeredOn = try #require(stored.history.first?.on)
        #expect(registeredOn == today || registeredOn == Fixtures.todayInVietnam())
        #expect(stored.history.dropFirst().map(\.on) == steps.map { Fixtures.date($0.1) })
        #expect(stored.history.allSatisfy { !$0.recordedAt.isEmpty })
        // And the milestone dates are set on the work
        #expect(stored.work.status == .handedOver)
        #expect(stored.work.approvedOn == Fixtures.date("2017-03-01"))
        #expect(stored.work.startedOn == Fixtures.date("2017-06-15"))
        #expect(stored.work.completedOn == Fixtures.date("2017-12-20"))
    }

    @Test func cancellingBeforeCompletionIsLegal() throws {
        // Given W-2 under construction
        let world = try FixtureWorld.make()
        defer { world.remove() }
        try world.importFixtureWorks()
        // When it is cancelled
        try world.database.setStatus(workId: "W-2", to: .cancelled, on: Fixtures.date("2018-05-05"))
        // Then the change is recorded and the work is cancelled
        let w2 = try #require(try world.database.work(id: "W-2"))
        #expect(w2.work.status == .cancelled)
        #expect(w2.history.last?.from == .underConstruction)
        #expect(w2.history.last?.on == Fixtures.date("2018-05-05"))
    }
}
