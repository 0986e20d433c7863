import ArgumentParser
import AtlasHTTP
import AtlasModel
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the map page, OGC API – Features (/ogc) and the officers' works API (/api).",
        discussion: """
            Reads go on while a write or an import runs (WAL). Writes need a bearer token from \
            `worksatlas users add`, or signing in at /login with a password from `worksatlas users passwd` \
            (then every write also carries the session's CSRF token). Nothing is fetched from other hosts: Leaflet comes from --leaflet and \
            background tiles only when --tiles is given.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port, printed on start).") var port: Int = 8080
    @Option(help: "Folder of the map page (index.html, app.js, style.css).") var maps: String = "Maps"
    @Option(help: "Folder of Leaflet (Debian's libjs-leaflet), served at /vendor/leaflet/.")
    var leaflet: String = "/usr/share/javascript/leaflet"
    @Option(help: "Background tile URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png (default: none).")
    var tiles: String?
    @Option(
        name: .customLong("public-url"),
        help:
            "The URL clients use (behind a proxy), for links in OGC responses (default: the listening address; never the request's Host header)."
    )
    var publicURL: String?
    @Option(help: "Coverage rules as JSON (default: the standard rules, as in Data/coverage-rules.json).") var rules:
        String?
    @Option(
        name: .customLong("request-timeout"),
        help: "Seconds a request may take to arrive, and a connection may stay idle, before it is closed.")
    var requestTimeout: Int = 30
    @Option(
        name: .customLong("session-idle"),
        help: "Minutes without a request after which a sign-in session ends.")
    var sessionIdle: Int = 30
    @Option(
        name: .customLong("session-lifetime"),
        help: "Hours after signing in at which a session ends, however busy (the cookie is Secure when --public-url is https).")
    var sessionLifetime: Int = 12

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        if let tiles, !(tiles.hasPrefix("http://") || tiles.hasPrefix("https://")) || !tiles.contains("{z}") {
            throw ValidationError("--tiles must be an http(s) URL template with {z}, {x} and {y}, got \"\(tiles)\"")
        }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://, got \"\(publicURL)\"")
        }
        guard (1...3600).contains(requestTimeout) else {
            throw ValidationError("--request-timeout must be between 1 and 3600 seconds, got \(requestTimeout)")
        }
        guard (1...24 * 60).contains(sessionIdle) else {
            throw ValidationError("--session-idle must be between 1 and 1440 minutes, got \(sessionIdle)")
        }
        guard (1...24 * 30).contains(sessionLifetime), sessionLifetime * 60 >= sessionIdle else {
            throw ValidationError(
                "--session-lifetime must be between 1 and 720 hours and not shorter than --session-idle, got \(sessionLifetime)")
        }
        if let rules, !FileManager.default.fileExists(atPath: rules) {
            throw ValidationError("no such rules file: \(rules)")
        }
    }

    func run() async throws {
        if !FileManager.default.fileExists(atPath: maps + "/index.html") {
            Terminal.note("note: \(maps)/index.html not found; the map page will answer 404 (see --maps)")
        }
        if !FileManager.default.fileExists(atPath: leaflet + "/leaflet.js") {
            Terminal.note(
                "note: \(leaflet)/leaflet.js not found; install libjs-leaflet (Scripts/setup) or give --leaflet")
        }
        if publicURL == nil && ["0.0.0.0", "::"].contains(host) {
            Terminal.note(
                "note: listening on every address; give --public-url so OGC links name the address clients use")
        }
        let options = ServerOptions(
            mapsDirectory: maps, leafletDirectory: leaflet, tileURL: tiles, publicURL: publicURL,
            rules: try rules.map(CoverageOptions.load) ?? .standard,
            requestTimeout: requestTimeout,
            sessions: SessionSettings(idleTimeout: sessionIdle * 60, lifetime: sessionLifetime * 3600))
        let arguments = ServerArguments(host: host, port: port, databasePath: database.resolvedPath, options: options)
        let host = host
        let app = try buildApplication(arguments) { port in
            let line = "serving http://\(host):\(port)/ (OGC API at /ogc, works API at /api); stop with Ctrl-C\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        try await app.runService()
    }
}
