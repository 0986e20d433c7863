import AtlasModel
import Foundation
import GRDB

extension AppDatabase {
    // MARK: Writes

    /// Adds a user with its token credential (or gives a revoked user a new role and token),
    /// recording `user.add` in the audit log. Editors need a unit of their role's kind. A
    /// `passwordHash` (from `PasswordHash.make`) lets the user sign in from the start.
    public func addUser(
        name: String, role: UserRole, unitCode: String?, credential: TokenCredential, passwordHash: String? = nil,
        by actor: AuditActor
    ) throws {
        let name = name.precomposedStringWithCanonicalMapping
        guard !name.isEmpty, name.count <= 64, !name.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw UserError("a user name is 1 to 64 characters without spaces, got \"\(name)\"")
        }
        try dbWriter.write { db in
            try Self.checkUnit(unitCode, for: role, in: db)
            if let existing = try Row.fetchOne(db, sql: "SELECT revokedAt FROM user WHERE name = ?", arguments: [name])
            {
                guard (existing["revokedAt"] as String?) != nil else {
                    throw UserError("user \(name) already exists; revoke it first to issue a new token")
                }
                try db.execute(sql: "DELETE FROM user WHERE name = ?", arguments: [name])
            }
            let now = Self.timestamp()
            try db.execute(
                literal: """
                    INSERT INTO user (name, role, unitCode, tokenPrefix, tokenSalt, tokenHash, createdAt, passwordHash)
                    VALUES (\(name), \(role.rawValue), \(unitCode), \(credential.prefix), \(credential.salt),
                            \(credential.hash), \(now), \(passwordHash))
                    """)
            let after =
                "{\"name\":\(Self.jsonString(name)),\"role\":\"\(role.rawValue)\",\"unit\":\(unitCode.map(Self.jsonString) ?? "null")}"
            try Self.insertAudit(
                actor: actor, action: "user.add", workId: nil, subject: name, before: nil, after: after, at: now, in: db
            )
        }
    }

    /// Revokes a user's token and ends its sessions at once, recording `user.revoke`.
    public func revokeUser(name: String, by actor: AuditActor) throws {
        try dbWriter.write { db in
            let now = Self.timestamp()
            try db.execute(
                sql: "UPDATE user SET revokedAt = ? WHERE name = ? AND revokedAt IS NULL", arguments: [now, name])
            guard db.changesCount == 1 else { throw UserError("no active user named \(name)") }
            try db.execute(
                sql: "DELETE FROM session WHERE userId = (SELECT id FROM user WHERE name = ?)", arguments: [name])
            try Self.insertAudit(
                actor: actor, action: "user.revoke", workId: nil, subject: name, before: nil, after: nil, at: now,
                in: db)
        }
    }

    /// Sets an active user's password (`hash` from `PasswordHash.make`) and ends its sessions, so a
    /// changed password locks out whoever knew the old one; the token is left as it is. Records
    /// `user.passwd` (without the hash).
    public func setPassword(name: String, hash: String, by actor: AuditActor) throws {
        try dbWriter.write { db in
            try db.execute(
                sql: "UPDATE user SET passwordHash = ? WHERE name = ? AND revokedAt IS NULL", arguments: [hash, name])
            guard db.changesCount == 1 else { throw UserError("no active user named \(name)") }
            try db.execute(
                sql: "DELETE FROM session WHERE userId = (SELECT id FROM user WHERE name = ?)", arguments: [name])
            try Self.insertAudit(
                actor: actor, action: "user.passwd", workId: nil, subject: name, before: nil, after: nil,
                at: Self.timestamp(), in: db)
        }
    }

    /// Ends every session of an active user (the token and password stay), recording
    /// `user.sessions.end` with how many were open; returns that number.
    @discardableResult
    public func endSessions(ofUser name: String, by actor: AuditActor) throws -> Int {
        try dbWriter.write { db in
            guard
                let userId = try Int64.fetchOne(
                    db, sql: "SELECT id FROM user WHERE name = ? AND revokedAt IS NULL", arguments: [name])
            else { throw UserError("no active user named \(name)") }
            try db.execute(sql: "DELETE FROM session WHERE userId = ?", arguments: [userId])
            let ended = db.changesCount
            try Self.insertAudit(
                actor: actor, action: "user.sessions.end", workId: nil, subject: name, before: nil,
                after: "{\"sessions_ended\":\(ended)}", at: Self.timestamp(), in: db)
            return ended
        }
    }

    // MARK: Reads

    /// Every user with its sign-in facts: whether it has a password, how many sessions it holds
    /// and when the newest of them began (nil when none is open).
    public func userAccounts() throws -> [UserAccount] {
        try dbWriter.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT user.*, (user.passwordHash IS NOT NULL) AS hasPassword, count(session.id) AS sessionCount,
                           max(session.createdAt) AS lastSignIn
                    FROM user LEFT JOIN session ON session.userId = user.id
                    GROUP BY user.id ORDER BY user.name
                    """
            ).compactMap { row in
                Self.user(row).map {
                    UserAccount(
                        user: $0, hasPassword: row["hasPassword"], openSessions: row["sessionCount"],
                        lastSignIn: row["lastSignIn"])
                }
            }
        }
    }

    /// The stored password hash of an active user (nil: no such user, revoked, or no password set).
    public func passwordHash(ofActiveUser name: String) async throws -> String? {
        try await dbWriter.read { db in
            try String.fetchOne(
                db, sql: "SELECT passwordHash FROM user WHERE name = ? AND revokedAt IS NULL",
                arguments: [name.precomposedStringWithCanonicalMapping])
        }
    }

    /// Every user, active and revoked, by name.
    public func users() throws -> [UserRecord] {
        try dbWriter.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY name").compactMap(Self.user) }
    }

    /// The active user whose token starts with `prefix`, or nil.
    public func activeUser(tokenPrefix prefix: String) async throws -> UserRecord? {
        try await dbWriter.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM user WHERE tokenPrefix = ? AND revokedAt IS NULL", arguments: [prefix]
            ).flatMap(Self.user)
        }
    }

    // MARK: Helpers

    static func user(_ row: Row) -> UserRecord? {
        guard let role = UserRole(rawValue: row["role"]) else { return nil }
        return UserRecord(
            name: row["name"], role: role, unitCode: row["unitCode"],
            credential: TokenCredential(prefix: row["tokenPrefix"], salt: row["tokenSalt"], hash: row["tokenHash"]),
            createdAt: row["createdAt"], revokedAt: row["revokedAt"])
    }

    static func checkUnit(_ code: String?, for role: UserRole, in db: Database) throws {
        guard let kind = role.unitKind else {
            if code != nil { throw UserError("an admin has no unit; leave out --unit") }
            return
        }
        guard let code else { throw UserError("a \(role.rawValue) needs the code of its \(kind.rawValue) (--unit)") }
        // An editor works on today's units: a district abolished in a later vintage has no editor.
        let stored = try String.fetchOne(
            db, sql: "SELECT kind FROM \(latestUnits) WHERE code = ?", arguments: [code])
        guard let stored else { throw UserError("no unit with code \(code) is in force on the latest units") }
        guard stored == kind.rawValue else {
            throw UserError("unit \(code) is a \(stored); a \(role.rawValue) needs a \(kind.rawValue)")
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
