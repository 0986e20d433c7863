import AtlasStore

/// Who is asking: nil in the request context means an anonymous viewer (read-only). `via` says
/// how: a bearer token or a sign-in session; the scopes are the same either way.
public struct Identity: Hashable, Sendable {
    public enum Via: String, Sendable {
        case token, session
    }

    public var name: String
    public var role: UserRole
    public var unitCode: String?
    public var via: Via

    public init(name: String, role: UserRole, unitCode: String?, via: Via = .token) {
        self.name = name
        self.role = role
        self.unitCode = unitCode
        self.via = via
    }

    var actor: AuditActor { AuditActor(name: name, role: role.rawValue, via: via.rawValue) }

    /// True when a work lying at `place` is inside this editor's unit (admins: everywhere).
    func covers(_ place: WorkPlace) -> Bool {
        switch role {
        case .admin: true
        case .communeEditor: unitCode != nil && place.communeCode == unitCode
        case .districtEditor: unitCode != nil && place.districtCode == unitCode
        case .provinceEditor: unitCode != nil && place.provinceCode == unitCode
        }
    }

    /// Throws 403 unless the work lies inside this editor's unit; `moving` says `place` is where
    /// a change would put it.
    func requireCovers(_ place: WorkPlace, _ verb: String, moving: Bool) throws {
        if let refusal = refusal(place, verb, moving: moving) { throw Problem.forbidden(refusal) }
    }

    /// Why this editor may not `verb` a work lying at `place`, or nil when they may.
    func refusal(_ place: WorkPlace, _ verb: String, moving: Bool) -> String? {
        guard !covers(place) else { return nil }
        let unit = "\(role.unitKind?.rawValue ?? "unit") \(unitCode ?? "")"
        let at =
            place.communeCode.map { "commune \($0)" + (place.districtCode.map { ", district \($0)" } ?? "") }
            ?? "no commune"
        let fact = moving ? "the change would put it in \(at)" : "the work lies in \(at)"
        return "\(name) (\(role.rawValue)) may only \(verb) works inside \(unit); \(fact)"
    }
}

extension Optional where Wrapped == Identity {
    /// The identity of a request that needs one of `roles`: 401 without a token, 403 with another role.
    func require(_ roles: Set<UserRole>, to what: String) throws -> Identity {
        guard let identity = self else {
            throw Problem.unauthorized(
                "\(what) needs a bearer token (Authorization: Bearer <token>) or signing in at /login")
        }
        guard roles.contains(identity.role) else {
            throw Problem.forbidden("role \(identity.role.rawValue) may not \(what)")
        }
        return identity
    }
}

extension Set where Element == UserRole {
    static let editors: Set<UserRole> = [.communeEditor, .districtEditor, .provinceEditor, .admin]
}
