import AtlasStore
import HTTPTypes
import Hummingbird

/// Cross-site request forgery: a write made with a session cookie must come from this site's own
/// pages. Two checks, both needed: the browser's word (`Sec-Fetch-Site`, `Origin`, when sent),
/// and the synchroniser token of the session, which only a page of this site can read (from
/// `GET /api/me`) and send back as `X-CSRF-Token` (fetches) or the form field `csrf_token`.
enum CSRFCheck {
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let formField = "csrf_token"

    /// Throws 403 unless the request comes from this site (checked only when the browser says).
    static func requireSameOrigin(_ request: Request, options: ServerOptions) throws {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], !["same-origin", "none"].contains(site) {
            throw forbidden("the request came from another site (Sec-Fetch-Site: \(site.prefix(40)))")
        }
        guard let origin = request.headers[.origin] else { return }
        var allowed: Set<String> = []
        if let host = request.head.authority {
            allowed.insert("http://" + host.lowercased())
            allowed.insert("https://" + host.lowercased())
        }
        for url in [options.publicURL, options.listeningOrigin.url].compactMap({ $0 }) {
            allowed.insert(originPart(of: url))
        }
        guard allowed.contains(origin.lowercased()) else {
            throw forbidden("the request came from another origin (Origin: \(origin.prefix(100)))")
        }
    }

    /// Throws 403 unless `token` is the session's CSRF token.
    static func requireToken(_ token: String?, for session: AtlasRequestContext.Session) throws {
        guard let token else {
            throw forbidden("a write signed in by cookie needs the session's CSRF token (header X-CSRF-Token)")
        }
        guard SHA256Hex.equal(token, session.csrfToken) else {
            throw forbidden("the CSRF token does not belong to this session; reload the page")
        }
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(.forbidden, type: Problem.base + "csrf", title: "Cross-site request refused", detail: detail)
    }

    /// `scheme://host[:port]` of a URL, lower-cased, without path.
    static func originPart(of url: String) -> String {
        let lower = url.lowercased()
        guard let schemeEnd = lower.range(of: "://") else { return lower }
        let rest = lower[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(lower[..<schemeEnd.upperBound]) + authority
    }
}
