import AtlasModel

/// One commune's place in the "where next" ranking of one category, with the parts of its score.
public struct CommunePriority: Sendable, Hashable {
    public var rank: Int
    public var commune: GapCommune
    public var unservedVillages: Int
    /// Households of the unserved villages (a village without a count adds nothing).
    public var unservedHouseholds: Int
    /// Estimated poor households of the unserved villages (`PoorHouseholdEstimate`).
    public var unservedPoorHouseholds: Int
    /// True when the commune carries any classification flag of the period (poor_30a from its
    /// district, difficult_135, border, safe_zone): a place the programmes may invest in.
    public var eligible: Bool
    public var poorPart: Double
    public var householdsPart: Double
    public var eligibleBonusPart: Double

    public var score: Double { poorPart + householdsPart + eligibleBonusPart }
}

/// Ranks communes for the next works of a category:
///
///     base  = unserved_poor_households · w_poor + unserved_households · w_households
///     score = base · (1 + eligible_bonus)   for a commune with an eligibility flag,
///     score = base                          otherwise
///
/// with the weights of the rules file's `priority_weights`. Highest score first; equal scores in
/// code order. Every commune is ranked, fully served ones last with score 0.
public enum PriorityRanking {
    public static func rank(_ report: GapReport, weights: PriorityWeights) -> [CommunePriority] {
        var villages: [String: Int] = [:]
        var households: [String: Int] = [:]
        var poor: [String: Int] = [:]
        for gap in report.gaps {
            villages[gap.communeCode, default: 0] += 1
            households[gap.communeCode, default: 0] += gap.households ?? 0
            poor[gap.communeCode, default: 0] += gap.estimatedPoorHouseholds ?? 0
        }
        var rows = report.communes.map { commune -> CommunePriority in
            let unservedPoor = poor[commune.code] ?? 0, unservedHouseholds = households[commune.code] ?? 0
            let poorPart = Double(unservedPoor) * weights.unservedPoorHouseholds
            let householdsPart = Double(unservedHouseholds) * weights.unservedHouseholds
            let eligible = !commune.flags.isEmpty
            return CommunePriority(
                rank: 0, commune: commune, unservedVillages: villages[commune.code] ?? 0,
                unservedHouseholds: unservedHouseholds, unservedPoorHouseholds: unservedPoor, eligible: eligible,
                poorPart: poorPart, householdsPart: householdsPart,
                eligibleBonusPart: eligible ? (poorPart + householdsPart) * weights.eligibleBonus : 0)
        }
        rows.sort { $0.score != $1.score ? $0.score > $1.score : $0.commune.code < $1.commune.code }
        for i in rows.indices { rows[i].rank = i + 1 }
        return rows
    }
}
