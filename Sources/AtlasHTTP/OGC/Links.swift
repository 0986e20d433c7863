import AtlasGeoJSON
import Foundation
import Hummingbird

/// Absolute links for OGC responses: the configured public URL, else the address the server
/// listens on, else root-relative paths. Never the request's Host header: a client could make
/// every link point elsewhere.
struct LinkBuilder: Sendable {
    let base: String

    init(options: ServerOptions) {
        let url = options.publicURL ?? options.listeningOrigin.url ?? ""
        base = url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    func url(_ path: String, query: [(String, String)] = []) -> String {
        guard !query.isEmpty else { return base + path }
        return base + path + "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    func link(_ path: String, rel: String, type: String, title: String, query: [(String, String)] = []) -> JSONValue {
        .object([
            "href": .string(url(path, query: query)), "rel": .string(rel), "type": .string(type),
            "title": .string(title),
        ])
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,:")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}

enum MediaTypes {
    static let json = "application/json"
    static let geoJSON = "application/geo+json"
    static let openAPI = "application/vnd.oai.openapi+json;version=3.0"
    static let html = "text/html"
}
