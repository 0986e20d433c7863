import AtlasExport
import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

/// A stored work as JSON: the works-layer Feature (OGC, API answers, audit log) and the import
/// fields (SPEC §5) that a PATCH is applied to.
enum WorkJSON {
    static func record(_ work: StoredWork) -> FeatureRecord {
        FeatureRecord(
            id: work.work.id, properties: JSONObject(uniqueKeysWithValues: WorksLayerExport.properties(of: work)),
            geometry: work.work.geometry)
    }

    /// The audit log's copy: the works-layer Feature plus per-source funding and labour days.
    static func auditText(_ work: StoredWork) throws -> String {
        var record = record(work)
        for (key, value) in fundingFields(work.work).sorted(by: { $0.key < $1.key }) where record.properties[key] == nil {
            record.properties[key] = value
        }
        return try FeatureStream.featureText(record)
    }

    /// The work as the import fields that produce it again (declared commune as `commune_code`).
    static func fields(of stored: StoredWork) -> [String: JSONValue] {
        let w = stored.work
        var f: [String: JSONValue] = [
            "id": .string(w.id), "name": .string(w.name), "programme": .string(w.programme.rawValue),
            "category": .string(w.category.rawValue), "status": .string(w.status.rawValue),
            "exactness": .string(w.exactness.rawValue), "villages_served": .array(w.villagesServed.map(JSONValue.string)),
        ]
        let optional: [(String, String?)] = [
            ("surface", w.surface?.rawValue), ("road_class", w.roadClass?.rawValue),
            ("commune_code", w.declaredCommuneCode), ("approved_on", w.approvedOn?.description),
            ("started_on", w.startedOn?.description), ("completed_on", w.completedOn?.description),
            ("investor", w.investor?.rawValue),
        ]
        for (key, value) in optional { if let value { f[key] = .string(value) } }
        if let accuracy = w.accuracyM { f["accuracy_m"] = .double(accuracy) }
        f.merge(fundingFields(w)) { a, _ in a }
        return f
    }

    /// `planned_<source>_vnd`/`disbursed_<source>_vnd` per source, else the totals; `labour_days`.
    static func fundingFields(_ w: Work) -> [String: JSONValue] {
        var f: [String: JSONValue] = [:]
        let sourced = w.funding.filter { $0.source != nil }
        if sourced.isEmpty {
            if w.funding.contains(where: { $0.plannedVND != 0 || $0.disbursedVND != 0 }) {
                f["planned_vnd"] = .integer(w.plannedVND)
                f["disbursed_vnd"] = .integer(w.disbursedVND)
            }
        } else {
            for line in sourced {
                guard let source = line.source?.rawValue else { continue }
                f["planned_\(source)_vnd"] = .integer(line.plannedVND)
                f["disbursed_\(source)_vnd"] = .integer(line.disbursedVND)
            }
        }
        if let days = w.funding.last(where: { $0.labourDays != nil })?.labourDays { f["labour_days"] = .integer(Int64(days)) }
        return f
    }
}
