import AtlasExport
import AtlasImport
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Every GDAL export of the small world read back with GDAL's own ogrinfo and ogr2ogr: the
/// layers and their counts, a đồng amount as an integer, a Vietnamese name intact, the CRS, and
/// nothing on the readers' stderr.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && GDALTools.areInstalled))
struct GISExportTests {
    /// Which file holds which layer for each format (the small world has a point, a line, a polygon).
    static func expectedLayers(_ format: ExportFormat) -> [(file: String, layer: String, count: Int)] {
        switch format {
        case .gpkg: [("works.gpkg", "works_points", 1), ("works.gpkg", "works_lines", 1), ("works.gpkg", "works_polygons", 1)]
        case .shp:
            [("works_points.shp", "works_points", 1), ("works_lines.shp", "works_lines", 1),
             ("works_polygons.shp", "works_polygons", 1)]
        default: [("works.\(format.rawValue)", "works", 3)]
        }
    }

    @Test(arguments: [ExportFormat.gpkg, .shp, .kml, .fgb, .csv, .xlsx])
    func worksReadBackWithGDAL(_ format: ExportFormat) throws {
        let (database, directory) = try GoldenExportTests.world()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out/works.\(format.rawValue)").path
        let result = try GISExporter(database: database, format: format).writeWorks(to: out)
        #expect(result.features == 3)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        var rows = ""
        for expected in Self.expectedLayers(format) {
            let file = directory.appendingPathComponent("out/\(expected.file)").path
            let info = try Tool.output("/usr/bin/ogrinfo", ["-ro", "-so", "-al", file])
            #expect(info.status == 0 && info.stderr.isEmpty, "ogrinfo \(expected.file): \(info.stderr)")
            #expect(Self.counts(info.stdout)[expected.layer] == expected.count, "\(info.stdout)")
            let csv = try Tool.output("/usr/bin/ogr2ogr", ["-f", "CSV", "/vsistdout/", file, expected.layer])
            #expect(csv.stderr.isEmpty, "ogr2ogr \(expected.file): \(csv.stderr)")
            rows += csv.stdout
        }
        #expect(rows.contains("Trạm y tế xã Hồng Phong"), "\(rows)")
        // W-1's planned amount, whole đồng: never 1500000000.0 or 1.5e9.
        #expect(rows.contains("1500000000") && !rows.contains("1500000000.") && !rows.contains("1.5e"), "\(rows)")
        // The data's attribution, where each format keeps it.
        let attribution = "Fixture boundaries (tests)"
        switch format {
        case .gpkg:
            let info = try Tool.output("/usr/bin/ogrinfo", ["-ro", "-so", out])
            #expect(info.stdout.contains("ATTRIBUTION=\(attribution)"), "\(info.stdout)")
        case .kml:
            #expect(try String(contentsOfFile: out, encoding: .utf8).contains(attribution))
        case .xlsx:
            let sheet = try Tool.output("/usr/bin/ogr2ogr", ["-f", "CSV", "/vsistdout/", out, "README"])
            #expect(sheet.stdout.contains("Attribution: \(attribution)"), "\(sheet.stdout)")
        default:
            let readme = directory.appendingPathComponent("out/works.\(format.rawValue).README.txt")
            #expect(try String(contentsOf: readme, encoding: .utf8).contains("Attribution: \(attribution)"))
        }
        // No temporary file is left beside the export.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path)
        #expect(!left.contains { $0.hasPrefix(".") }, "\(left)")
    }

    /// The commune map in every format: two communes, a name in Vietnamese, amounts and counts
    /// as 64-bit integers where the format keeps types (KML and CSV are text), no reader warning.
    @Test(arguments: [ExportFormat.gpkg, .shp, .kml, .fgb, .csv, .xlsx])
    func communesReadBackWithGDAL(_ format: ExportFormat) throws {
        let (database, directory) = try GoldenExportTests.world()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("communes.\(format.rawValue)").path
        let result = try GISExporter(database: database, format: format).writeCommunes(
            CommuneMapExport(year: 2018), to: file)
        #expect(result.features == 2 && result.warnings.isEmpty, "\(result.warnings)")
        let info = try Tool.output("/usr/bin/ogrinfo", ["-ro", "-so", "-al", file])
        #expect(info.status == 0 && info.stderr.isEmpty, "\(info.stderr)")
        #expect(Self.counts(info.stdout)["communes"] == 2, "\(info.stdout)")
        // DBF names are 10 bytes; a workbook's reader infers Integer from small whole numbers.
        let typed = [ExportFormat.gpkg: "planned_vnd: Integer64", .fgb: "planned_vnd: Integer64",
                     .shp: "planned_vn: Integer64", .xlsx: "planned_vnd: Integer"][format]
        if let typed { #expect(info.stdout.contains(typed), "\(info.stdout)") }
        let rows = try Tool.output("/usr/bin/ogr2ogr", ["-f", "CSV", "/vsistdout/", file, "communes"])
        #expect(rows.stderr.isEmpty && rows.stdout.contains("Thị trấn Bình Gia"), "\(rows.stdout)\(rows.stderr)")
    }

    @Test func shapefilesSayUTF8AndCarryAReadme() throws {
        let (database, directory) = try GoldenExportTests.world()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("works.shp").path
        let result = try GISExporter(database: database, format: .shp).writeWorks(to: out)
        for type in ["points", "lines", "polygons"] {
            let cpg = try String(contentsOf: directory.appendingPathComponent("works_\(type).cpg"), encoding: .utf8)
            #expect(cpg.trimmingCharacters(in: .whitespacesAndNewlines) == "UTF-8")
        }
        let readme = try String(contentsOf: directory.appendingPathComponent("works.shp.README.txt"), encoding: .utf8)
        #expect(readme.contains("Attribution: Fixture boundaries (tests)"), "\(readme)")
        #expect(readme.contains("declared_commune_code = declared_c"), "\(readme)")
        #expect(result.files.contains(directory.appendingPathComponent("works.shp.README.txt").path))
    }

    /// VN-2000 / TM-3 107°15′ (EPSG:9215): the .prj names VN-2000, W-1 (106.05, 21.05) in metres
    /// within a centimetre of what PROJ's cs2cs computes.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/cs2cs")))
    func vn2000ShapefileAgreesWithCs2cs() throws {
        let (database, directory) = try GoldenExportTests.world()
        defer { try? FileManager.default.removeItem(at: directory) }
        try GISExporter(database: database, format: .shp, srid: 9215).writeWorks(
            to: directory.appendingPathComponent("works.shp").path)
        let prj = try String(contentsOf: directory.appendingPathComponent("works_points.prj"), encoding: .utf8)
        #expect(prj.contains("VN-2000") || prj.contains("VN_2000"), "\(prj)")
        let file = directory.appendingPathComponent("works_points.shp").path
        let read = try Tool.output("/usr/bin/ogr2ogr", ["-f", "CSV", "/vsistdout/", file, "-lco", "GEOMETRY=AS_XY"])
        #expect(read.stderr.isEmpty, "\(read.stderr)")
        let row = try #require(read.stdout.split(separator: "\n").dropFirst().first).split(separator: ",")
        let (x, y) = (try #require(Double(row[0])), try #require(Double(row[1])))
        let expected = try Self.cs2cs(longitude: 106.05, latitude: 21.05, to: 9215)
        #expect(abs(x - expected.easting) < 0.01 && abs(y - expected.northing) < 0.01, "\(x) \(y) vs \(expected)")
    }

    @Test func communesGeoPackageCarriesTheChoroplethAsTheQGISDefaultStyle() throws {
        let (database, directory) = try GoldenExportTests.world()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("communes.gpkg").path
        try GISExporter(database: database, format: .gpkg).writeCommunes(CommuneMapExport(year: 2018), to: file)
        let info = try Tool.output("/usr/bin/ogrinfo", ["-ro", "-so", "-al", file])
        #expect(info.stderr.isEmpty, "\(info.stderr)")
        #expect(Self.counts(info.stdout) == ["communes": 2, "layer_styles": 1], "\(info.stdout)")
        let styles = try Tool.output(
            "/usr/bin/ogr2ogr",
            ["-f", "CSV", "/vsistdout/", file, "-sql",
             "SELECT f_table_name, f_geometry_column, useAsDefault, styleQML FROM layer_styles"])
        #expect(styles.stderr.isEmpty, "\(styles.stderr)")
        #expect(styles.stdout.contains("communes,geom,\"1\","), "\(styles.stdout)")
        #expect(styles.stdout.contains("RuleRenderer") && styles.stdout.contains("189,0,38,217"), "\(styles.stdout)")
    }

    /// Two exports of the same database are the same bytes (timestamps fixed via OGR_CURRENT_DATE).
    @Test func twoGeoPackageExportsAreByteIdentical() throws {
        let (database, directory) = try GoldenExportTests.world()
        defer { try? FileManager.default.removeItem(at: directory) }
        let exporter = GISExporter(database: database, format: .gpkg)
        for kind in ["works", "communes"] {
            var files: [Data] = []
            for i in 0..<2 {
                let path = directory.appendingPathComponent("\(kind)-\(i).gpkg").path
                if kind == "works" { try exporter.writeWorks(to: path) } else {
                    try exporter.writeCommunes(CommuneMapExport(year: 2018), to: path)
                }
                files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
                if i == 0 { Thread.sleep(forTimeInterval: 1.1) }  // a clock-based timestamp would differ
            }
            #expect(files[0] == files[1], "\(kind).gpkg differs between two exports")
        }
    }

    @Test func aGeoPackageOfWorksImportsBackToTheSameBytes() throws {
        // Given the works exported as a GeoPackage (one layer per geometry type)
        let (database, directory) = try GoldenExportTests.world()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first.gpkg")
        try GISExporter(database: database, format: .gpkg).writeWorks(to: first.path)
        // When it is imported into another database with the same units and exported again
        let (copy, copyDirectory) = try GoldenExportTests.world(works: false)
        defer { try? FileManager.default.removeItem(at: copyDirectory) }
        let report = try Importer(database: copy).importWorks(from: first)
        let second = copyDirectory.appendingPathComponent("second.gpkg")
        try GISExporter(database: copy, format: .gpkg).writeWorks(to: second.path)
        // Then all three layers were read and the file comes back byte for byte
        #expect(report.rowCount == 3, "\(report.notes)")
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    /// "Layer name: X" … "Feature Count: N" of ogrinfo -so -al.
    static func counts(_ info: String) -> [String: Int] {
        var result: [String: Int] = [:]
        var layer: String?
        for line in info.split(separator: "\n") {
            if line.hasPrefix("Layer name: ") { layer = String(line.dropFirst("Layer name: ".count)) }
            if line.hasPrefix("Feature Count: "), let layer { result[layer] = Int(line.dropFirst("Feature Count: ".count)) }
        }
        return result
    }

    /// Easting and northing of a WGS 84 position by PROJ's cs2cs (an independent program).
    static func cs2cs(longitude: Double, latitude: Double, to srid: Int) throws -> (easting: Double, northing: Double) {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("cs2cs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input) }
        // EPSG:4326 is latitude first for cs2cs.
        try Data("\(latitude) \(longitude)\n".utf8).write(to: input)
        let out = try Tool.output("/usr/bin/cs2cs", ["-d", "4", "EPSG:4326", "EPSG:\(srid)", input.path])
        let numbers = out.stdout.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { Double($0) }
        let pair = try #require(numbers.count >= 2 ? numbers : nil, "cs2cs: \(out.stdout) \(out.stderr)")
        // Whatever the axis order: in Vietnam the northing (over 1 000 km) is the larger.
        return (min(pair[0], pair[1]), max(pair[0], pair[1]))
    }
}

enum GDALTools {
    static let areInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo")
}
