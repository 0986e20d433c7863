import AtlasCoverage
import AtlasExport
import AtlasGeoJSON
import Foundation

/// The textual forms of a gaps list; CSV cells are the GeoJSON layer's properties.
enum GapsFormatter {
    static func csv(_ report: GapReport) -> String {
        CSVText.render(
            header: GapsLayerExport.fields,
            rows: report.gaps.map { GapsLayerExport.properties(of: $0).map { cell($0.1) } })
    }

    static func table(_ report: GapReport) -> String {
        let header = [
            "village", "name", "commune", "commune name", "households", "poverty", "est. poor", "basis", "distance",
            "note",
        ]
        let rows = report.gaps.map { g -> [String] in
            [
                g.villageCode, g.villageName, g.communeCode, g.communeName, g.households.map(String.init) ?? "-",
                g.povertyRate.map { String(format: "%.1f%%", $0 * 100) } ?? "-",
                g.estimatedPoorHouseholds.map(String.init) ?? "-", g.poorBasis?.rawValue ?? "-",
                g.distanceM.map { String(format: "%.0f m", $0) } ?? "-", g.note ?? "",
            ]
        }
        var text = TextTable.render(header: header, rows: rows)
        text += "\(report.gaps.count) villages not served (\(report.category.rawValue)), rules \(report.rules.version)"
        text +=
            (report.statsYear.map { ", statistics \($0)" } ?? "") + (report.asOf.map { ", as of \($0)" } ?? "") + "\n"
        return text
    }

    static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let s): s
        case .integer(let n): String(n)
        default: value.jsonText
        }
    }
}
