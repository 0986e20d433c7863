import AtlasGDAL
import AtlasGeoJSON
import AtlasModel

/// The typed columns of a layer, read from the properties every export shares (one definition
/// of the fields: `WorksLayerExport.properties`, `CommuneMapExport.properties`).
struct ExportColumns {
    let fields: [FieldSpec]

    /// Each column's type from its values: integers (đồng, counts) as Integer64, a column with
    /// any fraction as Real, `…_on` as dates, booleans as booleans; all-null as text.
    init(rows: [[(String, JSONValue)]]) {
        let names = rows.first?.map(\.0) ?? []
        fields = names.indices.map { i in
            let name = names[i]
            var integers = false, doubles = false, bools = false, width = 1
            for row in rows {
                switch row[i].1 {
                case .integer: integers = true
                case .double: doubles = true
                case .bool: bools = true
                case .string(let s): width = max(width, s.utf8.count)
                case .null: break
                case .array, .object: width = max(width, row[i].1.jsonText.utf8.count)
                }
            }
            let kind: FieldKind =
                name.hasSuffix("_on") ? .date
                : doubles ? .real : integers ? .integer64 : bools ? .boolean : .string
            return FieldSpec(name, kind, width: width)
        }
    }

    func values(_ row: [(String, JSONValue)]) -> [FieldValue] {
        zip(fields, row).map { field, entry in
            switch (field.kind, entry.1) {
            case (_, .null): .null
            case (.date, .string(let s)): (try? CalendarDate(iso: s)).map(FieldValue.date) ?? .string(s)
            case (.real, .integer(let n)): .real(Double(n))
            case (_, .integer(let n)): .integer(n)
            case (_, .double(let x)): .real(x)
            case (_, .bool(let b)): .boolean(b)
            case (_, .string(let s)): .string(s)
            case (_, let other): .string(other.jsonText)
            }
        }
    }
}
