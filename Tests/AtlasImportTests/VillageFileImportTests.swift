import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Villages as communes and GIS staff keep them: a workbook with a title row, Vietnamese headers
/// and codes typed as numbers, or a layer of points in VN-2000.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && OfficeFiles.available && SQLiteShell.isAvailable))
struct VillageFileImportTests {
    /// Each village's code with its stored lon/lat (read back by SpatiaLite in the sqlite3 tool).
    static func locations(_ world: FixtureWorld) throws -> [String: (lon: Double, lat: Double)] {
        let said = try Tool.run(
            "/usr/bin/sqlite3",
            ["-readonly", world.databasePath, ".load mod_spatialite",
             "SELECT code, X(geometry), Y(geometry) FROM village WHERE geometry IS NOT NULL"])
        var result: [String: (Double, Double)] = [:]
        for line in said.split(separator: "\n") {
            let cells = line.split(separator: "|").map(String.init)
            if cells.count == 3, let lon = Double(cells[1]), let lat = Double(cells[2]) { result[cells[0]] = (lon, lat) }
        }
        return result
    }

    static let communeWorkbook = """
        {"sheets": [{"name": "Danh sách thôn", "merge": ["A1:G1"], "rows": [
          ["DANH SÁCH THÔN, BẢN XÃ HỒNG PHONG NĂM 2024"],
          ["STT", "Mã thôn", "Tên thôn", "Mã xã", "Kinh độ", "Vĩ độ", "Số hộ"],
          [1, 1001, "Thôn Nà Pàn", 1, 106.05, 21.05, 120],
          [2, "00001002", "Bản Khuổi Lũng", "00001", null, null, 80],
          [3, "00002001", "Khối 1", "00002", "106,15", "21,05", "200"]
        ]}]}
        """

    @Test func communeWorkbookWithTitleRowVietnameseHeadersAndNumericCodes() throws {
        // Given the commune's workbook: a merged title row, headers in Vietnamese, the first
        // village's codes typed as numbers (Excel shows 1001 and 1), decimal commas in the last row
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let file = try OfficeFiles.workbook(Self.communeWorkbook, in: world, named: "thon.xlsx")
        // When it is imported
        let report = try world.importer.importVillages(from: file)
        // Then the three villages are stored with their codes' zeros, households and points
        #expect(report.rowCount == 3)
        #expect(
            try world.database.villageCommunes()
                == ["00001001": "00001", "00001002": "00001", "00002001": "00002"])
        let points = try Self.locations(world)
        #expect(points.count == 2)
        #expect(abs((points["00001001"]?.lon ?? 0) - 106.05) < 1e-9)
        #expect(abs((points["00002001"]?.lon ?? 0) - 106.15) < 1e-9)
        #expect(report.notes.contains { $0.contains("header in row 2") })
        #expect(report.notes.contains { $0.contains("leading zeros given back") })
        #expect(report.warnings.isEmpty, "STT is a row number, not an unknown column: \(report.warnings)")
    }

    @Test func everyBadWorkbookRowIsListedWithItsExcelRow() throws {
        // Given a sheet with a village of an unknown commune, a repeated code and a bad household count
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let spec = """
            {"sheets": [{"name": "Thôn", "rows": [
              ["Mã thôn", "Tên thôn", "Mã xã", "Số hộ"],
              ["00001001", "Thôn Nà Pàn", "00001", 120],
              ["00009001", "Thôn Lạ", "00009", 10],
              ["00001001", "Thôn Nà Pàn 2", "00001", 5],
              ["00001003", "Thôn Mới", "00001", "nhiều"]
            ]}]}
            """
        let file = try OfficeFiles.workbook(spec, in: world, named: "bad.xlsx")
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importVillages(from: file) }
        func has(_ row: Int, _ field: String, _ value: String) -> Bool {
            failure.problems.contains { $0.location == "sheet \"Thôn\" row \(row)" && $0.field == field && $0.value == value }
        }
        #expect(has(3, "commune_code", "00009"), "\(failure.problems)")
        #expect(has(4, "code", "00001001"), "\(failure.problems)")
        #expect(failure.problems.contains { $0.reason == "duplicate of sheet \"Thôn\" row 2" })
        #expect(has(5, "households", "nhiều"), "\(failure.problems)")
        #expect(failure.problems.count == 3)
        #expect(try world.database.villageCount() == 0)
    }

    @Test func vn2000PointShapefileLandsWhereTheCSVSays() throws {
        // Given the small world's villages with a point as a VN-2000 TM-3 107°15′ Shapefile
        // (ogr2ogr projects them; field names cut to 10 characters: "commune_co")
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let csv = try world.write("villages.csv", Fixtures.villagesCSV)
        let shp = world.url("thon.shp")
        _ = try Tool.run(
            OfficeFiles.ogr2ogr,
            ["-f", "ESRI Shapefile", shp.path, csv.path, "-s_srs", "EPSG:4326", "-t_srs", "EPSG:9215",
             "-lco", "ENCODING=UTF-8", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
             "-sql", "SELECT code, commune_code, name, CAST(households AS integer) AS households FROM villages WHERE lon <> ''"])
        // When it is imported
        let report = try world.importer.importVillages(from: shp)
        // Then each village is back at its longitude and latitude (PROJ forward in GDAL, back in the import)
        #expect(report.rowCount == 2)
        let points = try Self.locations(world)
        #expect(abs((points["00001001"]?.lon ?? 0) - 106.05) < 1e-7)
        #expect(abs((points["00001001"]?.lat ?? 0) - 21.05) < 1e-7)
        #expect(abs((points["00002001"]?.lon ?? 0) - 106.15) < 1e-7)
        #expect(report.notes.contains { $0.contains("EPSG:9215") })
    }

    @Test func aLineLayerIsNotVillages() throws {
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let file = try OfficeFiles.convert(
            csv: "code,commune_code,name,WKT\n00001001,00001,Thôn Nà Pàn,\"LINESTRING (106.05 21.05,106.06 21.06)\"\n",
            in: world, to: "thon.gpkg", driver: "GPKG")
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importVillages(from: file) }
        #expect(failure.problems.map(\.reason) == ["a village is a Point, not a LineString"])
    }
}
