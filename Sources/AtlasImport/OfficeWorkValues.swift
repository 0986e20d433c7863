import AtlasGDAL
import AtlasGeoJSON
import AtlasModel

/// A cell of an office file as the value WorkFieldParser reads: vocabulary words as codes,
/// dates as ISO text, money as whole đồng, decimal commas as points.
enum OfficeWorkValues {
    static let vocabularyFields: Set<String> = [
        "programme", "category", "status", "surface", "road_class", "exactness", "investor",
    ]
    static let dateFields: Set<String> = ["approved_on", "started_on", "completed_on"]
    static let numberFields: Set<String> = ["accuracy_m", "labour_days", "length_m"]

    static func isMoney(_ field: String) -> Bool { field.hasSuffix("_vnd") }

    static func value(_ cell: VectorValue, field: String) -> JSONValue {
        if cell.isBlank { return .null }
        if dateFields.contains(field) {
            switch cell {
            case .integer(let serial): return .string(OfficeCellText.excelSerial(Int(serial)) ?? String(serial))
            case .real(let serial) where serial >= 1 && serial < 1e6:
                return .string(OfficeCellText.excelSerial(Int(serial)) ?? String(serial))
            case .string(let s): return .string(OfficeCellText.date(s))
            default: return .string(cell.text ?? "")
            }
        }
        if isMoney(field) {
            switch cell {
            case .integer(let i): return .integer(i)
            case .real(let d) where d == d.rounded() && abs(d) < 9e18: return .integer(Int64(d))
            default: return .string(OfficeCellText.money(cell.text ?? ""))
            }
        }
        if numberFields.contains(field) {
            switch cell {
            case .integer(let i): return .double(Double(i))
            case .real(let d): return .double(d)
            default: return .string(OfficeCellText.decimal(cell.text ?? ""))
            }
        }
        let text = cell.text ?? ""
        if vocabularyFields.contains(field) { return .string(VocabularyAliases.code(text, field: field)) }
        if field == "commune_code" || field == "declared_commune_code" { return .string(communeCode(text)) }
        return .string(text)
    }

    /// A commune code a spreadsheet stored as a number lost its leading zeros ("6253" for "06253").
    static func communeCode(_ text: String) -> String {
        let t = text.trimmedASCIISpaces
        guard (1...4).contains(t.count), t.allSatisfy(\.isASCIIDigit) else { return t }
        return String(repeating: "0", count: 5 - t.count) + t
    }

    /// A coordinate cell as a number ("106,45" read as 106.45), or nil.
    static func coordinate(_ cell: VectorValue?) -> Double? {
        switch cell {
        case .integer(let i)?: Double(i)
        case .real(let d)?: d.isFinite ? d : nil
        case .string(let s)?: NumberText.decimal(OfficeCellText.decimal(s))
        default: nil
        }
    }
}
