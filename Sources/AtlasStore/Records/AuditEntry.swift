import Foundation

/// Who makes a change: a user name (or "cli:<login>") and its role, and for the server how the
/// request was signed (`token` or `session`; nil on the command line).
public struct AuditActor: Hashable, Sendable {
    public var name: String
    public var role: String?
    public var via: String?

    public init(name: String, role: String?, via: String? = nil) {
        self.name = name
        self.role = role
        self.via = via
    }

    /// Whoever runs the command line on this machine (the OS user).
    public static var commandLine: AuditActor {
        let user =
            ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"
        return AuditActor(name: "cli:\(user)", role: "local")
    }
}

/// One entry of the append-only audit log: who, when, what, and the values before and after.
public struct AuditEntry: Hashable, Sendable {
    public var id: Int64
    public var recordedAt: String
    public var actor: String
    public var role: String?
    /// `work.create`, `work.update`, `work.status`, `user.add`, `user.revoke`.
    public var action: String
    public var workId: String?
    /// What else the entry is about (the user name of a user change).
    public var subject: String?
    /// JSON text of the value before and after (a GeoJSON Feature for works).
    public var before: String?
    public var after: String?
    /// How a server request was signed: `token` or `session` (nil: the command line, or older entries).
    public var via: String? = nil
    /// This entry's link in the hash chain (see `AuditChain`).
    public var entryHash: String? = nil
}

/// Where a work lies in the hierarchy, by its derived commune (all nil outside every commune).
public struct WorkPlace: Hashable, Sendable {
    public var communeCode: String?
    public var districtCode: String?
    public var provinceCode: String?

    public init(communeCode: String? = nil, districtCode: String? = nil, provinceCode: String? = nil) {
        self.communeCode = communeCode
        self.districtCode = districtCode
        self.provinceCode = provinceCode
    }
}

/// A new work whose id is already taken.
public struct WorkExistsError: Error, CustomStringConvertible, Sendable {
    public var id: String

    public init(id: String) {
        self.id = id
    }

    public var description: String { "a work with id \(id) already exists" }
}
