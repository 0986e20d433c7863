import AtlasGeoJSON
import AtlasImport
import Hummingbird

/// An RFC 9457 problem: `{type, title, status, detail, errors: [{location, field, value, reason}]}`
/// served as `application/problem+json`. The detail is written for the user and never carries
/// SQL, file paths or stack traces.
public struct Problem: Error, HTTPResponseError, Sendable {
    public struct FieldError: Hashable, Sendable {
        public var location: String
        public var field: String
        public var value: String
        public var reason: String
    }

    public var status: HTTPResponse.Status
    public var type: String
    public var title: String
    public var detail: String
    public var errors: [FieldError]
    public var headers: HTTPFields

    init(
        _ status: HTTPResponse.Status, type: String, title: String, detail: String, errors: [FieldError] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: jsonText)))
    }

    var json: JSONValue {
        let list: [JSONValue] = errors.map { e in
            .object([
                "location": .string(e.location), "field": .string(e.field), "value": .string(e.value),
                "reason": .string(e.reason),
            ])
        }
        return .object([
            "type": .string(type), "title": .string(title), "status": .integer(Int64(status.code)),
            "detail": .string(detail), "errors": .array(list),
        ])
    }

    var jsonText: String { json.jsonText + "\n" }
}

extension Problem.FieldError {
    /// One problem of a refused import, as the importer found it.
    init(_ problem: ImportProblem) {
        self.init(location: problem.location, field: problem.field, value: problem.value, reason: problem.reason)
    }
}

extension Problem {
    static let base = "urn:worksatlas:problem:"

    /// A bad query (or, with `location: "path"`, path) parameter (400), naming it.
    static func invalidParameter(
        _ name: String, _ value: String, _ reason: String, location: String = "query"
    ) -> Problem {
        Problem(
            .badRequest, type: base + "invalid-parameter",
            title: location == "path" ? "Invalid path parameter" : "Invalid query parameter",
            detail: "\(name): \(reason)",
            errors: [FieldError(location: location, field: name, value: String(value.prefix(200)), reason: reason)])
    }

    /// A request body that is not what the endpoint takes (400).
    static func invalidBody(_ reason: String, field: String = "-", value: String = "") -> Problem {
        Problem(
            .badRequest, type: base + "invalid-body", title: "Invalid request body", detail: reason,
            errors: [FieldError(location: "body", field: field, value: String(value.prefix(200)), reason: reason)])
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, type: base + "not-found", title: "Not found", detail: detail)
    }

    static func unauthorized(_ detail: String) -> Problem {
        Problem(
            .unauthorized, type: base + "unauthorized", title: "Authentication required", detail: detail,
            headers: [.wwwAuthenticate: "Bearer realm=\"worksatlas\""])
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(.forbidden, type: base + "forbidden", title: "Not allowed", detail: detail)
    }

    static func conflict(_ detail: String) -> Problem {
        Problem(.conflict, type: base + "conflict", title: "Conflict", detail: detail)
    }

    /// Data that breaks the SPEC rules (422), with every problem found.
    static func invalidData(_ detail: String, errors: [FieldError]) -> Problem {
        Problem(
            .unprocessableContent, type: base + "invalid-data", title: "Invalid data", detail: detail, errors: errors)
    }

    static func tooLarge(limit: Int) -> Problem {
        Problem(
            .contentTooLarge, type: base + "too-large", title: "Request body too large",
            detail: "request bodies are limited to \(limit) bytes")
    }

    static let internalError = Problem(
        .internalServerError, type: base + "internal", title: "Internal error",
        detail: "the server could not complete the request; the error was logged")

    /// A plain HTTP error (unknown route, wrong method…) as a problem.
    static func http(_ status: HTTPResponse.Status, detail: String? = nil) -> Problem {
        Problem(status, type: "about:blank", title: status.reasonPhrase, detail: detail ?? status.reasonPhrase)
    }
}
