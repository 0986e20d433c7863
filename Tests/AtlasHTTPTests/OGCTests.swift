import AtlasGeoJSON
import AtlasTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// Landing page, conformance, the OpenAPI document and the collections (OGC API – Features Part 1).
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct OGCTests {
    @Test func landingPageLinksTheRequiredResources() async throws {
        try await TestWorld.make().test { client in
            let response = try await client.get("/ogc")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let links = try response.json()["links"]?.arrayValue ?? []
            let rels = Dictionary(
                links.compactMap { l in l["rel"]?.stringValue.map { ($0, l) } }, uniquingKeysWith: { a, _ in a })
            // The router test client always sends Host: localhost
            #expect(rels["self"]?["href"] == "/ogc")
            #expect(rels["service-desc"]?["href"] == "/ogc/api")
            #expect(rels["service-desc"]?["type"] == "application/vnd.oai.openapi+json;version=3.0")
            // Not bound to a socket and no public URL: root-relative links
            #expect(rels["conformance"]?["href"] == "/ogc/conformance")
            #expect(rels["data"]?["href"] == "/ogc/collections")
        }
    }

    @Test func linksFollowThePublicURL() async throws {
        // Given a public URL behind a proxy, links use it
        let world = try TestWorld.make()
        var options = world.options
        options.publicURL = "https://atlas.example.org/"
        try await world.test(options: options) { client in
            let hrefs =
                try await client.get("/ogc").json()["links"]?.arrayValue?.compactMap { $0["href"]?.stringValue } ?? []
            #expect(hrefs.contains("https://atlas.example.org/ogc/collections"))
        }
        // (a forged Host header against a real socket: HostileHTTPTests)
    }

    @Test func conformanceDeclaresCoreGeoJSONOpenAPIAndCRS() async throws {
        try await TestWorld.make().test { client in
            let classes = try await client.get("/ogc/conformance").json()["conformsTo"]?.arrayValue ?? []
            #expect(Set(classes.compactMap(\.stringValue)) == Set(OGCController.conformanceClasses))
            #expect(classes.count == 4)
        }
    }

    @Test func openAPIDocumentIsSelfContainedAndCoversEveryPath() async throws {
        try await TestWorld.make().test { client in
            let response = try await client.get("/ogc/api")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.oai.openapi+json;version=3.0")
            let document = try response.json()
            #expect(document["openapi"] == "3.0.3")
            // Every $ref is local and resolves
            var refs: [String] = []
            func collect(_ v: JSONValue) {
                switch v {
                case .object(let o):
                    for (k, value) in o {
                        if k == "$ref", let s = value.stringValue { refs.append(s) } else { collect(value) }
                    }
                case .array(let a): a.forEach(collect)
                default: break
                }
            }
            collect(document)
            #expect(!refs.isEmpty)
            for ref in refs {
                #expect(ref.hasPrefix("#/components/"), "remote $ref \(ref)")
                var node: JSONValue? = document
                for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
                #expect(node != nil, "unresolved \(ref)")
            }
            // The paths of the server are all described
            let paths = Set(document["paths"]?.objectValue?.keys ?? [])
            for path in [
                "/ogc", "/ogc/conformance", "/ogc/api", "/ogc/collections", "/ogc/collections/works",
                "/ogc/collections/works/items", "/ogc/collections/works/items/{featureId}",
                "/ogc/collections/communes/items", "/ogc/collections/districts/items/{featureId}", "/api/works",
                "/api/works/{workId}", "/api/works/{workId}/status", "/api/audit",
            ] {
                #expect(paths.contains(path), "missing \(path)")
            }
        }
    }

    @Test func collectionsListEveryOneWithExtentsAndItemsLinks() async throws {
        try await TestWorld.make().test { client in
            let collections = try await client.get("/ogc/collections").json()["collections"]?.arrayValue ?? []
            #expect(
                collections.compactMap { $0["id"]?.stringValue }
                    == ["communes", "districts", "works", "works-points", "works-lines", "works-polygons"])
            for c in collections {
                #expect(c["itemType"] == "feature")
                let bbox = c["extent"]?["spatial"]?["bbox"]?[0]?.arrayValue?.compactMap(\.doubleValue) ?? []
                #expect(bbox.count == 4)
                // R*Tree boxes are float32 rounded outward (a few 1e-5 degrees)
                guard bbox.count == 4 else { continue }
                #expect(
                    bbox[0] >= 106.0 - 5e-5 && bbox[1] >= 21.0 - 5e-5 && bbox[2] <= 106.3 + 5e-5
                        && bbox[3] <= 21.2 + 5e-5)
                if c["id"]?.stringValue?.hasPrefix("works") == false { #expect(bbox[0] <= 106.0 && bbox[3] >= 21.2) }
                let items = c["links"]?.arrayValue?.first { $0["rel"] == "items" }
                #expect(items?["type"] == "application/geo+json")
            }
            let works = collections.first { $0["id"] == "works" }
            let worksBox = works?["extent"]?["spatial"]?["bbox"]?[0]?.arrayValue?.compactMap(\.doubleValue) ?? []
            #expect(
                worksBox.count == 4 && abs(worksBox[0] - 106.011) < 5e-5 && abs(worksBox[2] - 106.283) < 5e-5,
                "\(worksBox)")
            let interval = works?["extent"]?["temporal"]?["interval"]?[0]?.arrayValue ?? []
            #expect(interval == ["2016-01-01T00:00:00Z", "2019-06-01T00:00:00Z"])
        }
    }

    @Test func oneCollectionAndUnknownOnes() async throws {
        try await TestWorld.make().test { client in
            let works = try await client.get("/ogc/collections/works")
            #expect(works.status == .ok)
            #expect(try works.json()["id"] == "works")
            let unknown = try await client.get("/ogc/collections/roads")
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
            #expect(try unknown.json()["detail"]?.stringValue?.contains("communes, districts, works") == true)
        }
    }
}
