import Hummingbird

/// The `Set-Cookie` values of the session cookie: script cannot read it (`HttpOnly`), no other
/// site's page can make the browser send it (`SameSite=Strict`), and over TLS it never travels in
/// clear (`Secure`). No `Max-Age`: the browser drops it when it closes; the server ends it sooner.
enum SessionCookie {
    static func set(_ id: String, secure: Bool) -> String {
        "\(SessionSettings.cookieName)=\(id); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static func clear(secure: Bool) -> String {
        "\(SessionSettings.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The session id a request carries, if any (only the first cookie of that name counts).
    static func value(in request: Request) -> String? {
        request.cookies[SessionSettings.cookieName]?.value
    }
}
