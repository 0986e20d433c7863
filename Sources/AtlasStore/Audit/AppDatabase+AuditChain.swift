import GRDB

extension AuditChain.Content {
    init(row: Row) {
        self.init(
            id: row["id"], previousHash: row["previousHash"] ?? "", recordedAt: row["recordedAt"], actor: row["actor"],
            role: row["role"], action: row["action"], workId: row["workId"], subject: row["subject"],
            before: row["beforeJSON"], after: row["afterJSON"], via: row["via"])
    }
}

extension AppDatabase {
    /// Appends one entry at the end of the chain, inside the caller's write transaction.
    static func appendAudit(_ content: AuditChain.Content, in db: Database) throws {
        var content = content
        let last = try Row.fetchOne(db, sql: "SELECT id, entryHash FROM auditEntry ORDER BY id DESC LIMIT 1")
        content.id = (last?["id"] as Int64? ?? 0) + 1
        content.previousHash = last?["entryHash"] ?? AuditChain.genesis
        let hash = AuditChain.hash(content)
        try db.execute(
            literal: """
                INSERT INTO auditEntry (id, recordedAt, actor, role, action, workId, subject, beforeJSON, afterJSON,
                                        previousHash, entryHash, via)
                VALUES (\(content.id), \(content.recordedAt), \(content.actor), \(content.role), \(content.action),
                        \(content.workId), \(content.subject), \(content.before), \(content.after),
                        \(content.previousHash), \(hash), \(content.via))
                """)
    }

    /// Walks the whole log in order, recomputing every hash; names the first entry that breaks.
    public func verifyAuditChain() throws -> AuditChainReport {
        try dbWriter.read { db in
            let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            var report = AuditChainReport(
                entryCount: 0, headHash: AuditChain.genesis, firstBreak: nil,
                missingTriggers: auditTriggerNames.filter { !present.contains($0) })
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM auditEntry ORDER BY id")
            var previous = AuditChain.genesis
            while let row = try rows.next() {
                let content = AuditChain.Content(row: row)
                let recorded: String? = row["entryHash"]
                report.entryCount += 1
                if report.firstBreak == nil {
                    if content.previousHash != previous {
                        report.firstBreak = AuditChainBreak(entryId: content.id, kind: .linkBroken)
                    } else if recorded != AuditChain.hash(content) {
                        report.firstBreak = AuditChainBreak(entryId: content.id, kind: .contentChanged)
                    }
                }
                previous = recorded ?? ""
            }
            report.headHash = previous
            return report
        }
    }
}
