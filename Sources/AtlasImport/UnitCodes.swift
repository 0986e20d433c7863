import AtlasGeoJSON
import AtlasModel

/// A unit's code and its parent's as the file gives them. GIS attribute tables often hold codes
/// as numbers, which drop the leading zeros GSO codes have (commune 06004 → 6004); those are
/// padded back to the width of the unit's level. A GeoJSON number stays an error: there the
/// writer chose a number over a string. A DBF has no null number, and GDAL reads a blank one
/// as 0, which no GSO code is: 0 is no code.
struct UnitCodes {
    let numbersAllowed: Bool
    /// Codes of units in the database and in the file: a numeric parent code takes the width
    /// (district 3, province 2) under which such a unit exists.
    private var known: Set<String>
    /// Whether any code was a number, so the report can say that zeros were restored.
    private(set) var anyNumbers = false

    init(_ source: UnitFeatures, known kinds: [String: UnitKind]) {
        numbersAllowed = source.codesMayBeNumbers
        known = Set(kinds.keys)
        guard numbersAllowed else { return }
        for (_, feature) in source.features {
            if let code = code(feature.properties) { known.insert(code) }
            if case .integer? = feature.properties["code"] { anyNumbers = true }
        }
    }

    func code(_ properties: JSONObject) -> String? {
        switch properties["code"] {
        case .string(let text)?: text
        case .integer(0)? where numbersAllowed: ""
        case .integer(let n)? where numbersAllowed && n > 0: Self.padded(n, to: Self.kind(properties)?.codeDigits ?? 0)
        default: nil
        }
    }

    func parent(_ properties: JSONObject) -> String? {
        switch properties["parent_code"] {
        case .string(let text)?: return text
        case .integer(0)? where numbersAllowed: return ""
        case .integer(let n)? where numbersAllowed && n > 0:
            let parentKinds: [UnitKind] = Self.kind(properties) == .commune ? [.district, .province] : [.province]
            let candidates = parentKinds.compactMap(\.codeDigits).map { Self.padded(n, to: $0) }
            return candidates.first(where: known.contains) ?? candidates.first
        default: return nil
        }
    }

    private static func kind(_ properties: JSONObject) -> UnitKind? {
        properties["kind"]?.stringValue.flatMap(UnitKind.init(rawValue:))
    }

    private static func padded(_ n: Int64, to width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
