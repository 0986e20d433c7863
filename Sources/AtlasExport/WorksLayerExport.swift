import AtlasGeoJSON
import AtlasModel
import AtlasStore

/// The works layer of SPEC §4: one Feature per work with its geometry and attributes.
public enum WorksLayerExport {
    public static func properties(of s: StoredWork) -> [(String, JSONValue)] {
        let w = s.work
        func text(_ v: String?) -> JSONValue { v.map(JSONValue.string) ?? .null }
        return [
            ("id", .string(w.id)),
            ("name", .string(w.name)),
            ("programme", .string(w.programme.rawValue)),
            ("category", .string(w.category.rawValue)),
            ("status", .string(w.status.rawValue)),
            ("surface", text(w.surface?.rawValue)),
            ("road_class", text(w.roadClass?.rawValue)),
            ("commune_code", text(s.communeCode)),
            ("district_code", text(s.districtCode)),
            ("declared_commune_code", text(w.declaredCommuneCode)),
            ("commune_disagrees", .bool(s.communeDisagrees)),
            ("exactness", .string(w.exactness.rawValue)),
            ("accuracy_m", w.accuracyM.map(JSONValue.double) ?? .null),
            ("villages_served", .string(w.villagesServed.joined(separator: ";"))),
            ("approved_on", text(w.approvedOn?.description)),
            ("started_on", text(w.startedOn?.description)),
            ("completed_on", text(w.completedOn?.description)),
            ("investor", text(w.investor?.rawValue)),
            ("length_m", s.lengthM.map { .double(($0 * 10).rounded() / 10) } ?? .null),
            ("planned_vnd", .integer(w.plannedVND)),
            ("disbursed_vnd", .integer(w.disbursedVND)),
            ("maintenance_count", .integer(Int64(s.maintenance.count))),
            ("maintenance_vnd", .integer(s.maintenance.totalVND)),
            ("last_maintained_on", text(s.maintenance.lastOn?.description)),
        ]
    }

    /// `planned_<source>_vnd`/`disbursed_<source>_vnd` per source, else the totals; `labour_days`.
    public static func fundingFields(_ w: Work) -> [String: JSONValue] {
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
        if let days = w.funding.last(where: { $0.labourDays != nil })?.labourDays {
            f["labour_days"] = .integer(Int64(days))
        }
        return f
    }
}
