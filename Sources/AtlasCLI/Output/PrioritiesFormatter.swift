import AtlasCoverage
import AtlasModel
import Foundation

/// The textual forms of a priority ranking.
enum PrioritiesFormatter {
    static let header = [
        "rank", "commune_code", "commune_name", "unserved_villages", "unserved_households", "unserved_poor_households",
        "poverty_rate", "flags", "eligible", "poor_part", "households_part", "eligible_bonus_part", "score",
    ]

    /// Flags sorted by name, `;`-separated as lists are in the works CSV.
    static func flags(_ row: CommunePriority) -> String {
        row.commune.flags.map(\.rawValue).sorted().joined(separator: ";")
    }

    static func csv(_ ranking: [CommunePriority]) -> String {
        func number(_ v: Double) -> String { String(format: "%.4f", v) }
        let rows = ranking.map { r in
            [
                String(r.rank), r.commune.code, r.commune.name, String(r.unservedVillages),
                String(r.unservedHouseholds),
                String(r.unservedPoorHouseholds), r.commune.povertyRate.map { String(format: "%.4f", $0) } ?? "",
                flags(r), r.eligible ? "true" : "false", number(r.poorPart), number(r.householdsPart),
                number(r.eligibleBonusPart), number(r.score),
            ]
        }
        return CSVText.render(header: header, rows: rows)
    }

    static func table(_ ranking: [CommunePriority], report: GapReport, weights: PriorityWeights) -> String {
        func number(_ v: Double) -> String { String(format: "%.1f", v) }
        let rows = ranking.map { r in
            [
                String(r.rank), r.commune.code, r.commune.name, String(r.unservedVillages),
                String(r.unservedHouseholds),
                String(r.unservedPoorHouseholds),
                r.commune.povertyRate.map { String(format: "%.1f%%", $0 * 100) } ?? "-",
                flags(r), number(r.poorPart), number(r.householdsPart), number(r.eligibleBonusPart), number(r.score),
            ]
        }
        var text = TextTable.render(
            header: [
                "rank", "code", "commune", "villages", "households", "poor", "poverty", "flags", "poor part",
                "households part", "bonus", "score",
            ], rows: rows)
        text +=
            "\(report.category.rawValue): score = (poor × \(weights.unservedPoorHouseholds) + households × \(weights.unservedHouseholds))"
            + " × (1 + \(weights.eligibleBonus) if flagged); rules \(report.rules.version)"
            + (report.statsYear.map { ", statistics \($0)" } ?? "") + "\n"
        return text
    }
}
