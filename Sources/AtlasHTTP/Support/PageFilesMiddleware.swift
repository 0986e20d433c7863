import Foundation
import HTTPTypes
import Hummingbird

/// The map page's own files, and nothing else: each URL path below is mapped to one file named
/// here, so no request path ever reaches the file system (no directory listing, no `..`, no
/// encodings to outwit, no database or export that happens to lie in the same folder).
struct PageFiles: Sendable {
    struct Entry: Sendable {
        let file: String
        let contentType: String
    }

    /// URL path → file, for the page folder (`--maps`) and Leaflet's (`--leaflet`).
    let entries: [String: Entry]

    init(mapsDirectory: String, leafletDirectory: String) {
        var entries: [String: Entry] = [:]
        let page = [
            "index.html", "app.js", "chart.js", "format.js", "i18n.js", "legend.js", "map.js", "panel.js", "search.js",
            "style.css", "login.html", "login.js",
            // Officers' pages beside the map: upload, their works, users (admins).
            "officer.js", "upload.html", "upload.js", "works.html", "works.js", "admin.html", "admin.js",
            // The officers' forms on the map page
            "map-officer.js", "geometry-input.js", "trace-file.js", "work-form.js", "work-actions.js",
        ]
        for name in page {
            entries["/" + name] = Entry(file: mapsDirectory + "/" + name, contentType: Self.type(of: name))
        }
        entries["/"] = entries["/index.html"]
        entries["/login"] = entries["/login.html"]
        for page in ["upload", "works", "admin"] { entries["/" + page] = entries["/\(page).html"] }
        let leaflet = [
            "leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png", "images/marker-icon.png",
            "images/marker-icon-2x.png", "images/marker-shadow.png",
        ]
        for name in leaflet {
            entries["/vendor/leaflet/" + name] = Entry(
                file: leafletDirectory + "/" + name, contentType: Self.type(of: name))
        }
        self.entries = entries
    }

    /// The headers of a page file: its type, no caching without asking, and the policy that keeps
    /// the page to this server: scripts, styles and requests only from here, no inline script, no
    /// plugins, no framing, forms posted only here; images also from the tile server when set.
    static func headers(contentType: String, length: Int, options: ServerOptions) -> HTTPFields {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-cache"]
        headers[.contentLength] = String(length)
        headers[.contentSecurityPolicy] = contentSecurityPolicy(tileURL: options.tileURL)
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return headers
    }

    static func contentSecurityPolicy(tileURL: String?) -> String {
        let tiles = tileURL.map { " " + CSRFCheck.originPart(of: $0) } ?? ""
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:\(tiles); "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
    }

    static func type(of name: String) -> String {
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        return "image/png"
    }
}

/// Answers GET and HEAD for the allow-listed page files; every other request goes on to the router.
struct PageFilesMiddleware<Context: RequestContext>: RouterMiddleware {
    let files: PageFiles
    let options: ServerOptions

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard request.method == .get || request.method == .head, let entry = files.entries[request.uri.path] else {
            return try await next(request, context)
        }
        // A symlink swapped in for a page file is not followed out of its folder.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: entry.file),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let bytes = FileManager.default.contents(atPath: entry.file)
        else { throw HTTPError(.notFound, message: "no such resource") }
        let headers = PageFiles.headers(contentType: entry.contentType, length: bytes.count, options: options)
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        return Response(status: .ok, headers: headers, body: body)
    }
}
