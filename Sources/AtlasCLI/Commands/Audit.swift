import ArgumentParser
import AtlasGeoJSON
import AtlasStore

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        print(TextTable.render(header: ["id", "recorded_at", "actor", "role", "action", "subject"], rows: rows), terminator: "")
    }

    static func jsonLine(_ e: AuditEntry) -> String {
        func text(_ s: String?) -> String { s.map { JSONValue.string($0).jsonText } ?? "null" }
        let members = [
            "\"id\":\(e.id)", "\"recorded_at\":\(text(e.recordedAt))", "\"actor\":\(text(e.actor))",
            "\"role\":\(text(e.role))", "\"action\":\(text(e.action))", "\"work_id\":\(text(e.workId))",
            "\"subject\":\(text(e.subject))", "\"before\":\(e.before ?? "null")", "\"after\":\(e.after ?? "null")",
        ]
        return "{" + members.joined(separator: ",") + "}"
    }
}
