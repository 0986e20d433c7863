import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Boundaries as the Department of Natural Resources hands them out: a Shapefile in VN-2000
/// with Vietnamese field names and codes stored as numbers, or a GeoPackage. Each file is made
/// here by ogr2ogr from the small world's GeoJSON units.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && OfficeFiles.available))
struct GISUnitsImportTests {
    static let july2025 = try! CalendarDate(iso: "2025-07-01")
    static let before = try! CalendarDate(iso: "2020-01-01")

    /// The small world's units through ogr2ogr: `select` renames and retypes the fields.
    static func convert(
        in world: FixtureWorld, to name: String, driver: String, srs: String, select: String
    ) throws -> URL {
        let input = try world.write("source-units.geojson", Fixtures.unitsGeoJSON)
        let out = world.url(name)
        let encoding = driver == "ESRI Shapefile" ? ["-lco", "ENCODING=UTF-8"] : []
        let said = try Tool.run(
            OfficeFiles.ogr2ogr,
            ["-f", driver, out.path, input.path, "-t_srs", srs, "-dialect", "sqlite",
             "-sql", "SELECT \(select), geometry FROM \"source-units\""] + encoding)
        guard FileManager.default.fileExists(atPath: out.path) else { throw OfficeFiles.Failure(said: said) }
        return out
    }

    static let vietnameseNumericFields = """
        CAST(code AS integer) AS ma_dvhc, name AS ten, \
        CASE kind WHEN 'province' THEN 'Tỉnh' WHEN 'district' THEN 'Huyện' ELSE 'Xã' END AS cap, \
        CAST(parent_code AS integer) AS ma_cap_tren
        """

    /// How far in degrees the vertices of the two vintages' units of one code lie from each other
    /// (each vertex to its nearest, both ways: a Shapefile turns rings clockwise).
    static func largestShift(_ world: FixtureWorld, code: String, kind: UnitKind) throws -> Double {
        let old = try #require(try world.database.onUnits(before).wgs84Units(kind: kind).first { $0.code == code })
        let new = try #require(try world.database.onUnits(july2025).wgs84Units(kind: kind).first { $0.code == code })
        let (a, b) = (old.geometry.positions, new.geometry.positions)
        func farthest(_ from: [Position], _ to: [Position]) -> Double {
            from.map { p in to.map { max(abs(p.x - $0.x), abs(p.y - $0.y)) }.min() ?? .infinity }.max() ?? .infinity
        }
        return max(farthest(a, b), farthest(b, a))
    }

    @Test func vn2000ShapefileWithVietnameseFieldsAndNumericCodes() throws {
        // Given the units as a VN-2000 TM-3 107°15′ Shapefile (.prj), fields "ma_dvhc", "ten", "cap"
        // and "ma_cap_tre" (cut to 10 characters), codes as integers (00001 stored as 1)
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let file = try Self.convert(
            in: world, to: "dvhc.shp", driver: "ESRI Shapefile", srs: "EPSG:9215", select: Self.vietnameseNumericFields)
        // When it is imported as a second vintage
        let report = try world.importer.importUnits(from: file, validFrom: Self.july2025)
        // Then every unit is there with its code's zeros, its level and its parent
        #expect(report.rowCount == 4)
        let communes = try world.database.onUnits(Self.july2025).units(kind: .commune)
        #expect(communes.map(\.code).sorted() == ["00001", "00002"])
        #expect(communes.first { $0.code == "00002" }?.parentCode == "178")
        #expect(communes.first { $0.code == "00001" }?.name == "Xã Hồng Phong")
        #expect(try world.database.onUnits(Self.july2025).units(kind: .province).first?.parentCode == nil)
        #expect(try world.database.onUnits(Self.july2025).units(kind: .province).first?.name == "Tỉnh Thử Nghiệm")
        // and the boundaries come back from VN-2000 to where the GeoJSON has them (ogr2ogr
        // projected forward, the import back: a round trip through PROJ both ways)
        for (code, kind) in [("20", UnitKind.province), ("178", .district), ("00001", .commune), ("00002", .commune)] {
            #expect(try Self.largestShift(world, code: code, kind: kind) < 1e-7, "unit \(code)")
        }
        #expect(report.notes.contains { $0.contains("EPSG:9215") && $0.contains("as the file states") })
        #expect(report.notes.contains { $0.contains("leading zeros restored") })
    }

    @Test func geoPackageWithSpecFieldNames() throws {
        // Given the units as a GeoPackage in WGS 84 with SPEC §5's field names
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let file = try Self.convert(
            in: world, to: "units.gpkg", driver: "GPKG", srs: "EPSG:4326", select: "code, name, kind, parent_code")
        // When it is imported, then it is the same map
        #expect(try world.importer.importUnits(from: file, validFrom: Self.july2025).rowCount == 4)
        #expect(try Self.largestShift(world, code: "00002", kind: .commune) < 1e-9)
    }

    @Test func everyBadFeatureIsListedAndNothingIsImported() throws {
        // Given a Shapefile whose district has no parent and whose second commune names a parent
        // that does not exist
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let select = """
            code, name, kind, \
            CASE code WHEN '178' THEN NULL WHEN '00002' THEN '999' ELSE parent_code END AS parent_code
            """
        let file = try Self.convert(in: world, to: "bad.shp", driver: "ESRI Shapefile", srs: "EPSG:4326", select: select)
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importUnits(from: file, validFrom: Self.july2025)
        }
        // Then both features are named by index and FID, with the field and the reason
        #expect(failure.problems.map(\.location).sorted() == ["feature 2 (FID 1)", "feature 4 (FID 3)"])
        #expect(failure.problems.contains { $0.field == "parent_code" && $0.reason.contains("required for a district") })
        #expect(failure.problems.contains { $0.value == "999" && $0.reason.contains("no district or province") })
        #expect(try world.database.onUnits(Self.july2025).units(kind: .commune).map(\.code).sorted() == ["00001", "00002"])
        #expect(try world.database.vintages().count == 1)
    }

    @Test func aCoordinateSystemUnitsAreNotReadInIsRefused() throws {
        // Given the units in Web Mercator, which is not an input CRS
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let file = try Self.convert(in: world, to: "mercator.gpkg", driver: "GPKG", srs: "EPSG:3857", select: "code, name, kind, parent_code")
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importUnits(from: file) }
        #expect(failure.problems.first?.reason.contains("which units are not read in") == true)
        #expect(failure.problems.first?.reason.contains("ogr2ogr -t_srs EPSG:4326") == true)
    }

    @Test func aWorkbookIsNotAUnitsFormat() throws {
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let file = try world.write("units.xlsx", "")
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importUnits(from: file) }
        #expect(failure.problems.first?.reason.hasPrefix("units are read from .geojson, .shp, .zip, .gpkg") == true)
    }
}
