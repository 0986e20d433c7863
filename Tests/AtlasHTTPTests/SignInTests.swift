import AtlasGeoJSON
import AtlasStore
import AtlasTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import AtlasHTTP

/// Signing in at /login: the cookie, the generic failure, CSRF on every write made with the
/// session, the same scopes and audit as a token, idle and absolute expiry on a clock the test
/// moves, sign-out, and the throttle on failed sign-ins.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct SignInTests {
    static let password = "mật khẩu dài đủ 1"
    nonisolated(unsafe) static let cookiePattern = #/^worksatlas_session=([0-9a-f]{64}); Path=/; HttpOnly; SameSite=Strict$/#

    /// A clock that stands still until the test moves it.
    final class TestClock: Sendable {
        private let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { time.withLock { $0 } }
        func advance(minutes: Double) { time.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
        var serverClock: ServerClock { ServerClock { [self] in now } }
    }

    /// A world whose users c00001, d178 and root have `password`, on `clock`.
    static func world(
        clock: TestClock, idle: Int = 30 * 60, lifetime: Int = 12 * 3600, publicURL: String? = nil
    ) throws -> (TestWorld, ServerOptions) {
        let world = try TestWorld.make()
        try TestWorld.write(
            try String(contentsOf: repository.appendingPathComponent("Maps/login.html"), encoding: .utf8),
            to: world.directory.appendingPathComponent("maps/login.html"))
        for user in ["c00001", "d178", "root"] {
            try world.database.setPassword(
                name: user, hash: try PasswordHash.make(password), by: AuditActor(name: "test", role: nil))
        }
        var options = world.options
        options.publicURL = publicURL
        options.sessions = SessionSettings(idleTimeout: idle, lifetime: lifetime, clock: clock.serverClock)
        return (world, options)
    }

    @Test func signingInSetsAHardenedCookieAndOpensASession() async throws {
        let clock = TestClock()
        let (world, options) = try Self.world(clock: clock)
        try await world.test(options: options) { client in
            // When c00001 signs in with the right password
            let response = try await client.signIn("c00001", Self.password)
            // Then: 303 to the map, and a cookie with exactly these attributes (no Secure over plain HTTP)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(response.headers[.setCookie])
            let id = try #require(try Self.cookiePattern.wholeMatch(in: cookie)).1
            // The store keeps the SHA-256 of the id, never the id
            let stored = try #require(try await world.database.session(idHash: SessionToken.storedHash(of: String(id))))
            #expect(try await world.database.session(idHash: String(id)) == nil)
            #expect(stored.user.name == "c00001")
            #expect(stored.expiresAt == clock.now.addingTimeInterval(12 * 3600))
            // /api/me names the user, the way in and the session's CSRF token
            let me = try await client.get("/api/me", cookie: String(id)).json()
            #expect(me["name"]?.stringValue == "c00001")
            #expect(me["via"]?.stringValue == "session")
            #expect(me["csrf_token"]?.stringValue == stored.csrfToken)
            #expect(stored.csrfToken.count == 64 && stored.csrfToken != String(id))
        }
    }

    @Test func behindTLSTheCookieIsSecure() async throws {
        let (world, options) = try Self.world(clock: TestClock(), publicURL: "https://atlas.example.vn")
        try await world.test(options: options) { client in
            let response = try await client.signIn("c00001", Self.password)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasSuffix("; Path=/; HttpOnly; SameSite=Strict; Secure"), "\(cookie)")
        }
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameGenericAnswer() async throws {
        let (world, options) = try Self.world(clock: TestClock())
        try await world.test(options: options) { client in
            let wrong = try await client.signIn("c00001", "not the password")
            let unknown = try await client.signIn("nobody", Self.password)
            let noPassword = try await client.signIn("c00003", Self.password)  // has a token, no password
            for response in [wrong, unknown, noPassword] {
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(response.text.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
                #expect(response.text.contains(#"data-i18n="loginFailed">"#), "the error is shown")
                #expect(response.text.contains(#"name="username""#) && response.text.contains(#"name="password""#))
            }
            #expect(wrong.text == unknown.text && unknown.text == noPassword.text)
            #expect(try await world.database.sessionCount() == 0)
        }
    }

    @Test func aWriteWithTheSessionNeedsItsCSRFToken() async throws {
        let (world, options) = try Self.world(clock: TestClock(), publicURL: "http://atlas.test:8080")
        let rename = #"{"properties":{"name":"Đổi tên qua phiên"}}"#
        try await world.test(options: options) { client in
            let session = try await client.session("c00001", Self.password)
            let audit = try world.database.auditEntries(limit: 1000).count
            // Without the token, with another token, and with the right one from another site: 403
            let missing = try await client.send(.patch, "/api/works/W-04", json: rename, cookie: session.id)
            let wrong = try await client.send(
                .patch, "/api/works/W-04", json: rename, cookie: session.id, csrf: String(repeating: "a", count: 64))
            let crossSite = try await client.send(
                .patch, "/api/works/W-04", json: rename, cookie: session.id, csrf: session.csrf,
                extra: [.origin: "https://evil.example"])
            for response in [missing, wrong, crossSite] {
                try ProblemTests.expectProblem(response, status: .forbidden)
                #expect(try response.json()["type"]?.stringValue == "urn:worksatlas:problem:csrf")
            }
            #expect(try world.database.auditEntries(limit: 1000).count == audit)
            #expect(try world.database.work(id: "W-04")?.work.name != "Đổi tên qua phiên")
            // With the right token (and this site's origin): the write goes through, audited as the user via session
            let ok = try await client.send(
                .patch, "/api/works/W-04", json: rename, cookie: session.id, csrf: session.csrf,
                extra: [.origin: "http://atlas.test:8080", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"])
            #expect(ok.status == .ok, "\(ok.text)")
            #expect(try world.database.work(id: "W-04")?.work.name == "Đổi tên qua phiên")
            let entry = try #require(try world.database.auditEntries(limit: 1).first)
            #expect(entry.actor == "c00001" && entry.role == "commune_editor" && entry.via == "session")
            #expect(entry.action == "work.update" && entry.workId == "W-04")
            #expect(try world.database.verifyAuditChain().isIntact)
        }
    }

    @Test func aSessionHasTheScopesOfItsUser() async throws {
        let (world, options) = try Self.world(clock: TestClock())
        try await world.test(options: options) { client in
            let session = try await client.session("c00001", Self.password)
            let audit = try world.database.auditEntries(limit: 1000).count
            // W-03 lies in commune 00003: outside c00001's unit, even with the right CSRF token
            let response = try await client.send(
                .patch, "/api/works/W-03", json: #"{"properties":{"name":"X"}}"#, cookie: session.id,
                csrf: session.csrf)
            try ProblemTests.expectProblem(response, status: .forbidden)
            #expect(try response.json()["type"]?.stringValue == "urn:worksatlas:problem:forbidden")
            #expect(try world.database.auditEntries(limit: 1000).count == audit)
        }
    }

    @Test func anIdleSessionEnds() async throws {
        let clock = TestClock()
        let (world, options) = try Self.world(clock: clock, idle: 30 * 60)
        try await world.test(options: options) { client in
            let session = try await client.session("c00001", Self.password)
            clock.advance(minutes: 29)
            #expect(try await client.get("/api/me", cookie: session.id).json()["name"]?.stringValue == "c00001")
            // 29 minutes later the last request is 29 minutes old: still alive; 31 minutes of quiet ends it
            clock.advance(minutes: 29)
            #expect(try await client.get("/api/me", cookie: session.id).status == .ok)
            clock.advance(minutes: 31)
            let ended = try await client.get("/api/me", cookie: session.id)
            try ProblemTests.expectProblem(ended, status: .unauthorized)
            #expect(ended.text.contains("/login"))
            #expect(ended.headers[.setCookie]?.hasPrefix("worksatlas_session=; Path=/; Max-Age=0") == true)
            #expect(try await world.database.sessionCount() == 0)
        }
    }

    @Test func signingOutOfAnEndedSessionLandsOnTheSignInPage() async throws {
        let clock = TestClock()
        let (world, options) = try Self.world(clock: clock, idle: 30 * 60)
        try await world.test(options: options) { client in
            let session = try await client.session("c00001", Self.password)
            clock.advance(minutes: 31)
            // The officer comes back to a page left open and presses "Đăng xuất"
            let out = try await client.execute(
                uri: "/logout", method: .post,
                headers: [.cookie: "worksatlas_session=\(session.id)", .contentType: FormFields.mediaType],
                body: ByteBuffer(string: "csrf_token=\(session.csrf)"))
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            #expect(out.headers[.setCookie]?.hasPrefix("worksatlas_session=; Path=/; Max-Age=0") == true)
            #expect(try await world.database.sessionCount() == 0)
        }
    }

    @Test func aBusySessionEndsAtItsLifetime() async throws {
        let clock = TestClock()
        let (world, options) = try Self.world(clock: clock, idle: 30 * 60, lifetime: 3600)
        try await world.test(options: options) { client in
            let session = try await client.session("c00001", Self.password)
            for _ in 0..<3 {
                clock.advance(minutes: 19)
                #expect(try await client.get("/api/me", cookie: session.id).status == .ok)
            }
            clock.advance(minutes: 4)  // 61 minutes after signing in, 4 after the last request
            try ProblemTests.expectProblem(try await client.get("/api/me", cookie: session.id), status: .unauthorized)
            // Signing in again works
            let again = try await client.session("c00001", Self.password)
            #expect(try await client.get("/api/me", cookie: again.id).status == .ok)
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let (world, options) = try Self.world(clock: TestClock())
        try await world.test(options: options) { client in
            let session = try await client.session("c00001", Self.password)
            // Without the CSRF token the sign-out is refused and the session lives on
            let refused = try await client.execute(
                uri: "/logout", method: .post,
                headers: [.cookie: "worksatlas_session=\(session.id)", .contentType: FormFields.mediaType],
                body: ByteBuffer(string: ""))
            try ProblemTests.expectProblem(refused, status: .forbidden)
            #expect(try await client.get("/api/me", cookie: session.id).status == .ok)
            // With it (as the form field): 303 to /login, the cookie cleared, the row gone
            let out = try await client.execute(
                uri: "/logout", method: .post,
                headers: [.cookie: "worksatlas_session=\(session.id)", .contentType: FormFields.mediaType],
                body: ByteBuffer(string: "csrf_token=\(session.csrf)"))
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            #expect(out.headers[.setCookie] == "worksatlas_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
            #expect(try await world.database.sessionCount() == 0)
            try ProblemTests.expectProblem(try await client.get("/api/me", cookie: session.id), status: .unauthorized)
        }
    }

    @Test func failuresForOneNameAreThrottledWithAGrowingWait() async throws {
        let clock = TestClock()
        let (world, options) = try Self.world(clock: clock)
        try await world.test(options: options) { client in
            for _ in 0..<5 { #expect(try await client.signIn("c00001", "wrong password").status == .unauthorized) }
            // The sixth try is refused, even with the right password, and says when to come back
            let refused = try await client.signIn("c00001", Self.password)
            try ProblemTests.expectProblem(refused, status: .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "60")
            #expect(refused.headers[.setCookie] == nil)
            // Another name from the same address is not affected
            #expect(try await client.signIn("d178", Self.password).status == .seeOther)
            // After the wait one more failure locks the name for twice as long
            clock.advance(minutes: 1.1)
            #expect(try await client.signIn("c00001", "wrong again").status == .unauthorized)
            #expect(try await client.signIn("C00001", Self.password).headers[.retryAfter] == "120")
            // A success after the wait clears the name's count: one failure then locks nothing
            clock.advance(minutes: 2.1)
            #expect(try await client.signIn("c00001", Self.password).status == .seeOther)
            #expect(try await client.signIn("c00001", "wrong").status == .unauthorized)
            #expect(try await client.signIn("c00001", Self.password).status == .seeOther)
        }
    }

    @Test func guessesSentSideBySideAreCountedBeforeTheyAreChecked() async throws {
        let (world, options) = try Self.world(clock: TestClock())
        try await world.test(options: options) { client in
            // Twelve wrong passwords at once: only the limit's worth are checked, the rest wait
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<12 { group.addTask { try await client.signIn("c00001", "guess \(n)").status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == SignInThrottle.perUser.limit, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 12 - SignInThrottle.perUser.limit)
        }
    }

    @Test func failuresFromOneAddressAreThrottled() async throws {
        let (world, options) = try Self.world(clock: TestClock())
        try await world.test(options: options) { client in
            // Twenty failures under twenty invented names (no name reaches its own limit)
            for n in 0..<20 { #expect(try await client.signIn("guess\(n)", "password\(n)").status == .unauthorized) }
            // Then even a real user with the right password is refused from this address
            let refused = try await client.signIn("root", Self.password)
            try ProblemTests.expectProblem(refused, status: .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "60")
        }
    }

    @Test func theThrottleStaysBounded() {
        let throttle = SignInThrottle()
        let start = Date(timeIntervalSince1970: 0)
        for n in 0..<(SignInThrottle.capacity + 500) {
            throttle.recordFailure(user: "name\(n)", address: "10.0.\(n / 256).\(n % 256)", now: start)
        }
        let counts = throttle.keyCounts
        #expect(counts.users <= SignInThrottle.capacity && counts.addresses <= SignInThrottle.capacity)
        #expect(counts.users > 0)
    }

    @Test func bearerTokensNeedNoCSRFToken() async throws {
        let (world, options) = try Self.world(clock: TestClock())
        try await world.test(options: options) { client in
            let session = try await client.session("c00001", Self.password)
            // A token alone, and a token beside a session cookie (the token wins): no CSRF token asked
            for cookie in [nil, session.id] {
                let response = try await client.send(
                    .patch, "/api/works/W-04", json: #"{"properties":{"name":"Qua token"}}"#,
                    token: world.token("c00001"), cookie: cookie)
                #expect(response.status == .ok, "\(response.text)")
                let entry = try #require(try world.database.auditEntries(limit: 1).first)
                #expect(entry.actor == "c00001" && entry.via == "token")
            }
            #expect(try await client.get("/api/me", token: world.token("c00001")).json()["via"]?.stringValue == "token")
        }
    }

    @Test func thePagesForbidInlineScriptAndOtherOrigins() async throws {
        let (world, options) = try Self.world(clock: TestClock())
        try await world.test(options: options) { client in
            for path in ["/", "/login", "/app.js"] {
                let response = try await client.get(path)
                #expect(response.status == .ok, "\(path)")
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(path)")
                #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self';"))
                #expect(!policy.contains("unsafe-inline") && !policy.contains("http"), "\(policy)")
            }
            let page = try await client.get("/login").text
            for text in [
                #"<form method="post" action="/login">"#, #"name="username""#, #"name="password""#, "Tên đăng nhập",
                "Mật khẩu", "Đăng nhập", #"<script src="login.js">"#,
            ] {
                #expect(page.contains(text), "\(text)")
            }
            #expect(!page.contains("<script>") && !page.contains(" on"), "no inline script or handler")
        }
        // With background tiles, images may also come from the tile server's origin (and nothing else)
        #expect(
            PageFiles.contentSecurityPolicy(tileURL: "https://tile.example.org/{z}/{x}/{y}.png").contains(
                "img-src 'self' data: https://tile.example.org;"))
    }

    @Test func signInFormsFromOtherSitesAreRefused() async throws {
        let (world, options) = try Self.world(clock: TestClock())
        try await world.test(options: options) { client in
            let response = try await client.signIn(
                "c00001", Self.password, extra: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            try ProblemTests.expectProblem(response, status: .forbidden)
            #expect(response.headers[.setCookie] == nil)
        }
    }

    /// The Vietnamese words written in login.html (shown without script) are those of i18n.js,
    /// and English has each of them too.
    @Test func theSignInPageSaysWhatI18nSays() throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent("Maps/login.html"), encoding: .utf8)
        let script = try String(contentsOf: Self.repository.appendingPathComponent("Maps/i18n.js"), encoding: .utf8)
        let vi = script.components(separatedBy: "    en: {")[0]
        let en = script.components(separatedBy: "    en: {").dropFirst().first ?? ""
        let keyed = page.matches(of: #/data-i18n="(\w+)"[^>]*>([^<]+)</#)
        #expect(keyed.count >= 7)
        for match in keyed {
            let (key, text) = (String(match.1), String(match.2))
            #expect(vi.contains("\(key): '\(text)'"), "login.html's \(key) is \"\(text)\", not i18n.js's")
            #expect(en.contains("\(key): '"), "i18n.js has no English \(key)")
        }
        #expect(en.contains("userName: 'User name'") && en.contains("password: 'Password'"))
        #expect(en.contains("signIn: 'Sign in'"))
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

// MARK: Request helpers

extension TestClientProtocol {
    /// POST /login with the form fields.
    func signIn(_ name: String, _ password: String, extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        headers[.contentType] = FormFields.mediaType
        let body = "username=\(Self.formEncoded(name))&password=\(Self.formEncoded(password))"
        return try await execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Signs in and returns the session id (from the cookie) and its CSRF token (from /api/me).
    func session(_ name: String, _ password: String) async throws -> (id: String, csrf: String) {
        let response = try await signIn(name, password)
        let cookie = try #require(response.headers[.setCookie], "\(response.status) \(response.text)")
        let id = String(try #require(try SignInTests.cookiePattern.wholeMatch(in: cookie)).1)
        let me = try await get("/api/me", cookie: id).json()
        return (id, try #require(me["csrf_token"]?.stringValue))
    }

    func get(_ uri: String, cookie: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: [.cookie: "worksatlas_session=\(cookie)"])
    }

    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String, token: String? = nil, cookie: String?,
        csrf: String? = nil, extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = Self.headers(token)
        headers[.contentType] = "application/json"
        if let cookie { headers[.cookie] = "worksatlas_session=\(cookie)" }
        if let csrf { headers[CSRFCheck.header] = csrf }
        for field in extra { headers[field.name] = field.value }
        return try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: json))
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(
            of: "%20", with: "+")
    }
}
