import Foundation
import GRDB
import Testing

@testable import AtlasStore

/// The audit log is append-only by triggers and tamper-evident by its hash chain.
@Suite struct AuditChainTests {
    let actor = AuditActor(name: "cli:root", role: "local")

    /// A database with `count` audit entries (user additions and revocations).
    func logWith(entries count: Int) throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        for i in 0..<count {
            if i % 2 == 0 {
                let credential = TokenCredential(prefix: String(format: "%016d", i), salt: "s\(i)", hash: "h\(i)")
                try database.addUser(name: "user\(i)", role: .admin, unitCode: nil, credential: credential, by: actor)
            } else {
                try database.revokeUser(name: "user\(i - 1)", by: actor)
            }
        }
        return database
    }

    func sql(_ database: AppDatabase, _ statement: String) throws {
        try database.dbWriter.writeWithoutTransaction { try $0.execute(sql: statement) }
    }

    @Test func hashCoversTheEntryInADocumentedEncoding() {
        // Expected value from Python's hashlib over the same bytes:
        // b'worksatlas-audit-v1\n1:1;64:000…0;20:2026-01-01T00:00:00Z;8:cli:root;5:local;8:user.add;-;5:Nông;-;16:{"name":"Nông"};'
        let content = AuditChain.Content(
            id: 1, previousHash: AuditChain.genesis, recordedAt: "2026-01-01T00:00:00Z", actor: "cli:root",
            role: "local",
            action: "user.add", workId: nil, subject: "Nông", before: nil, after: "{\"name\":\"Nông\"}")
        #expect(AuditChain.hash(content) == "42d4795c5bc99f723925a5f0f8c141798d891c9e2a176f4b6315f1804e7f2664")
    }

    @Test func anUntouchedLogVerifies() throws {
        let database = try logWith(entries: 5)
        let report = try database.verifyAuditChain()
        #expect(report.isIntact)
        #expect(report.entryCount == 5)
        let newest = try #require(try database.auditEntries(limit: 1).first)
        #expect(report.headHash == newest.entryHash)
        #expect(
            try AppDatabase.inMemory().verifyAuditChain()
                == AuditChainReport(
                    entryCount: 0, headHash: AuditChain.genesis, firstBreak: nil, missingTriggers: []))
    }

    @Test(arguments: [
        "UPDATE auditEntry SET actor = 'nobody' WHERE id = 2",
        "DELETE FROM auditEntry WHERE id = 2",
        "REPLACE INTO auditEntry (id, recordedAt, actor, action) VALUES (2, 'x', 'nobody', 'work.create')",
        "INSERT OR REPLACE INTO auditEntry (id, recordedAt, actor, action) VALUES (1, 'x', 'nobody', 'work.create')",
        "INSERT INTO auditEntry (id, recordedAt, actor, action) VALUES (2, 'x', 'n', 'a') ON CONFLICT(id) DO UPDATE SET actor = 'n'",
        "INSERT INTO auditEntry (recordedAt, actor, action, entryHash, previousHash) VALUES ('x', 'nobody', 'forged', 'f', 'f')",
        "INSERT INTO auditEntry (id, recordedAt, actor, action) VALUES (9, 'x', 'nobody', 'forged')",
    ])
    func sqlCannotChangeTheLog(statement: String) throws {
        let database = try logWith(entries: 3)
        let before = try database.auditEntries(limit: 100)
        #expect(throws: DatabaseError.self) { try sql(database, statement) }
        #expect(try database.auditEntries(limit: 100) == before)
        #expect(try database.verifyAuditChain().isIntact)
    }

    @Test func aChangedEntryIsNamedAfterTheTriggersAreDropped() throws {
        let database = try logWith(entries: 4)
        try sql(database, "DROP TRIGGER auditEntry_noUpdate")
        try sql(database, "UPDATE auditEntry SET afterJSON = '{\"name\":\"someone else\"}' WHERE id = 3")
        let report = try database.verifyAuditChain()
        #expect(report.firstBreak == AuditChainBreak(entryId: 3, kind: .contentChanged))
        #expect(report.missingTriggers == ["auditEntry_noUpdate"])
    }

    @Test func aRemovedEntryBreaksTheLinkOfTheNextOne() throws {
        let database = try logWith(entries: 4)
        try sql(database, "DROP TRIGGER auditEntry_noDelete")
        try sql(database, "DELETE FROM auditEntry WHERE id = 2")
        #expect(try database.verifyAuditChain().firstBreak == AuditChainBreak(entryId: 3, kind: .linkBroken))
    }

    @Test func aRewrittenChainFromTheStartIsCaughtAtTheFirstEntry() throws {
        // Whoever deletes the first entry and renumbers cannot make entry 2 point at the genesis.
        let database = try logWith(entries: 3)
        try sql(database, "DROP TRIGGER auditEntry_noDelete")
        try sql(database, "DELETE FROM auditEntry WHERE id = 1")
        #expect(try database.verifyAuditChain().firstBreak == AuditChainBreak(entryId: 2, kind: .linkBroken))
    }

    @Test func entriesWrittenBeforeTheChainAreLinkedByTheMigration() throws {
        // Given a database at the schema before the chain, with two entries
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(queue, upTo: "createUsersAndAudit")
        try queue.write { db in
            for name in ["a", "b"] {
                try db.execute(
                    sql:
                        "INSERT INTO auditEntry (recordedAt, actor, action, subject) VALUES ('2025-01-01T00:00:00Z', 'cli:x', 'user.add', ?)",
                    arguments: [name])
            }
        }
        // When it is opened by this version, and one more entry is written
        let database = try AppDatabase(queue)
        let credential = TokenCredential(prefix: "0123456789abcdef", salt: "s", hash: "h")
        try database.addUser(name: "c", role: .admin, unitCode: nil, credential: credential, by: actor)
        // Then all three hold together, the old ones first
        let report = try database.verifyAuditChain()
        #expect(report.isIntact)
        #expect(report.entryCount == 3)
        #expect(try database.auditEntries(limit: 10).map(\.subject) == ["c", "b", "a"])
    }
}
