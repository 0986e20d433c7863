import AtlasStore
import Foundation
import Hummingbird

/// Reads the session cookie into the context when the request has no bearer token (a token
/// wins: a page on another site cannot set `Authorization`). A cookie that names no live
/// session is a 401 that clears it, so the page knows to sign in again — except where an ended
/// session is as good as none (signing out: the officer lands on the sign-in page either way).
struct SessionAuthMiddleware: RouterMiddleware {
    typealias Context = AtlasRequestContext
    let database: any AtlasDataStore
    let settings: SessionSettings
    let secureCookie: Bool
    var endedSessionIsAnonymous = false

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard context.identity == nil, request.headers[.authorization] == nil,
            let id = SessionCookie.value(in: request)
        else { return try await next(request, context) }
        let idHash = SessionToken.storedHash(of: id)
        let now = settings.clock.now()
        guard SessionToken.isWellFormed(id), let session = try await database.session(idHash: idHash) else {
            if endedSessionIsAnonymous { return try await next(request, context) }
            throw ended("the session is unknown or has ended; sign in again at /login")
        }
        let idle = now.timeIntervalSince(session.lastSeenAt) >= TimeInterval(settings.idleTimeout)
        guard now < session.expiresAt, !idle else {
            try await database.deleteSession(idHash: idHash)
            if endedSessionIsAnonymous { return try await next(request, context) }
            throw ended("the session has expired; sign in again at /login")
        }
        if now.timeIntervalSince(session.lastSeenAt) >= TimeInterval(SessionSettings.touchInterval) {
            try await database.touchSession(idHash: idHash, at: now)
        }
        var context = context
        let user = session.user
        context.identity = Identity(name: user.name, role: user.role, unitCode: user.unitCode, via: .session)
        context.session = .init(idHash: idHash, csrfToken: session.csrfToken)
        return try await next(request, context)
    }

    func ended(_ detail: String) -> Problem {
        var problem = Problem.unauthorized(detail)
        problem.headers[.setCookie] = SessionCookie.clear(secure: secureCookie)
        return problem
    }
}
