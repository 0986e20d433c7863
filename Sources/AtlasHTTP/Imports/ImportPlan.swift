import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import Foundation

/// What importing a checked file would do, read against the database without writing: each
/// work added, changed (with its fields before and after) or left as it is, and the works an
/// editor may not touch because they lie, or would lie, outside the editor's unit.
struct ImportPlan {
    enum Action: String {
        case add, change, same
    }

    struct FieldChange {
        let field: String
        let before: JSONValue
        let after: JSONValue
    }

    struct Entry {
        let id: String
        let name: String
        let location: String
        let communeCode: String?
        let action: Action
        let changes: [FieldChange]
    }

    let entries: [Entry]
    /// One problem per work outside the editor's unit, before or after.
    let outside: [Problem.FieldError]

    init(_ checked: CheckedWorks, identity: Identity, database: any AtlasDataStore) throws {
        let rows = checked.rows
        let baseline = try database.batchBaseline(
            ids: rows.map(\.work.id), communeCodes: Set(rows.compactMap(\.communeCode)))
        func place(_ code: String?) -> WorkPlace {
            code.flatMap { baseline.places[$0] } ?? WorkPlace(communeCode: code)
        }
        var entries: [Entry] = []
        var outside: [Problem.FieldError] = []
        for (i, row) in rows.enumerated() {
            let location = i < checked.locations.count ? checked.locations[i] : row.work.id
            let before = baseline.works[row.work.id]
            let after = StoredWork(row: row, place: place(row.communeCode))
            let refusal =
                before.flatMap { identity.refusal(place($0.communeCode), "change", moving: false) }
                ?? identity.refusal(
                    place(row.communeCode), before == nil ? "register" : "change", moving: before != nil)
            if let refusal {
                outside.append(
                    .init(location: location, field: "commune_code", value: row.communeCode ?? "", reason: refusal))
            }
            let changes = before.map { Self.changes(from: $0, to: after) } ?? []
            entries.append(
                Entry(
                    id: row.work.id, name: row.work.name, location: location, communeCode: row.communeCode,
                    action: before == nil ? .add : changes.isEmpty ? .same : .change, changes: changes))
        }
        self.entries = entries
        self.outside = outside
    }

    func count(_ action: Action) -> Int { entries.filter { $0.action == action }.count }

    /// The import fields that differ, as the works API reads them, and the geometry.
    static func changes(from before: StoredWork, to after: StoredWork) -> [FieldChange] {
        let old = WorkJSON.fields(of: before), new = WorkJSON.fields(of: after)
        var changes = Set(old.keys).union(new.keys).sorted().compactMap { key -> FieldChange? in
            let a = old[key] ?? .null, b = new[key] ?? .null
            return a == b ? nil : FieldChange(field: key, before: a, after: b)
        }
        if before.work.geometry != after.work.geometry {
            changes.append(
                FieldChange(
                    field: "geometry", before: .string(summary(before.work.geometry)),
                    after: .string(summary(after.work.geometry))))
        }
        return changes
    }

    /// A geometry in a few words: a point's coordinates, else its type and size.
    static func summary(_ geometry: Geometry) -> String {
        if case .point(let p) = geometry {
            return "Point (" + String(format: "%.6f, %.6f", p.x, p.y) + ")"
        }
        let positions =
            geometry.lines.reduce(0) { $0 + $1.count }
            + geometry.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        return "\(geometry.typeName), \(positions) positions"
    }

    /// The answer of the import route: what was (or would be) added and changed, and how the file read.
    func json(file: String, dryRun: Bool, warnings: [String], notes: [String]) -> JSONValue {
        let listed = entries.filter { $0.action != .same }.map { e -> JSONValue in
            [
                "id": .string(e.id), "name": .string(e.name), "location": .string(e.location),
                "commune_code": e.communeCode.map(JSONValue.string) ?? .null, "action": .string(e.action.rawValue),
                "changes": .array(
                    e.changes.map { ["field": .string($0.field), "before": $0.before, "after": $0.after] }),
            ]
        }
        return [
            "file": .string(file), "dry_run": .bool(dryRun), "added": .integer(Int64(count(.add))),
            "changed": .integer(Int64(count(.change))), "unchanged": .integer(Int64(count(.same))),
            "works": .array(listed), "warnings": .array(warnings.map(JSONValue.string)),
            "notes": .array(notes.map(JSONValue.string)),
        ]
    }
}
