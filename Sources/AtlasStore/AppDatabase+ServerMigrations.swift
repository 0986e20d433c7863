import GRDB

extension AppDatabase {
    /// Migrations of the server's tables (users, tokens, audit), registered after the registry's.
    static func registerServerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("createUsersAndAudit") { db in
            try db.execute(sql: createUsersAndAuditSQL)
        }
        migrator.registerMigration("chainAuditEntries") { db in
            try db.execute(sql: "ALTER TABLE auditEntry ADD COLUMN previousHash TEXT")
            try db.execute(sql: "ALTER TABLE auditEntry ADD COLUMN entryHash TEXT")
            // Entries written before the chain existed get their links now, in order.
            try db.execute(sql: "DROP TRIGGER auditEntry_noUpdate")
            var previous = AuditChain.genesis
            for row in try Row.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY id") {
                var content = AuditChain.Content(row: row)
                content.previousHash = previous
                previous = AuditChain.hash(content)
                try db.execute(
                    sql: "UPDATE auditEntry SET previousHash = ?, entryHash = ? WHERE id = ?",
                    arguments: [content.previousHash, previous, content.id])
            }
            try db.execute(sql: chainedAuditTriggersSQL)
        }
    }

    /// Passwords and sign-in sessions for the officers' pages; registered last, after the vintages.
    static func registerSessionMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("addPasswordsAndSessions") { db in
            try db.execute(sql: addPasswordsAndSessionsSQL)
        }
    }
}

/// A user may have a password (PBKDF2, see `PasswordHash`) beside its token. A session row holds
/// the SHA-256 of the cookie's id, never the id; it goes with its user (a re-added user starts
/// with none). How a request reaches the server (a token or a session) is kept with each entry.
private let addPasswordsAndSessionsSQL = """
    ALTER TABLE user ADD COLUMN passwordHash TEXT;
    CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        idHash TEXT NOT NULL UNIQUE,
        csrfToken TEXT NOT NULL,
        createdAt TEXT NOT NULL,
        lastSeenAt TEXT NOT NULL,
        expiresAt TEXT NOT NULL,
        address TEXT
    );
    CREATE INDEX session_user ON session(userId);
    ALTER TABLE auditEntry ADD COLUMN via TEXT CHECK (via IS NULL OR via IN ('token', 'session'));
    """

/// Users hold one bearer token each: its first 16 hex digits in clear (to find the row) and a
/// salted SHA-256 of the whole token. The audit log is append-only: triggers refuse any change.
private let createUsersAndAuditSQL = """
    CREATE TABLE user (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('commune_editor', 'district_editor', 'province_editor', 'admin')),
        unitCode TEXT,
        tokenPrefix TEXT NOT NULL UNIQUE,
        tokenSalt TEXT NOT NULL,
        tokenHash TEXT NOT NULL,
        createdAt TEXT NOT NULL,
        revokedAt TEXT,
        CHECK ((role = 'admin') = (unitCode IS NULL))
    );
    CREATE TABLE auditEntry (
        id INTEGER PRIMARY KEY,
        recordedAt TEXT NOT NULL,
        actor TEXT NOT NULL,
        role TEXT,
        action TEXT NOT NULL,
        workId TEXT,
        subject TEXT,
        beforeJSON TEXT,
        afterJSON TEXT
    );
    CREATE INDEX auditEntry_work ON auditEntry(workId);
    CREATE TRIGGER auditEntry_noUpdate BEFORE UPDATE ON auditEntry BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
    END;
    CREATE TRIGGER auditEntry_noDelete BEFORE DELETE ON auditEntry BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted');
    END;
    """

/// REPLACE deletes the old row without firing DELETE triggers, so an insert over an existing id
/// is refused on its own; every entry must extend the chain at its end.
private let chainedAuditTriggersSQL = """
    CREATE TRIGGER auditEntry_noUpdate BEFORE UPDATE ON auditEntry BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
    END;
    CREATE TRIGGER auditEntry_noReplace BEFORE INSERT ON auditEntry
    WHEN EXISTS (SELECT 1 FROM auditEntry WHERE id = NEW.id) BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be replaced');
    END;
    CREATE TRIGGER auditEntry_appendOnly BEFORE INSERT ON auditEntry
    WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM auditEntry)
        OR NEW.previousHash IS NOT coalesce(
            (SELECT entryHash FROM auditEntry ORDER BY id DESC LIMIT 1), '\(AuditChain.genesis)')
        OR NEW.entryHash IS NULL BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only: an entry must extend the chain at its end');
    END;
    """

/// The triggers that keep the audit log append-only, checked by `audit verify`.
let auditTriggerNames = ["auditEntry_noUpdate", "auditEntry_noDelete", "auditEntry_noReplace", "auditEntry_appendOnly"]
