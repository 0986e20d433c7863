import Foundation

/// A live sign-in session as stored, with its user (never the session id itself).
public struct SessionRecord: Hashable, Sendable {
    public var user: UserRecord
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date
    public var address: String?
}
