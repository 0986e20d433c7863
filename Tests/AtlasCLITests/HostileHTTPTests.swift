import Foundation
import Testing

/// Hundreds of hostile requests against a real `worksatlas serve` whose page folder holds the
/// database (the mistake the demo once made): never a 500, never a body with a path, SQL or a
/// stack trace, never a byte of a file that is not one of the page's, and the server still
/// answers afterwards.
@Suite(.serialized, .enabled(if: CLI.isAvailable)) struct HostileHTTPTests {
    static let leaks = [
        "SQLite format 3", "/work/", "/tmp/", ".swift", "sqlite_", "SELECT ", "Fatal error", "Backtrace", "GRDB",
        "SQLITE_",
    ]

    struct Tally {
        var tried = 0, refused = 0
        var problems: [String] = []

        mutating func check(
            _ name: String, _ reply: RawHTTP.Reply, allowed: ClosedRange<Int> = 400...499, mayClose: Bool = false
        ) {
            tried += 1
            guard let status = reply.status else {
                if !(mayClose && reply.closed) { problems.append("\(name): no reply (closed: \(reply.closed))") }
                refused += 1
                return
            }
            if status >= 500 && status != 503 { problems.append("\(name): \(status)") }
            if !allowed.contains(status) { problems.append("\(name): status \(status), expected \(allowed)") }
            if status >= 400 { refused += 1 }
            for leak in HostileHTTPTests.leaks where reply.text.contains(leak) {
                problems.append("\(name): body contains \"\(leak)\": \(reply.text.prefix(200))")
            }
            if reply.header("Set-Cookie") != nil || reply.header("X-Injected") != nil {
                problems.append("\(name): an injected header came back")
            }
        }
    }

    @Test func hostileRequestsNeverCrashOrLeak() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        try workspace.write("index.html", "<!doctype html><title>WorksAtlas</title>\n")
        try workspace.write("app.js", "console.log('atlas')\n")
        try workspace.write(".secret", "token\n")
        let token = try workspace.run([
            "users", "add", "prov", "--role", "province_editor", "--unit", "20", "--db", workspace.database,
        ])
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try RunningServer(workspace: workspace, arguments: ["--request-timeout", "2"])
        defer { server.kill() }
        let port = server.port
        var tally = Tally()

        // Traversal and hidden files, in every encoding, with GET and HEAD: 404, never the file
        for path in Self.traversals {
            for method in ["GET", "HEAD"] {
                tally.check("\(method) \(path)", RawHTTP.get(port: port, path, method: method), allowed: 400...404)
            }
        }
        // The page's own files are still served
        #expect(RawHTTP.get(port: port, "/app.js").status == 200)
        #expect(RawHTTP.get(port: port, "/").text.contains("WorksAtlas"))

        // Bad query parameters
        for query in Self.badQueries {
            tally.check(
                "GET items?\(query)", RawHTTP.get(port: port, "/ogc/collections/works/items?" + query),
                allowed: 400...404)
        }

        // Wrong content types on a write, with a valid token: 415 before anything is read
        let work =
            #"{"type":"Feature","id":"H-1","properties":{"name":"Giếng","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        for type in Self.wrongContentTypes {
            let headers = ["Authorization: Bearer \(token)"] + (type.isEmpty ? [] : ["Content-Type: \(type)"])
            tally.check(
                "POST as \(type)", RawHTTP.post(port: port, "/api/works", body: work, headers: headers),
                allowed: 415...415)
        }
        // Bad bodies with the right type
        for (name, body) in Self.badBodies {
            let reply = RawHTTP.post(
                port: port, "/api/works", body: body,
                headers: ["Authorization: Bearer \(token)", "Content-Type: application/geo+json"])
            tally.check("POST \(name)", reply, allowed: 400...422)
        }
        // Bad tokens
        for value in Self.badAuthorizations {
            let reply = RawHTTP.post(
                port: port, "/api/works", body: work,
                headers: ["Authorization: \(value)", "Content-Type: application/geo+json"])
            tally.check("Authorization \(value.prefix(30))", reply, allowed: 400...401)
        }
        // Methods the server does not take
        for method in ["PUT", "DELETE", "TRACE", "OPTIONS", "CONNECT", "PROPFIND", "PATCH", "get", "G\u{0}T", "FOO"] {
            for path in ["/", "/ogc", "/api/works", "/ogc/collections/works/items"] {
                tally.check(
                    "\(method) \(path)", RawHTTP.get(port: port, path, method: method), allowed: 400...405,
                    mayClose: true)
            }
        }
        // Header injection and forged hosts: nothing echoed, links stay on the listening address
        for (name, headers) in Self.injectedHeaders {
            let reply = RawHTTP.get(port: port, "/ogc", headers: headers)
            tally.tried += 1
            #expect(reply.status == 200, "\(name)")
            #expect(!reply.text.contains("evil.example"), "\(name): \(reply.text.prefix(300))")
            #expect(reply.text.contains("http://127.0.0.1:\(port)/ogc/collections"), "\(name)")
        }
        for target in [
            "/ogc/collections/works/items/x%0d%0aSet-Cookie:%20a=b", "/api/works/x%0d%0aX-Injected:%201",
            "/ogc%0d%0aX-Injected:%201",
        ] {
            tally.check("GET \(target)", RawHTTP.get(port: port, target), allowed: 400...405)
        }
        // Oversize heads
        let long = String(repeating: "a", count: 100_000)
        tally.check("100 kB target", RawHTTP.get(port: port, "/ogc?x=" + long), allowed: 400...431, mayClose: true)
        tally.check(
            "100 kB header", RawHTTP.get(port: port, "/ogc", headers: ["X-Long: " + long]), allowed: 400...431,
            mayClose: true)
        tally.check(
            "2000 headers", RawHTTP.get(port: port, "/ogc", headers: (0..<2000).map { "X-\($0): 1" }),
            allowed: 400...431, mayClose: true)
        for garbage in [
            "\u{16}\u{03}\u{01}\u{02}\u{00}", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "GET /\r\n\r\n",
            "GET / HTTP/9.9\r\n\r\n", "\r\n\r\n\r\n", "GET /ogc HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
            "GET /ogc HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "POST /api/works HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
            "GET /ogc HTTP/1.1\r\nHost a\r\n\r\n", "GET /ogc HTTP/1.1\r\n Host: a\r\n\r\n",
        ] {
            tally.check(
                "garbage \(garbage.debugDescription.prefix(30))",
                RawHTTP.exchange(port: port, Array(garbage.utf8), timeout: 5), allowed: 400...431, mayClose: true)
        }
        // Oversize bodies: announced (413 at once, connection closed) and sent
        let announced = RawHTTP.exchange(
            port: port,
            Array(
                "POST /api/works HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/geo+json\r\nContent-Length: 1000000000000\r\n\r\n{"
                    .utf8), timeout: 5,
            awaitClose: true)
        tally.check("Content-Length 10^12", announced, allowed: 413...413)
        #expect(announced.seconds < 3 && announced.closed, "a 10^12-byte body was waited for: \(announced.seconds) s")
        let big = "[" + String(repeating: "0,", count: 700_000) + "0]"
        tally.check(
            "1.4 MB body",
            RawHTTP.post(
                port: port, "/api/works", body: big,
                headers: ["Authorization: Bearer \(token)", "Content-Type: application/geo+json"]), allowed: 413...413,
            mayClose: true)
        // A slow body and a stalled head are cut off at the request timeout (2 s here)
        let slow = RawHTTP.exchange(
            port: port,
            Array(
                "POST /api/works HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/geo+json\r\nContent-Length: 100\r\n\r\n"
                    .utf8),
            trickle: Array(repeating: UInt8(ascii: " "), count: 40), pause: 0.2, timeout: 10)
        tally.tried += 1
        #expect(slow.closed && slow.seconds < 8, "a trickled body kept the connection \(slow.seconds) s")
        let stalled = RawHTTP.exchange(port: port, Array("GET /ogc HTTP/1.1\r\nHost: a\r\n".utf8), timeout: 10)
        tally.tried += 1
        #expect(stalled.closed && stalled.seconds < 5, "a stalled head kept the connection \(stalled.seconds) s")

        // And the server still answers, and stored nothing of all that
        #expect(RawHTTP.get(port: port, "/health").status == 200)
        let count = RawHTTP.get(port: port, "/ogc/collections/works/items?limit=1").text
        #expect(count.contains("\"numberMatched\":0"), "\(count.prefix(200))")
        #expect(
            tally.problems.isEmpty,
            "\(tally.problems.count) problems: \(tally.problems.prefix(15).joined(separator: "\n"))")
        #expect(tally.tried >= 200, "only \(tally.tried) requests")
        print(
            "hostile HTTP: \(tally.tried) requests, \(tally.refused) refused, \(tally.problems.count) problems (500s, leaks, files outside the page)"
        )
    }

    static let traversals: [String] = {
        let targets = [
            "atlas.sqlite", "atlas.sqlite-wal", ".secret", "units.geojson", "../../../../etc/passwd", "etc/passwd",
        ]
        var paths: [String] = []
        for t in targets {
            paths += [
                "/\(t)", "/vendor/leaflet/../../\(t)", "/vendor/leaflet/images/../../../\(t)", "/./\(t)", "//\(t)",
                "/\(t)%00", "/\(t)%00.js", "/app.js/../\(t)", "/\(t);.js", "/\(t)?.js", "/%2e/\(t)",
            ]
        }
        paths += [
            "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/%252e%252e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
            "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
            "/%e0%80%ae%e0%80%ae/etc/passwd", "/..%5c..%5cetc%5cpasswd", "/..\\..\\etc\\passwd", "/%2fetc%2fpasswd",
            "/atlas.sqlit%65", "/%61tlas.sqlite",
            "/%2esecret", "/.git/config", "/%2egit/config", "/APP.JS", "/app.js.bak", "/app.js~", "/.app.js.swp",
            "/index.html/..", "/index.html%2f..%2fatlas.sqlite",
            "/Maps/index.html", "/vendor/leaflet/", "/vendor/leaflet", "/vendor/", "/vendor/leaflet/images/",
            "/vendor/leaflet/leaflet.js/../../../atlas.sqlite",
            "/serve.out", "/backup.sqlite3", "/worksatlas.sqlite", "/out/worksatlas.sqlite",
            "/%6fut/worksatlas.sqlit%65", "/%", "/%zz", "/%ff%fe",
        ]
        return paths
    }()

    static let badQueries: [String] = [
        "bbox=0x1,21,106,22", "bbox=nan,21,106,22", "bbox=1_0,21,106,22", "bbox=1,2,3", "bbox=1e400,0,1,1",
        "bbox=106.3,21,106.1,21.2",
        "bbox=0,95,1,96", "bbox=,,,", "bbox=1,2,3,4,5", "bbox=%00", "datetime=2019-01-01T25:00:00Z",
        "datetime=2019-01-01T10:61:00Z",
        "datetime=2019-02-30", "datetime=../..", "datetime=2019/2018", "datetime=yesterday",
        "datetime=2019-01-01T10:00:00%2B24:00",
        "limit=-1", "limit=0", "limit=1e9", "limit=abc", "offset=-5", "offset=abc", "offset=1.5",
        "unknown=1", "programme=999", "category=bridge", "status=done", "sortby=id;DROP%20TABLE%20work", "properties=x",
        "f=xml",
        "limit=1&limit=2", "programme=%27%20OR%201=1--", "commune=%27;DROP", "x=%zz", "%zz=1", "bbox-crs=EPSG:3857",
        "crs=http://evil.example/crs",
        String(repeating: "a=1&", count: 500),
    ]

    static let wrongContentTypes = [
        "", "text/plain", "text/html", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
        "application/xml",
        "application/json; charset=latin1", "application/geo+json; charset=utf-16", "application/jsonx", "json", "*/*",
        "application/geo+json, text/plain", "application/geo+json; boundary=x",
    ]

    static let badBodies: [(String, String)] = [
        ("empty", ""), ("not JSON", "hello"), ("truncated", #"{"type":"Feature","#), ("array", "[]"), ("null", "null"),
        ("deep", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
        (
            "NaN",
            #"{"type":"Feature","id":"H-2","properties":{"name":"A","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[NaN,21]}}"#
        ),
        ("duplicate keys", #"{"type":"Feature","id":"H-2","id":"H-3","properties":{},"geometry":null}"#),
        (
            "money overflow",
            #"{"type":"Feature","id":"H-2","properties":{"name":"A","programme":"135","category":"water","status":"proposed","planned_central_vnd":9223372036854775000,"planned_province_vnd":9223372036854775000},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        ),
        (
            "money max",
            #"{"type":"Feature","id":"H-2","properties":{"name":"A","programme":"135","category":"water","status":"proposed","planned_vnd":9223372036854775807},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        ),
        (
            "id with slash",
            #"{"type":"Feature","id":"a/b","properties":{"name":"A","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        ),
        (
            "NUL name",
            #"{"type":"Feature","id":"H-2","properties":{"name":"\u0000","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        ),
        (
            "MultiPoint",
            #"{"type":"Feature","id":"H-2","properties":{"name":"A","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"MultiPoint","coordinates":[[106.05,21.05]]}}"#
        ),
        (
            "swapped",
            #"{"type":"Feature","id":"H-2","properties":{"name":"A","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[21.05,106.05]}}"#
        ),
        (
            "SQL in programme",
            #"{"type":"Feature","id":"H-2","properties":{"name":"A","programme":"135'; DROP TABLE work;--","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        ),
        ("invalid UTF-8 escape", #"{"type":"Feature","id":"\uD800","properties":{},"geometry":null}"#),
    ]

    static let badAuthorizations = [
        "Bearer", "Bearer ", "Bearer x", "Bearer " + String(repeating: "f", count: 64),
        "Bearer " + String(repeating: "a", count: 10_000),
        "Basic YWRtaW46YWRtaW4=", "bearer", "Token abc", "Bearer abc def", "Bearer ' OR 1=1 --",
    ]

    static let injectedHeaders: [(String, [String])] = [
        ("forged Host", ["Host: evil.example"]), ("X-Forwarded-Host", ["X-Forwarded-Host: evil.example"]),
        ("Forwarded", ["Forwarded: host=evil.example;proto=https"]),
        ("X-Forwarded-Proto", ["X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example"]),
    ]
}
