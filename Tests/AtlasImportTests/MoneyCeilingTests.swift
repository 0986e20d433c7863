import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Money is checked against one ceiling (10^15 đồng per line) at input and summed with overflow
/// checks: an absurd amount is a clear refusal, never a trap.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct MoneyCeilingTests {
    @Test func perSourceAmountsThatWouldOverflowTheirSumAreRefusedByName() throws {
        // Given two per-source amounts whose sum (1.8 × 10^19) does not fit in Int64
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = """
            id,name,programme,category,status,planned_central_vnd,planned_province_vnd,lon,lat
            M-1,Đường thôn,135,road,approved,9223372036854775000,9223372036854775000,106.05,21.05

            """
        // When it is imported, then both fields are named with the ceiling, and nothing is stored
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("works.csv", csv))
        }
        #expect(failure.problems.map(\.field) == ["planned_central_vnd", "planned_province_vnd"])
        #expect(failure.problems.allSatisfy { $0.location == "line 2" })
        #expect(failure.problems[0].reason == "more than the ceiling of 1000000000000000 đồng per line")
        #expect(try world.database.workCount() == 0)
    }

    @Test func theCeilingItselfIsAcceptedAndOneMoreIsNot() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let header = "id,name,programme,category,status,planned_vnd,disbursed_vnd,lon,lat\n"
        let over = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(
                from: try world.write(
                    "over.csv", header + "M-2,Trường,135,school,approved,1,1000000000000001,106.05,21.05\n"))
        }
        #expect(over.problems.map(\.field) == ["disbursed_vnd"])
        #expect(over.problems.map(\.value) == ["1000000000000001"])
        // Signs and separators are not whole đồng either
        let signed = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(
                from: try world.write("signed.csv", header + "M-3,Trường,135,school,approved,+5,-5,106.05,21.05\n"))
        }
        #expect(signed.problems.map(\.field) == ["planned_vnd", "disbursed_vnd"])
        _ = try world.importer.importWorks(
            from: try world.write("ok.csv", header + "M-4,Trường,135,school,approved,1000000000000000,0,106.05,21.05\n")
        )
        #expect(try world.database.workCount() == 1)
    }

    @Test func aGeoJSONIntegerAboveTheCeilingIsRefused() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let text = Fixtures.featureCollection([
            #"{"type":"Feature","id":"M-5","properties":{"name":"Cầu","programme":"135","category":"road","status":"approved","planned_vnd":9223372036854775807},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        ])
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("works.geojson", text))
        }
        #expect(failure.problems.map(\.field) == ["planned_vnd"])
        #expect(failure.problems[0].reason.contains("ceiling"))
    }

    @Test func theFileRefusesAHandWrittenLineAboveTheCeiling() throws {
        // Given a stored work, when sqlite3 (an independent writer) sets a line above the ceiling
        let world = try FixtureWorld.make()
        defer { world.remove() }
        try world.importFixtureWorks()
        let path = world.url("atlas.sqlite").path
        let output = try SQLiteShell.run(path, "UPDATE fundingLine SET plannedVND = 9223372036854775807")
        // Then the trigger refuses it and says why
        #expect(output.contains("plannedVND above the ceiling"), "\(output)")
    }

    @Test func sumsThatDoNotFitAreAClearErrorNotATrap() throws {
        // Given a file whose ceiling triggers were dropped and three works of one commune at Int64.max
        let world = try FixtureWorld.make()
        defer { world.remove() }
        try world.importFixtureWorks()
        let path = world.url("atlas.sqlite").path
        _ = try SQLiteShell.run(
            path,
            """
            DROP TRIGGER fundingLine_plannedVND_ceiling_update;
            UPDATE work SET plannedVND = 9223372036854775807, communeCode = '00001', category = 'health',
                status = 'completed';
            """)
        // When the communes are summarised, then the error names the problem
        let database = try AppDatabase(path: path)
        #expect(throws: StoreError.self) { try database.communeSummaries(year: 2018) }
        do {
            _ = try database.communeSummaries(year: 2018)
        } catch {
            #expect("\(error)".contains("sums to more than 9223372036854775807 đồng"), "\(error)")
        }
    }
}
