import Foundation

/// The weights of the "where next" priority score, read from the rules file's
/// `priority_weights` object so a committee can change them with the data, never in code.
/// `PriorityRanking` (AtlasCoverage) says how they combine.
public struct PriorityWeights: Hashable, Sendable, Codable {
    /// Points per estimated poor household living in an unserved village.
    public var unservedPoorHouseholds: Double
    /// Points per household (poor or not) living in an unserved village.
    public var unservedHouseholds: Double
    /// Share added to the score of a commune the programmes may invest in (any eligibility flag).
    public var eligibleBonus: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
        case unservedPoorHouseholds = "unserved_poor_households"
        case unservedHouseholds = "unserved_households"
        case eligibleBonus = "eligible_bonus"
    }

    /// Poor households count ten times a household, and eligible communes get a quarter more.
    public static let standard = PriorityWeights(
        unservedPoorHouseholds: 1, unservedHouseholds: 0.1, eligibleBonus: 0.25)

    public init(unservedPoorHouseholds: Double, unservedHouseholds: Double, eligibleBonus: Double) {
        self.unservedPoorHouseholds = unservedPoorHouseholds
        self.unservedHouseholds = unservedHouseholds
        self.eligibleBonus = eligibleBonus
    }

    /// Refuses unknown and missing keys, and weights that are negative, not finite, or all zero
    /// (every commune would score 0 and the order would say nothing).
    public init(from decoder: Decoder) throws {
        let field = "priority_weights"
        let raw = try decoder.singleValueContainer().decode([String: Double].self)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        let allowed = CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
        for key in raw.keys.sorted() where !known.contains(key) {
            throw ModelError.unknownValue(field: field, value: key, allowed: allowed)
        }
        func weight(_ key: CodingKeys) throws -> Double {
            guard let value = raw[key.rawValue] else {
                throw ModelError.invalid(field: field, value: key.rawValue, reason: "no weight for \(key.rawValue)")
            }
            guard value.isFinite, value >= 0 else {
                throw ModelError.invalid(
                    field: "\(field).\(key.rawValue)", value: "\(value)", reason: "a weight must be a number ≥ 0")
            }
            return value
        }
        unservedPoorHouseholds = try weight(.unservedPoorHouseholds)
        unservedHouseholds = try weight(.unservedHouseholds)
        eligibleBonus = try weight(.eligibleBonus)
        guard unservedPoorHouseholds > 0 || unservedHouseholds > 0 else {
            throw ModelError.invalid(
                field: field, value: "0",
                reason: "unserved_poor_households or unserved_households must be above 0, else every commune scores 0")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unservedPoorHouseholds, forKey: .unservedPoorHouseholds)
        try c.encode(unservedHouseholds, forKey: .unservedHouseholds)
        try c.encode(eligibleBonus, forKey: .eligibleBonus)
    }
}
