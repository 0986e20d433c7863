import AtlasExport
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Works imported from GeoJSON, CSV (lon/lat and wkt) and from the works export read back equal.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct WorksRoundTripTests {
    @Test func geoJSONWorksRoundTripFieldByField() throws {
        // Given the fixture world
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let dayBefore = Fixtures.todayInVietnam()
        // When the three fixture works are imported from GeoJSON
        let report = try world.importer.importWorks(
            from: try world.write("works.geojson", Fixtures.featureCollection(Fixtures.worksFeatures)))
        // Then all three are stored, with no warning
        #expect(report.rowCount == 3)
        #expect(report.warnings.isEmpty)
        // And the list reads them back in id order with totals, the detail with funding lines
        let listed = try world.database.works()
        #expect(listed.map(\.work.id) == ["W-1", "W-2", "W-3"])
        for (stored, expected) in zip(listed, Fixtures.expectedWorks) {
            expectStored(
                stored, equals: expected, commune: Fixtures.expectedCommunes[expected.id], withFundingLines: false)
            expectStored(
                try world.database.work(id: expected.id), equals: expected,
                commune: Fixtures.expectedCommunes[expected.id], withFundingLines: true)
        }
        // And only the road has a length, the chord of its ends in EPSG:3405
        #expect(abs((listed[1].lengthM ?? 0) - Fixtures.roadLengthM) < 0.05)
        #expect(listed[0].lengthM == nil && listed[2].lengthM == nil)
        // And the registration is recorded on the date the status started (today when none is given)
        let w1 = try #require(try world.database.work(id: "W-1"))
        #expect(w1.history.map(\.to) == [.completed])
        #expect(w1.history.first?.from == nil)
        #expect(w1.history.first?.on == Fixtures.date("2017-03-15"))
        #expect(try world.database.work(id: "W-2")?.history.first?.on == Fixtures.date("2016-09-10"))
        let w3On = try world.database.work(id: "W-3")?.history.first?.on
        #expect(w3On == dayBefore || w3On == Fixtures.todayInVietnam())
    }

    @Test func csvWithLonLatColumnsRoundTrips() throws {
        // Given a CSV of points, one name quoted with a comma, doubled quotes and a line break
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = """
            id,name,programme,category,status,commune_code,exactness,accuracy_m,villages_served,approved_on,started_on,completed_on,investor,planned_vnd,disbursed_vnd,lon,lat
            W-1,Trạm y tế xã Hồng Phong,135,health,completed,00001,exact,4.5,00001001;00001002,2016-05-27,2016-08-01,2017-03-15,district,1500000000,1450000000,106.05,21.05
            W-4,"Nhà văn hoá ""Khối 1"",
            thị trấn",other,culture,approved,,,,00002001,2017-01-09,,,community,0,0,106.15,21.05

            """
        // When it is imported
        let report = try world.importer.importWorks(from: try world.write("works.csv", csv))
        // Then both points are stored field by field
        #expect(report.rowCount == 2)
        expectStored(
            try world.database.work(id: "W-1"), equals: Fixtures.expectedWorks[0], commune: "00001",
            withFundingLines: true)
        let w4 = Work(
            id: "W-4", name: "Nhà văn hoá \"Khối 1\",\nthị trấn", programme: .other, category: .culture,
            status: .approved, geometry: .point(Position(x: 106.15, y: 21.05)), villagesServed: ["00002001"],
            approvedOn: Fixtures.date("2017-01-09"), investor: .community,
            funding: [FundingLine(source: nil, plannedVND: 0, disbursedVND: 0)])
        expectStored(try world.database.work(id: "W-4"), equals: w4, commune: "00002", withFundingLines: true)
    }

    @Test func csvWithWKTColumnRoundTripsPointsLinesAndPolygons() throws {
        // Given the three fixture works as WKT
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When the CSV is imported
        let report = try world.importer.importWorks(from: try world.write("works.csv", Fixtures.worksWKTCSV))
        // Then it reads back exactly as the GeoJSON does
        #expect(report.rowCount == 3)
        #expect(report.warnings.isEmpty)
        for expected in Fixtures.expectedWorks {
            expectStored(
                try world.database.work(id: expected.id), equals: expected,
                commune: Fixtures.expectedCommunes[expected.id], withFundingLines: true)
        }
        #expect(abs((try world.database.work(id: "W-2")?.lengthM ?? 0) - Fixtures.roadLengthM) < 0.05)
    }

    @Test func exportedWorksReimportIntoAFreshDatabaseUnchanged() throws {
        // Given the fixture works exported as GeoJSON
        let world = try FixtureWorld.make()
        defer { world.remove() }
        try world.importFixtureWorks()
        let exportPath = world.url("works-export.geojson").path
        #expect(try GeoJSONExporter(database: world.database).writeWorks(to: exportPath) == 3)
        // When the export is imported into a fresh database with the same units and villages
        let fresh = try FixtureWorld.make()
        defer { fresh.remove() }
        let report = try fresh.importer.importWorks(from: URL(fileURLWithPath: exportPath))
        // Then every work reads back as it was (funding as totals: the layer carries no lines)
        #expect(report.rowCount == 3)
        #expect(!report.warnings.contains { $0.contains("declared_commune_code") })
        let before = try world.database.works()
        let after = try fresh.database.works()
        #expect(after.map(\.work.id) == ["W-1", "W-2", "W-3"])
        for (old, new) in zip(before, after) {
            expectStored(new, equals: old.work, commune: old.communeCode, withFundingLines: true)
            #expect(new.lengthM == old.lengthM)
            #expect(new.communeDisagrees == old.communeDisagrees)
        }
        // And W-3 still says it was declared in 00002 while lying mostly in 00001
        #expect(after[2].work.declaredCommuneCode == "00002")
        #expect(after[2].communeDisagrees)
        // And the registration dates survive
        #expect(try fresh.database.work(id: "W-1")?.history.first?.on == Fixtures.date("2017-03-15"))
    }

    @Test func declaredCommuneColumnWinsOverCommuneCodeWhenPresent() throws {
        // Given a CSV shaped like `works list --format csv`: commune_code is the derived commune,
        // declared_commune_code the declared one (empty for X-1, 00001 for X-2)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = """
            id,name,programme,category,status,commune_code,declared_commune_code,lon,lat
            X-1,Giếng 1,135,water,proposed,00002,,106.15,21.05
            X-2,Giếng 2,135,water,proposed,00002,00001,106.16,21.05

            """
        // When it is imported
        _ = try world.importer.importWorks(from: try world.write("list.csv", csv))
        // Then X-1 has no declared commune and X-2 keeps 00001, flagged against the derived 00002
        let x1 = try #require(try world.database.work(id: "X-1"))
        let x2 = try #require(try world.database.work(id: "X-2"))
        #expect(x1.work.declaredCommuneCode == nil && !x1.communeDisagrees)
        #expect(x2.work.declaredCommuneCode == "00001" && x2.communeCode == "00002" && x2.communeDisagrees)
    }

    @Test func reimportingAnExistingIdUpdatesTheWork() throws {
        // Given W-1 registered as completed
        let world = try FixtureWorld.make()
        defer { world.remove() }
        try world.importFixtureWorks()
        // When a file hands it over with a new name and disbursement
        let updated = Fixtures.worksFeatures[0]
            .replacingOccurrences(of: #""status":"completed""#, with: #""status":"handed_over""#)
            .replacingOccurrences(of: "1450000000", with: "1500000000")
        _ = try world.importer.importWorks(
            from: try world.write("update.geojson", Fixtures.featureCollection([updated])))
        // Then it is updated in place, its history now holding both statuses
        let w1 = try #require(try world.database.work(id: "W-1"))
        #expect(try world.database.workCount() == 3)
        #expect(w1.work.status == .handedOver)
        #expect(w1.work.disbursedVND == 1_500_000_000)
        #expect(w1.history.map(\.to) == [.completed, .handedOver])
        #expect(w1.history.last?.from == .completed)
    }
}
