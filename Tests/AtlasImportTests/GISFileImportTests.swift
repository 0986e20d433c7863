import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Works from the files GIS staff keep, each made here by ogr2ogr from a CSV with a WKT column.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && OfficeFiles.available))
struct GISFileImportTests {
    static let csv = """
        id,name,programme,category,status,commune_code,planned_vnd,WKT
        G-1,Giếng khoan Nà Pàn,135,water,completed,00001,1500000000,POINT (106.05 21.05)
        G-2,Đường Khuổi Lũng,30a,road,proposed,00002,,"LINESTRING (106.07 21.1,106.17 21.1)"
        G-3,Kênh mương,ntm,irrigation,proposed,,,"POLYGON ((106.08 21.09,106.11 21.09,106.11 21.11,106.08 21.11,106.08 21.09))"

        """

    @Test(arguments: [
        ("works.gpkg", "GPKG", ["-nlt", "PROMOTE_TO_MULTI"]),
        ("works.fgb", "FlatGeobuf", []),
        ("works.kml", "LIBKML", []),
        ("works.kmz", "LIBKML", []),
    ])
    func gisFileImportsEveryFeature(name: String, driver: String, extra: [String]) throws {
        // Given the three works in a GIS format (GeoPackage promoting every shape to multi-part)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let file = try OfficeFiles.convert(csv: Self.csv, in: world, to: name, driver: driver, extra: extra)
        // When it is imported
        let report = try world.importer.importWorks(from: file)
        // Then all three are stored with their values and shapes
        #expect(report.rowCount == 3)
        let well = try #require(try world.database.work(id: "G-1"))
        #expect(well.work.name == "Giếng khoan Nà Pàn")
        #expect(well.work.plannedVND == 1_500_000_000)
        #expect(well.work.geometry == .point(Position(x: 106.05, y: 21.05)))
        #expect(try world.database.work(id: "G-3")?.work.geometry.isPolygonal == true)
        #expect(report.notes.contains { $0.contains("EPSG:4326") })
    }

    @Test func kmlPlacemarksGiveNameDescriptionAndExtendedData() throws {
        // Given a KML as Google Earth writes it: a name, a description and ExtendedData in Vietnamese
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let kml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>Công trình</name>
            <Placemark><name>Cầu treo Nà Lầu</name><description>Cầu dân sinh</description>
              <ExtendedData><Data name="Mã công trình"><value>K-1</value></Data>
                <Data name="Chương trình"><value>135</value></Data><Data name="Loại công trình"><value>Giao thông</value></Data>
                <Data name="Tình trạng"><value>Hoàn thành</value></Data></ExtendedData>
              <Point><coordinates>106.05,21.05,312</coordinates></Point></Placemark>
            <Placemark><name>Trạm bơm Khuổi</name>
              <ExtendedData><Data name="Mã công trình"><value>K-2</value></Data>
                <Data name="Chương trình"><value>135</value></Data><Data name="Loại công trình"><value>Đường sắt</value></Data>
                <Data name="Tình trạng"><value>Đề xuất</value></Data></ExtendedData>
              <Point><coordinates>106.06,21.06</coordinates></Point></Placemark>
            </Folder></Document></kml>
            """
        let file = try world.write("cong-trinh.kml", kml)
        // When it is imported, the bad placemark is named
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importWorks(from: file) }
        #expect(failure.problems.map(\.location) == ["placemark \"Trạm bơm Khuổi\" (feature 2)"])
        #expect(failure.problems.first?.value == "Đường sắt")
        // And once fixed, the placemark's name is the work's name and its height is dropped
        _ = try world.importer.importWorks(
            from: try world.write("cong-trinh.kml", kml.replacingOccurrences(of: "Đường sắt", with: "Thủy lợi")))
        let bridge = try #require(try world.database.work(id: "K-1")).work
        #expect(bridge.name == "Cầu treo Nà Lầu" && bridge.category == .road && bridge.status == .completed)
        #expect(bridge.geometry == .point(Position(x: 106.05, y: 21.05)))
    }

    @Test func gpxWaypointsAreWorksAndTracksAreLines() throws {
        // Given a GPS receiver's GPX: a waypoint with the fields in GPX extensions, a track
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let gpx = """
            <?xml version="1.0"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1" xmlns:atlas="https://example.org/atlas">
            <wpt lat="21.06" lon="106.06"><ele>250</ele><name>Giếng GPS</name><extensions><atlas:id>P-1</atlas:id>
              <atlas:programme>135</atlas:programme><atlas:category>Nước sinh hoạt</atlas:category>
              <atlas:status>Hoàn thành</atlas:status></extensions></wpt>
            <trk><name>Đường mòn</name><trkseg><trkpt lat="21.02" lon="106.02"><ele>300</ele></trkpt>
              <trkpt lat="21.03" lon="106.08"/></trkseg></trk>
            </gpx>
            """
        let file = try world.write("gps.gpx", gpx)
        let report = try world.importer.importWorks(from: file)
        #expect(report.rowCount == 1)
        #expect(try world.database.work(id: "P-1")?.work.geometry == .point(Position(x: 106.06, y: 21.06)))
        #expect(!report.warnings.contains { $0.contains("\"ele\"") || $0.contains("link1") }, "\(report.warnings)")
        // When the tracks layer is asked for, with the fields it lacks as defaults
        let tracks = try world.importer.importWorks(
            from: file,
            options: WorkFileOptions(
                sheet: "tracks",
                defaults: ["id": "TR-1", "programme": "135", "category": "road", "status": "proposed"]))
        #expect(tracks.rowCount == 1)
        #expect(try world.database.work(id: "TR-1")?.work.geometry.isLineal == true)
    }

    @Test func vn2000ShapefileIsReadInTheCRSOfItsPrj() throws {
        // Given a Shapefile in VN-2000 / TM-3 107°15′ (EPSG:9215), .prj beside it, also zipped
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = """
            id,name,programme,category,status,WKT
            V-1,Giếng VN2000,135,water,proposed,POINT (385500 2328900)
            V-2,Giếng 2,135,water,proposed,POINT (375200 2340000)

            """
        let shp = try OfficeFiles.convert(
            csv: csv, in: world, to: "vn2000.shp", driver: "ESRI Shapefile", srs: "EPSG:9215",
            extra: ["-lco", "ENCODING=UTF-8"])
        #expect(FileManager.default.fileExists(atPath: world.url("vn2000.prj").path))
        // When it is imported without --srid
        let report = try world.importer.importWorks(from: shp)
        // Then the file's CRS is used and the points land where cs2cs puts them
        #expect(report.notes.contains { $0.contains("EPSG:9215") })
        for (id, e, n) in [("V-1", 385500.0, 2328900.0), ("V-2", 375200.0, 2340000.0)] {
            let expected = try OfficeFiles.cs2csLonLat(easting: e, northing: n, srid: 9215)
            guard case .point(let p) = try #require(try world.database.work(id: id)).work.geometry else {
                Issue.record("\(id) is not a point")
                continue
            }
            #expect(abs(p.x - expected.lon) < 1e-6 && abs(p.y - expected.lat) < 1e-6, "\(id): \(p) vs \(expected)")
        }
        // And the same Shapefile zipped is read inside the archive
        let zip = world.url("vn2000.zip")
        _ = try Tool.run(
            "/usr/bin/env",
            ["python3", "-c",
             "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1],'w'); [z.write(f, f.split('/')[-1]) for f in sys.argv[2:]]",
             zip.path] + ["shp", "shx", "dbf", "prj", "cpg"].map { world.url("vn2000.\($0)").path })
        #expect(try world.importer.importWorks(from: zip).rowCount == 2)
    }

    @Test func aCRSWorksAreNotReadInIsNamed() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = "id,name,programme,category,status,WKT\nU-1,Giếng,135,water,proposed,POINT (605000 2333000)\n"
        let shp = try OfficeFiles.convert(
            csv: csv, in: world, to: "utm.shp", driver: "ESRI Shapefile", srs: "EPSG:32648")
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importWorks(from: shp) }
        #expect(failure.problems.first?.reason.contains("EPSG:32648 (WGS 84 / UTM zone 48N)") == true)
    }
}
