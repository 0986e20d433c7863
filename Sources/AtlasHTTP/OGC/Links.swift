import AtlasGeoJSON
import Foundation
import Hummingbird

/// Absolute links for OGC responses: the configured public URL, else `http://` + the request's
/// Host (when it is a plain host[:port]), else root-relative paths.
struct LinkBuilder: Sendable {
    let base: String

    init(request: Request, publicURL: String?) {
        if let publicURL {
            base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        } else if let host = request.head.authority, Self.isPlainHost(host) {
            base = "http://" + host
        } else {
            base = ""
        }
    }

    static func isPlainHost(_ host: String) -> Bool {
        (1...255).contains(host.utf8.count)
            && host.utf8.allSatisfy { c in
                (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 46 || c == 91
                    || c == 93
            }
    }

    func url(_ path: String, query: [(String, String)] = []) -> String {
        guard !query.isEmpty else { return base + path }
        return base + path + "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    func link(_ path: String, rel: String, type: String, title: String, query: [(String, String)] = []) -> JSONValue {
        .object(["href": .string(url(path, query: query)), "rel": .string(rel), "type": .string(type), "title": .string(title)])
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,:")

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
