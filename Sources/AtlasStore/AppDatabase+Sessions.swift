import Foundation
import GRDB

/// Sign-in sessions. Times come from the caller (the server's clock, which tests set), written as
/// ISO 8601 UTC to the second, so text order is time order.
extension AppDatabase {
    // MARK: Writes

    /// Opens a session for an active user, first dropping every session past `idleSince` or its
    /// expiry, and the user's oldest beyond `maximumPerUser`, so the table stays bounded.
    public func createSession(
        idHash: String, csrfToken: String, userName: String, address: String?, now: Date, expiresAt: Date,
        idleSince: Date, maximumPerUser: Int
    ) async throws {
        try await dbWriter.write { db in
            try Self.pruneSessions(now: now, idleSince: idleSince, in: db)
            guard
                let userId = try Int64.fetchOne(
                    db, sql: "SELECT id FROM user WHERE name = ? AND revokedAt IS NULL", arguments: [userName])
            else { throw UserError("no active user named \(userName)") }
            try db.execute(
                sql: """
                    DELETE FROM session WHERE id IN (
                        SELECT id FROM session WHERE userId = ? ORDER BY lastSeenAt DESC, id DESC LIMIT -1 OFFSET ?)
                    """, arguments: [userId, max(0, maximumPerUser - 1)])
            let stamp = Self.timestamp(now)
            try db.execute(
                literal: """
                    INSERT INTO session (userId, idHash, csrfToken, createdAt, lastSeenAt, expiresAt, address)
                    VALUES (\(userId), \(idHash), \(csrfToken), \(stamp), \(stamp), \(Self.timestamp(expiresAt)),
                            \(address))
                    """)
        }
    }

    /// Notes that a session was used at `now`.
    public func touchSession(idHash: String, at now: Date) async throws {
        try await dbWriter.write { db in
            try db.execute(
                sql: "UPDATE session SET lastSeenAt = ? WHERE idHash = ?", arguments: [Self.timestamp(now), idHash])
        }
    }

    /// Ends a session (sign-out, or found expired).
    public func deleteSession(idHash: String) async throws {
        try await dbWriter.write { db in
            try db.execute(sql: "DELETE FROM session WHERE idHash = ?", arguments: [idHash])
        }
    }

    // MARK: Reads

    /// The session with this id hash, if its user is still active (expiry is the caller's to judge).
    public func session(idHash: String) async throws -> SessionRecord? {
        try await dbWriter.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT user.*, session.csrfToken, session.createdAt AS sessionCreatedAt, session.lastSeenAt,
                               session.expiresAt, session.address
                        FROM session JOIN user ON user.id = session.userId
                        WHERE session.idHash = ? AND user.revokedAt IS NULL
                        """, arguments: [idHash]),
                let user = Self.user(row), let created = Self.date(row["sessionCreatedAt"]),
                let lastSeen = Self.date(row["lastSeenAt"]), let expires = Self.date(row["expiresAt"])
            else { return nil }
            return SessionRecord(
                user: user, csrfToken: row["csrfToken"], createdAt: created, lastSeenAt: lastSeen, expiresAt: expires,
                address: row["address"])
        }
    }

    /// How many sessions are stored (live or not yet pruned).
    public func sessionCount() async throws -> Int {
        try await dbWriter.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0 }
    }

    // MARK: Helpers

    static func pruneSessions(now: Date, idleSince: Date, in db: Database) throws {
        try db.execute(
            sql: "DELETE FROM session WHERE expiresAt <= ? OR lastSeenAt < ?",
            arguments: [timestamp(now), timestamp(idleSince)])
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    static func date(_ text: String?) -> Date? {
        text.flatMap { ISO8601DateFormatter().date(from: $0) }
    }
}
