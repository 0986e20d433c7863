import GRDB

extension AppDatabase {
    /// Migrations of the server's tables (users, tokens, audit), registered after the registry's.
    static func registerServerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("createUsersAndAudit") { db in
            try db.execute(sql: createUsersAndAuditSQL)
        }
    }
}

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
