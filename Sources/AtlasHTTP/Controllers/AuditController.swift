import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation
import Hummingbird

/// `GET /api/audit[?work=ID&limit=&offset=]`: the audit log, newest first. Admins read all of it;
/// an editor reads the entries of works that lay inside their unit before or after the change,
/// the same scope as their writes. The log has no write endpoint; the database refuses changes.
struct AuditController: Sendable {
    let environment: ServerEnvironment

    func addRoutes(to routes: RouterGroup<AtlasRequestContext>) {
        routes.get("audit", use: list)
    }

    @Sendable func list(_ request: Request, context: AtlasRequestContext) async throws -> Response {
        let identity = try context.identity.require(.editors, to: "read the audit log")
        let query = try QueryParameters(request.uri.query, allowed: ["work", "limit", "offset"])
        let limit = try query.limit(default: 100, maximum: 1000), offset = try query.offset()
        let work = query["work"]
        if let work, !CollectionID.works.isWellFormed(featureId: work) {
            throw Problem.invalidParameter("work", work, Work.idRule)
        }
        let database = environment.database
        let visible: (@Sendable (WorkPlace) -> Bool)? =
            identity.role == .admin ? nil : { @Sendable place in identity.covers(place) }
        let entries = try await blocking {
            try database.auditEntries(workId: work, limit: limit, offset: offset, visible: visible)
        }
        return .json(["entries": .array(entries.map(Self.json))])
    }

    /// One entry; `before`/`after` are the stored JSON documents, embedded as JSON.
    static func json(_ e: AuditEntry) -> JSONValue {
        func document(_ text: String?) -> JSONValue {
            guard let text else { return .null }
            return (try? StrictJSONParser().parse(text)) ?? .string(text)
        }
        return [
            "id": .integer(e.id), "recorded_at": .string(e.recordedAt), "actor": .string(e.actor),
            "role": e.role.map(JSONValue.string) ?? .null, "action": .string(e.action),
            "work_id": e.workId.map(JSONValue.string) ?? .null, "subject": e.subject.map(JSONValue.string) ?? .null,
            "before": document(e.before), "after": document(e.after),
            "via": e.via.map(JSONValue.string) ?? .null,
        ]
    }
}
