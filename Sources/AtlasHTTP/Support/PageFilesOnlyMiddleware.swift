import Hummingbird

/// Lets only the page's own files through to the file middleware behind it: generated output
/// (`Maps/out/`, where the demo keeps its database) and hidden files are never served.
struct PageFilesOnlyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        let components = path.split(separator: "/")
        let isPrivate =
            components.first == "out" || components.contains { $0.hasPrefix(".") }
            || [".sqlite", ".sqlite-wal", ".sqlite-shm", ".db"].contains { path.hasSuffix($0) }
        if isPrivate { throw HTTPError(.notFound, message: "no such resource") }
        return try await next(request, context)
    }
}
