import AtlasGeoJSON
import Hummingbird

extension Response {
    /// A JSON document (`application/json` unless told otherwise).
    static func json(
        _ value: JSONValue, status: HTTPResponse.Status = .ok, contentType: String = "application/json",
        headers extra: HTTPFields = [:]
    ) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.jsonText + "\n")))
    }
}

extension Request {
    /// The body as strict JSON (duplicate keys, NaN, deep nesting refused), at most `limit` bytes.
    mutating func jsonBody(limit: Int) async throws -> JSONValue {
        let buffer = try await collectBody(upTo: limit)
        let bytes = Array(buffer.readableBytesView)
        guard !bytes.isEmpty else { throw Problem.invalidBody("the request needs a JSON body") }
        do {
            return try StrictJSONParser().parse(bytes)
        } catch {
            throw Problem.invalidBody("the body is not valid JSON: \(error)")
        }
    }
}

extension JSONObject {
    /// Refuses members outside `allowed` (a typo must not be silently ignored).
    func requireOnly(_ allowed: Set<String>, in what: String) throws {
        if let unknown = keys.first(where: { !allowed.contains($0) }) {
            throw Problem.invalidBody(
                "unknown member \"\(unknown)\" in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))",
                field: unknown)
        }
    }
}
