import AtlasGeoJSON
import AtlasStore
import Foundation
import Hummingbird

/// `/api/admin/users`: the admin's page lists users, adds one with an initial password, sets a
/// new password and ends a user's sessions. Admins only (403 for anyone else); every change is
/// audited by the store with the admin as actor. Passwords are hashed with `PasswordHash` and
/// never sent back; the new user's API token is generated and never shown (`users add` on the
/// command line issues a token that is shown).
struct AdminUsersController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.get("admin/users", use: list)
        routes.post("admin/users", use: add)
        routes.post("admin/users/:name/password", use: setPassword)
        routes.delete("admin/users/:name/sessions", use: endSessions)
    }

    static let bodyLimit = 16 * 1024

    @Sendable func list(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        _ = try context.identity.require([.admin], to: "manage users")
        _ = try QueryParameters(request.uri.query, allowed: [])
        let database = environment.database
        let accounts = try await blocking { try database.userAccounts() }
        return .json(["users": .array(accounts.map(Self.json))], headers: [.cacheControl: "no-store"])
    }

    @Sendable func add(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let admin = try context.identity.require([.admin], to: "manage users")
        _ = try QueryParameters(request.uri.query, allowed: [])
        var request = request
        let body = try Self.object(try await request.jsonBody(limit: Self.bodyLimit))
        try body.requireOnly(["name", "role", "unit", "password"], in: "a new user")
        let name = try Self.text(body, "name")
        guard let roleName = body["role"]?.stringValue, let role = UserRole(rawValue: roleName) else {
            throw Problem.invalidBody(
                "role must be one of \(UserRole.allowedList)", field: "role", value: body["role"]?.stringValue ?? "")
        }
        let unit: String? =
            switch body["unit"] {
            case nil, .null?: nil
            case .string(let code)? where !code.isEmpty: code
            default: throw Problem.invalidBody("unit is a unit code, or null for an admin", field: "unit")
            }
        let password = try Self.password(body)
        let database = environment.database
        let account = try await blocking {
            let hash = try PasswordHash.make(password)
            do {
                try database.addUser(
                    name: name, role: role, unitCode: unit, credential: AccessToken.generate().credential,
                    passwordHash: hash, by: admin.actor)
            } catch let error as UserError {
                throw Problem.invalidData(error.description, errors: [])
            }
            return try database.userAccounts().first { $0.user.name == name.precomposedStringWithCanonicalMapping }
        }
        guard let account else { throw Problem.internalError }
        return .json(Self.json(account), status: .created, headers: [.cacheControl: "no-store"])
    }

    @Sendable func setPassword(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let admin = try context.identity.require([.admin], to: "manage users")
        _ = try QueryParameters(request.uri.query, allowed: [])
        let name = try Self.userName(context)
        var request = request
        let body = try Self.object(try await request.jsonBody(limit: Self.bodyLimit))
        try body.requireOnly(["password"], in: "a new password")
        let password = try Self.password(body)
        let database = environment.database
        let account = try await blocking {
            try Self.requireActive(name, in: database)
            try database.setPassword(name: name, hash: try PasswordHash.make(password), by: admin.actor)
            return try Self.requireActive(name, in: database)
        }
        return .json(Self.json(account), headers: [.cacheControl: "no-store"])
    }

    @Sendable func endSessions(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let admin = try context.identity.require([.admin], to: "manage users")
        _ = try QueryParameters(request.uri.query, allowed: [])
        let name = try Self.userName(context)
        let database = environment.database
        let ended = try await blocking {
            try Self.requireActive(name, in: database)
            return try database.endSessions(ofUser: name, by: admin.actor)
        }
        return .json(
            ["name": .string(name), "sessions_ended": .integer(Int64(ended))], headers: [.cacheControl: "no-store"])
    }

    // MARK: Helpers

    /// One user as the admin page shows it: never a password, a token or a hash.
    static func json(_ account: UserAccount) -> JSONValue {
        let user = account.user
        return [
            "name": .string(user.name), "role": .string(user.role.rawValue),
            "unit": user.unitCode.map(JSONValue.string) ?? .null, "active": .bool(user.isActive),
            "has_password": .bool(account.hasPassword), "sessions": .integer(Int64(account.openSessions)),
            "last_sign_in": account.lastSignIn.map(JSONValue.string) ?? .null, "created_at": .string(user.createdAt),
            "revoked_at": user.revokedAt.map(JSONValue.string) ?? .null,
        ]
    }

    @discardableResult
    static func requireActive(_ name: String, in database: any AtlasDataStore) throws -> UserAccount {
        guard let account = try database.userAccounts().first(where: { $0.user.name == name && $0.user.isActive })
        else { throw Problem.notFound("no active user named \(name)") }
        return account
    }

    static func object(_ value: JSONValue) throws -> JSONObject {
        guard let object = value.objectValue else { throw Problem.invalidBody("the body must be a JSON object") }
        return object
    }

    static func text(_ body: JSONObject, _ field: String) throws -> String {
        guard let text = body[field]?.stringValue, !text.isEmpty else {
            throw Problem.invalidBody("\(field) is required", field: field)
        }
        return text
    }

    /// The password as typed, refused when too short or too long; never echoed in a problem.
    static func password(_ body: JSONObject) throws -> String {
        guard let password = body["password"]?.stringValue else {
            throw Problem.invalidBody("password is required", field: "password")
        }
        if let weakness = PasswordHash.weakness(of: password) {
            throw Problem.invalidBody(weakness, field: "password")
        }
        return password
    }

    static func userName(_ context: AtlasRequestContext) throws -> String {
        guard let raw = context.parameters.get("name"), let name = raw.removingPercentEncoding,
            !name.isEmpty, name.count <= 64
        else {
            throw Problem.invalidParameter(
                "name", context.parameters.get("name") ?? "", "a user name of 1 to 64 characters", location: "path")
        }
        return name.precomposedStringWithCanonicalMapping
    }
}
