import AtlasModel
import Testing

@testable import AtlasGeoJSON

@Suite struct GeoJSONReaderTests {
    private func read(_ text: String, options: GeoJSONReadOptions = GeoJSONReadOptions()) throws -> GeoJSONDocument {
        try GeoJSONReader(options: options).read(text: text)
    }

    private func readError(_ text: String, options: GeoJSONReadOptions = GeoJSONReadOptions()) -> GeoJSONReadError? {
        do {
            _ = try read(text, options: options)
            return nil
        } catch let error as GeoJSONReadError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    private func feature(geometry: String, id: String = "\"f\"") -> String {
        #"{"type": "Feature", "id": \#(id), "properties": null, "geometry": \#(geometry)}"#
    }

    private func collection(_ features: [String]) -> String {
        #"{"type": "FeatureCollection", "features": [\#n\#(features.joined(separator: ",\n"))\#n]}"#
    }

    private func p(_ x: Double, _ y: Double) -> Position { Position(x: x, y: y) }

    @Test func readsEveryGeometryTypeWithPropertiesIdsAndForeignMembers() throws {
        // Given a collection mixing geometry types, ids, a 3D position and foreign members
        let text = """
            {"type": "FeatureCollection", "name": "works", "attribution": "Ban Dân tộc", "bbox": [0, 0, 9, 9],
             "features": [
              {"type": "Feature", "id": "W-1", "properties": {"name": "Đường", "km": 2.5, "households": 120, "paved": true, "note": null},
               "geometry": {"type": "Point", "coordinates": [106.5, 21.8, 250]}},
              {"type": "Feature", "id": 42, "properties": {}, "geometry": {"coordinates": [[1, 2], [3, 4]], "type": "LineString"}},
              {"type": "Feature", "properties": null, "geometry": {"type": "Polygon", "coordinates": [
                [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [1, 1]]]}},
              {"type": "Feature", "id": 1.5, "properties": {"a": [1, 2]}, "geometry": {"type": "MultiPoint", "coordinates": [[1, 1], [2, 2]]}},
              {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 4]]]}, "properties": {}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}},
              {"type": "Feature", "id": "none", "properties": {"x": 1}, "geometry": null}
             ],
             "notice": "CC-BY"}
            """
        let document = try read(text)
        // Then every feature is read, in order, with nothing reported
        let f = document.features
        #expect(f.count == 7)
        #expect(f.allSatisfy { $0.isValid })
        #expect(f.map(\.index) == Array(0..<7))
        #expect(f.map(\.id) == ["W-1", "42", nil, "1.5", nil, nil, "none"])
        #expect(f[0].geometry == .point(p(106.5, 21.8)))
        #expect(f[0].properties.keys == ["name", "km", "households", "paved", "note"])
        #expect(f[0].properties["name"] == .string("Đường"))
        #expect(f[0].properties["km"] == .double(2.5))
        #expect(f[0].properties["households"] == .integer(120))
        #expect(f[0].properties["note"] == .null)
        #expect(f[1].geometry == .lineString([p(1, 2), p(3, 4)]))
        #expect(
            f[2].geometry
                == .polygon([[p(0, 0), p(4, 0), p(4, 4), p(0, 4), p(0, 0)], [p(1, 1), p(1, 2), p(2, 2), p(1, 1)]]))
        #expect(f[2].properties.isEmpty)
        #expect(f[3].geometry == .multiPoint([p(1, 1), p(2, 2)]))
        #expect(f[4].geometry == .multiLineString([[p(0, 0), p(1, 1)], [p(2, 2), p(3, 3), p(4, 4)]]))
        #expect(f[5].geometry?.polygons.count == 2)
        #expect(f[6].geometry == nil && f[6].geometryError == nil)
        // And top-level foreign members keep their order; bbox and type are not among them
        #expect(document.foreignMembers.keys == ["name", "attribution", "notice"])
        #expect(document.foreignMembers["attribution"] == .string("Ban Dân tộc"))
        #expect(document.summary.isFeatureCollection)
        #expect(document.summary.featureCount == 7)
        // And each feature knows its line
        #expect(f.map(\.line) == [3, 5, 6, 8, 9, 10, 12])
    }

    @Test func reportsGeometryProblemsPerFeatureAndKeepsReading() throws {
        // Given one good feature, bad ones, and a good one at the end
        let text = collection([
            feature(geometry: #"{"type": "Point", "coordinates": [106, 22]}"#, id: #""ok-1""#),
            feature(
                geometry: #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}"#, id: #""open""#),
            feature(geometry: #"{"type": "LineString", "coordinates": [[0, 0]]}"#, id: "7"),
            feature(geometry: #"{"type": "Point", "coordinates": ["NaN", 22]}"#, id: #""nan""#),
            feature(geometry: #"{"type": "Point", "coordinates": [1e400, 22]}"#, id: #""inf""#),
            feature(geometry: #"{"type": "MultiPoint", "coordinates": [[1, 2], [3]]}"#, id: #""short""#),
            feature(geometry: #"{"type": "GeometryCollection", "geometries": []}"#, id: #""gc""#),
            feature(geometry: #"{"type": "Circle", "coordinates": [0, 0]}"#, id: #""circle""#),
            feature(geometry: #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}"#, id: #""tiny""#),
            feature(geometry: #"{"type": "Polygon", "coordinates": [[0, 0], [1, 0], [1, 1], [0, 0]]}"#, id: #""flat""#),
            feature(geometry: #"{"type": "Point"}"#, id: #""nocoords""#),
            feature(geometry: #"{"type": "LineString", "coordinates": []}"#, id: #""empty""#),
            feature(
                geometry:
                    #"{"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 6]]]]}"#,
                id: #""mp""#),
            feature(geometry: #"{"type": "LineString", "coordinates": [[0, 0], [1, {"a": 1}]]}"#, id: #""obj""#),
            feature(geometry: #"[1, 2]"#, id: #""arr""#),
            feature(geometry: #"{"type": "Point", "coordinates": [106.1, 22.1]}"#, id: #""ok-2""#),
        ])
        let features = try read(text).features
        #expect(features.count == 16)
        let errors = Dictionary(uniqueKeysWithValues: features.map { ($0.id ?? "", $0.geometryError ?? "") })
        #expect(errors["ok-1"] == "")
        #expect(errors["open"] == "ring 0 is not closed: first [0.0, 0.0] last [0.0, 1.0]")
        #expect(errors["7"] == "LineString has 1 position; it needs at least 2")
        #expect(errors["nan"] == "coordinates[0]: expected a number, found string")
        #expect(errors["inf"] == "coordinates[0]: 1e400 is not a finite number")
        #expect(errors["short"] == "coordinates[1]: a position needs at least 2 numbers (longitude, latitude), found 1")
        #expect(errors["gc"]?.hasPrefix("GeometryCollection is not supported") == true)
        #expect(errors["circle"]?.hasPrefix("unknown geometry type \"Circle\"") == true)
        #expect(errors["tiny"] == "ring 0 has 3 positions; a linear ring needs at least 4")
        #expect(errors["flat"] == "Polygon coordinates must be an array of linear rings (arrays of positions)")
        #expect(errors["nocoords"] == "Point has no \"coordinates\" member")
        #expect(errors["empty"] == "LineString has empty coordinates")
        #expect(errors["mp"] == "polygon 1, ring 0 is not closed: first [5.0, 5.0] last [5.0, 6.0]")
        #expect(errors["obj"] == "coordinates[1][1]: expected a number, found object")
        #expect(errors["arr"] == "geometry must be an object or null, found array")
        #expect(errors["ok-2"] == "")
        // Bad features keep their index and id and carry no geometry; good ones are intact
        let bad = try #require(features.first { $0.id == "inf" })
        #expect(bad.index == 4 && bad.geometry == nil && !bad.isValid && bad.featureError == nil)
        #expect(bad.reference == "feature 4 (id \"inf\", line 6)")
        #expect(features.last?.geometry == .point(p(106.1, 22.1)))
    }

    @Test func reportsFeatureLevelProblems() throws {
        let text = collection([
            "null",
            #"{"type": "Fature", "properties": {}, "geometry": null}"#,
            #"{"type": "Feature", "id": true, "properties": [], "geometry": null}"#,
            #"{"properties": {}, "geometry": null}"#,
        ])
        let f = try read(text).features
        #expect(
            f.map(\.featureError) == [
                "feature is null, not an object",
                #"feature type is "Fature", expected "Feature""#,
                "id must be a string or a number, found boolean; properties must be an object or null, found array",
                #"feature has no "type" member"#,
            ])
    }

    @Test func enforcesTheVertexLimitPerGeometry() throws {
        let options = GeoJSONReadOptions(maxVerticesPerGeometry: 3)
        let text = collection([
            feature(geometry: #"{"type": "LineString", "coordinates": [[0, 0], [1, 1], [2, 2]]}"#, id: #""three""#),
            feature(
                geometry: #"{"type": "LineString", "coordinates": [[0, 0], [1, 1], [2, 2], [3, 3]]}"#, id: #""four""#),
        ])
        let f = try read(text, options: options).features
        #expect(f[0].isValid)
        #expect(f[1].geometryError == "geometry has more than 3 vertices (the limit)")
    }

    @Test(arguments: [
        "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "urn:ogc:def:crs:EPSG:6.6:4326",
    ])
    func acceptsALegacyWGS84CRS(name: String) throws {
        let text =
            #"{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "\#(name)"}}, "features": []}"#
        let document = try read(text)
        #expect(document.summary.crsName == name)
        #expect(document.foreignMembers.isEmpty)
    }

    @Test func refusesAForeignCRSTellingToUseSRID() throws {
        // Given a VN-2000 / UTM 48N crs on line 2
        let text =
            "{\"type\": \"FeatureCollection\",\n \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3405\"}},\n \"features\": []}"
        let error = try #require(readError(text))
        #expect(error == .unsupportedCRS(name: "urn:ogc:def:crs:EPSG::3405", line: 2, column: 9))
        #expect(error.description.contains("--srid 3405"))
        // Unless any CRS is accepted explicitly
        let document = try read(text, options: GeoJSONReadOptions(acceptsAnyCRS: true))
        #expect(document.summary.crsName == "urn:ogc:def:crs:EPSG::3405")
    }

    @Test func abortsOnMalformedJSONWithLineAndColumn() throws {
        let text = collection([
            feature(geometry: "null"), #"{"type": "Feature", "properties": {"a": 1, "a": 2}, "geometry": null}"#,
        ])
        guard case .malformedJSON(let error) = readError(text) else {
            Issue.record("expected malformedJSON")
            return
        }
        #expect(error.reason == .duplicateKey("a"))
        #expect(error.line == 3)
        #expect(error.column == 44)
        // Truncated input
        let valid = collection([feature(geometry: #"{"type": "Point", "coordinates": [1, 2]}"#)])
        guard case .malformedJSON(let truncated) = readError(String(valid.dropLast(5))) else {
            Issue.record("expected malformedJSON")
            return
        }
        #expect(truncated.reason == .unexpectedEnd)
        // A non-finite number outside coordinates is a document error (SPEC §6), not a feature's
        guard
            case .malformedJSON(let overflow) = readError(
                collection([#"{"type": "Feature", "properties": {"x": -1E999}, "geometry": null}"#]))
        else {
            Issue.record("expected malformedJSON")
            return
        }
        #expect(overflow.reason == .numberOverflow("-1E999"))
        #expect(overflow.line == 2)
    }

    @Test func refusesDocumentsThatAreNotFeatureCollectionsOrFeatures() throws {
        #expect(
            readError("[1]")
                == .notGeoJSON(
                    reason: "the top-level value is array, expected a FeatureCollection or Feature object", line: 1,
                    column: 1))
        #expect(
            readError(#"{"type": "Point", "coordinates": [1, 2]}"#)
                == .notGeoJSON(
                    reason: #"type is "Point", expected "FeatureCollection" or "Feature""#, line: 1, column: 10))
        #expect(
            readError(#"{"type": "FeatureCollection"}"#)
                == .notGeoJSON(reason: #"the FeatureCollection has no "features" member"#, line: 1, column: 1))
        #expect(
            readError(#"{"features": []}"#)
                == .notGeoJSON(reason: #"the top-level object has no "type" member"#, line: 1, column: 1))
        #expect(
            readError(#"{"type": "FeatureCollection", "features": {}}"#)
                == .notGeoJSON(reason: "features must be an array, found object", line: 1, column: 43))
    }

    @Test func reportsAnUnreadableFile() {
        #expect(
            throws: GeoJSONReadError.unreadableFile(
                path: "/nonexistent/works.geojson", reason: "No such file or directory")
        ) {
            try GeoJSONReader().read(contentsOfFile: "/nonexistent/works.geojson")
        }
    }

    @Test func readsALoneFeatureWithForeignMembers() throws {
        let document = try read(
            #"{"geometry": {"type": "Point", "coordinates": [1, 2]}, "title": "x", "type": "Feature", "id": "a", "properties": {"k": "v"}}"#
        )
        #expect(!document.summary.isFeatureCollection)
        #expect(
            document.features == [
                GeoJSONFeature(index: 0, line: 1, id: "a", properties: ["k": "v"], geometry: .point(p(1, 2)))
            ])
        #expect(document.foreignMembers.keys == ["title"])
    }

    @Test func streamsFeaturesAndPropagatesErrorsFromTheCallback() throws {
        struct Stop: Error {}
        let text = collection(
            (0..<10).map { feature(geometry: #"{"type": "Point", "coordinates": [\#($0), 0]}"#, id: "\($0)") })
        var seen: [String] = []
        let summary = try GeoJSONReader().read(Array(text.utf8)) { seen.append($0.id ?? "") }
        #expect(seen == (0..<10).map(String.init))
        #expect(summary.featureCount == 10)
        var count = 0
        #expect(throws: Stop.self) {
            _ = try GeoJSONReader().read(Array(text.utf8)) { _ in
                count += 1
                if count == 3 { throw Stop() }
            }
        }
        #expect(count == 3)
    }

    @Test func readsTextSequences() throws {
        let records = [
            feature(geometry: #"{"type": "Point", "coordinates": [1, 2]}"#, id: "1"),
            feature(geometry: "null", id: "2"),
        ]
        let bytes: [UInt8] = records.flatMap { [0x1E] + Array($0.utf8) + [0x0A] as [UInt8] }
        var ids: [String?] = []
        let count = try GeoJSONReader().readTextSequence(bytes) { ids.append($0.id) }
        #expect(count == 2 && ids == ["1", "2"])
        // A record that runs into the next without a separator is malformed
        #expect(throws: GeoJSONReadError.self) {
            _ = try GeoJSONReader().readTextSequence(Array((records[0] + records[1]).utf8)) { _ in }
        }
    }
}
