import AtlasGeoJSON
import AtlasTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// OGC API – Features Part 2 (CRS by reference) and the works collections of one geometry type.
/// Expected coordinates are PROJ's own: `echo "21.05 106.05" | cs2cs -f %.7f EPSG:4326 EPSG:9215`
/// gives 375087.9361 2328959.9069; to EPSG:4756 it gives 21.0509881 106.0481176.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct CRSTests {
    private func coordinates(_ feature: JSONValue?) -> [Double] {
        feature?["geometry"]?["coordinates"]?.arrayValue?.compactMap(\.doubleValue) ?? []
    }

    @Test func featuresComeInTheAskedCRSInItsAxisOrderWithContentCrs() async throws {
        try await TestWorld.make().test { client in
            let plain = try await client.get("/ogc/collections/works/items/W-01")
            #expect(plain.headers[.contentCrs] == "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>")
            #expect(coordinates(try plain.json()) == [106.05, 21.05])

            let tm3 = try await client.get(
                "/ogc/collections/works/items/W-01?crs=http://www.opengis.net/def/crs/EPSG/0/9215")
            #expect(tm3.status == .ok)
            #expect(tm3.headers[.contentCrs] == "<http://www.opengis.net/def/crs/EPSG/0/9215>")
            let metres = coordinates(try tm3.json())
            #expect(metres.count == 2 && abs(metres[0] - 375087.94) < 0.011 && abs(metres[1] - 2328959.91) < 0.011, "\(metres)")

            // EPSG:4326 and 4756 are latitude first.
            let wgs = try await client.get("/ogc/collections/works/items/W-01?crs=[EPSG:4326]")
            #expect(coordinates(try wgs.json()) == [21.05, 106.05])
            let vn = try await client.get(
                "/ogc/collections/works/items?crs=http://www.opengis.net/def/crs/EPSG/0/4756&limit=100")
            #expect(vn.headers[.contentCrs] == "<http://www.opengis.net/def/crs/EPSG/0/4756>")
            let w01 = try vn.json()["features"]?.arrayValue?.first { $0["id"] == "W-01" }
            let degrees = coordinates(w01)
            #expect(degrees.count == 2 && abs(degrees[0] - 21.0509881) < 1e-6 && abs(degrees[1] - 106.0481176) < 1e-6)
        }
    }

    @Test func bboxInAnotherCRSSelectsTheSameFeatures() async throws {
        try await TestWorld.make().test { client in
            // The box 375000–375200 E, 2328000–2329000 N of TM-3 107°15' holds W-01 (375088, 2328960).
            let inMetres = try await client.get(
                "/ogc/collections/works/items?bbox=375000,2328000,375200,2329000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/9215"
            ).json()
            let ids = inMetres["features"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(ids == ["W-01"])
            // Latitude first for EPSG:4326.
            let latFirst = try await client.get(
                "/ogc/collections/works/items?bbox=21.0,106.205,21.2,106.3&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326"
            ).json()
            let lonFirst = try await client.get("/ogc/collections/works/items?bbox=106.205,21.0,106.3,21.2").json()
            #expect(latFirst["numberMatched"] == lonFirst["numberMatched"])
            #expect(lonFirst["numberMatched"]?.integerValue ?? 0 > 0)
        }
    }

    @Test func unknownCRSIsRefusedWithTheList() async throws {
        try await TestWorld.make().test { client in
            for bad in ["crs=http://www.opengis.net/def/crs/EPSG/0/3857", "bbox-crs=EPSG:0", "crs="] {
                let response = try await client.get("/ogc/collections/works/items?\(bad)")
                #expect(response.status == .badRequest, "\(bad)")
                #expect(try response.json()["detail"]?.stringValue?.contains("9205–9218") == true, "\(bad)")
            }
        }
    }

    @Test func collectionsListTheirCRSsAndConformanceHasPart2() async throws {
        try await TestWorld.make().test { client in
            let works = try await client.get("/ogc/collections/works").json()
            let crs = works["crs"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(crs.first == "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
            #expect(crs.contains("http://www.opengis.net/def/crs/EPSG/0/9215") && crs.count == 19)
            #expect(works["storageCrs"] == "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
            let classes = try await client.get("/ogc/conformance").json()["conformsTo"]?.arrayValue ?? []
            #expect(classes.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"))
        }
    }

    /// The fixture has 20 point works, 1 line and 1 polygon: each typed collection has only its own.
    @Test func typedWorksCollectionsHoldOneGeometryTypeEach() async throws {
        try await TestWorld.make().test { client in
            let expected = [("works-points", 20, "Point"), ("works-lines", 1, "LineString"), ("works-polygons", 1, "Polygon")]
            for (id, count, type) in expected {
                let page = try await client.get("/ogc/collections/\(id)/items?limit=1000").json()
                #expect(page["numberMatched"]?.integerValue == Int64(count), "\(id)")
                let types = Set(page["features"]?.arrayValue?.compactMap { $0["geometry"]?["type"]?.stringValue } ?? [])
                #expect(types == [type], "\(id)")
                let description = try await client.get("/ogc/collections/\(id)").json()
                #expect(description["geometryFormat"]?.stringValue?.hasPrefix("geometry-\(type.lowercased())") == true)
            }
            let filtered = try await client.get("/ogc/collections/works-points/items?category=health").json()
            let all = try await client.get("/ogc/collections/works/items?category=health").json()
            #expect(filtered["numberMatched"] == all["numberMatched"])
            let line = try await client.get("/ogc/collections/works-points/items/W-02")
            #expect(line.status == .notFound)
        }
    }
}
