import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// One reproduction per input defect found when the imports were attacked: each is refused
/// with the file, the place in it and the field named, and nothing is stored.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct InputDefectTests {
    static let worksHeader = "id,name,programme,category,status,lon,lat\n"

    func refusal(_ world: FixtureWorld, _ body: (Importer) throws -> Void) throws -> ImportFailure {
        try #require(throws: ImportFailure.self) { try body(world.importer) }
    }

    // MARK: Files that are not files

    @Test func devicesAndFoldersAreRefusedAtOnce() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let zero = try refusal(world) { _ = try $0.importWorks(from: URL(fileURLWithPath: "/dev/zero")) }
        #expect(zero.problems.first?.reason == "cannot read /dev/zero: a device; give the path of a file")
        let units = try refusal(world) { _ = try $0.importUnits(from: URL(fileURLWithPath: "/dev/zero")) }
        #expect(units.description.contains("a device"))
        let folder = try refusal(world) { _ = try $0.importVillages(from: world.directory) }
        #expect(folder.problems.first?.reason.contains("a folder; give the path of a file") == true)
        let empty = try refusal(world) { _ = try $0.importWorks(from: URL(fileURLWithPath: "/dev/null")) }
        #expect(empty.problems.first?.reason.contains("a device") == true)
    }

    @Test func readsStopAtTheSizeLimit() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let file = try world.write("big.csv", String(repeating: "x", count: 4097))
        #expect(throws: GeoJSONReadError.self) { try FileBytes.read(path: file.path, maximumSize: 4096) }
        #expect(try FileBytes.read(path: file.path, maximumSize: 4097).count == 4097)
    }

    // MARK: CSV shape and encoding

    @Test func rowsShorterOrLongerThanTheHeaderAreRefused() throws {
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let csv = """
            code,commune_code,name,lon,lat,households
            00001001,00001,Thôn Nà Pàn
            00001002,00001,Thôn Khuổi,106.05,21.05,80,extra

            """
        let failure = try refusal(world) { _ = try $0.importVillages(from: try world.write("villages.csv", csv)) }
        #expect(failure.problems.map(\.location) == ["line 2", "line 3"])
        #expect(failure.problems[0].reason.hasPrefix("the header has 6 columns but this row has 3 fields"))
        #expect(failure.problems[1].value == "7 fields")
    }

    @Test func nulAndControlCharactersAreRefusedWithTheirLine() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let nul = try refusal(world) {
            _ = try $0.importWorks(
                from: try world.write(
                    "nul.csv",
                    Self.worksHeader
                        + "N-1,Nhà văn hoá,135,culture,proposed,106.05,21.05\nN-2,Th\u{0}n,135,culture,proposed,106.05,21.05\n"
                ))
        }
        #expect(nul.problems.first?.reason == "line 3: control character U+0000 is not allowed in a CSV file")
        let escape = try refusal(world) {
            _ = try $0.importWorks(
                from: try world.write("esc.csv", Self.worksHeader + "N\u{1B}1,Nhà,135,culture,proposed,106.05,21.05\n"))
        }
        #expect(escape.problems.first?.reason.contains("U+001B") == true)
        // In GeoJSON an escaped control character is valid JSON, so the field names it
        let json = Fixtures.featureCollection([
            #"{"type":"Feature","id":"N-3","properties":{"name":"Th\u0000n","programme":"135","category":"culture","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        ])
        let geojson = try refusal(world) { _ = try $0.importWorks(from: try world.write("nul.geojson", json)) }
        #expect(geojson.problems.map(\.field) == ["name"])
        #expect(geojson.problems[0].reason == "control character U+0 is not allowed")
        #expect(try world.database.workCount() == 0)
    }

    @Test func idsOutsideTheAllowListAreRefused() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        for id in ["N\\u0007", "a b", "a/b", "../x", "-lead", String(repeating: "x", count: 65)] {
            let json = Fixtures.featureCollection([
                #"{"type":"Feature","id":"\#(id)","properties":{"name":"Nhà","programme":"135","category":"culture","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
            ])
            let failure = try refusal(world) { _ = try $0.importWorks(from: try world.write("ids.geojson", json)) }
            #expect(failure.problems.map(\.field) == ["id"], "id \(id)")
            let reason = id.hasPrefix("N\\u") ? "control character U+7 is not allowed" : Work.idRule
            #expect(failure.problems.first?.reason == reason, "id \(id)")
        }
        // Letters of any script are fine
        _ = try world.importer.importWorks(
            from: try world.write("ok.csv", Self.worksHeader + "LS_2017.Nà-01,Nhà,135,culture,proposed,106.05,21.05\n"))
        #expect(try world.database.workCount() == 1)
    }

    @Test func carriageReturnOnlyLinesAreLines() throws {
        // Given a CSV saved with classic Mac line endings (CR only)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let rows = [
            "N-1,Nhà văn hoá,135,culture,proposed,106.05,21.05", "N-2,Trạm y tế,135,health,proposed,106.06,21.06",
        ]
        let text: String = String(Self.worksHeader.dropLast()) + "\r" + rows.joined(separator: "\r") + "\r"
        let report = try world.importer.importWorks(from: try world.write("cr.csv", text))
        // Then both rows are imported, and a bad third row is reported on line 4
        #expect(report.rowCount == 2)
        let bad = try refusal(world) {
            _ = try $0.importWorks(
                from: try world.write("cr-bad.csv", text + "N-3,Cầu,135,bridge,proposed,106.07,21.07\r"))
        }
        #expect(bad.problems.map(\.location) == ["line 4"])
    }

    @Test func invalidUTF8NamesItsLine() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        var bytes = Array((Self.worksHeader + "N-1,Nhà,135,culture,proposed,106.05,21.05\r\nN-2,Th").utf8)
        bytes += [0xE1, 0x69]  // Latin-1 "á" followed by "i": not UTF-8
        bytes += Array(",135,culture,proposed,106.05,21.05\n".utf8)
        let file = world.url("latin1.csv")
        try Data(bytes).write(to: file)
        let failure = try refusal(world) { _ = try $0.importWorks(from: file) }
        #expect(failure.problems.first?.reason.hasPrefix("line 3: not valid UTF-8") == true)
    }

    @Test func emptyAndHeaderOnlyFilesAreRefused() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let empty = try refusal(world) { _ = try $0.importStatistics(from: try world.write("empty.csv", "")) }
        #expect(empty.problems.first?.reason == "the file is empty (a header row is required)")
        let header = try refusal(world) {
            _ = try $0.importWorks(from: try world.write("header.csv", Self.worksHeader))
        }
        #expect(header.problems.first?.reason == "no rows after the header: nothing to import")
    }

    // MARK: Geometry

    @Test func multiPointsAreNotWorks() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        func feature(_ category: String, _ geometry: String) -> String {
            Fixtures.featureCollection([
                #"{"type":"Feature","id":"G-1","properties":{"name":"Công trình","programme":"135","category":"\#(category)","status":"proposed"},"geometry":\#(geometry)}"#
            ])
        }
        let multiPoint = #"{"type":"MultiPoint","coordinates":[[106.05,21.05],[106.06,21.06]]}"#
        let multiLine =
            #"{"type":"MultiLineString","coordinates":[[[106.05,21.05],[106.06,21.06]],[[106.07,21.05],[106.08,21.06]]]}"#
        for (category, geometry) in [("water", multiPoint), ("school", multiLine)] {
            let failure = try refusal(world) {
                _ = try $0.importWorks(from: try world.write("m.geojson", feature(category, geometry)))
            }
            #expect(failure.problems.map(\.field) == ["geometry"])
            #expect(
                failure.problems.first?.reason == "a work is a Point, LineString or Polygon (MultiLineString for roads)"
            )
        }
        _ = try world.importer.importWorks(from: try world.write("road.geojson", feature("road", multiLine)))
        #expect(try world.database.workCount() == 1)
    }

    @Test func wktWithHeightsLosesTheHeights() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = "id,name,programme,category,status,wkt\nZ-1,Giếng,135,water,proposed,POINT Z (106.05 21.05 312.5)\n"
        _ = try world.importer.importWorks(from: try world.write("z.csv", csv))
        let stored = try #require(try world.database.work(id: "Z-1"))
        #expect(stored.work.geometry == .point(Position(x: 106.05, y: 21.05)))
        let collection = try refusal(world) {
            _ = try $0.importWorks(
                from: try world.write(
                    "gc.csv",
                    "id,name,programme,category,status,wkt\nZ-2,Giếng,135,water,proposed,\"GEOMETRYCOLLECTION(POINT(106.05 21.05))\"\n"
                ))
        }
        #expect(collection.problems.map(\.field) == ["wkt"])
    }

    @Test func unitsOutsideTheWorldOrSwappedAreRefused() throws {
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        func unit(code: String = "\"00004\"", _ ring: String) -> String {
            Fixtures.featureCollection([
                #"{"type":"Feature","properties":{"code":\#(code),"name":"Xã Mới","kind":"commune","parent_code":"178"},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
            ])
        }
        let good = "[[106.0,21.0],[106.1,21.0],[106.1,21.1],[106.0,21.0]]"
        let cases: [(String, String, String)] = [
            (
                unit("[[206.0,21.0],[206.1,21.0],[206.1,21.1],[206.0,21.0]]"), "geometry",
                "position (206.0, 21.0) is outside longitude −180…180, latitude −90…90"
            ),
            (
                unit("[[21.0,106.0],[21.0,106.1],[21.1,106.1],[21.0,106.0]]"), "geometry",
                "position (21.0, 106.0) is outside longitude −180…180, latitude −90…90; longitude and latitude look swapped"
            ),
            (
                unit(code: "4", good), "code",
                "code must be a string of digits, e.g. \"20\" (a number loses leading zeros)"
            ),
            (
                unit(code: "\"0004\"", good), "code",
                "a commune code is 5 digits (GSO codes: province 2, district 3, commune 5)"
            ),
        ]
        for (text, field, reason) in cases {
            let failure = try refusal(world) { _ = try $0.importUnits(from: try world.write("unit.geojson", text)) }
            #expect(failure.problems.map(\.field) == [field])
            #expect(failure.problems.first?.reason == reason)
            #expect(failure.problems.first?.location.hasPrefix("feature 0") == true)
        }
        #expect(try world.database.units(kind: .commune).count == 2)
    }

    // MARK: Statistics

    @Test func poorAndNearPoorCannotOutnumberTheHouseholds() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = "year,code,households,poor_households,near_poor_households\n2018,00001,100,60,50\n"
        let failure = try refusal(world) { _ = try $0.importStatistics(from: try world.write("stats.csv", csv)) }
        #expect(failure.problems.map(\.location) == ["line 2"])
        #expect(
            failure.problems.first?.reason == "poor_households + near_poor_households (110) exceeds households (100)")
    }

    // MARK: Side files

    @Test func aMalformedSourcesFileIsNamedNotIgnored() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        _ = try world.write("sources.json", #"{"stats.csv": {"attribution": "A", "attribution": "B"}}"#)
        let csv = "year,code,households,poor_households,near_poor_households\n2019,00001,100,10,5\n"
        let failure = try refusal(world) { _ = try $0.importStatistics(from: try world.write("stats.csv", csv)) }
        #expect(failure.file.hasSuffix("sources.json"))
        #expect(failure.problems.first?.reason.contains("duplicate key \"attribution\"") == true)
    }
}
