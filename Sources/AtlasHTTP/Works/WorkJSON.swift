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

    /// The work as the import fields that produce it again (declared commune as `commune_code`).
    static func fields(of stored: StoredWork) -> [String: JSONValue] {
        let w = stored.work
        var f: [String: JSONValue] = [
            "id": .string(w.id), "name": .string(w.name), "programme": .string(w.programme.rawValue),
            "category": .string(w.category.rawValue), "status": .string(w.status.rawValue),
            "exactness": .string(w.exactness.rawValue),
            "villages_served": .array(w.villagesServed.map(JSONValue.string)),
        ]
        let optional: [(String, String?)] = [
            ("surface", w.surface?.rawValue), ("road_class", w.roadClass?.rawValue),
            ("commune_code", w.declaredCommuneCode), ("approved_on", w.approvedOn?.description),
            ("started_on", w.startedOn?.description), ("completed_on", w.completedOn?.description),
            ("investor", w.investor?.rawValue),
        ]
        for (key, value) in optional { if let value { f[key] = .string(value) } }
        if let accuracy = w.accuracyM { f["accuracy_m"] = .double(accuracy) }
        f.merge(WorksLayerExport.fundingFields(w)) { a, _ in a }
        return f
    }
}
