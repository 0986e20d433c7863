import AtlasModel
import Hummingbird

/// Refuses a body before reading it: one announced above the upload cap (413, and the
/// connection closes instead of draining it), and a write to `/api` whose Content-Type is not
/// JSON in UTF-8 (415), so a form or text/plain cannot pass for a work. A works file uploaded
/// for import has a larger cap of its own and comes as raw bytes (`UploadedFile`).
struct RequestBodyMiddleware: RouterMiddleware {
    typealias Context = AtlasRequestContext
    let routes: RouteTable

    static let acceptedTypes: Set<String> = [MediaTypes.geoJSON, MediaTypes.json]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let isFileUpload = request.uri.path == UploadedFile.route
        let limit = isFileUpload ? UploadedFile.maximumBytes : context.maxUploadSize
        if let length = request.headers[.contentLength], let bytes = Int(length), bytes > limit {
            throw Problem.tooLarge(limit: limit)
        }
        // Only for a route that takes this method: an unknown one is the router's 404 or 405.
        if [.post, .patch, .put].contains(request.method), request.uri.path.hasPrefix("/api/"),
            routes.allowedMethods(forPath: request.uri.path)?.contains(request.method) == true
        {
            if isFileUpload {
                try UploadedFile.checkContentType(request.headers[.contentType])
            } else {
                try Self.checkContentType(request.headers[.contentType])
            }
        }
        return try await next(request, context)
    }

    /// `application/geo+json` or `application/json`, with no parameter but `charset=utf-8`.
    static func checkContentType(_ header: String?) throws {
        guard let header else { throw unsupported("(none)") }
        let parts = header.split(separator: ";").map { String($0).trimmedASCIISpaces.lowercased() }
        let parametersAreUTF8 = parts.dropFirst().allSatisfy {
            $0.replacingOccurrences(of: " ", with: "") == "charset=utf-8"
        }
        guard let type = parts.first, acceptedTypes.contains(type), parametersAreUTF8 else { throw unsupported(header) }
    }

    static func unsupported(_ header: String) -> Problem {
        Problem(
            .unsupportedMediaType, type: Problem.base + "unsupported-media-type", title: "Unsupported media type",
            detail: "send the work as application/geo+json (or application/json) in UTF-8",
            errors: [
                .init(location: "header", field: "Content-Type", value: String(header.prefix(200)), reason: "not JSON")
            ],
            headers: [.accept: "application/geo+json, application/json"])
    }
}
