import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// A file with any bad row changes nothing, and the failure lists every bad row (SPEC §5).
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct AllOrNothingTests {
    static let allowedCategories = "road, electricity, culture, health, school, irrigation, water, other"

    @Test func worksCSVWithThreeBadRowsListsAllAndStoresNothing() throws {
        // Given a works CSV whose good rows surround three bad ones; line 3's quoted name spans
        // two lines, so the rows after it start on lines 5, 6, 7 and 8 (header = line 1)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = """
            id,name,programme,category,status,approved_on,planned_vnd,lon,lat
            W-1,Trạm y tế,135,health,completed,2016-05-27,1500000000,106.05,21.05
            W-2,"Nhà văn hoá
            thôn Nà Pàn",135,culture,approved,2017-01-09,900000000,106.06,21.06
            W-3,Cầu treo,135,bridge,proposed,,,106.07,21.07
            W-4,Trường mầm non,30a,school,approved,2018-03-01,2000000000,106.15,21.05
            W-5,Kênh mương,30a,irrigation,approved,2019-02-30,100000000,106.16,21.06
            W-6,Nước sinh hoạt,135,water,approved,2019-03-01,1.5e9,106.17,21.07

            """
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("works.csv", csv))
        }
        // Then exactly the three bad rows are listed with line, field, value and reason
        #expect(failure.problems.count == 3)
        #expect(failure.problems.map(\.location) == ["line 5", "line 7", "line 8"])
        #expect(failure.problems.map(\.field) == ["category", "approved_on", "planned_vnd"])
        #expect(failure.problems.map(\.value) == ["bridge", "2019-02-30", "1.5e9"])
        #expect(failure.problems[0].reason == "unknown value \"bridge\" (allowed: \(Self.allowedCategories))")
        #expect(failure.problems[1].reason == "not a calendar date")
        #expect(failure.problems[2].reason.contains("whole đồng"))
        #expect(failure.description.contains("3 problems; nothing was imported"))
        // And no work was stored, not even the good ones
        #expect(try world.database.workCount() == 0)
    }

    @Test func worksGeoJSONWithThreeBadFeaturesNamesIndexAndId() throws {
        // Given five features of which 1, 3 and 4 are bad (feature i is on line i + 2)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        func feature(_ id: String, _ extra: String, lon: Double) -> String {
            #"{"type":"Feature","id":"\#(id)","properties":{"id":"\#(id)","name":"Công trình \#(id)","programme":"135","status":"approved",\#(extra)},"geometry":{"type":"Point","coordinates":[\#(lon),21.05]}}"#
        }
        let text = Fixtures.featureCollection([
            feature("G-0", #""category":"road","approved_on":"2017-01-01""#, lon: 106.01),
            feature("G-1", #""category":"bridge""#, lon: 106.02),
            feature("G-2", #""category":"water","planned_vnd":100"#, lon: 106.03),
            feature("G-3", #""category":"water","approved_on":"2019-02-30""#, lon: 106.04),
            feature("G-4", #""category":"water","planned_vnd":1.5e9"#, lon: 106.05),
        ])
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("works.geojson", text))
        }
        // Then each bad feature is named by index, id and line, with field, value and reason
        #expect(
            failure.problems.map(\.location) == [
                "feature 1 (id \"G-1\", line 3)", "feature 3 (id \"G-3\", line 5)", "feature 4 (id \"G-4\", line 6)",
            ])
        #expect(failure.problems.map(\.field) == ["category", "approved_on", "planned_vnd"])
        // (1.5e9 is a JSON double, shown as Swift writes 1500000000.0)
        #expect(failure.problems.map(\.value) == ["bridge", "2019-02-30", "1500000000.0"])
        #expect(failure.problems[0].reason.contains("allowed: \(Self.allowedCategories)"))
        #expect(failure.problems[1].reason == "not a calendar date")
        #expect(failure.problems[2].reason == "expected whole đồng as an integer")
        #expect(try world.database.workCount() == 0)
    }

    @Test func villagesCSVWithoutARequiredColumnNamesIt() throws {
        // Given a villages file without its name column
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let file = try world.write(
            "villages.csv", "code,commune_code,lon,lat,households\n00001001,00001,106.05,21.05,120\n")
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importVillages(from: file) }
        // Then the one problem names the missing column on the header line
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.location == "line 1")
        #expect(failure.problems.first?.field == "name")
        #expect(
            failure.problems.first?.reason
                == "required column \"name\" is missing (columns: code, commune_code, lon, lat, households)")
        #expect(try world.database.villageCount() == 0)
    }

    @Test func villagesCSVWithBadRowsStoresNone() throws {
        // Given two good villages and three bad ones (lon without lat, wrong code prefix, negative households)
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let csv = """
            code,commune_code,name,lon,lat,households
            00001001,00001,Thôn Nà Pàn,106.05,21.05,120
            00001002,00001,Bản Khuổi,106.06,,80
            00002001,00001,Khối 1,,,200
            00002002,00002,Khối 2,,,-5
            00002003,00002,Khối 3,106.15,21.05,90

            """
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importVillages(from: try world.write("villages.csv", csv))
        }
        // Then lines 3, 4 and 5 are listed and nothing is stored
        #expect(failure.problems.map(\.location) == ["line 3", "line 4", "line 5"])
        #expect(failure.problems.map(\.field) == ["lat", "code", "households"])
        #expect(failure.problems[0].reason == "lon and lat must both be given or both be empty")
        #expect(failure.problems[1].reason == "a village code is its commune code followed by 3 digits (e.g. 00001001)")
        #expect(try world.database.villageCount() == 0)
    }

    @Test func statisticsWithABadRowStoreNone() throws {
        // Given statistics with an unknown code and a duplicate commune-year
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = """
            year,code,households,poor_households,near_poor_households
            2018,00001,520,78,45
            2018,09999,10,1,1
            2018,00001,521,78,45

            """
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importStatistics(from: try world.write("stats.csv", csv))
        }
        // Then both bad lines are named and no statistics exist
        #expect(failure.problems.map(\.location) == ["line 3", "line 4"])
        #expect(failure.problems[0].reason == "no unit or village of the latest units has this code")
        #expect(failure.problems[1].reason == "statistics for 00001 in 2018 already given on line 2")
        #expect(try world.database.statisticsYears() == [])
    }
}
