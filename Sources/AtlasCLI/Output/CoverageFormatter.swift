import AtlasCoverage
import AtlasModel
import Foundation

/// The textual forms of a coverage report.
enum CoverageFormatter {
    /// SPEC §5: commune_code, category, households, served_households, coverage (6 decimals),
    /// sorted by code then category name.
    static func csv(_ report: CoverageReport) -> String {
        let categories = WorkCategory.allCases.sorted { $0.rawValue < $1.rawValue }
        var rows: [[String]] = []
        for commune in report.communes {
            for category in categories {
                let t = commune.tallies[category] ?? CoverageTally()
                let ratio = t.ratio.map { String(format: "%.6f", $0) } ?? ""
                rows.append([commune.code, category.rawValue, "\(t.households)", "\(t.servedHouseholds)", ratio])
            }
        }
        return CSVText.render(
            header: ["commune_code", "category", "households", "served_households", "coverage"], rows: rows)
    }

    /// One row per commune: coverage_<category> (full precision) and works_<category>.
    static func wide(_ report: CoverageReport) -> String {
        let categories = WorkCategory.allCases
        let header = ["code"] + categories.map { "coverage_\($0.rawValue)" } + categories.map { "works_\($0.rawValue)" }
        let rows = report.communes.map { c in
            [c.code] + categories.map { c.ratio($0).map { "\($0)" } ?? "" }
                + categories.map { String(c.workCounts[$0] ?? 0) }
        }
        return CSVText.render(header: header, rows: rows)
    }

    static func json(_ report: CoverageReport) throws -> String {
        let communes: [[String: Any]] = report.communes.map { c in
            var categories: [String: Any] = [:]
            for category in WorkCategory.allCases {
                let t = c.tallies[category] ?? CoverageTally()
                categories[category.rawValue] = [
                    "households": t.households, "served_households": t.servedHouseholds,
                    "coverage": t.ratio.map { $0 as Any } ?? NSNull(), "works": c.workCounts[category] ?? 0,
                ]
            }
            return [
                "commune_code": c.code, "district_code": c.districtCode.map { $0 as Any } ?? NSNull(),
                "uses_centroid": c.usesCentroid, "categories": categories,
            ]
        }
        let object: [String: Any] = [
            "rules_version": report.rules.version, "as_of": report.asOf.map { $0.description as Any } ?? NSNull(),
            "statistics_year": report.statsYear.map { $0 as Any } ?? NSNull(), "communes": communes,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func table(_ report: CoverageReport, names: [String: String]) -> String {
        let categories = WorkCategory.allCases
        let header = ["code", "commune", "households"] + categories.map(\.rawValue) + ["note"]
        let rows = report.communes.map { c -> [String] in
            let households = c.tallies[.road]?.households ?? 0
            let cells = categories.map { category in
                c.ratio(category).map { String(format: "%5.1f%%", $0 * 100) } ?? "-"
            }
            return [c.code, names[c.code] ?? "", String(households)] + cells + [c.usesCentroid ? "centroid" : ""]
        }
        var text = TextTable.render(header: header, rows: rows)
        text += "rules \(report.rules.version)" + (report.asOf.map { ", as of \($0)" } ?? "") + "\n"
        return text
    }
}
