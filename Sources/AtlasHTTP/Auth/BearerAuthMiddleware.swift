import AtlasStore
import Hummingbird

/// Reads `Authorization: Bearer <token>` into the context. No header: anonymous. A header that
/// is not a live token: 401 (a client that sends a token expects it to count).
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = AtlasRequestContext
    let database: any AtlasDataStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        let parts = header.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized("the Authorization header must be \"Bearer <token>\"")
        }
        let token = String(parts[1])
        guard AccessToken.isWellFormed(token),
            let user = try await database.activeUser(tokenPrefix: AccessToken.lookupPrefix(of: token)),
            AccessToken.matches(token, user.credential)
        else {
            throw Problem.unauthorized("the bearer token is unknown or revoked")
        }
        var context = context
        context.identity = Identity(name: user.name, role: user.role, unitCode: user.unitCode)
        return try await next(request, context)
    }
}
