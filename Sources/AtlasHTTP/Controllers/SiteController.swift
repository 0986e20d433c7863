import AtlasGeoJSON
import AtlasStore
import AtlasModel
import Hummingbird

/// `/config.json` for the map page, `/health` for monitors, `/api/me` for who a token is.
/// The page itself and Leaflet are served by the file middlewares.
struct SiteController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.get("config.json", use: config)
        routes.get("vocabulary.js", use: vocabulary)
        routes.get("health", use: health)
    }

    @Sendable func config(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        _ = try QueryParameters(request.uri.query, allowed: [])
        let database = environment.database
        let provenance = try await blocking { try database.provenance() }
        return .json(
            [
                "tiles": environment.options.tileURL.map(JSONValue.string) ?? .null,
                "notices": .array(provenance.notices.map(JSONValue.string)),
                "attributions": .array(provenance.attributions.map(JSONValue.string)),
            ], headers: [.cacheControl: "no-cache"])
    }

    /// The words of every vocabulary the page shows, in order, with Vietnamese and English
    /// labels, as a script the page loads before its own (its first lines already need them).
    @Sendable func vocabulary(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        _ = try QueryParameters(request.uri.query, allowed: [])
        var headers: HTTPFields = [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"]
        headers[.contentLength] = String(Self.vocabularyScript.utf8.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Self.vocabularyScript)))
    }

    static let vocabularyScript: String = {
        var groups = JSONObject()
        for group in PageVocabulary.groups {
            func labels(_ pick: (Label) -> String) -> JSONValue {
                .object(JSONObject(uniqueKeysWithValues: group.words.map { ($0.code, JSONValue.string(pick($0.label))) }))
            }
            groups[group.name] = .object([
                "order": .array(group.words.map { .string($0.code) }), "vi": labels(\.vi), "en": labels(\.en),
            ])
        }
        // The legal next statuses of each (WorkStatus.successors) and the serving ones, so the
        // page offers only legal steps, and maintenance only where the store accepts it.
        if case .object(var status)? = groups["status"] {
            status["successors"] = .object(
                JSONObject(
                    uniqueKeysWithValues: WorkStatus.allCases.map {
                        ($0.rawValue, JSONValue.array($0.successors.map { .string($0.rawValue) }))
                    }))
            status["serving"] = .array(WorkStatus.allCases.filter(\.isServing).map { .string($0.rawValue) })
            groups["status"] = .object(status)
        }
        return "// The server's vocabularies (codes in order, Vietnamese and English labels).\n"
            + "window.WA = window.WA || {};\nwindow.WA.vocabulary = \(JSONValue.object(groups).jsonText);\n"
    }()

    @Sendable func health(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        do {
            _ = try await environment.database.changeStamp()
            return .json(["status": "ok"], headers: [.cacheControl: "no-store"])
        } catch {
            context.logger.error("health check failed", metadata: ["atlas.error": "\(error)"])
            return .json(["status": "unavailable"], status: .serviceUnavailable, headers: [.cacheControl: "no-store"])
        }
    }

    /// `GET /api/me`: the caller's name, role and unit (anonymous: the viewer role), how it signed
    /// (`token` or `session`), for a session the CSRF token its page sends with every write, and
    /// whether the role may register works (the page offers "Add work" only then).
    @Sendable func me(_ request: Request, context: AtlasRequestContext) throws -> Response {
        _ = try QueryParameters(request.uri.query, allowed: [])
        guard let identity = context.identity else {
            return .json([
                "name": .null, "role": "viewer", "unit": .null, "via": .null, "csrf_token": .null,
                "may_register_works": false,
            ])
        }
        return .json(
            [
                "name": .string(identity.name), "role": .string(identity.role.rawValue),
                "unit": identity.unitCode.map(JSONValue.string) ?? .null, "via": .string(identity.via.rawValue),
                "csrf_token": context.session.map { .string($0.csrfToken) } ?? .null,
                "may_register_works": .bool(Set<UserRole>.editors.contains(identity.role)),
            ], headers: [.cacheControl: "no-store"])
    }
}
