import ArgumentParser
import AtlasGeoJSON
import AtlasStore

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the audit log of writes, or verify that it was not tampered with.",
        subcommands: [AuditList.self, AuditVerify.self], defaultSubcommand: AuditList.self)
}

struct AuditList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the audit log of writes (who, when, what; --json adds the values before and after).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only entries of this work.") var work: String?
    @Option(help: "At most this many entries, newest first.") var limit: Int = 100
    @Flag(help: "One JSON object per line, with the values before and after.") var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        let entries = try database.open().auditEntries(workId: work, limit: limit)
        if json {
            for e in entries { print(Self.jsonLine(e)) }
            return
        }
        let rows = entries.map { e in
            [String(e.id), e.recordedAt, e.actor, e.role ?? "", e.action, e.workId ?? e.subject ?? ""]
        }
        print(
            TextTable.render(header: ["id", "recorded_at", "actor", "role", "action", "subject"], rows: rows),
            terminator: "")
    }

    static func jsonLine(_ e: AuditEntry) -> String {
        func text(_ s: String?) -> String { s.map { JSONValue.string($0).jsonText } ?? "null" }
        let members = [
            "\"id\":\(e.id)", "\"recorded_at\":\(text(e.recordedAt))", "\"actor\":\(text(e.actor))",
            "\"role\":\(text(e.role))", "\"action\":\(text(e.action))", "\"work_id\":\(text(e.workId))",
            "\"subject\":\(text(e.subject))", "\"before\":\(e.before ?? "null")", "\"after\":\(e.after ?? "null")",
            "\"entry_hash\":\(text(e.entryHash))",
        ]
        return "{" + members.joined(separator: ",") + "}"
    }
}

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain; name the first entry where it breaks.",
        discussion: """
            Every entry carries the SHA-256 of the entry before it and of its own content, so an entry \
            changed, removed or inserted after the fact — even by someone who edits the file with SQL — \
            breaks the chain there. Keep the printed head hash with your records: entries cut off the end \
            of the log show as a different head. Exit status 1 when the chain or its triggers are broken.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let report = try database.open().verifyAuditChain()
        var problems: [String] = []
        if let broken = report.firstBreak { problems.append(broken.description) }
        if !report.missingTriggers.isEmpty {
            problems.append(
                "the append-only triggers \(report.missingTriggers.joined(separator: ", ")) are missing (dropped by hand?)"
            )
        }
        guard problems.isEmpty else {
            throw DataProblem(
                description: "audit log of \(report.entryCount) entries is NOT intact:\n  "
                    + problems.joined(separator: "\n  "))
        }
        print("audit log intact: \(report.entryCount) entries; head \(report.headHash)")
    }
}
