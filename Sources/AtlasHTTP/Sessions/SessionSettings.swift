/// How long a sign-in lasts: it ends after `idleTimeout` seconds without a request, and
/// `lifetime` seconds after sign-in whatever happens. Defaults: 30 minutes and 12 hours.
public struct SessionSettings: Sendable {
    public var idleTimeout: Int
    public var lifetime: Int
    public var clock: ServerClock

    public init(idleTimeout: Int = 30 * 60, lifetime: Int = 12 * 3600, clock: ServerClock = .system) {
        self.idleTimeout = idleTimeout
        self.lifetime = lifetime
        self.clock = clock
    }

    /// Sessions one user may hold at once (browsers, devices); signing in again drops the oldest.
    static let maximumPerUser = 10
    /// A session's last use is written at most this often (seconds), not on every request.
    static let touchInterval = 60
    /// The cookie holding the session id.
    static let cookieName = "worksatlas_session"
}
