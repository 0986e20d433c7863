import AtlasStore
import Foundation
import Hummingbird

/// `POST /login` (the form of `GET /login`, a page file) and `POST /logout`. A sign-in that
/// fails says only that the name or the password is wrong, never which, and costs the same time
/// either way; failures are throttled per name and per address (`SignInThrottle`).
struct SessionController: Sendable {
    let environment: ServerEnvironment
    let pages: PageFiles

    static let formLimit = 8 * 1024
    /// The element of login.html that shows the failure; the server unhides it.
    static let hiddenError = #"<p id="login-error" class="wa-login-error" role="alert" data-i18n="loginFailed" hidden>"#

    /// What every failed sign-in says, whatever was wrong.
    static let failure = "Tên đăng nhập hoặc mật khẩu không đúng / wrong user name or password"

    var settings: SessionSettings { environment.options.sessions }

    @Sendable func login(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        try CSRFCheck.requireSameOrigin(request, options: environment.options)
        var request = request
        let form = try await FormFields.read(&request, limit: Self.formLimit)
        let name = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let address = context.clientAddress ?? "-"
        let now = settings.clock.now()
        let throttle = environment.throttle
        if let wait = throttle.admit(user: name, address: address, now: now) {
            throw Problem(
                .tooManyRequests, type: Problem.base + "too-many-sign-ins", title: "Too many failed sign-ins",
                detail: "quá nhiều lần đăng nhập sai; thử lại sau \(wait) giây / too many failed sign-ins; try again in \(wait) s",
                headers: [.retryAfter: String(wait)])
        }
        let database = environment.database
        let stored = name.isEmpty || name.count > 64 ? nil : try await database.passwordHash(ofActiveUser: name)
        let matches = try await blocking {
            guard let stored else {
                PasswordHash.verifyNothing(password)
                return false
            }
            return PasswordHash.verify(password, against: stored)
        }
        guard matches else {
            context.logger.info("sign-in refused", metadata: ["atlas.user": "\(name.prefix(64))", "atlas.address": "\(address)"])
            return try failedPage()
        }
        throttle.recordSuccess(user: name, address: address)
        let (id, csrfToken) = SessionToken.generate()
        try await database.createSession(
            idHash: SessionToken.storedHash(of: id), csrfToken: csrfToken, userName: name,
            address: context.clientAddress, now: now, expiresAt: now.addingTimeInterval(TimeInterval(settings.lifetime)),
            idleSince: now.addingTimeInterval(-TimeInterval(settings.idleTimeout)),
            maximumPerUser: SessionSettings.maximumPerUser)
        context.logger.info("signed in", metadata: ["atlas.user": "\(name)"])
        return Response(
            status: .seeOther,
            headers: [
                .location: "/", .cacheControl: "no-store",
                .setCookie: SessionCookie.set(id, secure: environment.options.isBehindTLS),
            ])
    }

    @Sendable func logout(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        if let session = context.session {
            try CSRFCheck.requireSameOrigin(request, options: environment.options)
            var token = request.headers[CSRFCheck.header]
            if token == nil {
                var request = request
                token = try await FormFields.read(&request, limit: Self.formLimit)[CSRFCheck.formField]
            }
            try CSRFCheck.requireToken(token, for: session)
            try await environment.database.deleteSession(idHash: session.idHash)
        }
        return Response(
            status: .seeOther,
            headers: [
                .location: "/login", .cacheControl: "no-store",
                .setCookie: SessionCookie.clear(secure: environment.options.isBehindTLS),
            ])
    }

    /// The sign-in page again, its error shown (401: the request was not authenticated); without
    /// the page file (a --maps folder that lacks it), the same words as a problem.
    func failedPage() throws -> Response {
        guard let entry = pages.entries["/login"], let bytes = FileManager.default.contents(atPath: entry.file) else {
            throw Problem.unauthorized(Self.failure)
        }
        let page = String(decoding: bytes, as: UTF8.self)
        guard page.contains(Self.hiddenError) else {
            throw Problem.internalError
        }
        let shown = page.replacingOccurrences(of: Self.hiddenError, with: String(Self.hiddenError.dropLast(" hidden>".count)) + ">")
        var headers = PageFiles.headers(contentType: entry.contentType, length: shown.utf8.count, options: environment.options)
        headers[.wwwAuthenticate] = "Bearer realm=\"worksatlas\""
        headers[.cacheControl] = "no-store"
        return Response(status: .unauthorized, headers: headers, body: .init(byteBuffer: ByteBuffer(string: shown)))
    }
}
