import AtlasCoverage
import AtlasExport
import AtlasGeoJSON
import AtlasTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// `/ogc/collections/{id}/items` and `/items/{featureId}`: paging, filters, output rules.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct ItemsTests {
    static func ids(_ page: JSONValue) -> [String] {
        page["features"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

    /// A link's target as a path (the router test client's host is "localhost").
    static func link(_ page: JSONValue, _ rel: String) -> String? {
        let href = page["links"]?.arrayValue?.first { $0["rel"]?.stringValue == rel }?["href"]?.stringValue
        return href.map { $0.hasPrefix("http://localhost") ? String($0.dropFirst("http://localhost".count)) : $0 }
    }

    @Test func worksPageIsGeoJSONSortedWithCountsAndLinks() async throws {
        try await TestWorld.make().test { client in
            let response = try await client.get("/ogc/collections/works/items")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/geo+json")
            let page = try response.json()
            #expect(page["type"] == "FeatureCollection")
            #expect(Self.ids(page) == FixtureData.allWorkIDs)
            #expect(page["numberMatched"] == 22 && page["numberReturned"] == 22)
            #expect(page["timeStamp"]?.stringValue?.hasSuffix("Z") == true)
            #expect(Self.link(page, "self") == "/ogc/collections/works/items?limit=100&offset=0")
            #expect(Self.link(page, "next") == nil && Self.link(page, "prev") == nil)
            // Works carry the works-layer properties, in order
            let w1 = page["features"]?.arrayValue?.first { $0["id"] == "P-01" }
            #expect(
                w1?["properties"]?.objectValue?.keys.prefix(5) == ["id", "name", "programme", "category", "status"])
            #expect(w1?["properties"]?["commune_code"] == "00001" && w1?["properties"]?["district_code"] == "178")
        }
    }

    @Test(arguments: [1, 5, 7, 22, 100])
    func walkingNextLinksReturnsEveryFeatureExactlyOnce(limit: Int) async throws {
        try await TestWorld.make().test { client in
            var seen: [String] = []
            var next: String? = "/ogc/collections/works/items?limit=\(limit)"
            var pages = 0
            while let uri = next {
                let page = try await client.get(uri).json()
                #expect(page["numberMatched"] == 22)
                #expect(page["numberReturned"]?.integerValue == Int64(Self.ids(page).count))
                if pages > 0 { #expect(Self.link(page, "prev") != nil) }
                seen += Self.ids(page)
                next = Self.link(page, "next")
                pages += 1
                if pages > 40 { break }
            }
            #expect(seen == FixtureData.allWorkIDs)
            #expect(pages == (22 + limit - 1) / limit)
        }
    }

    @Test func pagingKeepsFiltersAndPrevGoesBack() async throws {
        try await TestWorld.make().test { client in
            var ids: [String] = []
            var next: String? = "/ogc/collections/works/items?category=culture&limit=4"
            while let uri = next {
                let page = try await client.get(uri).json()
                ids += Self.ids(page)
                next = Self.link(page, "next")
                #expect(next.map { $0.contains("category=culture") } ?? true)
            }
            #expect(ids == (1...17).map { String(format: "P-%02d", $0) })
            let second = try await client.get("/ogc/collections/works/items?limit=4&offset=4").json()
            let prev = try #require(Self.link(second, "prev"))
            #expect(prev.contains("offset=0") && prev.contains("limit=4"))
            #expect(Self.ids(try await client.get(prev).json()) == Array(FixtureData.allWorkIDs.prefix(4)))
            // Offsets beyond the end give an empty page, not an error
            let beyond = try await client.get("/ogc/collections/works/items?offset=500").json()
            #expect(Self.ids(beyond).isEmpty && beyond["numberMatched"] == 22 && beyond["numberReturned"] == 0)
        }
    }

    @Test func limitIsClampedToTenThousand() async throws {
        try await TestWorld.make().test { client in
            for given in ["10001", "20000", "99999999999999999999999"] {
                let page = try await client.get("/ogc/collections/works/items?limit=\(given)").json()
                #expect(Self.link(page, "self")?.contains("limit=10000") == true, "limit=\(given)")
                #expect(Self.ids(page).count == 22)
            }
        }
    }

    @Test func bboxSelectsWhatIntersectsIt() async throws {
        try await TestWorld.make().test { client in
            // The east third (commune 00003), away from the shared edge at 106.2
            let east = try await client.get("/ogc/collections/works/items?bbox=106.205,21.0,106.3,21.2").json()
            #expect(Self.ids(east) == ["P-13", "P-14", "P-15", "P-16", "P-17", "W-03", "W-05"])
            // Percent-encoded commas and a six-number (3D) box
            let encoded = try await client.get("/ogc/collections/works/items?bbox=106.205%2C21.0%2C106.3%2C21.2").json()
            #expect(Self.ids(encoded) == Self.ids(east))
            let box3D = try await client.get("/ogc/collections/works/items?bbox=106.205,21.0,0,106.3,21.2,100").json()
            #expect(Self.ids(box3D) == Self.ids(east))
            // A box crossing the road W-02 (a line, no vertex inside the box)
            let road = try await client.get("/ogc/collections/works/items?bbox=106.14,21.09,106.16,21.11").json()
            #expect(Self.ids(road) == ["W-02"])
            // An empty area
            let empty = try await client.get("/ogc/collections/works/items?bbox=105.0,20.0,105.1,20.1").json()
            #expect(Self.ids(empty).isEmpty && empty["numberMatched"] == 0)
            // Communes and districts
            let communes = try await client.get("/ogc/collections/communes/items?bbox=106.21,21.01,106.29,21.19").json()
            #expect(Self.ids(communes) == ["00003"])
            let districts = try await client.get("/ogc/collections/districts/items?bbox=106.01,21.01,106.05,21.05")
                .json()
            #expect(Self.ids(districts) == ["178"])
        }
    }

    @Test func datetimeFiltersOnCompletionDate() async throws {
        let cases: [(String, [String])] = [
            ("2017-03-15", ["W-01"]),
            ("2019-06-01T08:30:00Z", ["W-03"]),
            ("2019-06-01T23:59:60.5%2B07:00", ["W-03"]),
            ("2016-01-01/2016-12-31", ["P-01", "P-03", "P-05", "P-07", "P-09", "P-11", "P-13", "P-15", "P-17"]),
            ("../2016-01-05", ["P-01", "P-03", "P-05"]),
            ("2019-01-01/..", ["W-03"]),
            ("2017-01-01/", ["W-01", "W-03"]),
            ("2020-01-01/2021-01-01", []),
        ]
        try await TestWorld.make().test { client in
            for (datetime, expected) in cases {
                let response = try await client.get("/ogc/collections/works/items?datetime=\(datetime)")
                #expect(response.status == .ok, "datetime=\(datetime): \(response.text)")
                #expect(Self.ids(try response.json()) == expected, "datetime=\(datetime)")
            }
        }
    }

    @Test func propertyFiltersCombine() async throws {
        let cases: [(String, [String])] = [
            ("programme=135", ["W-01", "W-03"]),
            ("category=road", ["W-02"]),
            ("status=approved", ["W-05"]),
            ("district=179", ["P-13", "P-14", "P-15", "P-16", "P-17", "W-03", "W-05"]),
            ("district=179&status=completed", ["P-13", "P-15", "P-17", "W-03"]),
            ("programme=135&datetime=2019-01-01/..", ["W-03"]),
        ]
        try await TestWorld.make().test { client in
            for (query, expected) in cases {
                let page = try await client.get("/ogc/collections/works/items?\(query)").json()
                #expect(Self.ids(page) == expected, "\(query)")
                #expect(page["numberMatched"]?.integerValue == Int64(expected.count), "\(query)")
            }
            let communes = try await client.get("/ogc/collections/communes/items?district=178").json()
            #expect(Self.ids(communes) == ["00001", "00002"])
        }
    }

    @Test func communeFeaturesAreExactlyTheExportsFeatures() async throws {
        let world = try TestWorld.make()
        // Given `export communes` of the same database (latest year, standard rules)
        let file = world.directory.appendingPathComponent("communes.geojson").path
        try Self.writeExport(world, to: file)
        let exported = try StrictJSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        try await world.test { client in
            // When the commune items are read
            let page = try await client.get("/ogc/collections/communes/items").json()
            // Then every feature is the exported one, byte for byte as JSON values
            #expect(page["features"] == exported["features"])
            let first = page["features"]?[0]?["properties"]
            #expect(first?["year"] == 2018 && first?["coverage_health"] != nil && first?["p1_status"] != nil)
            // And another year is served on request
            let earlier = try await client.get("/ogc/collections/communes/items?year=2017").json()
            #expect(earlier["features"]?[0]?["properties"]?["year"] == 2017)
            #expect(earlier["features"]?[0]?["properties"]?["households"] == 500)
        }
    }

    /// What `worksatlas export communes` writes (same steps as its command).
    static func writeExport(_ world: TestWorld, to path: String) throws {
        let db = world.database
        var export = CommuneMapExport(year: 2018)
        export.addCoverage(try CoverageEngine().run(on: db, asOf: nil, statsYear: 2018))
        export.addTargets(
            CommuneTargetFields.compute(
                stats: try db.allStatistics(), classifications: try db.allClassifications(),
                communes: try db.units(kind: .commune), year: 2018))
        try GeoJSONExporter(database: db).writeCommunes(export, to: path)
    }

    @Test func geometryIsWrittenBySPECSection4() async throws {
        try await TestWorld.make().test { client in
            let text = try await client.get("/ogc/collections/works/items").text
            // Six decimals at most (the generated points carry binary noise such as 106.18100000000001)
            #expect(text.range(of: #"\d\.\d{7,}"#, options: .regularExpression) == nil)
            #expect(text.contains("[106.181,21.06]"))
            // W-05 was given clockwise; its exterior ring is written counter-clockwise
            #expect(text.contains("[[[106.22,21.12],[106.24,21.12],[106.24,21.14],[106.22,21.14],[106.22,21.12]]]"))
            #expect(!text.contains("\"crs\""))
        }
    }

    @Test func singleFeatures() async throws {
        try await TestWorld.make().test { client in
            let work = try await client.get("/ogc/collections/works/items/W-01")
            #expect(work.status == .ok && work.headers[.contentType] == "application/geo+json")
            let feature = try work.json()
            #expect(feature["type"] == "Feature" && feature["id"] == "W-01")
            #expect(feature["properties"]?["name"] == "Trạm y tế Hồng Phong")
            #expect(feature["links"]?[0]?["href"] == "/ogc/collections/works/items/W-01")
            let commune = try await client.get("/ogc/collections/communes/items/00003?year=2017").json()
            #expect(commune["id"] == "00003" && commune["properties"]?["border"] == true)
            #expect(commune["geometry"]?["type"] == "Polygon")
            let district = try await client.get("/ogc/collections/districts/items/178").json()
            #expect(district["properties"]?["poor_30a"] == true && district["properties"]?["province_code"] == "20")
            // Absent, in another collection, or malformed
            #expect(try await client.get("/ogc/collections/works/items/W-99").status == .notFound)
            #expect(try await client.get("/ogc/collections/communes/items/178").status == .notFound)
            #expect(try await client.get("/ogc/collections/communes/items/abc").status == .badRequest)
            #expect(
                try await client.get("/ogc/collections/works/items/" + String(repeating: "x", count: 65)).status
                    == .badRequest)
            #expect(try await client.get("/ogc/collections/works/items/W-01?limit=3").status == .badRequest)
        }
    }

    @Test func pagesAreStreamedChunkByChunk() async throws {
        // Given 1,201 ids and a fetch that records the chunks it is asked for
        let ids = (0..<1201).map { String(format: "X-%05d", $0) }
        let asked = ChunkLog()
        let body = FeatureStream.body(members: ["numberReturned": 1201], ids: ids) { chunk in
            await asked.add(chunk.count)
            return chunk.map { FeatureRecord(id: $0, properties: ["n": 1], geometry: .point(.init(x: 106, y: 21))) }
        }
        // When the body is written
        let writer = CollectingWriter()
        try await body.write(writer)
        // Then it went out in several writes, none holding more than one chunk of features
        #expect(await asked.counts == [500, 500, 201])
        #expect(writer.box.buffers.count == 4)
        #expect(writer.box.finished)
        let text = writer.box.buffers.map { String(buffer: $0) }.joined()
        let parsed = try StrictJSONParser().parse(text)
        #expect(parsed["features"]?.arrayValue?.count == 1201)
        #expect(writer.box.buffers.allSatisfy { $0.readableBytes < 500 * 120 })
    }
}

actor ChunkLog {
    var counts: [Int] = []
    func add(_ n: Int) { counts.append(n) }
}

/// A ResponseBodyWriter that keeps what it is given.
struct CollectingWriter: ResponseBodyWriter {
    final class Box: @unchecked Sendable {
        var buffers: [ByteBuffer] = []
        var finished = false
    }
    let box = Box()

    func write(_ buffer: ByteBuffer) async throws { box.buffers.append(buffer) }
    func finish(_ trailingHeaders: HTTPFields?) async throws { box.finished = true }
}
