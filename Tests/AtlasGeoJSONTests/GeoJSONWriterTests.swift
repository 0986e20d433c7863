import AtlasModel
import AtlasTestSupport
import Foundation
import Testing

@testable import AtlasGeoJSON

@Suite struct GeoJSONWriterTests {
    private func p(_ x: Double, _ y: Double) -> Position { Position(x: x, y: y) }

    private func write(
        options: GeoJSONWriteOptions = GeoJSONWriteOptions(), foreignMembers: JSONObject = [:],
        _ features: [(String?, JSONObject, Geometry?)]
    ) throws -> String {
        var writer = GeoJSONWriter(sink: GeoJSONMemorySink(), options: options)
        try writer.begin(foreignMembers: foreignMembers)
        for (id, properties, geometry) in features {
            try writer.writeFeature(id: id, properties: properties, geometry: geometry)
        }
        try writer.end()
        return writer.sink.text
    }

    @Test func writesPolygonExteriorCounterClockwiseAndHolesClockwise() throws {
        // Given a clockwise exterior and a counter-clockwise hole (both the "wrong" way)
        let exterior = [p(0, 0), p(0, 1), p(1, 1), p(1, 0), p(0, 0)]
        let hole = [p(0.25, 0.25), p(0.75, 0.25), p(0.75, 0.75), p(0.25, 0.75), p(0.25, 0.25)]
        // When written
        let text = try write([("sq", [:], .polygon([exterior, hole]))])
        // Then both rings are reversed, keeping their start vertex
        #expect(
            text == """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","id":"sq","properties":{},"geometry":{"type":"Polygon","coordinates":\
                [[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0.25,0.25],[0.25,0.75],[0.75,0.75],[0.75,0.25],[0.25,0.25]]]}}
                ]}

                """)
        #expect(RingOrientation.isCounterClockwise([p(0, 0), p(1, 0), p(1, 1), p(0, 1), p(0, 0)]))
    }

    @Test func keepsCorrectlyWoundRingsAndClosesOpenOnes() throws {
        // Given a counter-clockwise exterior that is not closed, inside a MultiPolygon
        let ring = [p(106, 22), p(107, 22), p(107, 23)]
        let text = try write([(nil, [:], .multiPolygon([[ring]]))])
        #expect(text.contains(#""coordinates":[[[[106,22],[107,22],[107,23],[106,22]]]]"#))
    }

    @Test func writesPropertiesInOrderWithStrictNumbersAndEscapes() throws {
        let properties: JSONObject = [
            "name": "Nhà văn hoá \"Bản Khòn\"\\\n\t\u{1}", "households": 120, "ratio": 0.125, "nan": .double(.nan),
            "inf": .double(-.infinity), "paved": false, "note": nil, "big": .integer(.max),
        ]
        let text = try write([("1", properties, .point(p(106.76, 21.85)))])
        #expect(
            text.contains(
                #""properties":{"name":"Nhà văn hoá \"Bản Khòn\"\\\n\t\u0001","households":120,"ratio":0.125,"nan":null,"inf":null,"paved":false,"note":null,"big":9223372036854775807}"#
            ))
        #expect(!text.contains("NaN") && !text.contains("Infinity"))
        #expect(try StrictJSONParser().parse(text).objectValue != nil)
    }

    @Test func roundsCoordinatesToThePrecision() throws {
        let options = try GeoJSONWriteOptions(coordinatePrecision: 2)
        let text = try write(options: options, [("a", [:], .lineString([p(106.125, -0.004), p(-106.999, 22.1)]))])
        #expect(text.contains(#""coordinates":[[106.13,0],[-107,22.1]]"#))
        #expect(throws: GeoJSONWriteError.invalidPrecision(8)) { try GeoJSONWriteOptions(coordinatePrecision: 8) }
        #expect(throws: GeoJSONWriteError.invalidPrecision(-1)) { try GeoJSONWriteOptions(coordinatePrecision: -1) }
    }

    /// Vertices 0.3 µ° apart round to one position at 6 decimals: written once, not as a
    /// zero-length segment; a line or ring that would collapse keeps its repeats instead.
    @Test func writesNoRepeatedPositionAfterRounding() throws {
        let line = try write([("l", [:], .lineString([p(106.1, 21.9), p(106.2000001, 21.9), p(106.2000004, 21.9), p(106.3, 22)]))])
        #expect(line.contains(#""coordinates":[[106.1,21.9],[106.2,21.9],[106.3,22]]"#))
        let ring = try write([("r", [:], .polygon([[p(0, 0), p(1, 0), p(1.0000002, 0), p(1, 1), p(0, 1), p(0, 0)]]))])
        #expect(ring.contains(#""coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]"#))
        let tiny = try write([("t", [:], .lineString([p(5, 5), p(5.0000001, 5)]))])
        #expect(tiny.contains(#""coordinates":[[5,5],[5,5]]"#))
        let points = try write([("m", [:], .multiPoint([p(5, 5), p(5.0000001, 5)]))])
        #expect(points.contains(#""coordinates":[[5,5],[5,5]]"#))
    }

    @Test func writesTopLevelMembersInOrderAndRefusesReservedNames() throws {
        let text = try write(
            foreignMembers: ["notice": "Số liệu 2016–2020", "attribution": "Ban Dân tộc", "name": "works"], [])
        #expect(
            text
                == #"{"type":"FeatureCollection","notice":"Số liệu 2016–2020","attribution":"Ban Dân tộc","name":"works","features":[]}"#
                + "\n")
        for reserved in ["type", "features", "bbox", "crs"] {
            #expect(throws: GeoJSONWriteError.reservedMemberName(reserved)) {
                try write(foreignMembers: [reserved: 1], [])
            }
        }
    }

    @Test func writesTextSequences() throws {
        let options = GeoJSONWriteOptions(textSequence: true)
        let text = try write(
            options: options, foreignMembers: ["attribution": "x"],
            [
                ("a", ["k": 1], .point(p(1, 2))), ("b", [:], nil),
            ])
        let expected: [UInt8] =
            [0x1E]
            + Array(
                #"{"type":"Feature","id":"a","properties":{"k":1},"geometry":{"type":"Point","coordinates":[1,2]}}"#
                    .utf8) + [0x0A]
            + [0x1E] + Array(#"{"type":"Feature","id":"b","properties":{},"geometry":null}"#.utf8) + [0x0A]
        #expect(Array(text.utf8) == expected)
    }

    @Test func writesBoundingBoxesWhenAsked() throws {
        let options = GeoJSONWriteOptions(writeBBox: true)
        let text = try write(
            options: options,
            [
                ("a", [:], .lineString([p(106.1234567, 22), p(105, 23.5)])), ("b", [:], .point(p(107, 21))),
                ("c", [:], nil),
            ])
        #expect(
            text == """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","id":"a","bbox":[105,22,106.123457,23.5],"properties":{},"geometry":{"type":"LineString","coordinates":[[106.123457,22],[105,23.5]]}},
                {"type":"Feature","id":"b","bbox":[107,21,107,21],"properties":{},"geometry":{"type":"Point","coordinates":[107,21]}},
                {"type":"Feature","id":"c","properties":{},"geometry":null}
                ],"bbox":[105,21,107,23.5]}

                """)
    }

    @Test func refusesNonFiniteCoordinatesAndCallsOutOfOrder() throws {
        #expect(throws: GeoJSONWriteError.nonFiniteCoordinate(featureID: "x")) {
            try write([("x", [:], .lineString([p(1, 2), p(.nan, 3)]))])
        }
        #expect(throws: GeoJSONWriteError.coordinateOutOfRange(1e300, featureID: nil)) {
            try write([(nil, [:], .point(p(1, 1e300)))])
        }
        var writer = GeoJSONWriter(sink: GeoJSONMemorySink())
        #expect(throws: GeoJSONWriteError.self) { try writer.writeFeature(id: nil, properties: [:], geometry: nil) }
        try writer.begin()
        try writer.end()
        #expect(throws: GeoJSONWriteError.self) { try writer.end() }
    }

    @Test func writesTheSameBytesTwice() throws {
        let features: [(String?, JSONObject, Geometry?)] = (0..<50).map { i in
            let x = 106 + Double(i) / 7
            return (
                "w\(i)", ["i": .integer(Int64(i)), "x": .double(x)],
                .lineString([p(x, 21.5), p(x + 0.1, 21.6 + 1 / 3)])
            )
        }
        let first = try write(foreignMembers: ["notice": "n"], features)
        let second = try write(foreignMembers: ["notice": "n"], features)
        #expect(first == second)
    }

    @Test func roundTripsThroughTheReader() throws {
        // Given random geometries of every type
        var generator = SplitMix64(seed: 2017)
        func coordinate() -> Position {
            p(102 + Double(generator.next() % 1_000_000_000) / 1e8, 8 + Double(generator.next() % 1_500_000_000) / 1e8)
        }
        var geometries: [Geometry] = []
        for i in 0..<60 {
            let line = (0..<(2 + i % 5)).map { _ in coordinate() }
            switch i % 6 {
            case 0: geometries.append(.point(coordinate()))
            case 1: geometries.append(.lineString(line))
            case 2: geometries.append(.multiPoint(line))
            case 3: geometries.append(.multiLineString([line, line.reversed()]))
            case 4:
                let c = coordinate()
                geometries.append(.polygon([[c, p(c.x + 1, c.y), p(c.x + 1, c.y + 1), p(c.x, c.y + 1), c]]))
            default:
                let c = coordinate()
                geometries.append(.multiPolygon([[[c, p(c.x, c.y - 1), p(c.x - 1, c.y), c]]]))
            }
        }
        // When written with 6 decimals and read back
        let text = try write(
            geometries.enumerated().map { ("g\($0.offset)", ["n": .integer(Int64($0.offset))], $0.element) })
        let document = try GeoJSONReader().read(text: text)
        // Then every geometry equals the original rounded to 6 decimals (winding normalised)
        let formatter = CoordinateFormatter(precision: 6)
        func rounded(_ g: Geometry) -> Geometry {
            g.mapPositions { p(Double(formatter.string($0.x)!)!, Double(formatter.string($0.y)!)!) }
        }
        #expect(document.features.count == geometries.count)
        for (feature, original) in zip(document.features, geometries) {
            #expect(feature.isValid)
            #expect(feature.id == "g\(feature.index)")
            #expect(feature.properties["n"] == .integer(Int64(feature.index)))
            var expected = rounded(original)
            if case .multiPolygon(let polygons) = expected {  // written counter-clockwise
                expected = .multiPolygon(polygons.map { $0.map { Array($0.reversed()) } })
            }
            #expect(feature.geometry == expected)
        }
    }

    @Test func fileSinkWritesTheSameBytesAsMemory() throws {
        // Given more than one 64 KB buffer of output
        let features: [(String?, JSONObject, Geometry?)] = (0..<2000).map { i in
            (
                "f\(i)", ["name": .string("Đường \(i)")],
                .lineString((0..<5).map { p(106 + Double($0) / 3, 21 + Double(i) / 1000) })
            )
        }
        let expected = try write(features)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "atlas-geojson-\(UUID().uuidString).geojson"
        ).path
        let sink = try GeoJSONFileSink(path: path)
        var writer = GeoJSONWriter(sink: sink)
        try writer.begin()
        for (id, properties, geometry) in features {
            try writer.writeFeature(id: id, properties: properties, geometry: geometry)
        }
        try writer.end()
        try sink.close()
        let document = try GeoJSONReader().read(contentsOfFile: path)
        #expect(document.features.count == 2000)
        let bytes = try FileBytes.read(path: path)
        #expect(bytes.count > 2 * GeoJSONFileSink.bufferSize)
        #expect(bytes == Array(expected.utf8))
        try FileManager.default.removeItem(atPath: path)
    }
}
