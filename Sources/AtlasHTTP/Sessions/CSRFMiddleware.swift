import Hummingbird

/// Every write of `/api` made with a session carries the CSRF token (reads need none).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AtlasRequestContext
    let options: ServerOptions

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        if let session = context.session, ![.get, .head, .options].contains(request.method) {
            try CSRFCheck.requireSameOrigin(request, options: options)
            try CSRFCheck.requireToken(request.headers[CSRFCheck.header], for: session)
        }
        return try await next(request, context)
    }
}
