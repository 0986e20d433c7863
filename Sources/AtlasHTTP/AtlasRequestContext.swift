import Hummingbird

/// The request context: the caller's identity (nil = anonymous viewer), the sign-in session it
/// came with (nil for a token), the client's address, and a 1 MiB body cap.
public struct AtlasRequestContext: RequestContext {
    /// A session found from the request's cookie: its stored hash and its CSRF token.
    public struct Session: Sendable {
        var idHash: String
        var csrfToken: String
    }

    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    public var session: Session?
    /// The peer's IP address (the proxy's, behind one); nil without a socket (router tests).
    public let clientAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        session = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    public var maxUploadSize: Int { 1 << 20 }
}
