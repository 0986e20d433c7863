import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Units, villages, statistics and classifications read back through the store.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct ReferenceImportTests {
    @Test func unitsRoundTripWithCodesNamesParentsAndBoundaries() throws {
        // Given the fixture units file
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        // When the units are read back
        let provinces = try world.database.units(kind: .province)
        let districts = try world.database.units(kind: .district)
        let communes = try world.database.units(kind: .commune)
        // Then codes, kinds, types, NFC names and parents are as written
        #expect(provinces.map(\.code) == ["20"])
        #expect(provinces.first?.name == "Tỉnh Thử Nghiệm")
        #expect(provinces.first?.type == "Tỉnh")
        #expect(provinces.first?.parentCode == nil)
        #expect(districts.map(\.code) == ["178"])
        #expect(districts.first?.parentCode == "20")
        #expect(communes.map(\.code) == ["00001", "00002"])
        #expect(communes.map(\.name) == ["Xã Hồng Phong", "Thị trấn Bình Gia"])
        #expect(communes.map(\.type) == ["Xã", "Thị trấn"])
        #expect(communes.map(\.kind) == ["commune", "commune"])
        #expect(communes.allSatisfy { $0.parentCode == "178" })
        #expect(try world.database.unitCounts() == [.province: 1, .district: 1, .commune: 2])
        // And the boundaries are stored as given (a Polygon as a one-member MultiPolygon, winding untouched)
        let summaries = try world.database.communeSummaries(year: 2018)
        let p = { (x: Double, y: Double) in Position(x: x, y: y) }
        #expect(
            summaries[0].geometry
                == .multiPolygon([
                    [[p(106.0, 21.0), p(106.1, 21.0), p(106.1, 21.1), p(106.1, 21.2), p(106.0, 21.2), p(106.0, 21.0)]]
                ]))
        #expect(
            summaries[1].geometry
                == .multiPolygon([
                    [
                        [
                            p(106.1, 21.0), p(106.1, 21.1), p(106.1, 21.2), p(106.2, 21.2), p(106.2, 21.0),
                            p(106.1, 21.0),
                        ],
                        [p(106.15, 21.15), p(106.17, 21.15), p(106.17, 21.17), p(106.15, 21.17), p(106.15, 21.15)],
                    ]
                ]))
        #expect(summaries.map(\.districtName) == ["Huyện Bình Gia", "Huyện Bình Gia"])
        // And the embedded attribution is recorded
        #expect(try world.database.provenance().attributions == ["Fixture boundaries (tests)"])
    }

    @Test func villagesRoundTripIncludingOneWithoutLocation() throws {
        // Given the fixture villages (one with empty lon/lat and a quoted name holding a comma and quotes)
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        // When they are imported
        let report = try world.importer.importVillages(from: try world.write("villages.csv", Fixtures.villagesCSV))
        // Then all three are stored under their communes
        #expect(report.rowCount == 3)
        #expect(report.warnings.isEmpty)
        #expect(try world.database.villageCount() == 3)
        #expect(
            try world.database.villageCommunes()
                == ["00001001": "00001", "00001002": "00001", "00002001": "00002"])
        // And, read with the sqlite3 tool when it is installed, each field is as written and the
        // village without lon/lat has no location at all
        let rows = try sqliteRows(
            world.databasePath,
            "SELECT code, communeCode, name, households, metricX IS NULL, geometry IS NULL FROM village ORDER BY code")
        if let rows {
            #expect(
                rows == [
                    ["00001001", "00001", "Thôn Nà Pàn", "120", "0", "0"],
                    ["00001002", "00001", "Bản Khuổi, \"Lũng\"", "80", "1", "1"],
                    ["00002001", "00002", "Khối 1", "200", "0", "0"],
                ])
        }
    }

    @Test func statisticsRoundTripPerCommuneAndYear() throws {
        // Given units and villages
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When statistics for 2017 and 2018 are imported
        let report = try world.importer.importStatistics(from: try world.write("stats.csv", Fixtures.statsCSV))
        // Then the four rows (three communes-years and one village-year) are taken
        #expect(report.rowCount == 4)
        #expect(try world.database.statisticsYears() == [2017, 2018])
        // And the commune summaries carry them: 78 / 520 = 0.15, 61 / 400 = 0.1525
        let y2018 = try world.database.communeSummaries(year: 2018)
        #expect(y2018.map(\.code) == ["00001", "00002"])
        #expect(
            y2018[0].stats
                == YearStats(year: 2018, code: "00001", households: 520, poorHouseholds: 78, nearPoorHouseholds: 45))
        #expect(
            y2018[1].stats
                == YearStats(year: 2018, code: "00002", households: 400, poorHouseholds: 61, nearPoorHouseholds: 30))
        #expect(y2018[0].stats?.povertyRate == 0.15)
        #expect(y2018[1].stats?.povertyRate == 0.1525)
        let y2017 = try world.database.communeSummaries(year: 2017)
        #expect(
            y2017[0].stats
                == YearStats(year: 2017, code: "00001", households: 500, poorHouseholds: 90, nearPoorHouseholds: 40))
        #expect(y2017[1].stats == nil)
    }

    @Test func classificationsRoundTripPerPeriodWithDistrictFlagInherited() throws {
        // Given units and villages
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When the classifications are imported
        let report = try world.importer.importClassifications(
            from: try world.write("classifications.csv", Fixtures.classificationsCSV))
        // Then all six rows are taken
        #expect(report.rowCount == 6)
        // And in 2018 (period 2016-2020) the communes carry their flags plus the district's poor_30a
        let y2018 = try world.database.communeSummaries(year: 2018)
        #expect(y2018[0].flags == [.difficult135, .border, .poor30a])
        #expect(y2018[1].flags == [.safeZone, .poor30a])
        // And in 2022 (period 2021-2025) only 00002's border flag holds
        let y2022 = try world.database.communeSummaries(year: 2022)
        #expect(y2022[0].flags == [])
        #expect(y2022[1].flags == [.border])
    }

    @Test func classificationOfTheWrongKindOfUnitIsRefused() throws {
        // Given a file flagging a commune as a poor (30a) district
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let file = try world.write("bad.csv", "period,code,flag\n2016-2020,00001,poor_30a\n2016-20,00002,border\n")
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importClassifications(from: file) }
        // Then both bad lines are named and nothing is stored
        #expect(failure.problems.map(\.location) == ["line 2", "line 3"])
        #expect(failure.problems[0].reason == "poor_30a applies to a district, but 00001 is a commune")
        #expect(failure.problems[1].field == "period")
        #expect(try world.database.communeSummaries(year: 2018).allSatisfy { $0.flags.isEmpty })
    }
}

/// Rows of a query run by the `sqlite3` tool (read-only), or nil when the tool is not installed.
func sqliteRows(_ databasePath: String, _ sql: String) throws -> [[String]]? {
    let tool = "/usr/bin/sqlite3"
    guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
    let (status, output) = try runTool(tool, ["-readonly", "-separator", "\u{1F}", databasePath, sql])
    guard status == 0 else {
        Issue.record("sqlite3 failed: \(output)")
        return nil
    }
    return output.split(separator: "\n").map {
        $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }
}
