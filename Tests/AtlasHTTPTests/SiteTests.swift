import AtlasGeoJSON
import AtlasModel
import AtlasTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtlasHTTP

/// The map page, Leaflet, /config.json and /health.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct SiteTests {
    @Test func servesTheMapPageItsFilesAndLeaflet() async throws {
        try await TestWorld.make().test { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.text.contains("<title>WorksAtlas</title>"))
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            let script = try await client.get("/app.js")
            #expect(script.status == .ok && script.text.contains("atlas"))
            let leaflet = try await client.get("/vendor/leaflet/leaflet.js")
            #expect(leaflet.status == .ok && leaflet.text == "/* leaflet */\n")
            #expect(try await client.get("/vendor/leaflet/leaflet.css").status == .ok)
        }
    }

    @Test func theVocabularyIsServedFromTheSwiftDefinitions() async throws {
        try await TestWorld.make().test { client in
            let response = try await client.get("/vocabulary.js")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
            // The script assigns one JSON object; read it back as JSON
            let text = response.text
            let start = try #require(text.range(of: "window.WA.vocabulary = "))
            let json = try StrictJSONParser().parse(Array(text[start.upperBound...].dropLast(2).utf8))
            let category = json.objectValue?["category"]?.objectValue
            #expect(category?["order"]?.arrayValue?.compactMap(\.stringValue) == WorkCategory.allCases.map(\.rawValue))
            #expect(category?["vi"]?.objectValue?["irrigation"]?.stringValue == "Thủy lợi nhỏ")
            #expect(category?["en"]?.objectValue?["irrigation"]?.stringValue == "Small irrigation")
            let status = json.objectValue?["status"]?.objectValue?["order"]?.arrayValue?.compactMap(\.stringValue)
            #expect(status == WorkStatus.allCases.map(\.rawValue))
            let groups = Set(json.objectValue?.keys ?? [])
            #expect(
                groups == ["category", "status", "programme", "surface", "road_class", "exactness", "investor", "flag", "source"])
            // And the page loads it before its own scripts
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let page = try String(contentsOf: root.appendingPathComponent("Maps/index.html"), encoding: .utf8)
            let vocabulary = try #require(page.range(of: "<script src=\"vocabulary.js\"></script>"))
            let i18n = try #require(page.range(of: "<script src=\"i18n.js\"></script>"))
            #expect(vocabulary.lowerBound < i18n.lowerBound)
        }
    }

    @Test func everyFileThePageLoadsIsOnTheAllowList() throws {
        // Given Maps/index.html's own scripts and stylesheets (Leaflet and vocabulary.js come elsewhere)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("Maps/index.html"), encoding: .utf8)
        let files = page.matches(of: /(?:src|href)="([a-z0-9-]+\.(?:js|css))"/).map { String($0.1) }
            .filter { $0 != "vocabulary.js" }
        #expect(files.contains("chart.js") && files.contains("app.js") && files.contains("style.css"))
        // Then the server serves each of them
        let served = PageFiles(mapsDirectory: root.appendingPathComponent("Maps").path, leafletDirectory: "/none")
        for file in files { #expect(served.entries["/" + file] != nil, "\(file) is not served") }
    }

    @Test func missingFilesAndPathTraversalAreProblems() async throws {
        try await TestWorld.make().test { client in
            for uri in [
                "/nothing.js", "/vendor/leaflet/none.js", "/vendor/leaflet/../../etc/passwd", "/%2e%2e/etc/passwd",
            ] {
                let response = try await client.get(uri)
                #expect([.notFound, .badRequest].contains(response.status), "\(uri): \(response.status)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                #expect(!response.text.contains("root:"))
            }
        }
    }

    @Test func generatedOutputAndHiddenFilesAreNeverServed() async throws {
        // Given a database and an export in the page folder's out/ (where Scripts/demo writes them)
        let world = try TestWorld.make()
        let out = URL(fileURLWithPath: world.options.mapsDirectory).appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for name in ["worksatlas.sqlite", "communes.geojson"] {
            try Data("secret".utf8).write(to: out.appendingPathComponent(name))
        }
        try Data("secret".utf8).write(
            to: URL(fileURLWithPath: world.options.mapsDirectory).appendingPathComponent(".env"))
        try await world.test { client in
            // When they are asked for, Then the answer is 404 without their content
            let uris = [
                "/out/worksatlas.sqlite", "/out/communes.geojson", "/.env", "/%6fut/worksatlas.sqlit%65", "/%2eenv",
                "/out/worksatlas.sqlite%00", "/%6Fut/communes.geojson", "/out//worksatlas.sqlite",
                "/./out/worksatlas.sqlite",
                "/vendor/leaflet/../../maps/out/worksatlas.sqlite", "/out/", "/out", "/index.html/", "/app.js%00.html",
            ]
            for uri in uris {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!response.text.contains("secret"), "\(uri)")
            }
        }
    }

    @Test func onlyThePagesOwnFilesAreServedFromItsFolder() async throws {
        // Given other files in the page folder (a backup, a hidden file, a source file)
        let world = try TestWorld.make()
        let maps = URL(fileURLWithPath: world.options.mapsDirectory)
        for name in ["backup.sqlite3", ".hidden", "notes.txt", "worksatlas.sqlite"] {
            try Data("secret".utf8).write(to: maps.appendingPathComponent(name))
        }
        try await world.test { client in
            for uri in [
                "/backup.sqlite3", "/%2ehidden", "/.hidden", "/notes.txt", "/worksatlas.sqlite",
                "/worksatlas.sqlite%00", "/maps/app.js",
            ] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!response.text.contains("secret"), "\(uri)")
            }
            // while the page's own files still are
            #expect(try await client.get("/app.js").text == "console.log('atlas');\n")
            let head = try await client.execute(uri: "/index.html", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
        }
    }

    @Test func configNamesTilesNoticesAndAttributions() async throws {
        // Given no tile URL: the page stays offline
        let world = try TestWorld.make()
        try await world.test { client in
            let config = try await client.get("/config.json").json()
            #expect(config["tiles"] == .null)
            #expect(config["attributions"]?.arrayValue?.contains("Test boundaries") == true)
            #expect(config["notices"]?.arrayValue != nil)
        }
        // Given a tile URL
        var options = try TestWorld.make().options
        options.tileURL = "https://tiles.example.org/{z}/{x}/{y}.png"
        let other = try TestWorld.make()
        options.mapsDirectory = other.options.mapsDirectory
        try await other.test(options: options) { client in
            let config = try await client.get("/config.json").json()
            #expect(config["tiles"] == "https://tiles.example.org/{z}/{x}/{y}.png")
        }
    }

    @Test func healthSaysOk() async throws {
        try await TestWorld.make().test { client in
            let response = try await client.get("/health")
            #expect(response.status == .ok)
            #expect(try response.json()["status"] == "ok")
        }
    }

    @Test func meNamesTheCaller() async throws {
        let world = try TestWorld.make()
        try await world.test { client in
            #expect(try await client.get("/api/me").json()["role"] == "viewer")
            let me = try await client.get("/api/me", token: world.token("d178")).json()
            #expect(me["name"] == "d178" && me["role"] == "district_editor" && me["unit"] == "178")
            // The page offers "Add work" by this, the rule of the writes
            #expect(me["may_register_works"] == true)
            #expect(try await client.get("/api/me").json()["may_register_works"] == false)
        }
    }
}
