import AtlasExport
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// The commune map and the works layer are strict RFC 7946 (SPEC §4), checked by the tests' own
/// rules and, when GDAL is installed, by `ogrinfo`.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct GeoJSONExportTests {
    /// The fixture world with statistics, classifications and the three works, exported twice.
    private func exportTwice(
        _ write: (GeoJSONExporter, String) throws -> Int
    ) throws
        -> (world: FixtureWorld, first: String, second: String, path: String, count: Int)
    {
        let world = try FixtureWorld.make(statistics: true)
        try world.importFixtureWorks()
        let exporter = GeoJSONExporter(database: world.database)
        let first = world.url("first.geojson").path
        let second = world.url("second.geojson").path
        let count = try write(exporter, first)
        #expect(try write(exporter, second) == count)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a == b, "two exports of the same data must be byte-identical")
        return (world, String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self), first, count)
    }

    private func properties(_ text: String) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        var result: [String: [String: Any]] = [:]
        for f in features { result[f["id"] as? String ?? "?"] = f["properties"] as? [String: Any] }
        return result
    }

    private func expectOgrinfo(_ path: String, featureCount: Int) throws {
        // Skipped (not failed) when GDAL is not installed.
        guard let (status, output) = try ogrinfoSummary(of: path) else { return }
        #expect(status == 0, "ogrinfo failed: \(output)")
        #expect(output.contains("Feature Count: \(featureCount)"))
        #expect(!output.contains("Warning"), "ogrinfo warned: \(output)")
    }

    @Test func communeMapIsStrictRFC7946() throws {
        // Given the fixture world (00002 stored clockwise with a counter-clockwise hole)
        // When the commune map of 2018 is exported twice
        let (world, text, _, path, count) = try exportTwice { exporter, path in
            try exporter.writeCommunes(CommuneMapExport(year: 2018), to: path)
        }
        defer { world.remove() }
        // Then both exports are identical, and the text passes every RFC 7946 rule of SPEC §4
        #expect(count == 2)
        #expect(RFC7946Check.problems(in: text, idProperty: "code") == [])
        #expect(RFC7946Check.featureCount(in: text) == 2)
        // And 00002's exterior was re-wound counter-clockwise and its hole clockwise:
        // shoelace of the 0.1° × 0.2° exterior = +0.02, of the 0.02° × 0.02° hole = −0.0004
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        let geometry = try #require(features[1]["geometry"] as? [String: Any])
        // (a one-member MultiPolygon may be written as the Polygon it is)
        let type = geometry["type"] as? String
        #expect(type == "Polygon" || type == "MultiPolygon")
        let rings = try #require(
            type == "Polygon"
                ? geometry["coordinates"] as? [[[Double]]] : (geometry["coordinates"] as? [[[[Double]]]])?.first)
        #expect(rings.count == 2)
        #expect(abs(RFC7946Check.shoelace(rings[0]) - 0.02) < 1e-9)
        #expect(abs(RFC7946Check.shoelace(rings[1]) + 0.0004) < 1e-9)
        try expectOgrinfo(path, featureCount: 2)
    }

    @Test func communeMapCarriesStatisticsFlagsAndWorks() throws {
        // Given the exported commune map of 2018
        let (world, text, _, _, _) = try exportTwice { exporter, path in
            try exporter.writeCommunes(CommuneMapExport(year: 2018), to: path)
        }
        defer { world.remove() }
        let p = try properties(text)
        let c1 = try #require(p["00001"])
        let c2 = try #require(p["00002"])
        // Then statistics and rates are those of 2018: 78/520 = 0.15, 61/400 = 0.1525
        #expect(c1["households"] as? Int == 520 && c1["poor_households"] as? Int == 78)
        #expect(c1["poverty_rate"] as? Double == 0.15)
        #expect(c2["poverty_rate"] as? Double == 0.1525)
        #expect(c1["district_code"] as? String == "178" && c1["district_name"] as? String == "Huyện Bình Gia")
        // And flags of 2016-2020, poor_30a inherited from district 178
        #expect(
            c1["poor_30a"] as? Bool == true && c1["difficult_135"] as? Bool == true && c1["border"] as? Bool == true)
        #expect(c2["poor_30a"] as? Bool == true && c2["safe_zone"] as? Bool == true && c2["border"] as? Bool == false)
        // And works by derived commune: W-1 (health, completed) and W-3 (irrigation, proposed) in
        // 00001, W-2 (road, under construction) in 00002, with their money
        #expect(c1["works_health"] as? Int == 1 && c1["works_irrigation"] as? Int == 1 && c1["works_road"] as? Int == 0)
        #expect(c1["works_completed"] as? Int == 1 && c1["works_proposed"] as? Int == 1)
        #expect(c2["works_road"] as? Int == 1 && c2["works_under_construction"] as? Int == 1)
        #expect(c1["planned_vnd"] as? Int == 1_500_000_000 && c1["disbursed_vnd"] as? Int == 1_450_000_000)
        #expect(c2["planned_vnd"] as? Int == 850_000_000 && c2["disbursed_vnd"] as? Int == 400_000_000)
    }

    @Test func worksLayerIsStrictRFC7946() throws {
        // Given the three fixture works
        // When the works layer is exported twice
        let (world, text, _, path, count) = try exportTwice { exporter, path in try exporter.writeWorks(to: path) }
        defer { world.remove() }
        // Then both exports are identical and strict, one feature per work, sorted by id
        #expect(count == 3)
        #expect(RFC7946Check.problems(in: text, idProperty: "id") == [])
        let p = try properties(text)
        #expect(p.keys.sorted() == ["W-1", "W-2", "W-3"])
        // And the derived and declared communes are both there, W-3 flagged
        #expect(p["W-3"]?["commune_code"] as? String == "00001")
        #expect(p["W-3"]?["declared_commune_code"] as? String == "00002")
        #expect(p["W-3"]?["commune_disagrees"] as? Bool == true)
        #expect(p["W-2"]?["commune_code"] as? String == "00002")
        #expect(p["W-2"]?["length_m"] as? Double == 10387.6)
        #expect(p["W-1"]?["villages_served"] as? String == "00001001;00001002")
        #expect(p["W-2"]?["planned_vnd"] as? Int == 850_000_000)
        // And the layer name and the units' attribution are carried
        #expect(
            text.hasPrefix(
                #"{"type":"FeatureCollection","name":"works","attribution":"Fixture boundaries (tests)","features":["#))
        try expectOgrinfo(path, featureCount: 3)
    }

    @Test func theTestsOwnChecksCatchEveryViolation() {
        // Given a FeatureCollection breaking each rule once: a crs member, ids out of order, an id
        // that differs from its property, a clockwise exterior, a counter-clockwise hole, an open
        // ring and a coordinate with 7 decimals
        let bad = """
            {"type":"FeatureCollection","crs":{},"features":[
            {"type":"Feature","id":"b","properties":{"id":"b"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}},
            {"type":"Feature","id":"a","properties":{"id":"x"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0.2,0.2],[0.4,0.2],[0.4,0.4],[0.2,0.2]]]}},
            {"type":"Feature","id":"c","properties":{"id":"c"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]}},
            {"type":"Feature","id":"d","properties":{"id":"d"},"geometry":{"type":"Point","coordinates":[106.1234567,21]}}
            ]}
            """
        // When checked, then each violation is reported
        let problems = RFC7946Check.problems(in: bad, idProperty: "id")
        for expected in [
            "has a crs member", "features are not sorted by id: [\"b\", \"a\", \"c\", \"d\"]",
            "feature a: properties.id differs from the id", "feature b: exterior ring is not counter-clockwise",
            "feature a: hole 1 is not clockwise", "feature c: ring 0 is not closed",
            "coordinate 106.1234567 has more than 6 decimals or an exponent",
        ] {
            #expect(problems.contains(expected), "missed: \(expected) in \(problems)")
        }
    }

    @Test func coordinatesAreRoundedToTheChosenPrecision() throws {
        // Given a work at (106.123456789, 21.0987654321)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        _ = try world.importer.addWork(
            fields: ["id": "X-1", "name": "Giếng", "programme": "135", "category": "water", "status": "proposed"],
            geometry: .point(Position(x: 106.123456789, y: 21.0987654321)))
        // When exported with the default 6 decimals and with 3
        let six = world.url("six.geojson").path
        let three = world.url("three.geojson").path
        try GeoJSONExporter(database: world.database).writeWorks(to: six)
        try GeoJSONExporter(database: world.database, options: try .init(coordinatePrecision: 3)).writeWorks(to: three)
        // Then the coordinates are rounded half away from zero to 6 and 3 decimals
        let sixText = try String(contentsOfFile: six, encoding: .utf8)
        let threeText = try String(contentsOfFile: three, encoding: .utf8)
        #expect(sixText.contains(#""coordinates":[106.123457,21.098765]"#))
        #expect(threeText.contains(#""coordinates":[106.123,21.099]"#))
        #expect(RFC7946Check.problems(in: threeText, idProperty: "id", maxDecimals: 3) == [])
    }
}
