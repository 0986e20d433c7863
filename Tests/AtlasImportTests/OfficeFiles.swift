import AtlasTestSupport
import Foundation

/// Makes the files clerks and GIS staff send, in the test, with GDAL's own `ogr2ogr` and the
/// standard-library workbook writer in Scripts/: no binary fixtures.
enum OfficeFiles {
    /// `text` in TCVN3 bytes as glibc's iconv writes it (`iconv -f UTF-8 -t TCVN5712-1`); nil if iconv fails.
    static func iconvTCVN3(_ text: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "TCVN5712-1"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        return process.terminationStatus == 0 ? bytes : nil
    }

    static let ogr2ogr = "/usr/bin/ogr2ogr"
    static let cs2cs = "/usr/bin/cs2cs"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: ogr2ogr) && FileManager.default.isExecutableFile(atPath: cs2cs)
    }

    static let workbookScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts/make_workbook.py")

    /// An .xlsx from a JSON spec (see the script): `{"sheets": [{"name", "merge", "rows"}]}`.
    static func workbook(_ spec: String, in world: FixtureWorld, named name: String) throws -> URL {
        let specURL = try world.write(name + ".json", spec)
        let out = world.url(name)
        let said = try Tool.run("/usr/bin/env", ["python3", workbookScript.path, specURL.path, out.path])
        guard FileManager.default.fileExists(atPath: out.path) else { throw Failure(said: said) }
        return out
    }

    /// `ogr2ogr -f DRIVER out in.csv` with the CSV's `WKT` column as the geometry.
    static func convert(
        csv: String, in world: FixtureWorld, to name: String, driver: String, srs: String = "EPSG:4326",
        extra: [String] = []
    ) throws -> URL {
        let input = try world.write(name + ".csv", csv)
        let out = world.url(name)
        let said = try Tool.run(
            ogr2ogr,
            ["-f", driver, out.path, input.path, "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO",
             "-a_srs", srs] + extra)
        guard FileManager.default.fileExists(atPath: out.path) else { throw Failure(said: said) }
        return out
    }

    /// Longitude and latitude PROJ's cs2cs gives for an easting and northing in `srid`.
    static func cs2csLonLat(easting: Double, northing: Double, srid: Int32) throws -> (lon: Double, lat: Double) {
        let script = "printf '\(easting) \(northing)\\n' | \(cs2cs) -f %.9f EPSG:\(srid) EPSG:4326"
        let out = try Tool.run("/bin/sh", ["-c", script]).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard out.count >= 2, let lat = Double(out[0]), let lon = Double(out[1]) else { throw Failure(said: out.joined()) }
        return (lon, lat)
    }

    struct Failure: Error, CustomStringConvertible {
        let said: String
        var description: String { "could not make the file: \(said)" }
    }
}
