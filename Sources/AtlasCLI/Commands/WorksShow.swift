import ArgumentParser
import AtlasExport
import AtlasGeoJSON
import AtlasModel
import AtlasStore
import Foundation

struct WorksShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one work: its fields, derived commune, funding, status history and maintenance.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The work id.") var id: String

    func run() throws {
        guard let s = try database.open().work(id: id) else { throw DataProblem(description: "no work with id \(id)") }
        let w = s.work
        var lines: [(String, String)] = [
            ("id", w.id), ("name", w.name), ("programme", w.programme.rawValue), ("category", w.category.rawValue),
            ("status", w.status.rawValue), ("geometry", w.geometry.typeName + " (\(w.geometry.vertexCount) positions)"),
            ("commune", s.communeCode ?? "none (outside every commune)"), ("district", s.districtCode ?? ""),
        ]
        if let declared = w.declaredCommuneCode {
            lines.append(("declared commune", declared + (s.communeDisagrees ? "  ← disagrees with the geometry" : "")))
        }
        let optional: [(String, String?)] = [
            ("surface", w.surface?.rawValue), ("road class", w.roadClass?.rawValue),
            ("length", s.lengthM.map { "\(Int($0.rounded())) m" }), ("exactness", w.exactness.rawValue),
            ("accuracy", w.accuracyM.map { "\($0) m" }), ("investor", w.investor?.rawValue),
            ("approved on", w.approvedOn?.description), ("started on", w.startedOn?.description),
            ("completed on", w.completedOn?.description),
            ("villages served", w.villagesServed.isEmpty ? nil : w.villagesServed.joined(separator: "; ")),
        ]
        for case let (label, value?) in optional { lines.append((label, value)) }
        // Any other field of the works layer, so a new field shows here without an edit.
        let shown: Set<String> = [
            "id", "name", "programme", "category", "status", "commune_code", "district_code", "declared_commune_code",
            "commune_disagrees", "surface", "road_class", "length_m", "exactness", "accuracy_m", "investor",
            "approved_on", "started_on", "completed_on", "villages_served", "planned_vnd", "disbursed_vnd",
            "maintenance_count", "maintenance_vnd", "last_maintained_on",
        ]
        for (key, value) in WorksLayerExport.properties(of: s) where !shown.contains(key) && value != .null {
            let text: String
            if case .string(let t) = value { text = t } else { text = value.jsonText }
            lines.append((key.replacingOccurrences(of: "_", with: " "), text))
        }
        for line in w.funding {
            lines.append(
                (
                    "funding " + (line.source?.rawValue ?? "(unspecified)"),
                    "planned \(Money.format(line.plannedVND)), disbursed \(Money.format(line.disbursedVND))"
                        + (line.labourDays.map { ", \($0) labour days" } ?? "")
                ))
        }
        for change in s.history {
            lines.append(
                (
                    "status change",
                    "\(change.from?.rawValue ?? "registered as") → \(change.to.rawValue)"
                        + " on \(change.on?.description ?? "unknown date") (recorded \(change.recordedAt))"
                ))
        }
        for recorded in s.maintenanceEvents {
            let event = recorded.event
            lines.append(
                (
                    "maintenance",
                    "\(event.happenedOn)  \(Money.format(event.costVND))"
                        + "  \(event.source?.rawValue ?? "(source unspecified)")" + (event.note.map { "  \($0)" } ?? "")
                ))
        }
        if s.maintenance.count > 1 {
            lines.append(
                ("maintenance total", "\(Money.format(s.maintenance.totalVND)) in \(s.maintenance.count) events"))
        }
        let width = lines.map(\.0.count).max() ?? 0
        for (label, value) in lines {
            print(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
        }
    }
}
