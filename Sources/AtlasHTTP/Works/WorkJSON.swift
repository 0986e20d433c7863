import AtlasExport
import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

/// A stored work as JSON: the works-layer Feature (OGC, API answers) and the import fields that
/// a PATCH is applied to. The audit log's copy is `WorkAuditDocument`.
enum WorkJSON {
    static func record(_ work: StoredWork) -> FeatureRecord {
        FeatureRecord(
            id: work.work.id, properties: JSONObject(uniqueKeysWithValues: WorksLayerExport.properties(of: work)),
            geometry: work.work.geometry)
    }

    /// One maintenance event as the works API gives it back.
    static func maintenance(_ recorded: RecordedMaintenance) -> JSONValue {
        let e = recorded.event
        return [
            "id": .integer(recorded.id), "work_id": .string(recorded.workId), "date": .string(e.happenedOn.description),
            "cost_vnd": .integer(e.costVND), "source": e.source.map { .string($0.rawValue) } ?? .null,
            "note": e.note.map(JSONValue.string) ?? .null,
        ]
    }

    /// The Feature's foreign member listing a work's maintenance events, oldest first.
    static func maintenanceMember(_ work: StoredWork) -> JSONObject {
        ["maintenance": .array(work.maintenanceEvents.map(maintenance))]
    }

    /// The work as the import fields that produce it again: the works-layer properties without
    /// the derived ones, the declared commune as `commune_code`, funding per source.
    static func fields(of stored: StoredWork) -> [String: JSONValue] {
        var f: [String: JSONValue] = [:]
        for (key, value) in WorksLayerExport.properties(of: stored) where value != .null {
            switch key {
            case "commune_code", "planned_vnd", "disbursed_vnd": continue  // derived, or in the funding fields
            case "declared_commune_code": f["commune_code"] = value
            case "villages_served": f[key] = .array(stored.work.villagesServed.map(JSONValue.string))
            default: if !WorkFieldNames.derived.contains(key) { f[key] = value }
            }
        }
        f.merge(WorksLayerExport.fundingFields(stored.work)) { a, _ in a }
        return f
    }
}
