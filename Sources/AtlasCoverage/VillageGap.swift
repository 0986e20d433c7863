import AtlasModel

/// A village not served in one category (SPEC §2), with what a planner weighs: its households,
/// its estimated poor households and how far the nearest serving work is.
public struct VillageGap: Sendable, Hashable {
    /// The village code, or the commune code when the commune has no villages.
    public var villageCode: String
    public var villageName: String
    public var communeCode: String
    public var communeName: String
    /// True when the commune has no villages and its centroid stands for all its households.
    public var isCentroid: Bool
    public var households: Int?
    /// The commune's poor / households of the statistics year.
    public var povertyRate: Double?
    public var estimatedPoorHouseholds: Int?
    public var poorBasis: PoorBasis?
    /// Planar metres (EPSG:3405) to the nearest serving work of the category; nil when none exists
    /// or the village has no location.
    public var distanceM: Double?
    /// WGS84 lon/lat; nil for a village without a location.
    public var location: Position?

    /// Why a figure is missing or stands in for another, for the reader of a list.
    public var note: String? {
        if isCentroid { return "commune without villages: measured at its centroid" }
        if location == nil { return "no location: only villages_served could serve it" }
        return nil
    }
}

/// A commune as the gaps list and the priorities show it.
public struct GapCommune: Sendable, Hashable {
    public var code: String
    public var name: String
    public var stats: YearStats?
    /// Classification flags of the programme period holding the statistics year (with the
    /// district's poor_30a), as the commune map shows them.
    public var flags: Set<ClassificationFlag>

    public var povertyRate: Double? { stats?.povertyRate }
}

/// Every unserved village of one category, most poor households first, then by code.
public struct GapReport: Sendable {
    public var category: WorkCategory
    public var rules: CoverageRules
    public var asOf: CalendarDate?
    public var statsYear: Int?
    /// Every commune of the units seen, by code.
    public var communes: [GapCommune]
    public var gaps: [VillageGap]
}
