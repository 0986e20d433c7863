/// The coverage ratio of one commune for one category (SPEC §2, <doc:CoverageDefinition>):
///
///     coverage = Σ households(v) · served(v) / Σ households(v)
///
/// A village without a household count weighs 1. A commune without villages is one
/// pseudo-village at its centroid holding all its households (`usesCentroid`).
public struct CoverageTally: Hashable, Sendable {
    public var households: Int
    public var servedHouseholds: Int

    public init(households: Int = 0, servedHouseholds: Int = 0) {
        self.households = households
        self.servedHouseholds = servedHouseholds
    }

    /// The weight a village adds: its households, or 1 when unknown.
    public static func weight(ofHouseholds households: Int?) -> Int { households ?? 1 }

    public mutating func add(households: Int?, served: Bool) {
        let w = Self.weight(ofHouseholds: households)
        self.households += w
        if served { servedHouseholds += w }
    }

    /// Served share in [0, 1]; nil without households (nothing to cover).
    public var ratio: Double? {
        households > 0 ? Double(servedHouseholds) / Double(households) : nil
    }
}
