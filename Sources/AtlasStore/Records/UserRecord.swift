import AtlasModel

/// What a token holder may do. Editors are limited to works inside their unit; admins manage users.
public enum UserRole: String, CaseIterable, Sendable {
    case communeEditor = "commune_editor"
    case districtEditor = "district_editor"
    case provinceEditor = "province_editor"
    case admin

    /// The kind of unit an editor is bound to; nil for admins.
    public var unitKind: UnitKind? {
        switch self {
        case .communeEditor: .commune
        case .districtEditor: .district
        case .provinceEditor: .province
        case .admin: nil
        }
    }

    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A stored token credential: the clear lookup prefix, the salt and the salted hash (hex).
public struct TokenCredential: Hashable, Sendable {
    public var prefix: String
    public var salt: String
    public var hash: String

    public init(prefix: String, salt: String, hash: String) {
        self.prefix = prefix
        self.salt = salt
        self.hash = hash
    }
}

/// A user as stored (never the token itself).
public struct UserRecord: Hashable, Sendable {
    public var name: String
    public var role: UserRole
    public var unitCode: String?
    public var credential: TokenCredential
    public var createdAt: String
    public var revokedAt: String?

    public var isActive: Bool { revokedAt == nil }
}

/// A user as the admin page lists it: the record, never a secret, and its sign-in facts.
public struct UserAccount: Hashable, Sendable {
    public var user: UserRecord
    public var hasPassword: Bool
    /// Sessions stored (live, or ended but not yet pruned).
    public var openSessions: Int
    /// When the newest stored session began (ISO 8601 UTC); sign-ins are kept only as sessions.
    public var lastSignIn: String?
}

/// A refused user change, with a message for the person who asked.
public struct UserError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
