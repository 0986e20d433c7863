import AtlasGeoJSON
import Hummingbird

/// `/config.json` for the map page, `/health` for monitors, `/api/me` for who a token is.
/// The page itself and Leaflet are served by the file middlewares.
struct SiteController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.get("config.json", use: config)
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

    @Sendable func health(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        do {
            _ = try await environment.database.changeStamp()
            return .json(["status": "ok"], headers: [.cacheControl: "no-store"])
        } catch {
            context.logger.error("health check failed", metadata: ["atlas.error": "\(error)"])
            return .json(["status": "unavailable"], status: .serviceUnavailable, headers: [.cacheControl: "no-store"])
        }
    }

    /// `GET /api/me`: the caller's name, role and unit (anonymous: the viewer role).
    @Sendable func me(_ request: Request, context: AtlasRequestContext) throws -> Response {
        _ = try QueryParameters(request.uri.query, allowed: [])
        guard let identity = context.identity else { return .json(["name": .null, "role": "viewer", "unit": .null]) }
        return .json([
            "name": .string(identity.name), "role": .string(identity.role.rawValue),
            "unit": identity.unitCode.map(JSONValue.string) ?? .null,
        ])
    }
}
